/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * ingest: every input kind read from fixtures in tests/fixtures/ingest
 * (invented news), with the extracted text and metadata asserted exactly;
 * hostile and oversized inputs refused with clear diagnostics.
 */
#define _POSIX_C_SOURCE 200809L

#include "ingest.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

#define MAX_DIAGS 16

typedef struct {
  size_t n;
  NgStatus status[MAX_DIAGS];
  NgLogLevel level[MAX_DIAGS];
  unsigned line[MAX_DIAGS];
  char file[MAX_DIAGS][256];
  char msg[MAX_DIAGS][512];
} Diags;

static void
capture(void *handle, const NgDiag *d)
{
  Diags *g = handle;
  if (g->n < MAX_DIAGS) {
    g->status[g->n] = d->status;
    g->level[g->n] = d->level;
    g->line[g->n] = d->line;
    snprintf(g->file[g->n], sizeof g->file[0], "%s", d->file ? d->file : "");
    snprintf(g->msg[g->n], sizeof g->msg[0], "%s", d->message);
  }
  g->n++;
}

static char *
fixture(const char *name)
{
  const char *src = getenv("NG_SRCDIR");
  static char path[1024];
  snprintf(path, sizeof path, "%s/tests/fixtures/ingest/%s",
           src && *src ? src : ".", name);
  return path;
}

typedef struct {
  NgDoc *docs[16];
  size_t n;
  NgStatus end;   /* what the last ng_reader_next returned */
  size_t errors;
  Diags diags;
} Run;

static void
run_stream(Run *run, FILE *f, const char *name, NgReaderOptions *opts)
{
  memset(run, 0, sizeof *run);
  NgReaderOptions o;
  if (opts) {
    o = *opts;
  } else {
    memset(&o, 0, sizeof o);
  }
  o.log = capture;
  o.log_handle = &run->diags;
  NgStatus st;
  NgReader *r = ng_reader_new(f, name, &o, &st);
  assert_non_null(r);
  assert_int_equal(st, NG_SUCCESS);
  NgDoc *d = NULL;
  while ((st = ng_reader_next(r, &d)) == NG_SUCCESS) {
    assert_non_null(d);
    assert_true(run->n < NG_COUNTOF(run->docs));
    run->docs[run->n++] = d;
  }
  assert_null(d);
  run->end = st;
  run->errors = ng_reader_errors(r);
  /* After the end, the reader stays at the end. */
  assert_int_equal(ng_reader_next(r, &d), NG_FAILURE);
  ng_reader_free(r);
}

static void
run_file(Run *run, const char *name, NgInputFormat fmt)
{
  char *path = fixture(name);
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  NgReaderOptions o;
  memset(&o, 0, sizeof o);
  o.format = fmt;
  run_stream(run, f, path, &o);
  fclose(f);
}

static void
run_bytes(Run *run, const char *bytes, size_t len, const char *name,
          NgReaderOptions *opts)
{
  FILE *f = fmemopen((void *)(uintptr_t)bytes, len, "rb");
  assert_non_null(f);
  run_stream(run, f, name, opts);
  fclose(f);
}

static void
run_free(Run *run)
{
  for (size_t i = 0; i < run->n; i++) {
    ng_doc_free(run->docs[i]);
  }
  run->n = 0;
}

static void
assert_date(const NgDate *d, int y, int m, int day)
{
  assert_int_equal(d->prec, NG_DATE_DAY);
  assert_int_equal(d->year, y);
  assert_int_equal(d->month, m);
  assert_int_equal(d->day, day);
}

static char *
slurp(const char *path, size_t *len)
{
  char *data = NULL;
  assert_int_equal(ng_read_file(path, &data, len), NG_SUCCESS);
  return data;
}

/* ------------------------------------------------------------------ */
/* Documents and formats                                               */

static void
test_format_parse(void **state)
{
  NG_UNUSED(state);
  static const struct {
    const char *name;
    NgInputFormat fmt;
  } ok[] = {{"auto", NG_INPUT_AUTO}, {"text", NG_INPUT_TEXT},
            {"html", NG_INPUT_HTML}, {"xml", NG_INPUT_XML},
            {"rss", NG_INPUT_RSS},   {"ndjson", NG_INPUT_NDJSON}};
  for (size_t i = 0; i < NG_COUNTOF(ok); i++) {
    NgInputFormat f = NG_INPUT_TEXT;
    assert_int_equal(ng_input_format_parse(ok[i].name, &f), NG_SUCCESS);
    assert_int_equal(f, ok[i].fmt);
  }
  NgInputFormat f;
  assert_int_equal(ng_input_format_parse("pdf", &f), NG_ERR_ARG);
  assert_int_equal(ng_input_format_parse("", &f), NG_ERR_ARG);
  assert_int_equal(ng_input_format_parse(NULL, &f), NG_ERR_ARG);
}

static void
test_doc_new(void **state)
{
  NG_UNUSED(state);
  NgStatus st;
  /* BOM dropped, CRLF kept, decomposed e + U+0301 composed to U+00E9. */
  const char in[] = "\xEF\xBB\xBF"
                    "Caf"
                    "e\xCC\x81\r\nfin";
  NgDoc *d = ng_doc_new("a.txt", in, sizeof in - 1, &st);
  assert_non_null(d);
  assert_int_equal(st, NG_SUCCESS);
  assert_string_equal(d->text, "Caf\xC3\xA9\r\nfin");
  assert_int_equal(d->len, strlen("Caf\xC3\xA9\r\nfin"));
  assert_string_equal(d->id, "a.txt");
  assert_null(d->lang);
  assert_int_equal(d->date.prec, NG_DATE_NONE);
  assert_int_equal(ng_doc_set(&d->title, "Titre"), NG_SUCCESS);
  assert_string_equal(d->title, "Titre");
  assert_int_equal(ng_doc_set(&d->title, NULL), NG_SUCCESS);
  assert_null(d->title);
  ng_doc_free(d);

  assert_null(ng_doc_new("b", "caf\xE9", 4, &st));
  assert_int_equal(st, NG_ERR_ENCODING);
  assert_null(ng_doc_new("c", "a\0b", 3, &st));
  assert_int_equal(st, NG_ERR_ENCODING);
  d = ng_doc_new("empty", "", 0, &st);
  assert_non_null(d);
  assert_string_equal(d->text, "");
  ng_doc_free(d);
  ng_doc_free(NULL);
  ng_reader_free(NULL);
}

static void
test_dates(void **state)
{
  NG_UNUSED(state);
  NgDate d;
  assert_int_equal(ng_ingest_parse_date("Fri, 05 Sep 2025 10:00:00 GMT", &d),
                   NG_SUCCESS);
  assert_date(&d, 2025, 9, 5);
  assert_int_equal(ng_ingest_parse_date("5 Sep 2025 23:59 +0200", &d),
                   NG_SUCCESS);
  assert_date(&d, 2025, 9, 5);
  assert_int_equal(ng_ingest_parse_date("20251009T101500+0200", &d),
                   NG_SUCCESS);
  assert_date(&d, 2025, 10, 9);
  assert_int_equal(ng_ingest_parse_date(" 2025-10-06T09:30:00+00:00 ", &d),
                   NG_SUCCESS);
  assert_date(&d, 2025, 10, 6);
  assert_int_equal(ng_ingest_parse_date("Mon, 31 Feb 2025 00:00:00 GMT", &d),
                   NG_ERR_SYNTAX);
  assert_int_equal(ng_ingest_parse_date("yesterday", &d), NG_ERR_SYNTAX);
  assert_int_equal(ng_ingest_parse_date("", &d), NG_ERR_SYNTAX);

  char *l = ng_ingest_lang_tag("fr-FR");
  assert_string_equal(l, "fr");
  ng_free(l);
  l = ng_ingest_lang_tag("EN_us");
  assert_string_equal(l, "en");
  ng_free(l);
  assert_null(ng_ingest_lang_tag("x"));
  assert_null(ng_ingest_lang_tag("français"));
}

/* ------------------------------------------------------------------ */
/* HTML                                                                */

static void
test_html_page(void **state)
{
  NG_UNUSED(state);
  Run run;
  run_file(&run, "news-page.fr.html", NG_INPUT_HTML);
  assert_int_equal(run.end, NG_FAILURE);
  assert_int_equal(run.errors, 0);
  assert_int_equal(run.diags.n, 0);
  assert_int_equal(run.n, 1);
  NgDoc *d = run.docs[0];
  /* The expected text is the article as plain text, one paragraph (or
   * heading) per line, in news-page.fr.txt. */
  size_t len;
  char *want = slurp(fixture("news-page.fr.txt"), &len);
  assert_string_equal(d->text, want);
  assert_int_equal(d->len, len);
  ng_free(want);
  assert_int_equal(strchr(d->text, '\n') - d->text, 192);
  assert_non_null(strstr(d->text, "\nUn partenariat portuaire\n"));
  assert_string_equal(d->id, "news-page.fr.html");
  assert_string_equal(d->title,
                      "La ministre norvégienne du Commerce attendue à Abidjan");
  assert_string_equal(
      d->url,
      "https://quotidien-du-golfe.example/international/"
      "ministre-norvegienne-abidjan");
  assert_string_equal(d->lang, "fr");
  assert_string_equal(d->publisher, "Le Quotidien du Golfe");
  assert_date(&d->date, 2025, 10, 6);
  /* None of the page furniture leaks into the text. */
  static const char *const furniture[] = {
      "cookies", "Facebook", "Publicité", "loadAd", "dataLayer", "Lire aussi",
      "Commentaires", "routes", "Recevez", "Mentions", "San-Pédro modernise",
      "Accueil", "Par Awa", "emplacement"};
  for (size_t i = 0; i < NG_COUNTOF(furniture); i++) {
    assert_null(strstr(d->text, furniture[i]));
  }
  run_free(&run);
}

static void
test_html_same_as_text(void **state)
{
  NG_UNUSED(state);
  Run html, text;
  run_file(&html, "news-page.fr.html", NG_INPUT_AUTO);
  run_file(&text, "news-page.fr.txt", NG_INPUT_AUTO);
  assert_int_equal(html.n, 1);
  assert_int_equal(text.n, 1);
  assert_string_equal(html.docs[0]->text, text.docs[0]->text);
  assert_int_equal(html.docs[0]->len, text.docs[0]->len);
  /* The plain text carries no metadata of its own. */
  assert_null(text.docs[0]->title);
  assert_null(text.docs[0]->lang);
  assert_string_equal(text.docs[0]->id, "news-page.fr.txt");
  run_free(&html);
  run_free(&text);
}

/* Metadata from JSON-LD alone, and the "most paragraph text" fallback. */
static void
test_html_jsonld_and_fallback(void **state)
{
  NG_UNUSED(state);
  static const char page[] =
      "<html><head><title>Site title</title>"
      "<script type=\"application/ld+json\">[{\"@type\":\"WebSite\","
      "\"name\":\"x\"},{\"@type\":[\"Thing\",\"ReportageNewsArticle\"],"
      "\"headline\":\"Envoy meets herders\",\"datePublished\":"
      "\"2025-03-02\",\"inLanguage\":{\"@type\":\"Language\","
      "\"alternateName\":\"en-GB\"},\"mainEntityOfPage\":{\"@id\":"
      "\"https://plains.example/envoy\"},\"publisher\":[{\"@type\":"
      "\"Organization\",\"name\":\"Plains Courier\"}]}]</script>"
      "<script type=\"application/ld+json\">{ broken json</script>"
      "</head><body>"
      "<div id=\"cookie-consent\"><p>We use cookies to give you a better "
      "experience on this site, with partners who measure audiences and "
      "show you adverts that match your interests.</p></div>"
      "<div class=\"story\"><p>The envoy met herders near the border.</p>"
      "<p>They discussed water rights   and grazing.</p></div>"
      "<div class=\"teaser\"><p>Short teaser.</p></div>"
      "</body></html>";
  Run run;
  NgReaderOptions o;
  memset(&o, 0, sizeof o);
  o.lang = "fr"; /* a default: the page says otherwise */
  run_bytes(&run, page, sizeof page - 1, "pages/envoy.html", &o);
  assert_int_equal(run.n, 1);
  NgDoc *d = run.docs[0];
  assert_string_equal(d->id, "envoy.html");
  assert_string_equal(d->text, "The envoy met herders near the border.\n"
                               "They discussed water rights and grazing.\n");
  assert_string_equal(d->title, "Envoy meets herders");
  assert_string_equal(d->url, "https://plains.example/envoy");
  assert_string_equal(d->publisher, "Plains Courier");
  assert_string_equal(d->lang, "en");
  assert_date(&d->date, 2025, 3, 2);
  run_free(&run);
}

/* Windows-1252 bytes in a page that declares nothing. */
static void
test_html_legacy(void **state)
{
  NG_UNUSED(state);
  static const char page[] = "<html><body><article><p>L\x92\xE9t\xE9 "
                             "\xAB chaud \xBB</p></article></body></html>";
  Run run;
  run_bytes(&run, page, sizeof page - 1, "legacy.html", NULL);
  assert_int_equal(run.n, 1);
  assert_string_equal(run.docs[0]->text,
                      "L\xE2\x80\x99\xC3\xA9t\xC3\xA9 \xC2\xAB chaud "
                      "\xC2\xBB\n");
  run_free(&run);
}

/* ------------------------------------------------------------------ */
/* Feeds and news XML                                                  */

static void
test_rss(void **state)
{
  NG_UNUSED(state);
  Run run;
  run_file(&run, "feed.rss", NG_INPUT_RSS);
  assert_int_equal(run.end, NG_FAILURE);
  assert_int_equal(run.errors, 0);
  assert_int_equal(run.n, 3);

  NgDoc *d = run.docs[0];
  assert_string_equal(d->id, "https://harbour-wire.example/world/2025/10/07/"
                             "finland-chile-visit");
  assert_string_equal(d->url, d->id);
  assert_string_equal(
      d->title,
      "Finnish president arrives in Santiago for three-day state visit");
  /* content:encoded is preferred to the description; its share box goes. */
  assert_string_equal(
      d->text,
      "The Finnish president, Aino Lehtonen, landed in Santiago on Tuesday "
      "for a three-day state visit to Chile.\n"
      "She is due to meet President Tomás Ibarra at La Moneda palace on "
      "Wednesday to discuss copper, lithium and forestry.\n");
  assert_date(&d->date, 2025, 10, 7);
  assert_string_equal(d->lang, "en");
  assert_string_equal(d->publisher, "Harbour Street Wire - World");
  assert_true(strstr(d->source, "feed.rss:12") != NULL);

  d = run.docs[1];
  assert_string_equal(d->id, "https://harbour-wire.example/world/2025/10/07/"
                             "chile-finland-research");
  assert_string_equal(d->title, "Chile and Finland sign research agreement");
  assert_string_equal(d->text,
                      "Universities in both countries will share polar "
                      "research vessels.\n"
                      "The agreement runs for five years.\n");
  assert_date(&d->date, 2025, 10, 7);

  /* No guid, no link: "<name>#<n>"; empty description: the title. */
  d = run.docs[2];
  assert_string_equal(d->id, "feed.rss#3");
  assert_null(d->url);
  assert_string_equal(d->text,
                      "Lehtonen to address the Chilean Congress in "
                      "Valparaíso");
  assert_string_equal(d->title, d->text);
  assert_date(&d->date, 2025, 10, 8);
  run_free(&run);
}

static void
test_atom(void **state)
{
  NG_UNUSED(state);
  Run run;
  run_file(&run, "feed.atom", NG_INPUT_XML);
  assert_int_equal(run.errors, 0);
  assert_int_equal(run.n, 2);
  NgDoc *d = run.docs[0];
  assert_string_equal(d->id, "tag:northern-ledger.example,2025:1001");
  assert_string_equal(d->url,
                      "https://northern-ledger.example/2025/10/"
                      "japan-nordic-tour");
  assert_string_equal(d->title,
                      "Japanese foreign minister begins Nordic tour in Oslo");
  assert_string_equal(d->text,
                      "Japan\xE2\x80\x99s foreign minister, Haruto Mori, "
                      "began a tour of the Nordic countries in Oslo on "
                      "Wednesday.\n"
                      "Talks with his Norwegian counterpart focused on "
                      "Arctic shipping routes.\n");
  assert_date(&d->date, 2025, 10, 8); /* published, not updated */
  assert_string_equal(d->lang, "en");
  assert_string_equal(d->publisher, "Northern Ledger");

  d = run.docs[1];
  assert_string_equal(d->id, "tag:northern-ledger.example,2025:1002");
  assert_string_equal(d->url,
                      "https://northern-ledger.example/fr/2025/10/"
                      "japon-stockholm");
  assert_string_equal(d->title, "Visite du ministre japonais à Stockholm");
  assert_string_equal(d->text,
                      "Le ministre japonais des Affaires étrangères est "
                      "arrivé jeudi à Stockholm.\n"
                      "Commerce maritime\n"
                      "Énergie\n");
  assert_date(&d->date, 2025, 10, 9);
  assert_string_equal(d->lang, "fr");
  run_free(&run);
}

static void
test_nitf(void **state)
{
  NG_UNUSED(state);
  Run run;
  run_file(&run, "article.nitf.xml", NG_INPUT_AUTO);
  assert_int_equal(run.errors, 0);
  assert_int_equal(run.n, 1);
  NgDoc *d = run.docs[0];
  assert_string_equal(d->id, "AGP-20251009-0042");
  assert_string_equal(d->title,
                      "Le Premier ministre belge en visite à Rabat");
  assert_string_equal(d->text,
                      "Le Premier ministre belge, Pieter Claes, est arrivé "
                      "jeudi à Rabat, première étape d’une tournée "
                      "africaine.\n"
                      "Énergie et formation\n"
                      "Les gouvernements doivent signer des accords "
                      "sur l’hydrogène vert et la formation "
                      "professionnelle.\n");
  assert_date(&d->date, 2025, 10, 9);
  assert_string_equal(d->lang, "fr");
  assert_string_equal(d->publisher, "Agence Presse Golfe");
  run_free(&run);
}

static void
test_newsml(void **state)
{
  NG_UNUSED(state);
  Run run;
  run_file(&run, "item.newsml.xml", NG_INPUT_AUTO);
  assert_int_equal(run.errors, 0);
  assert_int_equal(run.n, 1);
  NgDoc *d = run.docs[0];
  assert_string_equal(d->id, "urn:newsml:southwire.example:20251010:"
                             "visit-042");
  assert_string_equal(d->title,
                      "Kenyan trade minister opens talks in Mexico City");
  assert_string_equal(d->text,
                      "Kenya's trade minister, Wanjiru Otieno, opened two "
                      "days of talks in Mexico City on Thursday.\n"
                      "The delegation hopes to expand exports of tea and "
                      "cut flowers.\n");
  /* contentCreated, in the publisher's own zone. */
  assert_date(&d->date, 2025, 10, 9);
  assert_string_equal(d->lang, "en");
  assert_string_equal(d->publisher, "Southern Wire Service");
  run_free(&run);
}

/* ------------------------------------------------------------------ */
/* NDJSON                                                              */

static void
test_ndjson(void **state)
{
  NG_UNUSED(state);
  Run run;
  run_file(&run, "batch.ndjson", NG_INPUT_AUTO);
  assert_int_equal(run.end, NG_FAILURE);
  assert_int_equal(run.errors, 2);
  assert_int_equal(run.n, 4);

  NgDoc *d = run.docs[0];
  assert_string_equal(d->id, "wire-001");
  assert_string_equal(d->text,
                      "Brazil's foreign minister arrived in Lagos on "
                      "Saturday.");
  assert_string_equal(d->url, "https://southwire.example/a/001");
  assert_string_equal(d->title, "Brazilian minister visits Lagos");
  assert_string_equal(d->publisher, "Southern Wire Service");
  assert_string_equal(d->lang, "en");
  assert_date(&d->date, 2025, 10, 11);

  d = run.docs[1];
  assert_string_equal(d->id, "batch.ndjson:4");
  assert_string_equal(d->lang, "fr");
  /* Escapes decoded, and e + combining acute composed (NFC). */
  assert_string_equal(d->text, "Le ministre s\xE2\x80\x99"
                               "est rendu \xC3\xA0 Lagos. "
                               "Caf\xC3\xA9 offert.");
  assert_true(strstr(d->source, "batch.ndjson:4") != NULL);

  d = run.docs[2];
  assert_string_equal(d->id, "wire-004");
  assert_null(d->title); /* null is absent */
  assert_date(&d->date, 2025, 10, 11);

  d = run.docs[3];
  assert_string_equal(d->id, "wire-005");
  assert_string_equal(d->text, "Last line without a newline.");

  /* The two bad lines, by line number, with their reason. */
  assert_int_equal(run.diags.n, 2);
  assert_int_equal(run.diags.line[0], 3);
  assert_int_equal(run.diags.status[0], NG_ERR_SYNTAX);
  assert_non_null(strstr(run.diags.msg[0], "malformed JSON"));
  assert_non_null(strstr(run.diags.file[0], "batch.ndjson"));
  assert_int_equal(run.diags.line[1], 5);
  assert_int_equal(run.diags.status[1], NG_ERR_ENCODING);
  assert_non_null(strstr(run.diags.msg[1], "UTF-8"));
  run_free(&run);
}

static void
test_ndjson_bad_fields(void **state)
{
  NG_UNUSED(state);
  static const char batch[] =
      "{\"text\":\"ok one\"}\r\n"
      "{\"id\":7,\"text\":\"id is a number\"}\n"
      "{\"id\":\"x\",\"text\":\"\"}\n"
      "{\"id\":\"y\"}\n"
      "[\"not\",\"an\",\"object\"]\n"
      "{\"text\":\"two objects\"} {\"text\":\"on a line\"}\n"
      "   \n"
      "{\"text\":\"bad date kept\",\"date\":\"sometime\",\"x\":[1,{}]}\n";
  Run run;
  NgReaderOptions o;
  memset(&o, 0, sizeof o);
  o.format = NG_INPUT_NDJSON;
  o.lang = "en";
  o.date.year = 2024;
  o.date.prec = NG_DATE_YEAR;
  run_bytes(&run, batch, sizeof batch - 1, "-", &o);
  assert_int_equal(run.n, 2);
  assert_int_equal(run.errors, 5);
  assert_string_equal(run.docs[0]->id, "stdin:1");
  assert_string_equal(run.docs[0]->text, "ok one");
  assert_string_equal(run.docs[0]->lang, "en"); /* the default */
  assert_int_equal(run.docs[0]->date.prec, NG_DATE_YEAR);
  assert_string_equal(run.docs[1]->id, "stdin:8");
  assert_int_equal(run.docs[1]->date.year, 2024);
  /* 5 errors and one warning for the date */
  assert_int_equal(run.diags.n, 6);
  assert_int_equal(run.diags.line[0], 2);
  assert_non_null(strstr(run.diags.msg[0], "\"id\" is not a string"));
  assert_int_equal(run.diags.line[1], 3);
  assert_non_null(strstr(run.diags.msg[1], "\"text\""));
  assert_int_equal(run.diags.line[2], 4);
  assert_int_equal(run.diags.line[3], 5);
  assert_int_equal(run.diags.line[4], 6);
  assert_int_equal(run.diags.level[5], NG_LOG_WARNING);
  assert_int_equal(run.diags.line[5], 8);
  run_free(&run);
}

/* A line over max_doc_bytes is skipped and reading resumes after it. */
static void
test_ndjson_long_line(void **state)
{
  NG_UNUSED(state);
  size_t big = 300000; /* several read chunks */
  char *batch = malloc(big + 200);
  assert_non_null(batch);
  size_t n = 0;
  n += (size_t)sprintf(batch + n, "{\"text\":\"first\"}\n{\"text\":\"");
  memset(batch + n, 'a', big);
  n += big;
  n += (size_t)sprintf(batch + n, "\"}\n{\"text\":\"after\"}\n");
  Run run;
  NgReaderOptions o;
  memset(&o, 0, sizeof o);
  o.max_doc_bytes = 1000;
  run_bytes(&run, batch, n, "big.ndjson", &o);
  assert_int_equal(run.n, 2);
  assert_int_equal(run.errors, 1);
  assert_string_equal(run.docs[0]->text, "first");
  assert_string_equal(run.docs[1]->text, "after");
  assert_string_equal(run.docs[1]->id, "big.ndjson:3");
  assert_int_equal(run.diags.status[0], NG_ERR_LIMIT);
  assert_int_equal(run.diags.line[0], 2);
  assert_non_null(strstr(run.diags.msg[0], "max_doc_bytes"));
  run_free(&run);
  free(batch);
}

/* ------------------------------------------------------------------ */
/* Plain text and encodings                                            */

static void
test_text_cp1252(void **state)
{
  NG_UNUSED(state);
  Run run;
  run_file(&run, "legacy-cp1252.txt", NG_INPUT_AUTO);
  assert_int_equal(run.n, 1);
  assert_int_equal(run.errors, 0);
  assert_string_equal(run.docs[0]->text,
                      "La d\xC3\xA9l\xC3\xA9gation fran\xC3\xA7"
                      "aise a \xC3\xA9t\xC3\xA9 re\xC3\xA7ue \xC3\xA0 "
                      "Qu\xC3\xA9"
                      "bec le 2 octobre.\n"
                      "Le ministre s\xE2\x80\x99"
                      "est dit \xC2\xAB tr\xC3\xA8s satisfait \xC2\xBB des "
                      "\xC3\xA9\x63hanges.\n");
  assert_string_equal(run.docs[0]->id, "legacy-cp1252.txt");
  run_free(&run);
}

static void
test_text_latin1_and_bom(void **state)
{
  NG_UNUSED(state);
  /* No byte in 0x80-0x9F: ISO-8859-1. */
  static const char latin1[] = "Visite \xE0 S\xE3o Tom\xE9\n";
  Run run;
  run_bytes(&run, latin1, sizeof latin1 - 1, "dir/sub/latin1.txt", NULL);
  assert_int_equal(run.n, 1);
  assert_string_equal(run.docs[0]->text,
                      "Visite \xC3\xA0 S\xC3\xA3o Tom\xC3\xA9\n");
  assert_string_equal(run.docs[0]->id, "latin1.txt");
  assert_string_equal(run.docs[0]->source, "dir/sub/latin1.txt");
  run_free(&run);

  run_file(&run, "bom-utf8.txt", NG_INPUT_TEXT);
  assert_int_equal(run.n, 1);
  assert_string_equal(run.docs[0]->text,
                      "Visit to Nairobi by the Irish minister.\n"
                      "Talks on trade.\n");
  run_free(&run);

  /* UTF-16 with a BOM. */
  static const char u16[] = "\xFF\xFEO\0k\0\xE9\0";
  run_bytes(&run, u16, sizeof u16 - 1, "-", NULL);
  assert_int_equal(run.n, 1);
  assert_string_equal(run.docs[0]->text, "Ok\xC3\xA9");
  assert_string_equal(run.docs[0]->id, "stdin");
  run_free(&run);
}

static void
test_text_defaults_and_limit(void **state)
{
  NG_UNUSED(state);
  static const char text[] = "Le ministre est arriv\xC3\xA9 mardi.\n";
  NgReaderOptions o;
  memset(&o, 0, sizeof o);
  o.lang = "fr";
  assert_int_equal(ng_date_parse("2025-09-05", &o.date), NG_SUCCESS);
  Run run;
  run_bytes(&run, text, sizeof text - 1, "note.txt", &o);
  assert_int_equal(run.n, 1);
  assert_string_equal(run.docs[0]->lang, "fr");
  assert_date(&run.docs[0]->date, 2025, 9, 5);
  run_free(&run);

  /* A page's own metadata wins over the defaults. */
  o.lang = "de";
  FILE *f = fopen(fixture("news-page.fr.html"), "rb");
  assert_non_null(f);
  run_stream(&run, f, "news-page.fr.html", &o);
  fclose(f);
  assert_int_equal(run.n, 1);
  assert_string_equal(run.docs[0]->lang, "fr");
  assert_date(&run.docs[0]->date, 2025, 10, 6);
  run_free(&run);

  o.lang = NULL;
  o.max_doc_bytes = 10;
  run_bytes(&run, text, sizeof text - 1, "note.txt", &o);
  assert_int_equal(run.n, 0);
  assert_int_equal(run.end, NG_ERR_LIMIT);
  assert_int_equal(run.errors, 1);
  assert_int_equal(run.diags.n, 1);
  assert_int_equal(run.diags.status[0], NG_ERR_LIMIT);
  assert_non_null(strstr(run.diags.msg[0], "10-byte document limit"));
}

/* ------------------------------------------------------------------ */
/* Detection                                                           */

static void
test_auto_detect(void **state)
{
  NG_UNUSED(state);
  static const struct {
    const char *file;
    size_t docs;
    const char *first_id;
  } cases[] = {
      {"news-page.fr.html", 1, "news-page.fr.html"},
      {"feed.rss", 3, "https://harbour-wire.example/world/2025/10/07/"
                      "finland-chile-visit"},
      {"feed.atom", 2, "tag:northern-ledger.example,2025:1001"},
      {"article.nitf.xml", 1, "AGP-20251009-0042"},
      {"item.newsml.xml", 1, "urn:newsml:southwire.example:20251010:"
                             "visit-042"},
      {"batch.ndjson", 4, "wire-001"},
      {"bom-utf8.txt", 1, "bom-utf8.txt"},
  };
  for (size_t i = 0; i < NG_COUNTOF(cases); i++) {
    Run run;
    run_file(&run, cases[i].file, NG_INPUT_AUTO);
    assert_int_equal(run.n, cases[i].docs);
    assert_string_equal(run.docs[0]->id, cases[i].first_id);
    run_free(&run);
  }
  /* An explicit format overrides detection. */
  Run run;
  run_file(&run, "feed.rss", NG_INPUT_TEXT);
  assert_int_equal(run.n, 1);
  assert_memory_equal(run.docs[0]->text, "<?xml", 5);
  run_free(&run);

  /* XHTML with an XML declaration is a page, not news XML. */
  static const char xhtml[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"
      "<head><title>T</title></head><body><main><p>Body "
      "text.</p></main></body></html>";
  run_bytes(&run, xhtml, sizeof xhtml - 1, "page.xhtml", NULL);
  assert_int_equal(run.n, 1);
  assert_string_equal(run.docs[0]->text, "Body text.\n");
  assert_string_equal(run.docs[0]->title, "T");
  assert_string_equal(run.docs[0]->lang, "en");
  run_free(&run);

  /* HTML fragments and pages with comments first are HTML. */
  static const char frag[] = "\n  <!-- saved page -->\n<div><p>One.</p>"
                             "<p>Two.</p></div>";
  run_bytes(&run, frag, sizeof frag - 1, "frag", NULL);
  assert_int_equal(run.n, 1);
  assert_string_equal(run.docs[0]->text, "One.\nTwo.\n");
  run_free(&run);
  /* Empty input: a text document with no text is an error, not a crash. */
  run_bytes(&run, "", 0, "empty.txt", NULL);
  assert_int_equal(run.n, 0);
  assert_int_equal(run.errors, 1);
}

/* ------------------------------------------------------------------ */
/* Safety                                                              */

static void
check_refused(const char *file, NgStatus want, const char *msg)
{
  clock_t t0 = clock();
  Run run;
  run_file(&run, file, NG_INPUT_AUTO);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  assert_true(secs < 2.0);
  assert_int_equal(run.n, 0);
  assert_int_equal(run.end, want);
  assert_int_equal(run.errors, 1);
  assert_int_equal(run.diags.n, 1);
  assert_int_equal(run.diags.status[0], want);
  assert_int_equal(run.diags.level[0], NG_LOG_ERROR);
  assert_non_null(strstr(run.diags.msg[0], msg));
  assert_non_null(strstr(run.diags.file[0], file));
  assert_true(run.diags.line[0] > 0);
}

static void
test_hostile_xml(void **state)
{
  NG_UNUSED(state);
  check_refused("xxe.xml", NG_ERR_LIMIT,
                "entity declarations are not allowed (XXE/entity "
                "expansion)");
  check_refused("billion-laughs.xml", NG_ERR_LIMIT,
                "entity declarations are not allowed");
}

static char *
nested(const char *head, const char *open, const char *close,
       const char *tail, int depth, size_t *len)
{
  size_t n = strlen(head) + strlen(tail) +
             (size_t)depth * (strlen(open) + strlen(close)) + 2;
  char *s = malloc(n);
  assert_non_null(s);
  char *p = s;
  p += sprintf(p, "%s", head);
  for (int i = 0; i < depth; i++) {
    p += sprintf(p, "%s", open);
  }
  p += sprintf(p, "x");
  for (int i = 0; i < depth; i++) {
    p += sprintf(p, "%s", close);
  }
  p += sprintf(p, "%s", tail);
  *len = (size_t)(p - s);
  return s;
}

static void
test_depth_and_syntax(void **state)
{
  NG_UNUSED(state);
  size_t n;
  Run run;
  char *xml = nested("<rss><channel><item><description>", "<b>", "</b>",
                     "</description></item></channel></rss>", 400, &n);
  run_bytes(&run, xml, n, "deep.rss", NULL);
  assert_int_equal(run.end, NG_ERR_LIMIT);
  assert_non_null(strstr(run.diags.msg[0], "nested deeper than 256"));
  free(xml);

  char *html = nested("<html><body>", "<div>", "</div>", "</body></html>",
                      400, &n);
  run_bytes(&run, html, n, "deep.html", NULL);
  assert_int_equal(run.end, NG_ERR_LIMIT);
  assert_non_null(strstr(run.diags.msg[0], "nested deeper than 256"));
  free(html);

  html = nested("<html><body>", "<div>", "</div>", "</body></html>", 100,
                &n);
  run_bytes(&run, html, n, "ok.html", NULL);
  assert_int_equal(run.n, 1);
  assert_string_equal(run.docs[0]->text, "x\n");
  run_free(&run);
  free(html);

  static const char bad[] = "<?xml version=\"1.0\"?>\n<rss><channel>\n"
                            "<item><title>A & B</title></item>\n"
                            "</channel></rss>\n";
  run_bytes(&run, bad, sizeof bad - 1, "bad.rss", NULL);
  assert_int_equal(run.end, NG_ERR_SYNTAX);
  assert_int_equal(run.errors, 1);
  assert_int_equal(run.diags.line[0], 3);
  assert_non_null(strstr(run.diags.msg[0], "malformed XML"));

  static const char other[] = "<?xml version=\"1.0\"?><catalog/>";
  run_bytes(&run, other, sizeof other - 1, "other.xml", NULL);
  assert_int_equal(run.end, NG_ERR_SYNTAX);
  assert_non_null(strstr(run.diags.msg[0], "unsupported XML document"));
}

/* Every allocation failing in turn: clean errors, no leaks, no crash. */
static size_t fail_after;
static size_t alloc_count;

static void *
failing_malloc(size_t n)
{
  return alloc_count++ >= fail_after ? NULL : malloc(n);
}

static void *
failing_realloc(void *p, size_t n)
{
  return alloc_count++ >= fail_after ? NULL : realloc(p, n);
}

static void
test_alloc_failures(void **state)
{
  NG_UNUSED(state);
  static const char *const files[] = {"feed.rss", "batch.ndjson",
                                      "news-page.fr.html"};
  NgAllocator a = {failing_malloc, failing_realloc, free};
  for (size_t f = 0; f < NG_COUNTOF(files); f++) {
    size_t len;
    char *data = slurp(fixture(files[f]), &len);
    bool completed = false;
    for (fail_after = 0; fail_after < 2000 && !completed; fail_after++) {
      alloc_count = 0;
      ng_set_allocator(&a);
      FILE *in = fmemopen(data, len, "rb");
      NgStatus st;
      Diags diags;
      memset(&diags, 0, sizeof diags);
      NgReaderOptions o;
      memset(&o, 0, sizeof o);
      o.log = capture;
      o.log_handle = &diags;
      NgReader *r = ng_reader_new(in, files[f], &o, &st);
      size_t docs = 0;
      if (r) {
        NgDoc *d;
        while ((st = ng_reader_next(r, &d)) == NG_SUCCESS ||
               st == NG_ERR_NOMEM) {
          if (st == NG_SUCCESS) {
            docs++;
            ng_doc_free(d);
          } else {
            break;
          }
        }
        completed = st == NG_FAILURE && ng_reader_errors(r) ==
                                            (f == 1 ? 2u : 0u);
        ng_reader_free(r);
      }
      ng_set_allocator(NULL);
      fclose(in);
      if (completed) {
        assert_int_equal(docs, f == 0 ? 3 : f == 1 ? 4 : 1);
      }
    }
    assert_true(completed);
    ng_free(data);
  }
}

static void
test_boilerplate_rules(void **state)
{
  NG_UNUSED(state);
  char *path = ng_data_find(NULL, "lexicon/html-boilerplate.tsv");
  assert_non_null(path);
  NgHtmlRules *rules = NULL;
  NgBuf err;
  ng_buf_init(&err);
  assert_int_equal(ng_html_rules_load(path, &rules, &err), NG_SUCCESS);
  static const char *const yes[] = {"share-buttons", "social_links",
                                    "top ad", "ads",  "navbar",
                                    "Cookie-Consent", "related-articles",
                                    "breadcrumbs",    "navigation",
                                    "byline",         "article-author"};
  static const char *const no[] = {"header-title", "lead",  "article-body",
                                   "shadow",       "story", "adapt",
                                   "readable",     "authority",
                                   ""};
  for (size_t i = 0; i < NG_COUNTOF(yes); i++) {
    assert_true(ng_html_rules_match(rules, yes[i]));
  }
  for (size_t i = 0; i < NG_COUNTOF(no); i++) {
    assert_false(ng_html_rules_match(rules, no[i]));
  }
  ng_html_rules_free(rules);
  ng_buf_free(&err);
  ng_free(path);
}

int
main(void)
{
  /* Data files from the source tree unless the harness says otherwise. */
  if (!getenv("NEWSGRAPH_DATA_PATH")) {
    const char *src = getenv("NG_SRCDIR");
    char buf[1024];
    snprintf(buf, sizeof buf, "%s/ontology", src && *src ? src : ".");
    setenv("NEWSGRAPH_DATA_PATH", buf, 1);
  }
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_format_parse),
      cmocka_unit_test(test_doc_new),
      cmocka_unit_test(test_dates),
      cmocka_unit_test(test_html_page),
      cmocka_unit_test(test_html_same_as_text),
      cmocka_unit_test(test_html_jsonld_and_fallback),
      cmocka_unit_test(test_html_legacy),
      cmocka_unit_test(test_rss),
      cmocka_unit_test(test_atom),
      cmocka_unit_test(test_nitf),
      cmocka_unit_test(test_newsml),
      cmocka_unit_test(test_ndjson),
      cmocka_unit_test(test_ndjson_bad_fields),
      cmocka_unit_test(test_ndjson_long_line),
      cmocka_unit_test(test_text_cp1252),
      cmocka_unit_test(test_text_latin1_and_bom),
      cmocka_unit_test(test_text_defaults_and_limit),
      cmocka_unit_test(test_auto_detect),
      cmocka_unit_test(test_hostile_xml),
      cmocka_unit_test(test_depth_and_syntax),
      cmocka_unit_test(test_boilerplate_rules),
      cmocka_unit_test(test_alloc_failures),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
