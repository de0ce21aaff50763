#!/usr/bin/env python3
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
"""Recall of the Wikidata links the gazetteer can reach.

usage: el-reach.py EVAL_DIR GOLD.jsonl SYSTEM.nt GAZETTEER.tsv...

Counts the gold mentions with a QID (not nested, of a scored type, inside
the document's eval_span when it has one), those whose QID is an entry of
the gazetteer tables (first column), and those among them that SYSTEM.nt
links to the same QID on the mention's span (or its name span). The
system's mentions are read by EVAL_DIR/score.py, the scorer itself, so
both count the same links.
"""
import json
import sys


def main(argv):
    if len(argv) < 5:
        sys.exit(__doc__.strip().splitlines()[2])
    sys.path.insert(0, argv[1])
    import score  # the evaluation kit's scorer

    known = set()
    for path in argv[4:]:
        for line in open(path, encoding="utf-8"):
            cell = line.split("\t", 1)[0]
            if cell.startswith("Q"):
                known.add(cell)
    found = {doc: {(s, e, q) for s, e, _, q in ms if q}
             for doc, ms in score.system_mentions(
                 score.load_system([argv[3]])).items()}
    total = reach = hit = 0
    for line in open(argv[2], encoding="utf-8"):
        d = json.loads(line)
        a, b = d.get("eval_span") or (0, len(d["text"]))
        for m in d["mentions"]:
            if (m.get("nested") or not m.get("qid") or
                    score.GOLD_TYPES.get(m["type"]) is None or
                    not (a <= m["start"] and m["end"] <= b)):
                continue
            total += 1
            if m["qid"] not in known:
                continue
            reach += 1
            spans = [(m["start"], m["end"])]
            if m.get("name_span"):
                spans.append(tuple(m["name_span"]))
            hit += any((s, e, m["qid"]) in found.get(d["id"], ())
                       for s, e in spans)
    print("gold links %d, in the gazetteer %d (%.3f), linked %d: recall of "
          "reachable %.3f" % (total, reach, reach / max(total, 1), hit,
                              hit / max(reach, 1)))


if __name__ == "__main__":
    main(sys.argv)
