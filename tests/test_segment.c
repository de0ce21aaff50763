/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * Tests of the segmenter: tokens with code-point and byte offsets, French
 * elision with both apostrophes, abbreviations and initials, ordinals,
 * sentence breaks on the sample article and on other text, pathological
 * inputs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "segment.h"

/* ---- helpers ---- */

typedef struct
{
  NgLexicon *lex;
  NgArena *arena;
} Fixture;

static const char *
srcdir(void)
{
  const char *d = getenv("NG_SRCDIR");
  return d && *d ? d : ".";
}

static int
setup(void **state)
{
  static Fixture fx;
  char data[1024];
  snprintf(data, sizeof data, "%s/ontology", srcdir());
  NgStatus st;
  fx.lex = ng_lexicon_load_default(data, NULL, &st);
  fx.arena = ng_arena_new(0);
  if (!fx.lex || !fx.arena)
    return -1;
  *state = &fx;
  return 0;
}

static int
teardown(void **state)
{
  Fixture *fx = *state;
  ng_lexicon_free(fx->lex);
  ng_arena_free(fx->arena);
  return 0;
}

static NgSegmentation
seg_text(void **state, const char *text)
{
  Fixture *fx = *state;
  NgSegmentation seg;
  assert_int_equal(ng_segment(text, strlen(text), fx->lex, fx->arena, &seg),
                   NG_SUCCESS);
  return seg;
}

/* The tokens' text joined with '|', into a static buffer. */
static const char *
joined(const char *text, const NgToken *toks, size_t n)
{
  static char buf[4096];
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    size_t len = toks[i].b1 - toks[i].b0;
    assert_true(k + len + 2 < sizeof buf);
    if (i)
      buf[k++] = '|';
    memcpy(buf + k, text + toks[i].b0, len);
    k += len;
  }
  buf[k] = '\0';
  return buf;
}

static const char *
sent_tokens(const char *text, const NgSegmentation *seg, size_t s)
{
  assert_true(s < seg->n_sents);
  return joined(
    text, seg->tokens + seg->sents[s].t0, seg->sents[s].t1 - seg->sents[s].t0);
}

/* The first token whose text is @p word. */
static const NgToken *
find(const char *text, const NgSegmentation *seg, const char *word)
{
  size_t n = strlen(word);
  for (size_t i = 0; i < seg->n_tokens; i++) {
    const NgToken *t = &seg->tokens[i];
    if (t->b1 - t->b0 == n && memcmp(text + t->b0, word, n) == 0)
      return t;
  }
  fail_msg("no token '%s'", word);
  return NULL;
}

static char *
read_sample(const char *name, size_t *len)
{
  char path[1024];
  snprintf(path, sizeof path, "%s/samples/%s", srcdir(), name);
  char *text = NULL;
  assert_int_equal(ng_read_file(path, &text, len), NG_SUCCESS);
  return text;
}

/* ---- offsets ---- */

static void
test_offsets(void **state)
{
  const char *text = "Le Maroc était aux côtés d’Interpol pour un partage.";
  NgSegmentation seg = seg_text(state, text);
  assert_string_equal(joined(text, seg.tokens, seg.n_tokens),
                      "Le|Maroc|était|aux|côtés|d’|Interpol|pour|un|"
                      "partage|.");
  /* "é", "ô", "é" are two bytes each and "’" three: code points and bytes
   * part ways. */
  const NgToken *t = find(text, &seg, "Interpol");
  assert_int_equal(t->c0, 27);
  assert_int_equal(t->c1, 35);
  assert_int_equal(t->b0, 32);
  assert_int_equal(t->b1, 40);
  assert_string_equal(t->norm, "interpol");
  assert_true(t->flags & NG_TOK_CAP);
  assert_true(t->flags & NG_TOK_ALPHA);
  assert_false(t->flags & NG_TOK_UPPER);
  assert_false(t->flags & NG_TOK_SPACE_BEFORE); /* glued to "d’" */
  t = find(text, &seg, "d’");
  assert_int_equal(t->c0, 25);
  assert_int_equal(t->c1, 27);
  assert_int_equal(t->b0, 28);
  assert_int_equal(t->b1, 32);
  assert_string_equal(t->norm, "d'");
  assert_true(t->flags & NG_TOK_ELISION);
  assert_true(t->flags & NG_TOK_SPACE_BEFORE);
  t = find(text, &seg, "était");
  assert_int_equal(t->c0, 9);
  assert_int_equal(t->c1, 14);
  assert_int_equal(t->b0, 9);
  assert_int_equal(t->b1, 15);
  assert_string_equal(t->norm, "etait");
  /* Every token's code-point span agrees with its bytes. */
  for (size_t i = 0; i < seg.n_tokens; i++) {
    const NgToken *u = &seg.tokens[i];
    assert_int_equal(u->c1 - u->c0, ng_utf8_count(text + u->b0, u->b1 - u->b0));
    assert_int_equal(u->c0, ng_utf8_count(text, u->b0));
  }
  assert_int_equal(seg.n_sents, 1);
  assert_int_equal(seg.sents[0].c0, 0);
  assert_int_equal(seg.sents[0].c1, ng_utf8_count(text, strlen(text)));
  assert_int_equal(seg.sents[0].b1, strlen(text));
}

/* ---- words ---- */

static void
test_elision(void **state)
{
  const char *text =
    "d'Interpol d’Interpol l'Algérie qu'Interpol L’organisation "
    "aujourd'hui jusqu’à presqu'île D'ABORD s'est";
  NgSegmentation seg = seg_text(state, text);
  assert_string_equal(joined(text, seg.tokens, seg.n_tokens),
                      "d'|Interpol|d’|Interpol|l'|Algérie|qu'|Interpol|L’|"
                      "organisation|aujourd'hui|jusqu’|à|presqu'|île|D'|ABORD|"
                      "s'|est");
  const char *norms[] = { "d'",    "interpol",     "d'",          "interpol",
                          "l'",    "algerie",      "qu'",         "interpol",
                          "l'",    "organisation", "aujourd'hui", "jusqu'",
                          "a",     "presqu'",      "ile",         "d'",
                          "abord", "s'",           "est" };
  assert_int_equal(seg.n_tokens, sizeof norms / sizeof norms[0]);
  for (size_t i = 0; i < seg.n_tokens; i++) {
    assert_string_equal(seg.tokens[i].norm, norms[i]);
    bool elided = norms[i][strlen(norms[i]) - 1] == '\'';
    assert_int_equal((seg.tokens[i].flags & NG_TOK_ELISION) != 0, elided);
  }
  const NgToken *t = find(text, &seg, "L’");
  assert_true(t->flags & NG_TOK_CAP);
  t = find(text, &seg, "ABORD");
  assert_true(t->flags & NG_TOK_UPPER);
  /* An apostrophe that is a quote, not an elision. */
  text = "'Paris' et l' autre";
  seg = seg_text(state, text);
  assert_string_equal(joined(text, seg.tokens, seg.n_tokens),
                      "'|Paris|'|et|l|'|autre");
}

static void
test_hyphens_numbers(void **state)
{
  const char *text =
    "Saint-Étienne, DGSN-DGST et le porte-parole : 3-4 septembre, "
    "2024–2025, 10,5 millions, COVID-19 et 1,000 km.";
  NgSegmentation seg = seg_text(state, text);
  assert_string_equal(joined(text, seg.tokens, seg.n_tokens),
                      "Saint-Étienne|,|DGSN-DGST|et|le|porte-parole|:|3|-|4|"
                      "septembre|,|2024|–|2025|,|10,5|millions|,|COVID-19|et|"
                      "1,000|km|.");
  const NgToken *t = find(text, &seg, "DGSN-DGST");
  assert_true(t->flags & NG_TOK_UPPER);
  assert_string_equal(t->norm, "dgsn-dgst");
  t = find(text, &seg, "Saint-Étienne");
  assert_string_equal(t->norm, "saint-etienne");
  assert_int_equal(t->c1 - t->c0, 13);
  t = find(text, &seg, "2024");
  assert_true(t->flags & NG_TOK_NUMBER);
  assert_int_equal(t->num, 2024);
  t = find(text, &seg, "4");
  assert_int_equal(t->num, 4);
  assert_false(t->flags & NG_TOK_SPACE_BEFORE);
  t = find(text, &seg, "10,5");
  assert_true(t->flags & NG_TOK_DIGIT);
  assert_false(t->flags & NG_TOK_NUMBER);
  t = find(text, &seg, "-");
  assert_true(t->flags & NG_TOK_PUNCT);
  t = find(text, &seg, "COVID-19");
  assert_true(t->flags & NG_TOK_ALPHA);
  assert_true(t->flags & NG_TOK_DIGIT);
  assert_false(t->flags & NG_TOK_NUMBER);
  /* Too large for .num: digits, but no NUMBER. */
  text = "99999999999 2147483647";
  seg = seg_text(state, text);
  assert_int_equal(seg.n_tokens, 2);
  assert_false(seg.tokens[0].flags & NG_TOK_NUMBER);
  assert_int_equal(seg.tokens[0].num, 0);
  assert_true(seg.tokens[1].flags & NG_TOK_NUMBER);
  assert_int_equal(seg.tokens[1].num, 2147483647);
}

static void
test_ordinals(void **state)
{
  const char *text = "la 8ème réunion, la 93ème Assemblée, le 1er mai, "
                     "la 2e fois, the 93rd session, the 8th meeting, 5km";
  NgSegmentation seg = seg_text(state, text);
  static const struct
  {
    const char *word;
    int num;
  } ords[] = { { "8ème", 8 }, { "93ème", 93 }, { "1er", 1 },
               { "2e", 2 },   { "93rd", 93 },  { "8th", 8 } };
  for (size_t i = 0; i < sizeof ords / sizeof ords[0]; i++) {
    const NgToken *t = find(text, &seg, ords[i].word);
    assert_true(t->flags & NG_TOK_ORDINAL);
    assert_false(t->flags & NG_TOK_NUMBER);
    assert_int_equal(t->num, ords[i].num);
  }
  const NgToken *t = find(text, &seg, "5km");
  assert_false(t->flags & NG_TOK_ORDINAL);
  assert_int_equal(t->num, 0);
}

static void
test_punctuation(void **state)
{
  const char *text = "Attendez... Non… «Oui» (dit-il) ; « bon » ?! \"x\"";
  NgSegmentation seg = seg_text(state, text);
  assert_string_equal(joined(text, seg.tokens, seg.n_tokens),
                      "Attendez|...|Non|…|«|Oui|»|(|dit-il|)|;|«|bon|»|?|!|"
                      "\"|x|\"");
  for (size_t i = 0; i < seg.n_tokens; i++) {
    bool alpha = (seg.tokens[i].flags & NG_TOK_ALPHA) != 0;
    bool punct = (seg.tokens[i].flags & NG_TOK_PUNCT) != 0;
    assert_true(alpha != punct);
  }
}

static void
test_abbreviations(void **state)
{
  const char *text = "Dr. Smith met Mr. Jones in St. Louis.";
  NgSegmentation seg = seg_text(state, text);
  assert_int_equal(seg.n_sents, 1);
  assert_string_equal(joined(text, seg.tokens, seg.n_tokens),
                      "Dr.|Smith|met|Mr.|Jones|in|St.|Louis|.");
  const NgToken *t = find(text, &seg, "St.");
  assert_true(t->flags & NG_TOK_ABBREV);
  assert_string_equal(t->norm, "st.");

  text = "Lors de cette réunion, M. Hammouchi a eu un entretien.";
  seg = seg_text(state, text);
  assert_int_equal(seg.n_sents, 1);
  t = find(text, &seg, "M.");
  assert_true(t->flags & NG_TOK_ABBREV);
  assert_string_equal(t->norm, "m.");

  /* Multi-dot abbreviations and symbols; the "num" ones only before a
   * number; a capitalised form needs a capital. */
  text = "The U.S. Army, e.g. in Jan. 3 raids; n°5 et J.-C. vol. 2 no. "
         "Mme Diallo";
  seg = seg_text(state, text);
  assert_string_equal(joined(text, seg.tokens, seg.n_tokens),
                      "The|U.S.|Army|,|e.g.|in|Jan.|3|raids|;|n°|5|et|J.-C.|"
                      "vol.|2|no|.|Mme|Diallo");
  const char *abbrevs[] = {
    "U.S.", "e.g.", "Jan.", "n°", "J.-C.", "vol.", "Mme"
  };
  for (size_t i = 0; i < sizeof abbrevs / sizeof abbrevs[0]; i++)
    assert_true(find(text, &seg, abbrevs[i])->flags & NG_TOK_ABBREV);
  assert_false(find(text, &seg, "no")->flags & NG_TOK_ABBREV);
  assert_int_equal(seg.n_sents, 2); /* "no." is a full stop */

  /* A "num" abbreviation not before a number is a word and a full stop;
   * "etc." may end a sentence; an initial does not. */
  text = "L'avion était en vol. Il a atterri. Des fruits, des légumes, etc. "
         "Le marché a fermé. J. Smith et A. B. Diop sont venus.";
  seg = seg_text(state, text);
  assert_int_equal(seg.n_sents, 5);
  assert_string_equal(sent_tokens(text, &seg, 0), "L'|avion|était|en|vol|.");
  assert_string_equal(sent_tokens(text, &seg, 2),
                      "Des|fruits|,|des|légumes|,|etc.");
  assert_string_equal(sent_tokens(text, &seg, 4),
                      "J|.|Smith|et|A|.|B|.|Diop|sont|venus|.");
  /* "St" joins no hyphenated name. */
  text = "St-Louis et Ste Marie";
  seg = seg_text(state, text);
  assert_string_equal(joined(text, seg.tokens, seg.n_tokens),
                      "St-Louis|et|Ste|Marie");
  /* A dotted title of three letters or more is one in lower case too, as
   * old print writes it; a shorter form still needs its capital. */
  text = "The brig Essex, capt. Orne, met hon. James Gordon. Vu m. Dupont.";
  seg = seg_text(state, text);
  assert_int_equal(seg.n_sents, 3); /* "m." ends the second */
  assert_true(find(text, &seg, "capt.")->flags & NG_TOK_ABBREV);
  assert_true(find(text, &seg, "hon.")->flags & NG_TOK_ABBREV);
  assert_string_equal(sent_tokens(text, &seg, 0),
                      "The|brig|Essex|,|capt.|Orne|,|met|hon.|James|Gordon|.");
  assert_string_equal(sent_tokens(text, &seg, 1), "Vu|m|.");
}

static void
test_clitics(void **state)
{
  const char *text = "Morocco's DGSN-DGST attended Interpol’s 8th meeting; "
                     "they're here, don't worry.";
  NgSegmentation seg = seg_text(state, text);
  assert_string_equal(joined(text, seg.tokens, seg.n_tokens),
                      "Morocco|'s|DGSN-DGST|attended|Interpol|’s|8th|meeting|"
                      ";|they|'re|here|,|don't|worry|.");
  assert_string_equal(find(text, &seg, "’s")->norm, "'s");
}

/* ---- sentences ---- */

static void
test_sample_sentences(void **state)
{
  Fixture *fx = *state;
  size_t len;
  char *text = read_sample("interpol-mena-lyon.fr.txt", &len);
  NgSegmentation seg;
  assert_int_equal(ng_segment(text, len, fx->lex, fx->arena, &seg), NG_SUCCESS);
  /* 7 paragraphs of 2, 2, 2, 2, 2, 1 and 2 sentences, and a signature. */
  assert_int_equal(seg.n_sents, 14);
  assert_string_equal(sent_tokens(text, &seg, 0),
                      "Le|Maroc|était|aux|côtés|d’|Interpol|pour|un|partage|"
                      "d’|expériences|en|matière|de|lutté|contre|les|crimes|"
                      "émergents|.");
  /* The sentence with "M. Hammouchi" is whole. */
  assert_string_equal(sent_tokens(text, &seg, 8),
                      "Lors|de|cette|réunion|,|M.|Hammouchi|a|eu|un|"
                      "entretien|bilatéral|avec|le|nouveau|directeur|de|la|"
                      "cybercriminalité|à|Interpol|.");
  assert_string_equal(sent_tokens(text, &seg, 13), "MN|/|te|/|Sf|/|APA");
  const NgToken *t = find(text, &seg, "8ème");
  assert_int_equal(t->num, 8);
  assert_int_equal(t->sent, 2);
  t = find(text, &seg, "93ème");
  assert_true(t->flags & NG_TOK_ORDINAL);
  assert_int_equal(t->num, 93);
  /* Sentences tile the tokens, each starting with a flagged token. */
  size_t next = 0;
  for (size_t s = 0; s < seg.n_sents; s++) {
    assert_int_equal(seg.sents[s].t0, next);
    assert_true(seg.sents[s].t1 > seg.sents[s].t0);
    next = seg.sents[s].t1;
    for (size_t i = seg.sents[s].t0; i < seg.sents[s].t1; i++) {
      assert_int_equal(seg.tokens[i].sent, s);
      assert_int_equal((seg.tokens[i].flags & NG_TOK_SENT_START) != 0,
                       i == seg.sents[s].t0);
    }
    assert_int_equal(seg.sents[s].b0, seg.tokens[seg.sents[s].t0].b0);
    assert_int_equal(seg.sents[s].c1, seg.tokens[seg.sents[s].t1 - 1].c1);
  }
  assert_int_equal(next, seg.n_tokens);
  assert_int_equal(seg.sents[13].c1, ng_utf8_count(text, len));
  ng_free(text);
}

static void
test_other_sentences(void **state)
{
  /* Other names, places and punctuation: the behaviour is general. */
  const char *text =
    "Le Dr Dupont a reçu Mme Lefèvre à Saint-Malo le 2 juin. Elle "
    "dirige l’Office depuis 2019 ! « Nous avons fini. » Il est parti ? "
    "oui, vers 14h30... Puis le 3e adjoint, M. K. Osei, est arrivé.\n"
    "Ms. Patel visited the U.S. Embassy in Nairobi on Sept. 3 at 9 a.m. "
    "Talks continued. \"It works.\" (She left.) 42 delegates stayed.";
  NgSegmentation seg = seg_text(state, text);
  const char *want[] = {
    "Le|Dr|Dupont|a|reçu|Mme|Lefèvre|à|Saint-Malo|le|2|juin|.",
    "Elle|dirige|l’|Office|depuis|2019|!",
    "«|Nous|avons|fini|.|»",
    "Il|est|parti|?|oui|,|vers|14h30|...",
    "Puis|le|3e|adjoint|,|M.|K|.|Osei|,|est|arrivé|.",
    "Ms.|Patel|visited|the|U.S.|Embassy|in|Nairobi|on|Sept.|3|at|9|a.m.",
    "Talks|continued|.",
    "\"|It|works|.|\"",
    "(|She|left|.|)",
    "42|delegates|stayed|.",
  };
  for (size_t s = 0; s < seg.n_sents && s < sizeof want / sizeof want[0]; s++)
    assert_string_equal(sent_tokens(text, &seg, s), want[s]);
  assert_int_equal(seg.n_sents, sizeof want / sizeof want[0]);
  const NgToken *t = find(text, &seg, "Ms.");
  assert_true(t->flags & NG_TOK_LINE_START);
  assert_true(t->flags & NG_TOK_SENT_START);
  t = find(text, &seg, "3e");
  assert_int_equal(t->num, 3);
}

static void
test_line_breaks(void **state)
{
  /* Every line break ends a sentence (news: one paragraph per line). */
  const char *text = "RABAT, 5 sept.\r\nLe ministre a parlé\n\n  de la "
                     "réunion.\u2028Fin";
  NgSegmentation seg = seg_text(state, text);
  assert_int_equal(seg.n_sents, 4);
  assert_string_equal(sent_tokens(text, &seg, 0), "RABAT|,|5|sept|.");
  assert_string_equal(sent_tokens(text, &seg, 1), "Le|ministre|a|parlé");
  assert_string_equal(sent_tokens(text, &seg, 2), "de|la|réunion|.");
  assert_string_equal(sent_tokens(text, &seg, 3), "Fin");
  assert_true(seg.tokens[0].flags & NG_TOK_LINE_START);
  assert_false(seg.tokens[0].flags & NG_TOK_SPACE_BEFORE);
  const NgToken *t = find(text, &seg, "de");
  assert_true(t->flags & NG_TOK_LINE_START);
  assert_true(t->flags & NG_TOK_SPACE_BEFORE);
  t = find(text, &seg, "ministre");
  assert_false(t->flags & NG_TOK_LINE_START);
  assert_true(t->flags & NG_TOK_SPACE_BEFORE);
  /* Lower case after a full stop continues the sentence. */
  text = "Il a dit non. et puis il est parti.";
  seg = seg_text(state, text);
  assert_int_equal(seg.n_sents, 1);
  /* A word hyphenated at a line end is one token, folded whole, its
   * offsets over the break; so is a compound name broken there, its
   * hyphen kept ("Saint-Etienne", OCR's "New¬ York"), but not a word in
   * lower case before a capital (a dash). */
  text = "the Uni¬\nted States of Mich-\r\n  igan and Saint-\nEtienne.";
  seg = seg_text(state, text);
  assert_int_equal(seg.n_sents, 1);
  assert_string_equal(joined(text, seg.tokens, seg.n_tokens),
                      "the|Uni¬\nted|States|of|Mich-\r\n  igan|and|"
                      "Saint-\nEtienne|.");
  assert_string_equal(find(text, &seg, "Saint-\nEtienne")->norm,
                      "saint-etienne");
  t = find(text, &seg, "Mich-\r\n  igan");
  assert_string_equal(t->norm, "michigan");
  assert_int_equal(t->c1 - t->c0, 13);
  assert_true(t->flags & NG_TOK_CAP);
  assert_false(t->flags & NG_TOK_LINE_START);
  assert_string_equal(find(text, &seg, "Uni¬\nted")->norm, "united");
  text = "De New¬ York, le 12 mai-\nLe ministre est venu.";
  seg = seg_text(state, text);
  assert_string_equal(joined(text, seg.tokens, seg.n_tokens),
                      "De|New¬ York|,|le|12|mai|-|Le|ministre|est|venu|.");
  assert_string_equal(find(text, &seg, "New¬ York")->norm, "new-york");
  /* Nor before an initial, nor in capitals, where the break may be a
   * word's. */
  text = "Match Lausanne-\nH. C. Sion, MINISTRE DES AFFAI¬\nRES.";
  seg = seg_text(state, text);
  assert_non_null(find(text, &seg, "Lausanne"));
  assert_non_null(find(text, &seg, "AFFAI"));
  /* Text wrapped at a fixed width: most lines end inside a sentence, so
   * only punctuation and short lines (a heading, a paragraph's end) end
   * sentences; a name broken across lines stays in one sentence. */
  text = "FARM NEWS\n"
         "The meeting of the county board was held\n"
         "on Monday in the court house, where Miss\n"
         "Leona Byrne and the members of the board\n"
         "heard the report of the treasurer. The\n"
         "vote was taken at noon and the motion of\n"
         "Mr. Tally Eddings was carried by a vote of\n"
         "nine to three.\n"
         "Adjourned.\n";
  seg = seg_text(state, text);
  assert_int_equal(seg.n_sents, 4);
  assert_int_equal(find(text, &seg, "Byrne")->sent,
                   find(text, &seg, "Leona")->sent);
  t = find(text, &seg, "treasurer");
  assert_true(t[2].flags & NG_TOK_SENT_START); /* "The\nvote" */
  assert_int_equal(t[2].sent, find(text, &seg, "vote")->sent);
  assert_true(find(text, &seg, "Adjourned")->flags & NG_TOK_SENT_START);
  assert_int_equal(find(text, &seg, "The")->sent, 1);
  /* The same lines, one paragraph per line as news comes, are not. */
  text = "FARM NEWS\nThe board met.\nMiss Leona\nByrne spoke.\n";
  seg = seg_text(state, text);
  assert_int_equal(seg.n_sents, 4);
  /* A soft hyphen inside a word. */
  text = "Fri­bourg";
  seg = seg_text(state, text);
  assert_int_equal(seg.n_tokens, 1);
  assert_string_equal(seg.tokens[0].norm, "fribourg");
}

static void
test_other_scripts(void **state)
{
  /* Arabic letters are letters; a script without case still starts a
   * sentence after a full stop. */
  const char *text = "التقى الوزير بالمدير العام. وقال إن الاجتماع ناجح؟ نعم";
  NgSegmentation seg = seg_text(state, text);
  assert_int_equal(seg.n_sents, 3);
  assert_int_equal(seg.n_tokens, 11);
  const NgToken *t = find(text, &seg, "الوزير");
  assert_true(t->flags & NG_TOK_ALPHA);
  assert_false(t->flags & NG_TOK_CAP);
  assert_int_equal(t->c0, 6);
  assert_int_equal(t->c1, 12);
  assert_int_equal(t->b1 - t->b0, 12);
  /* Emoji and symbols are punctuation tokens; a skin tone stays with its
   * emoji. */
  text = "Bravo 👍🏽 ! 5 € ★★";
  seg = seg_text(state, text);
  assert_string_equal(joined(text, seg.tokens, seg.n_tokens),
                      "Bravo|👍🏽|!|5|€|★|★");
  t = find(text, &seg, "👍🏽");
  assert_true(t->flags & NG_TOK_PUNCT);
  assert_int_equal(t->c0, 6);
  assert_int_equal(t->c1, 8);
  assert_int_equal(t->b1 - t->b0, 8);
  t = find(text, &seg, "!");
  assert_int_equal(t->c0, 9);
  /* Greek and Cyrillic with case. */
  text = "Ο Πρόεδρος μίλησε. Президент Путин прибыл.";
  seg = seg_text(state, text);
  assert_int_equal(seg.n_sents, 2);
  assert_true(find(text, &seg, "Президент")->flags & NG_TOK_CAP);
}

static void
test_empty_and_blank(void **state)
{
  Fixture *fx = *state;
  NgSegmentation seg;
  assert_int_equal(ng_segment("", 0, fx->lex, fx->arena, &seg), NG_SUCCESS);
  assert_int_equal(seg.n_tokens, 0);
  assert_int_equal(seg.n_sents, 0);
  assert_int_equal(ng_segment(NULL, 0, fx->lex, fx->arena, &seg), NG_SUCCESS);
  assert_int_equal(seg.n_tokens, 0);
  const char *blank = "   \t\n\r\n \xC2\xA0\xE2\x80\xAF  \n";
  assert_int_equal(ng_segment(blank, strlen(blank), fx->lex, fx->arena, &seg),
                   NG_SUCCESS);
  assert_int_equal(seg.n_tokens, 0);
  assert_int_equal(seg.n_sents, 0);
  /* Invalid UTF-8 is refused, not read past. */
  const char bad[] = "abc \xC3\x28 def";
  assert_int_equal(ng_segment(bad, strlen(bad), fx->lex, fx->arena, &seg),
                   NG_ERR_ENCODING);
  assert_int_equal(seg.n_tokens, 0);
  /* Without a lexicon: no abbreviation, no elision, still tokens. */
  const char *text = "M. Dupont d'Interpol.";
  assert_int_equal(ng_segment(text, strlen(text), NULL, fx->arena, &seg),
                   NG_SUCCESS);
  assert_string_equal(joined(text, seg.tokens, seg.n_tokens),
                      "M|.|Dupont|d'Interpol|.");
  assert_int_equal(seg.n_sents, 1); /* "M." is an initial */
}

static void
test_tokenize(void **state)
{
  Fixture *fx = *state;
  const char *text = "Ministre de l’Intérieur. Directeur général de la DGSN.";
  NgToken *toks = NULL;
  size_t n = 0;
  assert_int_equal(
    ng_tokenize(text, strlen(text), fx->lex, fx->arena, &toks, &n), NG_SUCCESS);
  NgSegmentation seg = seg_text(state, text);
  assert_int_equal(n, seg.n_tokens);
  assert_int_equal(seg.n_sents, 2);
  for (size_t i = 0; i < n; i++) {
    assert_int_equal(toks[i].sent, 0);
    assert_false(toks[i].flags & NG_TOK_SENT_START);
    assert_int_equal(toks[i].b0, seg.tokens[i].b0);
    assert_int_equal(toks[i].c1, seg.tokens[i].c1);
    assert_string_equal(toks[i].norm, seg.tokens[i].norm);
  }
  /* A lexicon multiword entry matches the text's token norms. */
  assert_int_equal(ng_lexicon_add(fx->lex,
                                  "test_title",
                                  "ministre de "
                                  "l'intérieur",
                                  NULL,
                                  "fr"),
                   NG_SUCCESS);
  const char *words[4];
  for (size_t i = 0; i < 4; i++)
    words[i] = toks[i].norm;
  const NgLexEntry *e;
  assert_int_equal(ng_lexicon_match(fx->lex, "test_title", words, 4, &e), 4);
  assert_int_equal(ng_tokenize("", 0, fx->lex, fx->arena, &toks, &n),
                   NG_SUCCESS);
  assert_int_equal(n, 0);
}

/* ---- pathological inputs ---- */

static char *
repeat(const char *unit, size_t total, size_t *len)
{
  size_t u = strlen(unit);
  size_t reps = total / u;
  char *s = malloc(reps * u + 1);
  assert_non_null(s);
  for (size_t i = 0; i < reps; i++)
    memcpy(s + i * u, unit, u);
  s[reps * u] = '\0';
  *len = reps * u;
  return s;
}

static void
test_ten_megabytes(void **state)
{
  Fixture *fx = *state;
  /* 10 MB of prose without a sentence break, and 2 MB of other
   * worst cases (enough to show a quadratic path under the sanitizers,
   * which slow every byte down). */
  static const struct
  {
    const char *unit;
    size_t mb;
    size_t tokens_per_unit;
    size_t sents;
  } cases[] = {
    { "mot, ", 10, 2, 1 }, /* prose without a full stop */
    { "a", 10, 0, 1 },     /* one 10 MB word */
    { "l'a", 2, 0, 1 },    /* elisions and apostrophes without end */
    { "M.", 2, 1, 1 },     /* abbreviation look-ahead at every letter */
    { ".", 2, 0, 1 },      /* one run of dots */
    { "é-", 2, 0, 1 },     /* hyphens */
    { "1", 2, 0, 1 },      /* one huge number */
    { "\n", 2, 0, 0 },     /* only line breaks */
  };
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    size_t len;
    char *text = repeat(cases[c].unit, cases[c].mb << 20, &len);
    NgArena *arena = ng_arena_new(0);
    assert_non_null(arena);
    NgSegmentation seg;
    assert_int_equal(ng_segment(text, len, fx->lex, arena, &seg), NG_SUCCESS);
    if (text[0] == '\n') {
      assert_int_equal(seg.n_tokens, 0);
      assert_int_equal(seg.n_sents, 0);
      ng_arena_free(arena);
      free(text);
      continue;
    }
    assert_true(seg.n_tokens > 0);
    if (cases[c].tokens_per_unit)
      assert_int_equal(
        seg.n_tokens, cases[c].tokens_per_unit * (len / strlen(cases[c].unit)));
    if (cases[c].sents)
      assert_int_equal(seg.n_sents, cases[c].sents);
    size_t end = len;
    while (end > 0 && text[end - 1] == ' ')
      end--;
    assert_int_equal(seg.sents[seg.n_sents - 1].t1, seg.n_tokens);
    const NgToken *last = &seg.tokens[seg.n_tokens - 1];
    assert_int_equal(last->b1, end);
    assert_int_equal(last->c1, ng_utf8_count(text, end));
    ng_arena_free(arena);
    free(text);
  }
}

/* ---- allocation failures ---- */

static long g_fail_after = -1;

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
  Fixture *fx = *state;
  const char *text = "Le Dr. Dupont d’Interpol a vu la 8ème réunion. Fin.";
  NgAllocator a = { failing_malloc, failing_realloc, free };
  bool succeeded = false;
  for (long k = 0; k < 10000 && !succeeded; k++) {
    g_fail_after = k;
    ng_set_allocator(&a);
    NgArena *arena = ng_arena_new(256);
    NgSegmentation seg = { 0 };
    NgStatus st = arena ? ng_segment(text, strlen(text), fx->lex, arena, &seg)
                        : NG_ERR_NOMEM;
    ng_set_allocator(NULL);
    if (st == NG_SUCCESS) {
      assert_int_equal(seg.n_sents, 2);
      succeeded = true;
    } else {
      assert_int_equal(st, NG_ERR_NOMEM);
      assert_int_equal(seg.n_tokens, 0);
      assert_null(seg.tokens);
    }
    ng_arena_free(arena);
  }
  g_fail_after = -1;
  assert_true(succeeded);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_offsets),
    cmocka_unit_test(test_elision),
    cmocka_unit_test(test_hyphens_numbers),
    cmocka_unit_test(test_ordinals),
    cmocka_unit_test(test_punctuation),
    cmocka_unit_test(test_abbreviations),
    cmocka_unit_test(test_clitics),
    cmocka_unit_test(test_sample_sentences),
    cmocka_unit_test(test_other_sentences),
    cmocka_unit_test(test_line_breaks),
    cmocka_unit_test(test_other_scripts),
    cmocka_unit_test(test_empty_and_blank),
    cmocka_unit_test(test_tokenize),
    cmocka_unit_test(test_ten_megabytes),
    cmocka_unit_test(test_out_of_memory),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
