/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * The emit stage: NgGraph triples out through raptor2's serializers, and RDF
 * files in through its parsers. Every raptor call of the library (apart from
 * the store module) is here, because raptor's ownership rules differ call by
 * call and its errors are untyped ints.
 *
 * Worlds: each emitter owns one raptor_world, and each ng_rdf_parse_file
 * call makes its own. A world carries the log handler, and a handler per
 * world is what routes raptor's messages to the right NgLog and NgStatus
 * without globals; a world costs little next to a serializer's life.
 *
 * Locale: raptor's Turtle writer prints xsd:decimal and xsd:double literals
 * bare after checking them with strtod, which under a French LC_NUMERIC
 * rejects "0.85" (the output would change with the locale and raptor would
 * log an error). Every raptor call below runs under a thread-local "C"
 * locale (uselocale), which leaves the caller's locale untouched.
 *
 * Memory: raptor allocates with its own malloc, not the injectable
 * allocator; only our own structures go through ng_malloc.
 */
#define _POSIX_C_SOURCE 200809L

#include "emit.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <raptor2.h>
#include <string.h>

/* Where raptor's log messages go: a per-world sink. */
typedef struct
{
  NgLog log;
  const char *file;  /* for diagnostics, or NULL */
  NgStatus on_error; /* what an error-level message turns into */
  NgStatus status;   /* the first error seen, NG_SUCCESS if none */
} NgRaptorSink;

struct NgEmitterS
{
  raptor_world *world;
  raptor_serializer *ser;
  /* Ours, not the serializer's: raptor frees an iostream it made itself
   * only at the end of a serialization, so an emitter freed unfinished
   * would leak it. */
  raptor_iostream *out;
  FILE *stream;
  NgFormat format;
  locale_t c_locale;
  NgRaptorSink sink;
  NgStatus status; /* sticky: the first failure of write or finish */
  bool finished;
};

static void
raptor_log_to_sink(void *data, raptor_log_message *msg)
{
  NgRaptorSink *sink = data;
  NgLogLevel level = NG_LOG_INFO;
  NgStatus st = NG_SUCCESS;
  switch (msg->level) {
  case RAPTOR_LOG_LEVEL_NONE:
  case RAPTOR_LOG_LEVEL_TRACE:
  case RAPTOR_LOG_LEVEL_DEBUG:
    return;
  case RAPTOR_LOG_LEVEL_INFO:
    level = NG_LOG_INFO;
    break;
  case RAPTOR_LOG_LEVEL_WARN:
    level = NG_LOG_WARNING;
    break;
  case RAPTOR_LOG_LEVEL_ERROR:
  case RAPTOR_LOG_LEVEL_FATAL:
    level = NG_LOG_ERROR;
    st = sink->on_error;
    if (sink->status == NG_SUCCESS) {
      sink->status = st;
    }
    break;
  }
  unsigned line = 0, col = 0;
  if (msg->locator) {
    if (msg->locator->line > 0) {
      line = (unsigned)msg->locator->line;
    }
    if (msg->locator->column > 0) {
      col = (unsigned)msg->locator->column + 1; /* raptor's are 0-based */
    }
  }
  ng_log(&sink->log, level, st, "emit", sink->file, line, col, "%s",
         msg->text ? msg->text : "raptor error");
}

/* A raptor world whose messages go to @p sink instead of stderr. */
static raptor_world *
world_new(NgRaptorSink *sink)
{
  raptor_world *world = raptor_new_world();
  if (!world) {
    return NULL;
  }
  /* The handler must be set before the world is opened. */
  if (raptor_world_set_log_handler(world, sink, raptor_log_to_sink) ||
      raptor_world_open(world)) {
    raptor_free_world(world);
    return NULL;
  }
  return world;
}

/* ------------------------------------------------------------------ */
/* Formats.                                                            */

NgStatus
ng_format_parse(const char *name, NgFormat *out)
{
  static const NgNamedValue names[] = {
    { "turtle", NG_FORMAT_TURTLE },     { "ttl", NG_FORMAT_TURTLE },
    { "ntriples", NG_FORMAT_NTRIPLES }, { "nt", NG_FORMAT_NTRIPLES },
    { "nquads", NG_FORMAT_NQUADS },     { "nq", NG_FORMAT_NQUADS },
    { "rdfxml", NG_FORMAT_RDFXML },     { "xml", NG_FORMAT_RDFXML },
    { "rdf", NG_FORMAT_RDFXML },        { "json", NG_FORMAT_JSON },
    { "dot", NG_FORMAT_DOT },
  };
  int v;
  NgStatus st = out ? ng_named_value(names, NG_COUNTOF(names), name, &v)
                    : NG_ERR_ARG;
  if (st == NG_SUCCESS) {
    *out = (NgFormat)v;
  }
  return st;
}

/* The raptor serializer for @p format, and whether it takes prefixes. */
static const char *
serializer_name(NgFormat format, bool *prefixes)
{
  *prefixes = false;
  switch (format) {
  case NG_FORMAT_TURTLE:
    *prefixes = true;
    return "turtle";
  case NG_FORMAT_NTRIPLES:
    return "ntriples";
  case NG_FORMAT_NQUADS:
    return "nquads";
  case NG_FORMAT_RDFXML:
    *prefixes = true;
    return "rdfxml";
  case NG_FORMAT_JSON:
    return "json"; /* RDF/JSON, resource-centric */
  case NG_FORMAT_DOT:
    *prefixes = true;
    return "dot";
  }
  return NULL;
}

/* The prefixes of the output contract (DESIGN.md), in the order written. */
static const char *const ng_prefixes[][2] = {
  { "ng", "https://w3id.org/newsgraph/ns#" },
  { "wd", "http://www.wikidata.org/entity/" },
  { "nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#" },
  { "itsrdf", "http://www.w3.org/2005/11/its/rdf#" },
  { "prov", "http://www.w3.org/ns/prov#" },
  { "dcterms", "http://purl.org/dc/terms/" },
  { "skos", "http://www.w3.org/2004/02/skos/core#" },
  { "owl", "http://www.w3.org/2002/07/owl#" },
  { "rdfs", "http://www.w3.org/2000/01/rdf-schema#" },
  { "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#" },
  { "xsd", "http://www.w3.org/2001/XMLSchema#" },
  { "topic", NG_EMIT_TOPIC_NS },
};

static int
declare_prefix(raptor_serializer *ser, raptor_world *world, const char *prefix,
               const char *iri)
{
  raptor_uri *uri = raptor_new_uri(world, (const unsigned char *)iri);
  if (!uri) {
    return 1;
  }
  /* The serializer keeps its own reference to the URI. */
  int rc =
    raptor_serializer_set_namespace(ser, uri, (const unsigned char *)prefix);
  raptor_free_uri(uri);
  return rc;
}

/* Declare the contract's prefixes and ngid: for @p base. A refusal is not
 * an error: raptor refuses a prefix its serializer declares itself (rdf:
 * in Turtle and RDF/XML), and a missing prefix only makes an IRI longer. */
static void
declare_prefixes(NgEmitter *em, const char *base)
{
  bool base_taken = false;
  for (size_t i = 0; i < NG_COUNTOF(ng_prefixes); i++) {
    (void)declare_prefix(em->ser, em->world, ng_prefixes[i][0],
                         ng_prefixes[i][1]);
    base_taken = base_taken || strcmp(base, ng_prefixes[i][1]) == 0;
  }
  /* A --base equal to a contract namespace is already abbreviated; two
   * prefixes for one namespace would leave the choice to raptor. */
  if (!base_taken) {
    (void)declare_prefix(em->ser, em->world, "ngid", base);
  }
}

/* ------------------------------------------------------------------ */
/* The emitter.                                                        */

NgEmitter *
ng_emitter_new(FILE *stream, NgFormat format, const char *base, NgStatus *st)
{
  NgStatus dummy;
  if (!st) {
    st = &dummy;
  }
  if (!base) {
    base = NG_EMIT_DEFAULT_BASE;
  }
  bool prefixes = false;
  const char *syntax = serializer_name(format, &prefixes);
  if (!stream || !syntax || !ng_iri_is_valid(base)) {
    *st = NG_ERR_ARG;
    return NULL;
  }
  NgEmitter *em = ng_calloc(1, sizeof *em);
  if (!em) {
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  em->stream = stream;
  em->format = format;
  em->sink.on_error = NG_ERR_RDF;
  em->c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
  if (em->c_locale == (locale_t)0) {
    ng_free(em);
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  em->world = world_new(&em->sink);
  em->ser = em->world ? raptor_new_serializer(em->world, syntax) : NULL;
  if (!em->ser) {
    ng_emitter_free(em);
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  locale_t old = uselocale(em->c_locale);
  NgStatus s = NG_SUCCESS;
  if (prefixes) {
    declare_prefixes(em, base);
  }
  /* No base URI: raptor would write @base and IRIs relative to it, and
   * the output must load as-is anywhere, so every IRI stays absolute. */
  em->out = raptor_new_iostream_to_file_handle(em->world, stream);
  if (!em->out) {
    s = NG_ERR_NOMEM;
  } else if (raptor_serializer_start_to_iostream(em->ser, NULL, em->out)) {
    s = NG_ERR_RDF;
  }
  uselocale(old);
  if (s != NG_SUCCESS) {
    ng_emitter_free(em);
    *st = s;
    return NULL;
  }
  *st = NG_SUCCESS;
  return em;
}

void
ng_emitter_set_log(NgEmitter *em, const NgLog *log)
{
  if (!em) {
    return;
  }
  if (log) {
    em->sink.log = *log;
  } else {
    em->sink.log.func = NULL;
    em->sink.log.handle = NULL;
  }
}

/* A subject or object node: an IRI, or "_:label" for a blank node. */
static raptor_term *
node_term(raptor_world *world, const char *s)
{
  if (s[0] == '_' && s[1] == ':') {
    return raptor_new_term_from_blank(world, (const unsigned char *)s + 2);
  }
  return raptor_new_term_from_uri_string(world, (const unsigned char *)s);
}

static raptor_term *
literal_term(raptor_world *world, const NgTriple *t)
{
  raptor_uri *dt = NULL;
  if (t->datatype) {
    dt = raptor_new_uri(world, (const unsigned char *)t->datatype);
    if (!dt) {
      return NULL;
    }
  }
  /* The term takes its own reference to the datatype URI. */
  raptor_term *term = raptor_new_term_from_literal(
    world, (const unsigned char *)t->o, dt, (const unsigned char *)t->lang);
  if (dt) {
    raptor_free_uri(dt);
  }
  return term;
}

/* Record the first failure: later calls report it again. */
static NgStatus
emitter_fail(NgEmitter *em, NgStatus st)
{
  if (em->status == NG_SUCCESS) {
    em->status = st;
  }
  return em->status;
}

NgStatus
ng_emitter_write(NgEmitter *em, NgGraph *g)
{
  if (!em || !g || em->finished) {
    return NG_ERR_ARG;
  }
  if (em->status != NG_SUCCESS) {
    return em->status;
  }
  ng_graph_sort(g);
  const char *name = ng_graph_name(g);
  NgStatus st = NG_SUCCESS;
  locale_t old = uselocale(em->c_locale);
  raptor_term *graph = NULL;
  if (em->format == NG_FORMAT_NQUADS && name) {
    graph =
      raptor_new_term_from_uri_string(em->world, (const unsigned char *)name);
    if (!graph) {
      st = NG_ERR_NOMEM;
    }
  }
  size_t n = ng_graph_size(g);
  for (size_t i = 0; i < n && st == NG_SUCCESS; i++) {
    const NgTriple *t = ng_graph_get(g, i);
    raptor_statement stmt;
    raptor_statement_init(&stmt, em->world);
    stmt.subject = node_term(em->world, t->s);
    stmt.predicate =
      raptor_new_term_from_uri_string(em->world, (const unsigned char *)t->p);
    switch (t->kind) {
    case NG_TERM_IRI:
      stmt.object = node_term(em->world, t->o);
      break;
    case NG_TERM_LITERAL:
      stmt.object = literal_term(em->world, t);
      break;
    }
    stmt.graph = graph ? raptor_term_copy(graph) : NULL;
    if (!stmt.subject || !stmt.predicate || !stmt.object ||
        (graph && !stmt.graph)) {
      st = NG_ERR_NOMEM;
    } else if (raptor_serializer_serialize_statement(em->ser, &stmt)) {
      st = NG_ERR_RDF;
    }
    /* Frees the terms; the serializer holds its own references. */
    raptor_statement_clear(&stmt);
    if (st == NG_SUCCESS && em->sink.status != NG_SUCCESS) {
      st = em->sink.status;
    }
  }
  if (graph) {
    raptor_free_term(graph);
  }
  uselocale(old);
  /* A full disk shows up as soon as stdio's buffer is flushed. */
  if (ferror(em->stream)) {
    st = NG_ERR_IO;
  }
  return st == NG_SUCCESS ? NG_SUCCESS : emitter_fail(em, st);
}

NgStatus
ng_emitter_finish(NgEmitter *em)
{
  if (!em) {
    return NG_ERR_ARG;
  }
  if (em->finished) {
    return em->status;
  }
  em->finished = true;
  NgStatus st = NG_SUCCESS;
  locale_t old = uselocale(em->c_locale);
  /* Buffering serializers (Turtle, RDF/JSON) write everything here. */
  if (raptor_serializer_serialize_end(em->ser)) {
    st = NG_ERR_RDF;
  }
  uselocale(old);
  if (st == NG_SUCCESS && em->sink.status != NG_SUCCESS) {
    st = em->sink.status;
  }
  /* The stream is borrowed and stays open, but its data must be out. */
  if (fflush(em->stream) != 0 || ferror(em->stream)) {
    st = NG_ERR_IO;
  }
  return st == NG_SUCCESS ? em->status : emitter_fail(em, st);
}

void
ng_emitter_free(NgEmitter *em)
{
  if (!em) {
    return;
  }
  if (em->ser) {
    raptor_free_serializer(em->ser);
  }
  if (em->out) {
    raptor_free_iostream(em->out);
  }
  if (em->world) {
    raptor_free_world(em->world);
  }
  if (em->c_locale != (locale_t)0) {
    freelocale(em->c_locale);
  }
  ng_free(em);
}

/* ------------------------------------------------------------------ */
/* Parsing.                                                            */

typedef struct
{
  NgTripleFunc cb;  /* one of cb and qcb */
  NgQuadFunc qcb;
  void *handle;
  raptor_parser *parser;
  NgBuf s, o, g; /* "_:label" of blank nodes, reused for every triple */
  NgStatus status;
} NgParseCtx;

/* The string of @p term (not a literal), borrowed from raptor for an IRI,
 * written into @p b as "_:label" for a blank node; NULL when out of
 * memory or not a node. */
static const char *
node_string(const raptor_term *term, NgBuf *b)
{
  switch (term->type) {
  case RAPTOR_TERM_TYPE_URI:
    return (const char *)raptor_uri_as_string(term->value.uri);
  case RAPTOR_TERM_TYPE_BLANK:
    ng_buf_clear(b);
    ng_buf_puts(b, "_:");
    ng_buf_append(b, (const char *)term->value.blank.string,
                  term->value.blank.string_len);
    return b->failed ? NULL : b->data;
  case RAPTOR_TERM_TYPE_LITERAL:
  case RAPTOR_TERM_TYPE_UNKNOWN:
    break;
  }
  return NULL;
}

static void
parse_statement(void *data, raptor_statement *stmt)
{
  NgParseCtx *ctx = data;
  if (ctx->status != NG_SUCCESS) {
    return;
  }
  NgTriple t = { NULL, NULL, NULL, NULL, NULL, NG_TERM_IRI };
  const raptor_term *o = stmt->object;
  t.s = node_string(stmt->subject, &ctx->s);
  if (stmt->predicate->type == RAPTOR_TERM_TYPE_URI) {
    t.p = (const char *)raptor_uri_as_string(stmt->predicate->value.uri);
  }
  switch (o->type) {
  case RAPTOR_TERM_TYPE_LITERAL:
    t.kind = NG_TERM_LITERAL;
    t.o = o->value.literal.string ? (const char *)o->value.literal.string : "";
    t.lang = (const char *)o->value.literal.language;
    if (o->value.literal.datatype) {
      t.datatype =
        (const char *)raptor_uri_as_string(o->value.literal.datatype);
    }
    break;
  case RAPTOR_TERM_TYPE_URI:
  case RAPTOR_TERM_TYPE_BLANK:
  case RAPTOR_TERM_TYPE_UNKNOWN:
    t.o = node_string(o, &ctx->o);
    break;
  }
  const char *graph = NULL;
  if (stmt->graph) {
    graph = node_string(stmt->graph, &ctx->g);
    if (!graph) {
      ctx->status = NG_ERR_NOMEM;
      raptor_parser_parse_abort(ctx->parser);
      return;
    }
  }
  if (!t.s || !t.p || !t.o) {
    bool nomem = ctx->s.failed || ctx->o.failed;
    ctx->status = nomem ? NG_ERR_NOMEM : NG_ERR_SYNTAX;
    raptor_parser_parse_abort(ctx->parser);
    return;
  }
  if (ctx->qcb) {
    NgStatus st = ctx->qcb(ctx->handle, &t, graph);
    if (st != NG_SUCCESS) {
      ctx->status = st;
      raptor_parser_parse_abort(ctx->parser);
    }
    return;
  }
  ctx->cb(ctx->handle, &t);
}

/* ng_rdf_parse_file and ng_rdf_parse_quads: @p path "-" is standard
 * input (not closed). */
static NgStatus
parse_any(const char *path, const char *syntax, NgTripleFunc cb,
          NgQuadFunc qcb, void *handle, const NgLog *log)
{
  bool from_stdin = strcmp(path, "-") == 0;
  NgRaptorSink sink = { { NULL, NULL }, path, NG_ERR_SYNTAX, NG_SUCCESS };
  if (log) {
    sink.log = *log;
  }
  locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
  if (c_locale == (locale_t)0) {
    return NG_ERR_NOMEM;
  }
  locale_t old = uselocale(c_locale);

  NgStatus st = NG_SUCCESS;
  NgParseCtx ctx = { cb, qcb, handle, NULL, { 0 }, { 0 }, { 0 }, NG_SUCCESS };
  ng_buf_init(&ctx.s);
  ng_buf_init(&ctx.o);
  ng_buf_init(&ctx.g);
  raptor_uri *base = NULL;
  unsigned char *uri_string = NULL;
  FILE *fh = NULL;
  int rc = 0;
  raptor_world *world = world_new(&sink);
  if (!world) {
    st = NG_ERR_NOMEM;
    goto done;
  }
  if (!raptor_world_is_parser_name(world, syntax)) {
    ng_log(&sink.log, NG_LOG_ERROR, NG_ERR_ARG, "emit", path, 0, 0,
           "unknown RDF syntax '%s'", syntax);
    st = NG_ERR_ARG;
    goto done;
  }
  fh = from_stdin ? stdin : fopen(path, "rb");
  if (!fh) {
    ng_log(&sink.log, NG_LOG_ERROR, NG_ERR_IO, "emit", path, 0, 0,
           "cannot open: %s", strerror(errno));
    st = NG_ERR_IO;
    goto done;
  }
  ctx.parser = raptor_new_parser(world, syntax);
  /* Relative IRIs of standard input resolve against the working
   * directory, as a file named "-" there would. */
  uri_string = raptor_uri_filename_to_uri_string(path);
  if (uri_string) {
    base = raptor_new_uri(world, uri_string);
    raptor_free_memory(uri_string);
  }
  if (!ctx.parser || !base) {
    st = NG_ERR_NOMEM;
    goto done;
  }
  /* Offline, and nothing read but the file itself. Not every parser knows
   * every option, so the results are ignored. */
  (void)raptor_parser_set_option(ctx.parser, RAPTOR_OPTION_NO_NET, NULL, 1);
  (void)raptor_parser_set_option(ctx.parser, RAPTOR_OPTION_NO_FILE, NULL, 1);
  (void)raptor_parser_set_option(ctx.parser,
                                 RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, NULL, 0);
  raptor_parser_set_statement_handler(ctx.parser, &ctx, parse_statement);
  rc = raptor_parser_parse_file_stream(ctx.parser, fh,
                                       from_stdin ? "stdin" : path, base);
  if (ctx.status != NG_SUCCESS) {
    st = ctx.status;
  } else if (ferror(fh)) {
    ng_log(&sink.log, NG_LOG_ERROR, NG_ERR_IO, "emit", path, 0, 0,
           "read error");
    st = NG_ERR_IO;
  } else if (sink.status != NG_SUCCESS) {
    st = sink.status;
  } else if (rc) {
    st = NG_ERR_SYNTAX;
  }

done:
  if (fh && !from_stdin) {
    fclose(fh);
  }
  if (base) {
    raptor_free_uri(base);
  }
  if (ctx.parser) {
    raptor_free_parser(ctx.parser);
  }
  if (world) {
    raptor_free_world(world);
  }
  ng_buf_free(&ctx.s);
  ng_buf_free(&ctx.o);
  ng_buf_free(&ctx.g);
  uselocale(old);
  freelocale(c_locale);
  return st;
}

NgStatus
ng_rdf_parse_file(const char *path, const char *syntax, NgTripleFunc cb,
                  void *handle, const NgLog *log)
{
  if (!path || !syntax || !cb) {
    return NG_ERR_ARG;
  }
  return parse_any(path, syntax, cb, NULL, handle, log);
}

NgStatus
ng_rdf_parse_quads(const char *path, const char *syntax, NgQuadFunc cb,
                   void *handle, const NgLog *log)
{
  if (!path || !syntax || !cb) {
    return NG_ERR_ARG;
  }
  return parse_any(path, syntax, NULL, cb, handle, log);
}

/* ------------------------------------------------------------------ */
/* Streaming parse.                                                    */

/* A stream's own sink: a bad statement in a dump of millions is a warning
 * with its line, and the parse goes on; only the count is kept. */
typedef struct
{
  NgLog log;
  const char *file;
  size_t errors;
} NgStreamSink;

struct NgRdfStream
{
  raptor_world *world;
  raptor_parser *parser;
  raptor_uri *base;
  locale_t c_locale;
  NgStreamSink sink;
  NgParseCtx ctx;
  NgBuf tail;          /* an incomplete last line, kept for the next feed */
  unsigned long lines; /* lines fed so far */
  bool owed_nl;        /* the newline of the last line fed is held back */
};

static void
stream_log(void *data, raptor_log_message *msg)
{
  NgStreamSink *sink = data;
  switch (msg->level) {
  case RAPTOR_LOG_LEVEL_NONE:
  case RAPTOR_LOG_LEVEL_TRACE:
  case RAPTOR_LOG_LEVEL_DEBUG:
  case RAPTOR_LOG_LEVEL_INFO:
    return;
  case RAPTOR_LOG_LEVEL_WARN:
    break;
  case RAPTOR_LOG_LEVEL_ERROR:
  case RAPTOR_LOG_LEVEL_FATAL:
    sink->errors++;
    break;
  }
  unsigned line = 0, col = 0;
  if (msg->locator) {
    if (msg->locator->line > 0) {
      line = (unsigned)msg->locator->line;
    }
    if (msg->locator->column > 0) {
      col = (unsigned)msg->locator->column + 1;
    }
  }
  ng_log(&sink->log, NG_LOG_WARNING, NG_ERR_SYNTAX, "emit", sink->file, line,
         col, "%s: statement skipped", msg->text ? msg->text : "raptor error");
}

static void
stream_statement(void *data, raptor_statement *stmt)
{
  NgRdfStream *s = data;
  parse_statement(&s->ctx, stmt);
}

NgRdfStream *
ng_rdf_stream_new(const char *syntax, const char *name, NgTripleFunc cb,
                  void *handle, const NgLog *log, NgStatus *st)
{
  NgStatus dummy;
  if (!st) {
    st = &dummy;
  }
  if (!syntax || !cb) {
    *st = NG_ERR_ARG;
    return NULL;
  }
  NgRdfStream *s = ng_calloc(1, sizeof(*s));
  if (!s) {
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  s->sink.file = name;
  if (log) {
    s->sink.log = *log;
  }
  s->ctx.cb = cb;
  s->ctx.handle = handle;
  s->ctx.status = NG_SUCCESS;
  ng_buf_init(&s->ctx.s);
  ng_buf_init(&s->ctx.o);
  ng_buf_init(&s->ctx.g);
  ng_buf_init(&s->tail);
  *st = NG_ERR_NOMEM;
  s->c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
  if (s->c_locale == (locale_t)0) {
    ng_rdf_stream_free(s);
    return NULL;
  }
  locale_t old = uselocale(s->c_locale);
  s->world = raptor_new_world();
  if (s->world &&
      (raptor_world_set_log_handler(s->world, &s->sink, stream_log) ||
       raptor_world_open(s->world))) {
    raptor_free_world(s->world);
    s->world = NULL;
  }
  if (s->world && !raptor_world_is_parser_name(s->world, syntax)) {
    *st = NG_ERR_ARG;
  } else if (s->world) {
    s->parser = raptor_new_parser(s->world, syntax);
    s->base = raptor_new_uri(s->world,
                             (const unsigned char *)"file:///dev/stdin");
  }
  bool ok = s->parser && s->base;
  if (ok) {
    (void)raptor_parser_set_option(s->parser, RAPTOR_OPTION_NO_NET, NULL, 1);
    (void)raptor_parser_set_option(s->parser, RAPTOR_OPTION_NO_FILE, NULL, 1);
    s->ctx.parser = s->parser;
    raptor_parser_set_statement_handler(s->parser, s, stream_statement);
    ok = raptor_parser_parse_start(s->parser, s->base) == 0;
  }
  uselocale(old);
  if (!ok) {
    ng_rdf_stream_free(s);
    return NULL;
  }
  *st = NG_SUCCESS;
  return s;
}

/* Whether raptor's N-Triples line scanner would stop at the end of this
 * line: it reads a quote (", or ' outside an IRI) or a backslash left
 * open on into the following lines, and then gives up on the whole rest
 * of the input; every other bad line costs only itself. This is the same
 * scan. */
static bool
line_closed(const char *p, size_t n)
{
  char quote = 0;
  bool in_iri = false, escaped = false;
  for (size_t i = 0; i < n; i++) {
    char c = p[i];
    if (escaped) {
      escaped = false;
      continue;
    }
    if (c == '\\') {
      escaped = true;
      continue;
    }
    if (c == '<') {
      in_iri = true;
    } else if (in_iri && c == '>') {
      in_iri = false;
    }
    if (!quote) {
      if ((!in_iri && c == '\'') || c == '"') {
        quote = c;
      }
    } else if (c == quote) {
      quote = 0;
    }
  }
  return !quote && !escaped;
}

/* Hand raptor @p n bytes. */
static NgStatus
stream_chunk(NgRdfStream *s, const char *p, size_t n, bool is_end)
{
  if ((n || is_end) &&
      raptor_parser_parse_chunk(s->parser, (const unsigned char *)p, n,
                                is_end ? 1 : 0) &&
      s->sink.errors == 0) {
    return NG_ERR_SYNTAX; /* a failure raptor did not explain */
  }
  return s->ctx.status;
}

/* Feed whole lines to the running parse. raptor keeps every byte it was
 * given until a chunk ends in the middle of a line (it then keeps only
 * that partial line), so the newline of the last line given is held back
 * ("owed") and sent with the next chunk. A line that would derail the
 * scanner is reported here and given to raptor as an empty line, which
 * keeps its line numbers right. */
static NgStatus
stream_lines(NgRdfStream *s, const char *data, size_t len, bool is_end)
{
  NgStatus st = NG_SUCCESS;
  size_t at = 0;
  while (at < len && st == NG_SUCCESS) {
    /* Good lines from @p at, up to about 64 kB. */
    size_t end = at;
    bool bad = false;
    while (end < len && end - at < 65536) {
      const char *nl = memchr(data + end, '\n', len - end);
      size_t line_end = nl ? (size_t)(nl - data) + 1 : len;
      if (!line_closed(data + end, line_end - end)) {
        bad = true;
        break;
      }
      s->lines++;
      end = line_end;
    }
    if (end > at) {
      bool nl_last = data[end - 1] == '\n';
      if (s->owed_nl) {
        st = stream_chunk(s, "\n", 1, false);
      }
      if (st == NG_SUCCESS) {
        st = stream_chunk(s, data + at, end - at - (nl_last ? 1 : 0), false);
      }
      s->owed_nl = nl_last;
    }
    if (bad && st == NG_SUCCESS) {
      const char *nl = memchr(data + end, '\n', len - end);
      size_t line_end = nl ? (size_t)(nl - data) + 1 : len;
      s->lines++;
      s->sink.errors++;
      ng_log(&s->sink.log, NG_LOG_WARNING, NG_ERR_SYNTAX, "emit",
             s->sink.file, s->lines > UINT_MAX ? 0u : (unsigned)s->lines, 0,
             "unterminated literal or IRI: statement skipped");
      if (s->owed_nl) {
        st = stream_chunk(s, "\n", 1, false);
      }
      s->owed_nl = true; /* the empty line that stands for it */
      end = line_end;
    }
    at = end;
  }
  if (st == NG_SUCCESS && is_end) {
    st = stream_chunk(s, "\n", s->owed_nl ? 1 : 0, true);
    s->owed_nl = false;
  }
  return st;
}

NgStatus
ng_rdf_stream_feed(NgRdfStream *s, const char *data, size_t len, bool is_end)
{
  if (!s || (!data && len)) {
    return NG_ERR_ARG;
  }
  if (s->ctx.status != NG_SUCCESS) {
    return s->ctx.status;
  }
  if (len) {
    ng_buf_append(&s->tail, data, len);
    if (s->tail.failed) {
      return NG_ERR_NOMEM;
    }
  }
  /* Whole lines only; the incomplete last one waits for the next feed. */
  size_t cut = s->tail.len;
  if (!is_end) {
    while (cut > 0 && s->tail.data[cut - 1] != '\n') {
      cut--;
    }
  }
  locale_t old = uselocale(s->c_locale);
  NgStatus st = stream_lines(s, s->tail.data, cut, is_end);
  uselocale(old);
  memmove(s->tail.data, s->tail.data + cut, s->tail.len - cut);
  s->tail.len -= cut;
  s->tail.data[s->tail.len] = '\0';
  return st;
}

size_t
ng_rdf_stream_errors(const NgRdfStream *s)
{
  return s ? s->sink.errors : 0;
}

void
ng_rdf_stream_free(NgRdfStream *s)
{
  if (!s) {
    return;
  }
  if (s->parser) {
    raptor_free_parser(s->parser);
  }
  if (s->base) {
    raptor_free_uri(s->base);
  }
  if (s->world) {
    raptor_free_world(s->world);
  }
  if (s->c_locale != (locale_t)0) {
    freelocale(s->c_locale);
  }
  ng_buf_free(&s->ctx.s);
  ng_buf_free(&s->ctx.o);
  ng_buf_free(&s->ctx.g);
  ng_buf_free(&s->tail);
  ng_free(s);
}
