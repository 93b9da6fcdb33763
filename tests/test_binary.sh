#!/bin/sh
# test_binary: the real binary's command line — --help, --version, --check
# exit codes and diagnostics, --render of a file with errors, and the kiosk
# loop itself started under SDL's dummy video driver and stopped by SIGTERM
# as systemd would.
set -u
concerto="$1"
data="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/check.sh"

"$concerto" --help >"$work/help" 2>&1
check "--help exits 0" test $? -eq 0
check "--help lists --render" grep -q -- "--render" "$work/help"
"$concerto" --version >"$work/version"
check "--version prints the version" grep -Eq '^concerto [0-9]+\.[0-9]+\.[0-9]+$' "$work/version"

"$concerto" --check "$data/../../assets/demo.situation" >"$work/demo.out" 2>&1
check "--check of the demo exits 0" test $? -eq 0
check "--check of the demo reports no error" sh -c "! grep -q ': error:' '$work/demo.out'"

"$concerto" --check "$data/errors.situation" >"$work/errors.out" 2>&1
check "--check of a bad file exits 1" test $? -eq 1
check "the typo is reported at its line and column" \
	grep -q 'errors.situation:3:1: error: .*personne' "$work/errors.out"
check "the unknown id is reported at its column" \
	grep -q 'errors.situation:4:10: error: .*"jul"' "$work/errors.out"

"$concerto" --check "$data/../../assets/demo.situation" "$data/errors.situation" >/dev/null 2>&1
check "--check of a good and a bad file exits 1" test $? -eq 1
"$concerto" --check "$work/missing.situation" >"$work/missing.out" 2>&1
check "--check of a missing file exits 1" test $? -eq 1
check "--check of a missing file says so" grep -q 'missing.situation:1:1: error' "$work/missing.out"

"$concerto" --render "$data/errors.situation" --out "$work/errors.bmp" --size 640x360 2>/dev/null
check "--render of a bad file exits 1" test $? -eq 1
check "--render of a bad file still draws the error screen" test -s "$work/errors.bmp"

"$concerto" --render --demo --out "$work/touch.bmp" --phase 3 --touch nobody 2>"$work/touch.err"
check "--touch with an unknown id exits 2" test $? -eq 2
check "--touch with an unknown id names it" grep -q 'nobody' "$work/touch.err"

"$concerto" --render --demo --size 12x10 --out "$work/x.bmp" 2>/dev/null
check "a bad --size is a usage error" test $? -eq 2

# The kiosk loop: starts, draws, sleeps, and leaves cleanly on SIGTERM once
# it is up (it reports its first screen; waiting for that keeps a loaded
# machine from signalling a process still loading its libraries).
run_kiosk_until_term() { # output file, then the kiosk's arguments
	out="$1"
	shift
	SDL_VIDEODRIVER=dummy "$concerto" --report-state "$@" >"$out" 2>&1 &
	pid=$!
	tries=0
	while [ "$tries" -lt 200 ] && ! grep -q "^state" "$out" 2>/dev/null; do
		sleep 0.05
		tries=$((tries + 1))
	done
	sleep 0.3
	kill -TERM "$pid" 2>/dev/null
	wait "$pid"
}
run_kiosk_until_term "$work/kiosk.out" --windowed --demo
status=$?
check "the kiosk runs until SIGTERM then exits 0 (got $status)" test "$status" -eq 0
check "the kiosk reported its state" grep -q "^state" "$work/kiosk.out"
run_kiosk_until_term "$work/errors-kiosk.out" --windowed "$data/errors.situation"
status=$?
check "the kiosk shows a bad file's errors instead of crashing (got $status)" test "$status" -eq 0

check_summary test_binary
