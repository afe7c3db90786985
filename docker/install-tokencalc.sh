#!/bin/sh
# Installs tokencalc from its PECL tarball into the PHP on PATH, enables it, and checks that both
# `php` and `php-fpm` load it. Run by docker/Dockerfile.base at build time, and by
# docker/check-steps.sh in a Debian root (with stand-ins for the official image's helpers).
#   install-tokencalc.sh DIR VERSION
#     DIR      holds tokencalc-VERSION.tgz, and composer.json for the PIE route (docker/make-context.sh)
#   INSTALLER  pecl, pie, or auto (default): pecl where the image has it, else PIE (PHP 8.6 images
#              ship no pecl)
set -eu
dir=$1
version=$2
tgz=$dir/tokencalc-$version.tgz
installer=${INSTALLER:-auto}
[ -f "$tgz" ] || { echo "install-tokencalc: no $tgz" >&2; exit 1; }
if [ "$installer" = auto ]; then
	if command -v pecl >/dev/null 2>&1; then installer=pecl; else installer=pie; fi
fi

case $installer in
pecl)
	# Standard input closed: the configure prompt takes its default, as in any unattended build.
	pecl install "$tgz" </dev/null
	docker-php-ext-enable tokencalc
	;;
pie)
	# PIE installs Composer packages of type php-ext: the tarball's sources plus the repository's
	# composer.json, added as a local path repository. PIE enables the module itself
	# (docker-php-ext-enable in the official images).
	src=/usr/src/tokencalc
	rm -rf "$src"
	mkdir -p "$src"
	tar -xzf "$tgz" -C "$src"
	cp "$dir/composer.json" "$src/tokencalc-$version/"
	pie repository:add path "$src/tokencalc-$version"
	pie install 'tokencalc/tokencalc:*@dev'
	;;
*)
	echo "install-tokencalc: INSTALLER must be pecl, pie or auto, not $installer" >&2
	exit 1
	;;
esac

# The checks: the CLI and FPM both load it, at the tarball's version, with exact results, and FFI is
# not enabled (nothing needs it any more).
php -m | grep -qx tokencalc || { echo "install-tokencalc: php -m does not list tokencalc" >&2; exit 1; }
php-fpm -m | grep -qx tokencalc || { echo "install-tokencalc: php-fpm -m does not list tokencalc" >&2; exit 1; }
got=$(php -r 'echo phpversion("tokencalc");')
[ "$got" = "$version" ] || { echo "install-tokencalc: loaded tokencalc $got, not $version" >&2; exit 1; }
php -r 'exit(tokencalc_add("0.1", "0.2") === "0.3" && tokencalc_mul("79228162514264337593543950335", "2") === "158456325028528675187087900670" ? 0 : 1);' ||
	{ echo "install-tokencalc: wrong results" >&2; exit 1; }
if php -m | grep -qix ffi; then
	echo "install-tokencalc: FFI is enabled; this image does not need it" >&2
	exit 1
fi
echo "install-tokencalc: tokencalc $version installed with $installer, loaded by php and php-fpm"
