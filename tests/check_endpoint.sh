#!/bin/sh
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
#
# `newsgraph load` and `extract --endpoint` against a real SPARQL store:
# OpenLink Virtuoso, started on loopback by tests/virtuoso.sh in a
# temporary directory and stopped on exit, whatever happens.
#   - the samples and test articles, loaded over the Graph Store Protocol
#     with digest auth, give the endpoint the same per-document counts and
#     the same query answers as the local graph (newsgraph query);
#   - reloading (Graph Store, SPARQL Update, staging + MOVE, extract
#     --endpoint) leaves no duplicate and no staging graph;
#   - a Turtle file and standard input go to their document's graph;
#   - wrong password, no password, no write permission, endpoint down,
#     malformed data and an over-large INSERT DATA each give their plain
#     error and exit status, and never print the password;
#   - a server stopped in the middle of a load: the documents reported
#     loaded are there after a restart, the failed list names the rest,
#     and a rerun from that list completes the job.
#
# Run by `make check` with NG_SRCDIR, NG_BUILDDIR and NEWSGRAPH_DATA_PATH
# set. Exit 0 pass, 1 fail, 77 skip (virtuoso-t, curl or python3 missing,
# outside CI).
set -u

: "${NG_SRCDIR:=.}"
: "${NG_BUILDDIR:=.}"
NG="$NG_BUILDDIR/newsgraph"
VT="$NG_SRCDIR/tests/virtuoso.sh"
vt() { sh "$VT" "$@"; }
ID="https://w3id.org/newsgraph/id/"
SAMPLE="$NG_SRCDIR/samples/interpol-mena-lyon.fr.txt"
SAMPLE_DOC="${ID}doc/interpol-mena-lyon.fr.txt"

for tool in virtuoso-t isql-vt curl python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    if [ -n "${CI:-}" ]; then
      echo "FAIL: $tool is required (CI is set; tests/install-deps.sh installs it)"
      exit 1
    fi
    echo "SKIP: $tool not found (tests/install-deps.sh installs it)"
    exit 77
  fi
done
if [ ! -x "$NG" ]; then
  echo "FAIL: $NG is not built"
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_endpoint.XXXXXX") || exit 1
VDIR="$tmp/vt"
# shellcheck disable=SC2317 # called by the trap
cleanup() {
  vt stop "$VDIR" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

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
expect_err() {
  grep -q -- "$1" "$tmp/err" || {
    fail "$2: stderr lacks '$1'"
    sed 's/^/  stderr: /' "$tmp/err" | head -n 10
  }
}

if ! vt start "$VDIR" >"$tmp/start.out" 2>&1; then
  echo "FAIL: cannot start Virtuoso"
  cat "$tmp/start.out"
  exit 1
fi
# shellcheck disable=SC1091
. "$VDIR/virtuoso.env"
GSP="$VIRTUOSO_GSP_AUTH"
UPD="$VIRTUOSO_SPARQL_AUTH"
export NEWSGRAPH_PASSWORD="$VIRTUOSO_PASSWORD"
LOAD="load --user $VIRTUOSO_USER --retries 1 --retry-wait 0.1 --timeout 30"

# sparql QUERY ACCEPT: the endpoint's answer on standard output.
sparql() {
  curl -sS -m 60 -H "Accept: $2" --data-urlencode "query=$1" \
    "$VIRTUOSO_SPARQL"
}
# Per-graph counts "graph,n" of graphs under PREFIX, sorted. COUNT, not a
# dump: Virtuoso silently caps results at 10,000 rows.
remote_counts() {
  sparql "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }
          FILTER (STRSTARTS(STR(?g), \"$1\")) } GROUP BY ?g" text/csv |
    tr -d '"\r' | sed 1d | LC_ALL=C sort
}
local_counts() {
  "$NG" query --results csv "$1" \
    'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g' |
    tr -d '"\r' | sed 1d | LC_ALL=C sort
}
graph_count() {
  sparql "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$1> { ?s ?p ?o } }" \
    text/csv | tr -d '"\r' | sed -n 2p
}
no_staging() {
  if [ -n "$(remote_counts urn:newsgraph:staging:)" ]; then
    fail "$1: staging graphs left behind"
  fi
}

# Same bindings (values and language tags) or the same boolean.
cat >"$tmp/same.py" <<'EOF'
import json, sys
def answer(path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    if "boolean" in d:
        return d["boolean"]
    # Unbound variables: absent, or null in rasqal's JSON.
    return sorted(tuple(sorted((k, v["value"], v.get("xml:lang", ""))
                               for k, v in b.items()
                               if v and v.get("value") is not None))
                  for b in d["results"]["bindings"])
a, b = answer(sys.argv[1]), answer(sys.argv[2])
if a != b:
    print("  local: ", a if isinstance(a, bool) else a[:3])
    print("  remote:", b if isinstance(b, bool) else b[:3])
sys.exit(0 if a == b else 1)
EOF

# ---- the samples, local and remote --------------------------------------
run extract -f nquads -o "$tmp/all.nq" "$SAMPLE" "$NG_SRCDIR"/tests/articles/*.txt
expect 0 "extract of the samples" || exit 1
local_counts "$tmp/all.nq" >"$tmp/local.counts"
docs=$(grep -c . "$tmp/local.counts")
[ "$docs" -ge 13 ] || fail "expected 13 document graphs locally, got $docs"

# shellcheck disable=SC2086
run $LOAD -s --endpoint "$GSP" "$tmp/all.nq"
expect 0 "load over the Graph Store Protocol"
expect_err "loaded $docs documents" "load --summary"
remote_counts "$ID" >"$tmp/remote.counts"
cmp -s "$tmp/local.counts" "$tmp/remote.counts" ||
  fail "per-document counts differ between the local graph and the endpoint: $(diff "$tmp/local.counts" "$tmp/remote.counts" | head -n 6)"

# The same answers: the example queries and the first ASK of each test
# article (all of them would double the run time under the sanitizers).
queries=0
for q in "$NG_SRCDIR"/samples/queries/*.rq "$NG_SRCDIR"/tests/articles/*.1.rq; do
  "$NG" query --results json "$tmp/all.nq" "@$q" >"$tmp/local.json" 2>"$tmp/err" ||
    { fail "local query $q"; continue; }
  sparql "$(cat "$q")" application/sparql-results+json >"$tmp/remote.json" ||
    { fail "remote query $q"; continue; }
  python3 "$tmp/same.py" "$tmp/local.json" "$tmp/remote.json" ||
    fail "different answers to $(basename "$q") locally and at the endpoint"
  queries=$((queries + 1))
done
[ "$queries" -ge 15 ] || fail "only $queries queries compared"

# ---- reloading: no duplicates, whichever way -----------------------------
# shellcheck disable=SC2086
run $LOAD --endpoint "$GSP" "$tmp/all.nq"
expect 0 "reload over the Graph Store Protocol"
remote_counts "$ID" | cmp -s "$tmp/local.counts" - ||
  fail "reloading (Graph Store PUT) changed the counts"
# shellcheck disable=SC2086
run $LOAD --sparql-update "$UPD" --batch-size 100 "$tmp/all.nq"
expect 0 "reload over SPARQL Update"
remote_counts "$ID" | cmp -s "$tmp/local.counts" - ||
  fail "reloading (INSERT DATA batches) changed the counts"
# shellcheck disable=SC2086
run $LOAD --endpoint "$GSP" --sparql-update "$UPD" "$tmp/all.nq"
expect 0 "reload through a staging graph"
remote_counts "$ID" | cmp -s "$tmp/local.counts" - ||
  fail "reloading (staging + MOVE) changed the counts"
no_staging "reloads"
run extract --lang fr --date 2025-09-05 -o "$tmp/one.ttl" "$SAMPLE"
expect 0 "extract of the sample to Turtle"
expected=$("$NG" query --results csv "$tmp/one.ttl" \
  'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | tr -d '"\r' | sed -n 2p)
# shellcheck disable=SC2086
run extract --lang fr --date 2025-09-05 --endpoint "$GSP" \
  --user "$VIRTUOSO_USER" --sparql-update "$UPD" "$SAMPLE"
expect 0 "extract --endpoint"
[ -s "$tmp/out" ] && fail "extract --endpoint without -o/-f wrote RDF"
[ "$(graph_count "$SAMPLE_DOC")" = "$expected" ] ||
  fail "extract --endpoint: $(graph_count "$SAMPLE_DOC") triples in the sample's graph, expected $expected"

# A Turtle file, from standard input too: one document, named by its
# ng:Document, as extract --store names it.
# shellcheck disable=SC2086
run $LOAD --endpoint "$GSP" --password-file /dev/null "$tmp/one.ttl"
expect 3 "an empty password file"
printf '%s\n' "$VIRTUOSO_PASSWORD" >"$tmp/pw"
# shellcheck disable=SC2086
"$NG" $LOAD --endpoint "$GSP" --password-file "$tmp/pw" - \
  <"$tmp/one.ttl" >"$tmp/out" 2>"$tmp/err"
status=$?
expect 0 "load of Turtle from standard input"
[ "$(graph_count "$SAMPLE_DOC")" = "$expected" ] ||
  fail "Turtle: $(graph_count "$SAMPLE_DOC") triples in the document's graph, expected $expected"
# shellcheck disable=SC2086
run $LOAD --endpoint "$GSP" --graph "${ID}test/fixed" "$tmp/one.ttl"
expect 0 "load --graph"
[ "$(graph_count "${ID}test/fixed")" = "$expected" ] || fail "load --graph"

# ---- errors ---------------------------------------------------------------
NEWSGRAPH_PASSWORD=not-the-secret-42 run $LOAD --endpoint "$GSP" "$tmp/one.ttl"
expect 3 "wrong password"
expect_err "bad credentials" "wrong password"
grep -q "not-the-secret-42" "$tmp/err" && fail "the password appears in a message"
run load --endpoint "$GSP" "$tmp/one.ttl"
expect 3 "no user"
expect_err "requires a user name and password" "no user"
run load --endpoint "$VIRTUOSO_GSP" "$tmp/one.ttl"
expect 3 "anonymous update"
expect_err "refuses updates" "anonymous update"
run $LOAD --endpoint "$GSP" --user "$VIRTUOSO_USER" "$tmp/one.ttl" # twice: fine
expect 0 "repeated --user"

# Malformed data: that file is reported and listed, the others load.
printf '<%stest/bad> <%sp> "no end .\n' "$ID" "$ID" >"$tmp/bad.nt"
# shellcheck disable=SC2086
run $LOAD --endpoint "$GSP" --graph "${ID}test/bad" --failed "$tmp/failed" \
  "$tmp/bad.nt" "$tmp/one.ttl"
expect 1 "malformed data"
expect_err "bad.nt:1:" "malformed data"
[ "$(cat "$tmp/failed")" = "$tmp/bad.nt" ] ||
  fail "malformed data: the failed list is '$(cat "$tmp/failed")'"

# Over the server's limits: one INSERT DATA of 6,000 statements.
awk -v g="${ID}test/big" 'BEGIN { for (i = 0; i < 6000; i++)
  printf "<urn:x:%d> <urn:p> \"%d\" <%s> .\n", i, i, g }' >"$tmp/big.nq"
# shellcheck disable=SC2086
run $LOAD --sparql-update "$UPD" --batch-size 6000 "$tmp/big.nq"
expect 1 "INSERT DATA over the limit"
expect_err "too large for the endpoint" "INSERT DATA over the limit"
# shellcheck disable=SC2086
run $LOAD --sparql-update "$UPD" "$tmp/big.nq"
expect 0 "INSERT DATA in batches"
[ "$(graph_count "${ID}test/big")" = 6000 ] || fail "big graph in batches"
no_staging "batches"

# ---- a 5xx, then success: retried, with Content-Length every time --------
cat >"$tmp/flaky.py" <<'EOF'
import http.server, sys
log = open(sys.argv[1], "a")
seen = []
class Handler(http.server.BaseHTTPRequestHandler):
    def do_PUT(self):
        n = int(self.headers.get("Content-Length", "-1"))
        body = self.rfile.read(n) if n > 0 else b""
        seen.append(1)
        log.write("%s %s length=%d chunked=%s\n" % (
            self.command, self.path, len(body),
            self.headers.get("Transfer-Encoding") is not None))
        log.flush()
        self.send_response(503 if len(seen) == 1 else 201)
        self.send_header("Content-Length", "0")
        self.end_headers()
    do_POST = do_PUT
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[2], "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
EOF
python3 "$tmp/flaky.py" "$tmp/flaky.log" "$tmp/flaky.port" &
flaky=$!
i=0
while [ ! -s "$tmp/flaky.port" ] && [ "$i" -lt 100 ]; do
  sleep 0.05
  i=$((i + 1))
done
run load --retries 2 --retry-wait 0.1 --graph urn:newsgraph:test \
  --endpoint "http://127.0.0.1:$(cat "$tmp/flaky.port")/gsp" "$tmp/one.ttl"
kill "$flaky" 2>/dev/null
wait "$flaky" 2>/dev/null
expect 0 "a 503, then success"
expect_err "HTTP 503.*retrying" "a 503, then success"
[ "$(grep -c 'PUT /gsp?graph=urn%3Anewsgraph%3Atest length=[1-9][0-9]* chunked=False' "$tmp/flaky.log")" = 2 ] ||
  fail "a 503, then success: requests were $(cat "$tmp/flaky.log")"

# ---- a server stopped in the middle of a load -----------------------------
mkdir "$tmp/many"
grep -F "<$SAMPLE_DOC> ." "$tmp/all.nq" >"$tmp/sample.nq"
i=1
while [ "$i" -le 60 ]; do
  n=$(printf '%03d' "$i")
  sed "s|<[^<]*> \\.\$|<${ID}test/copy-$n> .|" "$tmp/sample.nq" \
    >"$tmp/many/copy-$n.nq"
  i=$((i + 1))
done
per_copy=$(grep -c . "$tmp/many/copy-001.nq")
# shellcheck disable=SC2086
"$NG" $LOAD --sparql-update "$UPD" --batch-size 50 --failed "$tmp/failed" \
  "$tmp"/many/*.nq >/dev/null 2>"$tmp/err" &
loader=$!
i=0
until [ "$(graph_count "${ID}test/copy-003")" = "$per_copy" ]; do
  i=$((i + 1))
  [ "$i" -lt 200 ] || break
  sleep 0.05
done
# SIGKILL: no shutdown grace in which the load could finish, and what was
# committed must survive the crash.
kill -KILL "$VIRTUOSO_PID"
wait "$loader"
status=$?
expect 3 "server stopped during a load"
expect_err "cannot reach the endpoint\|endpoint failed" "server stopped"
nfailed=$(grep -c . "$tmp/failed")
[ "$nfailed" -gt 0 ] || fail "server stopped: no failed document listed"

# Down: a clear message, status 3, and the inputs listed.
# shellcheck disable=SC2086
run $LOAD --endpoint "$GSP" --retries 0 --failed "$tmp/failed.down" "$tmp/one.ttl"
expect 3 "endpoint down"
expect_err "cannot reach the endpoint" "endpoint down"
[ "$(cat "$tmp/failed.down")" = "$tmp/one.ttl" ] || fail "endpoint down: failed list"
# extract --endpoint: the document that failed and the inputs not read.
run extract --lang fr --endpoint "$GSP" --user "$VIRTUOSO_USER" --retries 0 \
  --failed "$tmp/failed.down" "$SAMPLE" "$NG_SRCDIR/samples/interpol-mena-lyon.fr.html"
expect 3 "extract --endpoint, endpoint down"
[ "$(grep -c . "$tmp/failed.down")" = 2 ] ||
  fail "extract --endpoint, endpoint down: failed list '$(cat "$tmp/failed.down")'"

vt start "$VDIR" >"$tmp/start.out" 2>&1 || {
  fail "cannot restart Virtuoso"
  cat "$tmp/start.out"
  exit 1
}
# What was reported loaded survived; then the list finishes the job.
for f in "$tmp"/many/*.nq; do
  grep -qx "$f" "$tmp/failed" && continue
  g="${ID}test/$(basename "$f" .nq)"
  [ "$(graph_count "$g")" = "$per_copy" ] ||
    fail "server stopped: $g was reported loaded but has $(graph_count "$g") triples"
done
# shellcheck disable=SC2086
run $LOAD --sparql-update "$UPD" --batch-size 50 --from-list "$tmp/failed" \
  --failed "$tmp/failed"
expect 0 "rerun from the failed list"
[ -s "$tmp/failed" ] && fail "rerun: the failed list is not empty"
remote_counts "${ID}test/copy-" | cut -d, -f2 | sort -u >"$tmp/copies"
if [ "$(cat "$tmp/copies")" != "$per_copy" ] ||
  [ "$(remote_counts "${ID}test/copy-" | grep -c .)" != 60 ]; then
  fail "after the rerun, not every copy has $per_copy triples: $(tr '\n' ' ' <"$tmp/copies")"
fi
no_staging "rerun"

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "PASS: $docs documents and $queries queries agree with the endpoint;" \
  "the stopped server left $nfailed of 60 documents to the rerun"
exit 0
