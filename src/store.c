/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * The store module: graphs kept in a librdf model with contexts, and SPARQL
 * through rasqal. Every librdf call of the library is here (emit.c has the
 * raptor ones), because librdf's ownership rules differ call by call:
 * librdf_new_statement_from_nodes takes its nodes, model adds copy the
 * statement, binding values are new nodes, node accessors are borrowed.
 *
 * Worlds: each store owns one librdf_world, whose logger routes librdf's,
 * raptor's and rasqal's messages to the store's NgLog and records the
 * first error, since several librdf calls (parsing above all) log an error
 * and still return success.
 *
 * Locale: rasqal formats computed numbers (AVG, arithmetic) with printf,
 * so queries run under a thread-local "C" locale (uselocale), as emit.c
 * does for raptor; the caller's locale is left alone.
 *
 * Memory: librdf allocates with its own malloc; only our structures (and
 * the table of results) go through ng_malloc.
 */
#define _POSIX_C_SOURCE 200809L

#include "store.h"

#include <errno.h>
#include <locale.h>
#include <redland.h>
#include <string.h>
#include <sys/stat.h>

#define STORE_STAGE "store"

struct NgStoreS
{
  librdf_world *world;
  librdf_storage *storage;
  librdf_model *model;
  NgLog log;
  char *file; /* the sqlite path (for diagnostics too), or NULL */
  locale_t c_locale;
  /* The first error librdf logged since the last clear, and where from. */
  bool error_seen;
  int error_facility;
};

/* ------------------------------------------------------------------ */
/* Diagnostics.                                                         */

static int
store_logger(void *data, librdf_log_message *msg)
{
  NgStore *s = data;
  NgLogLevel level = NG_LOG_INFO;
  NgStatus st = NG_SUCCESS;
  int facility = (int)librdf_log_message_facility(msg);
  switch (librdf_log_message_level(msg)) {
  case LIBRDF_LOG_NONE:
  case LIBRDF_LOG_DEBUG:
    return 1;
  case LIBRDF_LOG_INFO:
    level = NG_LOG_INFO;
    break;
  case LIBRDF_LOG_WARN:
    /* rasqal warns about every variable bound but not selected, which
     * well-formed queries do all the time: informational only. */
    level = facility == LIBRDF_FROM_QUERY ? NG_LOG_INFO : NG_LOG_WARNING;
    break;
  case LIBRDF_LOG_ERROR:
  case LIBRDF_LOG_FATAL:
    level = NG_LOG_ERROR;
    st = NG_ERR_RDF;
    if (!s->error_seen) {
      s->error_seen = true;
      s->error_facility = facility;
    }
    break;
  }
  unsigned line = 0, col = 0;
  const char *file = s->file;
  raptor_locator *loc = librdf_log_message_locator(msg);
  if (facility == LIBRDF_FROM_QUERY) {
    /* rasqal locates query errors in the query text, not in a file (its
     * locator names the base URI: the working directory). */
    file = "SPARQL query";
    if (loc && loc->line > 0) {
      line = (unsigned)loc->line;
    }
  } else if (loc) {
    if (loc->line > 0) {
      line = (unsigned)loc->line;
    }
    if (loc->column > 0) {
      col = (unsigned)loc->column + 1; /* raptor's are 0-based */
    }
    if (loc->file) {
      file = loc->file;
    } else if (loc->uri) {
      const char *u = (const char *)raptor_uri_as_string(loc->uri);
      file = strncmp(u, "file://", 7) == 0 ? u + 7 : u;
    }
  }
  const char *text = librdf_log_message_message(msg);
  ng_log(&s->log, level, st, STORE_STAGE, file, line, col, "%s",
         text ? text : "librdf error");
  return 1;
}

static void
error_clear(NgStore *s)
{
  s->error_seen = false;
  s->error_facility = LIBRDF_FROM_NONE;
}

/* ------------------------------------------------------------------ */
/* Formats.                                                             */

NgStatus
ng_results_format_parse(const char *name, NgResultsFormat *out)
{
  static const NgNamedValue names[] = {
    { "table", NG_RESULTS_TABLE }, { "csv", NG_RESULTS_CSV },
    { "tsv", NG_RESULTS_TSV },     { "json", NG_RESULTS_JSON },
    { "xml", NG_RESULTS_XML },
  };
  int v;
  NgStatus st = out ? ng_named_value(names, NG_COUNTOF(names), name, &v)
                    : NG_ERR_ARG;
  if (st == NG_SUCCESS) {
    *out = (NgResultsFormat)v;
  }
  return st;
}

/* rasqal's query results formatter for @p format (NULL: ours). */
static const char *
results_formatter(NgResultsFormat format)
{
  switch (format) {
  case NG_RESULTS_TABLE:
    return NULL;
  case NG_RESULTS_CSV:
    return "csv";
  case NG_RESULTS_TSV:
    return "tsv";
  case NG_RESULTS_JSON:
    return "json";
  case NG_RESULTS_XML:
    return "xml";
  }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Opening and closing.                                                 */

void
ng_store_free(NgStore *s)
{
  if (!s) {
    return;
  }
  if (s->model) {
    librdf_free_model(s->model);
  }
  if (s->storage) {
    librdf_free_storage(s->storage);
  }
  if (s->world) {
    librdf_free_world(s->world);
  }
  if (s->c_locale != (locale_t)0) {
    freelocale(s->c_locale);
  }
  ng_free(s->file);
  ng_free(s);
}

/* Open the sqlite database at s->file. librdf's sqlite storage creates its
 * tables only with new='yes', and new='yes' on an existing database drops
 * its tables, so the option depends on whether the file exists. */
static NgStatus
open_sqlite(NgStore *s, bool create)
{
  const char *path = s->file;
  struct stat sb;
  bool exists = stat(path, &sb) == 0;
  if (exists && S_ISDIR(sb.st_mode)) {
    ng_log(&s->log, NG_LOG_ERROR, NG_ERR_IO, STORE_STAGE, path, 0, 0,
           "cannot open the store: %s", strerror(EISDIR));
    return NG_ERR_IO;
  }
  if (!exists && !create) {
    ng_log(&s->log, NG_LOG_ERROR, NG_ERR_IO, STORE_STAGE, path, 0, 0,
           "cannot open the store: %s", strerror(ENOENT));
    return NG_ERR_IO;
  }
  /* sqlite would report "unable to open database file" with no reason;
   * opening the file ourselves first gives the reason (and an empty file
   * is a valid new database). */
  FILE *f = fopen(path, exists ? (create ? "r+b" : "rb") : "wb");
  if (!f) {
    ng_log(&s->log, NG_LOG_ERROR, NG_ERR_IO, STORE_STAGE, path, 0, 0,
           "cannot open the store: %s", strerror(errno));
    return NG_ERR_IO;
  }
  fclose(f);

  error_clear(s);
  s->storage = librdf_new_storage(
    s->world, "sqlite", path,
    exists ? "contexts='yes'" : "new='yes',contexts='yes'");
  if (!s->storage) {
    if (!s->error_seen) {
      ng_log(&s->log, NG_LOG_ERROR, NG_ERR_RDF, STORE_STAGE, path, 0, 0,
             "cannot open the store (is librdf-storage-sqlite installed, "
             "and is this a Redland sqlite store?)");
    }
    if (!exists) {
      remove(path);
    }
    return NG_ERR_RDF;
  }
  return NG_SUCCESS;
}

NgStore *
ng_store_open(const char *spec, bool create, const NgLog *log, NgStatus *st)
{
  NgStatus dummy;
  if (!st) {
    st = &dummy;
  }
  if (!spec) {
    *st = NG_ERR_ARG;
    return NULL;
  }
  bool memory = strcmp(spec, "memory") == 0;
  if (!memory && (strncmp(spec, "sqlite:", 7) != 0 || spec[7] == '\0')) {
    if (log) {
      ng_log(log, NG_LOG_ERROR, NG_ERR_ARG, STORE_STAGE, NULL, 0, 0,
             "unknown store '%s' (expected sqlite:PATH)", spec);
    }
    *st = NG_ERR_ARG;
    return NULL;
  }

  NgStore *s = ng_calloc(1, sizeof *s);
  if (!s) {
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  if (log) {
    s->log = *log;
  }
  s->c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
  if (!memory) {
    s->file = ng_strdup(spec + 7);
  }
  s->world = librdf_new_world();
  if (s->c_locale == (locale_t)0 || (!memory && !s->file) || !s->world) {
    ng_store_free(s);
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  librdf_world_set_logger(s->world, s, store_logger);
  librdf_world_open(s->world);

  if (memory) {
    s->storage =
      librdf_new_storage(s->world, "memory", NULL, "contexts='yes'");
    *st = s->storage ? NG_SUCCESS : NG_ERR_RDF;
  } else {
    *st = open_sqlite(s, create);
  }
  if (*st == NG_SUCCESS) {
    s->model = librdf_new_model(s->world, s->storage, NULL);
    if (!s->model) {
      *st = NG_ERR_RDF;
    }
  }
  if (*st != NG_SUCCESS) {
    ng_store_free(s);
    return NULL;
  }
  return s;
}

/* ------------------------------------------------------------------ */
/* Adding graphs.                                                       */

/* A new node for an IRI or "_:label" blank node (see NgTripleFunc). */
static librdf_node *
resource_node(librdf_world *world, const char *s)
{
  if (s[0] == '_' && s[1] == ':') {
    return librdf_new_node_from_blank_identifier(
      world, (const unsigned char *)s + 2);
  }
  return librdf_new_node_from_uri_string(world, (const unsigned char *)s);
}

static librdf_node *
object_node(librdf_world *world, const NgTriple *t)
{
  switch (t->kind) {
  case NG_TERM_IRI:
    return resource_node(world, t->o);
  case NG_TERM_LITERAL:
    break;
  }
  librdf_uri *dt = NULL;
  if (t->datatype) {
    dt = librdf_new_uri(world, (const unsigned char *)t->datatype);
    if (!dt) {
      return NULL;
    }
  }
  /* The node keeps its own reference to the datatype URI. */
  librdf_node *n = librdf_new_node_from_typed_literal(
    world, (const unsigned char *)t->o, dt ? NULL : t->lang, dt);
  if (dt) {
    librdf_free_uri(dt);
  }
  return n;
}

/* Add one triple to @p context; 0 on success. */
static int
add_triple(NgStore *s, librdf_node *context, const NgTriple *t)
{
  librdf_node *sn = resource_node(s->world, t->s);
  librdf_node *pn =
    librdf_new_node_from_uri_string(s->world, (const unsigned char *)t->p);
  librdf_node *on = object_node(s->world, t);
  if (!sn || !pn || !on) {
    if (sn) {
      librdf_free_node(sn);
    }
    if (pn) {
      librdf_free_node(pn);
    }
    if (on) {
      librdf_free_node(on);
    }
    return 1;
  }
  /* The statement takes the three nodes; the model copies the statement. */
  librdf_statement *stmt =
    librdf_new_statement_from_nodes(s->world, sn, pn, on);
  if (!stmt) {
    return 1;
  }
  int rc = librdf_model_context_add_statement(s->model, context, stmt);
  librdf_free_statement(stmt);
  return rc;
}

NgStatus
ng_store_put_graph(NgStore *s, NgGraph *g)
{
  if (!s || !g) {
    return NG_ERR_ARG;
  }
  const char *name = ng_graph_name(g);
  if (!name) {
    ng_log(&s->log, NG_LOG_ERROR, NG_ERR_ARG, STORE_STAGE, s->file, 0, 0,
           "a graph without a name cannot go to the store");
    return NG_ERR_ARG;
  }
  ng_graph_sort(g);
  librdf_node *context =
    librdf_new_node_from_uri_string(s->world, (const unsigned char *)name);
  if (!context) {
    return NG_ERR_RDF;
  }
  error_clear(s);
  /* One transaction per document: a failure leaves the document's old
   * facts in place, and sqlite commits once instead of once per triple.
   * The memory storage has no transactions, and needs none. */
  bool tx = librdf_model_transaction_start(s->model) == 0;
  NgStatus st = NG_SUCCESS;
  if (librdf_model_context_remove_statements(s->model, context) != 0) {
    st = NG_ERR_RDF;
  }
  size_t n = ng_graph_size(g);
  for (size_t i = 0; i < n && st == NG_SUCCESS; i++) {
    if (add_triple(s, context, ng_graph_get(g, i)) != 0) {
      st = NG_ERR_RDF;
    }
  }
  if (st == NG_SUCCESS && s->error_seen) {
    st = NG_ERR_RDF;
  }
  if (tx) {
    if (st == NG_SUCCESS) {
      if (librdf_model_transaction_commit(s->model) != 0) {
        st = NG_ERR_RDF;
      }
    } else {
      (void)librdf_model_transaction_rollback(s->model);
    }
  }
  if (st != NG_SUCCESS && !s->error_seen) {
    ng_log(&s->log, NG_LOG_ERROR, st, STORE_STAGE, s->file, 0, 0,
           "cannot store the graph <%s>", name);
  }
  librdf_free_node(context);
  return st;
}

/* The raptor parser for @p path: by extension first, since raptor's guess
 * knows no N-Quads extension, then raptor's guess from the name and the
 * first bytes. */
static const char *
parser_name(NgStore *s, const char *path, const unsigned char *head)
{
  static const char *const by_ext[][2] = {
    { ".ttl", "turtle" },    { ".turtle", "turtle" }, { ".nt", "ntriples" },
    { ".nq", "nquads" },     { ".trig", "trig" },     { ".rdf", "rdfxml" },
    { ".owl", "rdfxml" },    { ".xml", "rdfxml" },    { ".json", "json" },
    { ".n3", "turtle" },
  };
  const char *dot = strrchr(path, '.');
  const char *slash = strrchr(path, '/');
  if (dot && (!slash || dot > slash)) {
    for (size_t i = 0; i < NG_COUNTOF(by_ext); i++) {
      if (ng_ascii_case_eq(dot, by_ext[i][0])) {
        return by_ext[i][1];
      }
    }
  }
  return librdf_parser_guess_name2(s->world, NULL, head,
                                   (const unsigned char *)path);
}

typedef struct
{
  NgStore *store;
  NgStatus status;
} LoadState;

static void
load_statement(void *data, raptor_statement *stmt)
{
  LoadState *ls = data;
  if (ls->status != NG_SUCCESS) {
    return;
  }
  librdf_model *model = ls->store->model;
  int rc = stmt->graph
             ? librdf_model_context_add_statement(model, stmt->graph, stmt)
             : librdf_model_add_statement(model, stmt);
  if (rc != 0) {
    ls->status = NG_ERR_RDF;
  }
}

NgStatus
ng_store_load_file(NgStore *s, const char *path)
{
  if (!s || !path) {
    return NG_ERR_ARG;
  }
  /* The first bytes, for guessing the syntax; also tells a missing file
   * from a malformed one before librdf, which would say neither. */
  unsigned char head[1025];
  FILE *f = fopen(path, "rb");
  struct stat sb;
  if (!f || (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode))) {
    int err = f ? EISDIR : errno;
    if (f) {
      fclose(f);
    }
    ng_log(&s->log, NG_LOG_ERROR, NG_ERR_IO, STORE_STAGE, path, 0, 0,
           "cannot read: %s", strerror(err));
    return NG_ERR_IO;
  }
  size_t got = fread(head, 1, sizeof head - 1, f);
  bool bad = ferror(f) != 0;
  int err = errno;
  fclose(f);
  if (bad) {
    ng_log(&s->log, NG_LOG_ERROR, NG_ERR_IO, STORE_STAGE, path, 0, 0,
           "cannot read: %s", strerror(err));
    return NG_ERR_IO;
  }
  head[got] = '\0';

  const char *name = parser_name(s, path, head);
  if (!name) {
    ng_log(&s->log, NG_LOG_ERROR, NG_ERR_SYNTAX, STORE_STAGE, path, 0, 0,
           "cannot tell the RDF syntax of this file (name it .ttl, .nt, "
           ".nq, .trig or .rdf)");
    return NG_ERR_SYNTAX;
  }
  /* Through raptor rather than librdf_parser_parse_into_model, which
   * drops the graph of N-Quads and TriG statements. A librdf statement is
   * a raptor statement, so raptor's go to the model as they are. */
  raptor_world *rw = librdf_world_get_raptor(s->world);
  raptor_uri *uri = raptor_new_uri_from_uri_or_file_string(
    rw, NULL, (const unsigned char *)path);
  raptor_parser *parser = rw ? raptor_new_parser(rw, name) : NULL;
  LoadState ls = { s, NG_SUCCESS };
  NgStatus st = NG_SUCCESS;
  if (!uri || !parser) {
    st = NG_ERR_RDF;
  } else {
    error_clear(s);
    raptor_parser_set_statement_handler(parser, &ls, load_statement);
    /* No network or file access beyond @p path. */
    raptor_parser_set_option(parser, RAPTOR_OPTION_NO_NET, NULL, 1);
    raptor_parser_set_option(parser, RAPTOR_OPTION_NO_FILE, NULL, 1);
    int rc = raptor_parser_parse_file(parser, uri, uri);
    st = ls.status;
    if (st == NG_SUCCESS && (rc != 0 || s->error_seen)) {
      st = NG_ERR_SYNTAX;
    }
  }
  if (parser) {
    raptor_free_parser(parser);
  }
  if (uri) {
    raptor_free_uri(uri);
  }
  return st;
}

/* ------------------------------------------------------------------ */
/* Counting.                                                            */

NgStatus
ng_store_size(NgStore *s, size_t *out)
{
  if (!s || !out) {
    return NG_ERR_ARG;
  }
  /* librdf_model_size is -1 when the storage cannot count cheaply; then
   * count by walking every statement. */
  int n = librdf_model_size(s->model);
  if (n >= 0) {
    *out = (size_t)n;
    return NG_SUCCESS;
  }
  librdf_stream *stream = librdf_model_as_stream(s->model);
  if (!stream) {
    return NG_ERR_RDF;
  }
  size_t count = 0;
  for (; !librdf_stream_end(stream); librdf_stream_next(stream)) {
    count++;
  }
  librdf_free_stream(stream);
  *out = count;
  return NG_SUCCESS;
}

NgStatus
ng_store_context_count(NgStore *s, size_t *out)
{
  if (!s || !out) {
    return NG_ERR_ARG;
  }
  librdf_iterator *it = librdf_model_get_contexts(s->model);
  if (!it) {
    return NG_ERR_RDF;
  }
  size_t count = 0;
  for (; !librdf_iterator_end(it); librdf_iterator_next(it)) {
    count++;
  }
  librdf_free_iterator(it);
  *out = count;
  return NG_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* Queries.                                                             */

/* What a table cell shows of a term: an IRI or literal's text, "_:" and
 * a blank node's label; appended to @p b. */
static void
cell_text(librdf_node *n, NgBuf *b)
{
  if (!n) {
    return;
  }
  if (librdf_node_is_resource(n)) {
    ng_buf_puts(b, (const char *)librdf_uri_as_string(librdf_node_get_uri(n)));
  } else if (librdf_node_is_literal(n)) {
    size_t len = 0;
    const char *v = (const char *)librdf_node_get_literal_value_as_counted_string(
      n, &len);
    ng_buf_append(b, v ? v : "", v ? len : 0);
  } else if (librdf_node_is_blank(n)) {
    ng_buf_puts(b, "_:");
    ng_buf_puts(b, (const char *)librdf_node_get_blank_identifier(n));
  }
}

/* Columns are measured in code points; control characters (a newline
 * inside a literal) would break the alignment, so they show as spaces. */
static size_t
cell_width(const char *s)
{
  size_t n = strlen(s);
  size_t valid = ng_utf8_valid_prefix(s, n);
  return ng_utf8_count(s, valid) + (n - valid);
}

static void
put_cell(FILE *out, const char *s, size_t width, bool last)
{
  for (const char *p = s; *p; p++) {
    fputc((unsigned char)*p < 0x20 ? ' ' : *p, out);
  }
  if (!last) {
    for (size_t w = cell_width(s); w < width + 2; w++) {
      fputc(' ', out);
    }
  }
}

/* SELECT results as aligned columns: a header, a rule, then one line per
 * row, which needs every row read first to know the widths. */
static NgStatus
write_table(librdf_query_results *r, FILE *out)
{
  int nvars = librdf_query_results_get_bindings_count(r);
  if (nvars < 0) {
    return NG_ERR_RDF;
  }
  size_t cols = (size_t)nvars;
  char **cells = NULL; /* rows * cols owned strings */
  size_t n_cells = 0, cap = 0;
  NgStatus st = NG_SUCCESS;
  NgBuf b;
  ng_buf_init(&b);
  /* The names first: librdf forgets them once the rows are read. The
   * header is row 0 of the cells. */
  if (cols && !ng_grow((void **)&cells, &cap, cols, sizeof *cells)) {
    st = NG_ERR_NOMEM;
  }
  for (size_t c = 0; c < cols && st == NG_SUCCESS; c++) {
    const char *name = librdf_query_results_get_binding_name(r, (int)c);
    cells[n_cells] = ng_strdup(name ? name : "");
    if (!cells[n_cells]) {
      st = NG_ERR_NOMEM;
      break;
    }
    n_cells++;
  }
  for (; cols && st == NG_SUCCESS && !librdf_query_results_finished(r);
       librdf_query_results_next(r)) {
    if (!ng_grow((void **)&cells, &cap, n_cells + cols, sizeof *cells)) {
      st = NG_ERR_NOMEM;
      break;
    }
    for (size_t c = 0; c < cols; c++) {
      librdf_node *n = librdf_query_results_get_binding_value(r, (int)c);
      ng_buf_clear(&b);
      cell_text(n, &b);
      if (n) {
        librdf_free_node(n);
      }
      cells[n_cells] = b.failed ? NULL : ng_buf_take(&b);
      if (!cells[n_cells]) {
        st = NG_ERR_NOMEM;
        break;
      }
      n_cells++;
    }
    if (st != NG_SUCCESS) {
      break;
    }
  }
  ng_buf_free(&b);

  /* librdf gives no variable names for an empty result: a person would
   * take an empty screen for a hang or a failure, so say it. */
  if (st == NG_SUCCESS && cols == 0) {
    fputs("(no results)\n", out);
  }
  size_t *width = st == NG_SUCCESS && cols ? ng_calloc(cols, sizeof *width)
                                           : NULL;
  if (cols && !width) {
    st = st == NG_SUCCESS ? NG_ERR_NOMEM : st;
  }
  if (st == NG_SUCCESS) {
    for (size_t c = 0; c < cols; c++) {
      width[c] = cell_width(cells[c]);
    }
    for (size_t i = 0; i < n_cells; i++) {
      size_t w = cell_width(cells[i]);
      if (w > width[i % cols]) {
        width[i % cols] = w;
      }
    }
    for (size_t i = 0; i < n_cells; i++) {
      bool last = (i + 1) % cols == 0;
      put_cell(out, cells[i], width[i % cols], last);
      if (last) {
        fputc('\n', out);
      }
      if (i + 1 == cols) { /* under the header, a rule */
        for (size_t c = 0; c < cols; c++) {
          for (size_t w = 0; w < width[c]; w++) {
            fputc('-', out);
          }
          fputs(c + 1 == cols ? "\n" : "  ", out);
        }
      }
    }
  }
  for (size_t i = 0; i < n_cells; i++) {
    ng_free(cells[i]);
  }
  ng_free(cells);
  ng_free(width);
  return st;
}

/* The prefixes of the output contract, for CONSTRUCT results. */
static const char *const store_prefixes[][2] = {
  { "ng", "https://w3id.org/newsgraph/ns#" },
  { "wd", "http://www.wikidata.org/entity/" },
  { "nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#" },
  { "itsrdf", "http://www.w3.org/2005/11/its/rdf#" },
  { "prov", "http://www.w3.org/ns/prov#" },
  { "dcterms", "http://purl.org/dc/terms/" },
  { "skos", "http://www.w3.org/2004/02/skos/core#" },
  { "owl", "http://www.w3.org/2002/07/owl#" },
  { "rdfs", "http://www.w3.org/2000/01/rdf-schema#" },
  { "xsd", "http://www.w3.org/2001/XMLSchema#" },
};

static NgStatus
write_graph(NgStore *s, librdf_query_results *r, FILE *out)
{
  librdf_serializer *ser = librdf_new_serializer(s->world, "turtle", NULL,
                                                 NULL);
  if (!ser) {
    return NG_ERR_RDF;
  }
  for (size_t i = 0; i < NG_COUNTOF(store_prefixes); i++) {
    librdf_uri *u = librdf_new_uri(
      s->world, (const unsigned char *)store_prefixes[i][1]);
    if (u) {
      /* A refused prefix only makes IRIs longer. */
      (void)librdf_serializer_set_namespace(ser, u, store_prefixes[i][0]);
      librdf_free_uri(u);
    }
  }
  NgStatus st = NG_SUCCESS;
  librdf_stream *stream = librdf_query_results_as_stream(r);
  if (!stream) {
    st = NG_ERR_RDF;
  } else {
    if (librdf_serializer_serialize_stream_to_file_handle(ser, out, NULL,
                                                          stream) != 0) {
      st = NG_ERR_RDF;
    }
    librdf_free_stream(stream);
  }
  librdf_free_serializer(ser);
  return st;
}

NgStatus
ng_store_query(NgStore *s, const char *sparql, NgResultsFormat format,
               FILE *out)
{
  if (!s || !sparql || !out) {
    return NG_ERR_ARG;
  }
  locale_t old = uselocale(s->c_locale);
  error_clear(s);
  NgStatus st = NG_SUCCESS;
  librdf_query_results *r = NULL;
  librdf_query *q = librdf_new_query(s->world, "sparql", NULL,
                                     (const unsigned char *)sparql, NULL);
  if (q) {
    r = librdf_model_query_execute(s->model, q);
  }
  if (!q || !r) {
    /* rasqal parses when the query runs; what it logged says why. */
    st = s->error_seen && s->error_facility != LIBRDF_FROM_QUERY
           ? NG_ERR_RDF
           : NG_ERR_SYNTAX;
    if (!s->error_seen) {
      ng_log(&s->log, NG_LOG_ERROR, st, STORE_STAGE, NULL, 0, 0,
             "the query cannot be run");
    }
  } else if (librdf_query_results_is_graph(r)) {
    st = write_graph(s, r, out);
  } else if (librdf_query_results_is_boolean(r) &&
             (format == NG_RESULTS_TABLE || format == NG_RESULTS_CSV ||
              format == NG_RESULTS_TSV)) {
    /* SPARQL defines no CSV or TSV form of a boolean: a bare word. */
    int b = librdf_query_results_get_boolean(r);
    if (b < 0) {
      st = NG_ERR_RDF;
    } else {
      fputs(b ? "true\n" : "false\n", out);
    }
  } else if (format == NG_RESULTS_TABLE) {
    st = write_table(r, out);
  } else if (librdf_query_results_to_file_handle2(
               r, out, results_formatter(format), NULL, NULL, NULL) != 0) {
    st = NG_ERR_RDF;
  }
  if (st == NG_SUCCESS && s->error_seen) {
    st = NG_ERR_RDF;
  }
  if (st == NG_SUCCESS && ferror(out)) {
    st = NG_ERR_IO;
  }
  if (r) {
    librdf_free_query_results(r);
  }
  if (q) {
    librdf_free_query(q);
  }
  uselocale(old);
  return st;
}
