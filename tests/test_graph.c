/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * The graph stage through the engine: the IRI contract (documents,
 * mentions, entities, events), NIF offsets in code points, no blank nodes,
 * decimal confidences, determinism, events shared between documents, and a
 * custom base.
 */
#include "testutil.h"

#include <stdint.h>

#define G_NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define G_DCT "http://purl.org/dc/terms/"
#define G_XSD "http://www.w3.org/2001/XMLSchema#"
#define G_ITS "http://www.w3.org/2005/11/its/rdf#taIdentRef"

/* Own wording; accents and typographic apostrophes before the mentions so
 * code-point and byte offsets differ. */
static const char *const TEXT_FR =
    "L\xE2\x80\x99\xC3\xA9quipe d\xC3\xA9p\xC3\xAA" "ch\xC3\xA9" "e par "
    "l\xE2\x80\x99\xC3\xA9tat-major s\xE2\x80\x99" "est rendue \xC3\xA0 Lyon "
    "mardi. Le commissaire Karim Benali a repr\xC3\xA9sent\xC3\xA9 le Maroc "
    "\xC3\xA0 la r\xC3\xA9union des chefs de police d\xE2\x80\x99Interpol, "
    "tenue du 7 au 8 octobre \xC3\xA0 Lyon.";

/* Two reports of the same meeting, by different people. */
static const char *const MEETING_A =
    "Le commissaire Karim Benali a repr\xC3\xA9sent\xC3\xA9 le Maroc \xC3\xA0 "
    "la r\xC3\xA9union des chefs de police d\xE2\x80\x99Interpol, tenue du 7 "
    "au 8 octobre \xC3\xA0 Lyon.";
static const char *const MEETING_B =
    "La commissaire Nadia Ferhat a repr\xC3\xA9sent\xC3\xA9 la Tunisie \xC3\xA0 "
    "la r\xC3\xA9union des chefs de police d\xE2\x80\x99Interpol, tenue du 7 "
    "au 8 octobre \xC3\xA0 Lyon.";

/* Byte offset of code point @p cp in @p s (or strlen when past the end). */
static size_t
g_cp_to_byte(const char *s, size_t cp)
{
  size_t i = 0;
  while (s[i] && cp > 0) {
    i++;
    while (((unsigned char)s[i] & 0xC0) == 0x80) {
      i++;
    }
    cp--;
  }
  return i;
}

static const char *
g_doc_iri(const char *base, const char *id)
{
  static char buf[256];
  snprintf(buf, sizeof buf, "%sdoc/%s", base, id);
  return buf;
}

static void
test_document_metadata(void **state)
{
  (void)state;
  NgEngine *e = tu_engine();
  NgGraph *g = tu_run(e, "depeche-17", "fr", "2025-10-09", TEXT_FR);
  const char *doc = g_doc_iri(TU_ID, "depeche-17");
  assert_true(tu_has(g, doc, TU_RDF_TYPE, TU_NG "Document"));
  assert_true(tu_has(g, doc, G_DCT "identifier", "depeche-17"));
  assert_true(tu_has(g, doc, G_NIF "isString", TEXT_FR));
  assert_true(tu_has(g, doc, G_DCT "date", "2025-10-09"));
  assert_true(tu_has(g, doc, G_DCT "language", "fr"));
  /* The date is typed xsd:date. */
  for (size_t i = 0; i < ng_graph_size(g); i++) {
    const NgTriple *t = ng_graph_get(g, i);
    if (!strcmp(t->s, doc) && !strcmp(t->p, G_DCT "date")) {
      assert_int_equal(t->kind, NG_TERM_LITERAL);
      assert_non_null(t->datatype);
      assert_string_equal(t->datatype, G_XSD "date");
    }
  }
  ng_graph_free(g);
  ng_engine_free(e);
}

static void
test_mention_offsets(void **state)
{
  (void)state;
  NgEngine *e = tu_engine();
  NgGraph *g = tu_run(e, "offsets", "fr", "2025-10-09", TEXT_FR);
  const char *doc = g_doc_iri(TU_ID, "offsets");
  size_t doclen = strlen(doc);
  size_t checked = 0, shifted = 0;
  int saw_lyon = 0;
  for (size_t i = 0; i < ng_graph_size(g); i++) {
    const NgTriple *t = ng_graph_get(g, i);
    if (strcmp(t->p, G_NIF "anchorOf") != 0) {
      continue;
    }
    /* Subject is <doc>#char=B,E */
    assert_int_equal(strncmp(t->s, doc, doclen), 0);
    unsigned long b = 0, en = 0;
    assert_int_equal(sscanf(t->s + doclen, "#char=%lu,%lu", &b, &en), 2);
    assert_true(b < en);
    char num[32];
    snprintf(num, sizeof num, "%lu", b);
    assert_true(tu_has(g, t->s, G_NIF "beginIndex", num));
    snprintf(num, sizeof num, "%lu", en);
    assert_true(tu_has(g, t->s, G_NIF "endIndex", num));
    assert_true(tu_has(g, t->s, G_NIF "referenceContext", doc));
    size_t bb = g_cp_to_byte(TEXT_FR, b), be = g_cp_to_byte(TEXT_FR, en);
    assert_int_equal(strlen(t->o), be - bb);
    assert_memory_equal(t->o, TEXT_FR + bb, be - bb);
    checked++;
    shifted += bb != b;
    saw_lyon |= !strcmp(t->o, "Lyon");
  }
  assert_true(checked >= 4);
  assert_true(shifted >= 3); /* offsets are not bytes */
  assert_true(saw_lyon);
  /* First "Lyon" after 4 apostrophes/accented letters: code point 59. */
  const char *first = strstr(TEXT_FR, "Lyon");
  size_t cp = 0;
  for (const char *p = TEXT_FR; p < first; p++) {
    cp += ((unsigned char)*p & 0xC0) != 0x80;
  }
  char want[300];
  snprintf(want, sizeof want, "%s#char=%zu,%zu", doc, cp, cp + 4);
  assert_true(tu_has(g, want, G_NIF "anchorOf", "Lyon"));
  ng_graph_free(g);
  ng_engine_free(e);
}

static void
test_entity_links(void **state)
{
  (void)state;
  /* QIDs from ontology/gazetteer: Lyon (cities.tsv), Maroc (countries.tsv),
   * Interpol (organizations.tsv). */
  static const char *const qids[] = {"Q456", "Q1028", "Q8475"};
  NgEngine *e = tu_engine();
  NgGraph *g = tu_run(e, "liens", "fr", "2025-10-09", TEXT_FR);
  const char *doc = g_doc_iri(TU_ID, "liens");
  for (size_t i = 0; i < sizeof qids / sizeof qids[0]; i++) {
    char wd[128];
    snprintf(wd, sizeof wd, TU_WD "%s", qids[i]);
    assert_true(tu_has(g, tu_wd(qids[i]), TU_SAMEAS, wd));
    assert_true(tu_has(g, tu_wd(qids[i]), TU_NG "mentionedIn", doc));
    assert_true(tu_has(g, NULL, G_ITS, tu_wd(qids[i])));
  }
  /* Every owl:sameAs follows the QID scheme. */
  size_t n = 0;
  for (size_t i = 0; i < ng_graph_size(g); i++) {
    const NgTriple *t = ng_graph_get(g, i);
    if (!strcmp(t->p, TU_SAMEAS)) {
      const char *q = t->o + strlen(TU_WD);
      assert_int_equal(strncmp(t->o, TU_WD "Q", strlen(TU_WD) + 1), 0);
      assert_string_equal(t->s, tu_wd(q));
      n++;
    }
  }
  assert_true(n >= 3);
  assert_true(tu_has(g, tu_wd("Q456"), TU_RDF_TYPE, TU_NG "City"));
  assert_true(tu_has(g, tu_wd("Q1028"), TU_RDF_TYPE, TU_NG "Country"));
  ng_graph_free(g);
  ng_engine_free(e);
}

static void
test_no_blank_nodes_and_decimals(void **state)
{
  (void)state;
  NgEngine *e = tu_engine();
  NgGraph *g = tu_run(e, "formes", "fr", "2025-10-09", TEXT_FR);
  size_t conf = 0;
  for (size_t i = 0; i < ng_graph_size(g); i++) {
    const NgTriple *t = ng_graph_get(g, i);
    assert_int_not_equal(strncmp(t->s, "_:", 2), 0);
    assert_int_equal(strncmp(t->s, "http", 4), 0);
    if (t->kind == NG_TERM_IRI) {
      assert_int_not_equal(strncmp(t->o, "_:", 2), 0);
      assert_int_equal(strncmp(t->o, "http", 4), 0);
    }
    if (!strcmp(t->p, TU_NG "confidence") ||
        !strcmp(t->p, TU_NG "linkConfidence")) {
      assert_int_equal(t->kind, NG_TERM_LITERAL);
      assert_non_null(t->datatype);
      assert_string_equal(t->datatype, G_XSD "decimal");
      /* digits '.' digits, no comma, within [0, 1] */
      const char *p = t->o;
      size_t before = strspn(p, "0123456789");
      assert_true(before >= 1);
      assert_int_equal(p[before], '.');
      size_t after = strspn(p + before + 1, "0123456789");
      assert_true(after >= 1);
      assert_int_equal(p[before + 1 + after], '\0');
      assert_true(strtod(p, NULL) <= 1.0);
      conf++;
    }
  }
  assert_true(conf >= 3);
  ng_graph_free(g);
  ng_engine_free(e);
}

static int
g_same_graphs(const NgGraph *a, const NgGraph *b)
{
  if (ng_graph_size(a) != ng_graph_size(b)) {
    return 0;
  }
  for (size_t i = 0; i < ng_graph_size(a); i++) {
    const NgTriple *x = ng_graph_get(a, i), *y = ng_graph_get(b, i);
    if (strcmp(x->s, y->s) || strcmp(x->p, y->p) || strcmp(x->o, y->o) ||
        x->kind != y->kind || !x->lang != !y->lang ||
        (x->lang && strcmp(x->lang, y->lang)) || !x->datatype != !y->datatype ||
        (x->datatype && strcmp(x->datatype, y->datatype))) {
      return 0;
    }
  }
  return 1;
}

static void
test_deterministic(void **state)
{
  (void)state;
  NgEngine *e1 = tu_engine();
  NgGraph *g1 = tu_run(e1, "pareil", "fr", "2025-10-09", TEXT_FR);
  NgGraph *g2 = tu_run(e1, "pareil", "fr", "2025-10-09", TEXT_FR);
  NgEngine *e2 = tu_engine();
  NgGraph *g3 = tu_run(e2, "pareil", "fr", "2025-10-09", TEXT_FR);
  assert_true(ng_graph_size(g1) > 20);
  assert_true(g_same_graphs(g1, g2));
  assert_true(g_same_graphs(g1, g3));
  /* A different id gives a different graph (the check can fail). */
  NgGraph *g4 = tu_run(e2, "autre", "fr", "2025-10-09", TEXT_FR);
  assert_false(g_same_graphs(g1, g4));
  ng_graph_free(g1);
  ng_graph_free(g2);
  ng_graph_free(g3);
  ng_graph_free(g4);
  ng_engine_free(e1);
  ng_engine_free(e2);
}

static void
test_same_meeting_two_documents(void **state)
{
  (void)state;
  NgEngine *e = tu_engine();
  NgGraph *ga = tu_run(e, "source-a", "fr", "2025-10-09", MEETING_A);
  NgGraph *gb = tu_run(e, "source-b", "fr", "2025-10-10", MEETING_B);
  const char *ea = tu_subject_of_type(ga, "Meeting", 0);
  const char *eb = tu_subject_of_type(gb, "Meeting", 0);
  assert_non_null(ea);
  assert_non_null(eb);
  assert_null(tu_subject_of_type(ga, "Meeting", 1));
  assert_string_equal(ea, eb);
  assert_int_equal(strncmp(ea, TU_ID "event/", strlen(TU_ID "event/")), 0);
  /* Its key roles agree. */
  assert_true(tu_has(ga, ea, TU_NG "location", tu_wd("Q456")));
  assert_true(tu_has(gb, eb, TU_NG "location", tu_wd("Q456")));
  assert_true(tu_has(ga, ea, TU_NG "startDate", "2025-10-07"));
  assert_true(tu_has(gb, eb, TU_NG "startDate", "2025-10-07"));
  /* Each document keeps its own provenance. */
  assert_true(tu_has(ga, ea, TU_NG "mentionedIn", g_doc_iri(TU_ID, "source-a")));
  assert_true(tu_has(gb, eb, TU_NG "mentionedIn", g_doc_iri(TU_ID, "source-b")));
  const char *va = tu_object(ga, ea, TU_NG "evidence");
  const char *vb = tu_object(gb, eb, TU_NG "evidence");
  assert_non_null(va);
  assert_non_null(vb);
  assert_string_not_equal(va, vb);
  /* Mentions are per document: no mention IRI of A appears in B. */
  size_t mentions = 0;
  for (size_t i = 0; i < ng_graph_size(ga); i++) {
    const NgTriple *t = ng_graph_get(ga, i);
    if (!strcmp(t->p, G_NIF "anchorOf")) {
      assert_false(tu_has(gb, t->s, NULL, NULL));
      mentions++;
    }
  }
  assert_true(mentions >= 3);
  /* Participations and positions, when found, are per document too. */
  static const char *const per_doc[] = {"Participation", "Position"};
  for (size_t k = 0; k < 2; k++) {
    for (size_t n = 0; tu_subject_of_type(ga, per_doc[k], n); n++) {
      assert_false(
          tu_has(gb, tu_subject_of_type(ga, per_doc[k], n), NULL, NULL));
    }
  }
  /* The same person-independent entities are shared. */
  assert_true(tu_has(ga, tu_wd("Q8475"), TU_SAMEAS, NULL));
  assert_true(tu_has(gb, tu_wd("Q8475"), TU_SAMEAS, NULL));
  ng_graph_free(ga);
  ng_graph_free(gb);
  ng_engine_free(e);
}

static int
g_is_vocabulary(const char *iri)
{
  static const char *const vocab[] = {
      TU_NG, "http://www.w3.org/", "http://persistence.uni-leipzig.org/",
      "http://purl.org/dc/", TU_WD, "http://www.opengis.net/",
      "http://schema.org/", "https://schema.org/", "http://xmlns.com/"};
  for (size_t i = 0; i < sizeof vocab / sizeof vocab[0]; i++) {
    if (!strncmp(iri, vocab[i], strlen(vocab[i]))) {
      return 1;
    }
  }
  return 0;
}

static void
test_custom_base(void **state)
{
  (void)state;
  const char *base = "http://example.org/kg/";
  NgEngineOptions o = {NULL, base, 0.5, tu_log, NULL};
  NgStatus st = NG_SUCCESS;
  NgEngine *e = ng_engine_new(&o, &st);
  assert_int_equal(st, NG_SUCCESS);
  assert_non_null(e);
  NgGraph *g = tu_run(e, "base-1", "fr", "2025-10-09", TEXT_FR);
  const char *doc = g_doc_iri(base, "base-1");
  assert_true(tu_has(g, doc, TU_RDF_TYPE, TU_NG "Document"));
  char lyon[128];
  snprintf(lyon, sizeof lyon, "%sentity/Q456", base);
  assert_true(tu_has(g, lyon, TU_SAMEAS, TU_WD "Q456"));
  assert_non_null(tu_subject_of_type(g, "Meeting", 0));
  size_t minted = 0;
  for (size_t i = 0; i < ng_graph_size(g); i++) {
    const NgTriple *t = ng_graph_get(g, i);
    assert_int_equal(strncmp(t->s, base, strlen(base)), 0);
    assert_null(strstr(t->s, "w3id.org/newsgraph/id"));
    if (t->kind == NG_TERM_IRI && !g_is_vocabulary(t->o)) {
      assert_int_equal(strncmp(t->o, base, strlen(base)), 0);
      minted++;
    }
    if (t->kind == NG_TERM_IRI) {
      assert_null(strstr(t->o, "w3id.org/newsgraph/id"));
    }
  }
  assert_true(minted >= 5);
  ng_graph_free(g);
  ng_engine_free(e);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_document_metadata),
      cmocka_unit_test(test_mention_offsets),
      cmocka_unit_test(test_entity_links),
      cmocka_unit_test(test_no_blank_nodes_and_decimals),
      cmocka_unit_test(test_deterministic),
      cmocka_unit_test(test_same_meeting_two_documents),
      cmocka_unit_test(test_custom_base),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
