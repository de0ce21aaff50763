#!/bin/sh
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
#
# The sample article through every output format of `newsgraph extract`:
#   - each run succeeds, and a second run gives the same bytes;
#   - each RDF output parses with raptor (rapper), and every format carries
#     the same set of triples as Turtle;
#   - no blank node; every N-Quads statement sits in a named graph;
#   - the DOT output is a digraph (and renders, when Graphviz is there);
#   - the Turtle passes tests/check_rdf.py (rdflib, against the ontology
#     and the sample text) and tests/check_n3.mjs (N3.js + SHACL shapes).
#
# Run by `make check` with NG_SRCDIR, NG_BUILDDIR and NEWSGRAPH_DATA_PATH
# set. Exit 0 pass, 1 fail, 77 skip (a required tool is missing; under CI,
# CI set, a missing tool is a failure instead).
set -u

: "${NG_SRCDIR:=.}"
: "${NG_BUILDDIR:=.}"
NG="$NG_BUILDDIR/newsgraph"
SAMPLE="$NG_SRCDIR/samples/interpol-mena-lyon.fr.txt"
BASE="https://w3id.org/newsgraph/id/"
FORMATS="turtle ntriples nquads rdfxml json dot"

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# A missing tool: skip the whole test outside CI, fail under CI.
require() {
  if ! command -v "$1" >/dev/null 2>&1; then
    if [ -n "${CI:-}" ]; then
      echo "FAIL: $1 is required (CI is set)"
      exit 1
    fi
    echo "SKIP: $1 not found"
    exit 77
  fi
}
require rapper

if [ ! -x "$NG" ]; then
  echo "FAIL: $NG is not built"
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_sample.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

ext() {
  case "$1" in
  turtle) echo ttl ;;
  ntriples) echo nt ;;
  nquads) echo nq ;;
  rdfxml) echo rdf ;;
  json) echo json ;;
  dot) echo dot ;;
  esac
}

extract() { # FORMAT OUTFILE
  "$NG" extract --lang fr --date 2025-09-05 -f "$1" "$SAMPLE" >"$2" \
    2>"$2.err"
}

for f in $FORMATS; do
  out="$tmp/out.$(ext "$f")"
  extract "$f" "$out"
  status=$?
  if [ "$status" -ne 0 ]; then
    fail "$f: newsgraph extract exited with status $status:"
    cat "$out.err"
    continue
  fi
  if [ ! -s "$out" ]; then
    fail "$f: empty output"
    continue
  fi
  if ! extract "$f" "$tmp/again" || ! cmp -s "$out" "$tmp/again"; then
    fail "$f: a second run gave different bytes"
    diff "$out" "$tmp/again" | head -n 20
  fi

  if [ "$f" = dot ]; then
    head -n 1 "$out" | grep -q '^digraph' ||
      fail "dot: output does not start with 'digraph'"
    tail -n 1 "$out" | grep -q '^}' || fail "dot: output does not end with '}'"
    if command -v dot >/dev/null 2>&1; then
      dot -Tsvg "$out" >/dev/null || fail "dot: Graphviz cannot render it"
    fi
    continue
  fi

  # Parse, then normalise to sorted N-Triples (graph names dropped).
  if ! rapper -q -i "$f" -c "$out" "$BASE" 2>"$tmp/rapper.err"; then
    fail "$f: rapper cannot parse the output:"
    head -n 20 "$tmp/rapper.err"
    continue
  fi
  rapper -q -i "$f" -o ntriples "$out" "$BASE" | LC_ALL=C sort -u \
    >"$tmp/sorted.$f.nt"
done

ref="$tmp/sorted.turtle.nt"
if [ -s "$ref" ]; then
  for f in ntriples nquads rdfxml json; do
    [ -f "$tmp/sorted.$f.nt" ] || continue
    if ! cmp -s "$ref" "$tmp/sorted.$f.nt"; then
      fail "$f: not the same triples as Turtle (< turtle, > $f):"
      diff "$ref" "$tmp/sorted.$f.nt" | head -n 20
    fi
  done
  # No blank node as subject or object.
  if grep -E '^_:|^<[^>]*> <[^>]*> _:' "$ref" >"$tmp/bnodes"; then
    fail "blank nodes in the output:"
    head -n 10 "$tmp/bnodes"
  fi
  echo "sample: $(wc -l <"$ref") distinct triples"
else
  fail "turtle: no triples to compare"
fi

# N-Quads: every statement in a named graph (the document's). Without a
# graph, a statement ends with its object: "<o> ." after exactly three
# terms, or a literal.
nq="$tmp/out.nq"
if [ -s "$nq" ]; then
  rapper -q -i nquads -o nquads "$nq" "$BASE" >"$tmp/norm.nq"
  if grep -vE ' <[^<> ]*> \.$' "$tmp/norm.nq" >"$tmp/nograph" ||
    grep -E '^<[^>]*> <[^>]*> <[^>]*> \.$' "$tmp/norm.nq" >>"$tmp/nograph"; then
    fail "nquads: statements outside a named graph:"
    head -n 10 "$tmp/nograph"
  fi
fi

# rdflib: the output contract and the ontology.
python=
for p in "${PYTHON3:-}" python3 /usr/bin/python3; do
  if [ -n "$p" ] && "$p" -c 'import rdflib' >/dev/null 2>&1; then
    python=$p
    break
  fi
done
if [ -z "$python" ]; then
  if [ -n "${CI:-}" ]; then
    fail "python3 with rdflib is required (CI is set)"
  else
    echo "SKIP: python3 with rdflib not found: tests/check_rdf.py not run"
  fi
elif [ -s "$tmp/out.ttl" ]; then
  "$python" "$NG_SRCDIR/tests/check_rdf.py" \
    --ontology "$NG_SRCDIR/ontology/newsgraph.ttl" --text "$SAMPLE" \
    "$tmp/out.ttl" || fail "tests/check_rdf.py (Turtle)"
  if [ -s "$tmp/out.nq" ]; then
    "$python" "$NG_SRCDIR/tests/check_rdf.py" \
      --ontology "$NG_SRCDIR/ontology/newsgraph.ttl" "$tmp/out.nq" ||
      fail "tests/check_rdf.py (N-Quads)"
  fi
fi

# N3.js + SHACL. Its modules live in tests/node_modules of the source tree
# (npm ci --prefix tests); distcheck's copy of the tree has none, so
# NG_NODE_MODULES may name them: the checker is then run from a copy next
# to a link to them, which is where Node looks.
n3check=
if [ -d "$NG_SRCDIR/tests/node_modules" ]; then
  n3check="$NG_SRCDIR/tests/check_n3.mjs"
elif [ -n "${NG_NODE_MODULES:-}" ] && [ -d "$NG_NODE_MODULES" ]; then
  mkdir "$tmp/n3"
  cp "$NG_SRCDIR/tests/check_n3.mjs" "$tmp/n3/"
  ln -s "$NG_NODE_MODULES" "$tmp/n3/node_modules"
  n3check="$tmp/n3/check_n3.mjs"
fi
if [ -z "$n3check" ] || ! command -v node >/dev/null 2>&1; then
  if [ -n "${CI:-}" ]; then
    fail "node and tests/node_modules are required (CI is set; run" \
      "npm ci --prefix tests)"
  else
    echo "SKIP: node or tests/node_modules missing (npm ci --prefix tests):" \
      "tests/check_n3.mjs not run"
  fi
elif [ -s "$tmp/out.ttl" ]; then
  node "$n3check" --ontology "$NG_SRCDIR/ontology/newsgraph.ttl" \
    "$NG_SRCDIR/ontology/shapes.ttl" "$tmp/out.ttl" "$tmp/out.nq" ||
    fail "tests/check_n3.mjs"
fi

if [ "$failures" -ne 0 ]; then
  echo "check_sample: $failures failure(s)"
  exit 1
fi
echo "check_sample: PASS"
exit 0
