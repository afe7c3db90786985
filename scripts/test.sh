#!/usr/bin/env bash
# Installs what the tests need (Debian), builds the extension out of tree, runs the phpt suite
# (make test) and the C tests of the core, and ends with one line "N passed, N failed, N skipped".
#   BUILD_DIR            build folder (default /tmp/tokencalc-test)
#   TOKENCALC_SKIP_APT=1 do not touch apt (everything is installed already)
#   TOKENCALC_SHARED     the shared folder with spec/ and vectors/ (default: ../shared beside the repo)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export BUILD_DIR=${BUILD_DIR:-/tmp/tokencalc-test}
export TOKENCALC_SHARED=${TOKENCALC_SHARED:-$(cd "$root/.." && pwd)/shared}
export TOKENCALC_README="$root/README.md"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

die() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

# --- dependencies (Debian's packages, for the PHP on PATH or, on a new machine, PHP 8.2) ---
if [ "${TOKENCALC_SKIP_APT:-0}" != 1 ]; then
	"$root/scripts/install-deps.sh" || die "installing the dependencies failed"
fi

# --- build ---
"$root/scripts/build.sh" || die "the build failed"
obj="$BUILD_DIR/obj"
src="$BUILD_DIR/src"

# make test runs PHP with extension_dir = the build's modules/; tests that use bcmath, gmp, sodium or
# ffi as an oracle name them in --EXTENSIONS--, so link the system's shared builds of those in.
extdir=$(php-config --extension-dir)
for ext in bcmath gmp sodium ffi pdo pdo_sqlite sqlite3; do
	[ -f "$extdir/$ext.so" ] && ln -sf "$extdir/$ext.so" "$obj/modules/$ext.so"
done

passed=0 failed=0 skipped=0

# --- phpt suite ---
make -C "$obj" test NO_INTERACTION=1 REPORT_EXIT_STATUS=1 TESTS="$src/tests" \
	TEST_PHP_ARGS="-j$(nproc) --show-diff ${TEST_PHP_EXTRA_ARGS:-}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
count() { sed -n "s/^Tests $1 *: *\([0-9]*\).*/\1/p" "$log" | tail -n 1; }
p=$(count passed); f=$(count failed); s=$(count skipped)
p=${p:-0} f=${f:-0} s=${s:-0}
if grep -q "No tests found" "$log" || [ "$p" -eq 0 ]; then
	echo "test.sh: the phpt suite ran no test" >&2
	f=$((f + 1))
elif [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
	echo "test.sh: make test exited with $status" >&2
	f=$((f + 1))
fi
echo "phpt: $p passed, $f failed, $s skipped"
passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))

# --- C tests of the core (no PHP) ---
core="$root/ext/tokencalc/core"
for t in "$root"/tests/core/test_*.c; do
	name=$(basename "$t" .c)
	for variant in "" "-DTC_NO_INT128"; do
		bin="$BUILD_DIR/$name${variant:+-portable}"
		label="$name${variant:+ (portable, no __int128)}"
		if ! cc -std=c11 -O2 -Wall -Wextra -Werror $variant -I"$core" "$core"/*.c "$t" -lgmp -lsodium -o "$bin" 2>"$log"; then
			cat "$log"
			echo "core: $label does not build"
			failed=$((failed + 1))
			continue
		fi
		out=$("$bin")
		rc=$?
		echo "$out" | tail -n 20
		line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
		cp=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
		cf=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
		if [ -z "$line" ] || [ "${cp:-0}" -eq 0 ]; then
			echo "core: $label printed no result"
			failed=$((failed + 1))
		else
			[ "$rc" -ne 0 ] && [ "${cf:-0}" -eq 0 ] && cf=1
			echo "core: $label: $cp passed, $cf failed"
			passed=$((passed + cp)) failed=$((failed + cf))
		fi
	done
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
