#!/usr/bin/env bash
# Builds the legacy FFI decimal library (benchmarks only) offline from Debian's crate registry.
# Installs cargo and librust-rust-decimal-dev with apt-get when they are missing, and does nothing
# when the library is already newer than its sources (so `run.php --quick` stays quick).
# Prints the path of the built library on its last line.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lib="$here/target/release/liblegacy_decimal_ffi.so"

apt_install() {
	if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null ||
			{ apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; }
	else
		echo "legacy-ffi: need $* (apt-get as root not available)" >&2
		return 1
	fi
}

fresh=1
[ -f "$lib" ] || fresh=0
for f in "$here/Cargo.toml" "$here/src/lib.rs" "$here/.cargo/config.toml"; do
	[ "$fresh" = 1 ] && [ "$f" -nt "$lib" ] && fresh=0
done
if [ "$fresh" = 1 ]; then
	echo "$lib"
	exit 0
fi

command -v cargo >/dev/null || apt_install cargo
compgen -G "/usr/share/cargo/registry/rust_decimal-1.*" >/dev/null || apt_install librust-rust-decimal-dev

# Built from a copy under target/ (ignored by git) without a committed Cargo.lock: cargo resolves
# against whatever rust_decimal this Debian ships (1.23.1 on Debian 12, 1.36.0 on Debian 13), and a
# lock pinned to one of them would fail offline on the other. The copy keeps the lock out of the tree.
crate=$here/target/crate
rm -rf "$crate"
mkdir -p "$crate/src" "$crate/.cargo"
cp "$here/Cargo.toml" "$crate/"
cp "$here/src/lib.rs" "$crate/src/"
cp "$here/.cargo/config.toml" "$crate/.cargo/"
cd "$crate"
cargo build --release --offline --quiet --target-dir "$here/target"
echo "$lib"
