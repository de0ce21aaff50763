#!/bin/sh
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
#
# Install what building and testing newsgraph needs on Debian 12
# (bookworm): the Debian packages, then the Node.js checkers pinned by
# tests/package-lock.json (N3.js, rdf-validate-shacl) into
# tests/node_modules. Runs as root, or through sudo otherwise.
#
#   tests/install-deps.sh               install everything
#   tests/install-deps.sh --list-build  print the build packages (the
#                                       README's first command installs
#                                       exactly these; .ci/run checks it)
set -eu
cd "$(dirname "$0")/.."

# Building and running newsgraph.
BUILD_PACKAGES="build-essential autoconf automake libtool pkg-config \
librdf0-dev libraptor2-dev librasqal3-dev libxml2-dev libpcre2-dev \
libjson-c-dev libcurl4-gnutls-dev librdf-storage-sqlite libstemmer-dev \
zlib1g-dev libbz2-dev"
# Running its tests: cmocka, the independent RDF parsers (rapper, rdflib,
# N3.js), the Redland tools, and OpenLink Virtuoso (the server binary
# only: no service is installed or started) with curl for the endpoint
# tests.
TEST_PACKAGES="libcmocka-dev raptor2-utils redland-utils python3 \
python3-rdflib nodejs ca-certificates virtuoso-opensource-7-bin curl"

case "${1-}" in
--list-build)
  # shellcheck disable=SC2086 # one line, words split on purpose
  echo $BUILD_PACKAGES
  exit 0
  ;;
"") ;;
*)
  echo "usage: $0 [--list-build]" >&2
  exit 2
  ;;
esac

if [ "$(id -u)" = 0 ]; then
  SUDO=
elif command -v sudo >/dev/null 2>&1; then
  SUDO=sudo
else
  echo "install-deps.sh: run this as root, or install sudo" >&2
  exit 1
fi

# sudo resets the environment, so the frontend goes through env.
apt_get() {
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get "$@"
}
apt_get update
# shellcheck disable=SC2086 # the package lists are split into words
apt_get install -y --no-install-recommends $BUILD_PACKAGES $TEST_PACKAGES
# Debian's npm, unless the installed nodejs already ships npm (NodeSource's
# does, and conflicts with Debian's npm package).
if ! command -v npm >/dev/null 2>&1; then
  apt_get install -y --no-install-recommends npm
fi

if [ -f tests/package-lock.json ]; then
  npm ci --prefix tests --no-audit --no-fund
else
  npm install --prefix tests --no-audit --no-fund
fi
