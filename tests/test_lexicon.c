/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * Tests of the lexicon: loading TSV files, folded look-ups, multiword
 * matching (with French elision), errors, and the default set listed in
 * ontology/lexicon/languages.tsv.
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "lexicon.h"

/* ---- helpers ---- */

typedef struct
{
  int n;
  NgStatus last_status;
  unsigned last_line;
  char last_file[512];
  char last_message[512];
} Diags;

static void
collect(void *handle, const NgDiag *d)
{
  Diags *g = handle;
  g->n++;
  g->last_status = d->status;
  g->last_line = d->line;
  snprintf(g->last_file, sizeof g->last_file, "%s", d->file ? d->file : "");
  snprintf(g->last_message, sizeof g->last_message, "%s", d->message);
}

static const char *
srcdir(void)
{
  const char *d = getenv("NG_SRCDIR");
  return d && *d ? d : ".";
}

/* A scratch path in the build directory (never the source tree). */
static void
scratch_path(char *buf, size_t size, const char *name)
{
  const char *d = getenv("NG_BUILDDIR");
  snprintf(buf,
           size,
           "%s/test_lexicon-%ld-%s",
           d && *d ? d : ".",
           (long)getpid(),
           name);
}

static void
write_file(const char *path, const char *text)
{
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
  assert_int_equal(fclose(f), 0);
}

static const char sample_tsv[] = "# a comment line\n"
                                 "\n"
                                 "abbrev\tMme\n"
                                 "abbrev\tM.\n"
                                 "title\tdirecteur général\n"
                                 "title\tdirecteur\n"
                                 "title\tsecrétaire général adjoint\n"
                                 "title\tministre de l'Intérieur\n"
                                 "month\tseptembre\t9\r\n"
                                 "month\tSept.\t9\n"
                                 "elision\tl'\n"
                                 "elision\td'\n";

/* ---- tests ---- */

static void
test_load_and_get(void **state)
{
  (void)state;
  char path[1024];
  scratch_path(path, sizeof path, "a.tsv");
  write_file(path, sample_tsv);
  NgLexicon *lex = ng_lexicon_new();
  assert_non_null(lex);
  Diags d = { 0 };
  NgLog log = { collect, &d };
  assert_int_equal(ng_lexicon_load(lex, path, "fr", &log), NG_SUCCESS);
  assert_int_equal(d.n, 0);

  /* Look-ups are on folded forms. */
  const NgLexEntry *e = ng_lexicon_get(lex, "abbrev", "mme", NULL);
  assert_non_null(e);
  assert_string_equal(e->form, "Mme");
  assert_string_equal(e->fold, "mme");
  assert_string_equal(e->lang, "fr");
  assert_string_equal(e->value, "");
  e = ng_lexicon_get(lex, "month", "septembre", "fr");
  assert_non_null(e);
  assert_string_equal(e->value, "9"); /* the CR of a CRLF line is dropped */
  assert_non_null(ng_lexicon_get(lex, "title", "directeur general", NULL));
  assert_true(ng_lexicon_has(lex, "month", "sept."));
  /* The class and the language restrict. */
  assert_null(ng_lexicon_get(lex, "title", "mme", NULL));
  assert_null(ng_lexicon_get(lex, "month", "septembre", "en"));
  assert_false(ng_lexicon_has(lex, "month", "Septembre")); /* not folded */
  assert_false(ng_lexicon_has(lex, "month", "octobre"));

  /* Iteration in file order. */
  size_t i = 0, n = 0;
  const char *want[] = { "directeur général",
                         "directeur",
                         "secrétaire général adjoint",
                         "ministre de l'Intérieur" };
  while ((e = ng_lexicon_next(lex, "title", &i)) != NULL) {
    assert_true(n < 4);
    assert_string_equal(e->form, want[n]);
    n++;
  }
  assert_int_equal(n, 4);

  /* Loading the same file again adds nothing. */
  assert_int_equal(ng_lexicon_load(lex, path, "fr", &log), NG_SUCCESS);
  i = 0;
  n = 0;
  while (ng_lexicon_next(lex, "title", &i))
    n++;
  assert_int_equal(n, 4);

  ng_lexicon_free(lex);
  remove(path);
}

static void
test_match_multiword(void **state)
{
  (void)state;
  char path[1024];
  scratch_path(path, sizeof path, "b.tsv");
  write_file(path, sample_tsv);
  NgLexicon *lex = ng_lexicon_new();
  assert_non_null(lex);
  assert_int_equal(ng_lexicon_load(lex, path, "fr", NULL), NG_SUCCESS);

  const NgLexEntry *e = NULL;
  const char *w1[] = { "directeur", "general", "de", "la", "dgsn" };
  assert_int_equal(ng_lexicon_match(lex, "title", w1, 5, &e), 2);
  assert_non_null(e);
  assert_string_equal(e->form, "directeur général");
  /* Longest match wins; a shorter entry still matches alone. */
  const char *w2[] = { "directeur", "de", "la", "police" };
  assert_int_equal(ng_lexicon_match(lex, "title", w2, 4, &e), 1);
  assert_string_equal(e->form, "directeur");
  /* The words run out before the entry does. */
  const char *w3[] = { "secretaire", "general" };
  assert_int_equal(ng_lexicon_match(lex, "title", w3, 2, &e), 0);
  assert_null(e);
  const char *w4[] = { "secretaire", "general", "adjoint", "de" };
  assert_int_equal(ng_lexicon_match(lex, "title", w4, 4, &e), 3);
  /* The elided form is a token of its own: the entry was tokenised like
   * text, although "l'" was loaded after it. */
  const char *w5[] = { "ministre", "de", "l'", "interieur", "a" };
  assert_int_equal(ng_lexicon_match(lex, "title", w5, 5, &e), 4);
  assert_string_equal(e->form, "ministre de l'Intérieur");
  const char *w6[] = { "ministre", "de", "l'interieur" };
  assert_int_equal(ng_lexicon_match(lex, "title", w6, 3, &e), 0);
  /* Other classes and empty input match nothing. */
  assert_int_equal(ng_lexicon_match(lex, "abbrev", w1, 5, &e), 0);
  assert_int_equal(ng_lexicon_match(lex, "title", w1, 0, &e), 0);

  /* An entry added one by one is tokenised too; a later elision added by
   * hand re-tokenises the entries before it. */
  assert_int_equal(
    ng_lexicon_add(lex, "title", "chef d’état-major", NULL, "fr"), NG_SUCCESS);
  const char *w7[] = { "chef", "d'", "etat-major" };
  assert_int_equal(ng_lexicon_match(lex, "title", w7, 3, &e), 3);
  assert_int_equal(ng_lexicon_add(lex, "elision", "d’", NULL, "fr"),
                   NG_SUCCESS); /* same fold as "d'": re-indexes */
  assert_int_equal(ng_lexicon_match(lex, "title", w7, 3, &e), 3);
  assert_int_equal(ng_lexicon_match(lex, "title", w5, 5, &e), 4);
  assert_int_equal(
    ng_lexicon_add(lex, "title", "porte-parole d'Interpol", "x", "fr"),
    NG_SUCCESS);
  const char *w8[] = { "porte-parole", "d'", "interpol" };
  assert_int_equal(ng_lexicon_match(lex, "title", w8, 3, &e), 3);
  assert_string_equal(e->value, "x");
  ng_lexicon_free(lex);
  remove(path);
}

static void
test_match_reindex_on_add(void **state)
{
  (void)state;
  NgLexicon *lex = ng_lexicon_new();
  assert_non_null(lex);
  assert_int_equal(ng_lexicon_add(lex, "org", "Ligue d'Algérie", NULL, "fr"),
                   NG_SUCCESS);
  const NgLexEntry *e = NULL;
  const char *split[] = { "ligue", "d'", "algerie" };
  const char *whole[] = { "ligue", "d'algerie" };
  /* No elision known yet: the form is one token "d'algerie". */
  assert_int_equal(ng_lexicon_match(lex, "org", whole, 2, &e), 2);
  assert_int_equal(ng_lexicon_match(lex, "org", split, 3, &e), 0);
  assert_int_equal(ng_lexicon_add(lex, "elision", "d'", NULL, "fr"),
                   NG_SUCCESS);
  assert_int_equal(ng_lexicon_match(lex, "org", split, 3, &e), 3);
  assert_int_equal(ng_lexicon_match(lex, "org", whole, 2, &e), 0);
  ng_lexicon_free(lex);
}

static void
test_first_loaded_wins(void **state)
{
  (void)state;
  NgLexicon *lex = ng_lexicon_new();
  assert_non_null(lex);
  assert_int_equal(ng_lexicon_add(lex, "month", "mai", "5", "fr"), NG_SUCCESS);
  assert_int_equal(ng_lexicon_add(lex, "month", "May", "5", "en"), NG_SUCCESS);
  assert_int_equal(ng_lexicon_add(lex, "stop", "mai", NULL, "fr"), NG_SUCCESS);
  const NgLexEntry *e = ng_lexicon_get(lex, "month", "mai", NULL);
  assert_non_null(e);
  assert_string_equal(e->form, "mai");
  e = ng_lexicon_get(lex, "month", "may", "en");
  assert_non_null(e);
  assert_string_equal(e->form, "May");
  assert_null(ng_lexicon_get(lex, "month", "may", "fr"));
  assert_int_equal(ng_lexicon_max_chars(lex, "month"), 3);
  assert_int_equal(ng_lexicon_max_chars(lex, "none"), 0);
  /* Many entries of one class: the tables grow and keep every entry. */
  char form[32];
  for (int i = 0; i < 5000; i++) {
    snprintf(form, sizeof form, "nom%d prénom%d", i, i % 7);
    assert_int_equal(ng_lexicon_add(lex, "name", form, NULL, "fr"), NG_SUCCESS);
  }
  const char *w[] = { "nom4321", "prenom2" };
  assert_int_equal(ng_lexicon_match(lex, "name", w, 2, &e), 2);
  assert_string_equal(e->form, "nom4321 prénom2");
  const char *w2[] = { "nom4321", "prenom3" };
  assert_int_equal(ng_lexicon_match(lex, "name", w2, 2, &e), 0);
  ng_lexicon_free(lex);
  ng_lexicon_free(NULL);
}

static void
test_bad_lines(void **state)
{
  (void)state;
  static const struct
  {
    const char *text;
    unsigned line;
  } cases[] = {
    { "abbrev\tM.\nno tab on this line\n", 2 },
    { "# c\nabbrev\tMme\n\ntitle\t\n", 4 }, /* empty form */
    { "\tMme\n", 1 },                       /* empty class */
    { "month\tmai\t5\textra\n", 1 },        /* four fields */
  };
  char path[1024];
  scratch_path(path, sizeof path, "bad.tsv");
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    write_file(path, cases[i].text);
    NgLexicon *lex = ng_lexicon_new();
    assert_non_null(lex);
    Diags d = { 0 };
    NgLog log = { collect, &d };
    assert_int_equal(ng_lexicon_load(lex, path, "fr", &log), NG_ERR_SYNTAX);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.last_status, NG_ERR_SYNTAX);
    assert_int_equal(d.last_line, cases[i].line);
    assert_string_equal(d.last_file, path);
    ng_lexicon_free(lex);
  }
  /* Invalid UTF-8 and a missing file. */
  write_file(path, "abbrev\tM\xC3.\n");
  NgLexicon *lex = ng_lexicon_new();
  assert_non_null(lex);
  assert_int_equal(ng_lexicon_load(lex, path, "fr", NULL), NG_ERR_ENCODING);
  remove(path);
  Diags d = { 0 };
  NgLog log = { collect, &d };
  assert_int_equal(ng_lexicon_load(lex, path, "fr", &log), NG_ERR_IO);
  assert_int_equal(d.n, 1);
  ng_lexicon_free(lex);
}

static void
test_load_default(void **state)
{
  (void)state;
  char data[1024];
  snprintf(data, sizeof data, "%s/ontology", srcdir());
  NgStatus st = NG_FAILURE;
  Diags d = { 0 };
  NgLog log = { collect, &d };
  NgLexicon *lex = ng_lexicon_load_default(data, &log, &st);
  if (!lex)
    fail_msg("load_default: %s: %s", d.last_file, d.last_message);
  assert_int_equal(st, NG_SUCCESS);
  /* Both apostrophes fold to the straight one. */
  const NgLexEntry *e = ng_lexicon_get(lex, "elision", "d'", "fr");
  assert_non_null(e);
  assert_non_null(ng_lexicon_get(lex, "elision", "qu'", "fr"));
  assert_non_null(ng_lexicon_get(lex, "abbrev", "m.", "fr"));
  assert_non_null(ng_lexicon_get(lex, "abbrev", "mme", "fr"));
  assert_non_null(ng_lexicon_get(lex, "abbrev", "mr.", "en"));
  assert_non_null(ng_lexicon_get(lex, "abbrev", "u.s.", "en"));
  assert_null(ng_lexicon_get(lex, "abbrev", "mr.", "fr"));
  assert_non_null(ng_lexicon_get(lex, "ordinal_suffix", "eme", "fr"));
  assert_non_null(ng_lexicon_get(lex, "ordinal_suffix", "rd", "en"));
  assert_non_null(ng_lexicon_get(lex, "clitic", "'s", "en"));
  ng_lexicon_free(lex);
}

static void
test_load_default_errors(void **state)
{
  (void)state;
  char dir[1024], sub[1100], list[1200], file[1200];
  scratch_path(dir, sizeof dir, "data");
  snprintf(sub, sizeof sub, "%s/lexicon", dir);
  snprintf(list, sizeof list, "%s/languages.tsv", sub);
  snprintf(file, sizeof file, "%s/xx.tsv", sub);
  Diags d = { 0 };
  NgLog log = { collect, &d };
  NgStatus st = NG_SUCCESS;

  /* No languages.tsv at all. */
  assert_int_equal(mkdir(dir, 0700), 0);
  assert_null(ng_lexicon_load_default(dir, &log, &st));
  assert_int_equal(st, NG_ERR_DATA);
  assert_int_equal(mkdir(sub, 0700), 0);

  /* A listed file that does not exist. */
  write_file(file, "abbrev\tMme\n");
  write_file(list, "# c\nxx\txx.tsv  yy-missing.tsv\n");
  d.n = 0;
  assert_null(ng_lexicon_load_default(dir, &log, &st));
  assert_int_equal(st, NG_ERR_DATA);
  assert_int_equal(d.n, 1);
  assert_int_equal(d.last_line, 2);
  assert_non_null(strstr(d.last_message, "yy-missing.tsv"));

  /* A syntax error in a listed file is reported at its line. */
  write_file(list, "xx\txx.tsv\n");
  write_file(file, "abbrev\tMme\nbroken\n");
  d.n = 0;
  assert_null(ng_lexicon_load_default(dir, &log, &st));
  assert_int_equal(st, NG_ERR_SYNTAX);
  assert_int_equal(d.last_line, 2);
  assert_string_equal(d.last_file, file);

  /* A line without files. */
  write_file(file, "abbrev\tMme\n");
  write_file(list, "xx\t \n");
  assert_null(ng_lexicon_load_default(dir, &log, &st));
  assert_int_equal(st, NG_ERR_SYNTAX);

  /* And a good one, tagged with its language. */
  write_file(list, "xx\txx.tsv\n");
  NgLexicon *lex = ng_lexicon_load_default(dir, &log, &st);
  assert_non_null(lex);
  assert_int_equal(st, NG_SUCCESS);
  assert_non_null(ng_lexicon_get(lex, "abbrev", "mme", "xx"));
  ng_lexicon_free(lex);

  /* The files of "*" every language shares: loaded once, found in any. */
  char shared[1200];
  snprintf(shared, sizeof shared, "%s/all.tsv", sub);
  write_file(shared, "first_name\tAnne\n");
  write_file(list, "*\tall.tsv\nxx\txx.tsv\nyy\txx.tsv\n");
  lex = ng_lexicon_load_default(dir, &log, &st);
  assert_non_null(lex);
  assert_int_equal(st, NG_SUCCESS);
  assert_non_null(ng_lexicon_get(lex, "first_name", "anne", "xx"));
  assert_non_null(ng_lexicon_get(lex, "first_name", "anne", "yy"));
  size_t i = 0, n = 0;
  while (ng_lexicon_next(lex, "first_name", &i)) {
    n++;
  }
  assert_int_equal(n, 1);
  assert_null(ng_lexicon_get(lex, "abbrev", "mme", "zz"));
  ng_lexicon_free(lex);
  remove(shared);

  remove(file);
  remove(list);
  rmdir(sub);
  rmdir(dir);
}

/* ---- allocation failures ---- */

static long g_fail_after = -1; /* allocations left before failing; -1 off */

static void *
failing_malloc(size_t n)
{
  if (g_fail_after == 0)
    return NULL;
  if (g_fail_after > 0)
    g_fail_after--;
  return malloc(n);
}

static void *
failing_realloc(void *p, size_t n)
{
  if (g_fail_after == 0)
    return NULL;
  if (g_fail_after > 0)
    g_fail_after--;
  return realloc(p, n);
}

static void
test_out_of_memory(void **state)
{
  (void)state;
  char path[1024];
  scratch_path(path, sizeof path, "oom.tsv");
  write_file(path, sample_tsv);
  NgAllocator a = { failing_malloc, failing_realloc, free };
  bool succeeded = false;
  /* Fail the 1st, 2nd, ... allocation until a run gets through: every
   * failure must be reported, nothing may leak (ASan checks) or crash. */
  for (long k = 0; k < 10000 && !succeeded; k++) {
    g_fail_after = k;
    ng_set_allocator(&a);
    NgLexicon *lex = ng_lexicon_new();
    NgStatus st = NG_ERR_NOMEM;
    if (lex)
      st = ng_lexicon_load(lex, path, "fr", NULL);
    const NgLexEntry *e = NULL;
    const char *w[] = { "ministre", "de", "l'", "interieur" };
    size_t m = lex ? ng_lexicon_match(lex, "title", w, 4, &e) : 0;
    ng_lexicon_free(lex);
    ng_set_allocator(NULL);
    if (lex && st == NG_SUCCESS) {
      assert_int_equal(m, 4);
      succeeded = true;
    } else if (lex) {
      assert_int_equal(st, NG_ERR_NOMEM);
    }
  }
  g_fail_after = -1;
  assert_true(succeeded);
  remove(path);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_load_and_get),
    cmocka_unit_test(test_match_multiword),
    cmocka_unit_test(test_match_reindex_on_add),
    cmocka_unit_test(test_first_loaded_wins),
    cmocka_unit_test(test_bad_lines),
    cmocka_unit_test(test_load_default),
    cmocka_unit_test(test_load_default_errors),
    cmocka_unit_test(test_out_of_memory),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
