/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * The triple container (NgGraph) and the emit stage: validation, sorting,
 * every output format read back by raptor, determinism, I/O errors, the
 * RDF file reader, and independence from the locale.
 */
#define _XOPEN_SOURCE 700

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "emit.h"

#define NG "https://w3id.org/newsgraph/ns#"
#define ID "https://w3id.org/newsgraph/id/"
#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"
#define XSD "http://www.w3.org/2001/XMLSchema#"

/* Leaks of raptor 2.0.15 itself, bounded per raptor world, for runs under
 * LeakSanitizer: its DOT serializer never frees the namespace stack its
 * init makes; its N-Triples parser keeps one reference too many to each
 * literal datatype URI (so the XSD concept URIs of the world outlive it).
 * Plus one of a system library outside raptor. */
const char *__lsan_default_suppressions(void);
const char *
__lsan_default_suppressions(void)
{
  return "leak:raptor_new_namespaces\n"
         "leak:raptor_ntriples_parse_term\n"
         "leak:raptor_concepts_init\n"
         /* p11-kit (loaded under raptor's curl) at load time, seen with
          * a LOCPATH locale */
         "leak:libp11-kit.so\n";
}

/* libraptor2 is built without frame pointers: the slow unwinder is needed
 * for the suppressions above to see the raptor function names. */
const char *__asan_default_options(void);
const char *
__asan_default_options(void)
{
  return "fast_unwind_on_malloc=0";
}

/* ------------------------------------------------------------------ */
/* Helpers.                                                            */

typedef struct
{
  int errors, warnings;
  unsigned line;
  char stage[32];
  char message[512];
} LogCapture;

static void
capture_log(void *handle, const NgDiag *d)
{
  LogCapture *c = handle;
  if (d->level == NG_LOG_ERROR) {
    c->errors++;
  } else if (d->level == NG_LOG_WARNING) {
    c->warnings++;
  }
  c->line = d->line;
  snprintf(c->stage, sizeof c->stage, "%s", d->stage ? d->stage : "");
  snprintf(c->message, sizeof c->message, "%s", d->message);
}

/* A document graph with the shapes extraction produces: types, labels
 * in two languages, a decimal confidence, a date, an integer offset, a
 * long literal with quotes and a newline. */
static NgGraph *
sample_graph(bool reversed)
{
  NgGraph *g = ng_graph_new(ID "doc/d1");
  assert_non_null(g);
  struct
  {
    const char *s, *p, *o, *lang, *dt;
    bool lit;
  } rows[] = {
    { ID "person/p1", RDF_TYPE, NG "Person", NULL, NULL, false },
    { ID "person/p1", RDFS_LABEL, "Ana Example", "fr", NULL, true },
    { ID "person/p1", RDFS_LABEL, "Ana Example", "en", NULL, true },
    { ID "person/p1", "http://www.w3.org/2002/07/owl#sameAs",
      "http://www.wikidata.org/entity/Q42", NULL, NULL, false },
    { ID "event/e1", RDF_TYPE, NG "Meeting", NULL, NULL, false },
    { ID "event/e1", NG "confidence", "0.85", NULL, XSD "decimal", true },
    { ID "event/e1", NG "startDate", "2024-09-03", NULL, XSD "date", true },
    { ID "event/e1", NG "topic", "https://w3id.org/newsgraph/topic/security",
      NULL, NULL, false },
    { ID "mention/m1",
      "http://persistence.uni-leipzig.org/nlp2rdf/"
      "ontologies/nif-core#beginIndex",
      "12", NULL, XSD "nonNegativeInteger", true },
    { ID "mention/m1",
      "http://persistence.uni-leipzig.org/nlp2rdf/"
      "ontologies/nif-core#anchorOf",
      "l'\xc3\xa9t\xc3\xa9 \"cit\xc3\xa9\"\nsuite", NULL, NULL, true },
  };
  size_t n = sizeof rows / sizeof rows[0];
  for (size_t k = 0; k < n; k++) {
    size_t i = reversed ? n - 1 - k : k;
    NgStatus st = rows[i].lit
                    ? ng_graph_add_literal(g, rows[i].s, rows[i].p, rows[i].o,
                                           rows[i].lang, rows[i].dt)
                    : ng_graph_add_iri(g, rows[i].s, rows[i].p, rows[i].o);
    assert_int_equal(st, NG_SUCCESS);
  }
  return g;
}

/* Emit @p g in @p format to a temporary file; returns the bytes (owned)
 * and the statuses of write and finish. */
static char *
emit_to_string(NgGraph *g, NgFormat format, const char *base, size_t *len)
{
  FILE *f = tmpfile();
  assert_non_null(f);
  NgStatus st;
  NgEmitter *em = ng_emitter_new(f, format, base, &st);
  assert_non_null(em);
  assert_int_equal(st, NG_SUCCESS);
  assert_int_equal(ng_emitter_write(em, g), NG_SUCCESS);
  assert_int_equal(ng_emitter_finish(em), NG_SUCCESS);
  ng_emitter_free(em);
  long size = ftell(f);
  assert_true(size >= 0);
  rewind(f);
  char *buf = malloc((size_t)size + 1);
  assert_non_null(buf);
  assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
  buf[size] = '\0';
  fclose(f);
  if (len) {
    *len = (size_t)size;
  }
  return buf;
}

/* Write @p text to a new file named "in@p suffix" (parsers guess by the
 * suffix) in a new temporary directory; returns its path (owned). */
static char *
temp_file(const char *text, const char *suffix)
{
  const char *dir = getenv("TMPDIR");
  if (!dir || !*dir) {
    dir = P_tmpdir;
  }
  size_t n = strlen(dir) + strlen(suffix) + 40;
  char *path = malloc(n);
  assert_non_null(path);
  snprintf(path, n, "%s/ng-test-emit-XXXXXX", dir);
  assert_non_null(mkdtemp(path));
  strcat(path, "/in");
  strcat(path, suffix);
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fputs(text, f) >= 0, 1);
  assert_int_equal(fclose(f), 0);
  return path;
}

/* Remove what temp_file made and free @p path. */
static void
remove_temp(char *path)
{
  unlink(path);
  char *slash = strrchr(path, '/');
  assert_non_null(slash);
  *slash = '\0';
  assert_int_equal(rmdir(path), 0);
  free(path);
}

/* Triples parsed back, collected into a graph. */
typedef struct
{
  NgGraph *g;
  size_t count;
  int rejected;
  bool relative; /* an IRI resolved against the file: was not absolute */
} Collect;

static void
collect(void *handle, const NgTriple *t)
{
  Collect *c = handle;
  c->count++;
  if (strncmp(t->s, "file:", 5) == 0 || strncmp(t->p, "file:", 5) == 0 ||
      (t->kind == NG_TERM_IRI && strncmp(t->o, "file:", 5) == 0)) {
    c->relative = true;
  }
  NgStatus st = NG_SUCCESS;
  switch (t->kind) {
  case NG_TERM_IRI:
    st = ng_graph_add_iri(c->g, t->s, t->p, t->o);
    break;
  case NG_TERM_LITERAL:
    st = ng_graph_add_literal(c->g, t->s, t->p, t->o, t->lang, t->datatype);
    break;
  }
  if (st != NG_SUCCESS) {
    c->rejected++;
  }
}

static bool
same_str(const char *a, const char *b)
{
  return a == b || (a && b && strcmp(a, b) == 0);
}

static void
assert_graphs_equal(NgGraph *a, NgGraph *b)
{
  ng_graph_sort(a);
  ng_graph_sort(b);
  assert_int_equal(ng_graph_size(a), ng_graph_size(b));
  for (size_t i = 0; i < ng_graph_size(a); i++) {
    const NgTriple *x = ng_graph_get(a, i), *y = ng_graph_get(b, i);
    assert_string_equal(x->s, y->s);
    assert_string_equal(x->p, y->p);
    assert_string_equal(x->o, y->o);
    assert_int_equal(x->kind, y->kind);
    assert_true(same_str(x->lang, y->lang));
    assert_true(same_str(x->datatype, y->datatype));
  }
}

static size_t
count_occurrences(const char *hay, const char *needle)
{
  size_t n = 0;
  for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
    n++;
  }
  return n;
}

/* ------------------------------------------------------------------ */
/* The graph.                                                          */

static void
test_graph_sort_dedup(void **state)
{
  (void)state;
  NgGraph *g = ng_graph_new(NULL);
  assert_non_null(g);
  assert_null(ng_graph_name(g));
  assert_int_equal(ng_graph_size(g), 0);
  /* Bytewise order: 'B' (0x42) < 'a' (0x61) < 0xc3 (a UTF-8 lead byte). */
  assert_int_equal(
    ng_graph_add_iri(g, "http://x/\xc3\xa9", "http://x/p", "http://x/o"),
    NG_SUCCESS);
  assert_int_equal(
    ng_graph_add_iri(g, "http://x/a", "http://x/p", "http://x/o"), NG_SUCCESS);
  assert_int_equal(
    ng_graph_add_iri(g, "http://x/B", "http://x/p", "http://x/o"), NG_SUCCESS);
  assert_int_equal(
    ng_graph_add_iri(g, "http://x/a", "http://x/p", "http://x/o"), NG_SUCCESS);
  /* The same text as a literal is a different triple, sorted after the
   * IRI; and a plain literal before a typed one. */
  assert_int_equal(ng_graph_add_literal(g, "http://x/a", "http://x/p",
                                        "http://x/o", NULL, XSD "anyURI"),
                   NG_SUCCESS);
  assert_int_equal(ng_graph_add_literal(g, "http://x/a", "http://x/p",
                                        "http://x/o", NULL, NULL),
                   NG_SUCCESS);
  assert_int_equal(ng_graph_size(g), 6);
  ng_graph_sort(g);
  assert_int_equal(ng_graph_size(g), 5);
  assert_string_equal(ng_graph_get(g, 0)->s, "http://x/B");
  assert_string_equal(ng_graph_get(g, 1)->s, "http://x/a");
  assert_int_equal(ng_graph_get(g, 1)->kind, NG_TERM_IRI);
  assert_int_equal(ng_graph_get(g, 2)->kind, NG_TERM_LITERAL);
  assert_null(ng_graph_get(g, 2)->datatype);
  assert_string_equal(ng_graph_get(g, 3)->datatype, XSD "anyURI");
  assert_string_equal(ng_graph_get(g, 4)->s, "http://x/\xc3\xa9");
  assert_null(ng_graph_get(g, 5));

  /* Idempotent. */
  const NgTriple before = *ng_graph_get(g, 3);
  ng_graph_sort(g);
  assert_int_equal(ng_graph_size(g), 5);
  assert_true(memcmp(&before, ng_graph_get(g, 3), sizeof before) == 0);

  /* Adding after a sort needs (and gets) another sort. */
  assert_int_equal(
    ng_graph_add_iri(g, "http://x/A", "http://x/p", "http://x/o"), NG_SUCCESS);
  ng_graph_sort(g);
  assert_string_equal(ng_graph_get(g, 0)->s, "http://x/A");
  ng_graph_free(g);
  ng_graph_free(NULL);
}

static void
test_graph_literals(void **state)
{
  (void)state;
  NgGraph *g = ng_graph_new(ID "doc/x");
  const char *s = ID "e", *p = NG "v";
  assert_string_equal(ng_graph_name(g), ID "doc/x");
  assert_int_equal(ng_graph_add_literal(g, s, p, "Maroc", "fr", NULL),
                   NG_SUCCESS);
  /* Language tags are lower-cased, so these are one triple. */
  assert_int_equal(ng_graph_add_literal(g, s, p, "Maroc", "FR", NULL),
                   NG_SUCCESS);
  assert_int_equal(ng_graph_add_literal(g, s, p, "Morocco", "en-GB", NULL),
                   NG_SUCCESS);
  assert_int_equal(ng_graph_add_literal(g, s, p, "0.85", NULL, XSD "decimal"),
                   NG_SUCCESS);
  /* xsd:string is the plain literal. */
  assert_int_equal(ng_graph_add_literal(g, s, p, "x", NULL, XSD "string"),
                   NG_SUCCESS);
  assert_int_equal(ng_graph_add_literal(g, s, p, "x", NULL, NULL), NG_SUCCESS);
  assert_int_equal(ng_graph_add_literal(g, s, p, "", NULL, NULL), NG_SUCCESS);
  ng_graph_sort(g);
  assert_int_equal(ng_graph_size(g), 5);
  assert_string_equal(ng_graph_get(g, 0)->o, "");
  const NgTriple *t = ng_graph_get(g, 1);
  assert_string_equal(t->o, "0.85");
  assert_string_equal(t->datatype, XSD "decimal");
  assert_null(t->lang);
  assert_int_equal(t->kind, NG_TERM_LITERAL);
  t = ng_graph_get(g, 2);
  assert_string_equal(t->o, "Maroc");
  assert_string_equal(t->lang, "fr");
  assert_null(t->datatype);
  assert_string_equal(ng_graph_get(g, 3)->lang, "en-gb");
  assert_null(ng_graph_get(g, 4)->datatype);
  ng_graph_free(g);
}

/* Typed values are checked, and rewritten where raptor's Turtle writer
 * would otherwise change their type. */
static void
test_graph_typed_values(void **state)
{
  (void)state;
  static const struct
  {
    const char *in, *dt, *out;
  } ok[] = {
    { "0.85", "decimal", "0.85" },
    { "1", "decimal", "1.0" },
    { "-2.", "decimal", "-2.0" },
    { ".5", "decimal", ".5" },
    { "0.5", "double", "0.5E0" },
    { "1e3", "double", "1e3" },
    { "-1.5E-2", "double", "-1.5E-2" },
    { "42", "integer", "42" },
    { "-7", "integer", "-7" },
    { "12", "nonNegativeInteger", "12" },
    { "1", "boolean", "true" },
    { "false", "boolean", "false" },
    { "2024-09", "gYearMonth", "2024-09" },
  };
  static const struct
  {
    const char *in, *dt;
  } bad[] = {
    { "0,85", "decimal" },  { "", "decimal" },
    { "1.2.3", "decimal" }, { "1e3", "decimal" },
    { "INF", "double" },    { "NaN", "double" },
    { "1e", "double" },     { "1.5", "integer" },
    { "", "integer" },      { "-1", "nonNegativeInteger" },
    { "yes", "boolean" },
  };
  char dt[128];
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
    NgGraph *g = ng_graph_new(NULL);
    snprintf(dt, sizeof dt, XSD "%s", ok[i].dt);
    assert_int_equal(
      ng_graph_add_literal(g, ID "s", NG "p", ok[i].in, NULL, dt), NG_SUCCESS);
    assert_string_equal(ng_graph_get(g, 0)->o, ok[i].out);
    assert_string_equal(ng_graph_get(g, 0)->datatype, dt);
    ng_graph_free(g);
  }
  NgGraph *g = ng_graph_new(NULL);
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    snprintf(dt, sizeof dt, XSD "%s", bad[i].dt);
    assert_int_equal(
      ng_graph_add_literal(g, ID "s", NG "p", bad[i].in, NULL, dt), NG_ERR_ARG);
  }
  /* A literal has a language or a datatype, not both. */
  assert_int_equal(
    ng_graph_add_literal(g, ID "s", NG "p", "x", "fr", XSD "string"),
    NG_ERR_ARG);
  assert_int_equal(ng_graph_add_literal(g, ID "s", NG "p", "x", "f r", NULL),
                   NG_ERR_ARG);
  assert_int_equal(ng_graph_add_literal(g, ID "s", NG "p", "x", "", NULL),
                   NG_ERR_ARG);
  assert_int_equal(ng_graph_add_literal(g, ID "s", NG "p", "x", "1fr", NULL),
                   NG_ERR_ARG);
  assert_int_equal(ng_graph_add_literal(g, ID "s", NG "p", NULL, NULL, NULL),
                   NG_ERR_ARG);
  assert_int_equal(
    ng_graph_add_literal(g, ID "s", NG "p", "bad \xff utf-8", NULL, NULL),
    NG_ERR_ENCODING);
  assert_int_equal(ng_graph_size(g), 0);
  ng_graph_free(g);
}

static void
test_graph_rejects_bad_iris(void **state)
{
  (void)state;
  static const char *const bad[] = {
    "",
    "relative/path",
    "#frag",
    "1http://x/",
    ":x",
    "http://x/a b",
    "http://x/a<b",
    "http://x/a>b",
    "http://x/a\"b",
    "http://x/a{b",
    "http://x/a}b",
    "http://x/a|b",
    "http://x/a^b",
    "http://x/a`b",
    "http://x/a\\b",
    "http://x/a\tb",
    "http://x/a\nb",
    "http://x/a\x7f",
    "http://x/a\xc2\x85", /* U+0085, a C1 control */
    "http://x/a\xff",     /* not UTF-8 */
    "http://x/a%zz",
    "http://x/a%4",
    "https://w3id.org/newsgraph/ns#name.", /* "ng:name." is not Turtle */
  };
  NgGraph *g = ng_graph_new(NULL);
  const char *ok = "http://x/ok";
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    const char *b = bad[i];
    assert_false(ng_iri_is_valid(b));
    assert_int_equal(ng_graph_add_iri(g, b, ok, ok), NG_ERR_ARG);
    assert_int_equal(ng_graph_add_iri(g, ok, b, ok), NG_ERR_ARG);
    assert_int_equal(ng_graph_add_iri(g, ok, ok, b), NG_ERR_ARG);
    assert_int_equal(ng_graph_add_literal(g, b, ok, "v", NULL, NULL),
                     NG_ERR_ARG);
    assert_int_equal(ng_graph_add_literal(g, ok, b, "v", NULL, NULL),
                     NG_ERR_ARG);
    assert_int_equal(ng_graph_add_literal(g, ok, ok, "v", NULL, b), NG_ERR_ARG);
    assert_null(ng_graph_new(b));
    assert_int_equal(ng_graph_reset(g, b), NG_ERR_ARG);
  }
  assert_int_equal(ng_graph_add_iri(g, NULL, ok, ok), NG_ERR_ARG);
  assert_int_equal(ng_graph_add_iri(g, ok, NULL, ok), NG_ERR_ARG);
  assert_int_equal(ng_graph_add_iri(g, ok, ok, NULL), NG_ERR_ARG);
  assert_int_equal(ng_graph_add_iri(NULL, ok, ok, ok), NG_ERR_ARG);
  /* A blank node may be a subject or object, never a predicate. */
  assert_int_equal(ng_graph_add_iri(g, ok, "_:b0", ok), NG_ERR_ARG);
  assert_int_equal(ng_graph_add_iri(g, "_:", ok, ok), NG_ERR_ARG);
  assert_int_equal(ng_graph_add_iri(g, "_:a b", ok, ok), NG_ERR_ARG);
  assert_int_equal(ng_graph_size(g), 0);

  /* What is allowed: any scheme, non-ASCII, escapes, blank nodes. */
  assert_true(ng_iri_is_valid("urn:isbn:0451450523"));
  assert_true(ng_iri_is_valid("http://x/caf\xc3\xa9%C3%A9?q=1#f"));
  assert_int_equal(ng_graph_add_iri(g, "_:b0", ok, "_:b1"), NG_SUCCESS);
  assert_int_equal(ng_graph_size(g), 1);
  ng_graph_free(g);
}

static void
test_graph_reset_append(void **state)
{
  (void)state;
  NgGraph *a = sample_graph(false);
  NgGraph *b = ng_graph_new(ID "doc/other");
  assert_int_equal(ng_graph_add_iri(b, ID "x", NG "p", ID "y"), NG_SUCCESS);
  assert_int_equal(ng_graph_add_iri(b, ID "person/p1", RDF_TYPE, NG "Person"),
                   NG_SUCCESS);
  assert_int_equal(ng_graph_append(b, a), NG_SUCCESS);
  assert_string_equal(ng_graph_name(b), ID "doc/other");
  ng_graph_sort(b);
  assert_int_equal(ng_graph_size(b), ng_graph_size(a) + 1);
  assert_int_equal(ng_graph_append(b, b), NG_SUCCESS);
  ng_graph_sort(b);
  assert_int_equal(ng_graph_size(b), ng_graph_size(a) + 1);
  assert_int_equal(ng_graph_append(NULL, a), NG_ERR_ARG);

  /* Reset to its own name (a borrowed pointer into the graph). */
  assert_int_equal(ng_graph_reset(b, ng_graph_name(b)), NG_SUCCESS);
  assert_string_equal(ng_graph_name(b), ID "doc/other");
  assert_int_equal(ng_graph_size(b), 0);
  assert_int_equal(ng_graph_add_iri(b, ID "x", NG "p", ID "y"), NG_SUCCESS);
  assert_string_equal(ng_graph_get(b, 0)->s, ID "x");
  assert_int_equal(ng_graph_reset(b, NULL), NG_SUCCESS);
  assert_null(ng_graph_name(b));
  ng_graph_free(a);
  ng_graph_free(b);
}

/* Many documents through one graph: the pool and arena are reused. */
static void
test_graph_many(void **state)
{
  (void)state;
  NgGraph *g = ng_graph_new(NULL);
  char s[64], o[64];
  for (int doc = 0; doc < 3; doc++) {
    assert_int_equal(ng_graph_reset(g, ID "doc/n"), NG_SUCCESS);
    for (int i = 0; i < 5000; i++) {
      snprintf(s, sizeof s, ID "e%d", i % 1000);
      snprintf(o, sizeof o, "label %d", i);
      assert_int_equal(ng_graph_add_literal(g, s, RDFS_LABEL, o, "en", NULL),
                       NG_SUCCESS);
      assert_int_equal(ng_graph_add_literal(g, s, RDFS_LABEL, o, "en", NULL),
                       NG_SUCCESS);
    }
    ng_graph_sort(g);
    assert_int_equal(ng_graph_size(g), 5000);
  }
  ng_graph_free(g);
}

/* ------------------------------------------------------------------ */
/* Failing allocations.                                                */

static long alloc_budget = -1; /* allocations left; -1: no limit */

static void *
budget_malloc(size_t n)
{
  if (alloc_budget == 0) {
    return NULL;
  }
  if (alloc_budget > 0) {
    alloc_budget--;
  }
  return malloc(n);
}

static void *
budget_realloc(void *p, size_t n)
{
  if (alloc_budget == 0) {
    return NULL;
  }
  if (alloc_budget > 0) {
    alloc_budget--;
  }
  return realloc(p, n);
}

static void
test_graph_nomem(void **state)
{
  (void)state;
  const NgAllocator a = { budget_malloc, budget_realloc, free };
  bool completed = false;
  for (long budget = 0; budget < 2000 && !completed; budget++) {
    ng_set_allocator(&a);
    alloc_budget = budget;
    NgGraph *g = ng_graph_new(ID "doc/d");
    NgStatus st = g ? NG_SUCCESS : NG_ERR_NOMEM;
    char s[64];
    for (int i = 0; i < 300 && st == NG_SUCCESS; i++) {
      snprintf(s, sizeof s, ID "e%d", i);
      st = i % 2
             ? ng_graph_add_literal(g, s, RDFS_LABEL, "1", NULL, XSD "decimal")
             : ng_graph_add_literal(g, s, RDFS_LABEL, "x", "EN", NULL);
    }
    alloc_budget = -1;
    ng_set_allocator(NULL);
    assert_true(st == NG_SUCCESS || st == NG_ERR_NOMEM);
    if (st == NG_SUCCESS) {
      ng_graph_sort(g);
      assert_int_equal(ng_graph_size(g), 300);
      completed = true;
    }
    ng_graph_free(g);
  }
  assert_true(completed);
}

/* ------------------------------------------------------------------ */
/* Formats and emitters.                                               */

static void
test_format_parse(void **state)
{
  (void)state;
  static const struct
  {
    const char *name;
    NgFormat f;
  } names[] = {
    { "turtle", NG_FORMAT_TURTLE },     { "ttl", NG_FORMAT_TURTLE },
    { "ntriples", NG_FORMAT_NTRIPLES }, { "nt", NG_FORMAT_NTRIPLES },
    { "nquads", NG_FORMAT_NQUADS },     { "nq", NG_FORMAT_NQUADS },
    { "rdfxml", NG_FORMAT_RDFXML },     { "xml", NG_FORMAT_RDFXML },
    { "rdf", NG_FORMAT_RDFXML },        { "json", NG_FORMAT_JSON },
    { "dot", NG_FORMAT_DOT },           { "Turtle", NG_FORMAT_TURTLE },
  };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    NgFormat f = NG_FORMAT_DOT;
    if (names[i].f == NG_FORMAT_DOT) {
      f = NG_FORMAT_TURTLE;
    }
    assert_int_equal(ng_format_parse(names[i].name, &f), NG_SUCCESS);
    assert_int_equal(f, names[i].f);
  }
  NgFormat f;
  assert_int_equal(ng_format_parse("n3", &f), NG_ERR_ARG);
  assert_int_equal(ng_format_parse("", &f), NG_ERR_ARG);
  assert_int_equal(ng_format_parse("turtlex", &f), NG_ERR_ARG);
  assert_int_equal(ng_format_parse(NULL, &f), NG_ERR_ARG);
  assert_int_equal(ng_format_parse("nt", NULL), NG_ERR_ARG);
}

/* Every format that raptor can read back gives back the same graph. */
static void
test_roundtrip_all_formats(void **state)
{
  (void)state;
  static const struct
  {
    NgFormat format;
    const char *syntax, *suffix;
  } formats[] = {
    { NG_FORMAT_TURTLE, "turtle", ".ttl" },
    { NG_FORMAT_NTRIPLES, "ntriples", ".nt" },
    { NG_FORMAT_NQUADS, "nquads", ".nq" },
    { NG_FORMAT_RDFXML, "rdfxml", ".rdf" },
    { NG_FORMAT_JSON, "json", ".json" },
    { NG_FORMAT_TURTLE, "guess", ".ttl" },
  };
  NgGraph *g = sample_graph(false);
  ng_graph_sort(g);
  for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
    char *text = emit_to_string(g, formats[i].format, NULL, NULL);
    char *path = temp_file(text, formats[i].suffix);
    Collect c = { ng_graph_new(NULL), 0, 0, false };
    LogCapture lc = { 0 };
    NgLog log = { capture_log, &lc };
    assert_int_equal(
      ng_rdf_parse_file(path, formats[i].syntax, collect, &c, &log),
      NG_SUCCESS);
    assert_int_equal(lc.errors, 0);
    assert_int_equal(c.rejected, 0);
    assert_false(c.relative);
    assert_int_equal(c.count, ng_graph_size(g));
    assert_graphs_equal(g, c.g);
    ng_graph_free(c.g);
    remove_temp(path);
    free(text);
  }
  ng_graph_free(g);
}

static void
test_dot(void **state)
{
  (void)state;
  NgGraph *g = sample_graph(false);
  char *text = emit_to_string(g, NG_FORMAT_DOT, NULL, NULL);
  assert_true(strncmp(text, "digraph {", 9) == 0);
  assert_int_equal(count_occurrences(text, "\" -> \""), ng_graph_size(g));
  assert_non_null(strstr(text, "ng:Person"));
  free(text);
  ng_graph_free(g);
}

static void
test_nquads_graph_name(void **state)
{
  (void)state;
  NgGraph *g = sample_graph(false);
  char *text = emit_to_string(g, NG_FORMAT_NQUADS, NULL, NULL);
  size_t lines = count_occurrences(text, "\n");
  assert_int_equal(lines, ng_graph_size(g));
  assert_int_equal(count_occurrences(text, " <" ID "doc/d1> .\n"), lines);
  free(text);

  /* Without a graph name, N-Quads is N-Triples. */
  assert_int_equal(ng_graph_reset(g, NULL), NG_SUCCESS);
  assert_int_equal(ng_graph_add_iri(g, ID "a", NG "p", ID "b"), NG_SUCCESS);
  text = emit_to_string(g, NG_FORMAT_NQUADS, NULL, NULL);
  assert_string_equal(text, "<" ID "a> <" NG "p> <" ID "b> .\n");
  free(text);
  ng_graph_free(g);
}

static void
test_turtle_pretty(void **state)
{
  (void)state;
  NgGraph *g = sample_graph(false);
  char *text = emit_to_string(g, NG_FORMAT_TURTLE, NULL, NULL);
  assert_non_null(strstr(text, "@prefix ng: <" NG "> ."));
  assert_non_null(
    strstr(text, "@prefix wd: <http://www.wikidata.org/entity/> ."));
  assert_non_null(strstr(text, "@prefix ngid: <" ID "> ."));
  assert_non_null(
    strstr(text, "@prefix topic: <https://w3id.org/newsgraph/topic/> ."));
  assert_null(strstr(text, "@base"));
  /* Grouped by subject: four triples, one subject written once. */
  assert_int_equal(count_occurrences(text, "person/p1"), 1);
  assert_non_null(strstr(text, "a ng:Person"));
  /* A decimal stays a decimal, written bare. */
  assert_non_null(strstr(text, "ng:confidence 0.85"));
  free(text);

  /* Another base is another ngid:. */
  text = emit_to_string(g, NG_FORMAT_TURTLE, "http://example.org/kg/", NULL);
  assert_non_null(strstr(text, "@prefix ngid: <http://example.org/kg/> ."));
  assert_null(strstr(text, "@base"));
  free(text);
  ng_graph_free(g);
}

static void
test_deterministic(void **state)
{
  (void)state;
  for (int f = NG_FORMAT_TURTLE; f <= NG_FORMAT_DOT; f++) {
    NgGraph *a = sample_graph(false), *b = sample_graph(true);
    size_t la, lb;
    char *ta = emit_to_string(a, (NgFormat)f, NULL, &la);
    char *tb = emit_to_string(b, (NgFormat)f, NULL, &lb);
    assert_true(la > 0);
    assert_int_equal(la, lb);
    assert_memory_equal(ta, tb, la);
    free(ta);
    free(tb);
    ng_graph_free(a);
    ng_graph_free(b);
  }
}

/* Several graphs through one emitter (one per document). */
static void
test_several_writes(void **state)
{
  (void)state;
  FILE *f = tmpfile();
  NgStatus st;
  NgEmitter *em = ng_emitter_new(f, NG_FORMAT_NQUADS, NULL, &st);
  assert_non_null(em);
  NgGraph *g = ng_graph_new(ID "doc/1");
  assert_int_equal(ng_graph_add_iri(g, ID "a", NG "p", ID "b"), NG_SUCCESS);
  assert_int_equal(ng_emitter_write(em, g), NG_SUCCESS);
  assert_int_equal(ng_graph_reset(g, ID "doc/2"), NG_SUCCESS);
  assert_int_equal(ng_graph_add_iri(g, ID "a", NG "p", ID "b"), NG_SUCCESS);
  assert_int_equal(ng_emitter_write(em, g), NG_SUCCESS);
  assert_int_equal(ng_emitter_finish(em), NG_SUCCESS);
  /* Finished: finishing again is harmless, writing is a mistake. */
  assert_int_equal(ng_emitter_finish(em), NG_SUCCESS);
  assert_int_equal(ng_emitter_write(em, g), NG_ERR_ARG);
  ng_emitter_free(em);
  rewind(f);
  char line[256];
  assert_non_null(fgets(line, sizeof line, f));
  assert_string_equal(line, "<" ID "a> <" NG "p> <" ID "b> <" ID "doc/1> .\n");
  assert_non_null(fgets(line, sizeof line, f));
  assert_string_equal(line, "<" ID "a> <" NG "p> <" ID "b> <" ID "doc/2> .\n");
  assert_null(fgets(line, sizeof line, f));
  fclose(f);
  ng_graph_free(g);
}

static void
test_emitter_args(void **state)
{
  (void)state;
  NgStatus st = NG_SUCCESS;
  assert_null(ng_emitter_new(NULL, NG_FORMAT_TURTLE, NULL, &st));
  assert_int_equal(st, NG_ERR_ARG);
  FILE *f = tmpfile();
  st = NG_SUCCESS;
  assert_null(ng_emitter_new(f, NG_FORMAT_TURTLE, "relative/", &st));
  assert_int_equal(st, NG_ERR_ARG);
  st = NG_SUCCESS;
  assert_null(ng_emitter_new(f, (NgFormat)99, NULL, &st));
  assert_int_equal(st, NG_ERR_ARG);
  NgEmitter *em = ng_emitter_new(f, NG_FORMAT_NTRIPLES, NULL, NULL);
  assert_non_null(em);
  assert_int_equal(ng_emitter_write(em, NULL), NG_ERR_ARG);
  assert_int_equal(ng_emitter_write(NULL, NULL), NG_ERR_ARG);
  assert_int_equal(ng_emitter_finish(NULL), NG_ERR_ARG);
  /* An empty graph is an empty N-Triples document. */
  NgGraph *g = ng_graph_new(NULL);
  assert_int_equal(ng_emitter_write(em, g), NG_SUCCESS);
  assert_int_equal(ng_emitter_finish(em), NG_SUCCESS);
  assert_int_equal(ftell(f), 0);
  ng_emitter_free(em);
  ng_emitter_free(NULL);
  ng_emitter_set_log(NULL, NULL);
  ng_graph_free(g);
  fclose(f);
}

/* A predicate RDF/XML cannot write: raptor's error reaches our log (and
 * not stderr) and becomes NG_ERR_RDF. */
static void
test_raptor_error_routed(void **state)
{
  (void)state;
  FILE *f = tmpfile();
  NgEmitter *em = ng_emitter_new(f, NG_FORMAT_RDFXML, NULL, NULL);
  LogCapture lc = { 0 };
  NgLog log = { capture_log, &lc };
  ng_emitter_set_log(em, &log);
  NgGraph *g = ng_graph_new(NULL);
  assert_int_equal(ng_graph_add_iri(g, ID "a", "http://example.org/p/", ID "b"),
                   NG_SUCCESS);
  NgStatus st = ng_emitter_write(em, g);
  if (st == NG_SUCCESS) {
    st = ng_emitter_finish(em);
  }
  assert_int_equal(st, NG_ERR_RDF);
  assert_true(lc.errors >= 1);
  assert_string_equal(lc.stage, "emit");
  assert_true(strlen(lc.message) > 0);
  /* The failure sticks. */
  assert_int_equal(ng_emitter_write(em, g), NG_ERR_RDF);
  ng_emitter_free(em);
  ng_graph_free(g);
  fclose(f);
}

/* A full disk is an I/O error, in every format, from write or finish. */
static void
test_dev_full(void **state)
{
  (void)state;
  FILE *probe = fopen("/dev/full", "w");
  if (!probe) {
    skip();
  }
  fclose(probe);
  NgGraph *big = ng_graph_new(ID "doc/full");
  char s[64];
  for (int i = 0; i < 2000; i++) {
    snprintf(s, sizeof s, ID "e%d", i);
    assert_int_equal(ng_graph_add_literal(big, s, RDFS_LABEL, "x", "en", NULL),
                     NG_SUCCESS);
  }
  NgGraph *small = sample_graph(false);
  NgGraph *graphs[] = { big, small };
  for (int f = NG_FORMAT_TURTLE; f <= NG_FORMAT_DOT; f++) {
    for (size_t k = 0; k < 2; k++) {
      FILE *full = fopen("/dev/full", "w");
      assert_non_null(full);
      NgEmitter *em = ng_emitter_new(full, (NgFormat)f, NULL, NULL);
      assert_non_null(em);
      NgStatus ws = ng_emitter_write(em, graphs[k]);
      NgStatus fs = ng_emitter_finish(em);
      assert_true(ws == NG_SUCCESS || ws == NG_ERR_IO);
      assert_int_equal(fs, NG_ERR_IO);
      if (k == 0 && f == NG_FORMAT_NTRIPLES) {
        /* Streaming: the error shows before the end. */
        assert_int_equal(ws, NG_ERR_IO);
      }
      ng_emitter_free(em);
      fclose(full);
    }
  }
  ng_graph_free(big);
  ng_graph_free(small);
}

/* ------------------------------------------------------------------ */
/* Reading RDF files.                                                  */

static void
test_parse_turtle_file(void **state)
{
  (void)state;
  char *path =
    temp_file("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
              "@prefix t: <https://w3id.org/newsgraph/topic/> .\n"
              "t:security a skos:Concept ;\n"
              "  skos:prefLabel \"s\xc3\xa9"
              "curit\xc3\xa9\"@FR, \"security\"@en ;\n"
              "  skos:notation 7 ;\n"
              "  skos:related [ skos:prefLabel \"x\" ] ;\n"
              "  skos:note <#local> .\n",
              ".ttl");
  Collect c = { ng_graph_new(NULL), 0, 0, false };
  assert_int_equal(ng_rdf_parse_file(path, "turtle", collect, &c, NULL),
                   NG_SUCCESS);
  assert_int_equal(c.count, 7);
  assert_int_equal(c.rejected, 0);
  assert_true(c.relative); /* <#local> resolved against the file's URI */
  ng_graph_sort(c.g);
  bool fr = false, en = false, num = false, blank = false;
  for (size_t i = 0; i < ng_graph_size(c.g); i++) {
    const NgTriple *t = ng_graph_get(c.g, i);
    if (t->lang && strcmp(t->lang, "fr") == 0) {
      fr = strcmp(t->o, "s\xc3\xa9"
                        "curit\xc3\xa9") == 0 &&
           strcmp(t->s, "https://w3id.org/newsgraph/topic/security") == 0;
    }
    if (t->lang && strcmp(t->lang, "en") == 0) {
      en = strcmp(t->o, "security") == 0;
    }
    if (t->datatype && strcmp(t->datatype, XSD "integer") == 0) {
      num = strcmp(t->o, "7") == 0;
    }
    if (strncmp(t->s, "_:", 2) == 0) {
      blank = strcmp(t->o, "x") == 0;
    }
  }
  assert_true(fr && en && num && blank);
  ng_graph_free(c.g);
  remove_temp(path);
}

static void
test_parse_errors(void **state)
{
  (void)state;
  char *path = temp_file("<http://x/a> <http://x/p> <http://x/b> .\n"
                         "<http://x/a> <http://x/p> \"unterminated .\n",
                         ".nt");
  Collect c = { ng_graph_new(NULL), 0, 0, false };
  LogCapture lc = { 0 };
  NgLog log = { capture_log, &lc };
  assert_int_equal(ng_rdf_parse_file(path, "ntriples", collect, &c, &log),
                   NG_ERR_SYNTAX);
  assert_int_equal(c.count, 1); /* the triple before the error */
  assert_true(lc.errors >= 1);
  assert_int_equal(lc.line, 2);
  assert_string_equal(lc.stage, "emit");

  lc.errors = 0;
  assert_int_equal(ng_rdf_parse_file(path, "no-such-syntax", collect, &c, &log),
                   NG_ERR_ARG);
  assert_int_equal(lc.errors, 1);
  unlink(path);
  assert_int_equal(ng_rdf_parse_file(path, "ntriples", collect, &c, &log),
                   NG_ERR_IO);
  assert_int_equal(ng_rdf_parse_file(NULL, "ntriples", collect, &c, &log),
                   NG_ERR_ARG);
  assert_int_equal(ng_rdf_parse_file(path, "ntriples", NULL, &c, &log),
                   NG_ERR_ARG);
  ng_graph_free(c.g);
  remove_temp(path);
}

/* ------------------------------------------------------------------ */
/* Locale.                                                             */

static void
test_locale_independent(void **state)
{
  (void)state;
  static const char *const locales[] = { "fr_FR.UTF-8", "fr_FR.utf8",
                                         "de_DE.UTF-8", "de_DE.utf8" };
  NgGraph *g = sample_graph(false);
  char *texts[NG_FORMAT_DOT + 1];
  for (int f = NG_FORMAT_TURTLE; f <= NG_FORMAT_DOT; f++) {
    texts[f] = emit_to_string(g, (NgFormat)f, NULL, NULL);
  }
  const char *used = NULL;
  for (size_t i = 0; i < sizeof locales / sizeof locales[0] && !used; i++) {
    if (setlocale(LC_ALL, locales[i])) {
      used = locales[i];
    }
  }
  if (!used) {
    for (int f = NG_FORMAT_TURTLE; f <= NG_FORMAT_DOT; f++) {
      free(texts[f]);
    }
    ng_graph_free(g);
    skip(); /* no locale with a decimal comma installed */
  }
  /* The locale really writes a decimal comma. */
  char probe[16];
  snprintf(probe, sizeof probe, "%.1f", 0.5);
  assert_string_equal(probe, "0,5");
  for (int f = NG_FORMAT_TURTLE; f <= NG_FORMAT_DOT; f++) {
    char *t = emit_to_string(g, (NgFormat)f, NULL, NULL);
    assert_string_equal(t, texts[f]);
    free(t);
    free(texts[f]);
  }
  /* Reading back under that locale too. */
  char *ttl = emit_to_string(g, NG_FORMAT_TURTLE, NULL, NULL);
  char *path = temp_file(ttl, ".ttl");
  Collect c = { ng_graph_new(NULL), 0, 0, false };
  assert_int_equal(ng_rdf_parse_file(path, "turtle", collect, &c, NULL),
                   NG_SUCCESS);
  assert_graphs_equal(g, c.g);
  setlocale(LC_ALL, "C");
  remove_temp(path);
  free(ttl);
  ng_graph_free(c.g);
  ng_graph_free(g);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_graph_sort_dedup),
    cmocka_unit_test(test_graph_literals),
    cmocka_unit_test(test_graph_typed_values),
    cmocka_unit_test(test_graph_rejects_bad_iris),
    cmocka_unit_test(test_graph_reset_append),
    cmocka_unit_test(test_graph_many),
    cmocka_unit_test(test_graph_nomem),
    cmocka_unit_test(test_format_parse),
    cmocka_unit_test(test_roundtrip_all_formats),
    cmocka_unit_test(test_dot),
    cmocka_unit_test(test_nquads_graph_name),
    cmocka_unit_test(test_turtle_pretty),
    cmocka_unit_test(test_deterministic),
    cmocka_unit_test(test_several_writes),
    cmocka_unit_test(test_emitter_args),
    cmocka_unit_test(test_raptor_error_routed),
    cmocka_unit_test(test_dev_full),
    cmocka_unit_test(test_parse_turtle_file),
    cmocka_unit_test(test_parse_errors),
    cmocka_unit_test(test_locale_independent),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
