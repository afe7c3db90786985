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
for f in "$here/Cargo.toml" "$here/Cargo.lock" "$here/src/lib.rs" "$here/.cargo/config.toml"; do
	[ "$fresh" = 1 ] && [ "$f" -nt "$lib" ] && fresh=0
done
if [ "$fresh" = 1 ]; then
	echo "$lib"
	exit 0
fi

command -v cargo >/dev/null || apt_install cargo
compgen -G "/usr/share/cargo/registry/rust_decimal-1.*" >/dev/null || apt_install librust-rust-decimal-dev

cd "$here"
cargo build --release --offline --quiet
echo "$lib"
