#!/usr/bin/env bash
# materialize.sh - builds a runnable copy of a reference app or of a broken-app variant.
#
# Usage: bench/materialize.sh NAME DEST
#   NAME  a reference app (runner-image/src/main/resources/reference-apps/NAME) or a variant
#         (examples/broken-apps/NAME: an overlay whose variant.json names its "base" reference app)
#   DEST  target directory; must not exist or be empty
#
# For a variant: copies the base reference app to DEST, then copies every file of the overlay
# (except variant.json and delete.txt) over it at the same relative path, then removes the
# relative paths listed in the overlay's delete.txt (one a line; blank lines and # comments ignored).
# For a reference app: just copies it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
refs="$here/runner-image/src/main/resources/reference-apps"
variants="$here/examples/broken-apps"

if [ $# -ne 2 ]; then
  echo "usage: $0 NAME DEST" >&2
  exit 2
fi
name="$1"
dest="$2"

if [ -e "$dest" ] && [ -n "$(ls -A "$dest" 2>/dev/null)" ]; then
  echo "materialize: $dest exists and is not empty" >&2
  exit 2
fi

if [ -d "$refs/$name" ]; then
  mkdir -p "$dest"
  cp -a "$refs/$name/." "$dest/"
  exit 0
fi

overlay="$variants/$name"
if [ ! -f "$overlay/variant.json" ]; then
  echo "materialize: '$name' is neither a reference app in $refs nor a variant in $variants" >&2
  exit 2
fi
base="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["base"])' "$overlay/variant.json")"
if [ ! -d "$refs/$base" ]; then
  echo "materialize: variant $name names unknown base '$base'" >&2
  exit 2
fi

mkdir -p "$dest"
cp -a "$refs/$base/." "$dest/"
# Overlay: every file except the variant's own metadata.
(cd "$overlay" && find . -type f ! -path ./variant.json ! -path ./delete.txt -print0) |
  while IFS= read -r -d '' f; do
    mkdir -p "$dest/$(dirname "$f")"
    cp -a "$overlay/$f" "$dest/$f"
  done
if [ -f "$overlay/delete.txt" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line%%#*}"
    line="$(echo "$line" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//')"
    [ -z "$line" ] && continue
    case "$line" in
      /*|*..*) echo "materialize: refusing unsafe path in delete.txt: $line" >&2; exit 2 ;;
    esac
    rm -rf -- "${dest:?}/$line"
  done < "$overlay/delete.txt"
fi
