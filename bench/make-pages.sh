#!/usr/bin/env bash
# Lays out N copies of a corpus of Markdown runbooks as one content folder.
#   bench/make-pages.sh CORPUS_DIR COPIES OUT_DIR
# Each copy goes into its own sub-folder (copy-0001/…), so relative links inside a copy still resolve.
set -euo pipefail
corpus=${1:?corpus folder}; copies=${2:?number of copies}; out=${3:?output folder}
[ -d "$corpus" ] || { echo "no such corpus folder: $corpus" >&2; exit 2; }
rm -rf "$out"; mkdir -p "$out"
mapfile -t files < <(cd "$corpus" && find . -name '*.md' -type f ! -name 'README.md' | sort)
[ ${#files[@]} -gt 0 ] || { echo "no .md files under $corpus" >&2; exit 2; }
for ((i = 1; i <= copies; i++)); do
  dir=$(printf '%s/copy-%04d' "$out" "$i")
  mkdir -p "$dir"
  (cd "$corpus" && cp --parents "${files[@]}" "$dir/")
done
echo "$(find "$out" -name '*.md' | wc -l) pages in $out"
