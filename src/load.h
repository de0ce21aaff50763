/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * Private interface of the load module: documents' graphs sent to a SPARQL
 * store over HTTP (libcurl), through the SPARQL 1.1 Graph Store HTTP
 * Protocol or SPARQL 1.1 Update. Every libcurl call of the library lives
 * in load.c.
 *
 * One document is one named graph, named as ng_store_put_graph names it
 * (the document IRI), so `extract --store` and `load` agree. Replacing a
 * graph is what makes a retry or a rerun safe: a document sent twice is
 * there once. Where a SPARQL Update endpoint is known, a document is first
 * written to a staging graph and then moved over its graph in one MOVE, so
 * a failure half way leaves the old graph whole.
 */
#ifndef NG_LOAD_H
#define NG_LOAD_H

#include "common.h"

#include <stdbool.h>

/** The default number of statements in one INSERT DATA request: under
 * the ~5,000 that Virtuoso 7 accepts. */
#define NG_LOAD_DEFAULT_BATCH 2000
/** The default time limit of one request, in seconds. */
#define NG_LOAD_DEFAULT_TIMEOUT 300
/** The default number of retries after a connection error or a 5xx. */
#define NG_LOAD_DEFAULT_RETRIES 3

/** Where and how to send. Strings are borrowed for the call of
 * ng_loader_new only (it copies them). */
typedef struct {
  const char *gsp_url;    /**< Graph Store endpoint, or NULL */
  const char *update_url; /**< SPARQL Update endpoint, or NULL */
  const char *user;       /**< NULL: no authentication */
  const char *password;   /**< with user; never logged */
  const char *ca_file;    /**< CA certificates for TLS, or NULL */
  bool insecure;          /**< do not verify TLS certificates */
  bool append;            /**< add to graphs (POST, INSERT DATA) */
  long timeout;           /**< seconds per request, > 0 */
  unsigned retries;       /**< retries of a document after a failure */
  double retry_wait;      /**< seconds before the first retry (doubled) */
  size_t batch;           /**< statements per INSERT DATA, > 0 */
} NgLoadOptions;

/** Fill @p o with the defaults (no endpoint). */
void ng_load_options_init(NgLoadOptions *o);

/** Check an endpoint URL given by a user: http or https, a host, and no
 * user or password inside it (they belong in --user and the password
 * file or environment, never on a command line). NG_ERR_ARG otherwise,
 * with the reason in @p why (static text; may be NULL). */
NgStatus ng_load_url_check(const char *url, const char **why);

/** A loader. Free with ng_loader_free(). */
typedef struct NgLoaderS NgLoader;

/** A loader with options @p o (needs gsp_url or update_url). Diagnostics
 * go to @p log (copied; may be NULL) with stage "load". NULL with *st
 * NG_ERR_ARG (bad options), NG_ERR_NOMEM or NG_ERR_NETWORK (libcurl
 * cannot start). */
NgLoader *ng_loader_new(const NgLoadOptions *o, const NgLog *log,
                        NgStatus *st);

/** Free the loader, wiping its copy of the password. Accepts NULL. */
void ng_loader_free(NgLoader *l);

/** Counts of one document sent, for progress and summaries. */
typedef struct {
  const char *graph; /**< borrowed, the document's graph IRI */
  size_t triples;    /**< statements sent */
  size_t bytes;      /**< bytes of N-Triples sent */
} NgLoadDoc;

/** Called after each document of ng_loader_load_file, with its result:
 * NG_SUCCESS, or the status of its failure (already logged). */
typedef void (*NgLoadDocFunc)(void *handle, const NgLoadDoc *doc,
                              NgStatus st);

/** Send the graph @p g (borrowed; sorted in place) as the document graph
 * named ng_graph_name(@p g): replacing it, unless the options say append
 * or this loader has already sent part of that graph. @p where (may be
 * NULL) names the input in diagnostics. Returns NG_SUCCESS;
 * NG_ERR_SYNTAX, NG_ERR_LIMIT or NG_ERR_RDF when the endpoint rejected
 * this document (others may go through); NG_ERR_NETWORK when the
 * endpoint cannot be reached or refuses every update (bad credentials,
 * no write permission, wrong URL): later documents would fail too;
 * NG_ERR_ARG when @p g has no name; NG_ERR_NOMEM. */
NgStatus ng_loader_put_graph(NgLoader *l, NgGraph *g, const char *where);

/** Read the RDF at @p path (borrowed; "-" is standard input) in
 * @p syntax ("guess" or a raptor parser name) and send each document it
 * holds: each named graph of N-Quads or TriG is a document; triples
 * outside any graph are one document named by the one ng:Document they
 * describe. With @p graph (borrowed, may be NULL) everything goes to that
 * one graph instead. A document is sent only once complete: when the file
 * turns out malformed, the document being read is not sent. @p cb (may be
 * NULL) is called with @p handle after each document. Returns the worst
 * status: NG_ERR_NETWORK stops at once (see ng_loader_put_graph);
 * NG_ERR_IO when the file cannot be read, NG_ERR_SYNTAX when it does not
 * parse, NG_ERR_DATA when triples outside a graph have no single
 * document to name their graph. */
NgStatus ng_loader_load_file(NgLoader *l, const char *path,
                             const char *syntax, const char *graph,
                             NgLoadDocFunc cb, void *handle);

/* ---- pieces of the loader, exposed for the unit tests ---- */

/** Append triple @p t (borrowed) to @p out as one N-Triples line,
 * escaping what N-Triples and SPARQL both require. */
void ng_load_ntriples_line(NgBuf *out, const NgTriple *t);

/** The end of the batch of at most @p max lines (statements) of the
 * N-Triples text @p nt of length @p len that starts at offset @p pos:
 * the offset just after the last whole line of the batch. */
size_t ng_load_batch_end(const char *nt, size_t len, size_t pos,
                         size_t max);

/** The staging graph of @p graph: the IRI a replacement is written to
 * before it is moved over @p graph. Owned; NULL when out of memory. */
char *ng_load_staging_iri(const char *graph);

/** What an HTTP answer means. @p code is the HTTP status, @p body its
 * text (may be NULL). Returns NG_SUCCESS for 2xx; NG_ERR_SYNTAX when the
 * endpoint says the data is malformed; NG_ERR_LIMIT when it is too large;
 * NG_ERR_RDF for another refusal of this document; NG_ERR_NETWORK when
 * the endpoint refuses every update (401, 403, 404, 405, redirects,
 * permission errors) or failed (5xx). *retry says whether trying again
 * later may help. The explanation, in plain words, is appended to @p why
 * (may be NULL); @p authenticated says whether credentials were sent. */
NgStatus ng_load_classify(long code, const char *body, bool authenticated,
                          bool *retry, NgBuf *why);

#endif /* NG_LOAD_H */
