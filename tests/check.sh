# check.sh: the shell tests' counting, sourced by test_binary.sh,
# test_check_config.sh and test_usb_key.sh.
#
#     check "what is checked" command args...   counts a pass or a failure
#     check_summary NAME                        prints the counts; its status
#                                               is the test's result
#
# A test may define check_on_failure (run after a failure is printed), to
# show what explains it, such as the kiosk's own output.
passed=0
failed=0
check() { # description, then a command that must succeed
	description="$1"
	shift
	if "$@"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAILED: $description" >&2
		if command -v check_on_failure >/dev/null 2>&1; then
			check_on_failure
		fi
	fi
}

check_summary() {
	echo "$1: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
