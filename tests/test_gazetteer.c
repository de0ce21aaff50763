/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gazetteer.h"

/* ---- shared state: one gazetteer compiled from the shipped tables ---- */

static const char *const TABLES[] = {"countries.tsv", "cities.tsv",
                                     "regions.tsv", "continents.tsv",
                                     "organizations.tsv", "demonyms.tsv"};

typedef struct {
  NgLexicon *lex;
  NgGazetteer *gaz;
  char path[64];
  size_t warnings;
} Fixture;

static Fixture fx;

typedef struct {
  size_t n_warn, n_err;
  unsigned lines[16];
  char last[256];
} Captured;

static void
capture(void *handle, const NgDiag *d)
{
  Captured *c = handle;
  if (d->level == NG_LOG_ERROR) {
    c->n_err++;
  } else if (d->level == NG_LOG_WARNING) {
    if (c->n_warn < NG_COUNTOF(c->lines)) {
      c->lines[c->n_warn] = d->line;
    }
    c->n_warn++;
  }
  snprintf(c->last, sizeof c->last, "%s", d->message);
}

static double
now_ms(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
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

/* A fresh temporary file name in the working directory. */
static void
temp_name(char *buf, size_t size)
{
  snprintf(buf, size, "test_gazetteer.XXXXXX");
  int fd = mkstemp(buf);
  assert_true(fd >= 0);
  close(fd);
}

/* Write the builder's gazetteer to a fresh temporary file named in
 * @p out (the caller removes it), free the builder, and open the file. */
static NgGazetteer *
write_and_open(NgGazBuilder *b, char *out, size_t size)
{
  temp_name(out, size);
  assert_int_equal(ng_gaz_builder_write(b, out), NG_SUCCESS);
  ng_gaz_builder_free(b);
  NgStatus st;
  NgGazetteer *g = ng_gazetteer_open(out, &st);
  assert_non_null(g);
  return g;
}

static NgLexicon *
load_lexicon(void)
{
  NgLexicon *lex = ng_lexicon_new();
  assert_non_null(lex);
  static const char *const langs[] = {"fr", "en"};
  for (size_t i = 0; i < NG_COUNTOF(langs); i++) {
    NgBuf rel;
    ng_buf_init(&rel);
    ng_buf_printf(&rel, "ontology/lexicon/%s.tsv", langs[i]);
    char *p = src_path(rel.data);
    if (access(p, R_OK) == 0) {
      assert_int_equal(ng_lexicon_load(lex, p, langs[i], NULL), NG_SUCCESS);
    }
    ng_free(p);
    ng_buf_free(&rel);
  }
  return lex;
}

static int
setup(void **state)
{
  NG_UNUSED(state);
  fx.lex = load_lexicon();
  char *paths[NG_COUNTOF(TABLES)];
  for (size_t i = 0; i < NG_COUNTOF(TABLES); i++) {
    NgBuf rel;
    ng_buf_init(&rel);
    ng_buf_printf(&rel, "ontology/gazetteer/%s", TABLES[i]);
    paths[i] = src_path(rel.data);
    ng_buf_free(&rel);
  }
  temp_name(fx.path, sizeof fx.path);
  Captured cap;
  memset(&cap, 0, sizeof cap);
  NgLog log = {capture, &cap};
  double t0 = now_ms();
  NgStatus st = ng_gaz_compile(fx.path, (const char *const *)paths,
                               NG_COUNTOF(TABLES), fx.lex, &log);
  double t1 = now_ms();
  for (size_t i = 0; i < NG_COUNTOF(TABLES); i++) {
    ng_free(paths[i]);
  }
  if (st != NG_SUCCESS) {
    print_error("compile failed: %s (%s)\n", ng_strerror(st), cap.last);
    return -1;
  }
  fx.warnings = cap.n_warn;
  fx.gaz = ng_gazetteer_open(fx.path, &st);
  double t2 = now_ms();
  if (!fx.gaz) {
    return -1;
  }
  FILE *f = fopen(fx.path, "rb");
  long size = 0;
  if (f && fseek(f, 0, SEEK_END) == 0) {
    size = ftell(f);
  }
  if (f) {
    fclose(f);
  }
  print_message("gazetteer: %zu entries, %ld bytes, compiled in %.0f ms, "
                "opened in %.2f ms\n",
                ng_gazetteer_size(fx.gaz), size, t1 - t0, t2 - t1);
  return 0;
}

static int
teardown(void **state)
{
  NG_UNUSED(state);
  ng_gazetteer_free(fx.gaz);
  ng_lexicon_free(fx.lex);
  remove(fx.path);
  return 0;
}

/* Matches at the token that starts where @p at first occurs in @p text. */
static size_t
match(const char *text, const char *at, NgGazMatch *out, size_t max)
{
  NgArena *arena = ng_arena_new(0);
  assert_non_null(arena);
  NgToken *toks = NULL;
  size_t n = 0;
  assert_int_equal(ng_tokenize(text, strlen(text), fx.lex, arena, &toks, &n),
                   NG_SUCCESS);
  const char *p = strstr(text, at);
  assert_non_null(p);
  size_t t = 0;
  while (t < n && toks[t].b0 != (uint32_t)(p - text)) {
    t++;
  }
  assert_true(t < n);
  size_t k = ng_gazetteer_match_at(fx.gaz, text, toks, n, t, out, max);
  for (size_t i = 0; i < k; i++) {
    out[i].t1 -= out[i].t0; /* callers below look at lengths */
    out[i].t0 = 0;
  }
  ng_arena_free(arena);
  return k;
}

static const char *
qid_of(const NgGazMatch *m)
{
  return ng_gazetteer_entry(fx.gaz, m->entry).qid;
}

/* Whether some hit of @p len tokens names @p qid with label kind @p kind. */
static bool
has_hit(const NgGazMatch *m, size_t n, const char *qid, uint32_t len,
        NgLabelKind kind)
{
  for (size_t i = 0; i < n; i++) {
    if (strcmp(qid_of(&m[i]), qid) == 0 && m[i].t1 == len &&
        m[i].kind == kind) {
      return true;
    }
  }
  return false;
}

/* The QID of the hit with the highest prior among the longest ones. */
static const char *
best(const NgGazMatch *m, size_t n)
{
  const char *q = NULL;
  uint32_t prior = 0;
  for (size_t i = 0; i < n && m[i].t1 == m[0].t1; i++) {
    NgGazEntry e = ng_gazetteer_entry(fx.gaz, m[i].entry);
    if (!q || e.prior > prior) {
      q = e.qid;
      prior = e.prior;
    }
  }
  return q ? q : "";
}

static void
test_countries(void **state)
{
  NG_UNUSED(state);
  NgGazMatch m[16];
  size_t n = match("Le Maroc et la France.", "Maroc", m, 16);
  assert_true(n >= 1);
  assert_string_equal(qid_of(&m[0]), "Q1028");
  assert_int_equal(m[0].t1, 1);
  assert_int_equal(ng_gazetteer_entry(fx.gaz, m[0].entry).type,
                   NG_ENT_COUNTRY);
  /* The article is not part of the name: nothing for Morocco at "Le". */
  n = match("Le Maroc et la France.", "Le", m, 16);
  assert_false(has_hit(m, n, "Q1028", 2, NG_LABEL_NAME));
  n = match("Morocco hosted it.", "Morocco", m, 16);
  assert_string_equal(best(m, n), "Q1028");
  n = match("the Kingdom of Morocco said", "Kingdom", m, 16);
  assert_true(has_hit(m, n, "Q1028", 3, NG_LABEL_NAME));
  assert_int_equal(m[0].t1, 3);
  n = match("aux Comores, à Djibouti, en Somalie et au Soudan.", "Comores", m,
            16);
  assert_string_equal(best(m, n), "Q970");
  n = match("aux Comores, à Djibouti, en Somalie et au Soudan.", "Djibouti",
            m, 16);
  assert_string_equal(best(m, n), "Q977"); /* the country over its capital */
  n = match("aux Comores, à Djibouti, en Somalie et au Soudan.", "Somalie", m,
            16);
  assert_string_equal(best(m, n), "Q1045");
  n = match("aux Comores, à Djibouti, en Somalie et au Soudan.", "Soudan", m,
            16);
  assert_true(n >= 1);
  assert_string_equal(best(m, n), "Q1049");
  for (size_t i = 0; i < n; i++) {
    assert_string_not_equal(qid_of(&m[i]), "Q958");
  }
  /* Countries' acronyms that are no ISO code (tools/country-names.tsv),
   * in their case only. */
  n = match("the UAE and the DRC", "UAE", m, 16);
  assert_true(has_hit(m, n, "Q878", 1, NG_LABEL_ACRONYM));
  n = match("the UAE and the DRC", "DRC", m, 16);
  assert_true(has_hit(m, n, "Q974", 1, NG_LABEL_ACRONYM));
  n = match("the Drc said", "Drc", m, 16);
  assert_int_equal(n, 0);
}

static void
test_longest_first(void **state)
{
  NG_UNUSED(state);
  NgGazMatch m[16];
  size_t n = match("le Soudan du Sud a voté", "Soudan", m, 16);
  assert_true(n >= 2);
  assert_string_equal(qid_of(&m[0]), "Q958");
  assert_int_equal(m[0].t1, 3);
  assert_true(has_hit(m, n, "Q1049", 1, NG_LABEL_NAME));
  for (size_t i = 1; i < n; i++) {
    assert_true(m[i].t1 <= m[i - 1].t1);
  }
  n = match("Le Niger et le Nigeria.", "Niger", m, 16);
  assert_string_equal(best(m, n), "Q1032");
  n = match("Le Niger et le Nigeria.", "Nigeria", m, 16);
  assert_string_equal(best(m, n), "Q1033");
  n = match("au Nigéria", "Nigéria", m, 16);
  assert_string_equal(best(m, n), "Q1033");
}

static void
test_accents_case_apostrophes(void **state)
{
  NG_UNUSED(state);
  static const char *const uae[] = {
      "aux Émirats arabes unis", "aux Emirats arabes unis",
      "aux ÉMIRATS ARABES UNIS", "aux Émirats Arabes Unis"};
  NgGazMatch m[16];
  for (size_t i = 0; i < NG_COUNTOF(uae); i++) {
    size_t n = match(uae[i], uae[i] + 4, m, 16);
    assert_true(n >= 1);
    assert_string_equal(qid_of(&m[0]), "Q878");
    assert_int_equal(m[0].t1, 3);
  }
  /* A multiword name needs its first word capitalised in the text. */
  size_t n = match("des émirats arabes unis", "émirats", m, 16);
  assert_false(has_hit(m, n, "Q878", 3, NG_LABEL_NAME));

  size_t n1 = match("en Côte d'Ivoire.", "Côte", m, 16);
  assert_true(n1 >= 1);
  uint32_t e1 = m[0].entry, len1 = m[0].t1;
  size_t n2 = match("en Côte d\xe2\x80\x99Ivoire.", "Côte", m, 16);
  assert_true(n2 >= 1);
  assert_string_equal(qid_of(&m[0]), "Q1008");
  assert_int_equal(m[0].entry, e1);
  assert_int_equal(m[0].t1, len1);
  n = match("Ivory Coast", "Ivory", m, 16);
  assert_string_equal(best(m, n), "Q1008");
}

static void
test_demonyms(void **state)
{
  NG_UNUSED(state);
  NgGazMatch m[16];
  size_t n = match("la police marocaine a", "marocaine", m, 16);
  assert_true(has_hit(m, n, "Q1028", 1, NG_LABEL_DEMONYM));
  n = match("Marocains et Algériennes", "Marocains", m, 16);
  assert_true(has_hit(m, n, "Q1028", 1, NG_LABEL_DEMONYM));
  n = match("Marocains et Algériennes", "Algériennes", m, 16);
  assert_true(has_hit(m, n, "Q262", 1, NG_LABEL_DEMONYM));
  n = match("the Moroccan delegation and Moroccans", "Moroccans", m, 16);
  assert_true(has_hit(m, n, "Q1028", 1, NG_LABEL_DEMONYM));
  n = match("la partie française", "française", m, 16);
  assert_true(has_hit(m, n, "Q142", 1, NG_LABEL_DEMONYM));
  /* A demonym shared by several countries: the larger ranks first. */
  n = match("Chinese officials", "Chinese", m, 16);
  assert_true(has_hit(m, n, "Q148", 1, NG_LABEL_DEMONYM));
  assert_string_equal(best(m, n), "Q148");
  /* Country-code "demonyms" of the source column are not kept. */
  n = match("the UK said", "UK", m, 16);
  for (size_t i = 0; i < n; i++) {
    assert_int_not_equal(m[i].kind, NG_LABEL_DEMONYM);
  }
}

static void
test_cities_orgs(void **state)
{
  NG_UNUSED(state);
  NgGazMatch m[16];
  size_t n = match("au siège d'Interpol à Lyon, en France", "Lyon", m, 16);
  assert_true(n >= 1);
  assert_string_equal(qid_of(&m[0]), "Q456");
  NgGazEntry lyon = ng_gazetteer_entry(fx.gaz, m[0].entry);
  assert_int_equal(lyon.type, NG_ENT_CITY);
  assert_string_equal(lyon.country, "Q142");
  n = match("à Marrakech", "Marrakech", m, 16);
  assert_string_equal(best(m, n), "Q101625");
  assert_string_equal(
      ng_gazetteer_entry(fx.gaz, (uint32_t)ng_gazetteer_find_qid(fx.gaz,
                                                                 "Q101625"))
          .country,
      "Q1028");
  n = match("au siège d'Interpol à Lyon", "Interpol", m, 16);
  assert_string_equal(best(m, n), "Q8475");
  assert_int_equal(ng_gazetteer_entry(fx.gaz, m[0].entry).type,
                   NG_ENT_INTL_ORG);
  n = match("INTERPOL headquarters", "INTERPOL", m, 16);
  assert_string_equal(best(m, n), "Q8475");
  n = match("the OIPC and", "OIPC", m, 16);
  assert_true(has_hit(m, n, "Q8475", 1, NG_LABEL_ACRONYM));
  /* An acronym is case-sensitive. */
  n = match("the Oipc and", "Oipc", m, 16);
  assert_false(has_hit(m, n, "Q8475", 1, NG_LABEL_ACRONYM));
  n = match("the AU summit", "AU", m, 16);
  assert_true(has_hit(m, n, "Q7159", 1, NG_LABEL_ACRONYM));
  n = match("il y a au moins", "au", m, 16);
  assert_false(has_hit(m, n, "Q7159", 1, NG_LABEL_ACRONYM));
  n = match("Reuters reported", "Reuters", m, 16);
  assert_string_equal(best(m, n), "Q130879");
  assert_int_equal(ng_gazetteer_entry(fx.gaz, m[0].entry).type,
                   NG_ENT_NEWS_AGENCY);
  /* A body's long name with its later words in lower case (the table:
   * "Haut Commissariat des Nations Unies pour les Réfugiés"); not with
   * its first one, and a place's name keeps every capital ("La
   * Réunion"). */
  n = match("le Haut-Commissariat des Nations unies pour les réfugiés a",
            "Haut", m, 16);
  assert_true(has_hit(m, n, "Q132551", 7, NG_LABEL_NAME));
  n = match("le haut-commissariat des Nations unies pour les Réfugiés a",
            "haut", m, 16);
  assert_false(has_hit(m, n, "Q132551", 7, NG_LABEL_NAME));
  n = match("La réunion a eu lieu", "La", m, 16);
  assert_int_equal(n, 0);
}

static void
test_common_words(void **state)
{
  NG_UNUSED(state);
  NgGazMatch m[16];
  /* One-word names that are also common words match only capitalised. */
  assert_int_equal(match("a hanging chad", "chad", m, 16), 0);
  assert_int_equal(match("a nice day", "nice", m, 16), 0);
  assert_int_equal(match("trois tours de piste", "tours", m, 16), 0);
  size_t n = match("President of Chad", "Chad", m, 16);
  assert_string_equal(best(m, n), "Q657");
  n = match("à Nice et à Tours", "Nice", m, 16);
  assert_string_equal(best(m, n), "Q33959");
  n = match("à Nice et à Tours", "Tours", m, 16);
  assert_string_equal(best(m, n), "Q288");
  /* Short names are case-sensitive: a shouted "NICE" is not the city. */
  assert_int_equal(match("a NICE day", "NICE", m, 16), 0);
  /* Lowercase word of a capitalised name is not enough. */
  n = match("the maroc word", "maroc", m, 16);
  assert_false(has_hit(m, n, "Q1028", 1, NG_LABEL_NAME));
  /* A code in a table's Arabic column ("EST", Q850088, a region of
   * Burkina Faso) is not shipped: a headline's "EST" is no place. */
  assert_int_equal(match("IRISH EST MUONS", "EST", m, 16), 0);
}

static void
test_entries_and_qids(void **state)
{
  NG_UNUSED(state);
  int32_t i = ng_gazetteer_find_qid(fx.gaz, "Q1028");
  assert_true(i >= 0);
  NgGazEntry e = ng_gazetteer_entry(fx.gaz, (uint32_t)i);
  assert_string_equal(e.qid, "Q1028");
  assert_string_equal(e.label_fr, "Maroc");
  assert_string_equal(e.label_en, "Morocco");
  assert_int_equal(ng_gazetteer_find_qid(fx.gaz, "Q999999999"), -1);
  assert_int_equal(ng_gazetteer_find_qid(fx.gaz, "Q"), -1);
  /* Q51 is in two tables (country AQ and continent): one entry. */
  i = ng_gazetteer_find_qid(fx.gaz, "Q51");
  assert_true(i >= 0);
  assert_true(ng_entity_type_is_place(ng_gazetteer_entry(fx.gaz, (uint32_t)i).type));
  /* Every QID is found at its own index. */
  for (uint32_t k = 0; k < ng_gazetteer_size(fx.gaz); k++) {
    assert_int_equal(
        ng_gazetteer_find_qid(fx.gaz, ng_gazetteer_entry(fx.gaz, k).qid),
        (int32_t)k);
  }
  NgEntityType t;
  assert_int_equal(ng_entity_type_parse("Country", &t), NG_SUCCESS);
  assert_int_equal(t, NG_ENT_COUNTRY);
  assert_int_equal(ng_entity_type_parse("Nope", &t), NG_ERR_ARG);
  assert_string_equal(ng_entity_type_coarse(NG_ENT_NEWS_AGENCY), "ORG");
  assert_string_equal(ng_entity_type_coarse(NG_ENT_CITY), "LOC");
  /* The shipped tables have no bad rows. */
  assert_int_equal(fx.warnings, 0);
}

/* No person of the shipped table rests on a non-commercial source alone
 * (sources exactly "peppercat"); those another source confirms ship with
 * that source's name, country and date of birth ("Nasser Bourita",
 * Q26036628; "Abdelouafi Laftit", Q30308949, born 1967-09-29). */
static void
test_people_sources(void **state)
{
  NG_UNUSED(state);
  char *path = src_path("ontology/gazetteer/people.tsv");
  char *text = NULL;
  size_t len = 0;
  assert_int_equal(ng_read_file(path, &text, &len), NG_SUCCESS);
  ng_free(path);
  /* columns: qid label label_en label_fr aliases country_iso2 sources */
  size_t rows = 0;
  bool bourita = false, laftit = false;
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    if (*line == '#' || !strncmp(line, "qid\t", 4)) {
      continue;
    }
    const char *f[8] = {line};
    size_t n = 1;
    for (char *p = line; *p && n < 8; p++) {
      if (*p == '\t') {
        *p = '\0';
        f[n++] = p + 1;
      }
    }
    assert_true(n >= 7);
    assert_string_not_equal(f[6], "peppercat");
    if (!strcmp(f[0], "Q26036628")) {
      bourita = true;
      assert_string_equal(f[1], "Nasser Bourita");
      assert_string_equal(f[5], "MA");
      assert_string_equal(f[6], "everypolitician-scrapers");
    }
    if (!strcmp(f[0], "Q30308949")) { /* and the source's date of birth */
      laftit = true;
      assert_string_equal(f[1], "Abdelouafi Laftit");
      assert_true(n == 8);
      assert_string_equal(f[7], "1967-09-29");
    }
    rows++;
  }
  ng_free(text);
  assert_true(rows > 1000);
  assert_true(bourita);
  assert_true(laftit);
}

static void
test_open_speed(void **state)
{
  NG_UNUSED(state);
  double t0 = now_ms();
  NgStatus st;
  NgGazetteer *g = ng_gazetteer_open(fx.path, &st);
  double t1 = now_ms();
  assert_non_null(g);
  assert_int_equal(st, NG_SUCCESS);
  ng_gazetteer_free(g);
  assert_true(t1 - t0 < 250.0); /* milliseconds, even under sanitizers */
}

/* ---- corrupt files ---- */

static unsigned char *
slurp(const char *path, size_t *len)
{
  char *data = NULL;
  assert_int_equal(ng_read_file(path, &data, len), NG_SUCCESS);
  return (unsigned char *)data;
}

static void
spit(const char *path, const unsigned char *data, size_t len)
{
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  if (len) {
    assert_int_equal(fwrite(data, 1, len, f), len);
  }
  assert_int_equal(fclose(f), 0);
}

static void
test_corrupt(void **state)
{
  NG_UNUSED(state);
  size_t len;
  unsigned char *data = slurp(fx.path, &len);
  char bad[64];
  temp_name(bad, sizeof bad);
  NgStatus st;
  static const double cuts[] = {0.0, 0.001, 0.1, 0.5, 0.9, 0.9999};
  for (size_t i = 0; i < NG_COUNTOF(cuts); i++) {
    spit(bad, data, (size_t)((double)len * cuts[i]));
    assert_null(ng_gazetteer_open(bad, &st));
    assert_int_equal(st, NG_ERR_DATA);
  }
  spit(bad, data, len - 1);
  assert_null(ng_gazetteer_open(bad, &st));
  assert_int_equal(st, NG_ERR_DATA);

  /* Header fields out of range. */
  unsigned char *copy = malloc(len);
  assert_non_null(copy);
  for (size_t off = 0; off < 56; off += 4) { /* the whole header */
    memcpy(copy, data, len);
    uint32_t v;
    memcpy(&v, copy + off, 4);
    v ^= 0x40000000u;
    memcpy(copy + off, &v, 4);
    spit(bad, copy, len);
    assert_null(ng_gazetteer_open(bad, &st));
    assert_int_equal(st, NG_ERR_DATA);
  }
  /* Random byte flips: either refused or usable without a crash. */
  srand(7);
  for (int round = 0; round < 60; round++) {
    memcpy(copy, data, len);
    for (int k = 0; k < 4; k++) {
      copy[64 + (size_t)rand() % (len - 64)] ^= (unsigned char)(1 + rand() % 255);
    }
    spit(bad, copy, len);
    NgGazetteer *g = ng_gazetteer_open(bad, &st);
    if (!g) {
      assert_int_equal(st, NG_ERR_DATA);
      continue;
    }
    NgGazetteer *keep = fx.gaz;
    fx.gaz = g;
    NgGazMatch m[8];
    (void)match("Le Soudan du Sud et la Côte d'Ivoire", "Soudan", m, 8);
    (void)match("Le Soudan du Sud et la Côte d'Ivoire", "Côte", m, 8);
    (void)ng_gazetteer_find_qid(g, "Q1028");
    fx.gaz = keep;
    ng_gazetteer_free(g);
  }
  /* A file of another format version is told from a corrupt one. */
  assert_int_equal(ng_gazetteer_file_format(fx.path), ng_gazetteer_format());
  memcpy(copy, data, len);
  uint16_t other = (uint16_t)(ng_gazetteer_format() - 1);
  memcpy(copy + 6, &other, sizeof other); /* after the six-byte magic */
  spit(bad, copy, len);
  assert_null(ng_gazetteer_open(bad, &st));
  assert_int_equal(st, NG_ERR_DATA);
  assert_int_equal(ng_gazetteer_file_format(bad), other);
  spit(bad, (const unsigned char *)"not a gazetteer at all, just text\n", 34);
  assert_null(ng_gazetteer_open(bad, &st));
  assert_int_equal(st, NG_ERR_DATA);
  assert_int_equal(ng_gazetteer_file_format(bad), 0);
  remove(bad);
  assert_int_equal(ng_gazetteer_file_format(bad), 0);
  assert_null(ng_gazetteer_open(bad, &st));
  assert_int_equal(st, NG_ERR_IO);
  free(copy);
  ng_free(data);
}

/* ---- compiling small tables ---- */

static void
write_text(const char *path, const char *text)
{
  spit(path, (const unsigned char *)text, strlen(text));
}

static void
test_bad_rows(void **state)
{
  NG_UNUSED(state);
  char tsv[64], dem[64], out[64];
  temp_name(tsv, sizeof tsv);
  temp_name(dem, sizeof dem);
  temp_name(out, sizeof out);
  write_text(tsv,
             "# comment\n"
             "qid\tiso2\tlabel_en\tlabel_fr\tdemonym_en\taliases\n"
             "Q1028\tMA\tMorocco\tMaroc\tMoroccan\tKingdom of Morocco\n"
             "\tXX\tNowhere\tNullepart\t\t\n"
             "Q142\tFR\tFrance\n"
             "Q2\tZZ\tZedland\tZédie\tZedlander\tZED\n");
  write_text(dem, "iso2\tlang\tform\nMA\tfr\tmarocaine\nQQ\tfr\tinconnu\n");
  Captured cap;
  memset(&cap, 0, sizeof cap);
  NgLog log = {capture, &cap};
  const char *paths[] = {dem, tsv}; /* demonyms before their countries */
  assert_int_equal(ng_gaz_compile(out, paths, 2, fx.lex, &log), NG_SUCCESS);
  assert_int_equal(cap.n_err, 0);
  assert_int_equal(cap.n_warn, 3); /* two rows, one unknown country code */
  assert_int_equal(cap.lines[0], 4);
  assert_int_equal(cap.lines[1], 5);
  NgStatus st;
  NgGazetteer *g = ng_gazetteer_open(out, &st);
  assert_non_null(g);
  assert_int_equal(ng_gazetteer_size(g), 2);
  assert_int_equal(ng_gazetteer_find_qid(g, "Q142"), -1);
  NgGazetteer *keep = fx.gaz;
  fx.gaz = g;
  NgGazMatch m[8];
  size_t n = match("la police marocaine", "marocaine", m, 8);
  assert_true(has_hit(m, n, "Q1028", 1, NG_LABEL_DEMONYM));
  n = match("the ZED and", "ZED", m, 8);
  assert_true(has_hit(m, n, "Q2", 1, NG_LABEL_ACRONYM));
  fx.gaz = keep;
  ng_gazetteer_free(g);

  /* An unknown header is an error. */
  write_text(tsv, "foo\tbar\nQ1\tx\n");
  memset(&cap, 0, sizeof cap);
  assert_int_equal(ng_gaz_compile(out, paths + 1, 1, fx.lex, &log),
                   NG_ERR_DATA);
  assert_int_equal(cap.n_err, 1);
  /* A missing table is an I/O error. */
  remove(tsv);
  assert_int_equal(ng_gaz_compile(out, paths + 1, 1, fx.lex, &log),
                   NG_ERR_IO);
  remove(dem);
  remove(out);
}

static void
test_builder_api(void **state)
{
  NG_UNUSED(state);
  NgGazBuilder *b = ng_gaz_builder_new(fx.lex);
  assert_non_null(b);
  int32_t c = ng_gaz_builder_add_entry(b, "Q20", NG_ENT_COUNTRY, "Norway",
                                       "Norvège", "", 10);
  int32_t e = ng_gaz_builder_add_entry(b, "Q585", NG_ENT_CITY, "Oslo", "",
                                       "Q20", 700000);
  assert_true(c >= 0 && e >= 0 && c != e);
  assert_int_equal(ng_gaz_builder_add_entry(b, "Q585", NG_ENT_REGION, "", "",
                                            "", 1),
                   e);
  assert_int_equal(ng_gaz_builder_add_entry(b, "X1", NG_ENT_CITY, "", "", "",
                                            1),
                   -1);
  assert_int_equal(ng_gaz_builder_add_label(b, e, "Oslo", NG_LABEL_NAME, "en"),
                   NG_SUCCESS);
  assert_int_equal(ng_gaz_builder_add_label(b, c, "Norvège", NG_LABEL_NAME,
                                            "fr"),
                   NG_SUCCESS);
  assert_int_equal(ng_gaz_builder_add_label(b, 99, "x", NG_LABEL_NAME, "fr"),
                   NG_ERR_ARG);
  char out[64];
  NgGazetteer *g = write_and_open(b, out, sizeof out);
  NgGazEntry oslo = ng_gazetteer_entry(g, (uint32_t)ng_gazetteer_find_qid(g, "Q585"));
  assert_int_equal(oslo.type, NG_ENT_CITY); /* city outranks region */
  assert_string_equal(oslo.country, "Q20");
  assert_int_equal(oslo.prior, 700000);
  NgGazetteer *keep = fx.gaz;
  fx.gaz = g;
  NgGazMatch m[4];
  size_t n = match("en NORVÈGE", "NORV", m, 4);
  assert_int_equal(n, 1);
  assert_string_equal(qid_of(&m[0]), "Q20");
  assert_string_equal(m[0].lang, "fr");
  fx.gaz = keep;
  ng_gazetteer_free(g);
  remove(out);
  ng_gaz_builder_free(NULL);
  ng_gazetteer_free(NULL);
}

/* The year an entry began: a person's birth date (people.tsv), a built
 * table's "since", the earlier of two; hits of entries that had not begun
 * by a document's year are dropped. */
static void
test_since(void **state)
{
  NG_UNUSED(state);
  char people[64], built[64], out[64];
  temp_name(people, sizeof people);
  temp_name(built, sizeof built);
  temp_name(out, sizeof out);
  write_text(people,
             "qid\tlabel\tlabel_en\tlabel_fr\taliases\tcountry_iso2\t"
             "birth_date\n"
             "Q6258296\tJohn Smith\t\t\t\tGB\t1951-03-17\n"
             "Q1\tJane Doe\t\t\t\tGB\t1976\n"
             "Q2\tJohn Doe\t\t\t\tGB\tsoon\n"
             "Q3\tJim Doe\t\t\t\tGB\t\n");
  write_text(built,
             "qid\ttype\tprior\tcountry\tsince\tlabel_en\tlabel_fr\t"
             "labels\n"
             "Q1\tPerson\t5\t\t1980\tJane Doe\t\ten:Jane Doe\n"
             "Q148\tCountry\t300\t\t1949\tChina\tChine\ten:China\n"
             "Q4\tCity\t9\t\t-753\tRome\t\ten:Rome\n");
  const char *paths[] = {people, built};
  assert_int_equal(ng_gaz_compile(out, paths, 2, fx.lex, NULL), NG_SUCCESS);
  NgStatus st;
  NgGazetteer *g = ng_gazetteer_open(out, &st);
  assert_non_null(g);
  static const struct {
    const char *qid;
    int since;
  } want[] = {{"Q6258296", 1951}, {"Q1", 1976}, {"Q2", 0},
              {"Q3", 0},          {"Q148", 1949}, {"Q4", -753}};
  for (size_t i = 0; i < NG_COUNTOF(want); i++) {
    int32_t e = ng_gazetteer_find_qid(g, want[i].qid);
    assert_true(e >= 0);
    assert_int_equal(ng_gazetteer_entry(g, (uint32_t)e).since, want[i].since);
  }
  NgGazetteer *keep = fx.gaz;
  fx.gaz = g;
  NgGazMatch m[8];
  size_t n = match("M. John Smith, de Londres", "John", m, 8);
  assert_true(has_hit(m, n, "Q6258296", 2, NG_LABEL_NAME));
  assert_int_equal(ng_gazetteer_keep_existing(g, 1928, m, n), 0);
  n = match("M. John Smith, de Londres", "John", m, 8);
  assert_int_equal(ng_gazetteer_keep_existing(g, 1951, m, n), n);
  assert_int_equal(ng_gazetteer_keep_existing(g, 0, m, n), n);
  n = match("la Chine et Rome", "Chine", m, 8);
  assert_true(has_hit(m, n, "Q148", 1, NG_LABEL_NAME));
  assert_int_equal(ng_gazetteer_keep_existing(g, 1900, m, n), 0);
  n = match("la Chine et Rome", "Rome", m, 8);
  assert_int_equal(ng_gazetteer_keep_existing(g, -100, m, n), n);
  /* entries of unknown start stay, and the order of the others too */
  n = match("John Doe et Jim Doe", "Jim", m, 8);
  assert_int_equal(ng_gazetteer_keep_existing(g, 1800, m, n), n);
  fx.gaz = keep;
  ng_gazetteer_free(g);

  static const struct {
    const char *date;
    int year;
  } years[] = {{"1972-02-29", 1972},
               {"+1972-02-29T00:00:00Z", 1972},
               {"-0044-03-15T00:00:00Z", -44},
               {"1976", 1976},
               {"", 0},
               {"soon", 0},
               {"12345-01-01", 0},
               {"1972/02/29", 0},
               {"-", 0}};
  for (size_t i = 0; i < NG_COUNTOF(years); i++) {
    assert_int_equal(ng_gaz_parse_year(years[i].date), years[i].year);
  }
  assert_int_equal(ng_gaz_parse_year(NULL), 0);

  NgGazBuilder *b = ng_gaz_builder_new(fx.lex);
  int32_t e = ng_gaz_builder_add_entry(b, "Q5", NG_ENT_PERSON, "A B", "", "",
                                       1);
  assert_int_equal(ng_gaz_builder_set_since(b, e, 0), NG_ERR_ARG);
  assert_int_equal(ng_gaz_builder_set_since(b, e, 10000), NG_ERR_ARG);
  assert_int_equal(ng_gaz_builder_set_since(b, e + 1, 1900), NG_ERR_ARG);
  assert_int_equal(ng_gaz_builder_set_since(NULL, e, 1900), NG_ERR_ARG);
  assert_int_equal(ng_gaz_builder_set_since(b, e, -9999), NG_SUCCESS);
  ng_gaz_builder_free(b);
  remove(people);
  remove(built);
  remove(out);
}

static void
test_stop_word_labels(void **state)
{
  NG_UNUSED(state);
  NgLexicon *lex = ng_lexicon_new();
  assert_non_null(lex);
  assert_int_equal(ng_lexicon_add(lex, "stopword", "zorp", "", "xx"), NG_SUCCESS);
  NgGazBuilder *b = ng_gaz_builder_new(lex);
  assert_non_null(b);
  int32_t e = ng_gaz_builder_add_entry(b, "Q7", NG_ENT_CITY, "Zorp", "", "",
                                       5);
  int32_t f = ng_gaz_builder_add_entry(b, "Q8", NG_ENT_CITY, "Blix", "", "",
                                       5);
  assert_int_equal(ng_gaz_builder_add_label(b, e, "Zorp", NG_LABEL_NAME, ""),
                   NG_SUCCESS);
  assert_int_equal(ng_gaz_builder_add_label(b, f, "Blix", NG_LABEL_NAME, ""),
                   NG_SUCCESS);
  char out[64];
  NgGazetteer *g = write_and_open(b, out, sizeof out);
  const char *text = "Zorp vient. Blix part vers Zorp et Blix.";
  NgArena *arena = ng_arena_new(0);
  NgSegmentation seg;
  assert_int_equal(ng_segment(text, strlen(text), lex, arena, &seg),
                   NG_SUCCESS);
  size_t hits[8] = {0};
  for (size_t t = 0; t < seg.n_tokens && t < 8; t++) {
    NgGazMatch m[2];
    hits[t] = ng_gazetteer_match_at(g, text, seg.tokens, seg.n_tokens, t, m,
                                    2);
  }
  assert_true(seg.n_tokens >= 8);
  assert_int_equal(hits[0], 0); /* "Zorp" opening a sentence */
  assert_int_equal(hits[3], 1); /* "Blix" opening one: not a stop word */
  assert_int_equal(hits[6], 1); /* "Zorp" inside the sentence */
  ng_arena_free(arena);
  ng_gazetteer_free(g);
  ng_lexicon_free(lex);
  remove(out);
}

/* A place's name is capitalised: a label whose first word is in lower case
 * is an adjective, a common word or a bad translation in the source, and
 * is left out unless a geographic noun or an article leads it. Other
 * kinds of entity and other kinds of label keep theirs, but a body's label
 * that is an article and a word in lower case describes it ("Le ministère
 * de la Santé") and is left out too. */
static void
test_lowercase_place_labels(void **state)
{
  NG_UNUSED(state);
  NgLexicon *lex = ng_lexicon_new();
  assert_non_null(lex);
  assert_int_equal(ng_lexicon_add(lex, "feature_head", "mer", "", "fr"),
                   NG_SUCCESS);
  assert_int_equal(ng_lexicon_add(lex, "definite", "la", "", "fr"),
                   NG_SUCCESS);
  NgGazBuilder *b = ng_gaz_builder_new(lex);
  assert_non_null(b);
  int32_t city = ng_gaz_builder_add_entry(b, "Q1", NG_ENT_CITY, "Kalabo", "",
                                          "", 5);
  int32_t sea = ng_gaz_builder_add_entry(b, "Q2", NG_ENT_REGION, "Red Sea",
                                         "", "", 5);
  int32_t region = ng_gaz_builder_add_entry(b, "Q3", NG_ENT_REGION, "Somali",
                                            "", "", 5);
  int32_t org = ng_gaz_builder_add_entry(b, "Q4", NG_ENT_GOV_AGENCY,
                                         "Ministry", "", "", 5);
  static const struct {
    int which;
    const char *label;
    NgLabelKind kind;
    NgStatus want;
  } cases[] = {
    {0, "vague", NG_LABEL_NAME, NG_FAILURE},        /* a common word */
    {0, "voir Kalabo", NG_LABEL_NAME, NG_FAILURE},  /* a bad translation */
    {0, "eThekwini", NG_LABEL_NAME, NG_SUCCESS},    /* capitals inside */
    {0, "'s-Kalabo", NG_LABEL_NAME, NG_SUCCESS},    /* no letter first */
    {1, "mer Rouge", NG_LABEL_NAME, NG_SUCCESS},    /* a geographic noun */
    {1, "la Roja", NG_LABEL_NAME, NG_SUCCESS},      /* an article */
    {2, "somali", NG_LABEL_NAME, NG_FAILURE},       /* an adjective */
    {2, "somali", NG_LABEL_DEMONYM, NG_SUCCESS},    /* as what it is */
    {3, "ministère de la Culture", NG_LABEL_NAME, NG_SUCCESS},
    /* a body's description, not its name */
    {3, "la commission de la Culture", NG_LABEL_NAME, NG_FAILURE},
    {3, "la Commission", NG_LABEL_NAME, NG_SUCCESS},
  };
  const int32_t entries[] = {city, sea, region, org};
  for (size_t i = 0; i < NG_COUNTOF(cases); i++) {
    NgStatus st = ng_gaz_builder_add_label(b, entries[cases[i].which],
                                           cases[i].label, cases[i].kind, "");
    if (st != cases[i].want) {
      fail_msg("%s: status %d, want %d", cases[i].label, (int)st,
               (int)cases[i].want);
    }
  }
  char out[64];
  NgGazetteer *g = write_and_open(b, out, sizeof out);
  const char *text = "Une vague de froid sur la mer Rouge.";
  NgArena *arena = ng_arena_new(0);
  NgSegmentation seg;
  assert_int_equal(ng_segment(text, strlen(text), lex, arena, &seg),
                   NG_SUCCESS);
  size_t found = 0;
  for (size_t t = 0; t < seg.n_tokens; t++) {
    NgGazMatch m[2];
    size_t n = ng_gazetteer_match_at(g, text, seg.tokens, seg.n_tokens, t, m,
                                     2);
    for (size_t k = 0; k < n; k++) {
      assert_int_equal(m[k].entry, sea);
      found++;
    }
  }
  assert_int_equal(found, 1);
  ng_arena_free(arena);
  ng_gazetteer_free(g);
  ng_lexicon_free(lex);
  remove(out);
}

/* A one-word name in no language of ours (a native name, an alias) keeps
 * its accents, or "Ísland" would be every English "Island"; a French or
 * English label is still found without them ("Bogota"). */
static void
test_native_accents(void **state)
{
  NG_UNUSED(state);
  NgGazBuilder *b = ng_gaz_builder_new(fx.lex);
  assert_non_null(b);
  int32_t is = ng_gaz_builder_add_entry(b, "Q1", NG_ENT_COUNTRY, "Iceland",
                                        "", "", 5);
  int32_t bo = ng_gaz_builder_add_entry(b, "Q2", NG_ENT_CITY, "Bogotá", "",
                                        "", 5);
  assert_int_equal(ng_gaz_builder_add_label(b, is, "Ísland", NG_LABEL_NAME,
                                            ""),
                   NG_SUCCESS);
  assert_int_equal(ng_gaz_builder_add_label(b, bo, "Bogotá", NG_LABEL_NAME,
                                            "en"),
                   NG_SUCCESS);
  char out[64];
  NgGazetteer *g = write_and_open(b, out, sizeof out);
  static const struct {
    const char *text;
    int32_t want; /* -1: no match */
  } cases[] = {
    {"Ísland", 0}, {"ÍSLAND", 0}, {"Island", -1}, {"ISLAND", -1},
    {"Bogota", 1}, {"Bogotá", 1},
  };
  const int32_t entries[] = {is, bo};
  for (size_t i = 0; i < NG_COUNTOF(cases); i++) {
    const char *text = cases[i].text;
    NgArena *arena = ng_arena_new(0);
    NgSegmentation seg;
    assert_int_equal(ng_segment(text, strlen(text), fx.lex, arena, &seg),
                     NG_SUCCESS);
    NgGazMatch m[2];
    size_t n = ng_gazetteer_match_at(g, text, seg.tokens, seg.n_tokens, 0, m,
                                     2);
    bool ok = cases[i].want < 0
                ? n == 0
                : n == 1 && (int32_t)m[0].entry == entries[cases[i].want];
    if (!ok) {
      fail_msg("\"%s\": %zu matches", text, n);
    }
    ng_arena_free(arena);
  }
  ng_gazetteer_free(g);
  remove(out);
}

/* Written forms besides a label's own: words joined by hyphens or not
 * ("New-York", "Saint Nazaire"), and a name without its leading article
 * after an article of the label's language, fused or not ("du Caire" for
 * "Le Caire"). */
static void
test_label_variants(void **state)
{
  NG_UNUSED(state);
  NgLexicon *lex = ng_lexicon_new();
  assert_non_null(lex);
  static const char *const defs[][2] = {
      {"le", "fr"}, {"la", "fr"}, {"du", "fr"}, {"au", "fr"}, {"the", "en"}};
  for (size_t i = 0; i < NG_COUNTOF(defs); i++) {
    assert_int_equal(ng_lexicon_add(lex, "definite", defs[i][0], "",
                                    defs[i][1]),
                     NG_SUCCESS);
  }
  NgGazBuilder *b = ng_gaz_builder_new(lex);
  assert_non_null(b);
  int32_t zorp = ng_gaz_builder_add_entry(b, "Q7", NG_ENT_CITY, "", "Le Zorp",
                                          "", 5);
  int32_t blix = ng_gaz_builder_add_entry(b, "Q8", NG_ENT_CITY, "New Blix",
                                          "", "", 5);
  int32_t union_ = ng_gaz_builder_add_entry(b, "Q9", NG_ENT_ORGANIZATION,
                                            "Blix Union", "", "", 5);
  int32_t port = ng_gaz_builder_add_entry(b, "Q10", NG_ENT_CITY, "Le Port",
                                          "", "", 5);
  int32_t blixe = ng_gaz_builder_add_entry(b, "Q11", NG_ENT_GOV_AGENCY, "",
                                           "", "", 5);
  /* A name of no language takes its article's. */
  assert_int_equal(ng_gaz_builder_add_label(b, blixe, "La Blixe",
                                            NG_LABEL_NAME, ""),
                   NG_SUCCESS);
  assert_int_equal(ng_gaz_builder_add_label(b, zorp, "Le Zorp", NG_LABEL_NAME,
                                            "fr"),
                   NG_SUCCESS);
  assert_int_equal(ng_gaz_builder_add_label(b, blix, "New Blix", NG_LABEL_NAME,
                                            "en"),
                   NG_SUCCESS);
  assert_int_equal(ng_gaz_builder_add_label(b, union_, "Blix Union",
                                            NG_LABEL_NAME, "en"),
                   NG_SUCCESS);
  /* The English label of a French town: "Le" is no English article. */
  assert_int_equal(ng_gaz_builder_add_label(b, port, "Le Port", NG_LABEL_NAME,
                                            "en"),
                   NG_SUCCESS);
  char out[64];
  NgGazetteer *g = write_and_open(b, out, sizeof out);
  static const struct {
    const char *text;
    size_t t;      /* token to match at */
    size_t n_toks; /* tokens of the hit, 0 for none */
    const char *qid;
  } cases[] = {
      {"Il vient du Zorp.", 3, 1, "Q7"},
      {"Il vient au Zorp.", 3, 1, "Q7"},
      {"Il parle du Zorp et le Zorp.", 3, 1, "Q7"},
      {"Il parle du Zorp et le Zorp.", 6, 1, "Q7"},
      {"Le Zorp vient.", 0, 2, "Q7"},
      {"Il parle de Zorp.", 3, 0, NULL}, /* no article: no name */
      {"Il part pour New-Blix.", 3, 1, "Q8"},
      {"Il part pour New Blix.", 3, 2, "Q8"},
      {"Il aime Blix-Union.", 2, 1, "Q9"},
      {"Il aime New-Blix-Union.", 2, 0, NULL},
      {"He saw the Port of Leeds.", 3, 0, NULL},
      {"Il parle de la Blixe.", 4, 1, "Q11"},
  };
  NgArena *arena = ng_arena_new(0);
  /* Labels go on after "New" ("New Blix"), none after "Zorp". */
  NgSegmentation seg0;
  assert_int_equal(ng_segment("New Zorp", 8, lex, arena, &seg0), NG_SUCCESS);
  assert_true(ng_gazetteer_continues(g, seg0.tokens, 0, 1));
  assert_false(ng_gazetteer_continues(g, seg0.tokens, 1, 2));
  for (size_t i = 0; i < NG_COUNTOF(cases); i++) {
    NgSegmentation seg;
    assert_int_equal(ng_segment(cases[i].text, strlen(cases[i].text), lex,
                                arena, &seg),
                     NG_SUCCESS);
    assert_true(cases[i].t < seg.n_tokens);
    NgGazMatch m[4];
    size_t n = ng_gazetteer_match_at(g, cases[i].text, seg.tokens,
                                     seg.n_tokens, cases[i].t, m, 4);
    if (!cases[i].qid) {
      assert_int_equal(n, 0);
      continue;
    }
    assert_int_equal(n, 1);
    assert_int_equal(m[0].t1 - m[0].t0, cases[i].n_toks);
    assert_string_equal(ng_gazetteer_entry(g, m[0].entry).qid, cases[i].qid);
    if (!strcmp(cases[i].qid, "Q11")) {
      assert_string_equal(m[0].lang, "fr");
    }
  }
  ng_arena_free(arena);
  ng_gazetteer_free(g);
  ng_lexicon_free(lex);
  remove(out);
}

/* A country's name that holds a form of state gives the country that
 * form ("Kingdom of Zorp", "Royaume de Blix"); the form is no label any
 * text matches. */
static void
test_state_forms(void **state)
{
  NG_UNUSED(state);
  NgLexicon *lex = ng_lexicon_new();
  assert_non_null(lex);
  assert_int_equal(ng_lexicon_add(lex, "state_form", "Kingdom", "Kingdom",
                                  "en"),
                   NG_SUCCESS);
  assert_int_equal(ng_lexicon_add(lex, "state_form", "Royaume", "Kingdom",
                                  "fr"),
                   NG_SUCCESS);
  NgGazBuilder *b = ng_gaz_builder_new(lex);
  assert_non_null(b);
  int32_t zorp = ng_gaz_builder_add_entry(b, "Q1", NG_ENT_COUNTRY, "Zorp", "",
                                          "", 5);
  int32_t blix = ng_gaz_builder_add_entry(b, "Q2", NG_ENT_COUNTRY, "Blix", "",
                                          "", 5);
  int32_t city = ng_gaz_builder_add_entry(b, "Q3", NG_ENT_CITY, "Kingdom City",
                                          "", "", 5);
  assert_int_equal(ng_gaz_builder_add_name(b, zorp, "Kingdom of Zorp", "en"),
                   NG_SUCCESS);
  assert_int_equal(ng_gaz_builder_add_name(b, blix, "Royaume de Blix", "fr"),
                   NG_SUCCESS);
  assert_int_equal(ng_gaz_builder_add_name(b, city, "Kingdom City", "en"),
                   NG_SUCCESS);
  char out[64];
  NgGazetteer *g = write_and_open(b, out, sizeof out);
  uint32_t has[4];
  assert_int_equal(ng_gazetteer_state_form(g, "Kingdom", has, 4), 2);
  assert_string_equal(ng_gazetteer_entry(g, has[0]).qid, "Q1");
  assert_string_equal(ng_gazetteer_entry(g, has[1]).qid, "Q2");
  assert_int_equal(ng_gazetteer_state_form(g, "Republic", has, 4), 0);
  const char *text = "The Kingdom spoke.";
  NgArena *arena = ng_arena_new(0);
  NgSegmentation seg;
  assert_int_equal(ng_segment(text, strlen(text), lex, arena, &seg),
                   NG_SUCCESS);
  NgGazMatch m[4];
  assert_int_equal(ng_gazetteer_match_at(g, text, seg.tokens, seg.n_tokens, 1,
                                         m, 4),
                   0);
  ng_arena_free(arena);
  ng_gazetteer_free(g);
  ng_lexicon_free(lex);
  remove(out);
}

/* An international organisation's name gives its initials as an acronym
 * ("OTAN"), unless another entry has that label, and not next to a word
 * in capitals; a national body's name gives none. */
static void
test_initials(void **state)
{
  NG_UNUSED(state);
  NgLexicon *lex = ng_lexicon_new();
  assert_non_null(lex);
  static const char *const stop[] = {"de", "du", "des", "la", "l'"};
  for (size_t i = 0; i < NG_COUNTOF(stop); i++) {
    assert_int_equal(ng_lexicon_add(lex, "stopword", stop[i], "", "fr"),
                     NG_SUCCESS);
  }
  assert_int_equal(ng_lexicon_add(lex, "elision", "l'", "", "fr"),
                   NG_SUCCESS);
  NgGazBuilder *b = ng_gaz_builder_new(lex);
  assert_non_null(b);
  int32_t otan = ng_gaz_builder_add_entry(b, "Q1", NG_ENT_INTL_ORG, "", "",
                                          "", 5);
  int32_t body = ng_gaz_builder_add_entry(b, "Q2", NG_ENT_GOV_AGENCY, "", "",
                                          "", 5);
  int32_t fonds = ng_gaz_builder_add_entry(b, "Q3", NG_ENT_INTL_ORG, "", "",
                                           "", 5);
  int32_t inst = ng_gaz_builder_add_entry(b, "Q4", NG_ENT_GOV_AGENCY, "", "",
                                          "", 5);
  assert_int_equal(ng_gaz_builder_add_name(
                     b, otan, "Organisation du traité de l'Atlantique nord",
                     "fr"),
                   NG_SUCCESS);
  assert_int_equal(ng_gaz_builder_add_name(b, body, "Office public des affaires",
                                           "fr"),
                   NG_SUCCESS);
  assert_int_equal(ng_gaz_builder_add_name(b, fonds, "Fonds monétaire mondial",
                                           "fr"),
                   NG_SUCCESS);
  assert_int_equal(ng_gaz_builder_add_name(b, inst, "FMM", ""), NG_SUCCESS);
  char out[64];
  NgGazetteer *g = write_and_open(b, out, sizeof out);
  static const struct {
    const char *text;
    size_t t;
    const char *qid; /* NULL: no hit */
  } cases[] = {
      {"Les troupes de l'OTAN partent.", 4, "Q1"},
      {"LES TROUPES OTAN PARTENT.", 2, NULL}, /* a headline in capitals */
      {"Une OPA est lancée.", 1, NULL},       /* a national body's initials */
      {"Le FMM a parlé.", 1, "Q4"},           /* the listed acronym only */
  };
  NgArena *arena = ng_arena_new(0);
  for (size_t i = 0; i < NG_COUNTOF(cases); i++) {
    NgSegmentation seg;
    assert_int_equal(ng_segment(cases[i].text, strlen(cases[i].text), lex,
                                arena, &seg),
                     NG_SUCCESS);
    NgGazMatch m[4];
    size_t n = ng_gazetteer_match_at(g, cases[i].text, seg.tokens,
                                     seg.n_tokens, cases[i].t, m, 4);
    if (!cases[i].qid) {
      assert_int_equal(n, 0);
      continue;
    }
    assert_int_equal(n, 1);
    assert_int_equal(m[0].kind, NG_LABEL_ACRONYM);
    assert_string_equal(ng_gazetteer_entry(g, m[0].entry).qid, cases[i].qid);
  }
  ng_arena_free(arena);
  ng_gazetteer_free(g);
  ng_lexicon_free(lex);
  remove(out);
}

/* ---- allocation failures ---- */

static long alloc_budget = -1;

static void *
fail_malloc(size_t n)
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
fail_realloc(void *p, size_t n)
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
test_alloc_failures(void **state)
{
  NG_UNUSED(state);
  char tsv[64], out[64];
  temp_name(tsv, sizeof tsv);
  temp_name(out, sizeof out);
  write_text(tsv,
             "qid\tlabel_en\tlabel_fr\tlabel_ar\taliases\tkind\tcountry_iso2\n"
             "Q8475\tInternational Criminal Police Organization\tInterpol\t\t"
             "INTERPOL|ICPO\tinternational organisation\t\n"
             "Q7159\tAfrican Union\tUnion africaine\t\tAU\t"
             "international organisation\t\n");
  const char *paths[] = {tsv};
  NgAllocator a = {fail_malloc, fail_realloc, free};
  bool done = false;
  for (long budget = 0; budget < 5000 && !done; budget++) {
    alloc_budget = budget;
    ng_set_allocator(&a);
    NgStatus st = ng_gaz_compile(out, paths, 1, fx.lex, NULL);
    alloc_budget = -1;
    ng_set_allocator(NULL);
    if (st == NG_SUCCESS) {
      done = true;
    } else {
      assert_int_equal(st, NG_ERR_NOMEM);
    }
  }
  assert_true(done);
  NgStatus st;
  NgGazetteer *g = ng_gazetteer_open(out, &st);
  assert_non_null(g);
  assert_int_equal(ng_gazetteer_size(g), 2);
  ng_gazetteer_free(g);
  remove(tsv);
  remove(out);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_countries),
      cmocka_unit_test(test_longest_first),
      cmocka_unit_test(test_accents_case_apostrophes),
      cmocka_unit_test(test_demonyms),
      cmocka_unit_test(test_cities_orgs),
      cmocka_unit_test(test_common_words),
      cmocka_unit_test(test_entries_and_qids),
      cmocka_unit_test(test_people_sources),
      cmocka_unit_test(test_open_speed),
      cmocka_unit_test(test_corrupt),
      cmocka_unit_test(test_bad_rows),
      cmocka_unit_test(test_builder_api),
      cmocka_unit_test(test_since),
      cmocka_unit_test(test_stop_word_labels),
      cmocka_unit_test(test_lowercase_place_labels),
      cmocka_unit_test(test_native_accents),
      cmocka_unit_test(test_label_variants),
      cmocka_unit_test(test_state_forms),
      cmocka_unit_test(test_initials),
      cmocka_unit_test(test_alloc_failures),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
