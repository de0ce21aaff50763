#!/usr/bin/env node
// Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
//
// An independent check of newsgraph's output: parse every file with N3.js
// (not raptor, which the program itself uses) and validate the data against
// the SHACL shapes with rdf-validate-shacl.
//
//   node tests/check_n3.mjs [options] SHAPES.ttl DATA...
//
//   --ontology FILE   add FILE's rdfs:subClassOf axioms to the data graph
//                     (default: newsgraph.ttl next to SHAPES, when present),
//                     so that sh:targetClass ng:Event reaches ng:Meeting
//   --no-ontology     do not add any ontology axioms
//   --per-graph       validate each named graph of N-Quads/TriG input on its
//                     own (with the default graph), instead of the union
//   --max N           print at most N violations (default 50)
//
// DATA is Turtle (.ttl), N-Triples (.nt), N-Quads (.nq) or TriG (.trig),
// chosen by extension; "-" reads Turtle from stdin. Exit status: 0 when
// everything parses and conforms, 1 on any parse error or violation, 2 on
// a usage error. Run `npm install` in tests/ first.

import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const RDFS_SUBCLASSOF = 'http://www.w3.org/2000/01/rdf-schema#subClassOf';
const SH = 'http://www.w3.org/ns/shacl#';

const FORMATS = {
  '.ttl': 'Turtle',
  '.turtle': 'Turtle',
  '.nt': 'N-Triples',
  '.nq': 'N-Quads',
  '.trig': 'TriG',
};

function usage(msg) {
  if (msg) console.error(`check_n3: ${msg}`);
  console.error('usage: node check_n3.mjs [--ontology FILE | --no-ontology] ' +
                '[--per-graph] [--max N] SHAPES.ttl DATA...');
  process.exit(2);
}

function parseArgs(argv) {
  const opt = { ontology: undefined, perGraph: false, max: 50, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--ontology') {
      if (i + 1 >= argv.length) usage('--ontology needs a file');
      opt.ontology = argv[++i];
    } else if (a === '--no-ontology') {
      opt.ontology = null;
    } else if (a === '--per-graph') {
      opt.perGraph = true;
    } else if (a === '--max') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) usage('--max needs a count');
      opt.max = n;
    } else if (a === '-h' || a === '--help') {
      usage();
    } else if (a.startsWith('--')) {
      usage(`unknown option ${a}`);
    } else {
      opt.files.push(a);
    }
  }
  if (opt.files.length < 2) usage('need SHAPES and at least one DATA file');
  return opt;
}

// Parse one file; returns { quads, error }. On a syntax error N3.js stops;
// the error carries the line, which we report as file:line.
function parseFile(path) {
  const format = path === '-' ? 'Turtle' : FORMATS[extname(path).toLowerCase()];
  if (!format) return { quads: [], error: `${path}: unknown extension (want .ttl, .nt, .nq or .trig)` };
  let text;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    return { quads: [], error: `${path}: ${e.message}` };
  }
  const baseIRI = path === '-' ? 'file:///dev/stdin' : pathToFileURL(resolve(path)).href;
  const parser = new N3.Parser({ format, baseIRI });
  try {
    const quads = parser.parse(text);
    return { quads, error: null };
  } catch (e) {
    const line = e.context && e.context.line ? e.context.line : '?';
    // N3.js appends " on line N." to its messages; keep just the reason.
    const reason = String(e.message).replace(/ on line \d+\.?$/, '');
    return { quads: [], error: `${path}:${line}: error: ${reason}` };
  }
}

function show(term) {
  if (!term) return '(none)';
  switch (term.termType) {
    case 'NamedNode': return `<${term.value}>`;
    case 'BlankNode': return `_:${term.value}`;
    case 'Literal': {
      const v = JSON.stringify(term.value);
      if (term.language) return `${v}@${term.language}`;
      if (term.datatype && term.datatype.value !== 'http://www.w3.org/2001/XMLSchema#string') {
        return `${v}^^<${term.datatype.value}>`;
      }
      return v;
    }
    default: return term.value;
  }
}

function local(iri) {
  if (!iri) return '';
  return iri.startsWith(SH) ? `sh:${iri.slice(SH.length)}` : iri;
}

async function validate(shapes, quads, label, max, printed) {
  const data = new N3.Store(quads);
  const validator = new SHACLValidator(shapes);
  const report = await validator.validate(data);
  let violations = 0;
  for (const r of report.results) {
    const sev = r.severity ? local(r.severity.value) : 'sh:Violation';
    if (sev === 'sh:Violation') violations++;
    if (printed.n >= max) continue;
    printed.n++;
    const msg = r.message && r.message.length ? r.message.map((m) => m.value).join('; ') : '(no message)';
    const where = label ? ` [graph ${label}]` : '';
    console.log(`${sev === 'sh:Violation' ? 'violation' : sev}${where}: focus ${show(r.focusNode)}` +
                ` path ${show(r.path)}` + (r.value ? ` value ${show(r.value)}` : '') +
                `: ${msg} (${local(r.sourceConstraintComponent && r.sourceConstraintComponent.value)})`);
  }
  return violations;
}

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  const [shapesPath, ...dataPaths] = opt.files;
  let errors = 0;

  const shapesParsed = parseFile(shapesPath);
  if (shapesParsed.error) {
    console.error(shapesParsed.error);
    console.log(`check_n3: FAIL: shapes file ${shapesPath} does not parse`);
    process.exit(1);
  }

  // The ontology's class hierarchy, added to every data graph.
  let axioms = [];
  let ontologyPath = opt.ontology;
  if (ontologyPath === undefined) {
    const guess = join(dirname(shapesPath), 'newsgraph.ttl');
    ontologyPath = existsSync(guess) ? guess : null;
  }
  if (ontologyPath) {
    const ont = parseFile(ontologyPath);
    if (ont.error) {
      console.error(ont.error);
      errors++;
    } else {
      axioms = ont.quads.filter((q) => q.predicate.value === RDFS_SUBCLASSOF &&
                                       q.subject.termType === 'NamedNode' &&
                                       q.object.termType === 'NamedNode')
        .map((q) => N3.DataFactory.quad(q.subject, q.predicate, q.object));
    }
  }

  const all = [];
  for (const p of dataPaths) {
    const r = parseFile(p);
    if (r.error) {
      console.error(r.error);
      errors++;
      continue;
    }
    for (const q of r.quads) all.push(q);
  }

  let violations = 0;
  const printed = { n: 0 };
  let graphs = 1;
  // Validation is on triples: graph names are dropped (SHACL has no notion
  // of named graphs), after splitting by graph when asked.
  const asTriple = (q) => N3.DataFactory.quad(q.subject, q.predicate, q.object);
  if (opt.perGraph) {
    const byGraph = new Map();
    const dflt = [];
    for (const q of all) {
      if (q.graph.termType === 'DefaultGraph') {
        dflt.push(asTriple(q));
      } else {
        const k = q.graph.value;
        if (!byGraph.has(k)) byGraph.set(k, []);
        byGraph.get(k).push(asTriple(q));
      }
    }
    if (byGraph.size === 0) {
      violations += await validate(shapesParsed.quads, dflt.concat(axioms), null, opt.max, printed);
    } else {
      graphs = byGraph.size;
      for (const [g, qs] of [...byGraph.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
        violations += await validate(shapesParsed.quads, qs.concat(dflt, axioms), `<${g}>`, opt.max, printed);
      }
    }
  } else {
    violations += await validate(shapesParsed.quads, all.map(asTriple).concat(axioms), null, opt.max, printed);
  }
  if (printed.n >= opt.max && violations > printed.n) {
    console.log(`... ${violations - printed.n} more not shown`);
  }

  const ok = errors === 0 && violations === 0;
  console.log(`check_n3: ${ok ? 'OK' : 'FAIL'}: ${dataPaths.length} file(s), ${all.length} triples, ` +
              `${graphs} graph(s) validated, ${errors} parse error(s), ${violations} violation(s)`);
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(`check_n3: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
