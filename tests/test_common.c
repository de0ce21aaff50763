/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * Tests of the shared helpers in src/common.h: arena, buffers, UTF-8,
 * folding, NFC, hashing, decimal formatting, status strings, data files.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <unistd.h>

#include <cmocka.h>

#include "common.h"

/* ---- arena ---- */

static void
test_arena_alignment(void **state)
{
  (void)state;
  NgArena *a = ng_arena_new(256);
  assert_non_null(a);
  for (size_t n = 1; n < 40; n++) {
    unsigned char *p = ng_arena_alloc(a, n);
    assert_non_null(p);
    assert_int_equal((uintptr_t)p % 8, 0);
    for (size_t i = 0; i < n; i++) {
      assert_int_equal(p[i], 0); /* zeroed */
    }
    memset(p, 0xAB, n);
  }
  ng_arena_free(a);
  ng_arena_free(NULL);
}

static void
test_arena_strings(void **state)
{
  (void)state;
  NgArena *a = ng_arena_new(64);
  assert_non_null(a);
  char *s = ng_arena_strndup(a, "Casablanca et Tanger", 10);
  assert_string_equal(s, "Casablanca");
  char *t = ng_arena_printf(a, "%s-%d-%05.1f", "abc", 42, 3.5);
  assert_string_equal(t, "abc-42-003.5");
  /* Longer than the chunk size. */
  char *u = ng_arena_printf(a, "%0200d", 7);
  assert_int_equal(strlen(u), 200);
  assert_int_equal(u[199], '7');
  assert_int_equal(u[0], '0');
  assert_string_equal(s, "Casablanca"); /* earlier data intact */
  ng_arena_free(a);
}

static void
test_arena_reset_and_big(void **state)
{
  (void)state;
  NgArena *a = ng_arena_new(128);
  assert_non_null(a);
  for (int round = 0; round < 3; round++) {
    char *keep[50];
    for (int i = 0; i < 50; i++) {
      keep[i] = ng_arena_printf(a, "item-%d-%d", round, i);
      assert_non_null(keep[i]);
    }
    unsigned char *big = ng_arena_alloc(a, 1 << 20);
    assert_non_null(big);
    assert_int_equal((uintptr_t)big % 8, 0);
    assert_int_equal(big[0], 0);
    assert_int_equal(big[(1 << 20) - 1], 0);
    memset(big, 0xFF, 1 << 20);
    char *after = ng_arena_strndup(a, "after", 5);
    assert_string_equal(after, "after");
    for (int i = 0; i < 50; i++) {
      char want[32];
      snprintf(want, sizeof want, "item-%d-%d", round, i);
      assert_string_equal(keep[i], want);
    }
    ng_arena_reset(a);
    /* After a reset memory is zeroed again. */
    unsigned char *z = ng_arena_alloc(a, 64);
    assert_non_null(z);
    for (int i = 0; i < 64; i++) {
      assert_int_equal(z[i], 0);
    }
  }
  ng_arena_free(a);
}

/* ---- NgBuf ---- */

static void
test_buf_basic(void **state)
{
  (void)state;
  NgBuf b;
  ng_buf_init(&b);
  assert_int_equal(b.len, 0);
  ng_buf_puts(&b, "Rabat");
  ng_buf_putc(&b, ' ');
  ng_buf_append(&b, "et Fès!!", 6); /* "et F" + 2 bytes of è */
  assert_int_equal(b.len, 12);
  assert_string_equal(b.data, "Rabat et F\xC3\xA8");
  ng_buf_printf(&b, " %d/%s", 2025, "x");
  assert_string_equal(b.data, "Rabat et F\xC3\xA8 2025/x");
  assert_false(b.failed);
  for (int i = 0; i < 1000; i++) {
    ng_buf_printf(&b, "%04d", i);
  }
  assert_int_equal(b.len, 19 + 4000);
  assert_int_equal(strlen(b.data), b.len);
  assert_memory_equal(b.data + b.len - 4, "0999", 4);
  char *owned = ng_buf_take(&b);
  assert_non_null(owned);
  assert_int_equal(strncmp(owned, "Rabat", 5), 0);
  assert_int_equal(b.len, 0);
  ng_free(owned);
  ng_buf_puts(&b, "again");
  assert_string_equal(b.data, "again");
  ng_buf_clear(&b);
  assert_int_equal(b.len, 0);
  assert_string_equal(b.data, "");
  ng_buf_free(&b);
  ng_buf_free(&b); /* a freed buffer is re-initialised: freeing again is safe */
}

static void *
failing_malloc(size_t n)
{
  (void)n;
  return NULL;
}

static void *
failing_realloc(void *p, size_t n)
{
  (void)p;
  (void)n;
  return NULL;
}

static void
test_buf_failure(void **state)
{
  (void)state;
  NgBuf b;
  ng_buf_init(&b);
  ng_buf_puts(&b, "ok");
  assert_false(b.failed);
  NgAllocator bad = {failing_malloc, failing_realloc, free};
  ng_set_allocator(&bad);
  char big[4096];
  memset(big, 'x', sizeof big);
  ng_buf_append(&b, big, sizeof big);
  ng_buf_printf(&b, "%s", "more");
  ng_set_allocator(NULL);
  assert_true(b.failed);
  /* Later appends are no-ops even with a working allocator. */
  size_t len = b.len;
  ng_buf_puts(&b, "y");
  assert_true(b.failed);
  assert_int_equal(b.len, len);
  ng_buf_free(&b);

  /* Fresh buffer under a failing allocator. */
  NgBuf c;
  ng_buf_init(&c);
  ng_set_allocator(&bad);
  ng_buf_puts(&c, "Marrakech");
  ng_set_allocator(NULL);
  assert_true(c.failed);
  ng_buf_free(&c);

  /* Arena creation fails cleanly too. */
  ng_set_allocator(&bad);
  NgArena *a = ng_arena_new(0);
  char *d = ng_strdup("x");
  ng_set_allocator(NULL);
  assert_null(a);
  assert_null(d);
}

/* ---- UTF-8 ---- */

static void
test_utf8_valid(void **state)
{
  (void)state;
  const char *ok = "a\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80z"; /* a é ’ 😀 z */
  assert_int_equal(ng_utf8_valid_prefix(ok, strlen(ok)), strlen(ok));
  assert_int_equal(ng_utf8_count(ok, strlen(ok)), 5);
  assert_int_equal(ng_utf8_valid_prefix("", 0), 0);

  /* overlong '/' */
  assert_int_equal(ng_utf8_valid_prefix("ab\xC0\xAF", 4), 2);
  /* overlong 3-byte */
  assert_int_equal(ng_utf8_valid_prefix("\xE0\x80\xAF", 3), 0);
  /* surrogate U+D800 */
  assert_int_equal(ng_utf8_valid_prefix("x\xED\xA0\x80y", 5), 1);
  /* truncated sequences */
  assert_int_equal(ng_utf8_valid_prefix("ab\xC3", 3), 2);
  assert_int_equal(ng_utf8_valid_prefix("ab\xE2\x80", 4), 2);
  assert_int_equal(ng_utf8_valid_prefix("\xF0\x9F\x98", 3), 0);
  /* bad continuation */
  assert_int_equal(ng_utf8_valid_prefix("a\xC3(", 3), 1);
  /* lone continuation byte */
  assert_int_equal(ng_utf8_valid_prefix("a\x80", 2), 1);
  /* above U+10FFFF */
  assert_int_equal(ng_utf8_valid_prefix("q\xF4\x90\x80\x80", 5), 1);
  assert_int_equal(ng_utf8_valid_prefix("\xF5\x80\x80\x80", 4), 0);
  /* U+10FFFF itself is fine */
  assert_int_equal(ng_utf8_valid_prefix("\xF4\x8F\xBF\xBF", 4), 4);
}

static void
test_utf8_roundtrip(void **state)
{
  (void)state;
  const uint32_t cps[] = {0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x2019,
                          0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
  const size_t lens[] = {1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4};
  for (size_t i = 0; i < NG_COUNTOF(cps); i++) {
    char out[4];
    size_t n = ng_utf8_encode(cps[i], out);
    assert_int_equal(n, lens[i]);
    assert_int_equal(ng_utf8_valid_prefix(out, n), n);
    size_t len = 0;
    assert_int_equal(ng_utf8_decode(out, n, &len), cps[i]);
    assert_int_equal(len, n);
  }
  size_t len = 0;
  assert_int_equal(ng_utf8_decode("\xC3\xA9t\xC3\xA9", 5, &len), 0xE9);
  assert_int_equal(len, 2);
  const char *s = "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"; /* Москва */
  assert_int_equal(ng_utf8_count(s, strlen(s)), 6);
}

/* ---- folding and NFC ---- */

static void
check_fold(const char *in, const char *want)
{
  NgBuf b;
  ng_buf_init(&b);
  ng_fold(in, strlen(in), &b);
  assert_false(b.failed);
  assert_int_equal(b.len, strlen(want));
  /* An untouched buffer may still have no storage. */
  assert_string_equal(b.data ? b.data : "", want);
  ng_buf_free(&b);
}

static void
test_fold(void **state)
{
  (void)state;
  check_fold("\xC3\x89mirats", "emirats");                 /* Émirats */
  check_fold("\xC5\x92uvre", "oeuvre");                    /* Œuvre */
  check_fold("d\xE2\x80\x99Interpol", "d'interpol");       /* d’Interpol */
  check_fold("Stra\xC3\x9F" "e", "strasse");               /* Straße */
  check_fold("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90",
             "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"); /* МОСКВА */
  check_fold("Ch\xC3\xA2teau-Thierry", "chateau-thierry");
  check_fold("Na\xC3\xAFve \xC3\x87" "A", "naive ca");
  check_fold("Nord\xE2\x80\x93Sud", "nord-sud"); /* en dash */
  check_fold("", "");
  /* Words broken at a line end, and soft hyphens, fold whole. */
  check_fold("gouver-\nnement", "gouvernement");
  check_fold("Mich\xC2\xAC \r\n igan", "michigan"); /* Mich¬ */
  check_fold("Fri\xC2\xAD" "bourg", "fribourg"); /* soft hyphen */
  /* OCR's not-sign, its line break turned into a space: one word too; a
   * hyphen before a space is no break. */
  check_fold("Allema\xC2\xAC gne", "allemagne");
  check_fold("porte- parole", "porte- parole");
  check_fold("Saint-\n\xC3\x89tienne", "saint-etienne"); /* a compound */
  check_fold("New\xC2\xAC York", "new-york");
  check_fold("mai-\nLe", "mai-\nle"); /* a dash after a word in lower case */
  check_fold("a -\nb", "a -\nb");          /* a dash, not a hyphen */
  check_fold("porte-\n\nparole", "porte-\n\nparole"); /* a blank line */
  /* Appends rather than replaces. */
  NgBuf b;
  ng_buf_init(&b);
  ng_buf_puts(&b, "x:");
  ng_fold("AB", 2, &b);
  assert_string_equal(b.data, "x:ab");
  ng_buf_free(&b);
}

static void
check_clean_name(const char *in, const char *want)
{
  NgBuf b;
  ng_buf_init(&b);
  ng_clean_name(in, strlen(in), &b);
  assert_false(b.failed);
  assert_string_equal(b.data ? b.data : "", want);
  ng_buf_free(&b);
}

static void
test_clean_name(void **state)
{
  (void)state;
  check_clean_name("Jackson\ncounty", "Jackson county");
  check_clean_name("Lin-\nneus", "Linneus");
  check_clean_name("the Uni\xC2\xAC\nted  States", "the United States");
  check_clean_name("Saint-\n\xC3\x89tienne", "Saint-\xC3\x89tienne");
  check_clean_name("New\xC2\xAC York", "New-York");
  check_clean_name("le 3 mai\xC2\xAC Le", "le 3 mai\xC2\xAC Le");
  check_clean_name("Paris -\nLyon", "Paris - Lyon");
  check_clean_name("  a\t\tb ", "a b");
  check_clean_name("", "");
}

static void
test_named_value(void **state)
{
  (void)state;
  static const NgNamedValue t[] = {{"turtle", 1}, {"nt", 2}};
  int v = 0;
  assert_true(ng_ascii_case_eq("TurTLE", "turtle"));
  assert_false(ng_ascii_case_eq("turtles", "turtle"));
  assert_false(ng_ascii_case_eq("", "nt"));
  assert_int_equal(ng_named_value(t, NG_COUNTOF(t), "NT", &v), NG_SUCCESS);
  assert_int_equal(v, 2);
  assert_int_equal(ng_named_value(t, NG_COUNTOF(t), "n3", &v), NG_ERR_ARG);
  assert_int_equal(ng_named_value(t, NG_COUNTOF(t), NULL, &v), NG_ERR_ARG);
  assert_int_equal(v, 2);
}

static void
test_nfc(void **state)
{
  (void)state;
  NgBuf b;
  ng_buf_init(&b);
  const char *in = "Fe\xCC\x81vrier a\xCC\x80 Montre\xCC\x81" "al";
  ng_nfc(in, strlen(in), &b);
  assert_string_equal(b.data, "F\xC3\xA9vrier \xC3\xA0 Montr\xC3\xA9" "al");
  ng_buf_clear(&b);
  ng_nfc("e\xCC\x81", 3, &b);
  assert_string_equal(b.data, "\xC3\xA9");
  ng_buf_clear(&b);
  /* Already composed text is unchanged. */
  ng_nfc("\xC3\xA9t\xC3\xA9", 5, &b);
  assert_string_equal(b.data, "\xC3\xA9t\xC3\xA9");
  ng_buf_free(&b);
}

/* ---- hashing ---- */

static void
test_hash64(void **state)
{
  (void)state;
  assert_true(ng_hash64("abc", 3, 0) == UINT64_C(0xe71fa2190541574b));
  assert_true(ng_hash64("", 0, 0) == UINT64_C(0xcbf29ce484222325));
  assert_true(ng_hash64("a", 1, 0) == UINT64_C(0xaf63dc4c8601ec8c));
  assert_true(ng_hash64("abc", 3, 1) != ng_hash64("abc", 3, 0));
  assert_true(ng_hash64("abd", 3, 0) != ng_hash64("abc", 3, 0));
}

/* ---- decimals ---- */

static void
check_decimals(void)
{
  char buf[32];
  assert_string_equal(ng_format_decimal(0.85, buf, sizeof buf), "0.85");
  assert_string_equal(ng_format_decimal(1, buf, sizeof buf), "1.0");
  assert_string_equal(ng_format_decimal(0.7649, buf, sizeof buf), "0.765");
  assert_string_equal(ng_format_decimal(0.5, buf, sizeof buf), "0.5");
  assert_string_equal(ng_format_decimal(0, buf, sizeof buf), "0.0");
  assert_string_equal(ng_format_decimal(12.25, buf, sizeof buf), "12.25");
  assert_string_equal(ng_format_decimal(-0.3, buf, sizeof buf), "-0.3");
}

static void
test_format_decimal(void **state)
{
  (void)state;
  check_decimals();
  const char *locs[] = {"fr_FR.UTF-8", "fr_FR.utf8", "de_DE.UTF-8"};
  for (size_t i = 0; i < NG_COUNTOF(locs); i++) {
    if (setlocale(LC_NUMERIC, locs[i])) {
      check_decimals();
      setlocale(LC_NUMERIC, "C");
    }
  }
}

/* ---- status strings ---- */

static void
test_strerror(void **state)
{
  (void)state;
  const NgStatus all[] = {NG_SUCCESS,      NG_FAILURE,    NG_ERR_NOMEM,
                          NG_ERR_IO,       NG_ERR_ENCODING, NG_ERR_SYNTAX,
                          NG_ERR_LIMIT,    NG_ERR_ARG,    NG_ERR_RDF,
                          NG_ERR_NETWORK,  NG_ERR_DATA};
  for (size_t i = 0; i < NG_COUNTOF(all); i++) {
    const char *s = ng_strerror(all[i]);
    assert_non_null(s);
    assert_true(strlen(s) > 0);
    for (size_t j = 0; j < i; j++) {
      assert_string_not_equal(s, ng_strerror(all[j]));
    }
  }
}

/* ---- data files ---- */

static void
test_data_find(void **state)
{
  (void)state;
  const char *tmp = getenv("TMPDIR");
  if (!tmp || !*tmp) {
    tmp = ".";
  }
  char d1[200], d2[200];
  snprintf(d1, sizeof d1, "%s/ngtestXXXXXX", tmp);
  snprintf(d2, sizeof d2, "%s/ngtestXXXXXX", tmp);
  assert_non_null(mkdtemp(d1));
  assert_non_null(mkdtemp(d2));
  char p1[256], p2[256], p3[256];
  snprintf(p1, sizeof p1, "%s/only-two.tsv", d2);
  snprintf(p2, sizeof p2, "%s/both.tsv", d1);
  snprintf(p3, sizeof p3, "%s/both.tsv", d2);
  const char *paths[] = {p1, p2, p3};
  for (size_t i = 0; i < 3; i++) {
    FILE *f = fopen(paths[i], "w");
    assert_non_null(f);
    fputs("# test\nk\tv\n", f);
    fclose(f);
  }
  char list[600];
  snprintf(list, sizeof list, "/nonexistent-ng-dir:%s::%s", d1, d2);

  char *r = ng_data_find(list, "only-two.tsv");
  assert_non_null(r);
  assert_string_equal(r, p1);
  ng_free(r);
  r = ng_data_find(list, "both.tsv"); /* first directory wins */
  assert_non_null(r);
  assert_string_equal(r, p2);
  ng_free(r);
  r = ng_data_find(list, "missing-ng-file.tsv");
  assert_null(r);

  char *text = NULL;
  size_t len = 0;
  assert_int_equal(ng_read_file(p2, &text, &len), NG_SUCCESS);
  assert_int_equal(len, 11);
  assert_string_equal(text, "# test\nk\tv\n");
  ng_free(text);
  text = NULL;
  assert_int_not_equal(ng_read_file("/nonexistent-ng-dir/x", &text, &len),
                       NG_SUCCESS);

  for (size_t i = 0; i < 3; i++) {
    unlink(paths[i]);
  }
  rmdir(d1);
  rmdir(d2);
}

/* The shared string map: absent keys, updates, growth past many keys. */
static void
test_strmap(void **state)
{
  (void)state;
  NgStrMap m = {0};
  assert_int_equal(ng_strmap_get(&m, "absent"), -1);
  static char keys[1000][8];
  for (int i = 0; i < 1000; i++) {
    snprintf(keys[i], sizeof keys[i], "k%d", i);
    assert_int_equal(ng_strmap_put(&m, keys[i], i), NG_SUCCESS);
  }
  assert_int_equal(m.count, 1000);
  for (int i = 0; i < 1000; i++) {
    assert_int_equal(ng_strmap_get(&m, keys[i]), i);
  }
  assert_int_equal(ng_strmap_put(&m, "k7", 70), NG_SUCCESS);
  assert_int_equal(ng_strmap_get(&m, "k7"), 70);
  assert_int_equal(m.count, 1000);
  assert_int_equal(ng_strmap_get(&m, "k1000"), -1);
  ng_strmap_free(&m);
  assert_int_equal(ng_strmap_get(&m, "k1"), -1);
  ng_strmap_free(NULL);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_arena_alignment),
      cmocka_unit_test(test_arena_strings),
      cmocka_unit_test(test_arena_reset_and_big),
      cmocka_unit_test(test_buf_basic),
      cmocka_unit_test(test_buf_failure),
      cmocka_unit_test(test_utf8_valid),
      cmocka_unit_test(test_utf8_roundtrip),
      cmocka_unit_test(test_fold),
      cmocka_unit_test(test_clean_name),
      cmocka_unit_test(test_named_value),
      cmocka_unit_test(test_nfc),
      cmocka_unit_test(test_hash64),
      cmocka_unit_test(test_format_decimal),
      cmocka_unit_test(test_strerror),
      cmocka_unit_test(test_data_find),
      cmocka_unit_test(test_strmap),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
