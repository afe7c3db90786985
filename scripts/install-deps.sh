#!/usr/bin/env bash
# Installs, from Debian's packages, what building and testing tokencalc needs. Does nothing when all
# of it is there already. PHP_PKG_VERSION picks the PHP packages (default: the PHP on PATH, else 8.2).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if [ -z "${PHP_PKG_VERSION:-}" ]; then
	if command -v php >/dev/null 2>&1; then
		PHP_PKG_VERSION=$(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')
	else
		PHP_PKG_VERSION=8.2
	fi
fi
v=$PHP_PKG_VERSION
pkgs="php$v-cli php$v-dev php$v-bcmath php$v-gmp php$v-sqlite3 php-pear php-parser libgmp-dev libsodium-dev
	pkg-config make gcc rsync git ${EXTRA_PACKAGES:-}"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps.sh: missing packages:$missing (run as root, or install them)" >&2
	exit 1
fi
echo "install-deps.sh: installing$missing"
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends $missing >/dev/null
