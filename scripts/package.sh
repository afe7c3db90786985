#!/usr/bin/env bash
# Builds the PECL tarball tokencalc-X.Y.Z.tgz from package.xml (only the files it lists are shipped).
#   OUT_DIR                where to put the tarball (default: the repository root; /tokencalc-*.tgz is ignored by git)
#   TOKENCALC_SKIP_CHECK=1 skip scripts/check-package.sh (package.xml vs tracked files and versions)
# Prints the tarball's absolute path as its last line. Needs `pecl` (Debian: php-pear).
set -euo pipefail
export LC_ALL=C
root=$(cd "$(dirname "$0")/.." && pwd)
OUT_DIR=${OUT_DIR:-$root}

command -v pecl >/dev/null || { echo "package: pecl not found (Debian: apt-get install -y php-pear)" >&2; exit 1; }
if [ "${TOKENCALC_SKIP_CHECK:-0}" != 1 ]; then
	"$root/scripts/check-package.sh" >&2
fi

# pecl package-validate exits 0 even when it reports errors: read its words.
validate=$(pecl package-validate "$root/package.xml" 2>&1 || true)
if ! grep -q '^Validation: 0 error(s)' <<<"$validate"; then
	printf '%s\n' "$validate" >&2
	echo "package: pecl package-validate reported errors in package.xml" >&2
	exit 1
fi

# pecl writes the tarball into its working directory: package in a scratch one, then move it.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! (cd "$work" && pecl package "$root/package.xml") >"$work/pecl.log" 2>&1; then
	cat "$work/pecl.log" >&2
	echo "package: pecl package failed" >&2
	exit 1
fi
tgz=$(cd "$work" && ls tokencalc-*.tgz 2>/dev/null | head -n 1 || true)
if [ -z "$tgz" ]; then
	cat "$work/pecl.log" >&2
	echo "package: pecl package made no tokencalc-*.tgz" >&2
	exit 1
fi
mkdir -p "$OUT_DIR"
mv -f "$work/$tgz" "$OUT_DIR/$tgz"
echo "package: $(tar tzf "$OUT_DIR/$tgz" | grep -c -v '/$') entries in $tgz" >&2
echo "$(cd "$OUT_DIR" && pwd)/$tgz"
