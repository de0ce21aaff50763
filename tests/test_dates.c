/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * dates: ng_date_parse/format/cmp/days_in_month, and date expressions in
 * real French and English sentences (segmented with ng_segment, words from
 * the lexicon files under $NG_SRCDIR/ontology/lexicon), resolved against a
 * publication date.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four headers above first. */
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "lexicon.h"
#include "segment.h"

static NgLexicon *g_lex;

static const char *srcdir(void) {
  const char *d = getenv("NG_SRCDIR");
  return d && *d ? d : ".";
}

/* The lexicons as the engine loads them: lexicon/languages.tsv under
 * $NG_SRCDIR/ontology lists fr-dates.tsv and en-dates.tsv with the
 * general files the tokenizer needs (elisions, abbreviations, ordinal
 * suffixes). */
static int setup(void **state) {
  (void)state;
  char path[4096];
  snprintf(path, sizeof path, "%s/ontology", srcdir());
  NgStatus st;
  g_lex = ng_lexicon_load_default(path, NULL, &st);
  if (!g_lex) {
    fprintf(stderr, "cannot load the lexicons from %s: %s\n", path,
            ng_strerror(st));
    return -1;
  }
  return 0;
}

static int teardown(void **state) {
  (void)state;
  ng_lexicon_free(g_lex);
  return 0;
}

/* Every date expression of @p text as "span=start" or "span=start/end",
 * joined by " | ", resolved against @p pub ("" for none). */
static void find_dates(const char *text, const char *lang, const char *pub,
                       char *res, size_t size) {
  NgDate pd = {0, 0, 0, NG_DATE_NONE};
  if (*pub) assert_int_equal(ng_date_parse(pub, &pd), NG_SUCCESS);
  NgArena *arena = ng_arena_new(4096);
  assert_non_null(arena);
  NgSegmentation seg;
  memset(&seg, 0, sizeof seg);
  assert_int_equal(ng_segment(text, strlen(text), g_lex, arena, &seg),
                   NG_SUCCESS);
  NgDateMention *ms = NULL;
  size_t n = 0, cap = 0;
  for (size_t s = 0; s < seg.n_sents; s++)
    assert_int_equal(ng_dates_find(seg.tokens, seg.sents[s].t0, seg.sents[s].t1,
                                   g_lex, lang, *pub ? &pd : NULL, &ms, &n,
                                   &cap),
                     NG_SUCCESS);
  res[0] = '\0';
  size_t len = 0;
  for (size_t i = 0; i < n; i++) {
    assert_true(ms[i].t0 < ms[i].t1);
    assert_true(ms[i].t1 <= seg.n_tokens);
    uint32_t b0 = seg.tokens[ms[i].t0].b0, b1 = seg.tokens[ms[i].t1 - 1].b1;
    char a[16], b[16];
    assert_non_null(ng_date_format(&ms[i].start, a, sizeof a));
    assert_non_null(ng_date_format(&ms[i].end, b, sizeof b));
    assert_true(ng_date_cmp(&ms[i].start, &ms[i].end) <= 0);
    int k = snprintf(res + len, size - len, "%s%.*s=%s%s%s", i ? " | " : "",
                     (int)(b1 - b0), text + b0, a, strcmp(a, b) ? "/" : "",
                     strcmp(a, b) ? b : "");
    assert_true(k > 0 && (size_t)k < size - len);
    len += (size_t)k;
  }
  ng_free(ms);
  ng_arena_free(arena);
}

static void expect_dates(const char *lang, const char *pub, const char *text,
                         const char *expected) {
  char res[1024];
  find_dates(text, lang, pub, res, sizeof res);
  if (strcmp(res, expected) != 0)
    fail_msg("%s [pub %s]\n  got:      \"%s\"\n  expected: \"%s\"", text,
             *pub ? pub : "none", res, expected);
}

/* ---- ng_date_parse / format / cmp / days_in_month ---- */

static void test_parse_valid(void **state) {
  (void)state;
  NgDate d;
  assert_int_equal(ng_date_parse("2025", &d), NG_SUCCESS);
  assert_int_equal(d.prec, NG_DATE_YEAR);
  assert_int_equal(d.year, 2025);
  assert_int_equal(d.month, 0);
  assert_int_equal(ng_date_parse("2025-09", &d), NG_SUCCESS);
  assert_int_equal(d.prec, NG_DATE_MONTH);
  assert_int_equal(d.month, 9);
  assert_int_equal(d.day, 0);
  assert_int_equal(ng_date_parse("2025-09-03", &d), NG_SUCCESS);
  assert_int_equal(d.prec, NG_DATE_DAY);
  assert_int_equal(d.year, 2025);
  assert_int_equal(d.month, 9);
  assert_int_equal(d.day, 3);
  assert_int_equal(ng_date_parse("2024-02-29", &d), NG_SUCCESS);
  assert_int_equal(ng_date_parse("2000-02-29", &d), NG_SUCCESS);
  static const char *const datetimes[] = {
      "2025-09-05T10:00:00Z", "2025-09-05T10:00", "2025-09-05T10:00:00.250Z",
      "2025-09-05T23:59:59+02:00", "2025-09-05T08:00:00-0500"};
  for (size_t i = 0; i < sizeof datetimes / sizeof datetimes[0]; i++) {
    memset(&d, 0, sizeof d);
    assert_int_equal(ng_date_parse(datetimes[i], &d), NG_SUCCESS);
    assert_int_equal(d.prec, NG_DATE_DAY);
    assert_int_equal(d.year, 2025);
    assert_int_equal(d.month, 9);
    assert_int_equal(d.day, 5);
  }
}

static void test_parse_invalid(void **state) {
  (void)state;
  static const char *const bad[] = {"",
                                    "202",
                                    "20255",
                                    "2025-",
                                    "2025-9",
                                    "2025-13",
                                    "2025-00",
                                    "2025-09-3",
                                    "2025-02-30",
                                    "2025-02-29",
                                    "1900-02-29",
                                    "2025-09-31",
                                    "2025-09-00",
                                    "2025-09-03x",
                                    "2025-09-03 ",
                                    " 2025-09-03",
                                    "2025/09/03",
                                    "abcd",
                                    "2025-09-03T",
                                    "2025-09-03Tjunk",
                                    "2025-09-03T25:00",
                                    "2025-09-03T10:00Zx",
                                    "2025-09T10:00",
                                    "0000",
                                    "+2025",
                                    "2025-09-03T10:00:00+2"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    NgDate d = {7, 7, 7, NG_DATE_DAY};
    if (ng_date_parse(bad[i], &d) != NG_ERR_SYNTAX)
      fail_msg("accepted \"%s\"", bad[i]);
    /* *out is left untouched on error */
    assert_int_equal(d.year, 7);
  }
  NgDate d;
  assert_int_equal(ng_date_parse(NULL, &d), NG_ERR_ARG);
  assert_int_equal(ng_date_parse("2025", NULL), NG_ERR_ARG);
}

static void test_format(void **state) {
  (void)state;
  char buf[16];
  NgDate y = {2025, 0, 0, NG_DATE_YEAR};
  NgDate m = {2025, 9, 0, NG_DATE_MONTH};
  NgDate d = {2025, 9, 3, NG_DATE_DAY};
  NgDate old = {987, 5, 1, NG_DATE_DAY};
  NgDate old_y = {45, 0, 0, NG_DATE_YEAR};
  assert_string_equal(ng_date_format(&y, buf, sizeof buf), "2025");
  assert_string_equal(ng_date_format(&m, buf, sizeof buf), "2025-09");
  assert_string_equal(ng_date_format(&d, buf, sizeof buf), "2025-09-03");
  assert_string_equal(ng_date_format(&old, buf, sizeof buf), "0987-05-01");
  assert_string_equal(ng_date_format(&old_y, buf, sizeof buf), "0045");
  /* exactly 11 bytes is enough for a full date, 10 is not */
  char small[11];
  assert_string_equal(ng_date_format(&d, small, sizeof small), "2025-09-03");
  assert_null(ng_date_format(&d, small, 10));
  assert_string_equal(small, "");
  /* parts that disagree with the precision are refused */
  NgDate none = {2025, 9, 3, NG_DATE_NONE};
  NgDate bad_day = {2025, 9, 31, NG_DATE_DAY};
  NgDate bad_month = {2025, 13, 0, NG_DATE_MONTH};
  assert_null(ng_date_format(&none, buf, sizeof buf));
  assert_null(ng_date_format(&bad_day, buf, sizeof buf));
  assert_null(ng_date_format(&bad_month, buf, sizeof buf));
  assert_null(ng_date_format(NULL, buf, sizeof buf));
  /* round trip */
  static const char *const forms[] = {"1999", "2025-01", "2024-02-29",
                                      "0999-12-31"};
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
    NgDate p;
    assert_int_equal(ng_date_parse(forms[i], &p), NG_SUCCESS);
    assert_string_equal(ng_date_format(&p, buf, sizeof buf), forms[i]);
  }
}

static void test_days_cmp(void **state) {
  (void)state;
  assert_int_equal(ng_date_days_in_month(2025, 2), 28);
  assert_int_equal(ng_date_days_in_month(2024, 2), 29);
  assert_int_equal(ng_date_days_in_month(1900, 2), 28);
  assert_int_equal(ng_date_days_in_month(2000, 2), 29);
  assert_int_equal(ng_date_days_in_month(2025, 9), 30);
  assert_int_equal(ng_date_days_in_month(2025, 12), 31);
  assert_int_equal(ng_date_days_in_month(2025, 0), 0);
  assert_int_equal(ng_date_days_in_month(2025, 13), 0);
  NgDate a = {2025, 9, 3, NG_DATE_DAY}, b = {2025, 9, 4, NG_DATE_DAY};
  NgDate m = {2025, 9, 0, NG_DATE_MONTH}, y = {2024, 0, 0, NG_DATE_YEAR};
  assert_true(ng_date_cmp(&a, &b) < 0);
  assert_true(ng_date_cmp(&b, &a) > 0);
  assert_int_equal(ng_date_cmp(&a, &a), 0);
  assert_true(ng_date_cmp(&m, &a) < 0); /* missing day counts as 0 */
  assert_true(ng_date_cmp(&y, &m) < 0);
}

/* ---- the sample article ---- */

static void test_sample_sentences(void **state) {
  (void)state;
  expect_dates("fr", "2025-09-05",
               "Lors de la 8ème réunion des chefs de police de la région "
               "MENA, tenue du 3 au 4 septembre au siège d’Interpol à Lyon, "
               "en France, le Maroc a mis en avant son expertise.",
               "du 3 au 4 septembre=2025-09-03/2025-09-04");
  expect_dates("fr", "2025-09-05",
               "En mai dernier, Interpol avait déjà salué la contribution du "
               "Maroc à la sécurité internationale.",
               "mai dernier=2025-05");
  expect_dates("fr", "2025-09-05",
               "le choix unanime du pays pour accueillir la 93ème Assemblée "
               "générale d’Interpol en 2025 à Marrakech.",
               "2025=2025");
  /* the year needs no publication date */
  expect_dates("fr", "", "la 93ème Assemblée générale en 2025 à Marrakech.",
               "2025=2025");
  /* but "du 3 au 4 septembre" does */
  expect_dates("fr", "", "tenue du 3 au 4 septembre au siège", "");
}

/* ---- French ---- */

static void test_fr_days(void **state) {
  (void)state;
  const char *pub = "2025-09-05";
  expect_dates("fr", pub,
               "La ministre Amélie Durand s'est rendue à Dakar "
               "le 3 septembre 2025.",
               "3 septembre 2025=2025-09-03");
  expect_dates("fr", pub, "Le sommet s'est ouvert le 2 septembre à Nairobi.",
               "2 septembre=2025-09-02");
  expect_dates("fr", pub, "Elle a pris ses fonctions le 1er septembre.",
               "1er septembre=2025-09-01");
  expect_dates("fr", pub, "L'armistice fut signé le 11 novembre 1918.",
               "11 novembre 1918=1918-11-11");
  /* a number outside 1800..2100 is not taken as the year */
  expect_dates("fr", pub, "Le 3 septembre 1500 policiers étaient mobilisés.",
               "3 septembre=2025-09-03");
  expect_dates("fr", pub,
               "Le président a reçu mardi 2 septembre son "
               "homologue ghanéen.",
               "mardi 2 septembre=2025-09-02");
  expect_dates("fr", pub,
               "Le traité, signé le 12 août dernier, entre en "
               "vigueur.",
               "12 août dernier=2025-08-12");
  expect_dates("fr", pub,
               "La conférence aura lieu le 20 octobre prochain à "
               "Genève.",
               "20 octobre prochain=2025-10-20");
  /* accents and case do not matter */
  expect_dates("fr", pub, "Réunion le 3 Aout a Tunis.", "3 Aout=2025-08-03");
  expect_dates("fr", pub, "Arrivée le 7 sept. 2025 à Rabat.",
               "7 sept. 2025=2025-09-07");
  /* numeric forms */
  expect_dates("fr", pub, "Publié le 03/09/2025 à Alger.",
               "03/09/2025=2025-09-03");
  expect_dates("fr", pub, "Mis à jour le 2025-09-04 à midi.",
               "2025-09-04=2025-09-04");
}

static void test_fr_ranges(void **state) {
  (void)state;
  const char *pub = "2025-09-05";
  expect_dates("fr", pub,
               "Le forum s'est tenu du 30 août au 2 septembre à "
               "Abidjan.",
               "du 30 août au 2 septembre=2025-08-30/2025-09-02");
  expect_dates("fr", pub,
               "Les ministres se sont réunis les 3 et 4 septembre "
               "à Bruxelles.",
               "3 et 4 septembre=2025-09-03/2025-09-04");
  expect_dates("fr", pub, "Des ateliers les 2, 3 et 4 septembre à Rabat.",
               "2, 3 et 4 septembre=2025-09-02/2025-09-04");
  expect_dates("fr", pub,
               "Les journées 3-4 septembre ont réuni la police "
               "kényane.",
               "3-4 septembre=2025-09-03/2025-09-04");
  expect_dates("fr", pub,
               "Le salon se tiendra du 10 au 12 novembre 2025 à "
               "Doha.",
               "du 10 au 12 novembre 2025=2025-11-10/2025-11-12");
  expect_dates("fr", pub,
               "Les élections auront lieu entre le 3 et le 5 "
               "octobre.",
               "entre le 3 et le 5 octobre=2025-10-03/2025-10-05");
  /* a year on the end applies to both ends, crossing the new year */
  expect_dates("fr", pub, "La trêve a duré du 28 décembre au 3 janvier 2025.",
               "du 28 décembre au 3 janvier 2025=2024-12-28/2025-01-03");
  /* an impossible or backwards range is no range */
  expect_dates("fr", pub, "Une session du 5 au 3 septembre.", "");
  expect_dates("fr", pub, "Une session du 30 au 31 septembre.", "");
}

static void test_fr_months_years(void **state) {
  (void)state;
  const char *pub = "2025-09-05";
  expect_dates("fr", pub,
               "En mai dernier, la Banque mondiale a publié un "
               "rapport.",
               "mai dernier=2025-05");
  expect_dates("fr", pub,
               "en mai, le gouvernement malien a annoncé des "
               "réformes.",
               "mai=2025-05");
  expect_dates("fr", pub, "Les négociations reprendront en janvier prochain.",
               "janvier prochain=2026-01");
  expect_dates("fr", pub, "Le rapport a été publié en septembre 2024.",
               "septembre 2024=2024-09");
  expect_dates("fr", pub, "Depuis 2019, l'agence a doublé ses effectifs.",
               "2019=2019");
  /* "dernier" said in the same month means the year before */
  expect_dates("fr", "2025-05-20", "En mai dernier, le ministre a démissionné.",
               "mai dernier=2024-05");
  /* without a publication date only what carries its own year */
  expect_dates("fr", "",
               "En mai dernier, puis en 2024 et le 3 septembre "
               "2025.",
               "2024=2024 | 3 septembre 2025=2025-09-03");
}

static void test_fr_weekdays_relative(void **state) {
  (void)state;
  /* 2025-09-05 is a Friday */
  const char *pub = "2025-09-05";
  expect_dates("fr", pub, "Le ministre kényan est arrivé mardi à Addis-Abeba.",
               "mardi=2025-09-02");
  expect_dates("fr", pub, "Il s'est exprimé vendredi devant la presse.",
               "vendredi=2025-09-05");
  expect_dates("fr", pub, "Il reviendra vendredi prochain.",
               "vendredi prochain=2025-09-12");
  expect_dates("fr", pub, "Il était à Tunis lundi dernier.",
               "lundi dernier=2025-09-01");
  expect_dates("fr", pub, "Le texte a été adopté hier par le Sénat.",
               "hier=2025-09-04");
  expect_dates("fr", pub, "Les résultats seront connus demain.",
               "demain=2025-09-06");
  expect_dates("fr", pub, "Cette année, la croissance ralentit.",
               "Cette année=2025");
  /* a weekday needs a publication day */
  expect_dates("fr", "2025-09", "Il est arrivé mardi.", "");
  expect_dates("fr", "", "Il est arrivé mardi.", "");
}

/* ---- English ---- */

static void test_en_days_ranges(void **state) {
  (void)state;
  const char *pub = "2025-09-05";
  expect_dates("en", pub,
               "Jane Okafor, director of the agency, spoke in "
               "Accra on September 3, 2025.",
               "September 3, 2025=2025-09-03");
  expect_dates("en", pub, "The summit opened on 2 September in Nairobi.",
               "2 September=2025-09-02");
  expect_dates("en", pub, "The ministers met on September 3rd.",
               "September 3rd=2025-09-03");
  expect_dates("en", pub,
               "Police chiefs met 3-4 September at the "
               "headquarters in Lyon, France.",
               "3-4 September=2025-09-03/2025-09-04");
  expect_dates("en", pub,
               "The talks were held September 3-4, 2025, in "
               "Geneva.",
               "September 3-4, 2025=2025-09-03/2025-09-04");
  expect_dates("en", pub, "Delegates gathered from 3 to 5 September.",
               "from 3 to 5 September=2025-09-03/2025-09-05");
  expect_dates("en", pub, "The fair runs from August 30 to September 2.",
               "from August 30 to September 2=2025-08-30/2025-09-02");
  expect_dates("en", pub, "Talks took place between 1 and 2 September.",
               "between 1 and 2 September=2025-09-01/2025-09-02");
  expect_dates("en", pub, "It was signed on Tuesday, September 2, 2025.",
               "Tuesday, September 2, 2025=2025-09-02");
  expect_dates("en", pub, "Posted 09/03/2025 by the press office.",
               "09/03/2025=2025-09-03");
}

static void test_en_months_years(void **state) {
  (void)state;
  const char *pub = "2025-09-05";
  expect_dates("en", pub, "Last May, the World Bank published a report.",
               "Last May=2025-05");
  expect_dates("en", pub, "In May, the government of Mali announced reforms.",
               "May=2025-05");
  expect_dates("en", pub, "Negotiations resume next January.",
               "next January=2026-01");
  expect_dates("en", pub, "The report came out in September 2024.",
               "September 2024=2024-09");
  expect_dates("en", pub, "The assembly will be held in 2025 in Marrakech.",
               "2025=2025");
  expect_dates("en", pub, "Prices rose from 2019 to 2023 in Kenya.",
               "from 2019 to 2023=2019/2023");
  /* weekdays and relative days */
  expect_dates("en", pub, "The minister arrived in Addis Ababa on Tuesday.",
               "Tuesday=2025-09-02");
  expect_dates("en", pub, "He will return next Friday.",
               "next Friday=2025-09-12");
  expect_dates("en", pub, "The bill passed yesterday.", "yesterday=2025-09-04");
  expect_dates("en", pub, "Last year, exports fell.", "Last year=2024");
}

/* The year of a day-month without one: the nearest to publication. */
static void test_year_heuristic(void **state) {
  (void)state;
  expect_dates("fr", "2025-01-10", "Les faits datent du 15 décembre.",
               "15 décembre=2024-12-15");
  expect_dates("fr", "2025-12-20", "Le vote est prévu le 10 janvier.",
               "10 janvier=2026-01-10");
  expect_dates("en", "2025-01-10", "Talks ended on December 15.",
               "December 15=2024-12-15");
  expect_dates("fr", "2025-01-10", "en décembre, les prix ont baissé.",
               "décembre=2024-12");
  /* a day that does not exist in the chosen year */
  expect_dates("fr", "2025-03-01", "Il est né un 29 février.",
               "29 février=2024-02-29");
  expect_dates("fr", "2025-03-01", "Voté le 29 février dernier.", "");
  expect_dates("fr", "2024-03-01", "Le texte est passé le 29 février.",
               "29 février=2024-02-29");
  /* a publication date known only to the year still places plain dates */
  expect_dates("fr", "2025", "Le sommet du 3 septembre.",
               "3 septembre=2025-09-03");
  expect_dates("fr", "2025", "En mai dernier, rien.", "");
}

/* ---- what is not a date ---- */

static void test_negatives(void **state) {
  (void)state;
  const char *pub = "2025-09-05";
  expect_dates("fr", pub, "Plus de 1500 policiers ont été déployés à Lyon.",
               "");
  expect_dates("fr", pub, "Rendez-vous le 3 à Lyon.", "");
  expect_dates("fr", pub, "L'Article 4 du traité est clair.", "");
  expect_dates("en", pub, "Article 4 of the charter applies.", "");
  expect_dates("fr", pub, "Le 31 septembre n'existe pas.", "");
  expect_dates("fr", pub, "en 1500 exemplaires.", "");
  expect_dates("fr", pub, "Un budget de 2025 euros.", "");
  expect_dates("fr", pub, "Il a vu mai.", "");
  expect_dates("fr", pub, "En sept ans, le nombre a doublé.", "");
  expect_dates("en", pub, "They may meet in Lyon.", "");
  expect_dates("en", pub, "The march on the capital drew 3000 people.", "");
  expect_dates("en", pub, "It scored 3-4 against Ghana.", "");
  expect_dates("en", pub, "The ratio is 12/40/2025.", "");
  expect_dates("fr", pub, "Le 15/13/2025 n'est pas une date.", "");
}

/* Several dates in one text, kept in order and without overlap. */
static void test_several(void **state) {
  (void)state;
  expect_dates("fr", "2025-09-05",
               "Après la visite du 2 septembre à Rabat, le ministre Karim "
               "Benali se rendra à Tunis le 15 septembre. En 2026, le "
               "forum aura lieu à Dakar.",
               "2 septembre=2025-09-02 | 15 septembre=2025-09-15 | "
               "2026=2026");
  /* lang NULL: both languages */
  expect_dates(NULL, "2025-09-05",
               "Le 3 septembre à Lyon. On 4 September in London.",
               "3 septembre=2025-09-03 | 4 September=2025-09-04");
}

/* The whole sample article, segmented into sentences. */
static void test_sample_article(void **state) {
  (void)state;
  char path[4096];
  snprintf(path, sizeof path, "%s/samples/interpol-mena-lyon.fr.txt", srcdir());
  char *text = NULL;
  size_t len = 0;
  assert_int_equal(ng_read_file(path, &text, &len), NG_SUCCESS);
  expect_dates("fr", "2025-09-05", text,
               "du 3 au 4 septembre=2025-09-03/2025-09-04 | "
               "mai dernier=2025-05 | 2025=2025");
  ng_free(text);
}

/* ---- allocation failures ---- */

static long g_allocs_left = -1; /* -1: never fail */

static void *failing_malloc(size_t n) {
  if (g_allocs_left == 0) return NULL;
  if (g_allocs_left > 0) g_allocs_left--;
  return malloc(n);
}

static void *failing_realloc(void *p, size_t n) {
  if (g_allocs_left == 0) return NULL;
  if (g_allocs_left > 0) g_allocs_left--;
  return realloc(p, n);
}

static void test_nomem(void **state) {
  (void)state;
  static const char text[] =
      "Du 3 au 4 septembre, puis le 8 septembre et en mai dernier, les 10 "
      "et 11 octobre, en 2025, mardi, hier et le 2025-09-01.";
  NgDate pub = {2025, 9, 5, NG_DATE_DAY};
  NgArena *arena = ng_arena_new(4096);
  assert_non_null(arena);
  NgToken *toks = NULL;
  size_t nt = 0;
  assert_int_equal(ng_tokenize(text, strlen(text), g_lex, arena, &toks, &nt),
                   NG_SUCCESS);
  static const NgAllocator failing = {failing_malloc, failing_realloc, free};
  bool succeeded = false;
  for (long budget = 0; budget < 64 && !succeeded; budget++) {
    /* one existing mention, to check that a failure keeps it */
    NgDateMention *ms = malloc(sizeof *ms);
    assert_non_null(ms);
    memset(ms, 0, sizeof *ms);
    ms[0].t0 = 99;
    size_t n = 1, cap = 1;
    g_allocs_left = budget;
    ng_set_allocator(&failing);
    NgStatus st = ng_dates_find(toks, 0, nt, g_lex, "fr", &pub, &ms, &n, &cap);
    ng_set_allocator(NULL);
    g_allocs_left = -1;
    if (st == NG_SUCCESS) {
      succeeded = true;
      assert_int_equal(n, 1 + 8);
    } else {
      assert_int_equal(st, NG_ERR_NOMEM);
      assert_int_equal(n, 1);
    }
    assert_int_equal(ms[0].t0, 99);
    free(ms);
  }
  assert_true(succeeded);
  ng_arena_free(arena);
}

/* A long sentence full of numbers and month names stays linear. */
static void test_pathological(void **state) {
  (void)state;
  static const char unit[] = "du 3 au 4 septembre et 5 ";
  enum { REPEAT = 20000 };
  size_t ul = strlen(unit);
  char *text = malloc(ul * REPEAT + 1);
  assert_non_null(text);
  for (size_t i = 0; i < REPEAT; i++) memcpy(text + i * ul, unit, ul);
  text[ul * REPEAT] = '\0';
  NgArena *arena = ng_arena_new(1 << 16);
  assert_non_null(arena);
  NgToken *toks = NULL;
  size_t nt = 0;
  assert_int_equal(ng_tokenize(text, ul * REPEAT, g_lex, arena, &toks, &nt),
                   NG_SUCCESS);
  NgDate pub = {2025, 9, 5, NG_DATE_DAY};
  NgDateMention *ms = NULL;
  size_t n = 0, cap = 0;
  assert_int_equal(ng_dates_find(toks, 0, nt, g_lex, "fr", &pub, &ms, &n, &cap),
                   NG_SUCCESS);
  assert_int_equal(n, REPEAT);
  for (size_t i = 0; i < n; i++) {
    assert_int_equal(ms[i].start.day, 3);
    assert_int_equal(ms[i].end.day, 4);
    if (i) assert_true(ms[i].t0 >= ms[i - 1].t1);
  }
  ng_free(ms);
  ng_arena_free(arena);
  free(text);
}

static void test_api_edges(void **state) {
  (void)state;
  NgDateMention *ms = NULL;
  size_t n = 0, cap = 0;
  assert_int_equal(ng_dates_find(NULL, 0, 0, g_lex, "fr", NULL, &ms, &n, &cap),
                   NG_SUCCESS);
  assert_int_equal(n, 0);
  assert_int_equal(ng_dates_find(NULL, 0, 3, g_lex, "fr", NULL, &ms, &n, &cap),
                   NG_ERR_ARG);
  assert_int_equal(ng_dates_find(NULL, 0, 0, g_lex, "fr", NULL, NULL, &n, &cap),
                   NG_ERR_ARG);
  ng_free(ms);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_parse_valid),
      cmocka_unit_test(test_parse_invalid),
      cmocka_unit_test(test_format),
      cmocka_unit_test(test_days_cmp),
      cmocka_unit_test(test_sample_sentences),
      cmocka_unit_test(test_fr_days),
      cmocka_unit_test(test_fr_ranges),
      cmocka_unit_test(test_fr_months_years),
      cmocka_unit_test(test_fr_weekdays_relative),
      cmocka_unit_test(test_en_days_ranges),
      cmocka_unit_test(test_en_months_years),
      cmocka_unit_test(test_year_heuristic),
      cmocka_unit_test(test_negatives),
      cmocka_unit_test(test_several),
      cmocka_unit_test(test_sample_article),
      cmocka_unit_test(test_nomem),
      cmocka_unit_test(test_pathological),
      cmocka_unit_test(test_api_edges),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
