/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * gazetteer build: the fixtures under tests/fixtures/wikidata are a JSON
 * dump and a truthy N-Triples dump of the same fictional items, in the
 * dumps' exact formats; the compressed variants are made here, with zlib
 * and libbz2, from the plain files.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <bzlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "emit.h"
#include "gazetteer_build.h"

typedef struct {
  size_t n_warn, n_err;
  unsigned lines[32];
  char last_err[256];
} Captured;

static void
capture(void *handle, const NgDiag *d)
{
  Captured *c = handle;
  if (d->level == NG_LOG_ERROR) {
    c->n_err++;
    snprintf(c->last_err, sizeof c->last_err, "%s", d->message);
  } else if (d->level == NG_LOG_WARNING && d->line) {
    if (c->n_warn < NG_COUNTOF(c->lines)) {
      c->lines[c->n_warn] = d->line;
    }
    c->n_warn++;
  }
}

static char *
src_path(const char *rel)
{
  const char *root = getenv("NG_SRCDIR");
  NgBuf b;
  ng_buf_init(&b);
  ng_buf_printf(&b, "%s/%s", root && *root ? root : ".", rel);
  return ng_buf_take(&b);
}

static void
temp_name(char *buf, size_t size, const char *tag)
{
  snprintf(buf, size, "test_gazbuild.%s.XXXXXX", tag);
  int fd = mkstemp(buf);
  assert_true(fd >= 0);
  close(fd);
}

static NgLexicon *lex;
static NgGazClasses *classes;
static char *json_path, *nt_path;

static int
setup(void **state)
{
  NG_UNUSED(state);
  lex = ng_lexicon_new();
  static const char *const langs[] = {"fr", "en"};
  for (size_t i = 0; lex && i < NG_COUNTOF(langs); i++) {
    NgBuf rel;
    ng_buf_init(&rel);
    ng_buf_printf(&rel, "ontology/lexicon/%s.tsv", langs[i]);
    char *p = src_path(rel.data);
    if (ng_lexicon_load(lex, p, langs[i], NULL) != NG_SUCCESS) {
      ng_lexicon_free(lex);
      lex = NULL;
    }
    ng_free(p);
    ng_buf_free(&rel);
  }
  classes = ng_gaz_classes_new();
  char *cpath = src_path("ontology/gazetteer/build-classes.tsv");
  NgStatus st = ng_gaz_classes_load(classes, cpath, NULL);
  ng_free(cpath);
  json_path = src_path("tests/fixtures/wikidata/entities.json");
  nt_path = src_path("tests/fixtures/wikidata/truthy.nt");
  return lex && classes && st == NG_SUCCESS ? 0 : -1;
}

static int
teardown(void **state)
{
  NG_UNUSED(state);
  ng_lexicon_free(lex);
  ng_gaz_classes_free(classes);
  ng_free(json_path);
  ng_free(nt_path);
  return 0;
}

/* One build: the dump at @p path into a compiled file, mapped back. */
typedef struct {
  NgGazetteer *g;
  NgGazBuildStats stats;
  Captured cap;
  NgStatus st;
} Built;

static Built
build(const char *path, NgDumpFormat fmt, const char *const *langs,
      size_t n_langs, const NgGazClasses *cls, FILE *tsv)
{
  Built r;
  memset(&r, 0, sizeof r);
  NgLog log = {capture, &r.cap};
  NgGazBuilder *b = ng_gaz_builder_new(lex);
  assert_non_null(b);
  NgGazBuildOptions o = {fmt, langs, n_langs, cls ? cls : classes, 0, tsv};
  r.st = ng_gaz_build_from_dump(b, path, &o, &r.stats, &log);
  if (r.st == NG_SUCCESS) {
    char out[64];
    temp_name(out, sizeof out, "ngz");
    assert_int_equal(ng_gaz_builder_write(b, out), NG_SUCCESS);
    NgStatus st;
    r.g = ng_gazetteer_open(out, &st);
    assert_non_null(r.g);
    remove(out);
  }
  ng_gaz_builder_free(b);
  return r;
}

static const char *const FR_EN[] = {"fr", "en"};

static NgGazEntry
entry(const NgGazetteer *g, const char *qid)
{
  int32_t i = ng_gazetteer_find_qid(g, qid);
  assert_true(i >= 0);
  return ng_gazetteer_entry(g, (uint32_t)i);
}

/* The QIDs matched at the token where @p at starts in @p text, joined by
 * spaces into @p out, and the language of the first hit. */
static const char *
match(const NgGazetteer *g, const char *text, const char *at, char *out,
      size_t size, const char **lang)
{
  NgArena *arena = ng_arena_new(0);
  assert_non_null(arena);
  NgToken *toks = NULL;
  size_t n = 0;
  assert_int_equal(ng_tokenize(text, strlen(text), lex, arena, &toks, &n),
                   NG_SUCCESS);
  const char *p = strstr(text, at);
  assert_non_null(p);
  size_t t = 0;
  while (t < n && toks[t].b0 != (uint32_t)(p - text)) {
    t++;
  }
  assert_true(t < n);
  NgGazMatch m[8];
  size_t k = ng_gazetteer_match_at(g, text, toks, n, t, m, 8);
  out[0] = '\0';
  for (size_t i = 0; i < k; i++) {
    size_t len = strlen(out);
    snprintf(out + len, size - len, "%s%s", i ? " " : "",
             ng_gazetteer_entry(g, m[i].entry).qid);
  }
  if (lang) {
    *lang = k ? m[0].lang : "";
  }
  ng_arena_free(arena);
  return out;
}

/* What both dumps hold: the same items, types, countries and labels. */
static void
check_items(const NgGazetteer *g)
{
  assert_int_equal(ng_gazetteer_size(g), 10);
  NgGazEntry e = entry(g, "Q990001");
  assert_int_equal(e.type, NG_ENT_CITY);
  assert_string_equal(e.country, "Q990010");
  assert_string_equal(e.label_fr, "Valmorande");
  assert_int_equal(e.prior, 3); /* three sitelinks */
  e = entry(g, "Q990010");
  assert_int_equal(e.type, NG_ENT_COUNTRY);
  assert_string_equal(e.label_fr, "Ostrélie");
  assert_string_equal(e.label_en, "Ostrelia");
  assert_int_equal(e.prior, 12);
  /* P27 stands in for a person's country. */
  assert_string_equal(entry(g, "Q990020").country, "Q990010");
  /* The year of birth (P569) and of inception (P571), not from a
   * deprecated statement nor one known to the century only. */
  assert_int_equal(entry(g, "Q990020").since, 1975);
  assert_int_equal(entry(g, "Q990010").since, 1848);
  assert_int_equal(entry(g, "Q990001").since, 0);
  assert_int_equal(entry(g, "Q990030").type, NG_ENT_GOV_AGENCY);
  assert_int_equal(entry(g, "Q990040").type, NG_ENT_INTL_ORG);
  assert_int_equal(entry(g, "Q990050").type, NG_ENT_NEWS_AGENCY);
  /* Instance of both organization and government agency: the class
   * listed first in the table wins. */
  assert_int_equal(entry(g, "Q990080").type, NG_ENT_GOV_AGENCY);
  /* The class filter: a class not listed, a deprecated P31, a "some
   * value" P31, an item with no French or English label. */
  assert_int_equal(ng_gazetteer_find_qid(g, "Q990060"), -1);
  assert_int_equal(ng_gazetteer_find_qid(g, "Q990061"), -1);
  assert_int_equal(ng_gazetteer_find_qid(g, "Q990062"), -1);
  assert_int_equal(ng_gazetteer_find_qid(g, "Q990070"), -1);
  assert_int_equal(ng_gazetteer_find_qid(g, "Q990090"), -1);

  char buf[128];
  const char *lang = NULL;
  assert_string_equal(match(g, "Les autorités d'Ostrélie ont démenti.",
                            "Ostrélie", buf, sizeof buf, &lang),
                      "Q990010");
  assert_string_equal(lang, "fr");
  assert_string_equal(match(g, "Officials in Ostrelia denied it.", "Ostrelia",
                            buf, sizeof buf, &lang),
                      "Q990010");
  assert_string_equal(lang, "en");
  /* Accent-insensitive, and an alias. */
  assert_string_equal(match(g, "La Republique d'Ostrelie a voté.",
                            "Republique", buf, sizeof buf, NULL),
                      "Q990010");
  /* Longest match: the agency's full name, not a shorter label. */
  assert_string_equal(
      match(g, "Selon la Direction générale de la veille ostrélienne, rien.",
            "Direction", buf, sizeof buf, NULL),
      "Q990030");
  /* An acronym matches in its own case only. */
  assert_string_equal(match(g, "La DGVO a confirmé.", "DGVO", buf,
                            sizeof buf, NULL),
                      "Q990030");
  assert_string_equal(match(g, "La dgvo a confirmé.", "dgvo", buf,
                            sizeof buf, NULL),
                      "");
  /* Two cities named "Lune": both match (in QID order); the prior, the
   * sitelink count, ranks them. */
  assert_string_equal(match(g, "Il est né à Lune en 1970.", "Lune", buf,
                            sizeof buf, NULL),
                      "Q990003 Q990004");
  assert_true(entry(g, "Q990003").prior > entry(g, "Q990004").prior);
}

static void
test_json(void **state)
{
  NG_UNUSED(state);
  Built r = build(json_path, NG_DUMP_AUTO, FR_EN, 2, NULL, NULL);
  assert_int_equal(r.st, NG_SUCCESS);
  assert_int_equal(r.stats.format, NG_DUMP_JSON);
  assert_int_equal(r.stats.compression, NG_DUMP_PLAIN);
  assert_int_equal(r.stats.kept, 10);
  /* The line cut short (5) and the string that is not an entity (12). */
  assert_int_equal(r.stats.bad, 2);
  assert_int_equal(r.cap.n_warn, 2);
  assert_int_equal(r.cap.lines[0], 5);
  assert_int_equal(r.cap.lines[1], 12);
  check_items(r.g);
  assert_int_equal(entry(r.g, "Q990003").prior, 10);
  ng_gazetteer_free(r.g);
}

static void
test_ntriples(void **state)
{
  NG_UNUSED(state);
  Built r = build(nt_path, NG_DUMP_AUTO, FR_EN, 2, NULL, NULL);
  assert_int_equal(r.st, NG_SUCCESS);
  assert_int_equal(r.stats.format, NG_DUMP_NTRIPLES);
  assert_int_equal(r.stats.kept, 10);
  /* The unterminated literal of line 40 costs that line only: the items
   * after it are read. */
  assert_int_equal(r.stats.bad, 1);
  assert_int_equal(r.cap.n_warn, 1);
  assert_int_equal(r.cap.lines[0], 40);
  check_items(r.g);
  /* Sitelinks of Q990003 after other items' blocks still count. */
  assert_int_equal(entry(r.g, "Q990003").prior, 10);
  ng_gazetteer_free(r.g);
}

/* Write @p src compressed to a new temporary file, as @p members gzip
 * members or bzip2 streams (parallel compressors write several). */
static void
compress_file(const char *src, char *out, size_t size, bool bz, int members)
{
  char *data = NULL;
  size_t len = 0;
  assert_int_equal(ng_read_file(src, &data, &len), NG_SUCCESS);
  temp_name(out, size, bz ? "bz2" : "gz");
  FILE *f = fopen(out, "wb");
  assert_non_null(f);
  size_t per = len / (size_t)members + 1;
  for (size_t at = 0; at < len; at += per) {
    size_t n = at + per > len ? len - at : per;
    if (bz) {
      int err;
      BZFILE *z = BZ2_bzWriteOpen(&err, f, 9, 0, 0);
      assert_int_equal(err, BZ_OK);
      BZ2_bzWrite(&err, z, data + at, (int)n);
      assert_int_equal(err, BZ_OK);
      BZ2_bzWriteClose(&err, z, 0, NULL, NULL);
      assert_int_equal(err, BZ_OK);
    } else {
      /* A gzip member: deflate with a gzip header. */
      z_stream zs;
      memset(&zs, 0, sizeof zs);
      assert_int_equal(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8,
                                    Z_DEFAULT_STRATEGY),
                       Z_OK);
      unsigned char buf[4096];
      zs.next_in = (Bytef *)data + at;
      zs.avail_in = (uInt)n;
      int rc;
      do {
        zs.next_out = buf;
        zs.avail_out = sizeof buf;
        rc = deflate(&zs, Z_FINISH);
        fwrite(buf, 1, sizeof buf - zs.avail_out, f);
      } while (rc == Z_OK);
      assert_int_equal(rc, Z_STREAM_END);
      deflateEnd(&zs);
    }
  }
  assert_int_equal(fclose(f), 0);
  ng_free(data);
}

static void
test_compressed(void **state)
{
  NG_UNUSED(state);
  static const struct {
    bool bz;
    int members;
    NgDumpCompression comp;
  } cases[] = {{false, 1, NG_DUMP_GZIP},
               {false, 3, NG_DUMP_GZIP},
               {true, 1, NG_DUMP_BZIP2},
               {true, 2, NG_DUMP_BZIP2}};
  const char *dumps[] = {json_path, nt_path};
  for (size_t d = 0; d < 2; d++) {
    for (size_t i = 0; i < NG_COUNTOF(cases); i++) {
      char path[64];
      compress_file(dumps[d], path, sizeof path, cases[i].bz,
                    cases[i].members);
      Built r = build(path, NG_DUMP_AUTO, FR_EN, 2, NULL, NULL);
      remove(path);
      assert_int_equal(r.st, NG_SUCCESS);
      assert_int_equal(r.stats.compression, cases[i].comp);
      assert_int_equal(r.stats.format, d ? NG_DUMP_NTRIPLES : NG_DUMP_JSON);
      check_items(r.g);
      ng_gazetteer_free(r.g);
    }
  }
}

/* A download cut short is an error that says so, not a smaller
 * gazetteer. */
static void
test_truncated(void **state)
{
  NG_UNUSED(state);
  for (int bz = 0; bz < 2; bz++) {
    char path[64];
    compress_file(json_path, path, sizeof path, bz, 1);
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(ng_read_file(path, &data, &len), NG_SUCCESS);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(data, 1, len * 2 / 3, f);
    fclose(f);
    ng_free(data);
    Built r = build(path, NG_DUMP_AUTO, FR_EN, 2, NULL, NULL);
    remove(path);
    assert_int_equal(r.st, NG_ERR_DATA);
    assert_non_null(strstr(r.cap.last_err, "truncated"));
    assert_non_null(strstr(r.cap.last_err, bz ? "bzip2" : "gzip"));
  }
}

/* Languages: with English only, the French labels are not in the
 * gazetteer. */
static void
test_languages(void **state)
{
  NG_UNUSED(state);
  static const char *const en[] = {"en"};
  Built r = build(json_path, NG_DUMP_JSON, en, 1, NULL, NULL);
  assert_int_equal(r.st, NG_SUCCESS);
  char buf[64];
  const char *lang;
  assert_string_equal(match(r.g, "Officials in Ostrelia denied it.",
                            "Ostrelia", buf, sizeof buf, &lang),
                      "Q990010");
  assert_string_equal(lang, "en");
  assert_string_equal(match(r.g, "Les autorités d'Ostrélie ont démenti.",
                            "Ostrélie", buf, sizeof buf, NULL),
                      "");
  assert_string_equal(entry(r.g, "Q990010").label_fr, "");
  ng_gazetteer_free(r.g);
}

/* --class: a class given on the command line, ranked before the table. */
static void
test_class_arg(void **state)
{
  NG_UNUSED(state);
  NgGazClasses *c = ng_gaz_classes_new();
  assert_int_equal(ng_gaz_classes_add_arg(c, "Q990900=Place"), NG_SUCCESS);
  assert_int_equal(ng_gaz_classes_add_arg(c, "Q43229=Organization"),
                   NG_SUCCESS);
  assert_int_equal(ng_gaz_classes_add_arg(c, "Q990900"), NG_ERR_ARG);
  assert_int_equal(ng_gaz_classes_add_arg(c, "Q1=Planet"), NG_ERR_ARG);
  assert_int_equal(ng_gaz_classes_add_arg(c, "X1=Place"), NG_ERR_ARG);
  assert_int_equal(ng_gaz_classes_type(c, "Q990900"), NG_ENT_PLACE);
  Built r = build(nt_path, NG_DUMP_NTRIPLES, FR_EN, 2, c, NULL);
  assert_int_equal(r.st, NG_SUCCESS);
  assert_int_equal(ng_gazetteer_size(r.g), 2);
  assert_int_equal(entry(r.g, "Q990060").type, NG_ENT_PLACE);
  /* Organization ranks first now. */
  assert_int_equal(entry(r.g, "Q990080").type, NG_ENT_ORGANIZATION);
  ng_gazetteer_free(r.g);
  ng_gaz_classes_free(c);
}

/* --tsv writes a table that `gazetteer compile` reads back into the same
 * gazetteer. */
static void
test_tsv_roundtrip(void **state)
{
  NG_UNUSED(state);
  char tsv[64];
  temp_name(tsv, sizeof tsv, "tsv");
  FILE *f = fopen(tsv, "w");
  assert_non_null(f);
  Built r = build(json_path, NG_DUMP_JSON, FR_EN, 2, NULL, f);
  assert_int_equal(fclose(f), 0);
  assert_int_equal(r.st, NG_SUCCESS);
  char out[64];
  temp_name(out, sizeof out, "ngz");
  const char *paths[] = {tsv};
  assert_int_equal(ng_gaz_compile(out, paths, 1, lex, NULL), NG_SUCCESS);
  NgStatus st;
  NgGazetteer *g = ng_gazetteer_open(out, &st);
  assert_non_null(g);
  check_items(g);
  for (uint32_t i = 0; i < ng_gazetteer_size(g); i++) {
    NgGazEntry a = ng_gazetteer_entry(g, i);
    NgGazEntry b = entry(r.g, a.qid);
    assert_int_equal(a.type, b.type);
    assert_int_equal(a.prior, b.prior);
    assert_int_equal(a.since, b.since);
    assert_string_equal(a.country, b.country);
  }
  ng_gazetteer_free(g);
  ng_gazetteer_free(r.g);
  remove(out);
  remove(tsv);
}

/* One entity per line without the array (NDJSON) reads the same. */
static void
test_ndjson(void **state)
{
  NG_UNUSED(state);
  char *data = NULL;
  size_t len = 0;
  assert_int_equal(ng_read_file(json_path, &data, &len), NG_SUCCESS);
  char path[64];
  temp_name(path, sizeof path, "ndjson");
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  /* Drop the "[" and "]" lines and the trailing commas. */
  for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
    size_t n = strlen(line);
    if (n && line[n - 1] == ',') {
      line[--n] = '\0';
    }
    if (strcmp(line, "[") != 0 && strcmp(line, "]") != 0) {
      fprintf(f, "%s\n", line);
    }
  }
  fclose(f);
  ng_free(data);
  Built r = build(path, NG_DUMP_AUTO, FR_EN, 2, NULL, NULL);
  remove(path);
  assert_int_equal(r.st, NG_SUCCESS);
  assert_int_equal(r.stats.format, NG_DUMP_JSON);
  assert_int_equal(r.stats.bad, 2);
  check_items(r.g);
  ng_gazetteer_free(r.g);
}

/* A file that is not a JSON dump, read as one, is an error. */
static void
test_not_a_dump(void **state)
{
  NG_UNUSED(state);
  Built r = build(nt_path, NG_DUMP_JSON, FR_EN, 2, NULL, NULL);
  assert_int_equal(r.st, NG_ERR_DATA);
  assert_null(r.g);
  char empty[64];
  temp_name(empty, sizeof empty, "empty");
  r = build(empty, NG_DUMP_JSON, FR_EN, 2, NULL, NULL);
  assert_int_equal(r.st, NG_ERR_DATA);
  r = build("no/such/dump.json.gz", NG_DUMP_AUTO, FR_EN, 2, NULL, NULL);
  assert_int_equal(r.st, NG_ERR_IO);
  remove(empty);
}

/* The reader alone: lines across buffer refills, a last line without
 * '\n', and stdin-free use of the API. */
static void
test_reader_lines(void **state)
{
  NG_UNUSED(state);
  char path[64];
  temp_name(path, sizeof path, "lines");
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  /* One line longer than the reader's buffer. */
  for (int i = 0; i < 300000; i++) {
    fputc('a' + i % 26, f);
  }
  fputs("\nshort\nlast", f);
  fclose(f);
  NgStatus st;
  NgDumpReader *r = ng_dump_reader_open(path, &st);
  assert_non_null(r);
  NgBuf line;
  ng_buf_init(&line);
  assert_int_equal(ng_dump_reader_getline(r, &line), NG_SUCCESS);
  assert_int_equal(line.len, 300000);
  assert_int_equal(ng_dump_reader_getline(r, &line), NG_SUCCESS);
  assert_string_equal(line.data, "short");
  assert_int_equal(ng_dump_reader_getline(r, &line), NG_SUCCESS);
  assert_string_equal(line.data, "last");
  assert_int_equal(ng_dump_reader_getline(r, &line), NG_FAILURE);
  ng_buf_free(&line);
  ng_dump_reader_free(r);
  ng_dump_reader_free(NULL);
  ng_gaz_classes_free(NULL);
  remove(path);
}

/* Label @p i of test_every_label_matches: one to four words, most first
 * words shared by a few labels and not labels themselves, some labels
 * prefixes of others. */
static void
label_name(uint32_t i, NgBuf *name)
{
  static const char *const words[] = {"Ardan", "Bel",   "Corvi", "Dune",
                                      "Esk",   "Forla", "Gavre", "Hob"};
  ng_buf_clear(name);
  uint32_t x = i;
  int nw = i % 10 == 0 ? 1 : 2 + (int)(i % 3);
  ng_buf_printf(name, "%s%u", words[i % 8], (i / 3) % 900);
  for (int w = 1; w < nw; w++) {
    ng_buf_printf(name, " %s%u", words[x % 8], x % 13);
    x /= 3;
  }
}

/* Every label of a gazetteer matches its own text, whatever its first
 * token shares with others (the first-token index: a regression test for
 * index tokens that were lost when many labels were written). */
static void
test_every_label_matches(void **state)
{
  NG_UNUSED(state);
  NgGazBuilder *b = ng_gaz_builder_new(lex);
  assert_non_null(b);
  NgBuf name;
  ng_buf_init(&name);
  enum { N = 3000 };
  for (uint32_t i = 0; i < N; i++) {
    char qid[16];
    snprintf(qid, sizeof qid, "Q%u", 5000000 + i);
    int32_t e = ng_gaz_builder_add_entry(b, qid, NG_ENT_CITY, "", "", "", i);
    assert_true(e >= 0);
    label_name(i, &name);
    assert_int_equal(ng_gaz_builder_add_name(b, e, name.data, "fr"),
                     NG_SUCCESS);
  }
  char out[64];
  temp_name(out, sizeof out, "every");
  assert_int_equal(ng_gaz_builder_write(b, out), NG_SUCCESS);
  ng_gaz_builder_free(b);
  NgStatus st;
  NgGazetteer *g = ng_gazetteer_open(out, &st);
  assert_non_null(g);
  remove(out);
  NgArena *arena = ng_arena_new(0);
  size_t found = 0;
  for (uint32_t i = 0; i < N; i++) {
    label_name(i, &name);
    ng_arena_reset(arena);
    NgToken *toks = NULL;
    size_t n = 0;
    assert_int_equal(ng_tokenize(name.data, name.len, lex, arena, &toks, &n),
                     NG_SUCCESS);
    NgGazMatch m[64];
    size_t k = ng_gazetteer_match_at(g, name.data, toks, n, 0, m, 64);
    char qid[16];
    snprintf(qid, sizeof qid, "Q%u", 5000000 + i);
    for (size_t j = 0; j < k; j++) {
      if (m[j].t1 == n &&
          strcmp(ng_gazetteer_entry(g, m[j].entry).qid, qid) == 0) {
        found++;
        break;
      }
    }
  }
  assert_int_equal(found, N);
  ng_arena_free(arena);
  ng_buf_free(&name);
  ng_gazetteer_free(g);
}

/* The streaming N-Triples parse: the same triples and line numbers
 * whatever the size of the pieces it is fed, and a line that would derail
 * raptor's scanner (an unterminated literal, an apostrophe outside any
 * literal) costs that line only. */
static void
count_triple(void *handle, const NgTriple *t)
{
  NG_UNUSED(t);
  (*(size_t *)handle)++;
}

static void
test_rdf_stream(void **state)
{
  NG_UNUSED(state);
  static const char nt[] =
      "<http://a/1> <http://p/l> \"l'Ostr\\u00E9lie \\\"x\\\"\"@fr .\n"
      "# a comment\n"
      "<http://a/2> <http://p/l> \"cut short@fr .\n"
      "<http://a/3> <http://p/l> <http://o/3> .\n"
      "<http://a/4> <http://p/l> it's .\n"
      "<http://a/5> <http://p/l> bad bad .\n"
      "\n"
      "<http://a/6> <http://p/l> \"six\" .\n"
      "<http://a/7> <http://p/l> \"seven\"";
  static const size_t pieces[] = {1, 7, 64, sizeof nt};
  for (size_t k = 0; k < NG_COUNTOF(pieces); k++) {
    Captured cap;
    memset(&cap, 0, sizeof cap);
    NgLog log = {capture, &cap};
    size_t n = 0;
    NgStatus st;
    NgRdfStream *s = ng_rdf_stream_new("ntriples", "t.nt", count_triple, &n,
                                       &log, &st);
    assert_non_null(s);
    size_t len = strlen(nt);
    for (size_t at = 0; at < len; at += pieces[k]) {
      size_t m = at + pieces[k] < len ? pieces[k] : len - at;
      assert_int_equal(ng_rdf_stream_feed(s, nt + at, m, false), NG_SUCCESS);
    }
    assert_int_equal(ng_rdf_stream_feed(s, NULL, 0, true), NG_SUCCESS);
    assert_int_equal(n, 4); /* lines 1, 4, 8 and 9 */
    assert_int_equal(ng_rdf_stream_errors(s), 3);
    assert_int_equal(cap.n_warn, 3);
    assert_int_equal(cap.lines[0], 3);
    assert_int_equal(cap.lines[1], 5);
    assert_int_equal(cap.lines[2], 6);
    ng_rdf_stream_free(s);
  }
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_json),          cmocka_unit_test(test_ntriples),
      cmocka_unit_test(test_compressed),    cmocka_unit_test(test_truncated),
      cmocka_unit_test(test_languages),     cmocka_unit_test(test_class_arg),
      cmocka_unit_test(test_tsv_roundtrip), cmocka_unit_test(test_not_a_dump),
      cmocka_unit_test(test_reader_lines),
      cmocka_unit_test(test_every_label_matches),
      cmocka_unit_test(test_rdf_stream),
      cmocka_unit_test(test_ndjson),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
