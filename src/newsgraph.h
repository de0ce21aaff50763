/* newsgraph: news text to a linked knowledge graph.
 * Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * The one public header. The pipeline is
 *
 *   ingest -> segment -> recognise -> resolve -> extract -> graph -> emit
 *
 * A caller loads the language resources once into an NgEngine, reads
 * documents with an NgReader, runs each through ng_engine_process() into an
 * NgGraph, and writes the graph with an NgEmitter.
 */
#ifndef NEWSGRAPH_H
#define NEWSGRAPH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(NG_BUILDING) && defined(__GNUC__)
#  define NG_API __attribute__((visibility("default")))
#else
#  define NG_API
#endif

/** Status of every fallible call. */
typedef enum {
  NG_SUCCESS = 0,   /**< Done. */
  NG_FAILURE,       /**< Not an error: nothing found, or end of input. */
  NG_ERR_NOMEM,     /**< Out of memory. */
  NG_ERR_IO,        /**< Reading or writing a file or stream failed. */
  NG_ERR_ENCODING,  /**< Input is not valid in its declared encoding. */
  NG_ERR_SYNTAX,    /**< Malformed input or data file. */
  NG_ERR_LIMIT,     /**< A size, depth or entity-expansion limit was hit. */
  NG_ERR_ARG,       /**< Invalid argument or option. */
  NG_ERR_RDF,       /**< librdf/raptor/rasqal reported an error. */
  NG_ERR_NETWORK,   /**< An HTTP request failed. */
  NG_ERR_DATA       /**< A resource file is missing or inconsistent. */
} NgStatus;

/** A static English description of @p st. */
NG_API const char *ng_strerror(NgStatus st);

/** The library version, "MAJOR.MINOR.PATCH". */
NG_API const char *ng_version(void);

/* ------------------------------------------------------------------ */
/* Diagnostics: the library never prints.                              */

typedef enum { NG_LOG_ERROR, NG_LOG_WARNING, NG_LOG_INFO } NgLogLevel;

/** One diagnostic. Every string is borrowed for the duration of the call. */
typedef struct {
  NgLogLevel level;
  NgStatus status;
  const char *stage;   /**< "ingest", "rules", ... */
  const char *file;    /**< file or document id, or NULL */
  unsigned line;       /**< 1-based, 0 when unknown */
  unsigned col;        /**< 1-based, 0 when unknown */
  const char *message;
} NgDiag;

typedef void (*NgLogFunc)(void *handle, const NgDiag *diag);

/* ------------------------------------------------------------------ */
/* Allocation: injectable, so tests can make any allocation fail.     */

typedef struct {
  void *(*malloc_fn)(size_t);
  void *(*realloc_fn)(void *, size_t);
  void (*free_fn)(void *);
} NgAllocator;

/** Use @p a for all later allocations (NULL restores the C library's). */
NG_API void ng_set_allocator(const NgAllocator *a);

/* ------------------------------------------------------------------ */
/* Dates.                                                              */

typedef enum {
  NG_DATE_NONE = 0,
  NG_DATE_YEAR,   /**< xsd:gYear */
  NG_DATE_MONTH,  /**< xsd:gYearMonth */
  NG_DATE_DAY     /**< xsd:date */
} NgDatePrecision;

typedef struct {
  int year, month, day;  /**< month and day are 0 when not known */
  NgDatePrecision prec;
} NgDate;

/** Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" (also a leading ISO date-time).
 * NG_ERR_SYNTAX when it is none of these or not a real date. */
NG_API NgStatus ng_date_parse(const char *s, NgDate *out);

/** Format as its XSD lexical form into @p buf (at least 11 bytes). */
NG_API const char *ng_date_format(const NgDate *d, char *buf, size_t size);

/* ------------------------------------------------------------------ */
/* Documents (ingest).                                                 */

/** One input document. Owned by whoever made it: free with ng_doc_free. */
typedef struct {
  char *id;        /**< dcterms:identifier: input id or file name */
  char *text;      /**< UTF-8, NFC, NUL-terminated; offsets refer to it */
  size_t len;      /**< bytes in text, without the NUL */
  char *lang;      /**< "fr", "en", or NULL when unknown */
  NgDate date;     /**< publication date, prec NG_DATE_NONE when unknown */
  char *url;       /**< dcterms:source, or NULL */
  char *title;     /**< or NULL */
  char *publisher; /**< or NULL */
  char *source;    /**< where it came from, for messages: "file:line" */
} NgDoc;

/** A new document holding a copy of @p text (validated as UTF-8, a BOM
 * dropped, CRLF kept, converted to NFC). @p id is copied. On invalid
 * UTF-8 returns NULL with *st = NG_ERR_ENCODING. */
NG_API NgDoc *ng_doc_new(const char *id, const char *text, size_t len,
                         NgStatus *st);
NG_API void ng_doc_free(NgDoc *doc);
/** Replace one string field (copied). */
NG_API NgStatus ng_doc_set(char **field, const char *value);

typedef enum {
  NG_INPUT_AUTO,
  NG_INPUT_TEXT,
  NG_INPUT_HTML,
  NG_INPUT_XML,
  NG_INPUT_RSS,
  NG_INPUT_NDJSON
} NgInputFormat;

/** Parse "text", "html", ...; NG_ERR_ARG when unknown. */
NG_API NgStatus ng_input_format_parse(const char *name, NgInputFormat *out);

/** Reads documents one at a time from one stream. */
typedef struct NgReaderS NgReader;

typedef struct {
  NgInputFormat format;
  const char *lang;      /**< default language for documents without one */
  NgDate date;           /**< default publication date */
  size_t max_doc_bytes;  /**< 0: the default (64 MiB) */
  NgLogFunc log;
  void *log_handle;
  /** Directories searched for the reader's resource files (the HTML
   * boilerplate words), as NgEngineOptions.data_path; NULL: the same
   * default. */
  const char *data_path;
} NgReaderOptions;

/** A reader over @p stream (borrowed; not closed). @p name names the
 * input in ids and messages ("-" for stdin). */
NG_API NgReader *ng_reader_new(FILE *stream, const char *name,
                               const NgReaderOptions *opts, NgStatus *st);

/** The next document in *out (owned by the caller). NG_FAILURE at end of
 * input. A bad document is reported through the log sink, counted, and
 * skipped: the call goes on to the next one. Errors that stop the stream
 * (I/O) are returned. */
NG_API NgStatus ng_reader_next(NgReader *r, NgDoc **out);

/** How many documents were skipped as bad so far. */
NG_API size_t ng_reader_errors(const NgReader *r);
NG_API void ng_reader_free(NgReader *r);

/* ------------------------------------------------------------------ */
/* The graph: what extraction produces for one document.              */

typedef enum {
  NG_TERM_IRI,
  NG_TERM_LITERAL
} NgTermKind;

/** One RDF triple (or quad, with the document graph). Strings are owned by
 * the graph. A literal has a language tag or a datatype IRI or neither. */
typedef struct {
  const char *s;
  const char *p;
  const char *o;
  const char *lang;      /**< literal language tag, or NULL */
  const char *datatype;  /**< literal datatype IRI, or NULL */
  NgTermKind kind;
} NgTriple;

typedef struct NgGraphS NgGraph;

/** An empty graph named @p name (an IRI, copied; NULL for none). */
NG_API NgGraph *ng_graph_new(const char *name);
NG_API void ng_graph_free(NgGraph *g);
/** Drop every triple and rename (NULL keeps no name). */
NG_API NgStatus ng_graph_reset(NgGraph *g, const char *name);
NG_API const char *ng_graph_name(const NgGraph *g);
NG_API NgStatus ng_graph_add_iri(NgGraph *g, const char *s, const char *p,
                                 const char *o);
NG_API NgStatus ng_graph_add_literal(NgGraph *g, const char *s, const char *p,
                                     const char *value, const char *lang,
                                     const char *datatype);
/** Sort (subject, predicate, object) and drop duplicates; idempotent. */
NG_API void ng_graph_sort(NgGraph *g);
NG_API size_t ng_graph_size(const NgGraph *g);
/** Triple @p i (0 <= i < size), borrowed. */
NG_API const NgTriple *ng_graph_get(const NgGraph *g, size_t i);

/* ------------------------------------------------------------------ */
/* The engine: resources loaded once, then one call per document.     */

typedef struct NgEngineS NgEngine;

typedef struct {
  /** Directories searched in order for resource files (rules, lexicons,
   * the compiled gazetteer); NULL: $NEWSGRAPH_DATA_PATH (colon-separated),
   * then the installed data directory. */
  const char *data_path;
  /** Base of every minted IRI; NULL: "https://w3id.org/newsgraph/id/". */
  const char *base;
  /** Links below this confidence are dropped (mention stays unlinked). */
  double min_link_confidence;
  NgLogFunc log;
  void *log_handle;
} NgEngineOptions;

/** Load gazetteer, lexicons and rules. Returns NULL with *st set (and a
 * diagnostic, e.g. a rule syntax error at file:line:col) on failure. */
NG_API NgEngine *ng_engine_new(const NgEngineOptions *opts, NgStatus *st);
NG_API void ng_engine_free(NgEngine *e);

/** Whether the engine has rules for language @p lang ("fr"): the languages
 * listed in lexicon/languages.tsv of the data path. */
NG_API int ng_engine_has_language(const NgEngine *e, const char *lang);

/** Counts of what one ng_engine_process call found. */
typedef struct {
  size_t sentences, tokens, mentions, linked, entities, events,
      participations, positions, triples;
} NgStats;

/** Run the pipeline on @p doc (borrowed) and add its triples to @p out
 * (borrowed; renamed to the document's graph IRI). @p stats may be NULL. */
NG_API NgStatus ng_engine_process(NgEngine *e, const NgDoc *doc, NgGraph *out,
                                  NgStats *stats);

/* ------------------------------------------------------------------ */
/* Emitting RDF through raptor2's serializers.                         */

typedef enum {
  NG_FORMAT_TURTLE,
  NG_FORMAT_NTRIPLES,
  NG_FORMAT_NQUADS,
  NG_FORMAT_RDFXML,
  NG_FORMAT_JSON,
  NG_FORMAT_DOT
} NgFormat;

NG_API NgStatus ng_format_parse(const char *name, NgFormat *out);

typedef struct NgEmitterS NgEmitter;

/** An emitter writing @p format to @p stream (borrowed, not closed). */
NG_API NgEmitter *ng_emitter_new(FILE *stream, NgFormat format,
                                 const char *base, NgStatus *st);
/** Write @p g (sorted first, so output is deterministic). */
NG_API NgStatus ng_emitter_write(NgEmitter *em, NgGraph *g);
/** Finish the serialization (closing any document syntax). */
NG_API NgStatus ng_emitter_finish(NgEmitter *em);
NG_API void ng_emitter_free(NgEmitter *em);

#ifdef __cplusplus
}
#endif
#endif /* NEWSGRAPH_H */
