/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * Facts as SPARQL ASK queries, for the golden tests (test_sample,
 * test_articles): a graph read into a librdf memory model, and a
 * directory of query files, each with a "# expect: true|false" line.
 * Include after testutil.h.
 */
#ifndef NG_TESTS_ASKTEST_H
#define NG_TESTS_ASKTEST_H

#include <dirent.h>
#include <redland.h>

/* A whole file, NUL-terminated (free with free()); fails the test when
 * it cannot be read. */
static inline char *
ask_read_all(const char *path)
{
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "cannot open %s\n", path);
  }
  assert_non_null(f);
  assert_int_equal(fseek(f, 0, SEEK_END), 0);
  long n = ftell(f);
  assert_true(n >= 0);
  assert_int_equal(fseek(f, 0, SEEK_SET), 0);
  char *buf = malloc((size_t)n + 1);
  assert_non_null(buf);
  assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
  buf[n] = '\0';
  fclose(f);
  return buf;
}

/* The source tree's root: $NG_SRCDIR, or ".". */
static inline const char *
ask_srcdir(void)
{
  const char *s = getenv("NG_SRCDIR");
  return s && *s ? s : ".";
}

/* librdf's own printer of messages reads past the end of some of them:
 * a world takes them here (librdf_world_set_logger), and the errors are
 * counted. */
static int ask_rdf_errors;

static inline int
ask_rdf_logger(void *user, librdf_log_message *msg)
{
  (void)user;
  if (librdf_log_message_level(msg) >= LIBRDF_LOG_ERROR) {
    ask_rdf_errors++;
  }
  return 1;
}

/* Run every query file of @p dir whose name starts with @p prefix and ends
 * with ".rq" against @p m, comparing its answer with its "# expect:" line.
 * Failures are printed with @p what ("sample", "article"); returns their
 * number and adds the queries run to *n. */
static inline size_t
ask_dir(librdf_world *w, librdf_model *m, const char *dir, const char *prefix,
        const char *what, size_t *n)
{
  DIR *d = opendir(dir);
  assert_non_null(d);
  struct dirent *de;
  size_t failed = 0, plen = strlen(prefix);
  while ((de = readdir(d))) {
    size_t len = strlen(de->d_name);
    if (strncmp(de->d_name, prefix, plen) || len < 3 ||
        strcmp(de->d_name + len - 3, ".rq")) {
      continue;
    }
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
    char *q = ask_read_all(path);
    const char *ex = strstr(q, "# expect: ");
    assert_non_null(ex);
    int expect = !strncmp(ex + 10, "true", 4);
    librdf_query *query =
      librdf_new_query(w, "sparql", NULL, (const unsigned char *)q, NULL);
    assert_non_null(query);
    librdf_query_results *r = librdf_model_query_execute(m, query);
    if (!r) {
      fprintf(stderr, "%s query did not run: %s\n", what, de->d_name);
      failed++;
    } else {
      if (librdf_query_results_get_boolean(r) != expect) {
        fprintf(stderr, "%s fact failed: %s (expected %s)\n", what,
                de->d_name, expect ? "true" : "false");
        failed++;
      }
      librdf_free_query_results(r);
    }
    librdf_free_query(query);
    free(q);
    (*n)++;
  }
  closedir(d);
  return failed;
}

#endif
