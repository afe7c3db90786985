# Shell helpers shared by the scripts in scripts/ and by .ci/run. Source it from bash:
#   . "$(dirname "$0")/lib.sh"
# It defines functions and these variables, and runs nothing else:
#   tc_root                the repository (the folder above scripts/)
#   TC_NAME                the name messages start with (default: the sourcing script's, without .sh)
#   passed failed skipped  the totals a script adds to and ends with (totals_line)

tc_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TC_NAME=${TC_NAME:-$(basename "$0" .sh)}
passed=0 failed=0 skipped=0

say() { printf '%s: %s\n' "$TC_NAME" "$*" >&2; }

# Stops the script after a step that failed before anything was counted: the message, then the
# totals line CI reads, with this step as one more failure.
die() {
	say "$*"
	echo "$passed passed, $((failed + 1)) failed"
	exit 1
}

# --- totals -------------------------------------------------------------------------------------

# Adds the counts of a line "N passed, N failed[, N skipped]" (one word and a colon may lead it).
# Returns 1, adding nothing, when the line is not such a line.
totals_add() {
	local re='^([A-Za-z0-9_.-]+: )?([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?[[:space:]]*$'
	[[ $1 =~ $re ]] || return 1
	passed=$((passed + BASH_REMATCH[2]))
	failed=$((failed + BASH_REMATCH[3]))
	skipped=$((skipped + ${BASH_REMATCH[5]:-0}))
}

# The last totals line of a file (empty when there is none).
totals_last() {
	grep -E '^([A-Za-z0-9_.-]+: )?[0-9]+ passed, [0-9]+ failed' "$1" 2>/dev/null | tail -n 1 || true
}

# totals_add_run FILE EXIT-STATUS: adds the last totals line of a step's output; a step that printed
# none counts as one check by its exit status, and one that failed with 0 failed counts as one failure.
totals_add_run() {
	local line before=$failed
	line=$(totals_last "$1")
	if [ -n "$line" ] && totals_add "$line"; then
		[ "$2" -eq 0 ] || [ "$failed" -ne "$before" ] || failed=$((failed + 1))
	elif [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
}

totals_line() { echo "$passed passed, $failed failed, $skipped skipped"; }

# run-tests.php's limit for one test, in seconds (its default, 60, is too short for the largest tests
# on a busy 2-core machine: CI runs the Debian roots beside the valgrind pass). Time bounds are
# checked as ratios by scripts/hostile.sh, not by this limit.
TC_TEST_TIMEOUT=${TC_TEST_TIMEOUT:-300}

# runtests_totals LOG: reads the summary block of php-src's run-tests.php into rt_passed, rt_failed
# (failed + borked + leaked) and rt_skipped. Returns 1 when the run executed no test.
runtests_totals() {
	local log=$1 f b l
	_rt() { sed -n "s/^Tests $1 *: *\([0-9]*\).*/\1/p" "$log" | tail -n 1; }
	rt_passed=$(_rt passed) rt_skipped=$(_rt skipped)
	f=$(_rt failed) b=$(_rt borked) l=$(_rt leaked)
	rt_passed=${rt_passed:-0} rt_skipped=${rt_skipped:-0}
	rt_failed=$((${f:-0} + ${b:-0} + ${l:-0}))
	! grep -q '^No tests found' "$log" && [ "$rt_passed" -gt 0 ]
}

# runtests_judge LOG EXIT-STATUS: runtests_totals, then one more failure when no test passed or when
# run-tests exited non-zero with no failed test (the reason goes to stderr).
runtests_judge() {
	if ! runtests_totals "$1"; then
		say "run-tests passed no test (exit $2; log $1)"
		rt_failed=$((rt_failed + 1))
	elif [ "$2" -ne 0 ] && [ "$rt_failed" -eq 0 ]; then
		say "run-tests exited with $2 and no failed test (log $1)"
		rt_failed=$((rt_failed + 1))
	fi
}

# --- Debian packages ----------------------------------------------------------------------------

# What building and testing need besides PHP itself (scripts/test.sh, the PECL install, gen-arginfo).
TC_BUILD_PACKAGES="php-pear php-parser libgmp-dev libsodium-dev pkg-config make gcc libc6-dev autoconf git"

# The PHP packages for PHP X.Y: the CLI, the headers, and the extensions the tests use as oracles.
tc_php_packages() { echo "php$1-cli php$1-dev php$1-bcmath php$1-gmp php$1-sqlite3 php$1-xml"; }

# The PHP on PATH as X.Y (empty when there is none).
tc_php_version() { php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;' 2>/dev/null || true; }

# apt_ensure PKG...: installs, from Debian's packages, those of PKG that are not installed; does
# nothing when all are. TOKENCALC_SKIP_APT=1, or not being root: fails naming the missing ones.
# apt-get update runs once per process tree (TC_APT_UPDATED is exported after it).
apt_ensure() {
	local p missing=()
	for p in "$@"; do
		[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || missing+=("$p")
	done
	[ ${#missing[@]} -gt 0 ] || return 0
	if [ "${TOKENCALC_SKIP_APT:-0}" = 1 ]; then
		say "missing packages: ${missing[*]} (TOKENCALC_SKIP_APT=1: not installing them)"
		return 1
	fi
	if [ "$(id -u)" != 0 ]; then
		say "missing packages: ${missing[*]} (run as root, or install them)"
		return 1
	fi
	say "installing ${missing[*]}"
	local log
	log=$(mktemp)
	if [ "${TC_APT_UPDATED:-0}" != 1 ]; then
		apt-get update -q >"$log" 2>&1 || { tail -n 20 "$log" >&2; rm -f "$log"; return 1; }
		export TC_APT_UPDATED=1
	fi
	if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
		tail -n 30 "$log" >&2
		rm -f "$log"
		return 1
	fi
	rm -f "$log"
}

# apt_ensure_php [VERSION] [EXTRA...]: the PHP packages of VERSION (default: the PHP on PATH, else
# 8.2, Debian 12's) and the build packages, plus EXTRA.
apt_ensure_php() {
	local v=${1:-}
	[ $# -eq 0 ] || shift
	[ -n "$v" ] || v=$(tc_php_version)
	# shellcheck disable=SC2046 # the lists are words
	apt_ensure $(tc_php_packages "${v:-8.2}") $TC_BUILD_PACKAGES "$@"
}

# --- sources ------------------------------------------------------------------------------------

# tc_copy_sources FROM TO: copies what a build needs from the tree FROM into TO: what git tracks
# plus what is new and not ignored, or, outside a git checkout (an unpacked archive), everything
# .gitignore does not name (git reads the ignore files against a throwaway repository). Files kept
# from an earlier copy that FROM no longer has are removed (the list of copied files is kept in
# TO/.tokencalc-files); build products in TO are left alone. Modification times are kept.
tc_copy_sources() {
	local from=$1 to=$2 list old
	mkdir -p "$to"
	list=$(mktemp)
	if git -C "$from" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git -C "$from" ls-files -z --cached --others --exclude-standard >"$list.all"
	else
		local g
		g=$(mktemp -d)
		git init -q --bare "$g"
		git --git-dir="$g" --work-tree="$from" ls-files -z --others --exclude-standard >"$list.all"
		rm -rf "$g"
	fi
	# Tracked files deleted in the work tree are listed too: keep what exists. The bookkeeping files
	# of an earlier copy (when FROM is itself one) are not sources.
	(cd "$from" && while IFS= read -r -d '' f; do
		case $f in .tokencalc-files | .tokencalc-origin) continue ;; esac
		[ -e "$f" ] || [ -L "$f" ] && printf '%s\0' "$f"
	done) <"$list.all" >"$list"
	rm -f "$list.all"
	old=$to/.tokencalc-files
	if [ -f "$old" ]; then
		(cd "$to" && comm -z -23 <(sort -z "$old") <(sort -z "$list") | xargs -0 -r rm -f --)
	fi
	tar -C "$from" --null --no-recursion -T "$list" -cf - | tar -C "$to" -xf - || { rm -f "$list"; return 1; }
	mv "$list" "$old"
}
