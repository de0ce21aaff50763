#!/bin/sh
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
#
# Score recognition and linking on annotated development sets.
#
#   tools/eval-dev.sh EVAL_DIR [NEWSGRAPH]
#
# EVAL_DIR holds score.py and dev/*.jsonl (gold NDJSON: id, lang, date,
# text, mentions), as the project's evaluation kit lays them out; the
# sets are read in place, never copied. NEWSGRAPH defaults to the built
# ./newsgraph. For each set it prints score.py's summary, then the share
# of gold Wikidata links the shipped gazetteer holds and the recall of
# those ("recall of reachable"), from tools/el-reach.py.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
eval_dir=${1:?usage: tools/eval-dev.sh EVAL_DIR [NEWSGRAPH]}
bin=${2:-./newsgraph}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for gold in "$eval_dir"/dev/*.jsonl; do
  name=$(basename "$gold" .jsonl)
  "$bin" extract --quiet --input-format ndjson --format ntriples \
    --output "$out/$name.nt" "$gold" || true
  echo "== $name"
  python3 "$eval_dir/score.py" "$gold" "$out/$name.nt" |
    grep -E '^(NER strict|  (LOC|ORG|PER)|EL strict|summary)'
  python3 "$top/tools/el-reach.py" "$eval_dir" "$gold" "$out/$name.nt" \
    "$top"/ontology/gazetteer/*.tsv
done
