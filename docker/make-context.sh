#!/usr/bin/env bash
# Makes the build context of docker/Dockerfile.base: the PECL tarball (scripts/package.sh), the
# repository's composer.json (for the PIE route) and install-tokencalc.sh.
#   docker/make-context.sh DIR    prints the tarball's version as its last line
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:?usage: make-context.sh DIR}
mkdir -p "$dir"
tgz=$(OUT_DIR=$dir "$here/../scripts/package.sh" | tail -n 1)
cp "$here/../composer.json" "$here/install-tokencalc.sh" "$dir/"
name=$(basename "$tgz" .tgz)
echo "${name#tokencalc-}"
