#!/bin/sh
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
#
# `newsgraph gazetteer build` as a user runs it: a compressed dump on
# standard input, the --tsv table, usage errors, a truncated download, and
# a built gazetteer that `extract` then uses to link a sentence.
#
# Run by `make check` with NG_SRCDIR, NG_BUILDDIR and NEWSGRAPH_DATA_PATH
# set. Exit 0 pass, 1 fail.
set -u

: "${NG_SRCDIR:=.}"
: "${NG_BUILDDIR:=.}"
NG="$NG_BUILDDIR/newsgraph"
FIX="$NG_SRCDIR/tests/fixtures/wikidata"

if [ ! -x "$NG" ]; then
  echo "FAIL: $NG is not built"
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_gazbuild.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# run ARGS... < stdin: sets $status; stdout in $tmp/out, stderr in $tmp/err.
run() {
  "$NG" "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
}

expect() {
  if [ "$status" -ne "$1" ]; then
    fail "$2: exit status $status, expected $1"
    sed 's/^/  stderr: /' "$tmp/err" | head -n 10
    return 1
  fi
  return 0
}

# A gzip dump on standard input, detected by its magic bytes.
gzip -c "$FIX/entities.json" >"$tmp/dump.gz"
# Its two malformed lines are skipped: the gazetteer is written, exit 1.
run gazetteer build -o "$tmp/g.ngz" --tsv "$tmp/g.tsv" - <"$tmp/dump.gz"
if expect 1 "build from a gzip JSON dump on stdin"; then
  grep -q 'JSON dump (gzip): .* 10 kept' "$tmp/err" ||
    fail "build summary: $(cat "$tmp/err")"
  grep -q '<stdin>:5: warning:' "$tmp/err" ||
    fail "the malformed line 5 is not reported with its number"
  [ -s "$tmp/g.ngz" ] || fail "no gazetteer written"
  [ "$(grep -c '^Q' "$tmp/g.tsv")" -eq 10 ] || fail "--tsv: not 10 rows"
  grep -q '^Q990030	GovernmentAgency	' "$tmp/g.tsv" ||
    fail "--tsv: the agency row is missing"
fi

# The N-Triples dump, with --format and --lang, the table to stdout.
run gazetteer build -q --format ntriples --lang en --tsv - "$FIX/truthy.nt" \
  </dev/null
if expect 1 "build from the N-Triples dump (one malformed line)"; then
  grep -q '^Q990010	Country	12	.*en:Ostrelia' "$tmp/out" ||
    fail "N-Triples --tsv: no Ostrelia row with 12 sitelinks"
  grep -q 'fr:' "$tmp/out" && fail "--lang en kept French labels"
  [ -s "$tmp/err" ] && fail "-q still printed: $(head -n 3 "$tmp/err")"
fi

# A clean dump: exit 0.
grep -v -e 'Cassemont' -e '^"not an entity"' "$FIX/entities.json" \
  >"$tmp/clean.json"
run gazetteer build -o "$tmp/clean.ngz" "$tmp/clean.json" </dev/null
if expect 0 "build from a dump without malformed lines"; then
  grep -q ', 10 kept, .* 0 malformed skipped' "$tmp/err" ||
    fail "clean build summary: $(cat "$tmp/err")"
fi

# The built table compiles with `gazetteer compile`.
run gazetteer compile -o "$tmp/c.ngz" "$tmp/g.tsv" </dev/null
expect 0 "compile the --tsv table"

# A download cut short: a clear error, exit 1, no gazetteer.
size=$(wc -c <"$tmp/dump.gz")
head -c $((size / 2)) "$tmp/dump.gz" >"$tmp/cut.gz"
run gazetteer build -o "$tmp/cut.ngz" "$tmp/cut.gz" </dev/null
if expect 1 "truncated gzip dump"; then
  grep -q 'truncated gzip' "$tmp/err" || fail "truncated: $(cat "$tmp/err")"
  [ -e "$tmp/cut.ngz" ] && fail "truncated: a gazetteer was written"
fi

# Usage errors: exit 2.
for args in "gazetteer build $FIX/entities.json" \
  "gazetteer build -o $tmp/x.ngz" \
  "gazetteer build -o $tmp/x.ngz --format xml $FIX/entities.json" \
  "gazetteer build -o $tmp/x.ngz --class Q5 $FIX/entities.json" \
  "gazetteer build -o $tmp/x.ngz --class Q5=Planet $FIX/entities.json" \
  "gazetteer build -o $tmp/x.ngz --lang FR $FIX/entities.json" \
  "gazetteer build -o $tmp/x.ngz --max-pending 0 $FIX/entities.json" \
  "gazetteer build -o $tmp/x.ngz $FIX/entities.json $FIX/truthy.nt"; do
  # shellcheck disable=SC2086 # split on purpose
  run $args </dev/null
  expect 2 "newsgraph $args"
done

# A dump that cannot be read: exit 3.
run gazetteer build -o "$tmp/x.ngz" "$tmp/no-such-dump.json.bz2" </dev/null
expect 3 "missing dump"

# --help documents the command.
run gazetteer build --help </dev/null
if expect 0 "gazetteer build --help"; then
  for opt in --tsv --format --lang --classes --class --max-pending; do
    grep -q -- "$opt=" "$tmp/out" || fail "--help does not document $opt"
  done
fi

# The built gazetteer in use: extract links the fictional city, country
# and agency of the fixture to their QIDs, and places the city in its
# country (P17).
mkdir -p "$tmp/data"
cp "$tmp/g.ngz" "$tmp/data/gazetteer.ngz"
printf 'Le ministre a visité Valmorande, en Ostrélie. La DGVO a confirmé.\n' \
  >"$tmp/a.txt"
NEWSGRAPH_DATA_PATH="$tmp/data:${NEWSGRAPH_DATA_PATH-}" "$NG" extract \
  --lang fr -f ntriples "$tmp/a.txt" </dev/null >"$tmp/out" 2>"$tmp/err"
status=$?
if expect 0 "extract with the built gazetteer"; then
  for q in Q990001 Q990010 Q990030; do
    grep -q "owl#sameAs> <http://www.wikidata.org/entity/$q>" "$tmp/out" ||
      fail "extract: $q is not linked"
  done
  grep -q 'entity/Q990001> <https://w3id.org/newsgraph/ns#locatedIn> <https://w3id.org/newsgraph/id/entity/Q990010>' \
    "$tmp/out" || fail "extract: the city is not located in its country"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "check_gazbuild: all passed"
exit 0
