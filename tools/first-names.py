#!/usr/bin/env python3
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
"""Regenerate ontology/lexicon/first-names.tsv from the verified people table.

usage: first-names.py PEOPLE_TSV [OUT]

PEOPLE_TSV is the verified people.tsv described by the source tables'
SOURCES.md. A first name is the first word of a person's name (its label,
English or French label, or a Latin-script alias) when at least MIN_PEOPLE
distinct people of the table carry it; rows whose only source is the
non-commercial `peppercat` are read only with the names that another
source gives them (tools/people-confirmed.tsv). Forms are kept as
written (capitalised); the recogniser folds them. OUT defaults to
ontology/lexicon/first-names.tsv next to this script.
"""
import collections
import os
import sys

MIN_PEOPLE = 2
NC_ONLY = {"peppercat"}

HEADER = """\
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
#
# Given names (class first_name), written by tools/first-names.py from the
# names of the people of the verified Wikidata people table (sources:
# EveryPolitician, CaptainFact, US Congress legislators, Algerian ministers;
# CC0 / public domain; see ontology/gazetteer/LICENSE.md). A word is listed
# when at least {min} people carry it as their first name. The recogniser
# reads a capitalised first name followed by a capitalised surname as a
# person ("Guy Bovet", "Cindy Santos"); alone, a first name is nothing.
"""


def first_word(name):
    words = name.split()
    if len(words) < 2:
        return None
    w = words[0]
    # a given name: a capitalised word of three letters or more (hyphens
    # and apostrophes inside), not an initial or an abbreviation
    if len(w) < 3 or not w[0].isupper() or not w[0].isalpha():
        return None
    if not all(c.isalpha() or c in "-'’" for c in w) or w.isupper():
        return None
    if any(ord(c) > 0x24F for c in w):  # Latin scripts only
        return None
    return w


def confirmed_names():
    """QID -> the names tools/people-confirmed.tsv gives a person whose
    only source in the table is non-commercial."""
    out = {}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        "people-confirmed.tsv")
    with open(path, encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if line.startswith("Q") and len(cells) > 1:
                out.setdefault(cells[0], []).append(cells[1])
    return out


def person_names(row, confirmed):
    """The names of a row of the people table that may be read: its own,
    or, when its only source is non-commercial, those another source
    confirms (none if no source does)."""
    if row.get("sources") in NC_ONLY:
        return confirmed.get(row["qid"], [])
    names = [row.get("label", ""), row.get("label_en", ""),
             row.get("label_fr", "")]
    return names + row.get("aliases", "").split("|")


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__.strip().splitlines()[2])
    out = argv[2] if len(argv) == 3 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "ontology",
        "lexicon", "first-names.tsv")
    people = collections.defaultdict(set)
    confirmed = confirmed_names()
    with open(argv[1], encoding="utf-8", newline="\n") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            for n in person_names(row, confirmed):
                w = first_word(n)
                if w:
                    people[w].add(row["qid"])
    kept = sorted(w for w, q in people.items() if len(q) >= MIN_PEOPLE)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER.format(min=MIN_PEOPLE))
        for w in kept:
            f.write("first_name\t%s\n" % w)
    os.replace(tmp, out)
    print("%s: %d first names" % (os.path.basename(out), len(kept)))


if __name__ == "__main__":
    main(sys.argv)
