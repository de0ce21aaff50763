#!/bin/sh
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
#
# A throwaway OpenLink Virtuoso (Debian package virtuoso-opensource-7-bin)
# on loopback, for the endpoint tests and for trying `newsgraph load` by
# hand. Everything lives in DIR; nothing is installed or started as a
# service.
#
#   tests/virtuoso.sh start DIR   start on two free loopback ports (or, in
#                                 a DIR used before, its ports and
#                                 database: a restart); print
#                                 VIRTUOSO_* shell assignments (also saved
#                                 in DIR/virtuoso.env) for eval
#   tests/virtuoso.sh stop DIR    stop the server (SIGTERM, then SIGKILL
#                                 after 30 s); --purge also removes DIR
#   tests/virtuoso.sh sql DIR SQL run SQL as dba; exit 1 if it failed
#
# The server gets a user (VIRTUOSO_USER, default "newsgraph"; password
# VIRTUOSO_PASSWORD, default "newsgraph") with SPARQL_UPDATE, which is
# what the Graph Store endpoint (/sparql-graph-crud-auth, HTTP digest)
# and SPARQL Update (/sparql-auth) need. Exit 0 ok, 1 failure, 77 when
# virtuoso-t is not installed.
set -u

die() {
  echo "virtuoso.sh: $*" >&2
  exit 1
}

# A free loopback TCP port: one nothing listens on now.
free_port() {
  python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# The server's PID, from its lock file, if it is running.
server_pid() {
  [ -f "$1/virtuoso.lck" ] || return 1
  pid=$(sed -n 's/^VIRT_PID=//p' "$1/virtuoso.lck")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  # Only a virtuoso-t of this directory (PIDs are reused).
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "virtuoso-t" ||
    return 1
  echo "$pid"
}

isql() {
  dir=$1
  shift
  port=$(sed -n 's/^VIRTUOSO_SQL_PORT=//p' "$dir/virtuoso.env")
  isql-vt "127.0.0.1:$port" dba "${VIRTUOSO_DBA_PASSWORD:-dba}" "$@"
}

cmd_sql() {
  out=$(isql "$1" "exec=$2" 2>&1) || {
    echo "$out" >&2
    return 1
  }
  if echo "$out" | grep -q '^\*\*\* Error'; then
    echo "$out" >&2
    return 1
  fi
  echo "$out"
}

cmd_start() {
  dir=$1
  command -v virtuoso-t >/dev/null 2>&1 || {
    echo "virtuoso.sh: virtuoso-t not found (apt-get install" \
      "virtuoso-opensource-7-bin)" >&2
    exit 77
  }
  mkdir -p "$dir" || die "cannot create $dir"
  dir=$(cd "$dir" && pwd) || exit 1
  if server_pid "$dir" >/dev/null; then
    die "a server already runs in $dir"
  fi
  # A directory that held a server before keeps its database, ports and
  # user: a restart, as after a crash.
  restart=false
  if [ -f "$dir/virtuoso.env" ] && [ -f "$dir/virtuoso.ini" ]; then
    restart=true
    sql_port=$(sed -n 's/^VIRTUOSO_SQL_PORT=//p' "$dir/virtuoso.env")
    http_port=$(sed -n 's/^VIRTUOSO_HTTP_PORT=//p' "$dir/virtuoso.env")
    user=$(sed -n "s/^VIRTUOSO_USER='\\(.*\\)'$/\\1/p" "$dir/virtuoso.env")
    password=$(sed -n "s/^VIRTUOSO_PASSWORD='\\(.*\\)'$/\\1/p" "$dir/virtuoso.env")
  else
    sql_port=$(free_port) || die "no free port"
    http_port=$(free_port) || die "no free port"
    [ "$sql_port" != "$http_port" ] || http_port=$(free_port)
    user=${VIRTUOSO_USER-newsgraph}
    password=${VIRTUOSO_PASSWORD-newsgraph}
    cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile         = $dir/virtuoso.db
ErrorLogFile         = $dir/virtuoso.log
LockFile             = $dir/virtuoso.lck
TransactionFile      = $dir/virtuoso.trx
xa_persistent_file   = $dir/virtuoso.pxa
ErrorLogLevel        = 7
FileExtend           = 200
MaxCheckpointRemap   = 2000
Striping             = 0
TempStorage          = TempDatabase

[TempDatabase]
DatabaseFile         = $dir/virtuoso-temp.db
TransactionFile      = $dir/virtuoso-temp.trx
MaxCheckpointRemap   = 2000
Striping             = 0

[Parameters]
ServerPort           = 127.0.0.1:$sql_port
DisableUnixSocket    = 1
DisableTcpSocket     = 0
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = $dir
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 7500
MaxQueryMem          = 256M
ThreadsPerQuery      = 2
AsyncQueueMaxThreads = 4

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = $dir/vsp
MaxClientConnections = 10
ServerThreads        = 10
EnabledDavVSP        = 0
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows      = 10000
MaxQueryExecutionTime = 60
EOF
  fi
  # +wait returns once the server is online; its stdio is redirected, or
  # the daemon would hold a caller's $(...) open.
  (cd "$dir" && timeout 120 virtuoso-t +configfile "$dir/virtuoso.ini" \
    +wait </dev/null >>"$dir/virtuoso.out" 2>&1) ||
    die "virtuoso-t did not start (see $dir/virtuoso.log)"
  pid=$(server_pid "$dir") || die "virtuoso-t is not running"
  base="http://127.0.0.1:$http_port"
  cat >"$dir/virtuoso.env" <<EOF
VIRTUOSO_DIR='$dir'
VIRTUOSO_PID=$pid
VIRTUOSO_SQL_PORT=$sql_port
VIRTUOSO_HTTP_PORT=$http_port
VIRTUOSO_SPARQL='$base/sparql'
VIRTUOSO_SPARQL_AUTH='$base/sparql-auth'
VIRTUOSO_GSP='$base/sparql-graph-crud'
VIRTUOSO_GSP_AUTH='$base/sparql-graph-crud-auth'
VIRTUOSO_USER='$user'
VIRTUOSO_PASSWORD='$password'
EOF
  # Ready means SPARQL answers, not just that the port is open.
  i=0
  until [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' \
    "$base/sparql?query=ASK%7B%7D")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || die "virtuoso-t died (see $dir/virtuoso.log)"
    i=$((i + 1))
    [ "$i" -lt 600 ] || die "SPARQL endpoint not ready after 120 s"
    sleep 0.2
  done
  if [ -n "$user" ] && ! $restart; then
    cmd_sql "$dir" "DB.DBA.USER_CREATE('$user', '$password'); GRANT SPARQL_UPDATE TO \"$user\";" \
      >/dev/null || die "cannot create the user $user"
  fi
  cat "$dir/virtuoso.env"
}

cmd_stop() {
  dir=$1
  pid=$(server_pid "$dir") || pid=
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null
    i=0
    while kill -0 "$pid" 2>/dev/null; do
      i=$((i + 1))
      if [ "$i" -ge 150 ]; then
        kill -KILL "$pid" 2>/dev/null
        break
      fi
      sleep 0.2
    done
  fi
  if [ "${2-}" = --purge ]; then
    rm -rf "$dir"
  fi
  return 0
}

case "${1-}" in
start)
  [ $# -eq 2 ] || die "usage: $0 start DIR"
  cmd_start "$2"
  ;;
stop)
  [ $# -ge 2 ] || die "usage: $0 stop DIR [--purge]"
  cmd_stop "$2" "${3-}"
  ;;
sql)
  [ $# -eq 3 ] || die "usage: $0 sql DIR SQL"
  cmd_sql "$2" "$3"
  ;;
*)
  echo "usage: $0 start DIR | stop DIR [--purge] | sql DIR SQL" >&2
  exit 2
  ;;
esac
