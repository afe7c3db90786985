#!/usr/bin/env bash
# Refreshes tests/vectors/ (the conformance vectors the phpt suite reads) from the reference folder
# they are computed in, ../shared/vectors beside the repository. The tests never read that folder:
# a clean clone and the PECL tarball carry their own copy.
#   scripts/refresh-vectors.sh           rewrite tests/vectors/ from the reference files
#   scripts/refresh-vectors.sh --check   change nothing; exit 1 if the shipped copy differs in content
#   TOKENCALC_SHARED                     the reference folder holding vectors/ (default: ../shared)
# Files over 1 MB are stored gzip-compressed (gzip -9 -n: no name or time in the header, so a
# refresh of unchanged data changes no byte); the tests read them through compress.zlib://.
# After a refresh that adds or removes a file, run `php scripts/package-xml.php` and commit both.
set -euo pipefail
export LC_ALL=C
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${TOKENCALC_SHARED:-$root/../shared}
from=$shared/vectors
to=$root/tests/vectors
# The reference files, and how each is stored here (gz: compressed).
files=(arith.tsv:gz fees.jsonl:gz mint.jsonl:gz receipts.jsonl:plain)

check=0
case ${1:-} in
--check) check=1 ;;
'') ;;
*) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

[ -d "$from" ] || { echo "refresh-vectors: no $from (set TOKENCALC_SHARED to the folder holding vectors/)" >&2; exit 1; }
mkdir -p "$to"
differ=0
for spec in "${files[@]}"; do
	name=${spec%%:*} how=${spec#*:}
	src=$from/$name dst=$to/$name
	[ "$how" = gz ] && dst=$dst.gz
	[ -f "$src" ] || { echo "refresh-vectors: $src is missing" >&2; exit 1; }
	if [ "$check" = 1 ]; then
		if [ ! -f "$dst" ]; then
			echo "refresh-vectors: ${dst#"$root"/} is missing" >&2
			differ=1
		elif ! cmp -s "$src" <(if [ "$how" = gz ]; then gzip -dc "$dst"; else cat "$dst"; fi); then
			echo "refresh-vectors: ${dst#"$root"/} differs from $src" >&2
			differ=1
		fi
		continue
	fi
	if [ "$how" = gz ]; then
		gzip -9 -n -c "$src" >"$dst.tmp"
	else
		cat "$src" >"$dst.tmp"
	fi
	mv -f "$dst.tmp" "$dst"
	echo "refresh-vectors: ${dst#"$root"/} ($(wc -l <"$src") lines, $(stat -c %s "$dst") bytes)"
done
if [ "$check" = 1 ]; then
	[ "$differ" = 0 ] || { echo "refresh-vectors: run scripts/refresh-vectors.sh to refresh them" >&2; exit 1; }
	echo "refresh-vectors: tests/vectors matches $from"
fi
