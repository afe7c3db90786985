#!/usr/bin/env bash
# Runs the project's checks on another PHP, inside a Debian root made with debootstrap:
#   scripts/test-root.sh VERSION [STEP...]
#     VERSION  8.4       Debian 13 (trixie), root in $TOKENCALC_ROOTS/trixie-root
#              8.5, 8.6  Debian sid with experimental added (php8.5-* 8.5.x and php8.6-* 8.6.0~rc),
#                        both installed side by side in $TOKENCALC_ROOTS/sid-root
#     STEP     suite  scripts/test.sh (phpt suite + C tests of the core)
#              zts    scripts/zts-compile.sh (compile only, ZTS defined, against this PHP's headers)
#              pecl   scripts/pecl-install-test.sh (pecl package, pecl install, load, shipped suite)
#              bench  benchmarks/run.sh --quick (the regression gate) on the module the suite built
#              default: all four, in that order
# Each root is made once and kept in a cache folder outside the repository; a marker written as the
# very last step of its making tells a finished root from a half-made one (a root whose debootstrap
# finished keeps a marker of its own, and a later run only installs the packages). A root whose
# package list changed, or that is more than a week old, is updated in place. The Debian mirror is
# read from this machine's apt configuration. Runs on the same root wait for each other (flock).
# Needs root (debootstrap, chroot, mount). Reads no standard input.
#   TOKENCALC_ROOTS          where the roots are kept (default /var/cache/tokencalc)
#   TOKENCALC_ROOT_LOG       log of debootstrap and apt (default /tmp/tokencalc-root-VERSION.log)
#   TOKENCALC_DEBIAN_MIRROR  Debian archive URI; overrides what the apt configuration says
#   TOKENCALC_ROOT_REBUILD=1 throw the cached root away and make a new one
# The last line printed is the totals of the run: `N passed, N failed, N skipped`.
set -euo pipefail
shopt -s inherit_errexit
export LC_ALL=C DEBIAN_FRONTEND=noninteractive
TC_NAME=test-root
. "$(dirname "$0")/lib.sh"

usage() { echo "usage: $0 8.4|8.5|8.6 [suite|zts|pecl|bench]..." >&2; exit 2; }
V=${1:-}
[ $# -gt 0 ] && shift
case $V in
8.4) SUITE=trixie ;;
8.5 | 8.6) SUITE=sid ;;
*) usage ;;
esac
STEPS=("$@")
[ ${#STEPS[@]} -gt 0 ] || STEPS=(suite zts pecl bench)
for s in "${STEPS[@]}"; do case $s in suite | zts | pecl | bench) ;; *) usage ;; esac; done
TC_NAME="test-root $V"

ROOTS=${TOKENCALC_ROOTS:-/var/cache/tokencalc}
ROOTS=${ROOTS%/}
case $ROOTS in /*) ;; *) die "TOKENCALC_ROOTS must be an absolute path" ;; esac
ROOT=$ROOTS/$SUITE-root
LOG=${TOKENCALC_ROOT_LOG:-/tmp/tokencalc-root-$V.log}
STAGE=/tokencalc # where the repository, ../shared and the PHP selection go inside the root
APT_ETC=${TOKENCALC_APT_ETC:-/etc/apt} # whose sources name the Debian mirror (another folder only for testing)

# What the root must hold: the PHP packages of every version it hosts and the build packages, the
# same lists scripts/test.sh checks (lib.sh), so its install step finds everything there.
# Changing this list updates a cached root on its next use.
if [ "$SUITE" = sid ]; then
	# Only in experimental. php-common, which both need, from sid: experimental's breaks php8.5-common.
	# (It comes after them: apt takes the dependencies of a pkg/experimental from experimental too,
	# unless a later argument says otherwise.)
	PACKAGES=""
	for v in 8.5 8.6; do
		for p in $(tc_php_packages "$v"); do PACKAGES="$PACKAGES $p/experimental"; done
	done
	PACKAGES="$PACKAGES php-common/unstable"
else
	# and the Rust toolchain with Debian's rust_decimal crate, so that the TokenHelper shadow test
	# (tests/tokenhelper_shadow.phpt) runs against the legacy library on the backend's own PHP too
	# (its image is Debian 13: rust_decimal 1.36.0). Not in sid: its rust_decimal 1.43.0 parses
	# "1e3", which the versions the test and the backend know (1.23.1, 1.36.0) refuse.
	PACKAGES="$(tc_php_packages 8.4) cargo librust-rust-decimal-dev"
fi
PACKAGES="$PACKAGES $TC_BUILD_PACKAGES ca-certificates"
MARKER=$ROOT/.tokencalc-root-ready
BASE_MARKER=$ROOT/.tokencalc-debootstrap-done

mounted=() # mount points made by this run, in the order they were made
# The EXIT trap (finish) prints the totals line, with the failure that stopped the run.
die() {
	say "$*"
	exit 1
}

[ "$(id -u)" = 0 ] || die "must run as root (debootstrap, chroot, mount)"
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

# --- mounts -------------------------------------------------------------------------------------

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
	[ ${#mounted[@]} -eq 0 ] || return 0
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
		echo "$passed passed, $((failed + 1)) failed, $skipped skipped"
	fi
	exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Runs a command inside the root with a clean environment, the selected PHP first on PATH; stdin closed.
in_root() {
	chroot "$ROOT" /usr/bin/env -i \
		PATH=$STAGE/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
		PHP_PEAR_PHP_BIN=/usr/bin/php$V CI="${CI:-}" \
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
			function flush(   n, u, i) {
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
	local host_codename uri suites s
	host_codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
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

# The apt sources beyond debootstrap's: sid gets experimental (its php8.x-* packages, taken only when
# asked for with pkg/experimental), and sid's Release file may be past its Valid-Until on the mirror.
configure_apt() {
	local mirror=$1
	if [ "$SUITE" = sid ]; then
		echo "deb $mirror experimental main" >"$ROOT/etc/apt/sources.list.d/experimental.list"
		echo 'Acquire::Check-Valid-Until "false";' >"$ROOT/etc/apt/apt.conf.d/99tokencalc-no-valid-until"
	fi
	# No services are started inside the root.
	printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
	chmod +x "$ROOT/usr/sbin/policy-rc.d"
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
	[ -n "$mirror" ] || die "no Debian archive found in $APT_ETC/sources.list{,.d/*} (set TOKENCALC_DEBIAN_MIRROR)"
	t0=$(date +%s) t1=$t0
	if [ -f "$BASE_MARKER" ] && [ "$(cat "$BASE_MARKER")" = "suite=$SUITE" ]; then
		say "$ROOT: debootstrap had finished, installing the packages (log: $LOG)"
	else
		apt_ensure debootstrap
		say "making a Debian $SUITE root in $ROOT from $mirror (log: $LOG)"
		remove_root
		mkdir -p "$ROOTS"
		logged debootstrap --variant=minbase "$SUITE" "$ROOT" "$mirror"
		echo "suite=$SUITE" >"$BASE_MARKER"
		t1=$(date +%s)
	fi
	configure_apt "$mirror"
	mount_all
	install_packages
	t2=$(date +%s)
	say "root made: debootstrap $((t1 - t0)) s, packages $((t2 - t1)) s"
	wanted_marker >"$MARKER" # the very last step: the root is complete
}

prepare_root() {
	if [ "${TOKENCALC_ROOT_REBUILD:-}" = 1 ]; then
		rm -f "$MARKER" "$BASE_MARKER"
	fi
	if [ ! -f "$MARKER" ]; then
		[ -e "$ROOT" ] && say "$ROOT is half-made (no marker)"
		make_root
		return
	fi
	mount_all
	local why=""
	[ "$(cat "$MARKER")" = "$(wanted_marker)" ] || why="the package list changed"
	# Point releases (and sid's daily changes) reach the root within a week.
	[ -z "$(find "$MARKER" -mtime +7)" ] || why="it is more than a week old"
	if [ -n "$why" ]; then
		say "updating the cached root: $why"
		local t0
		t0=$(date +%s)
		rm -f "$MARKER"
		configure_apt "$(debian_mirror)"
		install_packages upgrade
		wanted_marker >"$MARKER"
		say "root updated in $(($(date +%s) - t0)) s"
	else
		say "reusing the root in $ROOT"
	fi
}

# --- the sources and the PHP selection ------------------------------------------------------------

# Copies the repository (what git tracks plus what is new and not ignored) and $TOKENCALC_SHARED
# (default ../shared) into the root, and points php, phpize and php-config at version $V.
# Sets dir to the repository's path in the root.
stage() {
	local dest
	dir=$STAGE/$(basename "$tc_root")
	dest=$ROOT$dir
	rm -rf --one-file-system "${ROOT:?}$STAGE"
	# Nothing from an earlier run (build folders, pecl's work) is kept in the root's /tmp.
	find "$ROOT/tmp" -mindepth 1 -maxdepth 1 -xdev -exec rm -rf --one-file-system {} +
	tc_copy_sources "$tc_root" "$dest"
	rm -f "$dest/.tokencalc-files"
	# Some scripts list their files with git: make the copy a repository of one commit of itself.
	git -C "$dest" init -q
	git -C "$dest" add -A
	git -C "$dest" -c user.name=test-root -c user.email=test-root@localhost -c commit.gpgsign=false \
		commit -q --no-verify -m "copy for the PHP $V run"
	local shared=${TOKENCALC_SHARED:-$tc_root/../shared}
	if [ -d "$shared" ]; then
		mkdir -p "$ROOT$STAGE/shared"
		tar -C "$shared" --exclude=.git -cf - . | tar -C "$ROOT$STAGE/shared" -xf -
	fi
	mkdir -p "$ROOT$STAGE/bin"
	local tool
	for tool in php phpize php-config; do
		[ -x "$ROOT/usr/bin/$tool$V" ] || die "the root has no /usr/bin/$tool$V"
		ln -s "/usr/bin/$tool$V" "$ROOT$STAGE/bin/$tool"
	done
}

# --- the steps ------------------------------------------------------------------------------------

# run_step NAME DIR COMMAND: runs COMMAND (a shell line) in DIR inside the root, shows its output
# marked with the version, and adds its totals line (or its exit status, when it prints none).
run_step() {
	local name=$1 dir=$2 cmd=$3 out rc=0 t0=$SECONDS
	out=$(mktemp)
	say "$name: $cmd"
	in_root env TOKENCALC_SKIP_APT=1 TOKENCALC_SKIP_CHECK=1 BUILD_DIR=/tmp/tc-build \
		TOKENCALC_SHARED=$STAGE/shared PECL_TEST_LOG=/tmp/tc-pecl.log \
		bash -c "cd '$dir' && $cmd" >"$out" 2>&1 || rc=$?
	# The step's own output, marked so that its totals line is not read as ours.
	sed "s/^/[php$V $name] /" "$out"
	local p=$passed f=$failed s=$skipped
	totals_add_run "$out" "$rc"
	say "$name: exit $rc, $((passed - p)) passed, $((failed - f)) failed, $((skipped - s)) skipped, $((SECONDS - t0)) s"
	rm -f "$out"
}

mkdir -p "$ROOTS"
exec 9>"$ROOT.lock"
flock -w 3600 9 || die "another run holds $ROOT.lock"

t_root=$SECONDS
prepare_root
say "root ready in $((SECONDS - t_root)) s"
stage
say "PHP $(in_root php -r 'echo PHP_VERSION;') ($(in_root php -r 'echo PHP_OS, " ", PHP_ZTS ? "ZTS" : "NTS";')), $(in_root gcc -dumpfullversion 2>/dev/null | sed 's/^/gcc /')"
for s in "${STEPS[@]}"; do
	case $s in
	suite) run_step suite "$dir" "bash scripts/test.sh" ;;
	zts) run_step zts "$dir" "bash scripts/zts-compile.sh" ;;
	pecl) run_step pecl "$dir" "bash scripts/pecl-install-test.sh" ;;
	bench)
		run_step bench "$dir" "[ -f /tmp/tc-build/obj/modules/tokencalc.so ] || bash scripts/build.sh >/dev/null
			bash benchmarks/run.sh --quick --ext=/tmp/tc-build/obj/modules/tokencalc.so"
		;;
	esac
done

unmount_all
if [ -n "$(mounts_under_root)" ]; then
	say "mounts are left under $ROOT"
	failed=$((failed + 1))
fi
totals_printed=1
echo "php$V: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
