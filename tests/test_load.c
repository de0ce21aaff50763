/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * The load module without a server: URLs, N-Triples lines, batches,
 * staging graphs, what HTTP answers mean, and how files are split into
 * documents (against a port nothing listens on). tests/check_endpoint.sh
 * tests it against Virtuoso.
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "common.h"
#include "load.h"

/* A loopback URL nothing listens on: connections are refused at once. */
#define DEAD_URL "http://127.0.0.1:1/sparql-graph-crud-auth"

static void
test_url_check(void **state)
{
  (void)state;
  const char *why = NULL;
  assert_int_equal(ng_load_url_check("http://localhost:8890/sparql-graph-crud-auth", &why),
                   NG_SUCCESS);
  assert_null(why);
  assert_int_equal(ng_load_url_check("HTTPS://store.example/sparql?x=1", NULL),
                   NG_SUCCESS);
  /* Credentials never ride in a URL, which shows in process lists. */
  assert_int_equal(ng_load_url_check("http://dba:secret@localhost/x", &why),
                   NG_ERR_ARG);
  assert_non_null(strstr(why, "--user"));
  assert_null(strstr(why, "secret"));
  assert_int_equal(ng_load_url_check("ftp://host/x", NULL), NG_ERR_ARG);
  assert_int_equal(ng_load_url_check("http:///x", NULL), NG_ERR_ARG);
  assert_int_equal(ng_load_url_check("http://host/a b", NULL), NG_ERR_ARG);
  assert_int_equal(ng_load_url_check("", NULL), NG_ERR_ARG);
  /* An @ after the host is a path, not credentials. */
  assert_int_equal(ng_load_url_check("http://host/a@b", NULL), NG_SUCCESS);
}

static void
test_ntriples_line(void **state)
{
  (void)state;
  NgBuf b;
  ng_buf_init(&b);
  NgTriple t = { "http://e/s", "http://e/p", "a \"q\" \\ b\nc\td\x01",
                 "fr", NULL, NG_TERM_LITERAL };
  ng_load_ntriples_line(&b, &t);
  assert_string_equal(b.data, "<http://e/s> <http://e/p> "
                              "\"a \\\"q\\\" \\\\ b\\nc\\td\\u0001\"@fr .\n");
  ng_buf_clear(&b);
  NgTriple d = { "_:b1", "http://e/p", "0.9", NULL,
                 "http://www.w3.org/2001/XMLSchema#decimal", NG_TERM_LITERAL };
  ng_load_ntriples_line(&b, &d);
  assert_string_equal(b.data,
                      "_:b1 <http://e/p> "
                      "\"0.9\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n");
  ng_buf_clear(&b);
  /* Characters an IRIREF cannot hold are escaped; UTF-8 stays. */
  NgTriple i = { "http://e/a>b", "http://e/p", "http://e/é", NULL, NULL,
                 NG_TERM_IRI };
  ng_load_ntriples_line(&b, &i);
  assert_string_equal(b.data,
                      "<http://e/a\\u003Eb> <http://e/p> <http://e/é> .\n");
  ng_buf_free(&b);
}

static void
test_batches(void **state)
{
  (void)state;
  const char *nt = "a\nb\nc\nd\ne\n";
  size_t len = strlen(nt);
  assert_int_equal(ng_load_batch_end(nt, len, 0, 2), 4);
  assert_int_equal(ng_load_batch_end(nt, len, 4, 2), 8);
  assert_int_equal(ng_load_batch_end(nt, len, 8, 2), len);
  assert_int_equal(ng_load_batch_end(nt, len, 0, 100), len);
  assert_int_equal(ng_load_batch_end(nt, len, len, 2), len);
  /* Every statement in exactly one batch, none over the limit. */
  size_t batches = 0;
  for (size_t pos = 0; pos < len; batches++) {
    size_t end = ng_load_batch_end(nt, len, pos, 2);
    assert_true(end > pos);
    pos = end;
  }
  assert_int_equal(batches, 3);
  /* A last line without its newline is still a statement. */
  assert_int_equal(ng_load_batch_end("a\nb", 3, 0, 1), 2);
  assert_int_equal(ng_load_batch_end("a\nb", 3, 2, 1), 3);
}

static void
test_staging(void **state)
{
  (void)state;
  char *s = ng_load_staging_iri("https://w3id.org/newsgraph/id/doc/a.txt");
  assert_string_equal(s, "urn:newsgraph:staging:"
                         "https://w3id.org/newsgraph/id/doc/a.txt");
  ng_free(s);
}

static NgStatus
classify(long code, const char *body, bool auth, bool *retry, char *why,
         size_t size)
{
  NgBuf b;
  ng_buf_init(&b);
  NgStatus st = ng_load_classify(code, body, auth, retry, &b);
  snprintf(why, size, "%s", b.data ? b.data : "");
  ng_buf_free(&b);
  return st;
}

static void
test_classify(void **state)
{
  (void)state;
  char why[1024];
  bool retry = true;
  assert_int_equal(classify(201, "", true, &retry, why, sizeof why),
                   NG_SUCCESS);
  assert_false(retry);
  assert_int_equal(classify(200, NULL, true, &retry, why, sizeof why),
                   NG_SUCCESS);

  /* Credentials: refused, or missing. */
  assert_int_equal(classify(401, "", true, &retry, why, sizeof why),
                   NG_ERR_NETWORK);
  assert_false(retry);
  assert_non_null(strstr(why, "bad credentials"));
  classify(401, "", false, &retry, why, sizeof why);
  assert_non_null(strstr(why, "--user"));

  /* No write permission: 403 on the Graph Store endpoint, 500 with a
   * SECURITY error from Virtuoso's SPARQL endpoint. */
  assert_int_equal(
    classify(403,
             "<html><body><xmp>SQ110:SECURITY: Permission denied for delete "
             "from DB.DBA.RDF_QUAD (user ID = 107)</xmp></body></html>",
             false, &retry, why, sizeof why),
    NG_ERR_NETWORK);
  assert_non_null(strstr(why, "refuses updates"));
  assert_non_null(strstr(why, "SQ110:SECURITY: Permission denied"));
  assert_null(strstr(why, "<xmp>"));
  assert_int_equal(
    classify(500,
             "Virtuoso 42000 Error SR186:SECURITY: No permission to execute "
             "procedure DB.DBA.SPARQL_INSERT_DICT_CONTENT",
             true, &retry, why, sizeof why),
    NG_ERR_NETWORK);
  assert_false(retry);
  assert_non_null(strstr(why, "refuses updates"));

  /* Malformed data: Virtuoso says 500 for a Graph Store upload. */
  assert_int_equal(
    classify(500,
             "<xmp>[Vectorized Turtle loader] SP029: TURTLE RDF loader, "
             "line 3: End-of-line in a short double-quoted string</xmp>",
             true, &retry, why, sizeof why),
    NG_ERR_SYNTAX);
  assert_false(retry);
  assert_non_null(strstr(why, "malformed"));
  assert_non_null(strstr(why, "line 3"));
  assert_int_equal(classify(400, "bad", true, &retry, why, sizeof why),
                   NG_ERR_SYNTAX);

  /* Over the limits. */
  assert_int_equal(
    classify(400,
             "Virtuoso 37000 Error SP030: SPARQL compiler, line 4992: "
             "memory exhausted",
             true, &retry, why, sizeof why),
    NG_ERR_LIMIT);
  assert_non_null(strstr(why, "--batch-size"));
  assert_int_equal(classify(413, "", true, &retry, why, sizeof why),
                   NG_ERR_LIMIT);

  /* A failing server: worth retrying. */
  assert_int_equal(classify(503, "busy", true, &retry, why, sizeof why),
                   NG_ERR_NETWORK);
  assert_true(retry);
  assert_int_equal(classify(502, NULL, true, &retry, why, sizeof why),
                   NG_ERR_NETWORK);
  assert_true(retry);

  /* The wrong URL. */
  assert_int_equal(classify(404, "", true, &retry, why, sizeof why),
                   NG_ERR_NETWORK);
  assert_non_null(strstr(why, "check the URL"));
  assert_int_equal(classify(405, "", true, &retry, why, sizeof why),
                   NG_ERR_NETWORK);
  assert_int_equal(classify(302, "", true, &retry, why, sizeof why),
                   NG_ERR_NETWORK);
  assert_false(retry);

  /* A long message is cut short, on a character boundary. */
  char body[2000];
  memset(body, 'x', sizeof body - 1);
  body[sizeof body - 1] = '\0';
  classify(500, body, true, &retry, why, sizeof why);
  assert_true(strlen(why) < 500);
}

static void
test_loader_options(void **state)
{
  (void)state;
  NgLoadOptions o;
  ng_load_options_init(&o);
  assert_int_equal(o.batch, NG_LOAD_DEFAULT_BATCH);
  NgStatus st = NG_SUCCESS;
  assert_null(ng_loader_new(&o, NULL, &st)); /* no endpoint */
  assert_int_equal(st, NG_ERR_ARG);
  o.gsp_url = "http://u:p@host/x";
  assert_null(ng_loader_new(&o, NULL, &st));
  assert_int_equal(st, NG_ERR_ARG);
  o.gsp_url = DEAD_URL;
  o.batch = 0;
  assert_null(ng_loader_new(&o, NULL, &st));
  o.batch = 10;
  NgLoader *l = ng_loader_new(&o, NULL, &st);
  assert_non_null(l);
  assert_int_equal(st, NG_SUCCESS);
  ng_loader_free(l);
  ng_loader_free(NULL);
}

/* What the loader reported, document by document. */
typedef struct {
  size_t calls;
  NgStatus last;
  char graph[256];
} Reports;

static void
on_doc(void *handle, const NgLoadDoc *d, NgStatus st)
{
  Reports *r = handle;
  r->calls++;
  r->last = st;
  snprintf(r->graph, sizeof r->graph, "%s", d->graph);
}

static char *
write_temp(const char *text, const char *suffix)
{
  char *path = ng_malloc(64);
  snprintf(path, 64, "/tmp/test_load.XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
  char *named = ng_malloc(80);
  snprintf(named, 80, "%s%s", path, suffix);
  assert_int_equal(rename(path, named), 0);
  ng_free(path);
  FILE *f = fopen(named, "wb");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  return named;
}

static NgLoader *
dead_loader(void)
{
  NgLoadOptions o;
  ng_load_options_init(&o);
  o.gsp_url = DEAD_URL;
  o.retries = 1;
  o.retry_wait = 0.0;
  o.timeout = 5;
  NgStatus st;
  NgLoader *l = ng_loader_new(&o, NULL, &st);
  assert_non_null(l);
  return l;
}

static void
test_file_documents(void **state)
{
  (void)state;
  NgLoader *l = dead_loader();
  Reports r;

  /* Triples with no graph and no ng:Document: nothing can name their
   * graph, so nothing is sent (no network error). */
  char *loose = write_temp("<http://e/s> <http://e/p> \"o\" .\n", ".nt");
  memset(&r, 0, sizeof r);
  assert_int_equal(ng_loader_load_file(l, loose, "guess", NULL, on_doc, &r),
                   NG_ERR_DATA);
  assert_int_equal(r.calls, 1);

  /* With --graph, they are one document: sent, and the dead endpoint
   * stops the run. */
  memset(&r, 0, sizeof r);
  assert_int_equal(ng_loader_load_file(l, loose, "guess", "http://e/g",
                                       on_doc, &r),
                   NG_ERR_NETWORK);
  assert_int_equal(r.calls, 1);
  assert_string_equal(r.graph, "http://e/g");

  /* A document named by its ng:Document. */
  char *doc = write_temp(
    "<http://e/d> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    "<https://w3id.org/newsgraph/ns#Document> .\n"
    "<http://e/d> <http://e/p> \"o\" .\n",
    ".nt");
  memset(&r, 0, sizeof r);
  assert_int_equal(ng_loader_load_file(l, doc, "guess", NULL, on_doc, &r),
                   NG_ERR_NETWORK);
  assert_string_equal(r.graph, "http://e/d");

  /* N-Quads: the first graph fails on the dead endpoint, and the run
   * stops there, before the second. */
  char *quads = write_temp("<http://e/s> <http://e/p> \"1\" <http://e/g1> .\n"
                           "<http://e/s> <http://e/p> \"2\" <http://e/g2> .\n",
                           ".nq");
  memset(&r, 0, sizeof r);
  assert_int_equal(ng_loader_load_file(l, quads, "guess", NULL, on_doc, &r),
                   NG_ERR_NETWORK);
  assert_int_equal(r.calls, 1);
  assert_string_equal(r.graph, "http://e/g1");

  /* A malformed file: the incomplete document is not sent. */
  char *bad = write_temp("<http://e/s> <http://e/p> \"no end <http://e/g1> .\n",
                         ".nq");
  memset(&r, 0, sizeof r);
  assert_int_equal(ng_loader_load_file(l, bad, "guess", NULL, on_doc, &r),
                   NG_ERR_SYNTAX);
  /* A missing file. */
  assert_int_equal(ng_loader_load_file(l, "/nonexistent/x.nq", "guess", NULL,
                                       NULL, NULL),
                   NG_ERR_IO);

  char *paths[] = { loose, doc, quads, bad };
  for (size_t i = 0; i < NG_COUNTOF(paths); i++) {
    remove(paths[i]);
    ng_free(paths[i]);
  }
  ng_loader_free(l);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_url_check),   cmocka_unit_test(test_ntriples_line),
    cmocka_unit_test(test_batches),     cmocka_unit_test(test_staging),
    cmocka_unit_test(test_classify),    cmocka_unit_test(test_loader_options),
    cmocka_unit_test(test_file_documents),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
