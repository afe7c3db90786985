#!/usr/bin/env bash
# Regenerates ext/tokencalc/tokencalc_arginfo.h from the stub with php-src's gen_stub.php.
# gen_stub.php wants to download nikic/php-parser 4.x; Debian's php-parser package provides it,
# so we run a private copy of gen_stub.php next to a link to that package instead.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
apt_ensure_php || die "installing the dependencies failed"
# The gen_stub.php of the PHP on PATH (php-config knows its extension API folder).
gen=$(php-config --extension-dir)/build/gen_stub.php
[ -f "$gen" ] || gen=$(ls /usr/lib/php/*/build/gen_stub.php 2>/dev/null | head -n 1)
[ -f "$gen" ] || die "gen_stub.php not found (it comes with php$(tc_php_version)-dev)"
[ -d /usr/share/php/PhpParser ] || die "nikic/php-parser not found (Debian: php-parser)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$gen" "$work/gen_stub.php"
ver=$(grep -o '\$version = "[0-9.]*"' "$gen" | head -n 1 | cut -d'"' -f2)
mkdir -p "$work/PHP-Parser-$ver/lib"
ln -s /usr/share/php/PhpParser "$work/PHP-Parser-$ver/lib/PhpParser"
php "$work/gen_stub.php" -f "$tc_root/ext/tokencalc/tokencalc.stub.php"
