#!/usr/bin/env bash
# Installs what it needs (Debian), builds tokencalc and runs the examples on data the repository
# ships: tokencalc next to float and bcmath, then a day of the daily mint.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
export BUILD_DIR=${BUILD_DIR:-/tmp/tokencalc-demo}
apt_ensure_php
"$tc_root/scripts/build.sh" >/dev/null
php=(php -n -d "extension=$BUILD_DIR/obj/modules/tokencalc.so" -d extension=bcmath)
echo "=== examples/compare.php ==="
"${php[@]}" "$tc_root/examples/compare.php"
if [ -f "$tc_root/examples/mint_day.php" ]; then
	echo
	echo "=== examples/mint_day.php ==="
	"${php[@]}" "$tc_root/examples/mint_day.php"
fi
