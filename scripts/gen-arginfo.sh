#!/usr/bin/env bash
# Regenerates ext/tokencalc/tokencalc_arginfo.h from the stub with php-src's gen_stub.php.
# gen_stub.php wants to download nikic/php-parser 4.x; Debian's php-parser package provides it,
# so we run a private copy of gen_stub.php next to a link to that package instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
gen=$(ls /usr/lib/php/*/build/gen_stub.php 2>/dev/null | head -n 1)
[ -n "$gen" ] || { echo "gen_stub.php not found: install php8.2-dev" >&2; exit 1; }
[ -d /usr/share/php/PhpParser ] || { echo "nikic/php-parser not found: install php-parser" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$gen" "$work/gen_stub.php"
ver=$(grep -o '\$version = "[0-9.]*"' "$gen" | head -n 1 | cut -d'"' -f2)
mkdir -p "$work/PHP-Parser-$ver/lib"
ln -s /usr/share/php/PhpParser "$work/PHP-Parser-$ver/lib/PhpParser"
php "$work/gen_stub.php" -f "$root/ext/tokencalc/tokencalc.stub.php"
