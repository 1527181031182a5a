#!/usr/bin/env bash
# Records what every command prints on a set of inputs, so a restructuring can be shown to change
# no output: run it before and after, then `diff -r BEFORE AFTER`.
#
#   scripts/snapshot-outputs.sh OUT_DIR INPUT_DIR…      (from the project root, after npm run build)
#
# For each file of each INPUT_DIR: extract (yaml, json) and check (stylish, json, sarif, github,
# compact). Per INPUT_DIR: check over the whole folder in every format, export csv/jsonl of
# indicators, tasks and projects, and the HTML report. Once: diff of consecutive files, rules
# (text, json) and schema. Each run leaves NAME.out, NAME.err and NAME.code.
set -uo pipefail
out="$1"
shift
mkdir -p "$out"
cli=(node bin/plan-lint.js)

run() { # name, args…
  local name="$1"
  shift
  "${cli[@]}" "$@" >"$out/$name.out" 2>"$out/$name.err" </dev/null
  echo $? >"$out/$name.code"
}

"${cli[@]}" schema >"$out/schema.out"
run rules-text rules
run rules-json rules --format json
if [ -f fixtures/revisions/resort-three-plans-notice.revised.txt ]; then
  for fmt in text json markdown; do
    run "diff-revision-$fmt" diff fixtures/seeds/resort-three-plans-notice.txt fixtures/revisions/resort-three-plans-notice.revised.txt --format "$fmt"
  done
fi

for dir in "$@"; do
  tag="$(basename "$dir")"
  files=()
  for f in "$dir"/*; do
    [ -f "$f" ] || continue
    files+=("$f")
    name="$tag--$(basename "$f")"
    run "$name.extract-yaml" extract "$f"
    run "$name.extract-json" extract "$f" --format json
    for fmt in stylish json sarif github compact; do run "$name.check-$fmt" check --no-color -f "$fmt" "$f"; done
  done
  for fmt in stylish json sarif github compact; do run "$tag.check-all-$fmt" check --no-color -f "$fmt" "$dir"; done
  for what in indicators tasks projects; do
    run "$tag.export-$what-csv" export "$dir" --what "$what"
    run "$tag.export-$what-jsonl" export "$dir" --what "$what" --format jsonl
  done
  run "$tag.report" report "$dir" --generated fixed
  prev=""
  for f in "${files[@]}"; do
    case "$f" in *.txt | *.md | *.html) ;; *) continue ;; esac
    if [ -n "$prev" ]; then run "$tag.diff--$(basename "$prev")--$(basename "$f")" diff "$prev" "$f" --format json; fi
    prev="$f"
  done
done
echo "snapshot in $out: $(ls "$out" | wc -l) files"
