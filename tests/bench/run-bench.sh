#!/bin/sh
# run-bench.sh: the figures of BENCHMARKS.md, from scratch.
#
#     tests/bench/run-bench.sh [BUILD_DIR] [RUNS] [IDLE_SECONDS]
#
# Builds concerto, bench_concerto and gen_situation in BUILD_DIR (default
# build/release, the `release` preset: optimised, as deployed), generates the
# 20, 60, 120 and 300-node situations (gen_situation N 1), then prints:
#  1. bench_concerto's table (medians over RUNS, default 21): parse, layout,
#     full frame, spotlight frame, cached frame, newcomer frame, hit test,
#     start-up, peak memory, idle wake-ups;
#  2. instructions per frame under callgrind, stable on a noisy machine: a
#     full frame (--toggle-collect=draw_frame on `concerto --render` of the
#     network phase at 1920x1080), and a cached and a newcomer frame
#     (`bench_concerto --callgrind`: the functions bench_cached_frame and
#     bench_newcomer_frame, one call each);
#  3. frames drawn by the idle kiosk (SDL_VIDEODRIVER=dummy) over IDLE_SECONDS
#     (default 5) after the first, counted as calls to draw_frame under
#     callgrind.
# Needs valgrind (deploy/install-deps.sh test list). Nothing here fails on a
# slow figure: the targets are in BENCHMARKS.md.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
build=${1:-$source_dir/build/release}
runs=${2:-21}
idle=${3:-5}

if [ ! -f "$build/CMakeCache.txt" ]; then
	cmake -S "$source_dir" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCONCERTO_WERROR=ON >/dev/null
fi
cmake --build "$build" -j2 --target concerto bench_concerto gen_situation >/dev/null
concerto=$build/concerto
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

files=demo
for size in 20 60 120 300; do
	"$build/tests/gen_situation" "$size" 1 >"$work/gen-$size.situation"
	files="$files $work/gen-$size.situation"
done

echo "## In-process and kiosk figures (medians of $runs runs; times in ms unless noted)"
echo
# shellcheck disable=SC2086 # the list is ours, without spaces
"$build/tests/bench_concerto" --binary "$concerto" --runs "$runs" --idle "$idle" $files
echo

if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind is missing: no instruction counts (deploy/install-deps.sh test)"
	exit 0
fi
echo "## Instructions per frame (callgrind, network phase, 1920x1080; newcomer: the round's last)"
echo
echo "| situation | full frame: instructions in draw_frame | of which in SDL_RenderGeometry | cached frame | newcomer frame |"
echo "| --- | ---: | ---: | ---: | ---: |"
for file in $files; do
	if [ "$file" = demo ]; then source="--demo"; name=demo; else source=$file; name=$(basename "$file"); fi
	out=$work/callgrind.out
	valgrind --tool=callgrind --toggle-collect=draw_frame --callgrind-out-file="$out" \
		"$concerto" --render "$source" --out "$work/frame.bmp" --size 1920x1080 --phase 3 \
		>/dev/null 2>&1
	total=$(callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ {print $1; exit}')
	geometry=$(callgrind_annotate --inclusive=yes "$out" 2>/dev/null |
		awk '/SDL_RenderGeometry/ {print $1; exit}')
	out=$work/callgrind-cached.out
	valgrind --tool=callgrind --callgrind-out-file="$out" \
		"$build/tests/bench_concerto" --callgrind "$file" >/dev/null 2>&1
	cached=$(callgrind_annotate --inclusive=yes --auto=no --threshold=100 "$out" 2>/dev/null |
		awk '/bench_cached_frame/ {print $1; exit}')
	newcomer=$(callgrind_annotate --inclusive=yes --auto=no --threshold=100 "$out" 2>/dev/null |
		awk '/bench_newcomer_frame/ {print $1; exit}')
	echo "| $name | $total | ${geometry:-0} | ${cached:-?} | ${newcomer:-?} |"
done
echo

echo "## Idle kiosk (demo, SDL_VIDEODRIVER=dummy, ${idle} s after start-up, under callgrind)"
echo
out=$work/idle.out
# Start-up under valgrind takes a few seconds: wait for it, then idle.
SDL_VIDEODRIVER=dummy timeout -s TERM $((idle + 15)) \
	valgrind --tool=callgrind --compress-strings=no --callgrind-out-file="$out" \
	"$concerto" --windowed --demo >/dev/null 2>&1 || true
frames=$(awk '/^cfn=.*draw_frame$/ {want=1; next} want && /^calls=/ {split($1, a, "="); n += a[2]} {want=0} END {print n + 0}' "$out")
echo "draw_frame calls over $((idle + 15)) s with nothing happening: $frames (1 is the first frame)"
