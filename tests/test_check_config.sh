#!/bin/sh
# test_check_config: `concerto --check-config FILE` on the real binary — the
# documented default file passes silently, a bad file lists every problem as
# file:line:col and exits 1, a missing file asked for by name exits 1.
# usage: test_check_config.sh CONCERTO SOURCE_DIR
set -u
concerto="$1"
source_dir="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/check.sh"

"$concerto" --check-config "$source_dir/deploy/kiosk.conf" >"$work/good.out" 2>&1
check "default file: exit 0" [ $? -eq 0 ]
check "default file: no output" [ ! -s "$work/good.out" ]

printf 'rotation = 90\nrotaton = 90\ntheme = black\n' >"$work/bad.conf"
"$concerto" --check-config "$work/bad.conf" >"$work/bad.out" 2>&1
check "bad file: exit 1" [ $? -eq 1 ]
check "bad file: unknown key with suggestion" grep -qx \
	"$work/bad.conf:2:1: error: unknown key \"rotaton\"; did you mean \"rotation\"?" "$work/bad.out"
check "bad file: bad value with column" grep -qx \
	"$work/bad.conf:3:9: error: theme: \"black\" is not one of auto, light, dark" "$work/bad.out"
check "bad file: two lines" [ "$(wc -l <"$work/bad.out")" -eq 2 ]

"$concerto" --check-config "$work/missing.conf" >"$work/missing.out" 2>&1
check "missing file: exit 1" [ $? -eq 1 ]
check "missing file: said so" grep -q "no such file" "$work/missing.out"

"$concerto" --check-config >/dev/null 2>&1
check "no FILE: usage error" [ $? -eq 2 ]

check_summary test_check_config
