/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * Tests of the rule language: parsing, compilation to PCRE2, diagnostics
 * and matching over hand-encoded sentences.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "rules.h"

/* ---- diagnostics sink ---- */

typedef struct {
  NgLogLevel level;
  NgStatus status;
  char stage[16];
  char file[64];
  unsigned line, col;
  char message[512];
} Diag;

typedef struct {
  Diag d[32];
  size_t n;
} DiagLog;

static void capture(void *handle, const NgDiag *diag) {
  DiagLog *dl = handle;
  if (dl->n >= NG_COUNTOF(dl->d))
    return;
  Diag *d = &dl->d[dl->n++];
  d->level = diag->level;
  d->status = diag->status;
  snprintf(d->stage, sizeof d->stage, "%s", diag->stage ? diag->stage : "");
  snprintf(d->file, sizeof d->file, "%s", diag->file ? diag->file : "");
  d->line = diag->line;
  d->col = diag->col;
  snprintf(d->message, sizeof d->message, "%s", diag->message);
}

/* ---- hand-encoded sentences ---- */

typedef struct {
  char *str;
  uint32_t off[128];
  NgEncoded enc;
} Enc;

/* Build an NgEncoded from units written space-terminated, exactly as the
 * extract stage encodes them. */
static void enc_init(Enc *e, const char *units) {
  size_t len = strlen(units);
  assert_true(len > 0 && units[len - 1] == ' ');
  e->str = malloc(len + 1);
  assert_non_null(e->str);
  memcpy(e->str, units, len + 1);
  size_t n = 0;
  e->off[n++] = 0;
  for (size_t i = 0; i < len; i++)
    if (units[i] == ' ') {
      assert_true(n < NG_COUNTOF(e->off));
      e->off[n++] = (uint32_t)(i + 1);
    }
  e->enc.str = e->str;
  e->enc.len = len;
  e->enc.unit_off = e->off;
  e->enc.n_units = n - 1;
}

static void enc_free(Enc *e) { free(e->str); }

static const NgSlot *slot(const NgRuleMatch *m, const char *name, size_t nth) {
  for (size_t i = 0; i < m->n_slots; i++)
    if (strcmp(m->slots[i].name, name) == 0 && nth-- == 0)
      return &m->slots[i];
  return NULL;
}

static void assert_slot(const NgRuleMatch *m, const char *name, uint32_t u0,
                        uint32_t u1) {
  const NgSlot *s = slot(m, name, 0);
  if (!s)
    fail_msg("slot %s not captured", name);
  assert_int_equal(s->u0, u0);
  assert_int_equal(s->u1, u1);
}

static NgRuleSet *load_ok(const char *text) {
  DiagLog dl = {0};
  NgLog log = {capture, &dl};
  NgRuleSet *rs = ng_ruleset_new();
  assert_non_null(rs);
  NgStatus st = ng_ruleset_load_string(rs, "test.rules", text, &log);
  if (st != NG_SUCCESS)
    fail_msg("load failed: %u:%u: %s", dl.n ? dl.d[0].line : 0,
             dl.n ? dl.d[0].col : 0, dl.n ? dl.d[0].message : "?");
  assert_int_equal(dl.n, 0);
  return rs;
}

/* Run @p kind rules of @p rs over @p units. */
static void run(const NgRuleSet *rs, NgRuleKind kind, const char *units,
                NgRuleMatches *out) {
  Enc e;
  enc_init(&e, units);
  assert_int_equal(ng_ruleset_run(rs, kind, &e.enc, out), NG_SUCCESS);
  enc_free(&e);
}

/* ---- compilation ---- */

static void test_regex_elements(void **state) {
  (void)state;
  NgRuleSet *rs = load_ok(
      "@words SIDE \"on the sidelines of\" alongside margin*\n"
      "rule r1\n"
      "  kind event\n"
      "  pattern Séance talk* <PER> <ORG> <GOV> <COUNTRY> <ANY> \",\" _\n"
      "rule r2\n"
      "  kind event\n"
      "  pattern @SIDE _{0,6} x:( a | b.c )? \"(\"\n");
  assert_int_equal(ng_ruleset_size(rs), 2);
  assert_string_equal(ng_ruleset_regex(rs, 0),
                      "(?:^|(?<= ))w=seance w=talk[^ ]* e=PER=[^ ]* "
                      "e=ORG(?:\\.[A-Z]+)?=[^ ]* e=ORG\\.GOV=[^ ]* "
                      "e=LOC\\.COUNTRY=[^ ]* e=[A-Z.]+=[^ ]* p=, [^ ]+ ");
  assert_string_equal(ng_ruleset_regex(rs, 1),
                      "(?:^|(?<= ))(?:w=on w=the w=sidelines w=of "
                      "|w=alongside |w=margin[^ ]* )(?:[^ ]+ ){0,6}?"
                      "(?<x>(?:w=a |w=b\\.c )?)p=\\( ");
  assert_null(ng_ruleset_regex(rs, 2));
  ng_ruleset_free(rs);
}

static void test_info(void **state) {
  (void)state;
  NgRuleSet *rs = load_ok("# a comment\n"
                          "\n"
                          "rule en.statement-1   # trailing comment\n"
                          "  kind participation\n"
                          "  type Statement\n"
                          "  confidence 0.75\n"
                          "  set tense past\n"
                          "  set note \"two words # not a comment\"\n"
                          "  pattern agent:<PER> said\n"
                          "rule en.position-1\n"
                          "  kind position\n"
                          "  confidence 1\n"
                          "  pattern holder:<PER> \",\" title:chief\n");
  assert_int_equal(ng_ruleset_size(rs), 2);
  const NgRuleInfo *in = ng_ruleset_info(rs, 0);
  assert_string_equal(in->id, "en.statement-1");
  assert_int_equal(in->kind, NG_RULE_PARTICIPATION);
  assert_string_equal(in->type, "Statement");
  assert_true(in->confidence > 0.7499 && in->confidence < 0.7501);
  assert_int_equal(in->n_set, 2);
  assert_string_equal(in->set_keys[0], "tense");
  assert_string_equal(in->set_values[0], "past");
  assert_string_equal(in->set_keys[1], "note");
  assert_string_equal(in->set_values[1], "two words # not a comment");
  assert_string_equal(in->file, "test.rules");
  assert_int_equal(in->line, 3);
  in = ng_ruleset_info(rs, 1);
  assert_int_equal(in->kind, NG_RULE_POSITION);
  assert_string_equal(in->type, "");
  assert_true(in->confidence == 1.0);
  assert_null(ng_ruleset_info(rs, 2));
  ng_ruleset_free(rs);
}

static void test_phrases_and_elision(void **state) {
  (void)state;
  NgRuleSet *rs = load_ok(
      "@elisions l' d' jusqu' lorsqu’\n"
      "@clitics 's\n"
      "@words EDGE \"en bordure de l'Escale\" \"lorsqu'il\" aujourd'hui\n"
      "rule fr1\n"
      "  kind event\n"
      "  pattern @EDGE d’Europe jusqu'à\n"
      "rule en1\n"
      "  kind event\n"
      "  pattern \"at the agency's headquarters\" o'clock\n");
  const char *re = ng_ruleset_regex(rs, 0);
  assert_non_null(strstr(re, "(?:w=en w=bordure w=de w=l' w=escale "
                             "|w=lorsqu' w=il |w=aujourd'hui )"));
  assert_non_null(strstr(re, "w=d' w=europe w=jusqu' w=a "));
  assert_non_null(strstr(ng_ruleset_regex(rs, 1),
                         "w=at w=the w=agency w='s w=headquarters w=o'clock "));
  ng_ruleset_free(rs);

  /* Without declarations, apostrophes stay inside words. */
  rs = load_ok("rule r\n  kind event\n  pattern l'État\n");
  assert_non_null(strstr(ng_ruleset_regex(rs, 0), "w=l'etat "));
  ng_ruleset_free(rs);
}

static void test_continuation_lines(void **state) {
  (void)state;
  /* Lines indented deeper than `pattern` continue it, even when they
   * start with a keyword; a line at the keyword indentation ends it. */
  NgRuleSet *rs = load_ok("rule en.setup\n"
                          "  kind event\n"
                          "  pattern organizer:<ORG>\n"
                          "  # a comment between pattern lines\n"
                          "      set up talks\n"
                          "\t type\n"
                          "  set tense past\n"
                          "  type Meeting\n");
  assert_string_equal(ng_ruleset_regex(rs, 0),
                      "(?:^|(?<= ))(?<organizer>e=ORG(?:\\.[A-Z]+)?=[^ ]* )"
                      "w=set w=up w=talks w=type ");
  const NgRuleInfo *in = ng_ruleset_info(rs, 0);
  assert_int_equal(in->n_set, 1);
  assert_string_equal(in->set_keys[0], "tense");
  assert_string_equal(in->type, "Meeting");
  ng_ruleset_free(rs);
}

/* ---- matching ---- */

static void test_meeting_slots(void **state) {
  (void)state;
  /* "Mme A s'est entretenue auprès de B", "A a reçu B à C": French. */
  NgRuleSet *rs = load_ok(
      "rule fr.talks\n"
      "  kind event\n"
      "  type Meeting\n"
      "  pattern agent:<PER> ( s' est entretenu* | a reçu )\n"
      "          ( auprès de )? participant:<PER>\n"
      "          ( à location:<LOC> )?\n"
      "  confidence 0.9\n");
  assert_int_equal(ng_ruleset_info(rs, 0)->confidence > 0.89, 1);
  NgRuleMatches m = {0};
  run(rs, NG_RULE_EVENT,
      "w=hier p=, e=PER=x w=a w=recu e=PER=y w=a e=LOC.CITY=z p=. ", &m);
  assert_int_equal(m.n, 1);
  assert_int_equal(m.items[0].rule, 0);
  assert_int_equal(m.items[0].u0, 2);
  assert_int_equal(m.items[0].u1, 8);
  assert_int_equal(m.items[0].n_slots, 3);
  assert_slot(&m.items[0], "agent", 2, 3);
  assert_slot(&m.items[0], "participant", 5, 6);
  assert_slot(&m.items[0], "location", 7, 8);
  ng_rule_matches_clear(&m);
  assert_int_equal(m.n, 0);

  /* The optional location absent: the slot does not participate. */
  run(rs, NG_RULE_EVENT,
      "e=PER=a w=s' w=est w=entretenue w=aupres w=de e=PER=b w=hier ", &m);
  assert_int_equal(m.n, 1);
  assert_int_equal(m.items[0].n_slots, 2);
  assert_slot(&m.items[0], "participant", 6, 7);
  assert_null(slot(&m.items[0], "location", 0));

  /* Other kinds do not run. */
  ng_rule_matches_clear(&m);
  run(rs, NG_RULE_POSITION, "e=PER=x w=a w=recu e=PER=y ", &m);
  assert_int_equal(m.n, 0);
  ng_rule_matches_free(&m);
  ng_ruleset_free(rs);
}

static void test_same_slot_in_alternatives(void **state) {
  (void)state;
  NgRuleSet *rs = load_ok(
      "rule en.visit\n"
      "  kind event\n"
      "  type Visit\n"
      "  pattern ( participant:<PER> visited host:<COUNTRY>\n"
      "          | host:<COUNTRY> hosted participant:<PER> )\n"
      "rule es.encuentro\n"
      "  kind event\n"
      "  pattern participant:<PER> se reunió con participant:<PER>\n");
  NgRuleMatches m = {0};
  run(rs, NG_RULE_EVENT,
      "e=LOC.COUNTRY=spain w=hosted e=PER=p p=, e=PER=q w=visited "
      "e=LOC.COUNTRY=chile ",
      &m);
  assert_int_equal(m.n, 2);
  assert_slot(&m.items[0], "host", 0, 1);
  assert_slot(&m.items[0], "participant", 2, 3);
  assert_int_equal(m.items[0].n_slots, 2);
  assert_slot(&m.items[1], "participant", 4, 5);
  assert_slot(&m.items[1], "host", 6, 7);
  assert_int_equal(m.items[1].n_slots, 2);
  ng_rule_matches_clear(&m);

  /* The same slot twice in one branch: both captures are reported. */
  run(rs, NG_RULE_EVENT, "e=PER=ana w=se w=reunio w=con e=PER=luis ", &m);
  assert_int_equal(m.n, 1);
  assert_int_equal(m.items[0].rule, 1);
  assert_int_equal(m.items[0].n_slots, 2);
  assert_int_equal(slot(&m.items[0], "participant", 0)->u0, 0);
  assert_int_equal(slot(&m.items[0], "participant", 1)->u0, 4);
  ng_rule_matches_free(&m);
  ng_ruleset_free(rs);
}

static void test_word_class_phrases(void **state) {
  (void)state;
  NgRuleSet *rs = load_ok(
      "@words SIDE \"on the sidelines of\" \"on the margins of\" at\n"
      "@words TALK held talk* met\n"
      "rule en.sideline\n"
      "  kind event\n"
      "  pattern participant:<PER> @TALK _{0,4} @SIDE partOf:<EVENT>\n");
  NgRuleMatches m = {0};
  run(rs, NG_RULE_EVENT,
      "e=PER=lee w=held w=talks w=with e=PER=kim w=on w=the w=margins w=of "
      "e=EVENT=summit ",
      &m);
  assert_int_equal(m.n, 1);
  assert_slot(&m.items[0], "participant", 0, 1);
  assert_slot(&m.items[0], "partOf", 9, 10);
  ng_rule_matches_clear(&m);
  /* Phrases must be complete. */
  run(rs, NG_RULE_EVENT,
      "e=PER=lee w=met w=on w=the w=edge w=of e=EVENT=summit ", &m);
  assert_int_equal(m.n, 0);
  ng_rule_matches_free(&m);
  ng_ruleset_free(rs);
}

static void test_lazy_gap(void **state) {
  (void)state;
  NgRuleSet *rs = load_ok("rule lazy\n"
                          "  kind position\n"
                          "  pattern holder:<PER> _{0,6} org:<ORG>\n"
                          "rule greedy\n"
                          "  kind mention\n"
                          "  pattern holder:<PER> ( _ ){0,6} org:<ORG>\n");
  const char *units = "e=PER=a w=head w=of e=ORG.GOV=b w=and e=ORG=c ";
  NgRuleMatches m = {0};
  run(rs, NG_RULE_POSITION, units, &m);
  assert_int_equal(m.n, 1);
  assert_slot(&m.items[0], "org", 3, 4); /* the nearest one */
  assert_int_equal(m.items[0].u1, 4);
  ng_rule_matches_clear(&m);
  run(rs, NG_RULE_MENTION, units, &m);
  assert_int_equal(m.n, 1);
  assert_slot(&m.items[0], "org", 5, 6); /* a group repetition is greedy */
  ng_rule_matches_clear(&m);
  /* Beyond the gap's bound: no match. */
  run(rs, NG_RULE_POSITION,
      "e=PER=a w=1 w=2 w=3 w=4 w=5 w=6 w=7 e=ORG=b ", &m);
  assert_int_equal(m.n, 0);
  ng_rule_matches_free(&m);
  ng_ruleset_free(rs);
}

static void test_unit_boundaries(void **state) {
  (void)state;
  NgRuleSet *rs = load_ok("rule r\n"
                          "  kind mention\n"
                          "  pattern span:la\n"
                          "rule p\n"
                          "  kind event\n"
                          "  pattern span:vice*\n");
  NgRuleMatches m = {0};
  run(rs, NG_RULE_MENTION, "w=vla w=lab w=xla w=la ", &m);
  assert_int_equal(m.n, 1);
  assert_int_equal(m.items[0].u0, 3);
  ng_rule_matches_clear(&m);
  /* Nor inside a unit whose text happens to contain "w=la". */
  run(rs, NG_RULE_MENTION, "e=ORG=aw=la w=aw=la ", &m);
  assert_int_equal(m.n, 0);
  run(rs, NG_RULE_EVENT, "w=avice w=vice-president w=vice ", &m);
  assert_int_equal(m.n, 2);
  assert_slot(&m.items[0], "span", 1, 2);
  assert_slot(&m.items[1], "span", 2, 3);
  ng_rule_matches_free(&m);
  ng_ruleset_free(rs);
}

static void test_repeated_slots(void **state) {
  (void)state;
  NgRuleSet *rs = load_ok(
      "rule last\n"
      "  kind event\n"
      "  pattern ( participant:<COUNTRY> \",\" )+ and\n"
      "rule list\n"
      "  kind participation\n"
      "  pattern among onBehalfOf:( <COUNTRY> ( \",\" <COUNTRY> )* )\n"
      "rule whole\n"
      "  kind mention\n"
      "  pattern span:<COUNTRY>+\n");
  NgRuleMatches m = {0};
  run(rs, NG_RULE_EVENT,
      "e=LOC.COUNTRY=a p=, e=LOC.COUNTRY=b p=, w=and ", &m);
  assert_int_equal(m.n, 1);
  assert_int_equal(m.items[0].n_slots, 1);
  assert_slot(&m.items[0], "participant", 2, 3); /* the last iteration */
  ng_rule_matches_clear(&m);
  run(rs, NG_RULE_PARTICIPATION,
      "w=among e=LOC.COUNTRY=a p=, e=LOC.COUNTRY=b p=, e=LOC.COUNTRY=c "
      "w=and ",
      &m);
  assert_int_equal(m.n, 1);
  assert_slot(&m.items[0], "onBehalfOf", 1, 6);
  ng_rule_matches_clear(&m);
  /* A slot on a repeated element captures all of the repetition. */
  run(rs, NG_RULE_MENTION,
      "e=LOC.COUNTRY=a e=LOC.COUNTRY=b w=x e=LOC.COUNTRY=c ", &m);
  assert_int_equal(m.n, 2);
  assert_slot(&m.items[0], "span", 0, 2);
  assert_slot(&m.items[1], "span", 3, 4);
  ng_rule_matches_free(&m);
  ng_ruleset_free(rs);
}

static void test_type_hierarchy(void **state) {
  (void)state;
  NgRuleSet *rs = load_ok("rule loc\n  kind mention\n  pattern span:<LOC>\n"
                          "rule city\n  kind event\n  pattern span:<CITY>\n"
                          "rule any\n  kind position\n  pattern span:<ANY>\n");
  const char *units =
      "e=LOC=x e=LOC.CITY=y e=LOC.COUNTRY=z e=LOCAL=w e=PER=v w=loc ";
  NgRuleMatches m = {0};
  run(rs, NG_RULE_MENTION, units, &m);
  assert_int_equal(m.n, 3);
  assert_int_equal(m.items[2].u0, 2);
  ng_rule_matches_clear(&m);
  run(rs, NG_RULE_EVENT, units, &m);
  assert_int_equal(m.n, 1);
  assert_int_equal(m.items[0].u0, 1);
  ng_rule_matches_clear(&m);
  run(rs, NG_RULE_POSITION, units, &m);
  assert_int_equal(m.n, 5);
  ng_rule_matches_free(&m);
  ng_ruleset_free(rs);
}

static void test_run_arguments(void **state) {
  (void)state;
  NgRuleSet *rs = load_ok("rule r\n  kind event\n  pattern x\n");
  NgRuleMatches m = {0};
  uint32_t off[2] = {0, 5};
  NgEncoded bad = {"w=x ", 4, off, 1}; /* offsets disagree with the length */
  assert_int_equal(ng_ruleset_run(rs, NG_RULE_EVENT, &bad, &m), NG_ERR_ARG);
  uint32_t off2[2] = {0, 5};
  NgEncoded inv = {"w=\xff\xfe ", 5, off2, 1};
  assert_int_equal(ng_ruleset_run(rs, NG_RULE_EVENT, &inv, &m),
                   NG_ERR_ENCODING);
  uint32_t off3[1] = {0};
  NgEncoded empty = {"", 0, off3, 0};
  assert_int_equal(ng_ruleset_run(rs, NG_RULE_EVENT, &empty, &m),
                   NG_SUCCESS);
  assert_int_equal(m.n, 0);
  ng_rule_matches_free(&m);
  ng_rule_matches_free(NULL);
  ng_ruleset_free(rs);
  ng_ruleset_free(NULL);
}

/* ---- diagnostics ---- */

typedef struct {
  const char *text;
  unsigned line, col;
  const char *msg; /* a substring of the message */
} ErrCase;

/* ---- stems ---- */

static void test_stem_function(void **state) {
  (void)state;
  NgRuleSet *rs = ng_ruleset_new();
  assert_non_null(rs);
  NgBuf b;
  ng_buf_init(&b);
  /* No language: no stems. */
  assert_int_equal(ng_ruleset_stem(rs, "rencontré", strlen("rencontré"), &b),
                   NG_FAILURE);
  assert_null(ng_ruleset_language(rs));
  ng_ruleset_free(rs);
  rs = load_ok("@language fr\n");
  assert_string_equal(ng_ruleset_language(rs), "fr");
  /* Accents and case count for Snowball; the stem comes back folded. */
  static const char *const same[] = {"Rencontrées", "rencontré", "rencontre",
                                     "rencontrer", "RENCONTRÉS"};
  for (size_t i = 0; i < NG_COUNTOF(same); i++) {
    ng_buf_clear(&b);
    assert_int_equal(ng_ruleset_stem(rs, same[i], strlen(same[i]), &b),
                     NG_SUCCESS);
    assert_int_equal(b.len, strlen("rencontr"));
    assert_memory_equal(b.data, "rencontr", b.len);
  }
  ng_buf_clear(&b);
  assert_int_equal(ng_ruleset_stem(rs, "représentait", strlen("représentait"),
                                   &b),
                   NG_SUCCESS);
  assert_int_equal(b.len, strlen("represent"));
  assert_memory_equal(b.data, "represent", b.len);
  /* A noun and a verb of one family may keep different stems. */
  ng_buf_clear(&b);
  assert_int_equal(ng_ruleset_stem(rs, "réunion", strlen("réunion"), &b),
                   NG_SUCCESS);
  assert_int_equal(b.len, strlen("reunion"));
  ng_buf_clear(&b);
  assert_int_equal(ng_ruleset_stem(rs, "", 0, &b), NG_FAILURE);
  ng_buf_free(&b);
  ng_ruleset_free(rs);
}

static void test_stem_patterns(void **state) {
  (void)state;
  NgRuleSet *rs = load_ok(
      "@language fr\n"
      "@elisions s' l'\n"
      "@words MET ~rencontrer \"s'est ~réunir\" reçu\n"
      "rule fr.met\n"
      "  kind event\n"
      "  pattern a:<PER> a @MET b:<PER>\n"
      "rule fr.praise\n"
      "  kind event\n"
      "  pattern s:<ORG> ~Saluer\n");
  /* With a language, words allow the unit's stem after them. */
  assert_string_equal(ng_ruleset_regex(rs, 0),
                      "(?:^|(?<= ))(?<a>e=PER=[^ ]* )w=a(?:~[^ ]*)? "
                      "(?:w=s'(?:~[^ ]*)? w=est(?:~[^ ]*)? w=[^ ~]*~reun "
                      "|w=[^ ~]*~rencontr |w=recu(?:~[^ ]*)? )"
                      "(?<b>e=PER=[^ ]* )");
  assert_string_equal(ng_ruleset_regex(rs, 1),
                      "(?:^|(?<= ))(?<s>e=ORG(?:\\.[A-Z]+)?=[^ ]* )"
                      "w=[^ ~]*~salu ");
  NgRuleMatches m = {0};
  /* Any form with that stem... */
  run(rs, NG_RULE_EVENT,
      "e=PER=x w=a~a w=rencontrees~rencontr e=PER=y p=. ", &m);
  assert_int_equal(m.n, 1);
  assert_slot(&m.items[0], "b", 3, 4);
  ng_rule_matches_clear(&m);
  run(rs, NG_RULE_EVENT, "e=ORG=x w=saluait~salu e=PER=y ", &m);
  assert_int_equal(m.n, 1);
  ng_rule_matches_clear(&m);
  /* ... but not another stem, nor the word without its stem. */
  run(rs, NG_RULE_EVENT,
      "e=PER=x w=a~a w=recontre~recontr e=PER=y e=ORG=z w=salut~salut "
      "e=ORG=z w=salu ",
      &m);
  assert_int_equal(m.n, 0);
  /* Plain words still match units without stems. */
  run(rs, NG_RULE_EVENT, "e=PER=x w=a w=recu e=PER=y ", &m);
  assert_int_equal(m.n, 1);
  ng_rule_matches_free(&m);
  ng_ruleset_free(rs);
}

/* ---- unless and suffixes ---- */

static void test_unless(void **state) {
  (void)state;
  NgRuleSet *rs = load_ok(
      "@words NOT not *n't\n"
      "@unless @NOT\n"
      "rule met\n"
      "  kind event\n"
      "  pattern a:<PER> _{0,3} met b:<PER>\n"
      "rule said\n"
      "  kind event\n"
      "  unless will   # its own replaces the file's\n"
      "  pattern a:<PER> _{0,3} said\n"
      "rule pos\n"
      "  kind position\n"
      "  pattern h:<PER> \",\" t:chief\n");
  assert_string_equal(ng_ruleset_unless_regex(rs, 0),
                      "(?:^|(?<= ))(?:w=not |w=[^ ~]*n't )");
  assert_string_equal(ng_ruleset_unless_regex(rs, 1),
                      "(?:^|(?<= ))w=will ");
  /* Positions have no tense: the file's @unless is not theirs. */
  assert_null(ng_ruleset_unless_regex(rs, 2));
  NgRuleMatches m = {0};
  run(rs, NG_RULE_EVENT, "e=PER=x w=met e=PER=y p=. ", &m);
  assert_int_equal(m.n, 1);
  ng_rule_matches_clear(&m);
  /* A negation inside the match drops it... */
  run(rs, NG_RULE_EVENT, "e=PER=x w=did w=not w=met e=PER=y p=. ", &m);
  assert_int_equal(m.n, 0);
  run(rs, NG_RULE_EVENT, "e=PER=x w=didn't w=met e=PER=y p=. ", &m);
  assert_int_equal(m.n, 0);
  /* ... one outside it does not. */
  run(rs, NG_RULE_EVENT, "w=not w=today p=, e=PER=x w=met e=PER=y p=. ",
      &m);
  assert_int_equal(m.n, 1);
  assert_slot(&m.items[0], "a", 3, 4);
  ng_rule_matches_clear(&m);
  run(rs, NG_RULE_EVENT, "e=PER=x w=met e=PER=y w=not w=z ", &m);
  assert_int_equal(m.n, 1);
  ng_rule_matches_clear(&m);
  /* The rule's own unless, not the file's. */
  run(rs, NG_RULE_EVENT, "e=PER=x w=not w=said p=. ", &m);
  assert_int_equal(m.n, 1);
  ng_rule_matches_clear(&m);
  run(rs, NG_RULE_EVENT, "e=PER=x w=will w=said p=. ", &m);
  assert_int_equal(m.n, 0);
  /* A dropped match does not hide the next one. */
  run(rs, NG_RULE_EVENT,
      "e=PER=x w=not w=met e=PER=y p=, e=PER=z w=met e=PER=w p=. ", &m);
  assert_int_equal(m.n, 1);
  assert_slot(&m.items[0], "a", 5, 6);
  ng_rule_matches_clear(&m);
  run(rs, NG_RULE_POSITION, "e=PER=x p=, w=chief w=not ", &m);
  assert_int_equal(m.n, 1);
  ng_rule_matches_free(&m);
  ng_ruleset_free(rs);
}

static void test_suffixes(void **state) {
  (void)state;
  NgRuleSet *rs = load_ok("@words FUT *era \"se *dra\"\n"
                          "rule r\n"
                          "  kind event\n"
                          "  pattern a:<PER> ( @FUT | *rait ) x* ( b )*\n");
  assert_string_equal(ng_ruleset_regex(rs, 0),
                      "(?:^|(?<= ))(?<a>e=PER=[^ ]* )(?:(?:w=se w=[^ ~]*dra "
                      "|w=[^ ~]*era )|w=[^ ~]*rait )w=x[^ ]* (?:w=b )*");
  NgRuleMatches m = {0};
  run(rs, NG_RULE_EVENT, "e=PER=a w=accueillera w=x ", &m);
  run(rs, NG_RULE_EVENT, "e=PER=a w=se w=tiendra w=xy ", &m);
  run(rs, NG_RULE_EVENT, "e=PER=a w=signerait w=x ", &m);
  assert_int_equal(m.n, 3);
  ng_rule_matches_clear(&m);
  run(rs, NG_RULE_EVENT, "e=PER=a w=accueille w=x ", &m);
  run(rs, NG_RULE_EVENT, "e=PER=a w=erable w=x ", &m);
  assert_int_equal(m.n, 0);
  ng_rule_matches_free(&m);
  ng_ruleset_free(rs);
}

static void test_syntax_errors(void **state) {
  (void)state;
  static const ErrCase cases[] = {
      {"frobnicate x\n", 1, 1, "unknown directive"},
      {"rule r\n  kind eventt\n  pattern a\n", 2, 8, "unknown kind"},
      {"rule r\n  kind event\n  pattern a <PERSON>\n", 3, 13,
       "unknown mention type <PERSON>"},
      {"rule r\n  kind event\n  pattern a @NOPE\n", 3, 13,
       "undefined word class @NOPE"},
      {"rule r\n  kind event\n  pattern @LATER\n@words LATER x\n", 3, 11,
       "undefined word class"},
      {"rule r\n  kind event\n  pattern a ( b c\n", 3, 13,
       "'(' is not closed"},
      {"rule r\n  kind event\n  pattern a\n    b ) c\n", 4, 7,
       "unexpected ')'"},
      {"rule r\n  kind event\n  pattern ( )\n", 3, 11, "empty group"},
      {"rule r\n  kind event\n  pattern a{3,1}\n", 3, 12,
       "bad repetition"},
      {"rule r\n  kind event\n  pattern * a\n", 3, 11, "bad repetition"},
      {"rule r\n  kind event\n  pattern a *\n", 3, 13, "bad repetition"},
      {"rule r\n  kind event\n  pattern a{x}\n", 3, 12, "bad repetition"},
      {"rule r\n  kind event\n  pattern <PER>?+\n", 3, 17,
       "bad repetition"},
      {"rule r\n  kind event\n  pattern _{0,1000}\n", 3, 12,
       "bad repetition"},
      {"rule r\n  kind event\n  pattern a | | b\n", 3, 15,
       "empty alternative"},
      {"rule r\n  kind event\n  type Meeting\n", 1, 1, "missing pattern"},
      {"rule r\n  kind event\n  pattern   # nothing\n", 3, 3,
       "missing pattern"},
      {"rule r\n  kind event\n  pattern a\nrule r\n  kind event\n"
       "  pattern b\n",
       4, 6, "duplicate rule id"},
      {"rule r\n  kind event\n  confidence 1.5\n  pattern a\n", 3, 14,
       "confidence"},
      {"rule r\n  kind event\n  confidence 0,8\n  pattern a\n", 3, 14,
       "confidence"},
      {"rule r\n  kind event\n  confidence .\n  pattern a\n", 3, 14,
       "confidence"},
      {"rule r\n  pattern a\n", 1, 1, "has no kind"},
      {"rule r\n  kind event\n  colour red\n  pattern a\n", 3, 3,
       "unknown rule keyword"},
      {"rule r\n  kind event\n  pattern a \"b\n", 3, 13,
       "unterminated quoted string"},
      {"rule r\n  kind event\n  pattern a , b\n", 3, 13,
       "unexpected character ','"},
      {"rule r\n  kind event\n  pattern a \"\" b\n", 3, 13,
       "empty quoted string"},
      {"  kind event\n", 1, 3, "outside a rule"},
      {"@words C a <PER>\n", 1, 12, "word class holds"},
      {"@words C a\n@words C b\n", 2, 8, "already defined"},
      {"rule r\n  kind event\n  pattern 1bad:x\n", 3, 11, "bad slot name"},
      {"@elisions l' de\n", 1, 14, "elided form"},
      {"@clitics s'\n", 1, 10, "clitic"},
      /* Stems need the language, declared first, and known to Snowball. */
      {"rule r\n  kind event\n  pattern a ~meet\n", 3, 13,
       "@language"},
      {"@words W \"held ~talk\"\n", 1, 10, "@language"},
      {"@language xx\n", 1, 11, "no Snowball stemmer"},
      {"@words W a\n@language en\n", 2, 11, "must come before"},
      {"@language en\n@language fr\n", 2, 11, "already 'en'"},
      {"@language en\nrule r\n  kind event\n  pattern a ~ b\n", 4, 13,
       "expected a word after '~'"},
      {"rule r\n  kind event\n  unless\n  pattern a\n", 3, 3,
       "missing elements after 'unless'"},
      {"rule r\n  kind event\n  unless a\n  unless b\n  pattern a\n", 4, 3,
       "duplicate 'unless'"},
      {"rule r\n  kind event\n  unless ( a\n  pattern a\n", 3, 10,
       "'(' is not closed"},
      {"@unless\n", 1, 1, "missing elements after '@unless'"},
      {"@unless @NOPE\nrule r\n  kind event\n  pattern a\n", 1, 9,
       "undefined word class @NOPE"},
      {"rule r\n  kind event\n  pattern x:\n", 3, 11, "must be followed"},
      {"rule r\n  kind event\n  kind event\n  pattern a\n", 3, 3,
       "duplicate 'kind'"},
      {"rule r\n  kind event\n  pattern a\n  pattern b\n", 4, 3,
       "second pattern"},
      /* Too large for PCRE2: the error maps back into the pattern. */
      {"rule r\n  kind event\n  pattern z ( ( ( @W ){90} ){90} ){90}\n",
       0, 0, "does not compile"},
  };
  for (size_t i = 0; i < NG_COUNTOF(cases); i++) {
    DiagLog dl = {0};
    NgLog log = {capture, &dl};
    NgRuleSet *rs = ng_ruleset_new();
    assert_non_null(rs);
    char text[512];
    if (strstr(cases[i].text, "@W"))
      snprintf(text, sizeof text, "@words W \"a b c d e f g h\" i j k\n%s",
               cases[i].text);
    else
      snprintf(text, sizeof text, "%s", cases[i].text);
    NgStatus st = ng_ruleset_load_string(rs, "t.rules", text, &log);
    if (st != NG_ERR_SYNTAX || dl.n == 0)
      fail_msg("case %zu: status %d, %zu diagnostics", i, (int)st, dl.n);
    if (!strstr(dl.d[0].message, cases[i].msg))
      fail_msg("case %zu: message '%s'", i, dl.d[0].message);
    assert_string_equal(dl.d[0].stage, "rules");
    assert_string_equal(dl.d[0].file, "t.rules");
    assert_int_equal(dl.d[0].level, NG_LOG_ERROR);
    assert_int_equal(dl.d[0].status, NG_ERR_SYNTAX);
    if (cases[i].line) {
      if (dl.d[0].line != cases[i].line || dl.d[0].col != cases[i].col)
        fail_msg("case %zu: at %u:%u, expected %u:%u (%s)", i, dl.d[0].line,
                 dl.d[0].col, cases[i].line, cases[i].col, dl.d[0].message);
    } else {
      /* Somewhere inside the pattern line. */
      assert_int_equal(dl.d[0].line, 4);
      assert_true(dl.d[0].col >= 11);
    }
    /* A file with an error adds nothing. */
    assert_int_equal(ng_ruleset_size(rs), 0);
    ng_ruleset_free(rs);
  }
}

static void test_errors_keep_going(void **state) {
  (void)state;
  DiagLog dl = {0};
  NgLog log = {capture, &dl};
  NgRuleSet *rs = load_ok("rule ok\n  kind event\n  pattern a\n");
  NgStatus st = ng_ruleset_load_string(rs, "two.rules",
                                       "rule a1\n  kind evnt\n  pattern a\n"
                                       "rule a2\n  kind event\n  pattern a\n"
                                       "rule a3\n  kind event\n  pattern (\n",
                                       &log);
  assert_int_equal(st, NG_ERR_SYNTAX);
  assert_int_equal(dl.n, 2);
  assert_int_equal(dl.d[0].line, 2);
  assert_int_equal(dl.d[1].line, 9);
  assert_int_equal(dl.d[1].col, 11);
  /* The earlier file's rule stays; the failed file added nothing. */
  assert_int_equal(ng_ruleset_size(rs), 1);
  /* Its id is taken: a later file may not reuse it. */
  dl.n = 0;
  st = ng_ruleset_load_string(rs, "three.rules",
                              "\xEF\xBB\xBFrule ok\n  kind event\n"
                              "  pattern b\n",
                              &log);
  assert_int_equal(st, NG_ERR_SYNTAX);
  assert_int_equal(dl.d[0].line, 1);
  assert_int_equal(dl.d[0].col, 6);
  /* Invalid UTF-8. */
  dl.n = 0;
  st = ng_ruleset_load_string(rs, "bad.rules", "rule x\n  kind \xc3(\n",
                              &log);
  assert_int_equal(st, NG_ERR_ENCODING);
  assert_int_equal(dl.d[0].line, 2);
  assert_int_equal(dl.d[0].col, 8);
  ng_ruleset_free(rs);
}

static void test_columns_in_code_points(void **state) {
  (void)state;
  DiagLog dl = {0};
  NgLog log = {capture, &dl};
  NgRuleSet *rs = ng_ruleset_new();
  assert_int_equal(ng_ruleset_load_string(
                       rs, "u.rules",
                       "rule r\n  kind event\n  pattern séance élargie <X>\n",
                       &log),
                   NG_ERR_SYNTAX);
  assert_int_equal(dl.d[0].col, 26);
  ng_ruleset_free(rs);
}

/* ---- limits ---- */

static void test_pathological_limit(void **state) {
  (void)state;
  DiagLog dl = {0};
  NgLog log = {capture, &dl};
  NgRuleSet *rs = load_ok("rule fine\n"
                          "  kind event\n"
                          "  pattern span:w1\n"
                          "rule explosive\n"
                          "  kind event\n"
                          "  pattern ( ( _ | _ _ )+ )+ stop <PER>\n"
                          "rule after\n"
                          "  kind event\n"
                          "  pattern span:stop\n");
  ng_ruleset_set_match_limit(rs, 100000);
  ng_ruleset_set_log(rs, &log);
  char units[1024] = "";
  for (int i = 0; i < 40; i++) {
    char u[16];
    snprintf(u, sizeof u, "w=w%d ", i);
    strcat(units, u);
  }
  strcat(units, "w=stop w=end ");
  Enc e;
  enc_init(&e, units);
  NgRuleMatches m = {0};
  clock_t t0 = clock();
  NgStatus st = ng_ruleset_run(rs, NG_RULE_EVENT, &e.enc, &m);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  assert_int_equal(st, NG_ERR_LIMIT);
  assert_true(secs < 5.0);
  /* The other rules still ran. */
  assert_int_equal(m.n, 2);
  assert_int_equal(m.items[0].rule, 0);
  assert_int_equal(m.items[1].rule, 2);
  assert_int_equal(dl.n, 1);
  assert_int_equal(dl.d[0].level, NG_LOG_WARNING);
  assert_int_equal(dl.d[0].status, NG_ERR_LIMIT);
  assert_int_equal(dl.d[0].line, 4);
  assert_non_null(strstr(dl.d[0].message, "explosive"));
  ng_rule_matches_free(&m);
  enc_free(&e);
  ng_ruleset_free(rs);
}

/* ---- files ---- */

static void test_load_files(void **state) {
  (void)state;
  DiagLog dl = {0};
  NgLog log = {capture, &dl};
  NgRuleSet *rs = ng_ruleset_new();
  assert_int_equal(ng_ruleset_load(rs, "no/such/file.rules", &log),
                   NG_ERR_IO);
  assert_int_equal(dl.n, 1);
  const char *srcdir = getenv("NG_SRCDIR");
  if (!srcdir)
    srcdir = ".";
  /* The shipped rule sets compile, each on its own. */
  static const char *const langs[] = {"fr", "en"};
  size_t loaded = 0;
  for (size_t i = 0; i < NG_COUNTOF(langs); i++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/ontology/rules/%s.rules", srcdir,
             langs[i]);
    FILE *f = fopen(path, "r");
    if (!f)
      continue;
    fclose(f);
    NgRuleSet *lang = ng_ruleset_new();
    dl.n = 0;
    NgStatus st = ng_ruleset_load(lang, path, &log);
    if (st != NG_SUCCESS)
      fail_msg("%s:%u:%u: %s", path, dl.n ? dl.d[0].line : 0,
               dl.n ? dl.d[0].col : 0, dl.n ? dl.d[0].message : "");
    assert_true(ng_ruleset_size(lang) > 0);
    ng_ruleset_free(lang);
    loaded++;
  }
  ng_ruleset_free(rs);
  if (loaded == 0)
    skip();
}

/* ---- allocation failures ---- */

static long g_fail_after = -1;

static void *failing_malloc(size_t n) {
  if (g_fail_after == 0)
    return NULL;
  if (g_fail_after > 0)
    g_fail_after--;
  return malloc(n);
}

static void *failing_realloc(void *p, size_t n) {
  if (g_fail_after == 0)
    return NULL;
  if (g_fail_after > 0)
    g_fail_after--;
  return realloc(p, n);
}

static void test_allocation_failures(void **state) {
  (void)state;
  static const NgAllocator failing = {failing_malloc, failing_realloc, free};
  const char *text = "@words W \"on the margins of\" at\n"
                     "rule r\n  kind event\n  set tense past\n"
                     "  pattern a:<PER> met b:<PER> ( @W c:<EVENT> )?\n";
  bool succeeded = false;
  for (long n = 0; n < 10000 && !succeeded; n++) {
    ng_set_allocator(&failing);
    g_fail_after = n;
    NgRuleSet *rs = ng_ruleset_new();
    NgStatus st = NG_ERR_NOMEM;
    NgRuleMatches m = {0};
    if (rs)
      st = ng_ruleset_load_string(rs, "a.rules", text, NULL);
    if (st == NG_SUCCESS) {
      Enc e;
      g_fail_after = -1;
      enc_init(&e, "e=PER=x w=met e=PER=y w=at e=EVENT=z ");
      g_fail_after = n;
      st = ng_ruleset_run(rs, NG_RULE_EVENT, &e.enc, &m);
      enc_free(&e);
      if (st == NG_SUCCESS) {
        assert_int_equal(m.n, 1);
        assert_int_equal(m.items[0].n_slots, 3);
        succeeded = true;
      } else {
        assert_int_equal(st, NG_ERR_NOMEM);
      }
    } else {
      assert_int_equal(st, NG_ERR_NOMEM);
    }
    ng_rule_matches_free(&m);
    ng_ruleset_free(rs);
    ng_set_allocator(NULL);
    g_fail_after = -1;
  }
  assert_true(succeeded);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_regex_elements),
      cmocka_unit_test(test_info),
      cmocka_unit_test(test_phrases_and_elision),
      cmocka_unit_test(test_continuation_lines),
      cmocka_unit_test(test_meeting_slots),
      cmocka_unit_test(test_same_slot_in_alternatives),
      cmocka_unit_test(test_word_class_phrases),
      cmocka_unit_test(test_lazy_gap),
      cmocka_unit_test(test_unit_boundaries),
      cmocka_unit_test(test_repeated_slots),
      cmocka_unit_test(test_type_hierarchy),
      cmocka_unit_test(test_run_arguments),
      cmocka_unit_test(test_stem_function),
      cmocka_unit_test(test_stem_patterns),
      cmocka_unit_test(test_unless),
      cmocka_unit_test(test_suffixes),
      cmocka_unit_test(test_syntax_errors),
      cmocka_unit_test(test_errors_keep_going),
      cmocka_unit_test(test_columns_in_code_points),
      cmocka_unit_test(test_pathological_limit),
      cmocka_unit_test(test_load_files),
      cmocka_unit_test(test_allocation_failures),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
