#!/usr/bin/env bash
# Regenerates ext/tokencalc/tokencalc_arginfo.h from the stub with php-src's gen_stub.php.
# The stub declares frameless handlers (@frameless-function), which only the gen_stub.php of PHP 8.4
# or later understands (an older one would drop them without a word), and asks for code that still
# builds on 8.2 (@generate-legacy-arginfo 80200: the 8.4-only parts come out under version guards).
# So: the gen_stub.php of the PHP on PATH when it is 8.4+, else the one in the Debian 13 root that
# scripts/test-root.sh 8.4 makes (TOKENCALC_PHP84_ROOT, default /var/cache/tokencalc/trixie-root).
# gen_stub.php wants to download nikic/php-parser; Debian's php-parser package provides it, so a
# private copy of gen_stub.php runs next to a link to that package instead.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
stub="$tc_root/ext/tokencalc/tokencalc.stub.php"
root=${TOKENCALC_PHP84_ROOT:-/var/cache/tokencalc/trixie-root}

prepare() { # prepare WORK GEN_STUB: the private copy of gen_stub.php with its parser beside it
	local work=$1 gen=$2 ver
	cp "$gen" "$work/gen_stub.php"
	ver=$(grep -o '\$version = "[0-9.]*"' "$gen" | head -n 1 | cut -d'"' -f2)
	mkdir -p "$work/PHP-Parser-$ver/lib"
	ln -s /usr/share/php/PhpParser "$work/PHP-Parser-$ver/lib/PhpParser"
	cp "$stub" "$work/tokencalc.stub.php"
}

if command -v php >/dev/null && [ "$(php -r 'echo PHP_VERSION_ID >= 80400 ? 1 : 0;')" = 1 ]; then
	gen=$(php-config --extension-dir)/build/gen_stub.php
	[ -f "$gen" ] || die "gen_stub.php not found (it comes with php$(tc_php_version)-dev)"
	[ -d /usr/share/php/PhpParser ] || die "nikic/php-parser not found (Debian: php-parser)"
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	prepare "$work" "$gen"
	php "$work/gen_stub.php" -f "$work/tokencalc.stub.php"
	cp "$work/tokencalc_arginfo.h" "$tc_root/ext/tokencalc/tokencalc_arginfo.h"
else
	gen=$(ls "$root"/usr/lib/php/*/build/gen_stub.php 2>/dev/null | sort | tail -n 1)
	[ -n "$gen" ] && [ -d "$root/usr/share/php/PhpParser" ] ||
		die "the PHP on PATH is older than 8.4 and no PHP 8.4 root is at $root: make one with scripts/test-root.sh 8.4"
	work=$(mktemp -d "$root/tmp/gen-arginfo.XXXXXX")
	trap 'rm -rf "$work"' EXIT
	prepare "$work" "$gen"
	inside=/tmp/$(basename "$work")
	# shellcheck disable=SC2016
	chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin php "$inside/gen_stub.php" -f "$inside/tokencalc.stub.php" </dev/null
	cp "$work/tokencalc_arginfo.h" "$tc_root/ext/tokencalc/tokencalc_arginfo.h"
fi
say "regenerated ext/tokencalc/tokencalc_arginfo.h ($(grep -c FRAMELESS_FUNCTION "$tc_root/ext/tokencalc/tokencalc_arginfo.h") frameless declarations)"
