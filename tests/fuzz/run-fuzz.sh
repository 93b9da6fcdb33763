#!/bin/sh
# run-fuzz.sh: runs the situation parser's libFuzzer harness for a bounded
# time, under AddressSanitizer and UndefinedBehaviorSanitizer.
#
#     tests/fuzz/run-fuzz.sh BUILD_DIR [SECONDS] [-- extra libFuzzer options]
#
# BUILD_DIR is a build of the `fuzz` preset with fuzz_situation and
# gen_situation built (cmake --preset fuzz && cmake --build --preset fuzz
# --target fuzz_situation fuzz_parser gen_situation). The seed corpus is assembled fresh
# each run from the test data, the demo, the format's example, the fuzz
# regressions and generated situations; the corpus the fuzzer grows lives in
# BUILD_DIR/fuzz-corpus (fuzz-corpus-fuzz_parser for FUZZER=fuzz_parser, the
# parser alone) and is reused by the next run. Exit status: 0 when
# nothing was found; otherwise libFuzzer's, with the input that failed in
# BUILD_DIR/fuzz-artifacts/ (add it to tests/data/fuzz-regressions/ once the
# bug is fixed).
set -eu

if [ $# -lt 1 ]; then
	echo "usage: $0 BUILD_DIR [SECONDS] [-- libFuzzer options]" >&2
	exit 2
fi
build=$(cd "$1" && pwd)
seconds=${2:-60}
shift
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
# FUZZER=fuzz_parser runs the parser-only harness (built by the same preset).
fuzzer=$build/tests/${FUZZER:-fuzz_situation}
gen=$build/tests/gen_situation
for tool in "$fuzzer" "$gen"; do
	if [ ! -x "$tool" ]; then
		echo "run-fuzz: $tool is missing; build the fuzz preset first" >&2
		exit 2
	fi
done

seeds=$build/fuzz-seeds
# Each harness grows its own corpus: the parser's would trim away inputs
# that only matter to the layout.
corpus=$build/fuzz-corpus${FUZZER:+-$FUZZER}
artifacts=$build/fuzz-artifacts
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$artifacts"
cp "$source_dir"/tests/data/*.situation "$source_dir"/assets/demo.situation \
	"$here"/seeds/*.situation "$seeds"/
for regression in "$source_dir"/tests/data/fuzz-regressions/*; do
	[ -f "$regression" ] && cp "$regression" "$seeds/regression-$(basename "$regression")"
done
for size in 8 20 60; do
	"$gen" "$size" "$size" >"$seeds/gen-$size.situation"
done

# abort_on_error gives a core-less abort libFuzzer reports as a crash;
# leaks are findings too. -timeout: one input taking 10 s is a finding.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
	"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
	-max_len=65536 -dict="$here/situation.dict" -artifact_prefix="$artifacts/" \
	-print_final_stats=1 "$@" "$corpus" "$seeds"
