#!/usr/bin/env python3
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
"""Regenerate ontology/gazetteer/*.tsv from the verified source tables.

usage: ship-gazetteer.py SOURCE_DIR [OUT_DIR]

SOURCE_DIR holds the verified Wikidata tables (countries.tsv, cities.tsv,
regions.tsv, continents.tsv, organizations.tsv) described by its
SOURCES.md. OUT_DIR defaults to ontology/gazetteer next to this script.
Only the verified tables are read; the *_unverified and *_conflicts tables
never are. Columns the compiler does not use (coordinates, notes, ...) are
dropped, header rows are kept, and a row whose only source is the
non-commercial `peppercat` is left out. demonyms.tsv and LICENSE.md are
written by hand and are not touched.
"""
import os
import sys

# table -> columns kept, in order (all must exist in the source header)
TABLES = {
    "countries.tsv": ["qid", "iso2", "iso3", "label_en", "label_fr",
                      "label_ar", "demonym_en", "aliases", "sources"],
    "cities.tsv": ["qid", "label_en", "label_fr", "label_ar", "native",
                   "aliases", "country_iso2", "population", "ne_pop_max",
                   "sources"],
    "regions.tsv": ["qid", "label_en", "label_fr", "label_ar", "native",
                    "country_iso2", "type", "level", "sources"],
    "continents.tsv": ["qid", "label_en", "label_fr", "aliases", "kind",
                       "sources"],
    "organizations.tsv": ["qid", "label_en", "label_fr", "label_ar",
                          "aliases", "kind", "country_iso2", "sources"],
}

NC_ONLY = {"peppercat"}  # CC BY-NC: never shipped on its own

COMMENT = ("# newsgraph gazetteer table, derived from public data; "
           "sources, licences and attribution in LICENSE.md\n")


def ship(src_path, out_path, keep):
    with open(src_path, encoding="utf-8", newline="\n") as f:
        lines = f.read().split("\n")
    header = lines[0].split("\t")
    missing = [c for c in keep if c not in header]
    if missing:
        sys.exit("%s: missing columns %s" % (src_path, ", ".join(missing)))
    idx = [header.index(c) for c in keep]
    src_col = header.index("sources")
    rows, dropped = [], 0
    for n, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            sys.exit("%s:%d: %d columns, expected %d"
                     % (src_path, n, len(cells), len(header)))
        if cells[src_col] in NC_ONLY:
            dropped += 1
            continue
        rows.append("\t".join(cells[i] for i in idx))
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(COMMENT)
        f.write("\t".join(keep) + "\n")
        for r in rows:
            f.write(r + "\n")
    os.replace(tmp, out_path)
    print("%s: %d rows (%d non-commercial rows dropped)"
          % (os.path.basename(out_path), len(rows), dropped))


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__.strip().splitlines()[2])
    src = argv[1]
    out = argv[2] if len(argv) == 3 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "ontology",
        "gazetteer")
    os.makedirs(out, exist_ok=True)
    for name, keep in TABLES.items():
        ship(os.path.join(src, name), os.path.join(out, name), keep)


if __name__ == "__main__":
    main(sys.argv)
