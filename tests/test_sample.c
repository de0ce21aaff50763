/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * The first sample, end to end: the article through the engine, written
 * as Turtle by the emitter, read back by librdf and asked the facts of
 * tests/sparql/sample-*.rq through rasqal. Each query file says on a
 * "# expect: true|false" line what its ASK must answer.
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include "asktest.h"

static char out_path[4096];

static int
setup(void **state)
{
  (void)state;
  char path[4096];
  snprintf(path, sizeof path, "%s/samples/interpol-mena-lyon.fr.txt", ask_srcdir());
  char *text = ask_read_all(path);
  NgEngine *e = tu_engine();
  NgStatus st = NG_SUCCESS;
  NgDoc *doc = ng_doc_new("interpol-mena-lyon.fr.txt", text, strlen(text), &st);
  assert_int_equal(st, NG_SUCCESS);
  ng_doc_set(&doc->lang, "fr");
  ng_date_parse("2025-09-05", &doc->date);
  NgGraph *g = ng_graph_new(NULL);
  assert_int_equal(ng_engine_process(e, doc, g, NULL), NG_SUCCESS);
  const char *tmp = getenv("TMPDIR");
  snprintf(out_path, sizeof out_path, "%s/ng-sample-XXXXXX", tmp ? tmp : "/tmp");
  int fd = mkstemp(out_path);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "w");
  NgEmitter *em = ng_emitter_new(f, NG_FORMAT_TURTLE, NULL, &st);
  assert_int_equal(st, NG_SUCCESS);
  assert_int_equal(ng_emitter_write(em, g), NG_SUCCESS);
  assert_int_equal(ng_emitter_finish(em), NG_SUCCESS);
  ng_emitter_free(em);
  assert_int_equal(fclose(f), 0);
  ng_graph_free(g);
  ng_doc_free(doc);
  ng_engine_free(e);
  free(text);
  return 0;
}

static int
teardown(void **state)
{
  (void)state;
  remove(out_path);
  return 0;
}

/* librdf's own printer of messages reads past the end of some of them:
 * take them here, and count the errors. */
static void
test_facts(void **state)
{
  (void)state;
  librdf_world *w = librdf_new_world();
  librdf_world_set_logger(w, NULL, ask_rdf_logger);
  librdf_world_open(w);
  librdf_storage *s = librdf_new_storage(w, "memory", NULL, NULL);
  librdf_model *m = librdf_new_model(w, s, NULL);
  librdf_parser *p = librdf_new_parser(w, "turtle", NULL, NULL);
  librdf_uri *u = librdf_new_uri_from_filename(w, out_path);
  assert_int_equal(librdf_parser_parse_into_model(p, u, NULL, m), 0);
  assert_true(librdf_model_size(m) > 100);

  char dir[4096];
  snprintf(dir, sizeof dir, "%s/tests/sparql", ask_srcdir());
  size_t n_queries = 0;
  size_t failed = ask_dir(w, m, dir, "sample-", "sample", &n_queries);
  librdf_free_uri(u);
  librdf_free_parser(p);
  librdf_free_model(m);
  librdf_free_storage(s);
  librdf_free_world(w);
  assert_true(n_queries >= 15);
  assert_int_equal(ask_rdf_errors, 0);
  assert_int_equal(failed, 0);
}

/* The facts of one input file read with @p format: every triple but those
 * about the document and its NIF strings, and the links to them (which
 * name the document), as sorted "s p o" lines. */
static char **
facts(NgEngine *e, const char *name, NgInputFormat format, size_t *n)
{
  char path[4096];
  snprintf(path, sizeof path, "%s/samples/%s", ask_srcdir(), name);
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  NgReaderOptions ro;
  memset(&ro, 0, sizeof ro);
  ro.format = format;
  ro.lang = "fr";
  assert_int_equal(ng_date_parse("2025-09-05", &ro.date), NG_SUCCESS);
  NgStatus st = NG_SUCCESS;
  NgReader *r = ng_reader_new(f, name, &ro, &st);
  assert_int_equal(st, NG_SUCCESS);
  NgDoc *doc = NULL;
  assert_int_equal(ng_reader_next(r, &doc), NG_SUCCESS);
  NgGraph *g = ng_graph_new(NULL);
  assert_int_equal(ng_engine_process(e, doc, g, NULL), NG_SUCCESS);
  ng_graph_sort(g);
  char **out = calloc(ng_graph_size(g) + 1, sizeof(char *));
  assert_non_null(out);
  *n = 0;
  for (size_t i = 0; i < ng_graph_size(g); i++) {
    const NgTriple *t = ng_graph_get(g, i);
    if (strstr(t->s, TU_ID "doc/") == t->s ||
        !strcmp(t->p, TU_NG "mentionedIn") || !strcmp(t->p, TU_NG "evidence")) {
      continue;
    }
    size_t len = strlen(t->s) + strlen(t->p) + strlen(t->o) + 3;
    out[*n] = malloc(len);
    assert_non_null(out[*n]);
    snprintf(out[*n], len, "%s %s %s", t->s, t->p, t->o);
    (*n)++;
  }
  ng_graph_free(g);
  ng_doc_free(doc);
  ng_reader_free(r);
  fclose(f);
  return out;
}

/* The article as plain text and as a saved web page full of menus,
 * banners and related links gives the same facts. */
static void
test_page_same_facts(void **state)
{
  (void)state;
  NgEngine *e = tu_engine();
  size_t nt = 0, nh = 0;
  char **ft = facts(e, "interpol-mena-lyon.fr.txt", NG_INPUT_TEXT, &nt);
  char **fh = facts(e, "interpol-mena-lyon.fr.html", NG_INPUT_AUTO, &nh);
  assert_true(nt > 100);
  for (size_t i = 0; i < nt && i < nh; i++) {
    if (strcmp(ft[i], fh[i])) {
      fprintf(stderr, "text: %s\npage: %s\n", ft[i], fh[i]);
    }
    assert_string_equal(ft[i], fh[i]);
  }
  assert_int_equal(nt, nh);
  for (size_t i = 0; i < nt; i++) {
    free(ft[i]);
  }
  for (size_t i = 0; i < nh; i++) {
    free(fh[i]);
  }
  free(ft);
  free(fh);
  ng_engine_free(e);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_facts),
    cmocka_unit_test(test_page_same_facts),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
