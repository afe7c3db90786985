#!/usr/bin/env bash
# Installs what it needs (Debian), builds tokencalc and runs the examples on data the repository
# ships: tokencalc next to float and bcmath, then a day of the daily mint.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export BUILD_DIR=${BUILD_DIR:-/tmp/tokencalc-demo}
if [ "${TOKENCALC_SKIP_APT:-0}" != 1 ]; then
	"$root/scripts/install-deps.sh"
fi
"$root/scripts/build.sh" >/dev/null
php=(php -n -d "extension=$BUILD_DIR/obj/modules/tokencalc.so" -d extension=bcmath)
echo "=== examples/compare.php ==="
"${php[@]}" "$root/examples/compare.php"
if [ -f "$root/examples/mint_day.php" ]; then
	echo
	echo "=== examples/mint_day.php ==="
	"${php[@]}" "$root/examples/mint_day.php"
fi
