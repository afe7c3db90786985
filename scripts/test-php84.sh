#!/usr/bin/env bash
# Runs the test suite on PHP 8.4 (the backend's runtime) inside a Debian 13 (trixie) root, compiles
# the binding there with ZTS defined (scripts/zts-compile.sh, against 8.4's headers), then builds the
# PECL tarball, installs it there with `pecl install` and loads it.
#
# The root is made once with debootstrap and reused from a cache folder outside the repository;
# a marker written as the very last step of its creation tells a finished root from a half-made one.
# The package mirror is read at run time from this machine's own apt configuration.
#
# Needs root (debootstrap, chroot, mount). No standard input is read.
#   TOKENCALC_PHP84_ROOT     where the root is kept (default /var/cache/tokencalc/trixie-root)
#   TOKENCALC_PHP84_LOG      log of apt, debootstrap, pecl... (default /tmp/tokencalc-php84.log)
#   TOKENCALC_DEBIAN_MIRROR  Debian archive URI; overrides what the apt configuration says
#   TOKENCALC_PHP84_REBUILD=1  throw the cached root away and make a new one
# The last line printed is the totals of the PHP 8.4 run: `N passed, N failed[, N skipped]`.
set -euo pipefail
shopt -s inherit_errexit
export LC_ALL=C DEBIAN_FRONTEND=noninteractive

repo=$(cd "$(dirname "$0")/.." && pwd)
ROOT=${TOKENCALC_PHP84_ROOT:-/var/cache/tokencalc/trixie-root}
ROOT=${ROOT%/}
case $ROOT in
/*/*) ;;
*) echo "test-php84: TOKENCALC_PHP84_ROOT must be an absolute path at least two levels deep" >&2; echo "0 passed, 1 failed"; exit 1 ;;
esac
LOG=${TOKENCALC_PHP84_LOG:-/tmp/tokencalc-php84.log}
SUITE=trixie
# What the root must hold: PHP 8.4 and the build and test dependencies of scripts/build.sh,
# scripts/test.sh and the PECL install. Changing this list updates a cached root on its next use.
PACKAGES="php8.4-cli php8.4-dev php8.4-bcmath php8.4-gmp php8.4-xml php-pear php-parser
	libgmp-dev libsodium-dev pkg-config make gcc libc6-dev autoconf rsync git ca-certificates"
MARKER=$ROOT/.tokencalc-root-ready
STAGE=/tokencalc        # where the repository and ../shared are copied inside the root
APT_ETC=${TOKENCALC_APT_ETC:-/etc/apt} # whose sources name the Debian mirror (another folder only for testing)

passed=0 failed=0 skipped=0
mounted=()              # mount points made by this run, in the order they were made

say() { printf '%s\n' "test-php84: $*" >&2; }

[ "$(id -u)" = 0 ] || { say "must run as root (debootstrap, chroot, mount)"; echo "0 passed, 1 failed"; exit 1; }
: >"$LOG"

# Runs a command with its output going to the log; on failure shows the log's tail and fails.
logged() {
	echo "+ $*" >>"$LOG"
	if ! "$@" >>"$LOG" 2>&1 </dev/null 7>&- 8>&-; then
		say "failed: $* (last lines of $LOG follow)"
		tail -n 40 "$LOG" >&2
		return 1
	fi
}

# Every mount point at or under the root, deepest first, from /proc/mounts.
mounts_under_root() {
	awk -v r="$ROOT" '{ p = $2; gsub(/\\040/, " ", p); if (p == r || index(p, r "/") == 1) print p }' /proc/mounts |
		sort -r
}

unmount_all() {
	local i m
	for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
		m=${mounted[i]}
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || say "could not unmount $m"
	done
	mounted=()
	# Anything left under the root (from this run or an earlier run that was killed).
	for m in $(mounts_under_root); do
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || say "could not unmount $m"
	done
}

mount_one() { # mount_one TARGET MOUNT-ARGS...
	local target=$1
	shift
	mkdir -p "$target"
	mount "$@" "$target"
	mounted+=("$target")
}

mount_all() {
	mount_one "$ROOT/proc" -t proc proc
	mount_one "$ROOT/sys" -t sysfs sysfs
	mount_one "$ROOT/dev" --bind /dev
	mount_one "$ROOT/dev/pts" --bind /dev/pts
	# Name resolution for apt inside the root (removed first: never write through a link in the root).
	rm -f "$ROOT/etc/resolv.conf"
	cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
}

totals_printed=0
exec 7>&1 8>&2 # the run's own stdout and stderr, for `finish`, which may run inside a redirected function
finish() {
	local rc=$?
	trap - EXIT INT TERM HUP
	exec 1>&7 2>&8
	unmount_all
	if [ -n "$(mounts_under_root)" ]; then
		say "mounts are left under $ROOT:"
		mounts_under_root >&2
		rc=1
	fi
	if [ "$totals_printed" = 0 ]; then
		# Stopped by a failing step: still end on a totals line, with that step as a failure.
		[ "$rc" != 0 ] || rc=1
		echo "$passed passed, $((failed + 1)) failed"
	fi
	exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Runs a command inside the root with a clean environment; stdin closed.
in_root() {
	chroot "$ROOT" /usr/bin/env -i \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
		CI="${CI:-}" TOKENCALC_IN_PHP84_ROOT=1 \
		"$@" </dev/null 7>&- 8>&-
}

# --- the Debian mirror, from this machine's apt configuration ------------------------------------

# Prints "URI SUITE..." for each enabled `deb` source, from one-line .list files and deb822 .sources.
apt_sources() {
	local f
	for f in "$APT_ETC/sources.list" "$APT_ETC"/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		# deb [options] uri suite component...
		sed -e 's/#.*//' "$f" | awk '$1 == "deb" {
			i = 2
			if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
			if (i + 1 <= NF) print $i, $(i + 1)
		}'
	done
	for f in "$APT_ETC"/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		# Stanzas separated by blank lines; fields Types, URIs, Suites, Enabled.
		awk '
			function flush(   n, u, i, j, us) {
				if (types ~ /(^| )deb( |$)/ && tolower(enabled) != "no" && uris != "" && suites != "") {
					n = split(uris, u, " ")
					for (i = 1; i <= n; i++) print u[i], suites
				}
				types = uris = suites = ""; enabled = "yes"; field = ""
			}
			BEGIN { enabled = "yes" }
			/^[ \t]*#/ { next }
			/^[ \t]*$/ { flush(); next }
			/^[ \t]/ { sub(/^[ \t]+/, ""); if (field == "uris") uris = uris " " $0; if (field == "suites") suites = suites " " $0; next }
			{
				key = tolower($0); sub(/:.*/, "", key); val = $0; sub(/^[^:]*:[ \t]*/, "", val); sub(/[ \t]+$/, "", val)
				field = key
				if (key == "types") types = val
				else if (key == "uris") uris = val
				else if (key == "suites") suites = val
				else if (key == "enabled") enabled = val
			}
			END { flush() }
		' "$f"
	done
}

# The Debian archive: a source one of whose suites is a plain Debian release name
# (not -security/-updates/-backports, not a third party's "cloud-sdk-bookworm" or "nodistro").
debian_mirror() {
	if [ -n "${TOKENCALC_DEBIAN_MIRROR:-}" ]; then
		echo "$TOKENCALC_DEBIAN_MIRROR"
		return
	fi
	local names="bullseye bookworm trixie forky duke sid stable oldstable testing unstable"
	local host_codename
	host_codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
	local uri suites s
	while read -r uri suites; do
		for s in $suites; do
			case " $names $host_codename " in *" $s "*)
				echo "${uri%/}"
				return 0
				;;
			esac
		done
	done < <(apt_sources)
}

# --- the root ----------------------------------------------------------------------------------

# shellcheck disable=SC2086,SC2116 # the echo folds the list onto one line
wanted_marker() { echo "suite=$SUITE packages=$(echo $PACKAGES)"; }

remove_root() {
	unmount_all
	# Only ever delete what looks like a root this script made (or an empty/absent folder).
	if [ -d "$ROOT" ] && [ -n "$(ls -A "$ROOT")" ] &&
		[ ! -e "$ROOT/debootstrap" ] && [ ! -e "$ROOT/etc/debian_version" ]; then
		say "refusing to delete $ROOT: it is not a Debian root made by this script"
		return 1
	fi
	if [ -n "$(mounts_under_root)" ]; then
		say "refusing to delete $ROOT: something is still mounted under it"
		return 1
	fi
	rm -rf --one-file-system "$ROOT"
}

install_packages() { # install_packages [upgrade]
	logged in_root apt-get update
	[ "${1:-}" != upgrade ] || logged in_root apt-get -y upgrade
	# shellcheck disable=SC2086
	logged in_root apt-get install -y --no-install-recommends $PACKAGES
	logged in_root apt-get clean
}

make_root() {
	local mirror t0 t1 t2
	mirror=$(debian_mirror)
	[ -n "$mirror" ] || { say "no Debian archive found in /etc/apt/sources.list{,.d/*} (set TOKENCALC_DEBIAN_MIRROR)"; return 1; }
	if ! command -v debootstrap >/dev/null; then
		logged apt-get install -y debootstrap || { logged apt-get update && logged apt-get install -y debootstrap; }
	fi
	say "making a Debian 13 root in $ROOT from $mirror (log: $LOG)"
	remove_root
	mkdir -p "$(dirname "$ROOT")"
	t0=$(date +%s)
	logged debootstrap --variant=minbase "$SUITE" "$ROOT" "$mirror"
	t1=$(date +%s)
	# No services are started inside the root.
	printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
	chmod +x "$ROOT/usr/sbin/policy-rc.d"
	mount_all
	install_packages
	t2=$(date +%s)
	say "root made in $((t1 - t0)) s, packages installed in $((t2 - t1)) s"
	wanted_marker >"$MARKER" # the very last step: the root is complete
}

prepare_root() {
	if [ "${TOKENCALC_PHP84_REBUILD:-}" = 1 ] || [ ! -f "$MARKER" ]; then
		[ -e "$ROOT" ] && [ ! -f "$MARKER" ] && say "$ROOT is half-made (no marker): making it again"
		make_root
		return
	fi
	mount_all
	local why=""
	[ "$(cat "$MARKER")" = "$(wanted_marker)" ] || why="the package list changed"
	# PHP 8.4's point releases reach the root within a week.
	[ -z "$(find "$MARKER" -mtime +7)" ] || why="it is more than a week old"
	if [ -n "$why" ]; then
		say "updating the cached root: $why"
		local t0
		t0=$(date +%s)
		rm -f "$MARKER"
		install_packages upgrade
		wanted_marker >"$MARKER"
		say "root updated in $(($(date +%s) - t0)) s"
	else
		say "reusing the root in $ROOT"
	fi
}

# --- copy the sources ----------------------------------------------------------------------------

copy_sources() {
	local name dest
	name=$(basename "$repo")
	dest=$ROOT$STAGE/$name
	rm -rf --one-file-system "${ROOT:?}$STAGE"
	# Nothing from an earlier run (build folders, pecl's work) is kept in the root's /tmp.
	find "$ROOT/tmp" -mindepth 1 -maxdepth 1 -xdev -exec rm -rf --one-file-system {} +
	mkdir -p "$dest"
	# A clean copy: what git tracks plus what is new and not ignored.
	(cd "$repo" && git ls-files -z --cached --others --exclude-standard) |
		rsync -a --from0 --ignore-missing-args --files-from=- "$repo/" "$dest/"
	# The scripts list their files with git: make the copy a repository of one commit of itself.
	git -C "$dest" init -q
	git -C "$dest" add -A
	git -C "$dest" -c user.name=test-php84 -c user.email=test-php84@localhost -c commit.gpgsign=false \
		commit -q --no-verify -m "copy for the PHP 8.4 run"
	if [ -d "$repo/../shared" ]; then
		rsync -a --exclude=.git "$repo/../shared/" "$ROOT$STAGE/shared/"
	fi
	echo "$STAGE/$name"
}

# --- run ----------------------------------------------------------------------------------------

# Adds the counts of a `N passed, N failed[, N skipped]` line (one word with a colon may lead).
add_totals() {
	local line=$1 re='^([A-Za-z0-9_-]+: )?([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?$'
	[[ $line =~ $re ]] || return 1
	passed=$((passed + BASH_REMATCH[2]))
	failed=$((failed + BASH_REMATCH[3]))
	skipped=$((skipped + ${BASH_REMATCH[5]:-0}))
}

run_suite() { # run_suite DIR-IN-ROOT
	local dir=$1 out rc=0 last
	out=$(mktemp)
	if [ -f "$ROOT$dir/scripts/test.sh" ]; then
		say "running scripts/test.sh on $(in_root php -r 'echo PHP_VERSION;')"
		# test.sh's own install step runs too (PHP_PKG_VERSION names the packages): it finds all installed
		# when its list and ours agree, and otherwise shows what it would miss on an 8.4 machine.
		in_root env PHP_PKG_VERSION=8.4 \
			bash -c "cd '$dir' && bash scripts/test.sh" >"$out" 2>&1 || rc=$?
	else
		say "scripts/test.sh not found: building with scripts/build.sh and running the phpt suite with run-tests.php"
		in_root bash -c "cd '$dir' && BUILD_DIR=/tmp/tc-build bash scripts/build.sh &&
			cd /tmp/tc-build/obj && make test NO_INTERACTION=1 REPORT_EXIT_STATUS=1 TEST_PHP_ARGS='--show-diff' TESTS='$dir/tests'" \
			>"$out" 2>&1 || rc=$?
	fi
	# The run's own output, marked so that its totals line is not read as ours.
	sed 's/^/[php8.4] /' "$out"
	last=$(grep -v '^[[:space:]]*$' "$out" | tail -n 1 || true)
	if ! add_totals "$last"; then
		# The fallback's run-tests.php summary.
		local p f s
		p=$(sed -n 's/^Tests passed *: *\([0-9]*\).*/\1/p' "$out" | tail -n 1)
		f=$(sed -n 's/^Tests failed *: *\([0-9]*\).*/\1/p' "$out" | tail -n 1)
		s=$(sed -n 's/^Tests skipped *: *\([0-9]*\).*/\1/p' "$out" | tail -n 1)
		if [ -n "$p$f" ]; then
			passed=$((passed + ${p:-0})) failed=$((failed + ${f:-0})) skipped=$((skipped + ${s:-0}))
		else
			say "the suite printed no totals line (exit $rc)"
			failed=$((failed + 1))
		fi
	fi
	if [ "$rc" != 0 ] && [ "$failed" = 0 ]; then
		say "the suite exited $rc with no failed test: counted as one failure"
		failed=$((failed + 1))
	fi
	rm -f "$out"
}

pecl_check() { # pecl_check DIR-IN-ROOT
	local dir=$1 tgz out
	if [ ! -f "$ROOT$dir/package.xml" ]; then
		say "SKIP pecl install: package.xml does not exist yet"
		skipped=$((skipped + 1))
		return
	fi
	# The project's own packaging script when there is one (it validates package.xml first; its
	# check against git is left to the PHP 8.2 run), else plain `pecl package`.
	local pack="pecl package '$dir/package.xml' && tgz=\$(ls \$PWD/tokencalc-*.tgz)"
	[ -f "$ROOT$dir/scripts/package.sh" ] &&
		pack="tgz=\$(OUT_DIR=\$PWD TOKENCALC_SKIP_CHECK=1 bash '$dir/scripts/package.sh' | tail -n 1)"
	out=$(mktemp)
	if in_root bash -c "
		set -eo pipefail
		cd /tmp && rm -rf tc-pecl && mkdir tc-pecl && cd tc-pecl
		$pack
		echo \"tarball: \$tgz\"
		pecl uninstall tokencalc >/dev/null 2>&1 || true
		rm -f \"\$(php-config --extension-dir)/tokencalc.so\"
		pecl install \"\$tgz\"
		php -d extension=tokencalc -r 'var_dump(extension_loaded(\"tokencalc\"));'
	" >"$out" 2>&1 && [ "$(tail -n 1 "$out")" = "bool(true)" ]; then
		cat "$out" >>"$LOG"
		tgz=$(grep -o 'tokencalc-[0-9][^ ]*\.tgz' "$out" | head -n 1 || true)
		say "pecl package + pecl install ${tgz:-(tarball)} + load on PHP 8.4: ok"
		passed=$((passed + 1))
	else
		say "pecl package + pecl install + load on PHP 8.4 FAILED:"
		tail -n 40 "$out" | sed 's/^/[php8.4 pecl] /' >&2
		cat "$out" >>"$LOG"
		failed=$((failed + 1))
	fi
	rm -f "$out"
}

zts_check() { # zts_check DIR-IN-ROOT: the binding compiled with ZTS defined against 8.4's headers
	local dir=$1 out rc=0 last
	[ -f "$ROOT$dir/scripts/zts-compile.sh" ] || return 0
	out=$(mktemp)
	in_root bash -c "cd '$dir' && bash scripts/zts-compile.sh" >"$out" 2>&1 || rc=$?
	sed 's/^/[php8.4 zts] /' "$out"
	last=$(grep -v '^[[:space:]]*$' "$out" | tail -n 1 || true)
	local before=$failed
	if ! add_totals "$last" || { [ "$rc" != 0 ] && [ "$failed" = "$before" ]; }; then
		say "the ZTS compile check on PHP 8.4 failed (exit $rc)"
		failed=$((failed + 1))
	fi
	rm -f "$out"
}

mkdir -p "$(dirname "$ROOT")"
exec 9>"$ROOT.lock"
flock -w 1800 9 || { say "another run holds $ROOT.lock"; exit 1; }

prepare_root
dir=$(copy_sources)
run_suite "$dir"
zts_check "$dir"
pecl_check "$dir"

unmount_all
if [ -n "$(mounts_under_root)" ]; then
	say "mounts are left under $ROOT"
	failed=$((failed + 1))
fi
line="$passed passed, $failed failed"
[ "$skipped" = 0 ] || line="$line, $skipped skipped"
totals_printed=1
echo "$line"
[ "$failed" = 0 ]
