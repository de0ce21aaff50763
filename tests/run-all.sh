#!/bin/sh
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
#
# Build newsgraph and run every test, as CI does (README "Quick start",
# second command; tests/install-deps.sh first):
#   1. build/       warnings as errors, make check
#   2. build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer, make check
#   3. build/       make distcheck (the release tarball builds and passes)
# Both builds are out of the source tree (VPATH), so they coexist.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
jobs=$(nproc 2>/dev/null || echo 2)

# The N3.js/SHACL check imports its modules from tests/node_modules;
# distcheck's unpacked copy of the tree has none, so point at this one.
NG_NODE_MODULES="$top/tests/node_modules"
export NG_NODE_MODULES

# Out-of-tree builds refuse a source tree configured in place (the README's
# first command does that): clean it first.
if [ -f config.status ]; then
  echo "run-all.sh: cleaning the in-tree build (make distclean)" >&2
  make distclean
fi

./autogen.sh

mkdir -p build build-asan
(cd build && ../configure --enable-werror && make -j"$jobs" &&
  make -j"$jobs" check)
(cd build-asan && ../configure --enable-werror --enable-asan --enable-ubsan &&
  make -j"$jobs" && make -j"$jobs" check)
(cd build && make -j"$jobs" distcheck)
echo "run-all.sh: all builds and tests passed"
