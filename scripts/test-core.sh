#!/usr/bin/env bash
# Builds and runs the C tests of the core (tests/core/test_*.c) without PHP, each twice: with
# unsigned __int128 and with the portable path (-DTC_NO_INT128 -DTC_NO_SWAR: no __int128, no SWAR);
# test_wide also with every quotient estimate of Knuth's division forced one too large (-DTC_FORCE_ADD_BACK),
# -Wall -Wextra -Werror, contracts asserted (TC_ASSERT, -DTC_DEBUG). The core gets its memory from tests/core/tc_mem_counting.c (the counting
# allocator the tests define for core/tc_mem.h) when that file exists.
# Ends with one line "N passed, N failed, N skipped".
#   BUILD_DIR          where the test binaries go (default /tmp/tokencalc-test)
#   CORE_TEST_CFLAGS   extra compiler flags (say -fsanitize=address,undefined)
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD_DIR=${BUILD_DIR:-/tmp/tokencalc-test}
core="$tc_root/ext/tokencalc/core"
mkdir -p "$BUILD_DIR/core-tests"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

extra=()
[ -f "$tc_root/tests/core/tc_mem_counting.c" ] && extra+=("$tc_root/tests/core/tc_mem_counting.c")
tests=("$tc_root"/tests/core/test_*.c)
[ -f "${tests[0]}" ] || die "no tests/core/test_*.c"

for t in "${tests[@]}"; do
	name=$(basename "$t" .c)
	variants=("" "-DTC_NO_INT128 -DTC_NO_SWAR")
	# Knuth's add-back step is taken about once in 10^8 (base 10^8) or 10^16 (base 10^16) quotient
	# limbs: the wide tier's test runs once more with every estimate forced one too large.
	[ "$name" != test_wide ] || variants+=("-DTC_FORCE_ADD_BACK" "-DTC_FORCE_ADD_BACK -DTC_NO_INT128 -DTC_NO_SWAR")
	for variant in "${variants[@]}"; do
		case $variant in
		"") suffix="" label="$name" ;;
		*FORCE*NO_INT128*) suffix=-addback-portable label="$name (every estimate one too large, no __int128)" ;;
		*FORCE*) suffix=-addback label="$name (every estimate one too large)" ;;
		*) suffix=-portable label="$name (portable, no __int128)" ;;
		esac
		bin="$BUILD_DIR/core-tests/$name$suffix"
		# shellcheck disable=SC2086 # CORE_TEST_CFLAGS is a list of words
		if ! ${CC:-cc} -std=c11 -O2 -Wall -Wextra -Werror -DTC_DEBUG $variant ${CORE_TEST_CFLAGS:-} -I"$core" -I"$tc_root/tests/core" \
			"$core"/*.c "${extra[@]}" "$t" -lgmp -lsodium -o "$bin" 2>"$log"; then
			cat "$log"
			echo "core: $label does not build"
			failed=$((failed + 1))
			continue
		fi
		"$bin" >"$log" 2>&1
		rc=$?
		grep -v -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 20
		line=$(totals_last "$log")
		before_p=$passed before_f=$failed
		if [ -z "$line" ] || ! totals_add "$line" || [ "$passed" -eq "$before_p" ]; then
			passed=$before_p failed=$before_f
			echo "core: $label printed no result (exit $rc)"
			failed=$((failed + 1))
			continue
		fi
		[ "$rc" -eq 0 ] || [ "$failed" -ne "$before_f" ] || failed=$((failed + 1))
		echo "core: $label: $((passed - before_p)) passed, $((failed - before_f)) failed"
	done
done

totals_line
[ "$failed" -eq 0 ]
