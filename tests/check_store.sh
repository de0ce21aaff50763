#!/bin/sh
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
#
# The embedded store and SPARQL, as a user sees them:
#   - `extract --store sqlite:PATH` accumulates documents, one named graph
#     each, and extracting a document again replaces its facts;
#   - with --store, RDF goes to standard output only when -o or -f asks;
#   - `query` gives the same answers over the store and over the RDF file;
#   - the example queries of samples/queries answer the sample article;
#   - every --results format parses (Python's csv, json and xml);
#   - errors and exit codes (1 bad query, 2 usage, 3 missing store/file).
#
# Run by `make check` with NG_SRCDIR, NG_BUILDDIR and NEWSGRAPH_DATA_PATH
# set. Exit 0 pass, 1 fail, 77 skip (python3 missing outside CI).
set -u

: "${NG_SRCDIR:=.}"
: "${NG_BUILDDIR:=.}"
NG="$NG_BUILDDIR/newsgraph"
SAMPLES="$NG_SRCDIR/samples"
TXT="$SAMPLES/interpol-mena-lyon.fr.txt"
HTML="$SAMPLES/interpol-mena-lyon.fr.html"
Q="$SAMPLES/queries"
ID="https://w3id.org/newsgraph/id/"

if ! command -v python3 >/dev/null 2>&1; then
  if [ -n "${CI:-}" ]; then
    echo "FAIL: python3 is required (CI is set)"
    exit 1
  fi
  echo "SKIP: python3 not found"
  exit 77
fi
if [ ! -x "$NG" ]; then
  echo "FAIL: $NG is not built"
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_store.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
DB="$tmp/news.db"

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# run ARGS...: stdout in $tmp/out, stderr in $tmp/err, status in $status.
run() {
  "$NG" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
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

EX="extract --lang fr --date 2025-09-05"
COUNT='SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
GRAPHS='SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g'

# count: the one number of a CSV COUNT result in $tmp/out.
count() { sed -n '2p' "$tmp/out" | tr -d '\r'; }

# ---- extract --store ---------------------------------------------------
# shellcheck disable=SC2086
run $EX --store "sqlite:$DB" "$TXT"
expect 0 "extract --store (new store)"
[ -s "$tmp/out" ] && fail "extract --store without -o/-f wrote to standard output"
[ -f "$DB" ] || fail "extract --store did not create $DB"

# shellcheck disable=SC2086
run $EX -f ntriples "$TXT"
expect 0 "extract -f ntriples"
triples_txt=$(LC_ALL=C sort -u "$tmp/out" | grep -c .)
cp "$tmp/out" "$tmp/sample.nt"

run query --store "sqlite:$DB" --results csv "$COUNT"
expect 0 "query --store COUNT"
n1=$(count)
[ "$n1" = "$triples_txt" ] ||
  fail "the store holds $n1 statements, the N-Triples output $triples_txt"

# Extracting the same article again replaces it: same count.
# shellcheck disable=SC2086
run $EX --store "sqlite:$DB" "$TXT"
expect 0 "extract --store (same document again)"
run query --store "sqlite:$DB" --results csv "$COUNT"
n2=$(count)
[ "$n2" = "$n1" ] || fail "re-extracting duplicated facts: $n1 then $n2 statements"

# A second document (the saved web page) is a second named graph.
# shellcheck disable=SC2086
run $EX --store "sqlite:$DB" -f nquads -o "$tmp/page.nq" "$HTML"
expect 0 "extract --store with -o"
[ -s "$tmp/page.nq" ] || fail "extract --store -o wrote no RDF"
run query --store "sqlite:$DB" --results csv "$GRAPHS"
expect 0 "query GRAPH ?g"
tr -d '\r' <"$tmp/out" >"$tmp/graphs.csv"
grep -q "^${ID}doc/interpol-mena-lyon.fr.html,[1-9]" "$tmp/graphs.csv" ||
  fail "the store has no graph for the HTML document"
grep -q "^${ID}doc/interpol-mena-lyon.fr.txt,$n1\$" "$tmp/graphs.csv" ||
  fail "the text document's graph changed when another was added"
[ "$(grep -c . "$tmp/graphs.csv")" -eq 3 ] ||
  fail "expected 2 named graphs, got: $(cat "$tmp/graphs.csv")"

# With --store, -f alone writes to standard output.
# shellcheck disable=SC2086
run $EX --store "sqlite:$DB" -f ntriples "$TXT"
expect 0 "extract --store -f"
cmp -s "$tmp/out" "$tmp/sample.nt" ||
  fail "extract --store -f ntriples wrote other RDF than extract -f ntriples"

# ---- the example queries, over a fresh store and over the file ----------
rm -f "$DB"
# shellcheck disable=SC2086
run $EX --store "sqlite:$DB" "$TXT"
expect 0 "extract --store (fresh store)"

for name in representation events-in-city-month agency; do
  run query --store "sqlite:$DB" --results csv "@$Q/$name.rq"
  expect 0 "query --store @$name.rq" || continue
  tr -d '\r' <"$tmp/out" >"$tmp/$name.store.csv"
  run query --results csv "$tmp/sample.nt" "@$Q/$name.rq"
  expect 0 "query FILE @$name.rq" || continue
  tr -d '\r' <"$tmp/out" >"$tmp/$name.file.csv"
  cmp -s "$tmp/$name.store.csv" "$tmp/$name.file.csv" ||
    fail "$name.rq: the store and the file give different answers"
done

# Who represented which country at which meeting: Hammouchi, Morocco, the
# Lyon meeting of 3 September 2025.
f="$tmp/representation.store.csv"
head -n 1 "$f" | grep -qx \
  'person,personLabel,onBehalfOf,onBehalfOfLabel,meeting,meetingLabel,start' ||
  fail "representation.rq: unexpected header: $(head -n 1 "$f")"
grep -q "^${ID}entity/person/abdellatif-hammouchi,Abdellatif Hammouchi,${ID}entity/Q1028,Morocco,${ID}event/meeting/[0-9a-f]*,[^,]*réunion[^,]*,2025-09-03\$" "$f" ||
  { fail "representation.rq: no row for Hammouchi, Morocco, the meeting:"; cat "$f"; }

# All events in Lyon in September 2025: the meeting, 3-4 September.
f="$tmp/events-in-city-month.store.csv"
grep -q "^${ID}event/meeting/[0-9a-f]*,https://w3id.org/newsgraph/ns#Meeting,[^,]*réunion[^,]*,2025-09-03,2025-09-04\$" "$f" ||
  { fail "events-in-city-month.rq: no row for the meeting:"; cat "$f"; }
grep -q 'Assembly' "$f" &&
  fail "events-in-city-month.rq: the Marrakech assembly is not in Lyon"

# Everything about Interpol: its facts and its roles.
f="$tmp/agency.store.csv"
for row in \
  "out,http://www.w3.org/2002/07/owl#sameAs,http://www.wikidata.org/entity/Q8475" \
  "out,https://w3id.org/newsgraph/ns#headquarters,${ID}entity/Q456" \
  "out,http://www.w3.org/2000/01/rdf-schema#label,Interpol" \
  "out,https://w3id.org/newsgraph/ns#mentionedIn,${ID}doc/interpol-mena-lyon.fr.txt"; do
  grep -qxF "$row" "$f" || fail "agency.rq: no row '$row'"
done
grep -q "^in,https://w3id.org/newsgraph/ns#organizer,${ID}event/meeting/" "$f" ||
  fail "agency.rq: Interpol does not organise the meeting"
grep -q 'taIdentRef\|refersTo' "$f" && fail "agency.rq: mentions are listed"

# ---- every results format parses ----------------------------------------
SEL="@$Q/agency.rq"
for fmt in csv tsv json xml table; do
  run query --store "sqlite:$DB" --results "$fmt" "$SEL"
  expect 0 "query --results $fmt" || continue
  cp "$tmp/out" "$tmp/res.$fmt"
done
python3 - "$tmp" <<'EOF' || fail "a results format does not parse (see above)"
import csv, json, sys
import xml.etree.ElementTree as ET
d = sys.argv[1]
def rows_csv():
    with open(d + "/res.csv", newline="", encoding="utf-8") as f:
        return list(csv.reader(f))
r = rows_csv()
assert r[0] == ["direction", "predicate", "value"], r[0]
n = len(r) - 1
assert n >= 5, n
with open(d + "/res.tsv", encoding="utf-8") as f:
    t = [line.rstrip("\n").split("\t") for line in f if line.strip()]
assert t[0] == ["?direction", "?predicate", "?value"], t[0]
assert len(t) - 1 == n, (len(t), n)
with open(d + "/res.json", encoding="utf-8") as f:
    j = json.load(f)
assert j["head"]["vars"] == ["direction", "predicate", "value"], j["head"]
assert len(j["results"]["bindings"]) == n
assert any(b["value"]["value"] == "Interpol" for b in j["results"]["bindings"])
ns = "{http://www.w3.org/2005/sparql-results#}"
x = ET.parse(d + "/res.xml").getroot()
assert len(x.findall(ns + "results/" + ns + "result")) == n
with open(d + "/res.table", encoding="utf-8") as f:
    tab = f.read().splitlines()
assert tab[0].split() == ["direction", "predicate", "value"], tab[0]
assert set(tab[1]) <= set("- "), tab[1]
assert len(tab) - 2 == n, (len(tab), n)
# Columns are aligned: every value of a column starts where its header does.
col = tab[0].index("value")
assert all(line[col - 2:col] == "  " for line in tab[2:]), tab
EOF

# ASK and CONSTRUCT.
run query --store "sqlite:$DB" 'ASK { ?m a <https://w3id.org/newsgraph/ns#Meeting> }'
expect 0 "query ASK" && { [ "$(cat "$tmp/out")" = true ] || fail "ASK printed '$(cat "$tmp/out")'"; }
run query --store "sqlite:$DB" 'ASK { ?m a <https://w3id.org/newsgraph/ns#Nothing> }'
expect 0 "query ASK (false)" && { [ "$(cat "$tmp/out")" = false ] || fail "ASK printed '$(cat "$tmp/out")'"; }
run query --store "sqlite:$DB" 'CONSTRUCT { ?c a ?t } WHERE { ?c a ?t ; <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q456> }'
expect 0 "query CONSTRUCT" && {
  grep -q 'ng:City' "$tmp/out" || fail "CONSTRUCT printed no Turtle with ng:City"
  if command -v rapper >/dev/null 2>&1; then
    rapper -q -i turtle -c "$tmp/out" >/dev/null 2>&1 ||
      fail "CONSTRUCT output is not valid Turtle"
  fi
}

# ---- errors and exit codes ----------------------------------------------
run query --store "sqlite:$DB" 'SELECT ?x WHERE { ?x ?y }'
expect 1 "a malformed query" && {
  grep -q '^newsgraph: .*error: .*syntax' "$tmp/err" ||
    fail "a malformed query: no parser message ($(cat "$tmp/err"))"
  [ -s "$tmp/out" ] && fail "a malformed query wrote to standard output"
}
run query --store "sqlite:$DB" 'SELECT ?x WHERE { ?x ?p ?o FILTER NOT EXISTS { ?x ?q ?r } }'
expect 1 "FILTER NOT EXISTS (not in rasqal 0.9.33)"
run query --store "sqlite:$tmp/missing.db" "$COUNT"
expect 3 "query a missing store"
[ -e "$tmp/missing.db" ] && fail "querying a missing store created it"
run query "$tmp/missing.ttl" "$COUNT"
expect 3 "query a missing file"
run query --store "sqlite:$DB" "@$tmp/missing.rq"
expect 3 "a missing query file"
printf 'this is not turtle\n' >"$tmp/bad.ttl"
run query "$tmp/bad.ttl" "$COUNT"
expect 1 "query a malformed file"
[ -s "$tmp/out" ] && fail "a malformed file still gave an answer"
# shellcheck disable=SC2086
run $EX --store "sqlite:$tmp/no/such/dir.db" "$TXT"
expect 3 "extract --store in a missing directory"
printf 'not a database at all, not even sqlite\n' >"$tmp/junk.db"
# shellcheck disable=SC2086
run $EX --store "sqlite:$tmp/junk.db" "$TXT"
expect 1 "extract --store into a file that is not a store"
for args in "query" "query --store sqlite:$DB" "query $tmp/sample.nt" \
  "query --store sqlite:$DB $tmp/sample.nt $COUNT" \
  "query --results html --store sqlite:$DB x" "query --store mysql:x x" \
  "extract --store mysql:x" "query --frobnicate"; do
  # shellcheck disable=SC2086
  run $args
  expect 2 "newsgraph $args"
done

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "PASS: check_store.sh"
exit 0
