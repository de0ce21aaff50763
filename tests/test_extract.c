/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0 */
/* Extraction of events, participations and positions, end to end through
 * the engine, on sentences written for these tests in other words than any
 * sample: they check that the rules of ontology/rules generalise. */
#include "testutil.h"

/* Every event-like node of class @p cls has evidence and a confidence. */
static void
check_provenance(const NgGraph *g, const char *cls)
{
  const char *s;
  for (size_t i = 0; (s = tu_subject_of_type(g, cls, i)) != NULL; i++) {
    assert_non_null(tu_object(g, s, tu_ng("evidence")));
    assert_non_null(tu_object(g, s, tu_ng("confidence")));
  }
}

static void
check_all_provenance(const NgGraph *g)
{
  static const char *const classes[] = {"Meeting", "Talks", "Visit",
                                        "Statement", "Assembly", "Conference",
                                        "Participation", "Position"};
  for (size_t i = 0; i < sizeof classes / sizeof *classes; i++) {
    check_provenance(g, classes[i]);
  }
}

static const char *FORUM =
  "Le forum, tenu du 12 au 14 mars à Rabat, a été utile. ";

static void
test_fr_held_date_range(void **state)
{
  (void)state;
  NgGraph *g = tu_run(tu_group_engine, "e1", "fr", "2026-03-20", FORUM);
  const char *ev = NULL;
  for (size_t i = 0; i < ng_graph_size(g) && !ev; i++) {
    const NgTriple *t = ng_graph_get(g, i);
    if (!strcmp(t->p, TU_NG "startDate")) {
      ev = t->s;
    }
  }
  assert_non_null(ev);
  assert_true(tu_has(g, ev, tu_ng("startDate"), "2026-03-12"));
  assert_true(tu_has(g, ev, tu_ng("endDate"), "2026-03-14"));
  assert_true(tu_has(g, ev, tu_ng("location"), tu_wd("Q3551")));
  assert_non_null(tu_object(g, ev, tu_ng("evidence")));
  assert_non_null(tu_object(g, ev, tu_ng("confidence")));
  ng_graph_free(g);
}

static void
test_fr_delegation_participation(void **state)
{
  (void)state;
  char text[512];
  snprintf(text, sizeof text, "%s%s", FORUM,
           "La délégation sénégalaise a présenté un rapport.");
  NgGraph *g = tu_run(tu_group_engine, "e2", "fr", "2026-03-20", text);
  const char *p = tu_subject_of_type(g, "Participation", 0);
  assert_non_null(p);
  assert_true(tu_has(g, p, tu_ng("agent"), tu_wd("Q1041")));
  const char *ev = tu_object(g, p, tu_ng("event"));
  assert_non_null(ev);
  assert_true(tu_has(g, ev, tu_ng("location"), tu_wd("Q3551")));
  check_all_provenance(g);
  ng_graph_free(g);
}

static void
test_fr_talks_part_of(void **state)
{
  (void)state;
  char text[512];
  snprintf(text, sizeof text, "%s%s", FORUM,
           "Lors de ce forum, M. Omar Diallo a eu un entretien avec Mme Sara "
           "Lind.");
  NgGraph *g = tu_run(tu_group_engine, "e3", "fr", "2026-03-20", text);
  const char *t = tu_subject_of_type(g, "Talks", 0);
  assert_non_null(t);
  assert_true(tu_has(g, t, tu_ng("participant"),
                     TU_ID "entity/person/omar-diallo"));
  assert_true(tu_has(g, t, tu_ng("participant"),
                     TU_ID "entity/person/sara-lind"));
  const char *forum = tu_object(g, t, tu_ng("partOf"));
  assert_non_null(forum);
  assert_true(tu_has(g, forum, tu_ng("startDate"), "2026-03-12"));
  check_all_provenance(g);
  ng_graph_free(g);
}

static void
test_fr_visit(void **state)
{
  (void)state;
  NgGraph *g = tu_run(tu_group_engine, "e4", "fr", "2026-03-20",
                      "M. Omar Diallo a visité Rabat.");
  const char *v = tu_subject_of_type(g, "Visit", 0);
  assert_non_null(v);
  assert_true(tu_has(g, v, tu_ng("participant"),
                     TU_ID "entity/person/omar-diallo"));
  assert_true(tu_has(g, v, tu_ng("location"), tu_wd("Q3551")));
  check_all_provenance(g);
  ng_graph_free(g);
}

static void
test_fr_statement(void **state)
{
  (void)state;
  NgGraph *g = tu_run(tu_group_engine, "e5", "fr", "2026-03-20",
                      "En février dernier, l'Algérie a salué la Tunisie.");
  const char *s = tu_subject_of_type(g, "Statement", 0);
  assert_non_null(s);
  assert_true(tu_has(g, s, tu_ng("speaker"), tu_wd("Q262")));
  assert_true(tu_has(g, s, tu_ng("about"), tu_wd("Q948")));
  assert_null(tu_subject_of_type(g, "Statement", 1));
  check_all_provenance(g);
  ng_graph_free(g);
}

static void
test_fr_negation(void **state)
{
  (void)state;
  NgGraph *g = tu_run(tu_group_engine, "e6", "fr", "2026-03-20",
                      "M. Omar Diallo n'a pas salué la Tunisie.");
  assert_true(tu_has(g, tu_wd("Q948"), TU_RDF_TYPE, tu_ng("Country")));
  assert_null(tu_subject_of_type(g, "Statement", 0));
  ng_graph_free(g);
}

/* Rule words written ~word match every form with that stem: "commends"
 * and "praises" are not spelled out in the rule file. */
static void
test_en_statement_by_stem(void **state)
{
  (void)state;
  NgGraph *g = tu_run(tu_group_engine, "e5en", "en", "2026-03-20",
                      "Algeria commends Tunisia.");
  const char *s = tu_subject_of_type(g, "Statement", 0);
  assert_non_null(s);
  assert_true(tu_has(g, s, tu_ng("speaker"), tu_wd("Q262")));
  assert_true(tu_has(g, s, tu_ng("about"), tu_wd("Q948")));
  ng_graph_free(g);
  /* Another word's stem does not match: "commented" is not "commend". */
  g = tu_run(tu_group_engine, "e5en2", "en", "2026-03-20",
             "Algeria commented Tunisia.");
  assert_null(tu_subject_of_type(g, "Statement", 0));
  ng_graph_free(g);
}

/* The position of an official named with a demonym or a country. */
static const char *
position_of(const NgGraph *g, const char *holder)
{
  const char *p;
  for (size_t i = 0; (p = tu_subject_of_type(g, "Position", i)) != NULL; i++) {
    if (tu_has(g, p, tu_ng("holder"), holder)) {
      return p;
    }
  }
  return NULL;
}

/* The participation of @p agent in event @p ev, or NULL. */
static const char *
participation_of(const NgGraph *g, const char *agent, const char *ev)
{
  const char *p;
  for (size_t i = 0; (p = tu_subject_of_type(g, "Participation", i)) != NULL;
       i++) {
    if (tu_has(g, p, tu_ng("agent"), agent) &&
        (!ev || tu_has(g, p, tu_ng("event"), ev))) {
      return p;
    }
  }
  return NULL;
}

static void
test_fr_position_country(void **state)
{
  (void)state;
  NgGraph *g = tu_run(
    tu_group_engine, "pc1", "fr", "2026-03-20",
    "Amadou Sy, ministre de la Justice du Niger, s'est rendu à Dakar. "
    "La ministre sénégalaise de l'Intérieur, Aminata Diallo, a salué la "
    "Tunisie.");
  const char *sy = TU_ID "entity/person/amadou-sy";
  const char *p = position_of(g, sy);
  assert_non_null(p);
  assert_true(tu_has(g, p, tu_ng("country"), tu_wd("Q1032")));
  /* He acts for Niger in the visit the same document reports. */
  const char *v = tu_subject_of_type(g, "Visit", 0);
  assert_non_null(v);
  const char *pa = participation_of(g, sy, v);
  assert_non_null(pa);
  assert_true(tu_has(g, pa, tu_ng("onBehalfOf"), tu_wd("Q1032")));
  p = position_of(g, TU_ID "entity/person/aminata-diallo");
  assert_non_null(p);
  assert_true(tu_has(g, p, tu_ng("country"), tu_wd("Q1041")));
  check_all_provenance(g);
  ng_graph_free(g);
}

static void
test_en_position_country(void **state)
{
  (void)state;
  NgGraph *g = tu_run(
    tu_group_engine, "pc2", "en", "2026-03-20",
    "Senegal's Interior Minister Aminata Diallo met the Kenyan foreign "
    "minister Peter Otieno in Nairobi on Monday.");
  const char *ad = TU_ID "entity/person/aminata-diallo";
  const char *po = TU_ID "entity/person/peter-otieno";
  const char *p = position_of(g, ad);
  assert_non_null(p);
  assert_true(tu_has(g, p, tu_ng("country"), tu_wd("Q1041")));
  p = position_of(g, po);
  assert_non_null(p);
  assert_true(tu_has(g, p, tu_ng("country"), tu_wd("Q114")));
  assert_true(tu_has(g, p, tu_ng("title"), "foreign minister"));
  const char *m = tu_subject_of_type(g, "Meeting", 0);
  assert_non_null(m);
  const char *pa = participation_of(g, po, m);
  assert_non_null(pa);
  assert_true(tu_has(g, pa, tu_ng("onBehalfOf"), tu_wd("Q114")));
  assert_false(tu_has(g, pa, tu_ng("onBehalfOf"), tu_wd("Q1041")));
  check_all_provenance(g);
  ng_graph_free(g);
}

/* The people of a sentence reporting talks on the margins of a meeting
 * take part in the talks, each for their country. */
static void
test_en_sub_event_participations(void **state)
{
  (void)state;
  NgGraph *g = tu_run(
    tu_group_engine, "sub1", "en", "2026-05-06",
    "A summit of the African Union was held in Addis Ababa on 3 May. "
    "On the sidelines of the summit, Kenyan Foreign Minister Peter Otieno "
    "held talks with his Ugandan counterpart Sam Okello.");
  const char *t = tu_subject_of_type(g, "Talks", 0);
  const char *m = tu_subject_of_type(g, "Meeting", 0);
  assert_non_null(t);
  assert_non_null(m);
  assert_true(tu_has(g, t, tu_ng("partOf"), m));
  const char *po = TU_ID "entity/person/peter-otieno";
  const char *so = TU_ID "entity/person/sam-okello";
  const char *pa = participation_of(g, po, t);
  assert_non_null(pa);
  assert_true(tu_has(g, pa, tu_ng("onBehalfOf"), tu_wd("Q114")));
  pa = participation_of(g, so, t);
  assert_non_null(pa);
  assert_true(tu_has(g, pa, tu_ng("onBehalfOf"), tu_wd("Q1036")));
  /* Not in the summit itself: the text does not say they attended it. */
  assert_null(participation_of(g, po, m));
  assert_null(participation_of(g, so, m));
  assert_true(tu_has(g, t, tu_ng("participant"), po));
  assert_true(tu_has(g, t, tu_ng("participant"), so));
  check_all_provenance(g);
  ng_graph_free(g);
}

static void
test_fr_sub_event_participations(void **state)
{
  (void)state;
  NgGraph *g = tu_run(
    tu_group_engine, "sub2", "fr", "2026-05-06",
    "Le sommet de l'Union africaine s'est tenu le 3 mai à Addis-Abeba. "
    "En marge de ce sommet, la ministre sénégalaise de l'Intérieur, Aminata "
    "Diallo, s'est entretenue avec Ousmane Traoré, ministre malien de la "
    "Défense.");
  const char *t = tu_subject_of_type(g, "Talks", 0);
  const char *m = tu_subject_of_type(g, "Meeting", 0);
  assert_non_null(t);
  assert_non_null(m);
  assert_true(tu_has(g, t, tu_ng("partOf"), m));
  const char *ad = TU_ID "entity/person/aminata-diallo";
  const char *ot = TU_ID "entity/person/ousmane-traore";
  const char *pa = participation_of(g, ad, t);
  assert_non_null(pa);
  assert_true(tu_has(g, pa, tu_ng("onBehalfOf"), tu_wd("Q1041")));
  pa = participation_of(g, ot, t);
  assert_non_null(pa);
  assert_true(tu_has(g, pa, tu_ng("onBehalfOf"), tu_wd("Q912")));
  assert_null(participation_of(g, ad, m));
  assert_null(participation_of(g, ot, m));
  check_all_provenance(g);
  ng_graph_free(g);
}

/* "le directeur général de la Police nationale, X": the apposition names
 * the official, who holds the post; nobody unnamed is made up. */
static void
test_fr_official_named_by_apposition(void **state)
{
  (void)state;
  NgGraph *g = tu_run(
    tu_group_engine, "ap1", "fr", "2026-03-20",
    "Le directeur général de la Police nationale, Jean Mbeki, a salué la "
    "Tunisie. M. Amadou Sy, le nouveau directeur de la cybercriminalité à "
    "Interpol, a visité Rabat.");
  assert_false(tu_has(g, NULL, tu_ng("description"), NULL));
  const char *jm = TU_ID "entity/person/jean-mbeki";
  const char *p = position_of(g, jm);
  assert_non_null(p);
  assert_true(tu_has(g, p, tu_ng("title"), "directeur général"));
  const char *s = tu_subject_of_type(g, "Statement", 0);
  assert_non_null(s);
  assert_true(tu_has(g, s, tu_ng("speaker"), jm));
  assert_int_equal(tu_count(g, s, tu_ng("speaker"), NULL), 1);
  p = position_of(g, TU_ID "entity/person/amadou-sy");
  assert_non_null(p);
  assert_true(tu_has(g, p, tu_ng("organization"), tu_wd("Q8475")));
  /* One post, with its full title. */
  assert_true(tu_has(g, p, tu_ng("title"), "directeur de la cybercriminalité"));
  assert_int_equal(tu_count(g, NULL, tu_ng("holder"),
                            TU_ID "entity/person/amadou-sy"),
                   1);
  check_all_provenance(g);
  ng_graph_free(g);
  /* Without the apposition, the official stays an unnamed person. */
  g = tu_run(tu_group_engine, "ap2", "fr", "2026-03-20",
             "Le directeur général de la Police nationale a salué la Tunisie.");
  assert_true(tu_has(g, NULL, tu_ng("description"), NULL));
  ng_graph_free(g);
}

static void
test_en_official_named_by_apposition(void **state)
{
  (void)state;
  NgGraph *g = tu_run(tu_group_engine, "ap3", "en", "2026-03-20",
                      "The director of the FBI, Peter Otieno, praised Tunisia.");
  assert_false(tu_has(g, NULL, tu_ng("description"), NULL));
  const char *po = TU_ID "entity/person/peter-otieno";
  const char *p = position_of(g, po);
  assert_non_null(p);
  assert_true(tu_has(g, p, tu_ng("title"), "director"));
  const char *s = tu_subject_of_type(g, "Statement", 0);
  assert_non_null(s);
  assert_true(tu_has(g, s, tu_ng("speaker"), po));
  assert_int_equal(tu_count(g, s, tu_ng("speaker"), NULL), 1);
  check_all_provenance(g);
  ng_graph_free(g);
}

/* A future, a conditional, a cancellation or a negation makes no event,
 * whatever date the sentence gives: a planned meeting dated "jeudi" would
 * otherwise be last Thursday's. */
static void
test_fr_future_and_negation(void **state)
{
  (void)state;
  static const char *const texts[] = {
    "La conférence, organisée par Interpol, se tiendra jeudi à Rabat.",
    "Le forum, qui devrait être organisé jeudi à Rabat, a été annoncé.",
    "La réunion, prévue jeudi à Rabat, a été reportée.",
    "Le Sénégal devrait être choisi pour accueillir la conférence en mai à "
    "Dakar.",
    "Le forum ne s'est pas tenu jeudi à Rabat.",
    "M. Omar Diallo rencontrera Mme Sara Lind jeudi à Rabat.",
    "M. Omar Diallo, qui n'a pas visité Rabat, a rencontré jeudi Mme Sara "
    "Lind.",
  };
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    NgGraph *g = tu_run(tu_group_engine, "tense", "fr", "2026-03-20",
                        texts[i]);
    assert_false(tu_has(g, NULL, tu_ng("startDate"), NULL));
    assert_null(tu_subject_of_type(g, "Visit", 0));
    ng_graph_free(g);
  }
  /* The same wording in the past is an event. */
  NgGraph *g = tu_run(tu_group_engine, "tense", "fr", "2026-03-20",
                      "Le forum, tenu jeudi à Rabat, a été utile.");
  assert_true(tu_has(g, NULL, tu_ng("startDate"), "2026-03-19"));
  ng_graph_free(g);
}

static void
test_en_future_and_negation(void **state)
{
  (void)state;
  static const char *const texts[] = {
    "The forum will be held in Rabat on Thursday.",
    "The forum was not held in Rabat on Thursday.",
    "The forum, which had been scheduled to be held in Rabat on Thursday, "
    "was called off.",
    "Omar Diallo would have met Sara Lind in Rabat on Thursday.",
  };
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    NgGraph *g = tu_run(tu_group_engine, "tense", "en", "2026-03-20",
                        texts[i]);
    assert_false(tu_has(g, NULL, tu_ng("startDate"), NULL));
    ng_graph_free(g);
  }
  NgGraph *g = tu_run(tu_group_engine, "tense", "en", "2026-03-20",
                      "The forum was held in Rabat on Thursday.");
  assert_true(tu_has(g, NULL, tu_ng("startDate"), "2026-03-19"));
  ng_graph_free(g);
}

/* Events carry the CAMEO root code of their class (ontology/cameo.ttl),
 * subclasses that of their superclass. */
static void
test_cameo_codes(void **state)
{
  (void)state;
  NgGraph *g = tu_run(
    tu_group_engine, "cameo", "en", "2026-05-06",
    "A summit of the African Union was held in Addis Ababa on 3 May. "
    "On the sidelines of the summit, Mr. Peter Otieno held talks with Mr. Sam "
    "Okello. "
    "Algeria commends Tunisia.");
  const char *t = tu_subject_of_type(g, "Talks", 0);
  const char *m = tu_subject_of_type(g, "Meeting", 0);
  const char *s = tu_subject_of_type(g, "Statement", 0);
  assert_non_null(t);
  assert_non_null(m);
  assert_non_null(s);
  assert_true(tu_has(g, t, tu_ng("cameoCode"), "04"));
  assert_true(tu_has(g, m, tu_ng("cameoCode"), "04"));
  assert_true(tu_has(g, s, tu_ng("cameoCode"), "01"));
  assert_int_equal(tu_count(g, t, tu_ng("cameoCode"), NULL), 1);
  ng_graph_free(g);
}

static void
test_en_meeting_position_participation(void **state)
{
  (void)state;
  /* A made-up person: the gazetteer has a John Smith. */
  NgGraph *g = tu_run(tu_group_engine, "e7", "en", "2025-09-05",
                      "The summit held in Paris on 3-4 September was long. "
                      "Mr John Smithfield, Interior Minister of Spain, "
                      "represented Spain at the summit. Mr John Smithfield "
                      "met Ms Maria Lopez in Rabat.");
  const char *js = TU_ID "entity/person/john-smithfield";
  const char *ev = NULL;
  for (size_t i = 0; i < ng_graph_size(g) && !ev; i++) {
    const NgTriple *t = ng_graph_get(g, i);
    if (!strcmp(t->p, TU_NG "startDate")) {
      ev = t->s;
    }
  }
  assert_non_null(ev);
  assert_true(tu_has(g, ev, tu_ng("startDate"), "2025-09-03"));
  assert_true(tu_has(g, ev, tu_ng("endDate"), "2025-09-04"));
  assert_true(tu_has(g, ev, tu_ng("location"), tu_wd("Q90")));

  const char *pos = tu_subject_of_type(g, "Position", 0);
  assert_non_null(pos);
  assert_true(tu_has(g, pos, tu_ng("holder"), js));
  assert_non_null(tu_object(g, pos, tu_ng("title")));

  const char *p = tu_subject_of_type(g, "Participation", 0);
  assert_non_null(p);
  assert_true(tu_has(g, p, tu_ng("agent"), js));
  assert_true(tu_has(g, p, tu_ng("onBehalfOf"), tu_wd("Q29")));

  size_t found = 0;
  const char *m;
  for (size_t i = 0; (m = tu_subject_of_type(g, "Meeting", i)) != NULL; i++) {
    found += tu_has(g, m, tu_ng("participant"),
                    TU_ID "entity/person/maria-lopez") &&
             tu_has(g, m, tu_ng("participant"), js) &&
             tu_has(g, m, tu_ng("location"), tu_wd("Q3551"));
  }
  assert_int_equal(found, 1);
  check_all_provenance(g);
  ng_graph_free(g);
}

/* Regression: "the summit" after the summit was reported is that summit,
 * not a second one. */
static void
test_definite_event_is_the_earlier_one(void **state)
{
  (void)state;
  NgGraph *g = tu_run(tu_group_engine, "definite-summit", "en", "2025-09-05",
                      "The summit was held in Paris on 3-4 September. "
                      "Mr John Smith, Interior Minister of Spain, represented "
                      "Spain at the summit.");
  assert_int_equal(tu_count(g, NULL, TU_RDF_TYPE, TU_NG "Meeting"), 1);
  const char *ev = tu_subject_of_type(g, "Meeting", 0);
  const char *pa = tu_subject_of_type(g, "Participation", 0);
  assert_non_null(pa);
  assert_true(tu_has(g, pa, tu_ng("event"), ev));
  assert_true(tu_has(g, ev, tu_ng("location"), tu_wd("Q90")));
  ng_graph_free(g);
}

/* Regression: two appointments on one day, in two documents, with no
 * place, are two events (the key holds their participants). */
static void
test_same_day_appointments_are_two(void **state)
{
  (void)state;
  NgGraph *a = tu_run(tu_group_engine, "appoint-a", "fr", "2025-05-10",
                      "Le 3 mai, M. Karim Benali a été nommé directeur général "
                      "de la police nationale.");
  NgGraph *b = tu_run(tu_group_engine, "appoint-b", "fr", "2025-05-10",
                      "Le 3 mai, Mme Nadia Ferhat a été nommée directrice "
                      "générale des douanes.");
  const char *ea = tu_subject_of_type(a, "Appointment", 0);
  const char *eb = tu_subject_of_type(b, "Appointment", 0);
  assert_non_null(ea);
  assert_non_null(eb);
  assert_string_not_equal(ea, eb);
  ng_graph_free(a);
  ng_graph_free(b);
}

/* Regression: a condemnation and an announcement by one speaker are two
 * statements, not merged into one. */
static void
test_statements_of_two_kinds(void **state)
{
  (void)state;
  NgGraph *g = tu_run(tu_group_engine, "two-statements", "fr", "2025-05-10",
                      "Le Maroc a condamné l’attaque. Le Maroc a annoncé une "
                      "aide d’urgence.");
  assert_non_null(tu_subject_of_type(g, "Statement", 1));
  ng_graph_free(g);
}

/* A body named before the event noun organises the event ("the ASEAN
 * summit"), with the place and the day that follow. */
static void
test_en_organiser_before_event_noun(void **state)
{
  (void)state;
  NgGraph *g = tu_run(tu_group_engine, "e-asean", "en", "2026-03-20",
                      "Leaders met at the ASEAN summit in Jakarta on "
                      "Tuesday.");
  const char *ev = NULL;
  for (size_t i = 0; i < ng_graph_size(g) && !ev; i++) {
    const NgTriple *t = ng_graph_get(g, i);
    if (!strcmp(t->p, TU_NG "organizer")) {
      ev = t->s;
    }
  }
  assert_non_null(ev);
  assert_true(tu_has(g, ev, tu_ng("organizer"), tu_wd("Q7768")));
  assert_true(tu_has(g, ev, tu_ng("location"), tu_wd("Q3630")));
  assert_true(tu_has(g, ev, tu_ng("startDate"), "2026-03-17"));
  check_all_provenance(g);
  ng_graph_free(g);
}

/* "en marge du sommet": the summit already reported, not a new one; the
 * talks are part of it, "avec son homologue X" names the other party. */
static void
test_fr_margins_of_reported_summit(void **state)
{
  (void)state;
  NgGraph *g = tu_run(tu_group_engine, "e-marge", "fr", "2026-03-20",
                      "Le sommet de l'Union africaine s'est tenu du 10 au 11 "
                      "mars à Addis-Abeba. En marge du sommet, le ministre "
                      "Moussa Kéita s'est entretenu avec son homologue Léa "
                      "Brunner.");
  const char *m = tu_subject_of_type(g, "Meeting", 0);
  assert_non_null(m);
  assert_null(tu_subject_of_type(g, "Meeting", 1));
  const char *talks = tu_subject_of_type(g, "Talks", 0);
  assert_non_null(talks);
  assert_true(tu_has(g, talks, tu_ng("partOf"), m));
  const char *lb = tu_anchor_target(g, "Léa Brunner", 0);
  assert_non_null(lb);
  assert_true(tu_has(g, talks, tu_ng("participant"), lb));
  check_all_provenance(g);
  ng_graph_free(g);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_same_day_appointments_are_two),
    cmocka_unit_test(test_statements_of_two_kinds),
    cmocka_unit_test(test_definite_event_is_the_earlier_one),
    cmocka_unit_test(test_fr_held_date_range),
    cmocka_unit_test(test_fr_delegation_participation),
    cmocka_unit_test(test_fr_talks_part_of),
    cmocka_unit_test(test_fr_visit),
    cmocka_unit_test(test_fr_statement),
    cmocka_unit_test(test_fr_negation),
    cmocka_unit_test(test_en_statement_by_stem),
    cmocka_unit_test(test_fr_position_country),
    cmocka_unit_test(test_en_position_country),
    cmocka_unit_test(test_en_sub_event_participations),
    cmocka_unit_test(test_fr_sub_event_participations),
    cmocka_unit_test(test_fr_official_named_by_apposition),
    cmocka_unit_test(test_en_official_named_by_apposition),
    cmocka_unit_test(test_fr_future_and_negation),
    cmocka_unit_test(test_en_future_and_negation),
    cmocka_unit_test(test_cameo_codes),
    cmocka_unit_test(test_en_meeting_position_participation),
    cmocka_unit_test(test_en_organiser_before_event_noun),
    cmocka_unit_test(test_fr_margins_of_reported_summit),
  };
  return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
