/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * Coreference and linking through the engine: one entity for a country
 * named in French, in English and by its demonym; surnames; "le pays";
 * acronyms; the link-confidence threshold on ambiguous names; names as
 * news writes them.
 */
#include "testutil.h"

#define R_ITS "http://www.w3.org/2005/11/its/rdf#taIdentRef"
#define R_NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"

static NgEngine *
r_engine(double min_conf)
{
  NgEngineOptions o = {NULL, NULL, min_conf, tu_log, NULL};
  NgStatus st = NG_SUCCESS;
  NgEngine *e = ng_engine_new(&o, &st);
  assert_int_equal(st, NG_SUCCESS);
  assert_non_null(e);
  return e;
}

static void
test_country_across_languages(void **state)
{
  (void)state;
  /* Q1028 is Morocco in ontology/gazetteer/countries.tsv. */
  NgEngine *e = tu_engine();
  NgGraph *fr = tu_run(e, "fr-1", "fr", "2025-02-03",
                       "Une entreprise marocaine a ouvert une usine pr\xC3\xA8s "
                       "de Tanger. Le Maroc y voit un signal fort.");
  NgGraph *en = tu_run(e, "en-1", "en", "2025-02-03",
                       "Morocco opened a new port this winter, officials "
                       "said on Tuesday.");
  const char *q = tu_wd("Q1028");
  assert_string_equal(tu_anchor_target(fr, "marocaine", 0), q);
  assert_string_equal(tu_anchor_target(fr, "Maroc", 0), q);
  assert_string_equal(tu_anchor_target(en, "Morocco", 0), q);
  assert_true(tu_has(fr, q, TU_SAMEAS, TU_WD "Q1028"));
  assert_true(tu_has(en, q, TU_SAMEAS, TU_WD "Q1028"));
  assert_true(tu_has(fr, q, TU_RDF_TYPE, TU_NG "Country"));
  /* A different country stays distinct. */
  NgGraph *other = tu_run(e, "en-2", "en", "2025-02-03",
                          "Tunisia opened a new port this winter.");
  const char *tn = tu_anchor_target(other, "Tunisia", 0);
  assert_non_null(tn);
  assert_string_not_equal(tn, q);
  ng_graph_free(fr);
  ng_graph_free(en);
  ng_graph_free(other);
  ng_engine_free(e);
}

static void
test_surname_coreference(void **state)
{
  (void)state;
  NgEngine *e = tu_engine();
  NgGraph *g = tu_run(e, "coref", "fr", "2025-03-14",
                      "La ministre Leila Haddad a inaugur\xC3\xA9 un "
                      "h\xC3\xB4pital \xC3\xA0 Rabat jeudi. Mme Haddad a "
                      "promis d\xE2\x80\x99" "autres chantiers.");
  const char *full = tu_anchor_target(g, "Leila Haddad", 0);
  const char *sur = tu_anchor_target(g, "Mme Haddad", 0); /* honorific included */
  assert_non_null(full);
  assert_non_null(sur);
  assert_string_equal(full, sur);
  assert_true(tu_has(g, full, TU_RDF_TYPE, TU_NG "Person"));
  assert_int_equal(tu_count(g, NULL, TU_RDF_TYPE, TU_NG "Person"), 1);

  /* The surname alone of a person of the gazetteer named in full (David
   * Lammy, Q534727, with his country named). */
  NgGraph *gz = tu_run(e, "coref-gaz", "en", "2025-09-05",
                       "In London, Keir Starmer appointed David Lammy. Yvette "
                       "Cooper replaced Lammy as foreign secretary.");
  const char *dl = tu_anchor_target(gz, "David Lammy", 0);
  assert_string_equal(dl, tu_wd("Q534727"));
  assert_string_equal(tu_anchor_target(gz, "Lammy", 0), dl);
  ng_graph_free(gz);

  /* A surname that starts with an article: after an honorific, alone,
   * and the person named in full with it. */
  NgGraph *lp = tu_run(e, "coref-le", "fr", "2025-03-14",
                       "Marine Le Pen a parlé. Mme Le Pen a ensuite rencontré "
                       "M. Le Drian. Jean-Yves Le Drian était là, et Le Pen "
                       "aussi.");
  const char *mlp = tu_anchor_target(lp, "Marine Le Pen", 0);
  assert_non_null(mlp);
  assert_string_equal(tu_anchor_target(lp, "Mme Le Pen", 0), mlp);
  assert_string_equal(tu_anchor_target(lp, "Le Pen", 0), mlp);
  assert_string_equal(tu_anchor_target(lp, "M. Le Drian", 0),
                      tu_anchor_target(lp, "Jean-Yves Le Drian", 0));
  assert_int_equal(tu_count(lp, NULL, TU_RDF_TYPE, TU_NG "Person"), 2);
  ng_graph_free(lp);
  /* Known by the surname alone, a person is one entity however often
   * named so. */
  lp = tu_run(e, "coref-surname", "fr", "1958-03-14",
              "Le général de Gaulle a parlé. Plus tard, Gaulle a répondu "
              "à Mme Le Pen, et Mme Le Pen a ri.");
  assert_string_equal(tu_anchor_target(lp, "Gaulle", 0),
                      tu_anchor_target(lp, "général de Gaulle", 0));
  assert_string_equal(tu_anchor_target(lp, "Mme Le Pen", 1),
                      tu_anchor_target(lp, "Mme Le Pen", 0));
  assert_int_equal(tu_count(lp, NULL, TU_RDF_TYPE, TU_NG "Person"), 2);
  ng_graph_free(lp);
  /* A surname that names a country does not take the country's name
   * from it: "France" after "Anatole France" (Q142). */
  lp = tu_run(e, "coref-country", "fr", "1920-03-14",
              "L'écrivain Anatole France a écrit un livre. La France a "
              "voté.");
  assert_string_equal(tu_anchor_target(lp, "France", 0), tu_wd("Q142"));
  ng_graph_free(lp);
  /* The particles of a surname that are no words of the language are
   * its own, after an honorific and alone ("von der Wiese"); French "de"
   * is also "of" ("la politique de Villepin"). */
  lp = tu_run(e, "coref-particles", "fr", "2025-03-14",
              "Anna von der Wiese a parlé. Mme von der Wiese a rencontré "
              "Paul de Villepin, puis von der Wiese est partie. La "
              "politique de Villepin a échoué.");
  const char *vw = tu_anchor_target(lp, "Anna von der Wiese", 0);
  assert_non_null(vw);
  assert_string_equal(tu_anchor_target(lp, "Mme von der Wiese", 0), vw);
  assert_string_equal(tu_anchor_target(lp, "von der Wiese", 0), vw);
  assert_null(tu_anchor_target(lp, "Wiese", 0));
  assert_string_equal(tu_anchor_target(lp, "Villepin", 0),
                      tu_anchor_target(lp, "Paul de Villepin", 0));
  assert_null(tu_anchor_target(lp, "de Villepin", 0));
  ng_graph_free(lp);

  /* Two people sharing no surname stay apart. */
  NgGraph *h = tu_run(e, "coref-2", "en", "2025-03-14",
                      "Minister Leila Haddad met Minister Omar Tazi in "
                      "Rabat. Mr Tazi thanked her.");
  const char *a = tu_anchor_target(h, "Leila Haddad", 0);
  const char *b = tu_anchor_target(h, "Mr Tazi", 0);
  assert_non_null(a);
  assert_non_null(b);
  assert_string_not_equal(a, b);
  assert_string_equal(b, tu_anchor_target(h, "Omar Tazi", 0));
  ng_graph_free(g);
  ng_graph_free(h);
  ng_engine_free(e);
}

static void
test_le_pays(void **state)
{
  (void)state;
  NgEngine *e = tu_engine();
  /* Q142 France, Q1028 Morocco (countries.tsv). */
  NgGraph *g = tu_run(e, "pays", "fr", "2025-04-01",
                      "Les ventes de bl\xC3\xA9 vers le Maroc ont recul\xC3\xA9. "
                      "La France reste pourtant optimiste. Le pays compte "
                      "sur une meilleure r\xC3\xA9" "colte.");
  assert_string_equal(tu_anchor_target(g, "Le pays", 0), tu_wd("Q142"));
  NgGraph *h = tu_run(e, "pays-2", "fr", "2025-04-01",
                      "La France a livr\xC3\xA9 du bl\xC3\xA9 au Maroc. "
                      "Le pays compte sur une meilleure r\xC3\xA9" "colte.");
  assert_string_equal(tu_anchor_target(h, "Le pays", 0), tu_wd("Q1028"));
  ng_graph_free(g);
  ng_graph_free(h);
  ng_engine_free(e);
}

static void
test_acronym_then_article(void **state)
{
  (void)state;
  NgEngine *e = tu_engine();
  NgGraph *g = tu_run(e, "sigle", "fr", "2025-05-05",
                      "L\xE2\x80\x99Office national de la p\xC3\xAA" "che "
                      "(ONPX) a publi\xC3\xA9 un bilan annuel. Selon la ONPX, "
                      "les prises ont augment\xC3\xA9.");
  const char *first = tu_anchor_target(g, "ONPX", 0);
  const char *second = tu_anchor_target(g, "ONPX", 1);
  assert_non_null(first);
  assert_non_null(second);
  assert_string_equal(first, second);
  assert_true(tu_has(g, first, TU_NG "acronym", "ONPX"));
  assert_int_equal(tu_count(g, NULL, TU_NG "acronym", "ONPX"), 1);
  ng_graph_free(g);
  /* An acronym the text never spells out meets the body's name whose
   * content words have its letters for initials; not another body. */
  g = tu_run(e, "sigle-loin", "fr", "2025-05-05",
             "La Direction générale de la sûreté nationale a publié un "
             "bilan. La Garde nationale a aussi parlé. Selon la DGSN, "
             "les vols ont baissé, et selon la BFX, non.");
  const char *dgsn = tu_anchor_target(g, "DGSN", 0);
  assert_non_null(dgsn);
  assert_string_equal(
      tu_anchor_target(g, "Direction générale de la sûreté nationale", 0),
      dgsn);
  assert_true(tu_has(g, dgsn, TU_RDF_TYPE, TU_NG "GovernmentAgency"));
  assert_string_not_equal(tu_anchor_target(g, "BFX", 0),
                          tu_anchor_target(g, "Garde nationale", 0));
  ng_graph_free(g);
  /* A long form that ends with a place ("Sahel" is a world region of the
   * gazetteer, "France" a country) is still the acronym's body: one
   * organisation, not a region, and the place inside is no mention. */
  g = tu_run(e, "sigle-lieu", "fr", "2025-05-05",
             "Le Niger l'a confirmé, a précisé "
             "l'Alliance des États du Sahel (AES). L'AES se "
             "réunira ensuite, selon Radio France Internationale "
             "(RFI).");
  const char *aes = tu_anchor_target(g, "AES", 0);
  assert_non_null(aes);
  assert_string_equal(tu_anchor_target(g, "Alliance des États du Sahel",
                                       0),
                      aes);
  assert_string_equal(tu_anchor_target(g, "AES", 1), aes);
  assert_true(tu_has(g, aes, TU_RDF_TYPE, TU_NG "Organization"));
  assert_false(tu_has(g, aes, TU_RDF_TYPE, TU_NG "Place"));
  assert_null(tu_anchor_target(g, "Sahel", 0));
  const char *rfi = tu_anchor_target(g, "RFI", 0);
  assert_non_null(rfi);
  assert_string_equal(tu_anchor_target(g, "Radio France Internationale", 0),
                      rfi);
  ng_graph_free(g);
  ng_engine_free(e);
}

static void
test_min_link_confidence(void **state)
{
  (void)state;
  /* "Brest" labels two rows of ontology/gazetteer/cities.tsv: Q12193
   * (FR) and Q140147 (BY); Morocco (Q1028) is unambiguous. */
  static const char *const text =
      "The trawler sailed from Brest to Morocco last week.";
  NgEngine *lo = r_engine(0.5);
  NgEngine *mid = r_engine(0.85);
  NgEngine *hi = r_engine(0.95);
  NgEngine *all = r_engine(1.0);
  NgGraph *glo = tu_run(lo, "seuil", "en", "2025-06-01", text);
  NgGraph *gmid = tu_run(mid, "seuil", "en", "2025-06-01", text);
  NgGraph *ghi = tu_run(hi, "seuil", "en", "2025-06-01", text);
  NgGraph *gall = tu_run(all, "seuil", "en", "2025-06-01", text);

  const char *brest = tu_anchor_target(glo, "Brest", 0);
  assert_non_null(brest);
  assert_true(!strcmp(brest, tu_wd("Q12193")) ||
              !strcmp(brest, tu_wd("Q140147")));
  assert_true(tu_has(glo, brest, TU_SAMEAS, NULL));
  assert_true(tu_has(glo, tu_wd("Q1028"), TU_SAMEAS, TU_WD "Q1028"));

  /* The ambiguous name is below the bar before the unambiguous one. */
  assert_false(tu_has(gmid, tu_wd("Q12193"), TU_SAMEAS, NULL));
  assert_false(tu_has(gmid, tu_wd("Q140147"), TU_SAMEAS, NULL));
  assert_true(tu_has(gmid, tu_wd("Q1028"), TU_SAMEAS, TU_WD "Q1028"));

  assert_false(tu_has(ghi, tu_wd("Q12193"), TU_SAMEAS, NULL));
  assert_false(tu_has(ghi, tu_wd("Q140147"), TU_SAMEAS, NULL));
  assert_false(tu_has(ghi, NULL, R_ITS, tu_wd("Q12193")));
  assert_false(tu_has(ghi, NULL, R_ITS, tu_wd("Q140147")));
  /* The mention itself stays. */
  assert_true(tu_has(ghi, NULL, R_NIF "anchorOf", "Brest"));

  /* Every kept link carries its confidence, at or above the bar. */
  size_t links = 0;
  for (size_t i = 0; i < ng_graph_size(glo); i++) {
    const NgTriple *t = ng_graph_get(glo, i);
    if (!strcmp(t->p, R_ITS) && tu_has(glo, t->o, TU_SAMEAS, NULL)) {
      const char *c = tu_object(glo, t->s, TU_NG "linkConfidence");
      assert_non_null(c);
      assert_true(strtod(c, NULL) >= 0.5);
      links++;
    }
  }
  assert_true(links >= 2);
  /* So does a mention linked through another, with the entity's: a
   * surname after the full name (Emmanuel Macron, Q3052772, 0.8 after a
   * post). */
  NgGraph *gsur = tu_run(lo, "seuil-nom", "fr", "2025-06-01",
                         "Le président Emmanuel Macron est arrivé. Macron a "
                         "parlé.");
  size_t sur = 0;
  for (size_t i = 0; i < ng_graph_size(gsur); i++) {
    const NgTriple *t = ng_graph_get(gsur, i);
    if (!strcmp(t->p, R_ITS) && !strcmp(t->o, tu_wd("Q3052772"))) {
      const char *c = tu_object(gsur, t->s, TU_NG "linkConfidence");
      assert_non_null(c);
      assert_true(strtod(c, NULL) == 0.8);
      sur++;
    }
  }
  assert_int_equal(sur, 2);
  ng_graph_free(gsur);
  /* 1.0 unlinks everything. */
  assert_int_equal(tu_count(gall, NULL, TU_SAMEAS, NULL), 0);
  assert_int_equal(tu_count(gall, NULL, TU_NG "linkConfidence", NULL), 0);

  ng_graph_free(glo);
  ng_graph_free(gmid);
  ng_graph_free(ghi);
  ng_graph_free(gall);
  ng_engine_free(lo);
  ng_engine_free(mid);
  ng_engine_free(hi);
  ng_engine_free(all);
}

/* A person of the gazetteer (its politicians: Q3052772 Emmanuel Macron,
 * FR; Q6258296 John Smith, GB) is linked when the document names the
 * person's country or a post comes before the name, after an honorific or
 * a rank too; a namesake in a document about other countries is not
 * linked at the default bar. */
static void
test_person_country(void **state)
{
  (void)state;
  NgEngine *e = r_engine(0.6);
  NgGraph *g = tu_run(e, "person-fr", "fr", "2025-06-01",
                      "Le président Emmanuel Macron a reçu à Paris. "
                      "M. Macron a ensuite parlé.");
  assert_string_equal(tu_anchor_target(g, "président Emmanuel Macron", 0),
                      tu_wd("Q3052772"));
  assert_string_equal(tu_anchor_target(g, "M. Macron", 0), tu_wd("Q3052772"));
  ng_graph_free(g);
  g = tu_run(e, "person-other", "en", "2025-06-01",
             "John Smith met Maria Lopez in Rabat, Morocco.");
  assert_int_equal(tu_count(g, tu_wd("Q6258296"), NULL, NULL), 0);
  assert_non_null(tu_anchor_target(g, "John Smith", 0));
  ng_graph_free(g);
  g = tu_run(e, "person-gb", "en", "2025-06-01",
             "The British MP John Smith met Maria Lopez in Rabat.");
  assert_string_equal(tu_anchor_target(g, "John Smith", 0), tu_wd("Q6258296"));
  ng_graph_free(g);
  /* The same words in a paper of 1928 do not name a man born in 1951
   * (people.tsv: birth_date); from the year of his birth on, they may. */
  g = tu_run(e, "person-1928", "en", "1928-05-15",
             "The British MP John Smith met Maria Lopez in Rabat.");
  assert_int_equal(tu_count(g, tu_wd("Q6258296"), NULL, NULL), 0);
  assert_non_null(tu_anchor_target(g, "John Smith", 0));
  ng_graph_free(g);
  g = tu_run(e, "person-1951", "en", "1951",
             "The British MP John Smith met Maria Lopez in Rabat.");
  assert_string_equal(tu_anchor_target(g, "John Smith", 0), tu_wd("Q6258296"));
  ng_graph_free(g);
  /* A post before the name picks the office holder the table lists, with
   * no country named: Q6279 Joe Biden, Q57665 Jens Stoltenberg. */
  g = tu_run(e, "person-post", "en", "2025-06-01",
             "President Joe Biden said no. NATO Secretary General Jens "
             "Stoltenberg agreed.");
  assert_string_equal(tu_anchor_target(g, "President Joe Biden", 0),
                      tu_wd("Q6279"));
  assert_string_equal(tu_anchor_target(g, "Jens Stoltenberg", 0),
                      tu_wd("Q57665"));
  ng_graph_free(g);
  /* So does a post before a comma, with its complement, or one after the
   * name: Q60772 Ursula von der Leyen (DE), Q6070218 Pedro Sánchez (ES);
   * the name alone is not enough. */
  g = tu_run(e, "person-post-comma", "fr", "2025-06-01",
             "La présidente de la Commission, Ursula von der Leyen, a "
             "répondu.");
  assert_string_equal(tu_anchor_target(g, "Ursula von der Leyen", 0),
                      tu_wd("Q60772"));
  ng_graph_free(g);
  g = tu_run(e, "person-post-after", "fr", "2025-06-01",
             "Pedro Sánchez, Premier ministre, était présent.");
  assert_string_equal(tu_anchor_target(g, "Pedro Sánchez, Premier ministre", 0),
                      tu_wd("Q6070218"));
  ng_graph_free(g);
  g = tu_run(e, "person-no-post", "fr", "2025-06-01",
             "Ursula von der Leyen a répondu.");
  assert_int_equal(tu_count(g, tu_wd("Q60772"), NULL, NULL), 0);
  ng_graph_free(g);
  /* The first word alone of a person of the gazetteer is that person,
   * a surname first (Q15031 Xi Jinping) as a given name is. */
  g = tu_run(e, "person-first-word", "en", "2025-06-01",
             "Chinese President Xi Jinping called for restraint, and Xi "
             "urged both sides to talk.");
  assert_string_equal(tu_anchor_target(g, "Xi", 0), tu_wd("Q15031"));
  ng_graph_free(g);
  ng_engine_free(e);
}

/* A name several places share goes to the one in a country the
 * document speaks of; with no such country, a near tie is not linked at
 * the default bar. "Victoria" labels four rows of cities.tsv: Q2132 (CA),
 * Q1905080 (AR), Q200999 (CL), Q3940 (SC). */
static void
test_focus_disambiguation(void **state)
{
  (void)state;
  NgEngine *e = r_engine(0.6);
  NgGraph *g = tu_run(e, "focus-ar", "en", "2025-06-01",
                      "Argentina's floods reached Victoria on Monday.");
  assert_string_equal(tu_anchor_target(g, "Victoria", 0), tu_wd("Q1905080"));
  ng_graph_free(g);
  /* A country's name that is also a region's (Q230 the country Georgia,
   * Q1428 the US state) is the region in a story that names two other
   * regions of its country, the country otherwise. */
  g = tu_run(e, "focus-states", "en", "2025-06-01",
             "Hospitals in Texas, Ohio and Florida were hit. In Georgia, "
             "the governor signed a bill.");
  assert_string_equal(tu_anchor_target(g, "Georgia", 0), tu_wd("Q1428"));
  ng_graph_free(g);
  g = tu_run(e, "focus-country", "en", "2025-06-01",
             "Hospitals in Texas were hit. Georgia's foreign minister "
             "visited Armenia.");
  assert_string_equal(tu_anchor_target(g, "Georgia", 0), tu_wd("Q230"));
  ng_graph_free(g);
  /* A one-word minor place (Avis, Q791134, 1,627 inhabitants) is linked
   * only where the document names its country. */
  g = tu_run(e, "minor-no", "fr", "2025-06-01",
             "Le maire d'Avis a inauguré le marché.");
  assert_non_null(tu_anchor_target(g, "Avis", 0));
  assert_int_equal(tu_count(g, NULL, TU_SAMEAS, TU_WD "Q791134"), 0);
  ng_graph_free(g);
  g = tu_run(e, "minor-yes", "fr", "2025-06-01",
             "Au Portugal, le maire d'Avis a inauguré le marché.");
  assert_string_equal(tu_anchor_target(g, "Avis", 0), tu_wd("Q791134"));
  ng_graph_free(g);
  /* So is a state body of one country (Q3029559, Direction générale de
   * l'armement, France): many countries have a body so named. */
  g = tu_run(e, "body-no", "fr", "2025-06-01",
             "La Direction Générale de l'Armement a commandé des drones.");
  assert_int_equal(tu_count(g, NULL, TU_SAMEAS, TU_WD "Q3029559"), 0);
  ng_graph_free(g);
  g = tu_run(e, "body-yes", "fr", "2025-06-01",
             "En France, la Direction Générale de l'Armement a commandé des "
             "drones.");
  assert_true(tu_has(g, NULL, TU_SAMEAS, TU_WD "Q3029559"));
  ng_graph_free(g);
  /* One sense a document: "Gaza" (Gaza City Q47492, or the Gaza Strip
   * Q39760) is the Strip where the document names the Strip in full. */
  g = tu_run(e, "one-sense", "en", "2025-06-01",
             "Aid entered the Gaza Strip on Monday, and hostages held in Gaza "
             "were freed.");
  assert_string_equal(tu_anchor_target(g, "Gaza", 0), tu_wd("Q39760"));
  ng_graph_free(g);
  g = tu_run(e, "one-sense-none", "en", "2025-06-01",
             "Hostages held in Gaza were freed.");
  assert_string_equal(tu_anchor_target(g, "Gaza", 0), tu_wd("Q47492"));
  ng_graph_free(g);
  /* A name linked to one entry is as sure everywhere as where the text
   * picks it: the headline's "Gaza", a near tie alone, is linked too. */
  g = tu_run(e, "one-sense-sure", "en", "2025-06-01",
             "Gaza truce talks resume\n\nMediators met in Gaza on Friday.");
  assert_string_equal(tu_anchor_target(g, "Gaza", 0), tu_wd("Q47492"));
  assert_string_equal(tu_anchor_target(g, "Gaza", 1), tu_wd("Q47492"));
  ng_graph_free(g);
  /* A country's name stays the country's in a story that names a city
   * after it (Mexico Q96, not Mexico City Q1489, whose alias it is). */
  g = tu_run(e, "named-country", "en", "2025-06-01",
             "Mexico's president spoke. She was mayor of Mexico City.");
  assert_string_equal(tu_anchor_target(g, "Mexico", 0), tu_wd("Q96"));
  assert_string_equal(tu_anchor_target(g, "Mexico City", 0), tu_wd("Q1489"));
  ng_graph_free(g);
  /* A name that bodies of several countries share ("Assemblée nationale":
   * Q193582 France, Q1969585 Niger, Q1969545 Gabon, Q720003 Burundi) is
   * the one of the country the document is about, or none; a complement
   * that names it further makes it another body. */
  g = tu_run(e, "shared-fr", "fr", "2025-06-01",
             "À Paris, l'Assemblée nationale a voté. Lyon et Marseille ont "
             "manifesté.");
  assert_string_equal(tu_anchor_target(g, "Assemblée nationale", 0),
                      tu_wd("Q193582"));
  ng_graph_free(g);
  g = tu_run(e, "shared-ne", "fr", "2025-06-01",
             "À Niamey, l'Assemblée nationale a voté, a dit le Niger à la "
             "France.");
  assert_string_equal(tu_anchor_target(g, "Assemblée nationale", 0),
                      tu_wd("Q1969585"));
  ng_graph_free(g);
  /* Persons and bodies of the gazetteer tell the main country too
   * (Olivier Faure, Q3351018, and Marine Le Pen, Q12927: France). */
  g = tu_run(e, "shared-persons", "fr", "2025-06-01",
             "Olivier Faure et Marine Le Pen ont voté, et l'Assemblée "
             "nationale a adopté le texte.");
  assert_string_equal(tu_anchor_target(g, "Assemblée nationale", 0),
                      tu_wd("Q193582"));
  ng_graph_free(g);
  /* Persons linked by their posts make a story French, and a person of
   * the gazetteer named bare in it is linked (Emmanuel Macron, Q3052772);
   * alone, a name with namesakes stays unlinked. */
  g = tu_run(e, "focus-posts", "fr", "2025-06-01",
             "Le ministre de l'Intérieur, Gérald Darmanin, a reçu le "
             "président du Conseil constitutionnel, Laurent Fabius, puis "
             "Emmanuel Macron.");
  assert_string_equal(tu_anchor_target(g, "Emmanuel Macron", 0),
                      tu_wd("Q3052772"));
  ng_graph_free(g);
  g = tu_run(e, "focus-bare", "fr", "2025-06-01", "Emmanuel Macron a parlé.");
  const char *em = tu_anchor_target(g, "Emmanuel Macron", 0);
  assert_non_null(em);
  assert_null(tu_object(g, em, TU_SAMEAS));
  ng_graph_free(g);
  g = tu_run(e, "shared-none", "fr", "2025-06-01",
             "L'Assemblée nationale a voté la loi.");
  const char *an = tu_anchor_target(g, "Assemblée nationale", 0);
  assert_non_null(an);
  assert_null(tu_object(g, an, TU_SAMEAS));
  ng_graph_free(g);
  g = tu_run(e, "shared-more", "fr", "2025-06-01",
             "À Paris et à Lyon, on a parlé de l'Assemblée nationale du "
             "Québec.");
  assert_non_null(tu_anchor_target(g, "Assemblée nationale du Québec", 0));
  assert_int_equal(tu_count(g, NULL, TU_SAMEAS, TU_WD "Q193582"), 0);
  ng_graph_free(g);
  g = tu_run(e, "shared-gb", "en", "2025-06-01",
             "In London and Manchester, the Labour Party won.");
  assert_string_equal(tu_anchor_target(g, "Labour Party", 0), tu_wd("Q9630"));
  ng_graph_free(g);
  /* A country written next to the name says whose it is, whatever the
   * document is about: a demonym after it (Q170972, the French party),
   * a demonym or a possessive before it (Q1853640, Senegal's). */
  g = tu_run(e, "shared-adjacent", "fr", "2025-06-01",
             "À Dakar et à Thiès, le Parti socialiste français est inconnu.");
  assert_string_equal(tu_anchor_target(g, "Parti socialiste", 0),
                      tu_wd("Q170972"));
  ng_graph_free(g);
  g = tu_run(e, "shared-adjacent-en", "en", "2025-06-01",
             "The Senegalese National Assembly met.");
  assert_string_equal(tu_anchor_target(g, "National Assembly", 0),
                      tu_wd("Q1853640"));
  ng_graph_free(g);
  g = tu_run(e, "shared-adjacent-poss", "en", "2025-06-01",
             "Senegal's National Assembly voted.");
  assert_string_equal(tu_anchor_target(g, "National Assembly", 0),
                      tu_wd("Q1853640"));
  ng_graph_free(g);
  /* A body's name of one word that is no word (Hamas Q38799, Likud
   * Q187009, agencies.tsv) is no description many countries share: it is
   * linked without its country named. A word is no such name ("Unity",
   * "Renaissance": parties of agencies.tsv that it does not name), nor is
   * the name before a surname ("Rafi" Q2915113 in "Rafi Peretz"). */
  g = tu_run(e, "one-word-body", "fr", "2025-06-01",
             "Le Hamas a refusé le plan. Likud won.");
  assert_string_equal(tu_anchor_target(g, "Hamas", 0), tu_wd("Q38799"));
  assert_string_equal(tu_anchor_target(g, "Likud", 0), tu_wd("Q187009"));
  ng_graph_free(g);
  g = tu_run(e, "one-word-word", "en", "2025-06-01",
             "Unity was the theme. Renaissance art was shown, and Rafi "
             "Peretz spoke.");
  assert_null(tu_anchor_target(g, "Unity", 0));
  assert_null(tu_anchor_target(g, "Renaissance", 0));
  assert_int_equal(tu_count(g, NULL, TU_SAMEAS, TU_WD "Q2915113"), 0);
  ng_graph_free(g);
  /* A first-level division whose table row gives no level but a type
   * (Michigan, Q1166: "state") is no minor place. */
  g = tu_run(e, "state", "en", "2025-06-01", "Floods hit Michigan on Monday.");
  assert_string_equal(tu_anchor_target(g, "Michigan", 0), tu_wd("Q1166"));
  ng_graph_free(g);
  g = tu_run(e, "focus-cl", "fr", "2025-06-01",
             "Des pluies sur le Chili ont touché Victoria lundi.");
  assert_string_equal(tu_anchor_target(g, "Victoria", 0), tu_wd("Q200999"));
  ng_graph_free(g);
  /* A region's French name far from its English one is shipped when a
   * word of it starts like one of the English name (Bavière, Bavaria,
   * Q980); a machine translation is not (Liège for County Cork). */
  g = tu_run(e, "region-fr", "fr", "2025-06-01",
             "Des orages ont frappé la Bavière et Liège lundi.");
  assert_string_equal(tu_anchor_target(g, "Bavière", 0), tu_wd("Q980"));
  assert_int_equal(tu_count(g, NULL, TU_SAMEAS, TU_WD "Q162475"), 0);
  ng_graph_free(g);
  /* A place noun says which entry a name is: "the State of New York" is
   * the state (Q1384), "New York" alone the city (Q60). */
  g = tu_run(e, "head-type", "en", "2025-06-01",
             "Officials of the State of New York met in New York on Monday.");
  assert_string_equal(tu_anchor_target(g, "State of New York", 0),
                      tu_wd("Q1384"));
  assert_string_equal(tu_anchor_target(g, "New York", 0), tu_wd("Q60"));
  ng_graph_free(g);
  /* Homonyms of different kinds: the document's country decides when
   * both are about as well known (Montana, US state Q1212, and the
   * Bulgarian town Q220121), not when one is far better known (Vienne,
   * the department Q12804, stays Vienna, Q1741, near Lyon). */
  g = tu_run(e, "kinds-us", "en", "2025-06-01",
             "Ranchers from Texas drove the herd to Montana in May.");
  assert_string_equal(tu_anchor_target(g, "Montana", 0), tu_wd("Q1212"));
  ng_graph_free(g);
  g = tu_run(e, "kinds-fr", "fr", "2025-06-01",
             "Le train de Lyon arrive à Vienne ce soir.");
  assert_int_equal(tu_count(g, NULL, TU_SAMEAS, TU_WD "Q12804"), 0);
  ng_graph_free(g);
  ng_engine_free(e);
}

/* How news writes place names: a leading article fused with a preposition
 * or in lower case ("au Caire" is Le Caire, Q85, not the governorate
 * Q30805 whose French label is "Caire"; "du Havre", Q42810), and words
 * joined by hyphens ("New-York", Q60; "Tel-Aviv", the city Q33935, not
 * the district Q192811). */
static void
test_written_forms(void **state)
{
  (void)state;
  NgEngine *e = r_engine(0.6);
  NgGraph *g = tu_run(e, "article", "fr", "2025-06-01",
                      "Le ministre est arrivé au Caire lundi, venant du "
                      "Havre.");
  assert_string_equal(tu_anchor_target(g, "Caire", 0), tu_wd("Q85"));
  assert_string_equal(tu_anchor_target(g, "Havre", 0), tu_wd("Q42810"));
  assert_int_equal(tu_count(g, NULL, TU_SAMEAS, TU_WD "Q30805"), 0);
  ng_graph_free(g);
  /* A geographic noun leading a name may be in lower case ("îles Féroé",
   * Q4628); the name after it may not. */
  g = tu_run(e, "feature", "fr", "2025-06-01",
             "Il vit aux îles Féroé. Les îles féroé sont loin.");
  assert_string_equal(tu_anchor_target(g, "îles Féroé", 0), tu_wd("Q4628"));
  assert_null(tu_anchor_target(g, "îles féroé", 0));
  ng_graph_free(g);
  /* "à" takes towns, "au" countries: "à Luxembourg" is the town (Q1842),
   * not the country (Q32). */
  g = tu_run(e, "city-prep", "fr", "2025-06-01",
             "L'équipe de Belgique s'est rendue à Luxembourg.");
  assert_int_equal(tu_count(g, NULL, TU_SAMEAS, TU_WD "Q32"), 0);
  ng_graph_free(g);
  g = tu_run(e, "country-prep", "fr", "2025-06-01",
             "Il vit au Luxembourg depuis un an.");
  assert_string_equal(tu_anchor_target(g, "Luxembourg", 0), tu_wd("Q32"));
  ng_graph_free(g);
  /* A first word news shortens: "St-Etienne" is Saint-Étienne (Q42716),
   * "St Nazaire" Saint-Nazaire (Q152027). */
  g = tu_run(e, "short", "fr", "2025-06-01",
             "Le match à St-Etienne puis à St Nazaire.");
  assert_string_equal(tu_anchor_target(g, "St-Etienne", 0), tu_wd("Q42716"));
  assert_string_equal(tu_anchor_target(g, "St Nazaire", 0), tu_wd("Q152027"));
  ng_graph_free(g);
  /* A body the text names short because its parent is in the document:
   * "le Conseil de sécurité" of the UN (Q37470), "the General Assembly"
   * (Q47423); not without the parent. */
  g = tu_run(e, "parent", "fr", "2025-06-01",
             "L'ONU a réuni le Conseil de sécurité.");
  assert_string_equal(tu_anchor_target(g, "Conseil de sécurité", 0),
                      tu_wd("Q37470"));
  ng_graph_free(g);
  g = tu_run(e, "parent-none", "fr", "2025-06-01",
             "Le Conseil de sécurité a voté.");
  assert_int_equal(tu_count(g, NULL, TU_SAMEAS, TU_WD "Q37470"), 0);
  ng_graph_free(g);
  g = tu_run(e, "parent-en", "en", "2025-06-01",
             "The United Nations convened the General Assembly.");
  assert_string_equal(tu_anchor_target(g, "General Assembly", 0),
                      tu_wd("Q47423"));
  ng_graph_free(g);
  /* A region adjective names a part of a continent the gazetteer may
   * know in English: "l'Europe occidentale" is Western Europe (Q27496),
   * "l'Asie centrale" Central Asia (Q27275); "la Suisse romande" is a
   * region, unlinked. */
  g = tu_run(e, "part", "fr", "2025-06-01",
             "L'Europe occidentale, l'Asie centrale et la Suisse romande.");
  assert_string_equal(tu_anchor_target(g, "Europe occidentale", 0),
                      tu_wd("Q27496"));
  assert_string_equal(tu_anchor_target(g, "Asie centrale", 0),
                      tu_wd("Q27275"));
  const char *sr = tu_anchor_target(g, "Suisse romande", 0);
  assert_non_null(sr);
  assert_null(tu_object(g, sr, TU_SAMEAS));
  ng_graph_free(g);
  /* In French a region takes an article: bare, a one-word region below
   * the first level is its town ("Mantoue"), not the province (Q16204),
   * which "la province de Mantoue" names; English names counties bare
   * ("Norfolk", Q23109). */
  g = tu_run(e, "bare-region", "fr", "2025-06-01",
             "Il a visité Mantoue en Italie, puis la province de Mantoue.");
  assert_string_equal(tu_anchor_target(g, "province de Mantoue", 0),
                      tu_wd("Q16204"));
  assert_int_equal(tu_count(g, NULL, TU_SAMEAS, TU_WD "Q16204"), 1);
  assert_string_not_equal(tu_anchor_target(g, "Mantoue", 0), tu_wd("Q16204"));
  ng_graph_free(g);
  g = tu_run(e, "bare-county", "en", "2025-06-01",
             "Farmers in Norfolk, England, lost crops.");
  assert_string_equal(tu_anchor_target(g, "Norfolk", 0), tu_wd("Q23109"));
  ng_graph_free(g);
  /* Dotted initials are the acronym ("U.S.A.", Q30; "U.K.", Q145). */
  g = tu_run(e, "dotted", "en", "2025-06-01",
             "The U.S.A. and the U.K. signed.");
  assert_string_equal(tu_anchor_target(g, "U.S.A.", 0), tu_wd("Q30"));
  assert_string_equal(tu_anchor_target(g, "U.K.", 0), tu_wd("Q145"));
  ng_graph_free(g);
  /* No article, no "Le Havre": "Havre" alone is no name of it. */
  g = tu_run(e, "no-article", "fr", "2025-06-01",
             "Il a trouvé un Havre de paix.");
  assert_int_equal(tu_count(g, NULL, TU_SAMEAS, TU_WD "Q42810"), 0);
  ng_graph_free(g);
  /* An international organisation's initials name it ("l'OTAN", Q7184;
   * "l'OMS", Q7817). */
  g = tu_run(e, "initials", "fr", "2025-06-01",
             "Les ministres de l'OTAN et l'OMS se sont réunis.");
  assert_string_equal(tu_anchor_target(g, "OTAN", 0), tu_wd("Q7184"));
  assert_string_equal(tu_anchor_target(g, "OMS", 0), tu_wd("Q7817"));
  ng_graph_free(g);
  g = tu_run(e, "hyphens", "fr", "1925-06-01",
             "Le paquebot part de New-York pour Tel-Aviv.");
  assert_string_equal(tu_anchor_target(g, "New-York", 0), tu_wd("Q60"));
  assert_string_equal(tu_anchor_target(g, "Tel-Aviv", 0), tu_wd("Q33935"));
  ng_graph_free(g);
  ng_engine_free(e);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_country_across_languages),
      cmocka_unit_test(test_surname_coreference),
      cmocka_unit_test(test_le_pays),
      cmocka_unit_test(test_acronym_then_article),
      cmocka_unit_test(test_min_link_confidence),
      cmocka_unit_test(test_focus_disambiguation),
      cmocka_unit_test(test_person_country),
      cmocka_unit_test(test_written_forms),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
