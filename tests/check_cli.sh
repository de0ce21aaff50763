#!/bin/sh
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
#
# What a user of the `newsgraph` command sees: help and version, exit codes
# (0 ok, 1 data, 2 usage, 3 I/O), standard input, -o FILE, bad documents in
# a batch, unreadable inputs, a full disk, locale independence, and that
# --help and the man page document the same options.
#
# Run by `make check` with NG_SRCDIR, NG_BUILDDIR and NEWSGRAPH_DATA_PATH
# set. Exit 0 pass, 1 fail.
set -u

: "${NG_SRCDIR:=.}"
: "${NG_BUILDDIR:=.}"
NG="$NG_BUILDDIR/newsgraph"
SAMPLE="$NG_SRCDIR/samples/interpol-mena-lyon.fr.txt"
MAN="$NG_SRCDIR/doc/newsgraph.1"
HINT="Try 'newsgraph --help'."

if [ ! -x "$NG" ]; then
  echo "FAIL: $NG is not built"
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_cli.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# run ARGS...: run newsgraph with stdin from /dev/null; sets $status, and
# leaves standard output in $tmp/out and standard error in $tmp/err.
run() {
  "$NG" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  status=$?
}

# expect STATUS DESCRIPTION: check $status, show stderr when wrong.
expect() {
  if [ "$status" -ne "$1" ]; then
    fail "$2: exit status $status, expected $1"
    sed 's/^/  stderr: /' "$tmp/err" | head -n 10
    return 1
  fi
  return 0
}

# usage_error ARGS...: exit 2, the hint on stderr, nothing on stdout.
usage_error() {
  run "$@"
  expect 2 "newsgraph $*" || return
  grep -qF "$HINT" "$tmp/err" || fail "newsgraph $*: no '$HINT' hint"
  grep -q '^newsgraph: ' "$tmp/err" ||
    fail "newsgraph $*: message not prefixed with 'newsgraph: '"
  [ -s "$tmp/out" ] && fail "newsgraph $*: wrote to standard output"
}

EX="extract --lang fr --date 2025-09-05 -f ntriples"

# ---- help and version ----------------------------------------------------
for h in --help -h "help" "help extract" "extract --help" "extract -h" \
  "gazetteer --help" "gazetteer compile --help"; do
  # shellcheck disable=SC2086
  run $h
  expect 0 "newsgraph $h" || continue
  grep -q '^Usage: newsgraph' "$tmp/out" ||
    fail "newsgraph $h: no 'Usage: newsgraph' on standard output"
  [ -s "$tmp/err" ] && fail "newsgraph $h: wrote to standard error"
done

run --help
cp "$tmp/out" "$tmp/help"
for word in --lang --date --input-format --format --output --base \
  --data-path --min-link-confidence --summary --quiet --verbose --help \
  NEWSGRAPH_DATA_PATH "Exit status" "Examples" \
  turtle ntriples nquads rdfxml json dot text html xml rss ndjson \
  "default: 0.6" "default: turtle" "default: auto" \
  "default: https://w3id.org/newsgraph/id/"; do
  grep -qF -- "$word" "$tmp/help" || fail "--help does not mention '$word'"
done
for code in 0 1 2 3; do
  grep -qE "^  $code  " "$tmp/help" || fail "--help does not explain exit $code"
done

# Every long option in --help is in the man page, and the other way round.
if [ -f "$MAN" ]; then
  grep -oE -- '--[a-z][a-z-]+' "$tmp/help" | LC_ALL=C sort -u >"$tmp/help.opts"
  sed 's/\\-/-/g' "$MAN" | grep -oE -- '--[a-z][a-z-]+' | LC_ALL=C sort -u \
    >"$tmp/man.opts"
  if ! cmp -s "$tmp/help.opts" "$tmp/man.opts"; then
    fail "--help and doc/newsgraph.1 document different options" \
      "(< --help, > man page):"
    diff "$tmp/help.opts" "$tmp/man.opts"
  fi
  for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "EXIT STATUS" \
    ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
    grep -q "^\.SH \"*$section\"*\$" "$MAN" ||
      fail "doc/newsgraph.1 has no $section section"
  done
else
  fail "doc/newsgraph.1 is missing"
fi

for v in --version -V; do
  run $v
  expect 0 "newsgraph $v" &&
    { grep -qE '^newsgraph [0-9]+\.[0-9]+\.[0-9]+' "$tmp/out" ||
      fail "newsgraph $v printed '$(cat "$tmp/out")'"; }
done

# ---- usage errors: exit 2 ------------------------------------------------
usage_error
usage_error --frobnicate
usage_error frobnicate
usage_error extract --frobnicate
usage_error extract -Z
usage_error extract --quiet=yes
usage_error extract --date
usage_error extract --date 2025-13-01 "$SAMPLE"
usage_error extract --date 2025-02-30 "$SAMPLE"
usage_error extract --date yesterday "$SAMPLE"
usage_error extract --lang de "$SAMPLE"
usage_error extract -f pdf "$SAMPLE"
usage_error extract -i docx "$SAMPLE"
usage_error extract --min-link-confidence 1.5 "$SAMPLE"
usage_error extract --min-link-confidence 0,5 "$SAMPLE"
usage_error extract --min-link-confidence abc "$SAMPLE"
usage_error extract --min-link-confidence "" "$SAMPLE"
usage_error extract --base "not an iri" "$SAMPLE"
usage_error gazetteer
usage_error gazetteer frobnicate
usage_error gazetteer compile "$tmp/g.ngz"
usage_error gazetteer compile -o "$tmp/g.ngz"
cp "$SAMPLE" "$tmp/article.txt"
usage_error extract -o "$tmp/article.txt" "$tmp/article.txt"
cmp -s "$SAMPLE" "$tmp/article.txt" || fail "-o INPUT truncated the input"
run extract --date 2025-13-01 "$SAMPLE"
grep -q "2025-13-01" "$tmp/err" || fail "a bad --date is not named"

# ---- a good run, the reference for what follows ---------------------------
# shellcheck disable=SC2086
run $EX "$SAMPLE"
if expect 0 "newsgraph $EX SAMPLE" && [ -s "$tmp/out" ]; then
  cp "$tmp/out" "$tmp/ref.nt"
else
  fail "no reference output; the remaining checks are meaningless"
  exit 1
fi
[ -s "$tmp/err" ] && fail "a clean run wrote to standard error:" &&
  head -n 5 "$tmp/err"

# The sample date and language come from the options: with other ones the
# graph must differ somewhere (dates are resolved against --date).
# shellcheck disable=SC2086
run extract --lang fr --date 2024-01-15 -f ntriples "$SAMPLE"
cmp -s "$tmp/out" "$tmp/ref.nt" && fail "--date changes nothing in the output"

# -o FILE: the same bytes, nothing on standard output; "-o -" is stdout.
# shellcheck disable=SC2086
run $EX -o "$tmp/o.nt" "$SAMPLE"
expect 0 "-o FILE"
cmp -s "$tmp/o.nt" "$tmp/ref.nt" || fail "-o FILE differs from standard output"
[ -s "$tmp/out" ] && fail "-o FILE also wrote to standard output"
# shellcheck disable=SC2086
run $EX -o - "$SAMPLE"
cmp -s "$tmp/out" "$tmp/ref.nt" || fail "-o - is not standard output"

# Standard input: no file, or "-", give the same bytes.
# shellcheck disable=SC2086
"$NG" $EX <"$SAMPLE" >"$tmp/stdin1.nt" 2>"$tmp/err"
status=$?
expect 0 "standard input"
[ -s "$tmp/stdin1.nt" ] || fail "standard input gave no output"
# shellcheck disable=SC2086
"$NG" $EX - <"$SAMPLE" >"$tmp/stdin2.nt" 2>"$tmp/err"
cmp -s "$tmp/stdin1.nt" "$tmp/stdin2.nt" ||
  fail "'-' and no file give different output"

# --summary: stderr only, stdout unchanged.
# shellcheck disable=SC2086
run $EX --summary "$SAMPLE"
expect 0 "--summary"
cmp -s "$tmp/out" "$tmp/ref.nt" || fail "--summary changed standard output"
grep -q '^interpol-mena-lyon.fr.txt: [0-9]* sentence' "$tmp/err" ||
  fail "--summary: no per-document line"
grep -q '^Summary: 1 document processed' "$tmp/err" ||
  fail "--summary: no total"
grep -qE '^  triples +[1-9][0-9]*' "$tmp/err" ||
  fail "--summary: no triple count"

# -q: silent on a clean run.
# shellcheck disable=SC2086
run $EX -q "$SAMPLE"
[ -s "$tmp/err" ] && fail "-q still wrote to standard error"

# --min-link-confidence: the default is 0.5; fewer links at 1 than at 0.
links() { grep -c 'owl#sameAs' "$1"; }
# shellcheck disable=SC2086
run $EX --min-link-confidence 0.5 "$SAMPLE"
cmp -s "$tmp/out" "$tmp/ref.nt" ||
  fail "--min-link-confidence 0.5 differs from the default"
# shellcheck disable=SC2086
run $EX --min-link-confidence 0 "$SAMPLE"
cp "$tmp/out" "$tmp/c0.nt"
# shellcheck disable=SC2086
run $EX --min-link-confidence 1 "$SAMPLE"
if [ "$(links "$tmp/out")" -gt "$(links "$tmp/ref.nt")" ] ||
  [ "$(links "$tmp/ref.nt")" -gt "$(links "$tmp/c0.nt")" ]; then
  fail "more Wikidata links with a higher --min-link-confidence"
fi

# --base: every minted IRI moves.
# shellcheck disable=SC2086
run $EX --base http://example.org/kg/ "$SAMPLE"
expect 0 "--base"
grep -q '<http://example.org/kg/' "$tmp/out" || fail "--base is not used"
grep -q '<https://w3id.org/newsgraph/id/' "$tmp/out" &&
  fail "--base: the default base is still used"

# The locale does not leak into the output (no "0,8" in a French locale).
for loc in fr_FR.UTF-8 fr_FR.utf8 de_DE.UTF-8 C.UTF-8; do
  if locale -a 2>/dev/null | grep -qix "$(echo "$loc" | sed 's/UTF-8/utf8/')"; then
    # shellcheck disable=SC2086
    LC_ALL=$loc "$NG" $EX "$SAMPLE" >"$tmp/loc.nt" 2>/dev/null
    cmp -s "$tmp/loc.nt" "$tmp/ref.nt" || fail "LC_ALL=$loc changes the output"
  fi
done

# ---- I/O errors: exit 3 ----------------------------------------------------
# A missing input is reported, the others are processed (same output).
# shellcheck disable=SC2086
run $EX "$tmp/missing.txt" "$SAMPLE"
expect 3 "missing input"
grep -q "^newsgraph: .*missing.txt: error: " "$tmp/err" ||
  fail "missing input: no 'newsgraph: FILE: error:' message"
cmp -s "$tmp/out" "$tmp/ref.nt" ||
  fail "missing input: the other input was not processed alone"
# shellcheck disable=SC2086
run $EX "$SAMPLE" "$tmp/missing.txt"
expect 3 "missing input last"
cmp -s "$tmp/out" "$tmp/ref.nt" || fail "missing input last: output differs"

# A directory is not an input.
# shellcheck disable=SC2086
run $EX "$tmp"
expect 3 "a directory as input"

# An output that cannot be opened.
# shellcheck disable=SC2086
run $EX -o "$tmp/no/such/dir/out.nt" "$SAMPLE"
expect 3 "-o in a missing directory"

# A full disk, on standard output and with -o; /dev/full stays a device.
if [ -c /dev/full ]; then
  # shellcheck disable=SC2086
  "$NG" $EX "$SAMPLE" >/dev/full 2>"$tmp/err"
  status=$?
  expect 3 "standard output on /dev/full"
  grep -q '^newsgraph: .*error: ' "$tmp/err" ||
    fail "/dev/full: the write error is not reported"
  # shellcheck disable=SC2086
  run $EX -o /dev/full "$SAMPLE"
  expect 3 "-o /dev/full"
  [ -c /dev/full ] || fail "-o /dev/full removed /dev/full"
  "$NG" --help >/dev/full 2>/dev/null
  status=$?
  expect 3 "--help on /dev/full"
fi

# ---- bad documents: exit 1, the others processed ---------------------------
cat >"$tmp/batch.ndjson" <<'EOF'
{"id":"good-1","lang":"en","date":"2024-05-03","text":"The President of France visited Berlin on Friday."}
{"id":"broken", "text": 
{"id":"good-2","lang":"fr","date":"2024-05-04","text":"Le président allemand a rencontré le Premier ministre à Paris."}
EOF
run extract -f ntriples -i ndjson "$tmp/batch.ndjson"
expect 1 "a batch with a bad line"
grep -qE '^newsgraph: [^ ]*batch\.ndjson:2(:[0-9]+)?: error: ' "$tmp/err" ||
  fail "bad NDJSON line: no 'newsgraph: FILE:2: error:' message"
grep -q '"good-1"' "$tmp/out" || fail "bad NDJSON line: good-1 was not processed"
grep -q '"good-2"' "$tmp/out" || fail "bad NDJSON line: good-2 was not processed"

# Two documents of one id and two texts would be one document node with
# two texts: the second is reported and skipped; a document repeated as
# it is is harmless.
cat >"$tmp/dup.ndjson" <<'EOF'
{"id":"same","lang":"en","text":"The President of France visited Berlin."}
{"id":"same","lang":"en","text":"The King of Spain visited Rome."}
{"id":"same","lang":"en","text":"The President of France visited Berlin."}
EOF
run extract -f ntriples -i ndjson "$tmp/dup.ndjson"
expect 1 "two documents of one id"
grep -qE '^newsgraph: [^ ]*dup\.ndjson:2(:[0-9]+)?: error: document same: ' \
  "$tmp/err" || fail "two documents of one id: no error for the second"
grep -q 'Rome' "$tmp/out" && fail "two documents of one id: the second kept"
[ "$(sort -u "$tmp/out" | grep -c 'nif-core#isString')" -eq 1 ] ||
  fail "two documents of one id: not one text"
mkdir -p "$tmp/d1" "$tmp/d2"
echo "Lyon est une ville." >"$tmp/d1/same.txt"
echo "Paris est une ville." >"$tmp/d2/same.txt"
run extract -f ntriples "$tmp/d1/same.txt" "$tmp/d2/same.txt"
expect 1 "two files of one name"
grep -q 'd2/same.txt: error: document same.txt: ' "$tmp/err" ||
  fail "two files of one name: no error for the second"
run extract -f ntriples "$tmp/d1/same.txt" "$tmp/d1/same.txt"
expect 0 "one file twice"

# I/O (3) wins over data (1).
run extract -f ntriples -i ndjson "$tmp/batch.ndjson" "$tmp/missing.txt"
expect 3 "a bad line and a missing input"

# A broken resource file found first in the data path: exit 1, reported
# with its position, and an existing -o FILE is left alone.
mkdir -p "$tmp/data/rules"
printf '%s\n' '@@@ this is not a rule (((' '{{{ neither is this' \
  >"$tmp/data/rules/fr.rules"
cp "$tmp/data/rules/fr.rules" "$tmp/data/rules/en.rules"
echo "keep me" >"$tmp/keep.nt"
# shellcheck disable=SC2086
run $EX --data-path "$tmp/data:${NEWSGRAPH_DATA_PATH:-}" -o "$tmp/keep.nt" \
  "$SAMPLE"
expect 1 "a broken rules file"
grep -qE '^newsgraph: [^ ]*rules/(fr|en)\.rules:[0-9]+(:[0-9]+)?: error: ' \
  "$tmp/err" || fail "a broken rules file: no 'FILE:LINE: error:' message"
[ "$(cat "$tmp/keep.nt")" = "keep me" ] ||
  fail "a failed start clobbered the -o FILE"

# A gazetteer of another format version (as an older newsgraph wrote it):
# exit 1, and the message says to compile or build it again.
gaz=""
for d in $(echo "${NEWSGRAPH_DATA_PATH:-}" | tr ':' ' '); do
  [ -z "$gaz" ] && [ -f "$d/gazetteer.ngz" ] && gaz="$d/gazetteer.ngz"
done
if [ -n "$gaz" ]; then
  mkdir -p "$tmp/oldgaz"
  python3 - "$gaz" "$tmp/oldgaz/gazetteer.ngz" <<'PY'
import struct, sys
data = bytearray(open(sys.argv[1], "rb").read())
order = "<" if data[8:12] == bytes([4, 3, 2, 1]) else ">"
version = struct.unpack_from(order + "H", data, 6)[0]
struct.pack_into(order + "H", data, 6, version - 1)
open(sys.argv[2], "wb").write(data)
PY
  # shellcheck disable=SC2086
  run $EX --data-path "$tmp/oldgaz:${NEWSGRAPH_DATA_PATH:-}" "$SAMPLE"
  expect 1 "a gazetteer of another version" &&
    { grep -q "written by another version" "$tmp/err" &&
        grep -q "gazetteer compile" "$tmp/err" ||
      fail "a gazetteer of another version: no hint to rebuild it"; }
else
  fail "no gazetteer.ngz in NEWSGRAPH_DATA_PATH"
fi

# Regression: --data-path reaches the reader too (the web page needs the
# boilerplate words), with no NEWSGRAPH_DATA_PATH in the environment.
status=0
env -u NEWSGRAPH_DATA_PATH "$NG" extract --data-path "$NEWSGRAPH_DATA_PATH" \
  -f ntriples "$NG_SRCDIR/samples/interpol-mena-lyon.fr.html" \
  </dev/null >"$tmp/out" 2>"$tmp/err" || status=$?
expect 0 "extract --data-path of the sample web page" &&
  { grep -q "Meeting" "$tmp/out" || fail "--data-path web page: no Meeting"; }

# Regression: a web page with HTML5 tags (<article>, <nav>) while the
# serializer is open. libxml2's parse errors once reached raptor's handler
# and lost the output.
run extract -f turtle "$NG_SRCDIR/samples/interpol-mena-lyon.fr.html"
if expect 0 "extract of the sample web page"; then
  [ -s "$tmp/err" ] && fail "extract of the sample web page wrote to stderr: $(head -n 3 "$tmp/err")"
  grep -q "ng:Meeting" "$tmp/out" || fail "extract of the sample web page: no ng:Meeting"
fi

# ---- load: usage, without a server (tests/check_endpoint.sh has one) ------
run load --help
if expect 0 "newsgraph load --help"; then
  grep -q -- '--sparql-update' "$tmp/out" || fail "load --help: no --sparql-update"
fi
EP=http://127.0.0.1:1/sparql-graph-crud-auth
usage_error load "$NG_SRCDIR/samples/interpol-mena-lyon.fr.txt"
usage_error load --endpoint ftp://host/x
usage_error load --endpoint http://host/x --batch-size 0
usage_error load --endpoint http://host/x --retries many
usage_error load --endpoint http://host/x --retry-wait 1,5
usage_error load --endpoint http://host/x --graph 'not an iri'
usage_error load --endpoint http://host/x -i n3x
usage_error extract --user someone
# Passwords never on the command line, and never repeated.
usage_error load --endpoint "$EP" --password s3cr3t-pw
grep -q 's3cr3t-pw' "$tmp/err" && fail "load --password: the password is echoed"
usage_error load --endpoint "http://me:s3cr3t-pw@127.0.0.1:1/x"
grep -q 's3cr3t-pw' "$tmp/err" && fail "load URL with a password: echoed"
status=0
env -u NEWSGRAPH_PASSWORD "$NG" load --endpoint "$EP" --user me \
  </dev/null >"$tmp/out" 2>"$tmp/err" || status=$?
expect 2 "load --user without a password" &&
  { grep -q NEWSGRAPH_PASSWORD "$tmp/err" || fail "load --user: no hint"; }
# Nothing listens on port 1: a network error (3), the input listed.
printf '<urn:s> <urn:p> "o" .\n' >"$tmp/one.nt"
status=0
NEWSGRAPH_PASSWORD=x "$NG" load --endpoint "$EP" --user me --retries 0 \
  --graph urn:g --failed "$tmp/failed" "$tmp/one.nt" </dev/null \
  >"$tmp/out" 2>"$tmp/err" || status=$?
expect 3 "load to a closed port" &&
  { grep -q "cannot reach the endpoint" "$tmp/err" ||
    fail "load to a closed port: no 'cannot reach the endpoint'"; }
[ "$(cat "$tmp/failed")" = "$tmp/one.nt" ] ||
  fail "load to a closed port: the failed list is '$(cat "$tmp/failed")'"

if [ "$failures" -ne 0 ]; then
  echo "check_cli: $failures failure(s)"
  exit 1
fi
echo "check_cli: PASS"
exit 0
