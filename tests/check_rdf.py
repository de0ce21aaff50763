#!/usr/bin/env python3
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
"""Independent checks of newsgraph output with rdflib.

    python3 tests/check_rdf.py [--ontology PATH] [--topics PATH]
                               [--text DOC.txt] FILE...

Each FILE is parsed with rdflib (format from its extension: .ttl .nt .nq
.trig .rdf/.xml) and checked against the output contract (DESIGN.md):

  - no blank nodes anywhere (subject, predicate, object or graph name);
  - every owl:sameAs object is a Wikidata item IRI
    http://www.wikidata.org/entity/Q<digits>;
  - every ng:confidence is an xsd:decimal literal in [0, 1];
  - every NIF string has one nif:beginIndex < one nif:endIndex, both
    non-negative integers, matching the #char=B,E fragment of its IRI;
  - every nif:anchorOf equals the text of its context (nif:isString, when
    present) sliced in code points; with --text, equals DOC.txt sliced
    likewise (the output must then describe a single document);
  - ng:startDate / ng:endDate are valid xsd:date, xsd:gYearMonth or
    xsd:gYear and the start is not after the end;
  - every ng: term used is declared in the ontology (as a class when it is
    an rdf:type, as a property when it is a predicate), and every ng:topic
    value is a concept of the topic scheme.

The ontology itself is checked too: it parses, and every ng: term has an
rdfs:label and an rdfs:comment in English and in French.

Exit status 0 when every check passes, 1 when one fails, 2 on usage errors
or when rdflib is missing. The last line is a one-line summary.
"""

import argparse
import os
import re
import sys
from decimal import Decimal, InvalidOperation

try:
    import rdflib
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import OWL, RDF, RDFS, XSD
except ImportError:  # pragma: no cover - environment problem
    sys.stderr.write("check_rdf: rdflib is not available to %s "
                     "(Debian: apt-get install python3-rdflib)\n" % sys.executable)
    sys.exit(2)

NG = "https://w3id.org/newsgraph/ns#"
NIF = rdflib.Namespace(
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
TOPIC = "https://w3id.org/newsgraph/topic/"
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
NGNS = rdflib.Namespace(NG)
ITSRDF = rdflib.Namespace("http://www.w3.org/2005/11/its/rdf#")

WIKIDATA_ITEM = re.compile(r"^http://www\.wikidata\.org/entity/Q[1-9][0-9]*$")
DECIMAL_LEX = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")
NNI_LEX = re.compile(r"^\+?[0-9]+$")
CHAR_FRAGMENT = re.compile(r"#char=([0-9]+),([0-9]+)$")
DATE_LEX = {
    XSD.date: re.compile(r"^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})$"),
    XSD.gYearMonth: re.compile(r"^(-?[0-9]{4,})-([0-9]{2})$"),
    XSD.gYear: re.compile(r"^(-?[0-9]{4,})$"),
}

FORMATS = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".nq": "nquads",
    ".trig": "trig", ".rdf": "xml", ".xml": "xml", ".owl": "xml",
}
CLASS_TYPES = {OWL.Class, RDFS.Class}
PROPERTY_TYPES = {OWL.ObjectProperty, OWL.DatatypeProperty,
                  OWL.AnnotationProperty, RDF.Property}

MAX_PRINTED = 200


class Report:
    """Collects failures; prints the first MAX_PRINTED."""

    def __init__(self):
        self.errors = 0

    def fail(self, where, msg):
        self.errors += 1
        if self.errors <= MAX_PRINTED:
            print("%s: error: %s" % (where, msg))
        elif self.errors == MAX_PRINTED + 1:
            print("check_rdf: further errors not shown")


def nt(term):
    """A term in N-Triples syntax, for messages."""
    return term.n3() if term is not None else "(none)"


def parse(path, report):
    """Parse one file into a ConjunctiveGraph; None on failure."""
    fmt = FORMATS.get(os.path.splitext(path)[1].lower())
    if fmt is None:
        report.fail(path, "unknown extension (want .ttl, .nt, .nq, .trig or .rdf)")
        return None
    g = rdflib.ConjunctiveGraph()
    try:
        g.parse(path, format=fmt)
    except Exception as e:  # rdflib raises many kinds; all mean "bad input"
        report.fail(path, "does not parse as %s: %s" % (fmt, str(e).strip()))
        return None
    return g


def load_ontology(path, report):
    """Returns (classes, properties) declared in the ng: namespace."""
    g = parse(path, report)
    if g is None:
        return None, None
    classes, props = set(), set()
    for s, _, o in g.triples((None, RDF.type, None)):
        if not isinstance(s, URIRef) or not str(s).startswith(NG):
            continue
        if o in CLASS_TYPES:
            classes.add(s)
        elif o in PROPERTY_TYPES:
            props.add(s)
    if not classes or not props:
        report.fail(path, "declares no ng: classes or properties")
    # Every term is documented in both languages.
    for term in sorted(classes | props):
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in g.objects(term, prop)
                     if isinstance(o, Literal)}
            for lang in ("en", "fr"):
                if lang not in langs:
                    report.fail(path, "%s has no %s in '%s'" %
                                (nt(term), prop.n3(g.namespace_manager), lang))
    return classes, props


def load_topics(path, report):
    g = parse(path, report)
    if g is None:
        return None
    return {s for s in g.subjects(RDF.type, SKOS.Concept)
            if str(s).startswith(TOPIC)}


def int_value(lit):
    """The value of an xsd:nonNegativeInteger literal, or None."""
    if not isinstance(lit, Literal) or lit.datatype != XSD.nonNegativeInteger:
        return None
    if not NNI_LEX.match(str(lit)):
        return None
    return int(str(lit))


def date_bounds(lit):
    """(earliest, latest) (y, m, d) of a partial date literal, or None."""
    if not isinstance(lit, Literal) or lit.datatype not in DATE_LEX:
        return None
    m = DATE_LEX[lit.datatype].match(str(lit))
    if not m:
        return None
    parts = [int(x) for x in m.groups()]
    y = parts[0]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return None
    if len(parts) == 3:
        mdays = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28,
                 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][parts[1] - 1]
        if not 1 <= parts[2] <= mdays:
            return None
        return (y, parts[1], parts[2]), (y, parts[1], parts[2])
    if len(parts) == 2:
        return (y, parts[1], 1), (y, parts[1], 31)
    return (y, 1, 1), (y, 12, 31)


def check_graph(path, g, classes, props, topics, text, report, stats):
    default_id = g.default_context.identifier
    # 1. No blank nodes.
    for s, p, o, ctx in g.quads((None, None, None, None)):
        stats["triples"] += 1
        gid = ctx.identifier if ctx is not None else None
        for pos, term in (("subject", s), ("predicate", p), ("object", o)):
            if isinstance(term, BNode):
                report.fail(path, "blank node as %s in %s %s %s" %
                            (pos, nt(s), nt(p), nt(o)))
        if gid is not None and gid != default_id and isinstance(gid, BNode):
            report.fail(path, "blank node as graph name")

    # 2. owl:sameAs goes to Wikidata items only.
    for s, o in g.subject_objects(OWL.sameAs):
        stats["links"] += 1
        if not isinstance(o, URIRef) or not WIKIDATA_ITEM.match(str(o)):
            report.fail(path, "%s owl:sameAs %s: not a Wikidata item IRI "
                        "http://www.wikidata.org/entity/Q<digits>" % (nt(s), nt(o)))

    # 3. Confidences.
    for s, o in g.subject_objects(NGNS.confidence):
        stats["confidences"] += 1
        ok = (isinstance(o, Literal) and o.datatype == XSD.decimal
              and DECIMAL_LEX.match(str(o)))
        if ok:
            try:
                v = Decimal(str(o))
                ok = Decimal(0) <= v <= Decimal(1)
            except InvalidOperation:
                ok = False
        if not ok:
            report.fail(path, "%s ng:confidence %s: want an xsd:decimal in [0, 1]"
                        % (nt(s), nt(o)))

    # 4. NIF offsets, fragments and anchors.
    contexts = set(g.objects(None, NIF.referenceContext))
    contexts |= set(g.subjects(RDF.type, NIF.Context))
    if text is not None and len(contexts) > 1:
        report.fail(path, "--text given but the output describes %d documents"
                    % len(contexts))
    strings = set(g.subjects(NIF.beginIndex, None)) | set(g.subjects(NIF.endIndex, None))
    strings |= set(g.subjects(NIF.anchorOf, None))
    for m in sorted(strings):
        begins = list(g.objects(m, NIF.beginIndex))
        ends = list(g.objects(m, NIF.endIndex))
        if len(begins) != 1 or len(ends) != 1:
            report.fail(path, "%s has %d nif:beginIndex and %d nif:endIndex (want 1 each)"
                        % (nt(m), len(begins), len(ends)))
            continue
        b, e = int_value(begins[0]), int_value(ends[0])
        if b is None or e is None:
            report.fail(path, "%s: nif:beginIndex %s / nif:endIndex %s must be "
                        "xsd:nonNegativeInteger" % (nt(m), nt(begins[0]), nt(ends[0])))
            continue
        if not b < e:
            report.fail(path, "%s: nif:beginIndex %d is not below nif:endIndex %d"
                        % (nt(m), b, e))
            continue
        frag = CHAR_FRAGMENT.search(str(m))
        if frag and (int(frag.group(1)), int(frag.group(2))) != (b, e):
            report.fail(path, "%s: IRI says char=%s,%s but offsets are %d,%d"
                        % (nt(m), frag.group(1), frag.group(2), b, e))
        anchors = list(g.objects(m, NIF.anchorOf))
        if not anchors:
            continue
        stats["mentions"] += 1
        anchor = str(anchors[0])
        if len(anchors) > 1:
            report.fail(path, "%s has %d nif:anchorOf" % (nt(m), len(anchors)))
        for ctx in g.objects(m, NIF.referenceContext):
            for s in g.objects(ctx, NIF.isString):
                # Python str indexing is by code point, as NIF's offsets.
                s = str(s)
                if e > len(s):
                    report.fail(path, "%s: nif:endIndex %d is past the end of "
                                "%s's nif:isString (%d code points)"
                                % (nt(m), e, nt(ctx), len(s)))
                elif s[b:e] != anchor:
                    report.fail(path, "%s: nif:anchorOf %r but nif:isString[%d:%d] is %r"
                                % (nt(m), anchor, b, e, s[b:e]))
        if text is not None:
            if e > len(text):
                report.fail(path, "%s: nif:endIndex %d is past the end of the text "
                            "(%d code points)" % (nt(m), e, len(text)))
            elif text[b:e] != anchor:
                report.fail(path, "%s: nif:anchorOf %r but text[%d:%d] is %r"
                            % (nt(m), anchor, b, e, text[b:e]))
    if text is not None:
        for ctx in contexts:
            for s in g.objects(ctx, NIF.isString):
                if str(s) != text:
                    s = str(s)
                    i = next((k for k in range(min(len(s), len(text)))
                              if s[k] != text[k]), min(len(s), len(text)))
                    report.fail(path, "%s nif:isString differs from the text at "
                                "code point %d" % (nt(ctx), i))

    # 5. Event dates.
    for ev in set(g.subjects(NGNS.startDate, None)) | set(g.subjects(NGNS.endDate, None)):
        bounds = {}
        for prop in (NGNS.startDate, NGNS.endDate):
            for lit in g.objects(ev, prop):
                bd = date_bounds(lit)
                if bd is None:
                    report.fail(path, "%s %s %s: want a valid xsd:date, "
                                "xsd:gYearMonth or xsd:gYear" % (nt(ev), nt(prop), nt(lit)))
                else:
                    bounds.setdefault(prop, []).append(bd)
        for sb in bounds.get(NGNS.startDate, []):
            for eb in bounds.get(NGNS.endDate, []):
                if sb[0] > eb[1]:
                    report.fail(path, "%s starts after it ends" % nt(ev))

    # 6. Vocabulary: ng: terms are declared, topics exist.
    if classes is not None:
        for s, p, o in g.triples((None, None, None)):
            if str(p).startswith(NG) and p not in props:
                report.fail(path, "predicate %s is not a property declared in the ontology"
                            % nt(p))
            if p == RDF.type and str(o).startswith(NG) and o not in classes:
                report.fail(path, "class %s is not declared in the ontology" % nt(o))
            for term in (s, o):
                if (isinstance(term, URIRef) and str(term).startswith(NG)
                        and term not in classes and term not in props):
                    report.fail(path, "term %s is not declared in the ontology" % nt(term))
    if topics is not None:
        for s, o in g.subject_objects(NGNS.topic):
            if o not in topics:
                report.fail(path, "%s ng:topic %s: not a concept of the topic scheme"
                            % (nt(s), nt(o)))
        for s, o in g.subject_objects(ITSRDF.taIdentRef):
            if str(o).startswith(TOPIC) and o not in topics:
                report.fail(path, "%s itsrdf:taIdentRef %s: not a concept of the "
                            "topic scheme" % (nt(s), nt(o)))

def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    srcdir = os.environ.get("NG_SRCDIR") or os.path.dirname(here)
    ap = argparse.ArgumentParser(
        prog="check_rdf.py",
        description="Check newsgraph RDF output against the output contract.")
    ap.add_argument("files", nargs="+", metavar="FILE")
    ap.add_argument("--ontology", default=os.path.join(srcdir, "ontology", "newsgraph.ttl"),
                    help="the ontology (default: $NG_SRCDIR/ontology/newsgraph.ttl)")
    ap.add_argument("--topics", default=None,
                    help="the topic scheme (default: topics.ttl next to the ontology)")
    ap.add_argument("--text", default=None,
                    help="the document's text (UTF-8), for single-document output")
    args = ap.parse_args(argv)

    report = Report()
    stats = {"triples": 0, "mentions": 0, "links": 0, "confidences": 0}

    classes = props = topics = None
    if not os.path.exists(args.ontology):
        report.fail(args.ontology, "ontology not found (use --ontology)")
    else:
        classes, props = load_ontology(args.ontology, report)
        topics_path = args.topics or os.path.join(os.path.dirname(args.ontology), "topics.ttl")
        if os.path.exists(topics_path):
            topics = load_topics(topics_path, report)
        elif args.topics:
            report.fail(args.topics, "topic scheme not found")

    text = None
    if args.text is not None:
        try:
            with open(args.text, encoding="utf-8", newline="") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as e:
            report.fail(args.text, "cannot read the text: %s" % e)
            text = None
        if args.text is not None and len(args.files) > 1:
            report.fail(args.text, "--text applies to a single output file")

    for path in args.files:
        g = parse(path, report)
        if g is None:
            continue
        check_graph(path, g, classes, props, topics, text, report, stats)

    status = "OK" if report.errors == 0 else "FAIL"
    print("check_rdf: %s: %d file(s), %d triples, %d mentions, %d links, "
          "%d confidences, %d error(s)" %
          (status, len(args.files), stats["triples"], stats["mentions"],
           stats["links"], stats["confidences"], report.errors))
    return 0 if report.errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
