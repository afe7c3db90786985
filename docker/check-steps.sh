#!/usr/bin/env bash
# Runs the steps of docker/Dockerfile.base without Docker, in the Debian 13 root CI makes for PHP 8.4
# (scripts/test-root.sh 8.4), through an overlay so that the root itself is never written:
#   1. apt: every package Dockerfile.base installs (its list is read from the Dockerfile) resolves in
#      Debian 13 and the whole list installs together (apt-get --simulate, after apt-get update);
#   2. install: the image's tokencalc step, docker/install-tokencalc.sh run as the Dockerfile runs it
#      (INSTALLER=auto, so pecl), on the build context docker/make-context.sh makes: pecl install of
#      the tarball, docker-php-ext-enable, then its checks: `php -m` and `php-fpm -m` list tokencalc,
#      phpversion() is the tarball's, a sum is exact, FFI is off;
#   3. pie: the PIE route, only where a `pie` command exists on this machine (it is not a Debian
#      package; the image copies it from PIE's own image), else reported as skipped.
# Debian's PHP stands in for the official image's: docker-php-ext-enable is a stand-in that writes the
# ini and runs phpenmod, php-fpm is php-fpm8.4, and FFI (which Debian enables) is switched off first.
# Not run: docker-php-ext-install of pgsql pdo pdo_pgsql bcmath xml curl gmp (it compiles them from
# the PHP sources inside the official image), and anything of the image itself (see docker/README.md).
#   docker/check-steps.sh           needs root (chroot, mount), the finished root, pecl on this machine
#   TOKENCALC_ROOTS    where the roots are (default /var/cache/tokencalc); the root is trixie-root
#   TOKENCALC_CONTEXT  an existing build context (default: made here with docker/make-context.sh)
#   DOCKER_CHECK_LOG   log of apt and pecl (default /tmp/tokencalc-docker-check.log)
# The last line printed is `N passed, N failed, N skipped`; the exit status is non-zero when a step failed.
set -euo pipefail
export LC_ALL=C DEBIAN_FRONTEND=noninteractive
here=$(cd "$(dirname "$0")" && pwd)
ROOTS=${TOKENCALC_ROOTS:-/var/cache/tokencalc}
ROOT=${ROOTS%/}/trixie-root
LOG=${DOCKER_CHECK_LOG:-/tmp/tokencalc-docker-check.log}
: >"$LOG"
passed=0 failed=0 skipped=0
say() { printf 'docker-check: %s\n' "$*" >&2; }
totals() { echo "$passed passed, $failed failed, $skipped skipped"; }
stop() { say "$*"; failed=$((failed + 1)); exit 1; }
step() { # step NAME COMMAND...: runs a step, its output in the log, and counts it
	local name=$1
	shift
	echo "+ [$name] $*" >>"$LOG"
	# In a subshell of its own so that `set -e` holds inside the step (it does not in an `if` test).
	set +e
	(set -e; "$@") >>"$LOG" 2>&1 </dev/null
	local rc=$?
	set -e
	if [ "$rc" -eq 0 ]; then
		passed=$((passed + 1))
		say "$name: ok"
	else
		failed=$((failed + 1))
		say "$name: FAILED (last lines of $LOG follow)"
		tail -n 25 "$LOG" >&2
	fi
}

work=$(mktemp -d /tmp/tokencalc-docker-check.XXXXXX)
mnt=$work/merged
mounted=()
cleanup() {
	local i
	for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
		umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" || say "could not unmount ${mounted[i]}"
	done
	rm -rf "$work"
	totals
}
trap cleanup EXIT

[ "$(id -u)" = 0 ] || stop "must run as root (chroot, mount)"
[ -f "$ROOT/.tokencalc-root-ready" ] || stop "no finished root at $ROOT: make it with scripts/test-root.sh 8.4"
# --- the build context, on this machine ---------------------------------------------------------
ctx=${TOKENCALC_CONTEXT:-$work/ctx}
if [ -z "${TOKENCALC_CONTEXT:-}" ]; then
	"$here/make-context.sh" "$ctx" >"$work/version" 2>>"$LOG" || stop "docker/make-context.sh failed (see $LOG)"
	version=$(tail -n 1 "$work/version")
else
	version=$(basename "$(ls "$ctx"/tokencalc-*.tgz | head -n 1)" .tgz)
	version=${version#tokencalc-}
fi
say "context: tokencalc $version"

# --- the root, behind an overlay ------------------------------------------------------------------
# Runs on the root wait for each other (scripts/test-root.sh takes the same lock).
exec 9>"$ROOT.lock"
flock -w 3600 9 || stop "another run holds $ROOT.lock"
mkdir -p "$work/upper" "$work/ovl" "$mnt"
mount -t overlay overlay -o "lowerdir=$ROOT,upperdir=$work/upper,workdir=$work/ovl" "$mnt"
mounted+=("$mnt")
for m in proc sys dev dev/pts; do
	case $m in
	proc) mount -t proc proc "$mnt/proc" ;;
	sys) mount -t sysfs sysfs "$mnt/sys" ;;
	*) mount --bind "/$m" "$mnt/$m" ;;
	esac
	mounted+=("$mnt/$m")
done
rm -f "$mnt/etc/resolv.conf"
cp -L /etc/resolv.conf "$mnt/etc/resolv.conf" 2>/dev/null || true
printf '#!/bin/sh\nexit 101\n' >"$mnt/usr/sbin/policy-rc.d" # packages start no service here
chmod +x "$mnt/usr/sbin/policy-rc.d"
in_root() {
	chroot "$mnt" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive PHP_PEAR_PHP_BIN=/usr/bin/php8.4 "$@"
}

# A root whose last package run was cut short refuses apt-get until dpkg finishes it (in the overlay).
in_root dpkg --configure -a >>"$LOG" 2>&1 </dev/null || stop "dpkg --configure -a failed in the root (see $LOG)"

# --- 1. apt -----------------------------------------------------------------------------------------
# The package list of the Dockerfile's `apt-get install -y`, continuation lines joined.
packages=$(tr '\\\n\t' '   ' <"$here/Dockerfile.base" | grep -o 'apt-get install -y [^;]*' | head -n 1 |
	sed 's/^apt-get install -y //')
[ -n "$packages" ] || stop "no apt-get install list found in docker/Dockerfile.base"
say "apt: $packages"
apt_check() {
	in_root apt-get update -q
	local p
	for p in $packages; do
		in_root apt-cache show --no-all-versions "$p" >/dev/null || { echo "not in Debian 13: $p"; return 1; }
	done
	# shellcheck disable=SC2086
	in_root apt-get install -s -y $packages
}
step apt apt_check

# --- 2. install, as the image does -----------------------------------------------------------------
install_check() {
	in_root apt-get install -y -q php8.4-fpm libgmp-dev libsodium-dev pkg-config php-pear
	# The official image's helpers, by Debian's means.
	cat >"$mnt/usr/local/bin/docker-php-ext-enable" <<'SH'
#!/bin/sh
set -e
for m in "$@"; do
	echo "extension=$m.so" >"/etc/php/8.4/mods-available/$m.ini"
	phpenmod -v 8.4 -s ALL "$m"
done
SH
	chmod +x "$mnt/usr/local/bin/docker-php-ext-enable"
	ln -sf /usr/sbin/php-fpm8.4 "$mnt/usr/local/sbin/php-fpm"
	in_root phpdismod -v 8.4 -s ALL ffi
	# A tokencalc an earlier pecl run left in the root (scripts/test-root.sh installs one) would make
	# `pecl install` skip the build: the overlay starts without it, as the image does.
	if in_root pecl list -c pecl.php.net | grep -q '^tokencalc[[:space:]]'; then
		in_root pecl uninstall tokencalc
	fi
	local so
	so=$mnt$(in_root php-config8.4 --extension-dir)/tokencalc.so
	[ ! -e "$so" ] || { echo "$so is still there"; return 1; }
	mkdir -p "$mnt/tmp/tokencalc"
	cp "$ctx"/tokencalc-"$version".tgz "$ctx"/composer.json "$ctx"/install-tokencalc.sh "$mnt/tmp/tokencalc/"
	in_root env INSTALLER=auto sh /tmp/tokencalc/install-tokencalc.sh /tmp/tokencalc "$version"
	# What the Dockerfile's checks saw, for the log.
	in_root php -m | grep -x tokencalc
	in_root php-fpm8.4 -m | grep -x tokencalc
	in_root php --ri tokencalc
}
step install install_check

# --- 3. PIE -----------------------------------------------------------------------------------------
if command -v pie >/dev/null; then
	pie_check() {
		cp "$(command -v pie)" "$mnt/usr/local/bin/pie"
		in_root sh -c 'rm -f /etc/php/8.4/mods-available/tokencalc.ini; phpdismod -v 8.4 -s ALL tokencalc; rm -f "$(php-config8.4 --extension-dir)/tokencalc.so"'
		in_root env INSTALLER=pie sh /tmp/tokencalc/install-tokencalc.sh /tmp/tokencalc "$version"
	}
	step pie pie_check
else
	skipped=$((skipped + 1))
	say "pie: skipped (no pie command here: PIE is not a Debian package, and only Debian's registry is reachable)"
fi

[ "$failed" -eq 0 ]
