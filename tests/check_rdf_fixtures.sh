#!/bin/sh
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
# The validators on the fixtures of tests/fixtures/rdf (valid and broken
# examples); a test at this level so VPATH builds have its log directory.
exec sh "${NG_SRCDIR:-.}/tests/fixtures/rdf/run.sh" "$@"
