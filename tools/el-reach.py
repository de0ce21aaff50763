#!/usr/bin/env python3
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
"""Recall of the Wikidata links the gazetteer can reach.

usage: el-reach.py GOLD.jsonl SYSTEM.nt GAZETTEER.tsv...

Counts the gold mentions with a QID (not nested, inside the document's
eval_span when it has one), those whose QID is an entry of the gazetteer
tables (first column), and those among them that SYSTEM.nt links to the
same QID on the mention's span (or its name span). The N-Triples are read
with a small parser of its own: the output contract of DESIGN.md
(nif:beginIndex/endIndex, nif:referenceContext, itsrdf:taIdentRef,
owl:sameAs, dcterms:identifier).
"""
import json
import re
import sys
from collections import defaultdict

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITS = "http://www.w3.org/2005/11/its/rdf#taIdentRef"
SAME = "http://www.w3.org/2002/07/owl#sameAs"
IDENT = "http://purl.org/dc/terms/identifier"
WD = "http://www.wikidata.org/entity/"
TRIPLE = re.compile(r'<([^>]*)> <([^>]*)> (<[^>]*>|"(?:[^"\\]|\\.)*"\S*) \.')


def value(term):
    if term.startswith("<"):
        return term[1:-1]
    body = term[1:term.rindex('"')]
    return re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)),
                  body)


def links(nt_path):
    by = defaultdict(dict)
    for line in open(nt_path, encoding="utf-8"):
        m = TRIPLE.match(line)
        if m:
            by[m.group(2)][m.group(1)] = value(m.group(3))
    doc_of = {s: o for s, o in by[IDENT].items()}
    out = defaultdict(set)
    for m, ctx in by[NIF + "referenceContext"].items():
        ent = by[ITS].get(m)
        qid = by[SAME].get(ent, "") if ent else ""
        if m in by[NIF + "beginIndex"] and qid.startswith(WD) and ctx in doc_of:
            out[doc_of[ctx]].add((int(by[NIF + "beginIndex"][m]),
                                  int(by[NIF + "endIndex"][m]),
                                  qid[len(WD):]))
    return out


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__.strip().splitlines()[2])
    known = set()
    for path in argv[3:]:
        for line in open(path, encoding="utf-8"):
            cell = line.split("\t", 1)[0]
            if cell.startswith("Q"):
                known.add(cell)
    found = links(argv[2])
    total = reach = hit = 0
    for line in open(argv[1], encoding="utf-8"):
        d = json.loads(line)
        a, b = d.get("eval_span") or (0, len(d["text"]))
        for m in d["mentions"]:
            if m.get("nested") or not m.get("qid"):
                continue
            if m["type"] not in ("PER", "ORG", "LOC", "GPE"):
                continue
            if not (a <= m["start"] and m["end"] <= b):
                continue
            total += 1
            if m["qid"] not in known:
                continue
            reach += 1
            spans = [(m["start"], m["end"])]
            if m.get("name_span"):
                spans.append(tuple(m["name_span"]))
            hit += any((s, e, m["qid"]) in found[d["id"]] for s, e in spans)
    print("gold links %d, in the gazetteer %d (%.3f), linked %d: recall of "
          "reachable %.3f" % (total, reach, reach / max(total, 1), hit,
                              hit / max(reach, 1)))


if __name__ == "__main__":
    main(sys.argv)
