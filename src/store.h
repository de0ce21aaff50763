/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * Private interface of the store module: graphs kept in a librdf model
 * (on disk through Redland's sqlite storage, or in memory) and SPARQL
 * queries over it through rasqal. Every librdf call of the library lives in
 * store.c; callers see only NgGraph, NgStatus and NgLog.
 *
 * Each document's graph is one named context, named by the graph's name
 * (ng_graph_name(), the document IRI after ng_engine_process): putting a
 * graph replaces that context, so stores accumulate documents and
 * re-extracting one replaces its facts.
 */
#ifndef NG_STORE_H
#define NG_STORE_H

#include "common.h"

#include <stdbool.h>
#include <stdio.h>

/** A librdf model with contexts. Free with ng_store_free(). */
typedef struct NgStoreS NgStore;

/** How ng_store_query() prints the results of a SELECT query. */
typedef enum {
  NG_RESULTS_TABLE, /**< aligned columns for people: values, no markup */
  NG_RESULTS_CSV,   /**< SPARQL 1.1 Query Results CSV */
  NG_RESULTS_TSV,   /**< SPARQL 1.1 Query Results TSV */
  NG_RESULTS_JSON,  /**< SPARQL 1.1 Query Results JSON */
  NG_RESULTS_XML    /**< SPARQL Query Results XML */
} NgResultsFormat;

/** Parse "table", "csv", "tsv", "json" or "xml" (ASCII case-insensitive)
 * into *out. NG_ERR_ARG when unknown or NULL. */
NgStatus ng_results_format_parse(const char *name, NgResultsFormat *out);

/** Open the store named by @p spec (borrowed): "sqlite:PATH" (a Redland
 * sqlite database file) or "memory" (an empty model in memory, lost on
 * free). A missing sqlite file is created when @p create is true, else it
 * is an error. Diagnostics (librdf's messages, stage "store") go to @p log
 * (copied; may be NULL). Returns NULL with *st (may be NULL) set to
 * NG_ERR_ARG for a malformed spec or unknown kind, NG_ERR_IO when the file
 * is missing (and @p create is false), unreadable or cannot be created,
 * NG_ERR_RDF when librdf cannot open it (e.g. not a Redland database),
 * NG_ERR_NOMEM. */
NgStore *ng_store_open(const char *spec, bool create, const NgLog *log,
                       NgStatus *st);

/** Close the store (all changes are already committed). Accepts NULL. */
void ng_store_free(NgStore *s);

/** Replace the context named ng_graph_name(@p g) with the triples of @p g
 * (borrowed; sorted and deduplicated in place first), in one transaction
 * where the storage has them. NG_ERR_ARG when @p g has no name (a store
 * context needs one), NG_ERR_RDF when librdf refuses a term or the
 * update, NG_ERR_NOMEM. */
NgStatus ng_store_put_graph(NgStore *s, NgGraph *g);

/** Add the RDF file at @p path (borrowed) to the store. The syntax is
 * guessed from the file name and its first bytes (Turtle, N-Triples,
 * N-Quads, TriG, RDF/XML, ...); quads keep their graph as the context,
 * triples go to no context. Relative IRIs resolve against the file's URI.
 * NG_ERR_IO when the file cannot be read, NG_ERR_SYNTAX when it does not
 * parse (statements before the error may have been added). */
NgStatus ng_store_load_file(NgStore *s, const char *path);

/** The number of statements in the store, counting a triple once per
 * context that holds it, in *out. NG_ERR_RDF when librdf cannot count. */
NgStatus ng_store_size(NgStore *s, size_t *out);

/** The number of named contexts (documents) in the store, in *out. */
NgStatus ng_store_context_count(NgStore *s, size_t *out);

/** Run the SPARQL query @p sparql (borrowed, UTF-8) over the whole store
 * (the default graph is the union of all contexts; GRAPH ?g names them)
 * and write its results to @p out (borrowed): SELECT results in
 * @p format; ASK as "true" or "false" on a line (table, csv, tsv) or as a
 * SPARQL JSON/XML boolean result; CONSTRUCT and DESCRIBE as Turtle
 * whatever @p format is. Numbers are written in the C locale whatever the
 * caller's locale. Returns NG_ERR_SYNTAX when the query does not parse
 * (the parser's message is logged), NG_ERR_RDF when it fails to run or its
 * results cannot be formatted, NG_ERR_IO when writing to @p out fails. */
NgStatus ng_store_query(NgStore *s, const char *sparql,
                        NgResultsFormat format, FILE *out);

#endif /* NG_STORE_H */
