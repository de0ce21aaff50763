/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * The test set of tests/articles/: short French and English dispatches
 * written for it (listed with their language and publication date in
 * MANIFEST.tsv), each run through the engine, written as Turtle by the
 * emitter, read back by librdf and asked the SPARQL ASK queries of
 * NAME.N.rq beside it through rasqal. Each query says on a
 * "# expect: true|false" line what it must answer: true for the facts the
 * article reports, false for what it must not yield (negations, plans and
 * reported speech are not events that happened).
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include "asktest.h"

/* The article @p name through the engine into a Turtle file at @p out. */
static void
article_turtle(NgEngine *e, const char *name, const char *lang,
               const char *date, char *out, size_t out_size)
{
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/articles/%s", ask_srcdir(), name);
  char *text = ask_read_all(path);
  NgStatus st = NG_SUCCESS;
  NgDoc *doc = ng_doc_new(name, text, strlen(text), &st);
  assert_int_equal(st, NG_SUCCESS);
  assert_int_equal(ng_doc_set(&doc->lang, lang), NG_SUCCESS);
  assert_int_equal(ng_date_parse(date, &doc->date), NG_SUCCESS);
  NgGraph *g = ng_graph_new(NULL);
  assert_int_equal(ng_engine_process(e, doc, g, NULL), NG_SUCCESS);
  const char *tmp = getenv("TMPDIR");
  snprintf(out, out_size, "%s/ng-article-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  int fd = mkstemp(out);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "w");
  assert_non_null(f);
  NgEmitter *em = ng_emitter_new(f, NG_FORMAT_TURTLE, NULL, &st);
  assert_int_equal(st, NG_SUCCESS);
  assert_int_equal(ng_emitter_write(em, g), NG_SUCCESS);
  assert_int_equal(ng_emitter_finish(em), NG_SUCCESS);
  ng_emitter_free(em);
  assert_int_equal(fclose(f), 0);
  ng_graph_free(g);
  ng_doc_free(doc);
  free(text);
}

/* Ask every NAME.N.rq of article @p name (NAME: the file name up to its
 * language suffix) of the graph in @p turtle; the number of queries run
 * goes to *n_queries, the failures are counted and returned. */
static size_t
ask_queries(librdf_world *w, const char *name, const char *turtle,
            size_t *n_queries)
{
  librdf_storage *s = librdf_new_storage(w, "memory", NULL, NULL);
  assert_non_null(s);
  librdf_model *m = librdf_new_model(w, s, NULL);
  assert_non_null(m);
  librdf_parser *p = librdf_new_parser(w, "turtle", NULL, NULL);
  assert_non_null(p);
  librdf_uri *u = librdf_new_uri_from_filename(w, turtle);
  assert_int_equal(librdf_parser_parse_into_model(p, u, NULL, m), 0);
  assert_true(librdf_model_size(m) > 20);

  /* "visit-nairobi.en.txt" -> "visit-nairobi." */
  char stem[512];
  snprintf(stem, sizeof stem, "%s", name);
  char *dot = strstr(stem, ".fr.");
  if (!dot) {
    dot = strstr(stem, ".en.");
  }
  assert_non_null(dot);
  dot[1] = '\0';

  char dir[4096];
  snprintf(dir, sizeof dir, "%s/tests/articles", ask_srcdir());
  size_t failed = ask_dir(w, m, dir, stem, "article", n_queries);
  librdf_free_uri(u);
  librdf_free_parser(p);
  librdf_free_model(m);
  librdf_free_storage(s);
  return failed;
}

static void
test_articles(void **state)
{
  (void)state;
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/articles/MANIFEST.tsv", ask_srcdir());
  char *manifest = ask_read_all(path);
  NgEngine *e = tu_engine();
  librdf_world *w = librdf_new_world();
  assert_non_null(w);
  librdf_world_set_logger(w, NULL, ask_rdf_logger);
  librdf_world_open(w);

  size_t n_articles = 0, n_fr = 0, n_en = 0, n_queries = 0, failed = 0;
  char *save = NULL;
  for (char *line = strtok_r(manifest, "\n", &save); line;
       line = strtok_r(NULL, "\n", &save)) {
    if (line[0] == '#' || line[0] == '\0') {
      continue;
    }
    char *name = line;
    char *lang = strchr(name, '\t');
    assert_non_null(lang);
    *lang++ = '\0';
    char *date = strchr(lang, '\t');
    assert_non_null(date);
    *date++ = '\0';
    char turtle[4096];
    article_turtle(e, name, lang, date, turtle, sizeof turtle);
    size_t before = n_queries;
    failed += ask_queries(w, name, turtle, &n_queries);
    remove(turtle);
    /* Every article asserts something, and at least one thing it must
     * not say. */
    if (n_queries - before < 3) {
      fprintf(stderr, "article %s has fewer than 3 queries\n", name);
      failed++;
    }
    n_articles++;
    n_fr += !strcmp(lang, "fr");
    n_en += !strcmp(lang, "en");
  }
  fprintf(stderr, "articles: %zu (%zu fr, %zu en), queries: %zu, failed: %zu\n",
          n_articles, n_fr, n_en, n_queries, failed);
  librdf_free_world(w);
  ng_engine_free(e);
  free(manifest);
  assert_true(n_fr >= 6);
  assert_true(n_en >= 6);
  assert_int_equal(ask_rdf_errors, 0);
  assert_int_equal(failed, 0);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_articles),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
