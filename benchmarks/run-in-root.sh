#!/usr/bin/env bash
# Runs benchmarks/run.sh inside a Debian root made by scripts/test-php84.sh (PHP 8.4 in trixie, or
# another root with php, phpize, bcmath, make and gcc): copies in the module's sources as committed
# at --rev (default HEAD; work in progress elsewhere in the tree stays out) and benchmarks/ as it is
# in this checkout, builds the module there with phpize, and runs the benchmarks on the root's php. The root's opcache.so is
# found by run.php in the root's extension_dir; brick/math, when the root has no php-brick-math, is
# unpacked from the package (apt-get download, not installed). The root is used under its lock
# (ROOT.lock, as test-php84.sh holds it), so a concurrent test-php84.sh run waits for this one.
#   benchmarks/run-in-root.sh [--root=DIR] [--php=8.5] [--rev=REV] [run.sh options: --quick --only=widths --tag=NAME --jit=...]
# --php picks /usr/bin/php8.5 (and its phpize) in a root with several versions (the sid root).
# Results (a full run, or --out) are merged into this checkout's benchmarks/results/ (or --out=DIR,
# a path on this machine). The last line is run.sh's: `N passed, N failed` with --quick. Needs root.
# The whole script is one block, read before it runs: editing the file cannot disturb a run.
{
set -euo pipefail
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
ROOT=/var/cache/tokencalc/trixie-root
rev=HEAD
V=
out=
quick=0
args=()
for a in "$@"; do
	case $a in
	--root=*) ROOT=${a#--root=} ;;
	--rev=*) rev=${a#--rev=} ;;
	--php=*) V=${a#--php=} ;;
	--out=*) out=${a#--out=} ;;
	--ext=*) echo "run-in-root: --ext is not used here: the module is built inside the root" >&2 ;;
	*) [ "$a" = --quick ] && quick=1
	   args+=("$a") ;;
	esac
done
ROOT=${ROOT%/}
[ -n "$out" ] || [ "$quick" = 1 ] || out=$here/results
STAGE=/tokencalc-bench # inside the root; test-php84.sh clears /tokencalc and /tmp there, never this
say() { printf 'run-in-root: %s\n' "$*" >&2; }
fail() { say "$*"; echo "0 passed, 1 failed"; exit 1; }

[ "$(id -u)" = 0 ] || fail "must run as root (chroot, mount)"
[ -x "$ROOT/usr/bin/php$V" ] || fail "$ROOT has no /usr/bin/php$V (make it with scripts/test-root.sh)"
# rsync copies the tree in (a new machine may not have it)
command -v rsync >/dev/null || { TC_NAME=run-in-root; . "$here/../scripts/lib.sh"; apt_ensure rsync; } || fail "could not install rsync"

exec 9>"$ROOT.lock"
say "waiting for $ROOT.lock"
flock -w 1800 9 || fail "another run holds $ROOT.lock"

mounted=()
cleanup() {
	local i
	for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
		umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null || say "could not unmount ${mounted[i]}"
	done
}
trap cleanup EXIT
for m in proc dev; do
	if ! mountpoint -q "$ROOT/$m"; then
		if [ $m = proc ]; then mount -t proc proc "$ROOT/proc"; else mount --bind /dev "$ROOT/dev"; fi
		mounted+=("$ROOT/$m")
	fi
done

# The selected PHP's php, phpize and php-config first on PATH.
bin=$STAGE/bin$V
mkdir -p "$ROOT$bin"
for tool in php phpize php-config; do
	[ -x "$ROOT/usr/bin/$tool$V" ] || fail "$ROOT has no /usr/bin/$tool$V"
	ln -sfn "/usr/bin/$tool$V" "$ROOT$bin/$tool"
done
in_root() {
	chroot "$ROOT" /usr/bin/env -i PATH=$bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@" </dev/null
}

# The module's sources at $rev (git archive leaves benchmarks/ out), built once per commit and root;
# benchmarks/ as git sees it in this checkout.
commit=$(git -C "$repo" rev-parse --short "$rev^{commit}") || fail "no commit $rev"
src=$STAGE/src-$commit-php$(in_root php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')
if [ ! -f "$ROOT$src/modules/tokencalc.so" ]; then
	rm -rf --one-file-system "${ROOT:?}$src"
	mkdir -p "$ROOT$src"
	git -C "$repo" archive "$commit" | tar -x -C "$ROOT$src"
	say "building the module of $commit in $ROOT with $(in_root php -r 'echo PHP_VERSION;') (log: $ROOT$STAGE/build.log)"
	if ! in_root bash -c "cd $src && phpize && ./configure --enable-tokencalc && make -j\$(nproc)" \
		>"$ROOT$STAGE/build.log" 2>&1; then
		tail -n 30 "$ROOT$STAGE/build.log" >&2
		fail "the module did not build in $ROOT"
	fi
fi
rm -rf --one-file-system "${ROOT:?}$STAGE/bench" "${ROOT:?}$STAGE/out"
mkdir -p "$ROOT$STAGE/bench" "$ROOT$STAGE/out"
(cd "$repo" && git ls-files -z --cached --others --exclude-standard -- benchmarks) |
	rsync -a --from0 --ignore-missing-args --exclude='benchmarks/legacy-ffi/target/' --files-from=- "$repo/" "$ROOT$STAGE/bench/"

# brick/math as Debian ships it for this root's release, unpacked without installing it.
brick=/usr/share/php/Brick/Math/autoload.php
if [ ! -f "$ROOT$brick" ]; then
	brick=$STAGE/brick/usr/share/php/Brick/Math/autoload.php
	if [ ! -f "$ROOT$brick" ]; then
		in_root bash -c "mkdir -p $STAGE/deb && cd $STAGE/deb && apt-get download php-brick-math &&
			dpkg -x php-brick-math_*.deb $STAGE/brick" >"$ROOT$STAGE/brick.log" 2>&1 ||
			say "php-brick-math could not be downloaded: the brick/math column is skipped"
	fi
fi

# Earlier results to merge the width sweep into.
[ -z "$out" ] || cp "$out"/widths*.json "$ROOT$STAGE/out/" 2>/dev/null || true
outarg=()
[ -z "$out" ] || outarg=(--out="$STAGE/out")
rc=0
in_root env TOKENCALC_BENCH_COMMIT="$commit" TOKENCALC_BRICK_AUTOLOAD="$brick" \
	bash "$STAGE/bench/benchmarks/run.sh" --ext="$src/modules/tokencalc.so" "${args[@]}" "${outarg[@]}" || rc=$?
if [ -n "$out" ]; then
	mkdir -p "$out"
	cp "$ROOT$STAGE/out"/* "$out/" 2>/dev/null || true
	say "results copied to $out"
fi
exit $rc
}
