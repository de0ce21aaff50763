/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * Private interface of the emit stage: what the rest of the library needs
 * beyond the NgGraph and NgEmitter of newsgraph.h. Every raptor2 call of
 * the library lives in emit.c (and the store module); callers see only
 * NgTriple, NgStatus and NgLog.
 */
#ifndef NG_EMIT_H
#define NG_EMIT_H

#include "common.h"

#include <stdbool.h>

/** The base of minted IRIs when none is given; also the `ngid:` prefix. */
#define NG_EMIT_DEFAULT_BASE "https://w3id.org/newsgraph/id/"
/** The namespace of topic concepts, declared as the `topic:` prefix. */
#define NG_EMIT_TOPIC_NS "https://w3id.org/newsgraph/topic/"

/** True when @p iri (borrowed, NUL-terminated) is an absolute IRI that
 * every serializer can write and every SPARQL store can load: valid UTF-8,
 * a scheme ("ALPHA *(ALPHA / DIGIT / + / - / .)" then ':'), no space,
 * control character or any of <>"{}|^`\, every '%' followed by two hex
 * digits, and no '.' at the end (raptor's Turtle writer would make it an
 * invalid prefixed name). The graph checks every IRI it is given with
 * this. */
bool ng_iri_is_valid(const char *iri);

/** Add every triple of @p src (borrowed) to @p dst (borrowed), copying the
 * strings; dst keeps its name. Appending a graph to itself changes nothing
 * (a graph is a set once sorted). NG_ERR_NOMEM leaves dst with a prefix of
 * src added. */
NgStatus ng_graph_append(NgGraph *dst, const NgGraph *src);

/** Route the emitter's diagnostics (raptor's errors and warnings, stage
 * "emit") to @p log (copied; NULL or a NULL func drops them). Without it
 * they are only turned into the NgStatus of the failing call. */
void ng_emitter_set_log(NgEmitter *em, const NgLog *log);

/** Called once per parsed triple. The triple and its strings are borrowed
 * for the duration of the call only. Blank nodes are given as "_:label"
 * with kind NG_TERM_IRI (labels are raptor's, unique within one parse). */
typedef void (*NgTripleFunc)(void *handle, const NgTriple *t);

/** Parse the RDF file at @p path (borrowed) in @p syntax: "turtle",
 * "ntriples", "nquads", "guess" (by file name and content) or any other
 * raptor parser name ("rdfxml", "trig", ...), calling @p cb with @p handle
 * for every triple (the graph of a quad is dropped). Relative IRIs resolve
 * against the file's own URI. The parser makes no network or file request
 * beyond @p path (no external entities). Diagnostics go to @p log (may be
 * NULL) with stage "emit", the file and the line/column raptor reports.
 * Returns NG_ERR_ARG for an unknown syntax or NULL argument, NG_ERR_IO when
 * the file cannot be read, NG_ERR_SYNTAX when raptor reports an error
 * (triples before the error have been delivered), NG_ERR_NOMEM. */
NgStatus ng_rdf_parse_file(const char *path, const char *syntax,
                           NgTripleFunc cb, void *handle, const NgLog *log);

/** Called once per parsed statement, with @p graph the graph of a quad
 * ("_:label" for a blank node) or NULL for a triple. Everything is
 * borrowed for the duration of the call. Anything but NG_SUCCESS stops
 * the parse, and ng_rdf_parse_quads returns it. */
typedef NgStatus (*NgQuadFunc)(void *handle, const NgTriple *t,
                               const char *graph);

/** As ng_rdf_parse_file, but keeping the graph of each quad (N-Quads,
 * TriG), and @p path "-" reads standard input (left open; relative IRIs
 * resolve against the working directory). Returns what @p cb returned
 * when it stopped the parse. */
NgStatus ng_rdf_parse_quads(const char *path, const char *syntax,
                            NgQuadFunc cb, void *handle, const NgLog *log);

/** A streaming RDF parse fed in chunks (a decompressor's output, a
 * pipe), for inputs too large to hold: raptor keeps only the unparsed
 * tail of the last chunk. */
typedef struct NgRdfStream NgRdfStream;

/** Start a streaming parse in @p syntax (a raptor parser name such as
 * "ntriples"), calling @p cb with @p handle for every triple. @p name
 * (borrowed, kept until the stream is freed) names the input in
 * diagnostics and is the base of relative IRIs when it is a path. Errors
 * of the input are reported through @p log (stage "emit", with raptor's
 * line and column) as warnings and counted (ng_rdf_stream_errors), and
 * the bad line is skipped. Only line-based syntaxes ("ntriples",
 * "nquads") can be streamed: input is parsed in batches of whole lines.
 * NULL with *st = NG_ERR_ARG (unknown syntax) or NG_ERR_NOMEM. */
NgRdfStream *ng_rdf_stream_new(const char *syntax, const char *name,
                               NgTripleFunc cb, void *handle,
                               const NgLog *log, NgStatus *st);

/** Parse @p len bytes of @p data (borrowed); @p is_end marks the last
 * chunk (which may be empty). NG_ERR_NOMEM, or NG_ERR_SYNTAX when the
 * parser gave up on the input. */
NgStatus ng_rdf_stream_feed(NgRdfStream *s, const char *data, size_t len,
                            bool is_end);

/** Errors the parser reported (skipped statements) so far. */
size_t ng_rdf_stream_errors(const NgRdfStream *s);

/** Free the stream (NULL is allowed). */
void ng_rdf_stream_free(NgRdfStream *s);

#endif /* NG_EMIT_H */
