/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0 */
#include "recognise.h"

#include <stdlib.h>
#include <ctype.h>
#include <string.h>

/* Longest lexicon phrases we try to match, in tokens. */
#define MAX_PHRASE 8
/* Longest person name, in tokens. */
#define MAX_NAME 5
#define MAX_APPOSITION 20 /* tokens of a person's apposition */
#define MAX_APPOSITION_CLAUSE 8 /* tokens from its post to a clause */
/* Longest organisation name built from a head noun, in tokens. */
#define MAX_ORG 14

typedef struct {
  NgAnalysis *an;
  const NgResources *res;
  const NgToken *tok;
  size_t n;
  bool *covered;
  /* Tokens of lines written in title case ("France Votes In Runoff"),
   * where a capital says nothing of a name (title_case_lines). */
  bool *titled;
  /* Folded surnames of the persons named in full so far ("bovet" for
   * "Guy Bovet"): a later bare "Bovet" is that person, not a place. */
  NgStrMap surnames;
  /* Acronyms the text defines as another body than the gazetteer's
   * ("Association des fabricants de papier (AFP)"): not linked anywhere
   * in the document. */
  NgStrMap defined;
} Rec;

static const char *
lang_of(const Rec *r)
{
  return r->an->lang;
}

/* Whether the document's language has a trait the lexicon declares
 * (class language_trait). */
static bool
language_has(const Rec *r, const char *trait)
{
  return r->an->lang &&
         ng_lexicon_get(r->res->lex, "language_trait", trait, r->an->lang);
}

static bool
is_word(const NgToken *t)
{
  return (t->flags & NG_TOK_ALPHA) != 0;
}

static bool
is_cap(const NgToken *t)
{
  return (t->flags & (NG_TOK_ALPHA | NG_TOK_CAP)) == (NG_TOK_ALPHA | NG_TOK_CAP);
}

/* Lexicon look-ups are in the document's language: French "a" is no
 * article. */
static bool
in_class(const Rec *r, const char *cls, size_t t)
{
  return t < r->n &&
         ng_lexicon_get(r->res->lex, cls, r->tok[t].norm, r->an->lang) != NULL;
}

/* Whether token t may be lexicon form @p form, which it folds to: a form
 * written with accents is not a word in lower case written without them
 * ("à" is no "a", the verb; a capital may have lost its accent: "A
 * Paris"). */
static bool
accents_agree(const Rec *r, size_t t, const char *form)
{
  bool form_ascii = true, text_ascii = true;
  for (const char *p = form; *p; p++) {
    form_ascii = form_ascii && (unsigned char)*p < 0x80;
  }
  const char *text = r->an->doc->text;
  for (uint32_t b = r->tok[t].b0; b < r->tok[t].b1; b++) {
    text_ascii = text_ascii && (unsigned char)text[b] < 0x80;
  }
  return form_ascii || !text_ascii || (r->tok[t].flags & NG_TOK_CAP);
}

/* Whether token t is the English possessive "'s", split off the word it
 * follows (segment.h, class clitic). */
static bool
possessive(const Rec *r, size_t t)
{
  return !(r->tok[t].flags & NG_TOK_SPACE_BEFORE) &&
         !strcmp(r->tok[t].norm, "'s"); /* norms fold apostrophes */
}

/* A word linking a noun to its complement ("de", "of"), its accents
 * agreeing: French "à" links, the verb "a" does not ("le Conseil de
 * sécurité a adopté"). */
static bool
link_word(const Rec *r, size_t t)
{
  if (t >= r->n) {
    return false;
  }
  const NgLexEntry *e =
    ng_lexicon_get(r->res->lex, "np_link", r->tok[t].norm, r->an->lang);
  return e && accents_agree(r, t, e->form);
}

/* The longest phrase of class @p cls at token t (same sentence), 0 if none. */
static size_t
match_class(const Rec *r, const char *cls, size_t t, const NgLexEntry **e)
{
  const char *words[MAX_PHRASE];
  size_t k = 0;
  while (k < MAX_PHRASE && t + k < r->n &&
         r->tok[t + k].sent == r->tok[t].sent) {
    words[k] = r->tok[t + k].norm;
    k++;
  }
  const NgLexEntry *dummy;
  return ng_lexicon_match_lang(r->res->lex, cls, r->an->lang, words, k,
                               e ? e : &dummy);
}

static bool
free_range(const Rec *r, size_t t0, size_t t1)
{
  for (size_t t = t0; t < t1; t++) {
    if (r->covered[t]) {
      return false;
    }
  }
  return true;
}

/* A person's suffix after the name ending before t, its comma
 * included (", Esq.", " Jr."): the token after it, or 0. */
static size_t
person_suffix_end(const Rec *r, size_t t)
{
  size_t k = t;
  if (k < r->n && !strcmp(r->tok[k].norm, ",")) {
    k++;
  }
  size_t n = match_class(r, "person_suffix", k, NULL);
  return n && r->tok[k + n - 1].sent == r->tok[t - 1].sent &&
                 !r->covered[k]
           ? k + n
           : 0;
}

/* The written mention goes on to token @p end (exclusive) after the
 * name; with @p cover, the words it takes are no other mention's. */
static void
extend_tail(Rec *r, NgMention *m, size_t end, bool cover)
{
  m->tail_b1 = r->tok[end - 1].b1;
  m->tail_c1 = r->tok[end - 1].c1;
  for (size_t k = m->t1; cover && k < end; k++) {
    r->covered[k] = true;
  }
}

/* The token after a mention as written, its tail (", Esq.", an
 * apposition) included. */
static size_t
written_end(const Rec *r, const NgMention *m)
{
  size_t t = m->t1;
  while (m->tail_b1 && t < r->n && r->tok[t].b1 <= m->tail_b1) {
    t++;
  }
  return t;
}

/* The suffix after a person's name belongs to the written mention. */
static void
take_person_suffix(Rec *r, NgMention *m)
{
  size_t e = person_suffix_end(r, m->t1);
  if (e) {
    extend_tail(r, m, e, true);
  }
}

static NgMention *
add(Rec *r, size_t t0, size_t t1, NgMentionKind kind, NgEntityType type)
{
  NgMention *m = ng_analysis_add_mention(r->an);
  if (!m) {
    return NULL;
  }
  m->t0 = (uint32_t)t0;
  m->t1 = (uint32_t)t1;
  m->b0 = r->tok[t0].b0;
  m->b1 = r->tok[t1 - 1].b1;
  m->c0 = r->tok[t0].c0;
  m->c1 = r->tok[t1 - 1].c1;
  m->sent = r->tok[t0].sent;
  m->kind = kind;
  m->type = type;
  for (size_t t = t0; t < t1; t++) {
    r->covered[t] = true;
  }
  if (type == NG_ENT_PERSON && kind == NG_MENTION_NAME) {
    take_person_suffix(r, m);
  }
  return m;
}

/* A name token: capitalised word that is not a function word. */
static bool
name_token(const Rec *r, size_t t)
{
  return t < r->n && is_cap(&r->tok[t]) && !r->covered[t] &&
         !in_class(r, "stopword", t) && !in_class(r, "person_title", t) &&
         !(r->tok[t].flags & (NG_TOK_ABBREV | NG_TOK_ELISION));
}

/* An initial: one capital letter and its dot ("T. K. Sisk"); the number
 * of tokens it takes (2), or 0. */
static size_t
initial_at(const Rec *r, size_t t)
{
  if (t + 1 >= r->n || r->covered[t] || r->covered[t + 1]) {
    return 0;
  }
  const NgToken *a = &r->tok[t], *dot = &r->tok[t + 1];
  return is_cap(a) && a->c1 - a->c0 == 1 && dot->b0 == a->b1 &&
                 dot->b1 == dot->b0 + 1 && r->an->doc->text[dot->b0] == '.' &&
                 dot->sent == a->sent
           ? 2
           : 0;
}

const char *
ng_surname_key(const NgLexicon *lex, const char *lang, const char *norm)
{
  const char *h = strchr(norm, '-');
  char particle[8];
  if (!h || h == norm || !h[1] || (size_t)(h - norm) >= sizeof particle) {
    return norm;
  }
  memcpy(particle, norm, (size_t)(h - norm));
  particle[h - norm] = '\0';
  return ng_lexicon_get(lex, "name_particle", particle, lang) ? h + 1 : norm;
}

/* A name written with its particle in lower case and a hyphen, as
 * Arabic names often are: "el-Sisi", "al-Assad" (lexicon class
 * name_particle, then a capital). */
static bool
particle_name(const Rec *r, size_t k)
{
  const NgToken *tk = &r->tok[k];
  if (r->covered[k] || (tk->flags & NG_TOK_CAP) ||
      ng_surname_key(r->res->lex, r->an->lang, tk->norm) == tk->norm) {
    return false;
  }
  const char *text = r->an->doc->text;
  const char *th = memchr(text + tk->b0, '-', tk->b1 - tk->b0);
  size_t len = 0;
  return th && th + 1 < text + tk->b1 &&
         ng_cp_is_upper(ng_utf8_decode(th + 1,
                                       (size_t)(text + tk->b1 - th - 1), &len));
}

/* A run of name tokens from t (particles such as "Ben", "El", "de" and
 * initials allowed inside, never at the end); returns its end. */
static size_t
name_run(const Rec *r, size_t t, size_t max)
{
  size_t end = t, k = t;
  uint32_t sent = r->tok[t].sent;
  while (k < r->n && k - t < max && r->tok[k].sent == sent && !r->covered[k]) {
    size_t ini = initial_at(r, k);
    if (ini) {
      k += ini;
    } else if (name_token(r, k) || (k > t && particle_name(r, k))) {
      k++;
      end = k;
    } else if (k > t && in_class(r, "name_particle", k)) {
      k++;
    } else {
      break;
    }
  }
  return end;
}

/* Link mention @p m to gazetteer entry @p entry, the only candidate left,
 * with confidence @p conf. */
static void
link_to(NgMention *m, int32_t entry, double conf)
{
  m->gaz = entry;
  m->n_alt = 1;
  m->link_conf = conf;
}

/* The document's surnames and defined acronyms are sets of token norms:
 * maps whose value is unused. */
static bool
in_set(const NgStrMap *set, const char *norm)
{
  return ng_strmap_get(set, norm) >= 0;
}

static NgStatus
set_add(NgStrMap *set, const char *norm)
{
  return ng_strmap_put(set, norm, 0);
}

static bool
is_surname(const Rec *r, size_t t)
{
  return in_set(&r->surnames,
                ng_surname_key(r->res->lex, r->an->lang, r->tok[t].norm));
}

/* Whether the folded word @p w is a Roman numeral, maybe an ordinal's
 * ("iiie" of "le IIIe Reich", "xvi"). */
static bool
roman_numeral(const char *w)
{
  size_t n = strspn(w, "ivxlcdm");
  return n > 0 && (!w[n] || !strcmp(w + n, "e") || !strcmp(w + n, "er") ||
                   !strcmp(w + n, "eme"));
}

/* Remember the surname of a person mention [t0, t1); a regnal number
 * ("Albert I", "Léon XIV") is none. */
static NgStatus
note_surname(Rec *r, size_t t1)
{
  if (roman_numeral(r->tok[t1 - 1].norm)) {
    return NG_SUCCESS;
  }
  return set_add(&r->surnames, ng_surname_key(r->res->lex, r->an->lang,
                                              r->tok[t1 - 1].norm));
}

/* ---------------------------------------------------------------- 1 */

/* The persons named after token *end by names joined to it with commas
 * and coordinators ("MM. Dubreuil, Kermarec et Lavoisier", "Guy Brunel
 * et Kermadec"); *end moves past the last. After a plural honorific
 * (@p certain) every such name is a person; otherwise the list ends at a
 * name a gazetteer name starts, or that holds a title, a rank, an
 * organisation head or a place noun ("John Smith, Interior Minister of
 * Spain"), or at a name after a comma that no comma or coordinator
 * follows. */
static bool gaz_starts(const Rec *r, size_t t);
static bool names_a_body(const Rec *r, size_t t0, size_t t1);
static bool gaz_label_reaches(const Rec *r, size_t t, size_t end,
                              bool *person);
static size_t name_run_before(const Rec *r, size_t t);

static NgStatus
coordinated_persons(Rec *r, size_t *end, bool certain)
{
  size_t k = *end;
  uint32_t sent = r->tok[*end - 1].sent;
  while (k + 1 < r->n && r->tok[k].sent == sent &&
         (!strcmp(r->tok[k].norm, ",") || in_class(r, "coordinator", k))) {
    size_t n = k + 1;
    if (!certain && (!name_token(r, n) || gaz_starts(r, n) ||
                     match_class(r, "org_head", n, NULL))) {
      break;
    }
    size_t e = name_run(r, n, MAX_NAME);
    bool title = false;
    for (size_t w = n; !certain && w < e && !title; w++) {
      title = match_class(r, "title", w, NULL) > 0 || in_class(r, "rank", w) ||
              match_class(r, "occupation", w, NULL) > 0;
    }
    /* after a comma, a name the list does not go on from starts a
     * clause ("President Donald Trump, Downing Street said") */
    bool goes_on = e < r->n && r->tok[e].sent == sent &&
                   (!strcmp(r->tok[e].norm, ",") ||
                    in_class(r, "coordinator", e));
    if (e == n || r->tok[e - 1].sent != sent ||
        (!certain && (title || names_a_body(r, n, e) ||
                      (!strcmp(r->tok[k].norm, ",") && !goes_on)))) {
      break;
    }
    if (!add(r, n, e, NG_MENTION_NAME, NG_ENT_PERSON) || note_surname(r, e)) {
      return NG_ERR_NOMEM;
    }
    *end = e;
    k = e;
  }
  return NG_SUCCESS;
}

/* Whether the one-word name at t opens a dateline ("LUCERNE, 3 mai",
 * "Aarau, 3 mai.", "WASHINGTON (AP) —") or a chronicle's heading ("VAUD.
 * — Le Conseil..."), which name a place. */
static bool
dateline_at(const Rec *r, size_t t)
{
  return (r->tok[t].flags & (NG_TOK_SENT_START | NG_TOK_LINE_START)) &&
         t + 1 < r->n &&
         (!strcmp(r->tok[t + 1].norm, ",") ||
          (!strcmp(r->tok[t + 1].norm, ".") && t + 2 < r->n &&
           !strcmp(r->tok[t + 2].norm, "-")) ||
          (!strcmp(r->tok[t + 1].norm, "(") && t + 3 < r->n &&
           (r->tok[t + 2].flags & NG_TOK_CAP) &&
           !strcmp(r->tok[t + 3].norm, ")")));
}

/* One-word hits of the text [b0, b1) of @p text read as the word at t
 * with fold @p norm and @p flags (another case, a part of it), as hits at
 * t. */
static size_t
word_hits(const Rec *r, size_t t, const char *text, uint32_t b0, uint32_t b1,
          const char *norm, uint32_t flags, NgGazMatch *hits, size_t max)
{
  NgToken word = r->tok[t];
  word.b0 = b0;
  word.b1 = b1;
  word.norm = norm;
  word.flags = flags;
  size_t nh = ng_gazetteer_match_at(r->res->gaz, text, &word, 1, 0, hits, max);
  for (size_t i = 0; i < nh; i++) {
    hits[i].t0 = (uint32_t)t;
    hits[i].t1 = (uint32_t)t + 1;
  }
  return nh;
}

/* Hits of the word at t, a dateline in capitals ("DOHA, Nov 27 (Reuters)
 * -"), looked up as if written with a capital only: the gazetteer matches
 * a short name ("Doha", "Rome", "Lima") only in its own case, and agencies
 * write every dateline in capitals. One-word names only. */
static size_t
dateline_hits(const Rec *r, size_t t, NgGazMatch *hits, size_t max)
{
  const NgToken *tk = &r->tok[t];
  const char *text = r->an->doc->text + tk->b0;
  size_t n = tk->b1 - tk->b0, o = 0;
  char buf[64];
  for (size_t i = 0; i < n;) {
    size_t len;
    uint32_t cp = ng_utf8_decode(text + i, n - i, &len);
    char enc[4];
    size_t el = ng_utf8_encode(i == 0 ? cp : ng_cp_lower(cp), enc);
    if (o + el >= sizeof buf) {
      return 0;
    }
    memcpy(buf + o, enc, el);
    o += el;
    i += len;
  }
  buf[o] = '\0';
  return word_hits(r, t, buf, 0, (uint32_t)o, tk->norm,
                   (tk->flags & ~(uint32_t)NG_TOK_UPPER) | NG_TOK_CAP, hits,
                   max);
}

/* The gazetteer's hits at token t, of entries that had begun when the
 * document was published (ng_gazetteer_keep_existing): a paper of 1928
 * names no politician born in 1951. */
static size_t
gaz_hits(const Rec *r, size_t t, NgGazMatch *hits, size_t max)
{
  size_t n = ng_gazetteer_match_at(r->res->gaz, r->an->doc->text, r->tok,
                                   r->n, t, hits, max);
  if (n == 0 && (r->tok[t].flags & NG_TOK_UPPER) && dateline_at(r, t)) {
    n = dateline_hits(r, t, hits, max);
  }
  return ng_gazetteer_keep_existing(r->res->gaz,
                                    ng_date_year(&r->an->doc->date), hits, n);
}

/* Does a gazetteer name start at token t whose entry @p pred accepts
 * (any entry when NULL)? */
static bool
gaz_starts_where(const Rec *r, size_t t, bool (*pred)(const NgGazEntry *))
{
  NgGazMatch hits[8];
  if (t >= r->n || !r->res->gaz) {
    return false;
  }
  size_t nh = gaz_hits(r, t, hits, NG_COUNTOF(hits));
  for (size_t i = 0; i < nh; i++) {
    NgGazEntry e = ng_gazetteer_entry(r->res->gaz, hits[i].entry);
    if (!pred || pred(&e)) {
      return true;
    }
  }
  return false;
}

static bool
place_entry(const NgGazEntry *e)
{
  return ng_entity_type_is_place(e->type);
}

static bool major_entry(const NgGazEntry *e);

/* Does any gazetteer name start at token t? */
static bool
gaz_starts(const Rec *r, size_t t)
{
  return gaz_starts_where(r, t, NULL);
}

/* Does a gazetteer place name start at token t ("le commandant de
 * Strasbourg" is a post, not a name with a particle)? */
static bool
place_starts(const Rec *r, size_t t)
{
  return gaz_starts_where(r, t, place_entry);
}

/* Does the name of a major entry start at token t? */
static bool
major_starts(const Rec *r, size_t t)
{
  return gaz_starts_where(r, t, major_entry);
}

/* Whether token t ends or is inside a post's title that starts up to
 * three tokens before it ("général" of "secrétaire général"). */
static bool
inside_title(const Rec *r, size_t t)
{
  for (size_t back = 1; back <= 3 && back <= t; back++) {
    size_t s = t - back;
    if (r->tok[s].sent != r->tok[t].sent) {
      break;
    }
    size_t k = match_class(r, "title", s, NULL);
    if (k && s + k > t) {
      return true;
    }
  }
  return false;
}

/* A rank before a name ("le général Dupont", "Queen Mary", "President
 * Taft"), not the start or the end of a longer title ("Secretary
 * General", "secrétaire général" name a post). */
static bool
rank_word(const Rec *r, size_t t)
{
  if (!in_class(r, "rank", t) || match_class(r, "title", t, NULL) > 1) {
    return false; /* "Secretary General Luis Carvalho": a post's title */
  }
  return !inside_title(r, t);
}

/* An occupation in lower case at t before the capitalised word at @p
 * name, of its sentence ("le libraire Zaunrieth", "the organist Hamm"):
 * it names the person as a rank would. Not a kinship noun that wants a
 * complement ("fils"), nor the end of a longer title. */
static bool
occupation_before_name(const Rec *r, size_t t, size_t name)
{
  const NgLexEntry *e;
  if (name >= r->n || (r->tok[t].flags & NG_TOK_CAP) ||
      match_class(r, "occupation", t, &e) != 1 ||
      (e->value && !strcmp(e->value, "of")) || !is_cap(&r->tok[name]) ||
      r->tok[name].sent != r->tok[t].sent) {
    return false;
  }
  return !inside_title(r, t);
}

/* Whether the word at t is, alone, a country's demonym in the gazetteer
 * ("Slovène", "American"), in the document's language when @p own (the
 * French "la Britannique Emma Raducanu"; not "la Saudi Arabian Oil
 * Company", an English one). */
static bool
demonym_in(const Rec *r, size_t t, bool own)
{
  NgGazMatch hits[16];
  size_t nh = r->res->gaz ? gaz_hits(r, t, hits, NG_COUNTOF(hits)) : 0;
  for (size_t i = 0; i < nh; i++) {
    if (hits[i].t1 == t + 1 && hits[i].kind == NG_LABEL_DEMONYM &&
        (!own || !*hits[i].lang ||
         (r->an->lang && !strcmp(hits[i].lang, r->an->lang)))) {
      return true;
    }
  }
  return false;
}

/* A demonym with a capital after an article, in a language that writes
 * the adjective in lower case (language_trait capitalised_demonym_noun):
 * a noun of nationality, which names the person after it as a rank
 * would ("le Slovène Tadej Pogacar", "la Britannique Emma Raducanu";
 * French writes "l'américain Boeing" for a company). */
static bool
nationality_before_name(const Rec *r, size_t t)
{
  return t > 0 && t + 1 < r->n && is_cap(&r->tok[t]) &&
         !(r->tok[t].flags & NG_TOK_UPPER) &&
         r->tok[t - 1].sent == r->tok[t].sent &&
         r->tok[t + 1].sent == r->tok[t].sent && is_cap(&r->tok[t + 1]) &&
         in_class(r, "definite", t - 1) &&
         language_has(r, "capitalised_demonym_noun") && demonym_in(r, t, true);
}

/* An occupation in lower case and a demonym before a capitalised word
 * ("l'actrice française Juliette Binoche", "le cinéaste iranien Jafar
 * Panahi"): they name the person as a rank would, and lead the mention. */
static bool
occupation_nationality_before_name(const Rec *r, size_t t)
{
  return t + 2 < r->n && !is_cap(&r->tok[t + 1]) &&
         occupation_before_name(r, t, t + 2) && demonym_in(r, t + 1, true);
}

/* Whether every word of [t0, t1) is written in capitals ("FC", "H. C.";
 * not "Fc"). */
static bool
in_capitals(const Rec *r, size_t t0, size_t t1)
{
  for (size_t t = t0; t < t1; t++) {
    const NgToken *tk = &r->tok[t];
    bool letter = tk->b1 - tk->b0 == 1; /* NG_TOK_UPPER wants two */
    if ((tk->flags & NG_TOK_ALPHA) &&
        !(tk->flags & (letter ? NG_TOK_CAP : NG_TOK_UPPER))) {
      return false;
    }
  }
  return true;
}

static bool adjective_like(const Rec *r, size_t t);
static bool ends_as(const Rec *r, size_t t, const char *cls);
static bool lower_words_in_names(const Rec *r);

/* A sports club named by its prefix and, most often, its town ("FC
 * Sion", "H. C. Lausanne", "AC Milan"; lexicon class club_prefix, in
 * capitals; "Real Madrid", "Borussia Dortmund": club_word, capitalised):
 * an organisation, before the initials read as a person's and the town
 * as a place. A name the gazetteer has whole is left to it. */
static NgStatus
pass_clubs(Rec *r)
{
  for (size_t t = 0; t + 1 < r->n; t++) {
    size_t k = r->covered[t] ? 0 : match_class(r, "club_prefix", t, NULL);
    if (k && (t + k >= r->n || !in_capitals(r, t, t + k))) {
      continue;
    }
    bool word = false, adjective = false;
    if (!k && !r->covered[t] && is_cap(&r->tok[t])) {
      k = match_class(r, "club_word", t, NULL);
      word = k > 0;
      if (!k && (k = match_class(r, "club_adjective_word", t, NULL)) > 0) {
        adjective = true;
      }
    }
    if (!k || t + k >= r->n) {
      continue;
    }
    /* "l'Olympique lyonnais", "le Stade rennais": the club's word and its
     * town's adjective in lower case */
    if ((word || adjective) &&
        r->tok[t + k].sent == r->tok[t].sent && !is_cap(&r->tok[t + k]) &&
        lower_words_in_names(r) && adjective_like(r, t + k) &&
        t > 0 && (r->tok[t - 1].flags & NG_TOK_DEFINITE)) {
      if (!add(r, t, t + k + 1, NG_MENTION_NAME, NG_ENT_ORGANIZATION)) {
        return NG_ERR_NOMEM;
      }
      t += k;
      continue;
    }
    if (adjective) {
      continue;
    }
    size_t end = name_run(r, t + k, 3);
    bool person;
    if (end == t + k || gaz_label_reaches(r, t, end, &person)) {
      continue;
    }
    if (!add(r, t, end, NG_MENTION_NAME, NG_ENT_ORGANIZATION)) {
      return NG_ERR_NOMEM;
    }
    t = end - 1;
  }
  return NG_SUCCESS;
}

static double link_confidence(const Rec *r, const NgGazMatch *hits,
                              size_t nh, size_t best, size_t t);

/* A person named after an honorific or a rank ("M. Emmanuel Macron",
 * "le président Emmanuel Macron"), tokens [t0, t1), is linked as the
 * gazetteer's pass links the name alone: to the gazetteer's person of
 * that exact name, the first by prior among namesakes. */
static void
link_person(const Rec *r, NgMention *m, size_t t0, size_t t1)
{
  if (!r->res->gaz || t1 - t0 < 2) {
    return;
  }
  NgGazMatch hits[8];
  size_t nh = gaz_hits(r, t0, hits, NG_COUNTOF(hits));
  size_t n = 0, best = 0;
  uint64_t best_prior = 0;
  for (size_t i = 0; i < nh; i++) {
    NgGazEntry e = ng_gazetteer_entry(r->res->gaz, hits[i].entry);
    if (hits[i].t1 != t1 || e.type != NG_ENT_PERSON) {
      continue;
    }
    if (!n || e.prior > best_prior) {
      best = n;
      best_prior = e.prior;
    }
    hits[n++] = hits[i];
  }
  if (n) {
    m->gaz = (int32_t)hits[best].entry;
    m->n_alt = (uint32_t)n;
    m->link_conf = link_confidence(r, hits, n, best, t0);
  }
}

/* "M. Bovet", "Mr. Hinton": the honorific is part of the written mention
 * (as press and annotation conventions have it), not of the name. */
static NgStatus
pass_honorific_persons(Rec *r)
{
  for (size_t t = 0; t + 1 < r->n; t++) {
    if (!in_class(r, "person_title", t) && !rank_word(r, t) &&
        !occupation_before_name(r, t, t + 1) &&
        !nationality_before_name(r, t) &&
        !occupation_nationality_before_name(r, t)) {
      continue;
    }
    /* Honorifics in a row ("Rev. Dr. Read"): the mention starts at the
     * first, the name after the last, h. Coordinated ones ("M. et Mme
     * Viguier") name two persons: the mention starts at the second. */
    size_t h = t;
    while (h + 2 < r->n && r->tok[h + 1].sent == r->tok[t].sent &&
           (in_class(r, "person_title", h + 1) || rank_word(r, h + 1))) {
      h++;
    }
    if (h == t && occupation_nationality_before_name(r, t)) {
      h++; /* the demonym is the lead's too */
    }
    /* "le général de Gaulle": a particle may open the name here, but
     * not after a rank of a territory when the particle is also the
     * language's own "of" ("le roi de Prusse"; in English "Count de
     * Lamarck" is a name, "Count of Flanders" a territory). */
    size_t n0 = h + 1, p = n0;
    const NgLexEntry *rk = ng_lexicon_get(r->res->lex, "rank", r->tok[h].norm,
                                          r->an->lang);
    while (p < r->n && p - n0 < 3 && in_class(r, "name_particle", p) &&
           !is_cap(&r->tok[p])) {
      p++; /* "Mme von der Leyen" */
    }
    if (p > n0 && p < r->n && name_token(r, p) &&
        !(r->tok[p].flags & NG_TOK_UPPER) &&
        !(rk && !strcmp(rk->value, "of_place") && link_word(r, n0)) &&
        !place_starts(r, p)) {
      n0 = p; /* not an acronym's article: "l'état-major général des FAR" */
    }
    size_t end = name_run(r, n0, MAX_NAME);
    /* A surname that starts with a capitalised article: "M. Le Drian",
     * "Mme Le Pen" (not "M. le ministre", nor "M. Le Président"). */
    if (end == n0 && n0 + 1 < r->n && is_cap(&r->tok[n0]) &&
        in_class(r, "definite", n0) && in_class(r, "name_particle", n0) &&
        name_token(r, n0 + 1) &&
        r->tok[n0 + 1].sent == r->tok[t].sent &&
        !in_class(r, "title", n0 + 1) && !in_class(r, "rank", n0 + 1) &&
        !in_class(r, "occupation", n0 + 1) && !place_starts(r, n0 + 1)) {
      end = name_run(r, n0 + 1, MAX_NAME); /* not "M. La France" */
    }
    bool person = true;
    if (end > n0 && !in_class(r, "person_title", h) &&
        (names_a_body(r, n0, end) ||
         (gaz_label_reaches(r, h, end, &person) && !person))) {
      continue; /* a rank that starts a name: "General Motors" */
    }
    if (end > n0 && r->tok[end - 1].sent == r->tok[t].sent) {
      NgMention *m = add(r, h + 1, end, NG_MENTION_NAME, NG_ENT_PERSON);
      if (!m || note_surname(r, end)) {
        return NG_ERR_NOMEM;
      }
      link_person(r, m, n0, end);
      m->led = true;
      m->lead_b0 = r->tok[t].b0;
      m->lead_c0 = r->tok[t].c0;
      for (size_t k = t; k <= h; k++) {
        r->covered[k] = true;
      }
      const NgLexEntry *pt = ng_lexicon_get(r->res->lex, "person_title",
                                            r->tok[h].norm, r->an->lang);
      if (pt && !strcmp(pt->value, "plural")) {
        NgStatus st = coordinated_persons(r, &end, true);
        if (st) {
          return st;
        }
      }
      t = end - 1;
    }
  }
  return NG_SUCCESS;
}

/* A given name (lexicon class first_name), capitalised, that is no title
 * or function word ("Lord", "Will" at a sentence start before a verb is
 * caught by the name that must follow). */
/* Is token @p u a word in capitals of the same sentence as t? */
static bool
upper_word(const Rec *r, size_t u, size_t t)
{
  return u < r->n && r->tok[u].sent == r->tok[t].sent &&
         (r->tok[u].flags & NG_TOK_UPPER) && is_word(&r->tok[u]);
}

static bool
given_name(const Rec *r, size_t t)
{
  return is_cap(&r->tok[t]) && !r->covered[t] &&
         (in_class(r, "first_name", t) || in_class(r, "given_name", t)) &&
         !in_class(r, "person_title", t) &&
         !in_class(r, "title", t) && !in_class(r, "stopword", t) &&
         !in_class(r, "name_particle", t) && !in_class(r, "month", t) &&
         !in_class(r, "weekday", t);
}

static bool
first_name(const Rec *r, size_t t)
{
  return !(r->tok[t].flags & NG_TOK_UPPER) && given_name(r, t);
}

/* A name in capitals, as signatures and lists print them ("GEORGE
 * DAVIS", "PASCAL HOFER"): a given name and one or two words in capitals
 * (initials allowed), and no other word in capitals right before or after
 * it, which would make it part of a headline. Its end, or t. */
static size_t
capitals_name(const Rec *r, size_t t)
{
  if (!(r->tok[t].flags & NG_TOK_UPPER) || !given_name(r, t) ||
      (t > 0 && upper_word(r, t - 1, t) && !in_class(r, "person_title", t - 1))) {
    return t;
  }
  size_t k = t + 1, words = 0;
  while (k < r->n && r->tok[k].sent == r->tok[t].sent && words < 2) {
    if (initial_at(r, k)) {
      k += 2;
    } else if (name_token(r, k) && (r->tok[k].flags & NG_TOK_UPPER)) {
      k++;
      words++;
    } else {
      break;
    }
  }
  return words && !upper_word(r, k, t) ? k : t;
}

/* Does a post's title start in [t0, t1)? Then the run is no name
 * ("on X. Economy Minister Luis Caputo": a sentence's end, not an
 * initial). */
static bool
title_within(const Rec *r, size_t t0, size_t t1)
{
  for (size_t k = t0; k < t1; k++) {
    if (match_class(r, "title", k, NULL)) {
      return true;
    }
  }
  return false;
}

/* Does a gazetteer label start at token t and reach at least token
 * @p end (exclusive)? Persons of the gazetteer are its own business. */
static bool
gaz_label_reaches(const Rec *r, size_t t, size_t end, bool *person)
{
  NgGazMatch hits[8];
  *person = false;
  if (!r->res->gaz) {
    return false;
  }
  size_t nh = gaz_hits(r, t, hits, NG_COUNTOF(hits));
  for (size_t i = 0; i < nh; i++) {
    NgGazEntry e = ng_gazetteer_entry(r->res->gaz, hits[i].entry);
    if (e.type == NG_ENT_PERSON) {
      *person = true;
    }
    if (hits[i].t1 >= end) {
      return true;
    }
  }
  return false;
}

/* A given name and a capitalised surname ("Guy Bovet", "Cindy Santos"),
 * unless the gazetteer names the whole run or the surname starts a
 * gazetteer name of its own ("Christian Democratic Union"). */
/* Whether the lexicon writes entry @p e with a capital ("Lake"). */
static bool
capitalised_form(const NgLexEntry *e)
{
  size_t len;
  return e && e->form && *e->form &&
         ng_cp_is_upper(ng_utf8_decode(e->form, strlen(e->form), &len));
}

/* Does a word of [t0, t1) head an organisation, make a place, end a
 * venue's name or name a party's members ("Wayne University", "Jackson
 * County", "Kennedy Airport", "Christian Democrats")? Then the run names
 * no person. */
static bool
names_a_body(const Rec *r, size_t t0, size_t t1)
{
  const NgLexEntry *e;
  for (size_t k = t0; k < t1; k++) {
    if (match_class(r, "org_head", k, NULL) ||
        match_class(r, "place_suffix", k, NULL) ||
        (match_class(r, "venue_head", k, &e) && capitalised_form(e)) ||
        in_class(r, "members_noun", k)) {
      return true;
    }
  }
  return false;
}

/* Whether a post's title (lexicon class title, several words allowed)
 * ends at token t ("Secretary of State"). */
static bool
title_ends_at(const Rec *r, size_t t)
{
  for (size_t back = 0; back < MAX_PHRASE && back <= t; back++) {
    if (match_class(r, "title", t - back, NULL) == back + 1) {
      return true;
    }
  }
  return false;
}

/* Whether a post ends at token t: a title, a rank or an occupation (not
 * a kinship: "la fille de Dona Maria"), and maybe one adjective in lower
 * case after it ("secrétaire américain" of "le secrétaire américain au
 * Trésor Scott Bessent"). */
static bool
post_ends_at(const Rec *r, size_t t)
{
  for (int adj = 0; adj < 2 && t >= (size_t)adj; adj++) {
    size_t p = t - (size_t)adj;
    if (adj && (is_cap(&r->tok[t]) || !adjective_like(r, t) ||
                r->tok[p].sent != r->tok[t].sent)) {
      break;
    }
    const NgLexEntry *e;
    if (title_ends_at(r, p) || in_class(r, "rank", p) ||
        (match_class(r, "occupation", p, &e) == 1 &&
         !(e->value && !strcmp(e->value, "of")))) {
      return true;
    }
  }
  return false;
}

/* Whether a determiner comes right before token t, or before an opening
 * quote before it ("des Moulins", "le Moulin Rouge", "le « Petit
 * Journal »"): what follows names no person. */
static bool
after_determiner(const Rec *r, size_t t)
{
  static const char *const quotes[] = {"\xC2\xAB", "\"", "\xE2\x80\x9C"};
  for (size_t i = 0; t > 1 && i < NG_COUNTOF(quotes); i++) {
    if (!strcmp(r->tok[t - 1].norm, quotes[i])) {
      t--;
      break;
    }
  }
  return t > 0 && r->tok[t - 1].sent == r->tok[t].sent &&
         ((r->tok[t - 1].flags & NG_TOK_DEFINITE) ||
          in_class(r, "np_start", t - 1) || in_class(r, "determiner", t - 1));
}

static NgStatus
pass_first_name_persons(Rec *r)
{
  for (size_t t = 0; t + 1 < r->n; t++) {
    if (initial_at(r, t)) {
      /* "J. Cadiot", "S. B. Nelson": initials and a surname that is no
       * title, organisation or major place ("U. S. Senate"). */
      size_t k = t;
      while (initial_at(r, k)) {
        k += 2;
      }
      if (k >= r->n || r->tok[k].sent != r->tok[t].sent ||
          !name_token(r, k) || title_within(r, k, name_run(r, k, MAX_NAME)) ||
          names_a_body(r, k, name_run(r, k, MAX_NAME)) || major_starts(r, k) ||
          (t > 0 && (is_cap(&r->tok[t - 1]) || r->covered[t - 1]) &&
           r->tok[t - 1].sent == r->tok[t].sent)) {
        t = k - 1;
        continue;
      }
      size_t end = name_run(r, k, MAX_NAME);
      if (!add(r, t, end, NG_MENTION_NAME, NG_ENT_PERSON) ||
          note_surname(r, end)) {
        return NG_ERR_NOMEM;
      }
      t = end - 1;
      continue;
    }
    size_t caps = capitals_name(r, t);
    if (caps > t) {
      bool person = false;
      if (gaz_label_reaches(r, t, caps, &person) && !person) {
        continue;
      }
      if (!add(r, t, caps, NG_MENTION_NAME, NG_ENT_PERSON) ||
          note_surname(r, caps)) {
        return NG_ERR_NOMEM;
      }
      t = caps - 1;
      continue;
    }
    if (!first_name(r, t)) {
      continue;
    }
    size_t k = t + 1;
    while (k < r->n && k - t < MAX_NAME && first_name(r, k)) {
      k++; /* "Jean Pierre Bemba" */
    }
    /* From the given name, so that a particle may follow it ("John dos
     * Passos", "Anne de Rivaz"); after it when it is written short
     * ("Wm. Goodman"). */
    size_t from = name_token(r, t) ? t : k;
    size_t end = from < r->n ? name_run(r, from, MAX_NAME - (from - t)) : from;
    if (end <= k) {
      end = k > t + 1 ? k : t; /* "Jean Pierre" alone still names */
    }
    if (end <= t + 1 || r->tok[end - 1].sent != r->tok[t].sent ||
        title_within(r, t + 1, end)) {
      continue; /* "Los Angeles Fire Chief Kristin Crowley": "Angeles" is
                 * a given name too, but a post ends the run */
    }
    bool person = false, other = false;
    if (gaz_label_reaches(r, t, end, &person) && !person) {
      continue;
    }
    if (!person && gaz_label_reaches(r, t + 1, t + 3 <= end ? t + 3 : end, &other) &&
        !other && end - t > 2) {
      continue;
    }
    if (person || names_a_body(r, t + 1, end)) {
      continue; /* the gazetteer links it; "Wayne University" */
    }
    /* Names before the given name belong to it ("Sidi Mohamed Lemine",
     * "de Dona Maria"), but not a capitalised word that starts the
     * sentence, ends a post's title or is its complement ("Secretary of
     * State Antony Blinken", "Secretary of Commerce"), nor a demonym
     * ("American Amanda Anisimova"). */
    size_t start = t;
    while (start > 0 && t - start < 2 && name_token(r, start - 1) &&
           !in_class(r, "title", start - 1) &&
           !demonym_in(r, start - 1, false) &&
           !names_a_body(r, start - 1, start) &&
           r->tok[start - 1].sent == r->tok[t].sent &&
           !(r->tok[start - 1].flags & (NG_TOK_SENT_START | NG_TOK_UPPER)) &&
           !title_ends_at(r, start - 1) &&
           !(start > 2 && link_word(r, start - 2) &&
             post_ends_at(r, start - 3))) {
      start--;
    }
    if (start > 0 && r->tok[start - 1].sent == r->tok[t].sent &&
        in_class(r, "definite", start - 1)) {
      t = end - 1; /* a thing named after a person: "at the Santiago
                    * Bernabéu", "the John Lewis store" (not "that Pat
                    * Gilmore's band", "Sa Majesté Georges V") */
      continue;
    }
    if (!add(r, start, end, NG_MENTION_NAME, NG_ENT_PERSON) ||
        note_surname(r, end)) {
      return NG_ERR_NOMEM;
    }
    t = end - 1;
  }
  return NG_SUCCESS;
}

/* A name before a person's suffix ("Rizup Rawles, Esq.", "Wm. G.
 * Daughtry, Esq."): a run of capitalised words, initials and given
 * names written short, ending right before it. */
static NgStatus
pass_suffixed_persons(Rec *r)
{
  for (size_t t = 1; t < r->n; t++) {
    if (!name_token(r, t - 1) || !person_suffix_end(r, t)) {
      continue;
    }
    size_t s = name_run_before(r, t);
    if (!add(r, s, t, NG_MENTION_NAME, NG_ENT_PERSON) || note_surname(r, t)) {
      return NG_ERR_NOMEM;
    }
  }
  return NG_SUCCESS;
}

/* Whether the capitalised words [s, e) may be a person of a list: free,
 * in one sentence, with no title, body's head, place or date in them. */
static bool
list_name(const Rec *r, size_t s, size_t e)
{
  if (e <= s || !free_range(r, s, e) || r->tok[e - 1].sent != r->tok[s].sent ||
      names_a_body(r, s, e) || gaz_starts(r, s)) {
    return false;
  }
  for (size_t w = s; w < e; w++) {
    if (match_class(r, "title", w, NULL) || in_class(r, "rank", w) ||
        match_class(r, "occupation", w, NULL) || in_class(r, "month", w) ||
        in_class(r, "weekday", w)) {
      return false;
    }
  }
  return true;
}

/* The persons of a list before a person's name, as the one after it
 * (coordinated_persons): "l'époque des Alix, Chanel, Lanvin, Lucien
 * Lelong". Names between commas; the first of the list, not after a
 * comma, only when two names or more follow it there and it opens no
 * sentence; and a name of two words or more before a coordinator ("entre
 * Abdelouafi Laftit et Fernando Grande-Marlaska"). */
static NgStatus
persons_listed_before(Rec *r, size_t t0)
{
  size_t starts[16], ends[16], n = 0;
  size_t t = t0;
  if (t >= 3 && in_class(r, "coordinator", t - 1) &&
      r->tok[t - 2].sent == r->tok[t0].sent) {
    size_t e = t - 1, s = e;
    while (s > 0 && e - s < MAX_NAME && name_token(r, s - 1) &&
           r->tok[s - 1].sent == r->tok[t0].sent) {
      s--;
    }
    if (e - s >= 2 && name_run(r, s, MAX_NAME) == e && list_name(r, s, e) &&
        !(r->tok[s].flags & (NG_TOK_SENT_START | NG_TOK_LINE_START)) &&
        s > 0 && !is_cap(&r->tok[s - 1])) {
      starts[n] = s;
      ends[n++] = e;
      t = s;
    }
  }
  while (n < NG_COUNTOF(starts) && t >= 2 && !strcmp(r->tok[t - 1].norm, ",") &&
         r->tok[t - 2].sent == r->tok[t0].sent) {
    size_t e = t - 1, s = e;
    while (s > 0 && e - s < MAX_NAME && name_token(r, s - 1) &&
           r->tok[s - 1].sent == r->tok[t0].sent) {
      s--;
    }
    if (s == e || name_run(r, s, MAX_NAME) != e || !list_name(r, s, e)) {
      break;
    }
    bool inside = s > 0 && !strcmp(r->tok[s - 1].norm, ",");
    if (!inside && (n < 2 || (r->tok[s].flags & NG_TOK_SENT_START) ||
                    (s > 0 && is_cap(&r->tok[s - 1])))) {
      break;
    }
    starts[n] = s;
    ends[n++] = e;
    if (!inside) {
      break;
    }
    t = s;
  }
  for (size_t i = 0; i < n; i++) {
    if (!add(r, starts[i], ends[i], NG_MENTION_NAME, NG_ENT_PERSON) ||
        note_surname(r, ends[i])) {
      return NG_ERR_NOMEM;
    }
  }
  return NG_SUCCESS;
}

/* Whether the word at t, free and capitalised inside a sentence, may be
 * a word of a person's name no lexicon knows: not a function word, a
 * title, a rank, a body's head, a date, a Roman numeral or the start of a
 * gazetteer name. */
static bool
bare_name_word(const Rec *r, size_t t)
{
  return name_token(r, t) && !roman_numeral(r->tok[t].norm) &&
         !(r->tok[t].flags & (NG_TOK_SENT_START | NG_TOK_LINE_START |
                              NG_TOK_UPPER)) &&
         !match_class(r, "title", t, NULL) && !in_class(r, "rank", t) &&
         !match_class(r, "occupation", t, NULL) &&
         !in_class(r, "month", t) && !in_class(r, "weekday", t) &&
         !names_a_body(r, t, t + 1) && !gaz_starts(r, t);
}

/* Two capitalised words inside a sentence whose second the document uses
 * alone elsewhere, inside a sentence too, are a person and its surname
 * ("un doublé d'Adrien Rabiot ... Rabiot a marqué"), as news names a
 * person in full, then by the surname: the pair is a person, and the
 * bare surnames are found as those of any person (pass_known_surnames). */
static NgStatus
pass_echoed_surnames(Rec *r)
{
  NgStrMap alone = {0};
  NgStatus st = NG_SUCCESS;
  for (size_t t = 0; t < r->n && !st; t++) {
    if (bare_name_word(r, t) && !after_determiner(r, t) &&
        !(t > 0 && is_cap(&r->tok[t - 1])) &&
        !(t + 1 < r->n && is_cap(&r->tok[t + 1]))) {
      st = set_add(&alone, r->tok[t].norm);
    }
  }
  for (size_t t = 0; t + 1 < r->n && !st && alone.count; t++) {
    if (!bare_name_word(r, t) || after_determiner(r, t) ||
        (t > 0 && is_cap(&r->tok[t - 1])) ||
        r->tok[t + 1].sent != r->tok[t].sent || !bare_name_word(r, t + 1) ||
        (t + 2 < r->n && is_cap(&r->tok[t + 2])) ||
        !in_set(&alone, r->tok[t + 1].norm)) {
      continue;
    }
    if (!add(r, t, t + 2, NG_MENTION_NAME, NG_ENT_PERSON)) {
      st = NG_ERR_NOMEM;
    } else {
      st = note_surname(r, t + 2);
    }
    t++;
  }
  ng_strmap_free(&alone);
  return st;
}

/* Names coordinated with a person named anywhere are persons too. */
static NgStatus
pass_coordinated_persons(Rec *r)
{
  size_t n0 = r->an->n_mentions;
  for (size_t i = 0; i < n0; i++) {
    const NgMention *m = &r->an->mentions[i];
    if (m->type != NG_ENT_PERSON || m->kind != NG_MENTION_NAME) {
      continue;
    }
    size_t end = m->t1, t0 = m->t0;
    NgStatus st = coordinated_persons(r, &end, false);
    if (!st) {
      st = persons_listed_before(r, t0);
    }
    if (st) {
      return st;
    }
  }
  return NG_SUCCESS;
}

/* Bare surnames of persons named in full elsewhere in the document
 * ("Olano" after "Abraham Olano", or before it in a headline), with the
 * particles before them in lower case that are no words of the language
 * ("von der Leyen", "da Silva"; French "de" is also "of"). */
static NgStatus
pass_known_surnames(Rec *r)
{
  for (size_t t = 0; t < r->n; t++) {
    if (!name_token(r, t) || !is_surname(r, t) ||
        (r->tok[t].flags & NG_TOK_UPPER && r->tok[t].c1 - r->tok[t].c0 > 1 &&
         !(r->tok[t].flags & NG_TOK_SENT_START))) {
      continue;
    }
    /* A capitalised word right before it (and its particles) is a given
     * name the lexicon does not know ("Myrtle Wendell" after "Jos. C.
     * Wendell", "Lula da Silva"), or the article of the surname ("Le
     * Pen" after "Marine Le Pen"). */
    size_t s = t;
    while (s > 0 && t - s < 3 && r->tok[s - 1].sent == r->tok[t].sent &&
           !r->covered[s - 1] && !is_cap(&r->tok[s - 1]) &&
           in_class(r, "name_particle", s - 1) &&
           !in_class(r, "stopword", s - 1)) {
      s--;
    }
    bool before = s > 0 && r->tok[s - 1].sent == r->tok[t].sent;
    if (s == t && before && is_cap(&r->tok[t - 1]) && !r->covered[t - 1] &&
        in_class(r, "name_particle", t - 1)) { /* not "The Smith years" */
      s = t - 1;
    } else if (before && name_token(r, s - 1) &&
               !(r->tok[s - 1].flags & (NG_TOK_SENT_START | NG_TOK_UPPER)) &&
               !in_class(r, "title", s - 1) && !in_class(r, "rank", s - 1) &&
               !names_a_body(r, s - 1, s) && !gaz_starts(r, s - 1)) {
      s--;
    }
    if (!add(r, s, t + 1, NG_MENTION_NAME, NG_ENT_PERSON)) {
      return NG_ERR_NOMEM;
    }
  }
  return NG_SUCCESS;
}

/* ---------------------------------------------------------------- 2 */

/* Whether token t is a dash alone ("-", "—"). */
static bool
dash_at(const Rec *r, size_t t)
{
  size_t len;
  return r->tok[t].c1 - r->tok[t].c0 == 1 &&
         ng_cp_is_dash(ng_utf8_decode(r->an->doc->text + r->tok[t].b0,
                                      r->tok[t].b1 - r->tok[t].b0, &len));
}

/* A news agency's credit after a dateline: "Rabat, 18 juin 2025 (MAP)
 * -", "NAIROBI, Kenya (AP) —", "LONDRES. 15 (Havas). —", "(Reuter.) —":
 * one capitalised word in brackets, a full stop inside or after them
 * allowed, then a dash, on a line that starts with a capitalised word and
 * holds only names, numbers, commas and a date before it. */
static bool
credit_at(const Rec *r, size_t t)
{
  if (t < 2 || strcmp(r->tok[t - 1].norm, "(") || !is_cap(&r->tok[t])) {
    return false;
  }
  size_t k = t + 1;
  k += k < r->n && !strcmp(r->tok[k].norm, ".");
  if (k >= r->n || strcmp(r->tok[k].norm, ")")) {
    return false;
  }
  k++;
  k += k < r->n && !strcmp(r->tok[k].norm, ".");
  if (k >= r->n || !dash_at(r, k)) {
    return false;
  }
  for (size_t b = t - 1; b-- > 0 && t - b <= 12;) {
    const NgToken *tk = &r->tok[b];
    if (!is_cap(tk) && !(tk->flags & NG_TOK_NUMBER) && strcmp(tk->norm, ",") &&
        strcmp(tk->norm, ".") && !in_class(r, "month", b) &&
        !in_class(r, "weekday", b)) {
      return false;
    }
    if (tk->flags & NG_TOK_LINE_START) {
      return is_cap(tk);
    }
  }
  return false;
}

/* Credits (credit_at) name news agencies: the gazetteer's when it has
 * one of the name ("(AFP)", "(Reuters)"), else an agency it does not
 * know ("(MAP)" is no museum of Monaco there, "(Havas)"), unless the
 * credit is a correspondent's (lexicon class correspondent_credit:
 * "(Special)") or a place's name written as a name ("(Rhône)"). */
static NgStatus
pass_credits(Rec *r)
{
  NgGazMatch hits[16];
  for (size_t t = 0; t < r->n; t++) {
    if (r->covered[t] || !credit_at(r, t)) {
      continue;
    }
    size_t nh = r->res->gaz ? gaz_hits(r, t, hits, NG_COUNTOF(hits)) : 0;
    size_t agency = SIZE_MAX;
    bool place = false;
    for (size_t i = 0; i < nh && agency == SIZE_MAX; i++) {
      NgEntityType type = ng_gazetteer_entry(r->res->gaz, hits[i].entry).type;
      if (hits[i].t1 == t + 1 && type == NG_ENT_NEWS_AGENCY) {
        agency = i;
      }
      place |= hits[i].t1 == t + 1 && ng_entity_type_is_place(type) &&
               !(r->tok[t].flags & NG_TOK_UPPER);
    }
    bool acronym = (r->tok[t].flags & NG_TOK_UPPER) != 0;
    if (agency == SIZE_MAX &&
        (place || in_class(r, "correspondent_credit", t))) {
      /* "Nashville, Tenn. (Special)—"; a region, not a credit:
       * "VILLEURBANNE (Rhône) —" */
      continue;
    }
    NgMention *m = add(r, t, t + 1,
                       acronym ? NG_MENTION_ACRONYM : NG_MENTION_NAME,
                       NG_ENT_NEWS_AGENCY);
    if (!m) {
      return NG_ERR_NOMEM;
    }
    if (agency != SIZE_MAX) {
      link_to(m, (int32_t)hits[agency].entry, 0.9);
    }
  }
  return NG_SUCCESS;
}

/* A firm named by names an ampersand joins ("Procter & Gamble", "Marks &
 * Spencer", "Stephens & Trammel"), with a legal form after them if any,
 * or by a name and a legal form that starts with one ("Dombey & Co.",
 * "Dupont & Cie"): an organisation. */
static NgStatus
pass_firm_names(Rec *r)
{
  for (size_t t = 1; t + 1 < r->n; t++) {
    if (strcmp(r->tok[t].norm, "&") || !name_token(r, t - 1) ||
        r->tok[t - 1].sent != r->tok[t].sent ||
        r->tok[t + 1].sent != r->tok[t].sent) {
      continue;
    }
    size_t k = match_class(r, "legal_form", t, NULL), e = t + k;
    if (!k && !name_token(r, t + 1)) {
      continue;
    }
    size_t s = t - 1;
    while (s > 0 && t - s < 3 && name_token(r, s - 1) &&
           r->tok[s - 1].sent == r->tok[t].sent &&
           !(r->tok[s - 1].flags & NG_TOK_SENT_START)) {
      s--; /* not "Later" of "Later Dombey & Co. paid" */
    }
    if (!k) {
      e = t + 2;
      while (e < r->n && e - t < 4 && name_token(r, e) &&
             r->tok[e].sent == r->tok[t].sent) {
        e++;
      }
      if (e < r->n && r->tok[e].sent == r->tok[t].sent) {
        e += match_class(r, "legal_form", e, NULL);
      }
    }
    if (!add(r, s, e, NG_MENTION_NAME, NG_ENT_ORGANIZATION)) {
      return NG_ERR_NOMEM;
    }
    t = e - 1;
  }
  return NG_SUCCESS;
}

static NgStatus
pass_dates(Rec *r)
{
  const NgSegmentation *seg = &r->an->seg;
  const NgDoc *doc = r->an->doc;
  NgDateMention *dm = NULL;
  size_t n = 0, cap = 0;
  for (size_t s = 0; s < seg->n_sents; s++) {
    n = 0;
    NgStatus st =
      ng_dates_find(r->tok, seg->sents[s].t0, seg->sents[s].t1, r->res->lex,
                    lang_of(r), &doc->date, &dm, &n, &cap);
    if (st != NG_SUCCESS && st != NG_FAILURE) {
      ng_free(dm);
      return st;
    }
    for (size_t i = 0; i < n; i++) {
      if (!free_range(r, dm[i].t0, dm[i].t1)) {
        continue;
      }
      NgMention *m = add(r, dm[i].t0, dm[i].t1, NG_MENTION_DATE, NG_ENT_NONE);
      if (!m) {
        ng_free(dm);
        return NG_ERR_NOMEM;
      }
      m->date_start = dm[i].start;
      m->date_end = dm[i].end;
    }
  }
  ng_free(dm);
  return NG_SUCCESS;
}

/* ---------------------------------------------------------------- 3 */

/* Among the hits of one length, the entity most likely meant: countries
 * and international organisations before cities (a bare "Djibouti" in news
 * is more often the state), minor places last (a town named Colorado is
 * not the state), then the most popular. */
static int
type_rank(NgEntityType t)
{
  switch (t) {
  case NG_ENT_COUNTRY: return 6;
  case NG_ENT_INTL_ORG: return 5;
  case NG_ENT_CITY: return 4;
  case NG_ENT_CONTINENT: return 3;
  case NG_ENT_REGION: return 2;
  case NG_ENT_NEWS_AGENCY:
  case NG_ENT_GOV_AGENCY:
  case NG_ENT_ORGANIZATION: return 1;
  case NG_ENT_NONE:
  case NG_ENT_PERSON:
  case NG_ENT_PLACE:
  case NG_ENT_TYPE_COUNT: return 0;
  }
  return 0;
}

/* A one-word gazetteer hit is a name unless the word heads a longer
 * common-noun name ("Centre de commandement", not the French region).
 * Function words at a sentence start ("La", a town's native name) are the
 * gazetteer's business: such labels do not match there. */
static bool
single_token_name(const Rec *r, size_t t)
{
  if (match_class(r, "org_head", t, NULL) == 1 && t + 2 < r->n &&
      r->tok[t + 1].sent == r->tok[t].sent && link_word(r, t + 1)) {
    size_t k = t + 1;
    while (k < r->n && link_word(r, k)) {
      k++;
    }
    return k >= r->n || (r->tok[k].flags & NG_TOK_CAP);
  }
  return true;
}

static bool expansion_agrees(const Rec *r, size_t t, size_t t1,
                             uint32_t entry);

/* Below these priors (a city's population; regions below the first
 * level have a constant under it) a place is minor: a one-word name of
 * one is more often an ordinary word or a surname than the place. */
#define MINOR_CITY 30000u
#define MINOR_REGION 1000000u
/* A one-word name in capitals ("SUCRE", "AMOUR") in a headline is a
 * place only when it names a country, a continent or a large city. */
#define MAJOR_CITY 1000000u

static bool
minor_place(const NgGazEntry *e)
{
  return (e->type == NG_ENT_CITY && e->prior < MINOR_CITY) ||
         (e->type == NG_ENT_REGION && e->prior < MINOR_REGION);
}

/* Countries, continents, international bodies, large cities, first-level
 * regions: names that stand on their own. */
static bool
major_entry(const NgGazEntry *e)
{
  switch (e->type) {
  case NG_ENT_COUNTRY:
  case NG_ENT_CONTINENT:
  case NG_ENT_INTL_ORG: return true;
  case NG_ENT_CITY: return e->prior >= MAJOR_CITY / 10;
  case NG_ENT_REGION: return e->prior >= MINOR_REGION;
  case NG_ENT_NONE:
  case NG_ENT_PERSON:
  case NG_ENT_ORGANIZATION:
  case NG_ENT_GOV_AGENCY:
  case NG_ENT_NEWS_AGENCY:
  case NG_ENT_PLACE:
  case NG_ENT_TYPE_COUNT: return false;
  }
  return false;
}

/* A capitalised word next to a name that makes a longer name of it:
 * "Central" in "Central Pacific", "Van" in "Van Luyten", "Paris" in
 * "Paris Match". Not a title, an honorific or a function word, not the
 * first word of a sentence, not already taken, and not a name the
 * gazetteer knows on its own (a list "Maroc Tunisie" without commas). */
static bool
extends_name(const Rec *r, size_t t, size_t other, bool minor)
{
  return other < r->n && r->tok[other].sent == r->tok[t].sent &&
         name_token(r, other) && !(r->tok[other].flags & NG_TOK_SENT_START) &&
         !in_class(r, "title", other) && !in_class(r, "first_name", other) &&
         (minor || !major_starts(r, other));
}

/* Whether the word at t is a word that starts names of places and
 * saints, written in full or short (lexicon class short_word: "Saint" or
 * "St", "St.", "Mount" or "Mt"). */
static bool
short_word_at(const Rec *r, size_t t)
{
  if (!is_cap(&r->tok[t])) {
    return false;
  }
  if (in_class(r, "short_word", t)) {
    return true;
  }
  const char *w = r->tok[t].norm;
  size_t n = strlen(w);
  n -= n > 1 && w[n - 1] == '.';
  const NgLexEntry *e;
  for (size_t i = 0; (e = ng_lexicon_next(r->res->lex, "short_word", &i));) {
    size_t k = 0; /* the value is ASCII ("St"), the norm folded ("st.") */
    while (e->value && k < n && e->value[k] &&
           tolower((unsigned char)e->value[k]) == w[k]) {
      k++;
    }
    if (e->value && k == n && !e->value[n]) {
      return true;
    }
  }
  return false;
}

/* Whether a person's origin is said right before token t ("M. Jacques
 * Favre, de Neuchâtel", "S. B. Nelson of Spokane"; lexicon origin_prep,
 * VALUE comma: only after a comma). */
static bool
origin_before(const Rec *r, size_t t)
{
  const NgLexEntry *o;
  return t >= 2 && r->tok[t - 1].sent == r->tok[t].sent &&
         match_class(r, "origin_prep", t - 1, &o) == 1 &&
         (!o->value || strcmp(o->value, "comma") != 0 ||
          !strcmp(r->tok[t - 2].norm, ","));
}

/* Whether a place of the country of QID @p country, or the country, is
 * linked by a mention found so far. */
static bool
country_named(const Rec *r, const char *country)
{
  for (size_t i = 0; *country && i < r->an->n_mentions; i++) {
    const NgMention *m = &r->an->mentions[i];
    if (m->gaz < 0) {
      continue;
    }
    NgGazEntry e = ng_gazetteer_entry(r->res->gaz, (uint32_t)m->gaz);
    if (ng_entity_type_is_place(e.type) &&
        !strcmp(ng_gazetteer_entry_country(&e), country)) {
      return true;
    }
  }
  return false;
}

/* Whether the country of one of the places the one-word name at t may be
 * is named before it ("Argentina's floods reached Victoria"). */
static bool
homonym_country_named(const Rec *r, size_t t)
{
  NgGazMatch hits[16];
  size_t nh = gaz_hits(r, t, hits, NG_COUNTOF(hits));
  for (size_t i = 0; i < nh; i++) {
    NgGazEntry e = ng_gazetteer_entry(r->res->gaz, hits[i].entry);
    if (hits[i].t1 == t + 1 && ng_entity_type_is_place(e.type) &&
        country_named(r, ng_gazetteer_entry_country(&e))) {
      return true;
    }
  }
  return false;
}

/* Countries, continents, bodies, first-level regions and cities of a
 * million: names a headline in title case still names. */
static bool
stands_in_titles(const NgGazEntry *e)
{
  switch (e->type) {
  case NG_ENT_COUNTRY:
  case NG_ENT_CONTINENT:
  case NG_ENT_INTL_ORG:
  case NG_ENT_ORGANIZATION:
  case NG_ENT_GOV_AGENCY:
  case NG_ENT_NEWS_AGENCY: return true;
  case NG_ENT_CITY: return e->prior >= MAJOR_CITY;
  case NG_ENT_REGION: return !minor_place(e);
  case NG_ENT_NONE:
  case NG_ENT_PERSON:
  case NG_ENT_PLACE:
  case NG_ENT_TYPE_COUNT: return false;
  }
  return false;
}

/* Whether a one-word gazetteer name at t is the entity @p e: not a
 * function word ("Sur", "Au"), not a surname of a person of the document
 * ("Santos" after "Cindy Santos") unless it names a country or a continent
 * ("France" after "Anatole France"), not part of a longer capitalised name,
 * not a word of a headline in capitals ("SUCRE ET AMOUR") unless the
 * entity is major, and not a minor place opening a sentence ("Avis",
 * "Marché"), except in a dateline; after a place preposition ("à Au"), a
 * place is a place. */
static bool
one_word_name_stands(const Rec *r, size_t t, const NgGazEntry *e,
                     const char *lang)
{
  const NgToken *tk = &r->tok[t];
  if (e->type == NG_ENT_PERSON) {
    return true;
  }
  if (is_surname(r, t) && e->type != NG_ENT_COUNTRY &&
      e->type != NG_ENT_CONTINENT) {
    return false;
  }
  /* "à Au", "in Reading": after a place preposition, a place. */
  for (size_t back = 1; back <= 3 && back <= t; back++) {
    size_t s = t - back;
    if (r->tok[s].sent != tk->sent) {
      break;
    }
    size_t k = match_class(r, "place_prep", s, NULL);
    if (k && s + k == t && ng_entity_type_is_place(e->type)) {
      return !extends_name(r, t, t + 1, minor_place(e));
    }
  }
  if (e->type != NG_ENT_COUNTRY &&
      (in_class(r, "stopword", t) || in_class(r, "common_word", t))) {
    return false;
  }
  if (t > 0 && r->tok[t - 1].sent == tk->sent && short_word_at(r, t - 1)) {
    return false; /* "St Mary's Hospital", "Mt Vernon": another name */
  }
  /* A town named by a given name ("George", "David", "Regina") is a
   * person there ("George said"), unless a place preposition (above), a
   * dateline, an origin ("Renauld, de Nancy") or a place named before in
   * the country of one of its homonyms ("Argentina's floods reached
   * Victoria") says otherwise; a city of a million stands. */
  if (e->type == NG_ENT_CITY && e->prior < MAJOR_CITY &&
      in_class(r, "first_name", t) && !dateline_at(r, t) &&
      !origin_before(r, t) && !homonym_country_named(r, t)) {
    return false;
  }
  bool minor = minor_place(e);
  /* a Roman numeral after a place is no regnal number ("Albert I") but
   * a misread day ("BRUXELLES I 5 mai.") */
  bool numeral = t + 1 < r->n && ng_entity_type_is_place(e->type) &&
                 roman_numeral(r->tok[t + 1].norm);
  /* In a headline in title case a capital after the name says nothing
   * ("France Votes In Runoff"), for a name that stands on its own: not a
   * town ("In Christ Man Becomes": Man, a town of Côte d'Ivoire). */
  bool titled = r->titled[t] && stands_in_titles(e);
  if (!titled && ((!numeral && extends_name(r, t, t + 1, minor)) ||
                  (t > 0 && extends_name(r, t, t - 1, minor)))) {
    return false;
  }
  /* Two letters ("Ho", "Au") name only a country, a continent, an
   * international body or a city of a million. */
  if (tk->c1 - tk->c0 <= 2 && !major_entry(e) &&
      !(e->type == NG_ENT_CITY && e->prior >= MAJOR_CITY)) {
    return false;
  }
  if (tk->c1 - tk->c0 <= 2 &&
      (e->type == NG_ENT_REGION ||
       (e->type == NG_ENT_CITY && e->prior < MAJOR_CITY))) {
    return false;
  }
  /* A place's name in another language than the document's ("Inde" in
   * English) is a word of that language, or a misreading; not a name of
   * words joined by hyphens ("Tel-Aviv" for "Tel Aviv"). */
  if (ng_entity_type_is_place(e->type) && *lang && r->an->lang &&
      strcmp(lang, r->an->lang) != 0 && strcmp(lang, "ar") != 0 &&
      !strchr(tk->norm, '-')) {
    return false;
  }
  bool dateline = dateline_at(r, t);
  if ((tk->flags & NG_TOK_UPPER) && !dateline &&
      (upper_word(r, t + 1, t) || (t > 0 && upper_word(r, t - 1, t))) &&
      e->type != NG_ENT_COUNTRY && e->type != NG_ENT_CONTINENT &&
      e->type != NG_ENT_INTL_ORG &&
      !(e->type == NG_ENT_CITY && e->prior >= MAJOR_CITY)) {
    return false;
  }
  if (minor && !dateline && (tk->flags & NG_TOK_SENT_START)) {
    return false;
  }
  return true;
}

/* The house number of an address before a street's noun at t ("16, rue
 * La Boétie", "16 rue La Boétie"): where the address starts. */
static size_t
house_number_before(const Rec *r, size_t t)
{
  size_t s = t;
  if (s > 0 && !strcmp(r->tok[s - 1].norm, ",") && !r->covered[s - 1]) {
    s--;
  }
  if (s > 0 && (r->tok[s - 1].flags & NG_TOK_NUMBER) && !r->covered[s - 1] &&
      r->tok[s - 1].sent == r->tok[t].sent) {
    return s - 1;
  }
  return t;
}

/* The first token of a phrase of class @p cls (a place noun, a feature
 * noun) that ends, through at most @p max_links link words, right before
 * token t and starts at least @p min_back tokens before it: "golfe de"
 * before "Guinée", "canton de" before "Vaud"; SIZE_MAX when none. */
static size_t
head_before(const Rec *r, size_t t, const char *cls, size_t min_back,
            int max_links)
{
  for (size_t back = min_back; back <= 4 && back <= t; back++) {
    size_t s = t - back;
    if (r->tok[s].sent != r->tok[t].sent || r->covered[s]) {
      return SIZE_MAX;
    }
    size_t k = match_class(r, cls, s, NULL);
    size_t e = s + k;
    for (int links = 0; k && links < max_links && e < t && link_word(r, e);
         links++) {
      e++; /* "rue de la Paix" */
    }
    if (k && e == t) {
      return s;
    }
  }
  return SIZE_MAX;
}

/* The first token of a natural feature's or a street's noun right before
 * token t ("golfe de" before "Guinée", "Lake" before "Chad"), or
 * SIZE_MAX. */
static size_t
feature_start(const Rec *r, size_t t)
{
  return head_before(r, t, "feature_head", 1, 2);
}

/* "le canton de Vaud", "la ville de Berne", "the city of Leeds": the
 * place noun before a place's name belongs to the written mention. */
static void
lead_place_noun(Rec *r, NgMention *m)
{
  size_t s = head_before(r, m->t0, "place_head", 2, 1);
  if (s == SIZE_MAX) {
    return;
  }
  m->led = true;
  m->lead_b0 = r->tok[s].b0;
  m->lead_c0 = r->tok[s].c0;
  for (size_t i = s; i < m->t0; i++) {
    r->covered[i] = true;
  }
}

/* Whether a region's one-word name at t follows a definite article or a
 * place preposition, in a language whose regions take an article ("dans
 * l'Aude", "dans le Var", "en Gironde"): a surname or a word would not,
 * so the name is the region's. */
static bool
region_with_article(const Rec *r, const NgGazEntry *e, size_t t)
{
  return e->type == NG_ENT_REGION && t > 0 &&
         r->tok[t - 1].sent == r->tok[t].sent &&
         language_has(r, "regions_take_article") &&
         ((r->tok[t - 1].flags & NG_TOK_DEFINITE) ||
          in_class(r, "place_prep", t - 1));
}

/* How sure the link of the name at t to hits[best] is, before the
 * document's context is weighed (resolve does that):
 *  - one entry: 0.9, or 0.55 for a one-word minor place (a surname or a
 *    common word more often than the town) and for a state body, party
 *    or person of one country, under the default bar unless the document
 *    names the country (resolve: 0.85);
 *  - several: 0.8 when the chosen one outranks the others by type (the
 *    country, not the town) or by a tenfold prior, 0.7 for threefold,
 *    else 0.55 ("Brest": France or Belarus), under the default bar. */
static double
link_confidence(const Rec *r, const NgGazMatch *hits, size_t nh, size_t best,
                size_t t)
{
  NgGazEntry b = ng_gazetteer_entry(r->res->gaz, hits[best].entry);
  bool one_word = hits[best].t1 == t + 1;
  const NgGazEntry *second = NULL;
  NgGazEntry o, keep;
  for (size_t i = 0; i < nh; i++) {
    if (i == best || hits[i].t1 != hits[best].t1) {
      continue;
    }
    o = ng_gazetteer_entry(r->res->gaz, hits[i].entry);
    if (!second || o.prior > second->prior) {
      keep = o;
      second = &keep;
    }
  }
  if (!second) {
    /* A state body or a party of one country ("House of Delegates"):
     * many countries have one so named; so a person of the gazetteer
     * (its politicians) has namesakes outside it ("John Smith"). Resolve
     * confirms them when the document names the country. But a body's
     * name of one word that is no acronym is no description: the shipped
     * tables keep only those that are no word of any of their languages
     * ("Hamas", "Likud", "Bundeswehr"; a gazetteer built from a dump
     * keeps what Wikidata labels, and its user chooses the classes). */
    bool body =
      b.type == NG_ENT_GOV_AGENCY || b.type == NG_ENT_ORGANIZATION;
    if (body && one_word && hits[best].kind == NG_LABEL_NAME) {
      return 0.85;
    }
    bool national = (body || b.type == NG_ENT_PERSON) && *b.country;
    return (one_word && minor_place(&b) && !region_with_article(r, &b, t)) ||
               national
             ? 0.55
             : 0.9;
  }
  int rb = minor_place(&b) ? 1 : type_rank(b.type);
  int rs = minor_place(second) ? 1 : type_rank(second->type);
  if (rb > rs || b.prior >= 10 * (uint64_t)second->prior) {
    return 0.8;
  }
  return b.prior >= 3 * (uint64_t)second->prior ? 0.7 : 0.55;
}

/* "the State of New York", "la ville de Fribourg", "Herat province": a
 * place noun before a name, or after it in lower case, says which of its
 * entries it is. Keeps, of the longest hits, those of the noun's type
 * when there are any; returns the new count. */
static size_t
keep_head_type(const Rec *r, size_t t, NgGazMatch *hits, size_t nh)
{
  size_t s = nh ? head_before(r, t, "place_head", 2, 1) : SIZE_MAX;
  const NgLexEntry *e = NULL;
  NgEntityType want;
  /* or a one-word head in lower case right after the name, as English
   * puts it ("Herat province") */
  if (s == SIZE_MAX && nh && hits[0].t1 < r->n &&
      r->tok[hits[0].t1].sent == r->tok[t].sent &&
      !is_cap(&r->tok[hits[0].t1]) &&
      match_class(r, "place_head", hits[0].t1, NULL) == 1) {
    s = hits[0].t1;
  }
  if (s == SIZE_MAX || !match_class(r, "place_head", s, &e) ||
      ng_entity_type_parse(e->value, &want) != NG_SUCCESS) {
    return nh;
  }
  size_t n = 0;
  for (size_t i = 0; i < nh; i++) {
    if (hits[i].t1 == hits[0].t1 &&
        ng_gazetteer_entry(r->res->gaz, hits[i].entry).type == want) {
      hits[n++] = hits[i];
    }
  }
  return n ? n : nh;
}

/* "à Luxembourg", "à Koweït": after a preposition that takes towns and
 * not countries (lexicon class city_prep: French "à", where a country
 * takes "au" or "en"), a name that is both a country and its town is the
 * town. Returns the hit to keep. */
static size_t
city_after_city_prep(const Rec *r, size_t t, const NgGazMatch *hits, size_t nh,
                     size_t best)
{
  NgGazEntry b = ng_gazetteer_entry(r->res->gaz, hits[best].entry);
  if (b.type != NG_ENT_COUNTRY || t == 0 ||
      r->tok[t - 1].sent != r->tok[t].sent ||
      !in_class(r, "city_prep", t - 1)) {
    return best;
  }
  for (size_t i = 0; i < nh; i++) {
    NgGazEntry c = ng_gazetteer_entry(r->res->gaz, hits[i].entry);
    if (hits[i].t1 == hits[best].t1 && c.type == NG_ENT_CITY &&
        !strcmp(c.country, b.qid)) {
      return i;
    }
  }
  return best;
}

static int32_t entry_named(const Rec *r, const char *name, NgEntityType type);

/* The part of a continent or country that a region adjective names
 * ("l'Europe occidentale": the VALUE of the lexicon class
 * region_adjective gives the English words, "Western|West", and the
 * gazetteer has "Western Europe"), or -1. */
static int32_t
region_part(const Rec *r, const NgLexEntry *adj, const NgGazEntry *whole)
{
  if (!adj || !adj->value || !*adj->value || !*whole->label_en) {
    return -1;
  }
  char name[128];
  for (const char *v = adj->value; *v;) {
    size_t n = strcspn(v, "|");
    int len = snprintf(name, sizeof name, "%.*s %s", (int)n, v,
                       whole->label_en);
    if (len > 0 && (size_t)len < sizeof name) {
      int32_t g = entry_named(r, name, NG_ENT_CONTINENT);
      if (g < 0) {
        g = entry_named(r, name, NG_ENT_REGION);
      }
      if (g >= 0) {
        return g;
      }
    }
    v += n + (v[n] == '|');
  }
  return -1;
}

/* In a language whose regions take an article (trait
 * regions_take_article: French "le Var", "la province de Mantoue"), a
 * one-word name that is a region below the first level, written without
 * an article or a place noun ("Mantoue"), is its town's name: Italian
 * provinces and French departments are named after towns and rivers. A
 * dateline or a heading ("Norfolk. —") may name the region bare, and so
 * may brackets after a town ("à Vénissieux (Rhône)", "Saint-Priest
 * (Rhône)", a town the gazetteer does not know). */
static bool
bare_subregion(const Rec *r, size_t t, size_t t1, const NgGazEntry *e)
{
  bool bracketed = t >= 2 && t1 < r->n && !strcmp(r->tok[t - 1].norm, "(") &&
                   !strcmp(r->tok[t1].norm, ")") &&
                   (r->covered[t - 2] || is_cap(&r->tok[t - 2]));
  return e->type == NG_ENT_REGION && minor_place(e) && t1 == t + 1 &&
         !(t > 0 && (r->tok[t - 1].flags & NG_TOK_DEFINITE)) &&
         head_before(r, t, "place_head", 2, 1) == SIZE_MAX &&
         !dateline_at(r, t) && !bracketed &&
         language_has(r, "regions_take_article");
}

/* Whether a word in capitals at t has a word in capitals beside it,
 * past a punctuation mark or two: a headline's, or the end of a word in
 * capitals broken at a line end ("FINAN¬\nCES"), not an acronym ("the
 * WHO said"). */
static bool
shouted(const Rec *r, size_t t)
{
  for (size_t k = t, n = 0; k-- > 0 && n < 3; n++) {
    if (is_word(&r->tok[k])) {
      if (r->tok[k].flags & NG_TOK_UPPER) {
        return true;
      }
      break;
    }
  }
  for (size_t k = t + 1; k < r->n && k <= t + 3; k++) {
    if (is_word(&r->tok[k])) {
      return (r->tok[k].flags & NG_TOK_UPPER) != 0;
    }
  }
  return false;
}

/* Whether hit @p h is a name bodies of several countries share
 * ("Legislative Assembly", "Assemblée nationale") that a complement
 * names further ("... of the Territory of Dakota", "... du Québec", "...
 * and International Cooperation"): the longer name is the body's, which
 * the organisation heads build. */
static bool
shared_body_goes_on(const Rec *r, const NgGazMatch *h)
{
  NgGazEntry e = ng_gazetteer_entry(r->res->gaz, h->entry);
  size_t t = h->t1;
  if (e.type != NG_ENT_GOV_AGENCY && e.type != NG_ENT_ORGANIZATION) {
    return false;
  }
  /* "... and International Cooperation", not "... and the Senate" */
  bool coordinated = t + 1 < r->n && in_class(r, "coordinator", t) &&
                     !in_class(r, "np_start", t + 1);
  if (t >= r->n || r->tok[t].sent != r->tok[h->t0].sent ||
      (!link_word(r, t) && !coordinated)) {
    return false;
  }
  t += coordinated;
  while (t < r->n && r->tok[t].sent == r->tok[h->t0].sent && link_word(r, t)) {
    t++;
  }
  return t < r->n && r->tok[t].sent == r->tok[h->t0].sent &&
         is_cap(&r->tok[t]);
}

static NgStatus
pass_gazetteer(Rec *r)
{
  if (!r->res->gaz) {
    return NG_SUCCESS;
  }
  NgGazMatch hits[32];
  for (size_t t = 0; t < r->n; t++) {
    if (r->covered[t] || !is_word(&r->tok[t])) {
      continue;
    }
    size_t nh = gaz_hits(r, t, hits, NG_COUNTOF(hits));
    nh = keep_head_type(r, t, hits, nh);
    size_t best = SIZE_MAX;
    size_t n_alt = 0;
    for (size_t i = 0; i < nh; i++) {
      if (hits[i].t1 != hits[0].t1 || !free_range(r, t, hits[i].t1) ||
          r->tok[hits[i].t1 - 1].sent != r->tok[t].sent) {
        continue;
      }
      n_alt++;
      if (best == SIZE_MAX) {
        best = i;
        continue;
      }
      NgGazEntry a = ng_gazetteer_entry(r->res->gaz, hits[i].entry);
      NgGazEntry b = ng_gazetteer_entry(r->res->gaz, hits[best].entry);
      int ra = minor_place(&a) ? 1 : type_rank(a.type);
      int rb = minor_place(&b) ? 1 : type_rank(b.type);
      if (ra > rb || (ra == rb && a.prior > b.prior)) {
        best = i;
      }
    }
    if (best == SIZE_MAX) {
      continue;
    }
    size_t town = city_after_city_prep(r, t, hits, nh, best);
    if (town != best) {
      best = town;
      n_alt = 1; /* the preposition decided */
    }
    if (hits[best].t1 == t + 1 && !single_token_name(r, t)) {
      continue;
    }
    if (n_alt > 1 && shared_body_goes_on(r, &hits[best])) {
      continue;
    }
    if (hits[best].kind == NG_LABEL_ACRONYM && hits[best].t1 == t + 1) {
      if (in_set(&r->defined, r->tok[t].norm) ||
          (in_class(r, "stopword", t) && shouted(r, t))) {
        continue; /* "AND", "DES" in a headline, but "the WHO said" */
      }
      if (!expansion_agrees(r, t, hits[best].t1, hits[best].entry)) {
        if (set_add(&r->defined, r->tok[t].norm)) {
          return NG_ERR_NOMEM;
        }
        continue;
      }
    }
    NgGazEntry e = ng_gazetteer_entry(r->res->gaz, hits[best].entry);
    /* A minor place's name of several words before a capitalised word
     * that no noun of places or bodies is starts a longer name, as one
     * word's does (one_word_name_stands): "La Libertad Avanza", a party,
     * not the town of 8,000 in Guatemala. */
    size_t t1 = hits[best].t1;
    if (t1 > t + 1 && hits[best].kind == NG_LABEL_NAME && minor_place(&e) &&
        extends_name(r, t1 - 1, t1, true) &&
        !match_class(r, "place_suffix", t1, NULL) &&
        !match_class(r, "org_head", t1, NULL)) {
      continue;
    }
    /* A name in another language that is also a place's name in the
     * document's ("Washington": the French name of the capital, the
     * English one of the state) is a place's name here, but which place
     * the gazetteer cannot say. */
    bool foreign_twin = false;
    if (hits[best].t1 == t + 1 && hits[best].kind == NG_LABEL_NAME &&
        !one_word_name_stands(r, t, &e, hits[best].lang)) {
      const char *lang = hits[best].lang;
      for (size_t i = 0; i < nh && *lang && r->an->lang &&
                         strcmp(lang, r->an->lang) != 0 && !foreign_twin;
           i++) {
        foreign_twin =
            i != best && hits[i].t1 == hits[best].t1 &&
            (!*hits[i].lang || !strcmp(hits[i].lang, r->an->lang)) &&
            ng_entity_type_is_place(
                ng_gazetteer_entry(r->res->gaz, hits[i].entry).type);
      }
      if (!foreign_twin || !one_word_name_stands(r, t, &e, "")) {
        continue;
      }
    }
    NgMentionKind kind = NG_MENTION_NAME;
    switch (hits[best].kind) {
    case NG_LABEL_NAME: kind = NG_MENTION_NAME; break;
    case NG_LABEL_ACRONYM: kind = NG_MENTION_ACRONYM; break;
    case NG_LABEL_DEMONYM: kind = NG_MENTION_DEMONYM; break;
    case NG_LABEL_STATE_FORM: break; /* never matched in text */
    }
    size_t f0 = kind == NG_MENTION_NAME && ng_entity_type_is_place(e.type)
                  ? feature_start(r, t)
                  : SIZE_MAX;
    size_t sfx = 0;
    int32_t part = -1; /* the region the adjective names, if known */
    if (kind == NG_MENTION_NAME && hits[best].t1 < r->n &&
        r->tok[hits[best].t1].sent == r->tok[t].sent &&
        !r->covered[hits[best].t1]) {
      const NgLexEntry *se = NULL, *he = NULL;
      sfx = match_class(r, "place_suffix", hits[best].t1, &se);
      NgEntityType ht;
      if (sfx && se->value && !strcmp(se->value, "head") &&
          match_class(r, "place_head", hits[best].t1, &he) == sfx &&
          ng_entity_type_parse(he->value, &ht) == NG_SUCCESS && ht == e.type) {
        sfx = 0; /* "Herat province": the entry keep_head_type kept */
      }
      /* "la Suisse romande", "l'Europe occidentale": a region. */
      const NgLexEntry *ra = NULL;
      if (!sfx && ng_entity_type_is_place(e.type) &&
          !(r->tok[hits[best].t1].flags & NG_TOK_CAP)) {
        sfx = match_class(r, "region_adjective", hits[best].t1, &ra);
        part = sfx ? region_part(r, ra, &e) : -1;
      }
    }
    if (part >= 0) {
      NgGazEntry pe = ng_gazetteer_entry(r->res->gaz, (uint32_t)part);
      NgMention *m = add(r, t, hits[best].t1 + sfx, NG_MENTION_NAME, pe.type);
      if (!m) {
        return NG_ERR_NOMEM;
      }
      link_to(m, part, 0.8);
      t = hits[best].t1 + sfx - 1;
      continue;
    }
    if (f0 != SIZE_MAX || sfx) {
      /* "le golfe de Guinée", "Lake Chad", "Kansas City", "Jackson
       * County", "292, rue Saint-Martin": another place, unlinked. */
      const NgLexEntry *fe = NULL;
      if (f0 != SIZE_MAX && match_class(r, "feature_head", f0, &fe) &&
          !strcmp(fe->value, "street")) {
        f0 = house_number_before(r, f0);
      }
      if (!add(r, f0 != SIZE_MAX ? f0 : t, hits[best].t1 + sfx,
               NG_MENTION_NAME, NG_ENT_PLACE)) {
        return NG_ERR_NOMEM;
      }
      t = hits[best].t1 + sfx - 1;
      continue;
    }
    if (bare_subregion(r, t, hits[best].t1, &e)) {
      /* "Mantoue": the town, which the gazetteer may not have */
      if (!add(r, t, hits[best].t1, NG_MENTION_NAME, NG_ENT_PLACE)) {
        return NG_ERR_NOMEM;
      }
      continue;
    }
    NgMention *m = add(r, t, hits[best].t1, kind, e.type);
    if (!m) {
      return NG_ERR_NOMEM;
    }
    /* a person of the gazetteer named in full: the surname alone is the
     * person later ("Keir Starmer ... Starmer said") */
    if (e.type == NG_ENT_PERSON && kind == NG_MENTION_NAME &&
        hits[best].t1 > t + 1 && note_surname(r, hits[best].t1)) {
      return NG_ERR_NOMEM;
    }
    m->gaz = (int32_t)hits[best].entry;
    m->n_alt = (uint32_t)n_alt;
    if (ng_entity_type_is_place(e.type) && kind == NG_MENTION_NAME) {
      lead_place_noun(r, m);
    }
    m->link_conf = link_confidence(r, hits, nh, best, t);
    if (foreign_twin && m->link_conf > 0.55) {
      /* but a dateline names a town ("WASHINGTON (AP)") */
      bool town_only = e.type == NG_ENT_CITY && dateline_at(r, t);
      for (size_t i = 0; i < nh && town_only; i++) {
        town_only = i == best || hits[i].t1 != hits[best].t1 ||
                    ng_gazetteer_entry(r->res->gaz, hits[i].entry).type !=
                        NG_ENT_CITY;
      }
      m->link_conf = town_only ? 0.8 : 0.55;
    }
    t = hits[best].t1 - 1;
  }
  return NG_SUCCESS;
}

/* ---------------------------------------------------------------- 4 */

/* The major entry (major_entry) the part [b0, b1) of the word at t names
 * alone, the likeliest when several do, or -1. */
static int32_t
part_entry(const Rec *r, size_t t, uint32_t b0, uint32_t b1)
{
  const char *text = r->an->doc->text;
  NgBuf f;
  ng_buf_init(&f);
  ng_fold(text + b0, b1 - b0, &f);
  if (f.failed || !f.len) {
    ng_buf_free(&f);
    return -1;
  }
  size_t len, letters = 0, upper = 0;
  for (uint32_t b = b0; b < b1; b += (uint32_t)len) {
    uint32_t cp = ng_utf8_decode(text + b, b1 - b, &len);
    letters += ng_cp_is_letter(cp);
    upper += ng_cp_is_letter(cp) && ng_cp_is_upper(cp);
  }
  NgGazMatch hits[8];
  size_t nh = word_hits(r, t, text, b0, b1, f.data,
                        NG_TOK_ALPHA | NG_TOK_CAP |
                          (upper == letters && letters >= 2 ? NG_TOK_UPPER : 0),
                        hits, NG_COUNTOF(hits));
  nh = ng_gazetteer_keep_existing(r->res->gaz, ng_date_year(&r->an->doc->date),
                                  hits, nh);
  ng_buf_free(&f);
  int32_t best = -1;
  for (size_t i = 0; i < nh; i++) {
    NgGazEntry e = ng_gazetteer_entry(r->res->gaz, hits[i].entry);
    if (!major_entry(&e) || hits[i].kind == NG_LABEL_DEMONYM) {
      continue;
    }
    if (best >= 0) {
      NgGazEntry b = ng_gazetteer_entry(r->res->gaz, (uint32_t)best);
      if (type_rank(e.type) < type_rank(b.type) ||
          (type_rank(e.type) == type_rank(b.type) && e.prior <= b.prior)) {
        continue;
      }
    }
    best = (int32_t)hits[i].entry;
  }
  return best;
}

/* Whether the word at t relates the names its hyphens join: next to a
 * noun of relation ("la guerre Russie-Ukraine", "le sommet UE-Chine", "the
 * US-China talks"; lexicon class relation_noun), or opening a line before
 * a colon ("Algérie-France : ..."); not a state's name
 * ("l'Autriche-Hongrie"). */
static bool
relates_names(const Rec *r, size_t t)
{
  if ((r->tok[t].flags & NG_TOK_LINE_START) && t + 1 < r->n &&
      !strcmp(r->tok[t + 1].norm, ":")) {
    return true;
  }
  return (t > 0 && r->tok[t - 1].sent == r->tok[t].sent &&
          in_class(r, "relation_noun", t - 1)) ||
         (t + 1 < r->n && r->tok[t + 1].sent == r->tok[t].sent &&
          in_class(r, "relation_noun", t + 1));
}

/* Names joined by hyphens in one word that relates them (relates_names),
 * each a major entry of its own: "Algérie-France", "la guerre
 * Russie-Ukraine", "le sommet UE-Chine", "le rallye Paris-Dakar". Each
 * part is a mention of its entry; a word with a part that is none is
 * left. */
static NgStatus
pass_hyphen_pairs(Rec *r)
{
  enum { MAX_PARTS = 4 };
  for (size_t t = 0; r->res->gaz && t < r->n; t++) {
    const NgToken *tk = &r->tok[t];
    if (r->covered[t] || !is_cap(tk) || !strchr(tk->norm, '-') ||
        !relates_names(r, t)) {
      continue;
    }
    const char *text = r->an->doc->text;
    uint32_t b0[MAX_PARTS], b1[MAX_PARTS], c0[MAX_PARTS], c1[MAX_PARTS];
    int32_t entry[MAX_PARTS];
    size_t n = 0, len;
    bool ok = true;
    uint32_t pb = tk->b0, pc = tk->c0, c = tk->c0;
    for (uint32_t b = tk->b0; ok && b <= tk->b1; c++) {
      uint32_t cp = b < tk->b1 ? ng_utf8_decode(text + b, tk->b1 - b, &len) : 0;
      if (b == tk->b1 || cp == '-') {
        ok = n < MAX_PARTS && b > pb &&
             (entry[n] = part_entry(r, t, pb, b)) >= 0;
        if (ok) {
          b0[n] = pb, b1[n] = b, c0[n] = pc, c1[n] = c;
          n++;
        }
        pb = b + 1;
        pc = c + 1;
      }
      if (b == tk->b1) {
        break;
      }
      b += (uint32_t)len;
    }
    if (!ok || n < 2) {
      continue;
    }
    for (size_t i = 0; i < n; i++) {
      NgGazEntry e = ng_gazetteer_entry(r->res->gaz, (uint32_t)entry[i]);
      NgMention *m = add(r, t, t + 1, NG_MENTION_NAME, e.type);
      if (!m) {
        return NG_ERR_NOMEM;
      }
      m->b0 = b0[i];
      m->b1 = b1[i];
      m->c0 = c0[i];
      m->c1 = c1[i];
      link_to(m, entry[i], 0.8);
    }
  }
  return NG_SUCCESS;
}

/* Whether the word at t is a name made an adjective by a hyphen and a
 * suffix (class name_suffix: "California-based", "Shanghai-listed"). */
static bool
suffixed_adjective(const Rec *r, size_t t)
{
  const char *dash = strrchr(r->tok[t].norm, '-');
  return dash && dash != r->tok[t].norm &&
         ng_lexicon_get(r->res->lex, "name_suffix", dash + 1, r->an->lang);
}

/* A name before a hyphen and a word that makes an adjective of it
 * (lexicon class name_suffix: "California-based", "Kremlin-backed",
 * "Paris-born"): the name, a mention of its entry, within the word. */
static NgStatus
pass_suffixed_names(Rec *r)
{
  const char *text = r->an->doc->text;
  for (size_t t = 0; r->res->gaz && t < r->n; t++) {
    const NgToken *tk = &r->tok[t];
    if (r->covered[t] || !is_cap(tk) || !suffixed_adjective(r, t)) {
      continue;
    }
    /* the last hyphen of the text's word, and the characters before it */
    uint32_t b = tk->b0, c = tk->c0, cp = tk->c0;
    size_t len;
    for (uint32_t p = tk->b0; p < tk->b1; p += (uint32_t)len, cp++) {
      if (ng_utf8_decode(text + p, tk->b1 - p, &len) == '-') {
        b = p;
        c = cp;
      }
    }
    int32_t entry = b > tk->b0 ? part_entry(r, t, tk->b0, b) : -1;
    if (entry < 0) {
      continue;
    }
    NgGazEntry e = ng_gazetteer_entry(r->res->gaz, (uint32_t)entry);
    NgMention *m = add(r, t, t + 1, NG_MENTION_NAME, e.type);
    if (!m) {
      return NG_ERR_NOMEM;
    }
    m->b1 = b;
    m->c1 = c;
    link_to(m, entry, 0.8);
  }
  return NG_SUCCESS;
}

/* The land beyond a name, after a prefix and a hyphen (lexicon class
 * beyond_prefix: "la presse d'outre-Manche", "outre-Atlantique",
 * "outre-Rhin"): a place, unlinked; it is not the place it names
 * ("outre-Manche" is not the Manche). In lower case after the hyphen it
 * is a word ("outre-mer"). */
static NgStatus
pass_beyond_places(Rec *r)
{
  const char *text = r->an->doc->text;
  for (size_t t = 0; t < r->n; t++) {
    const NgToken *tk = &r->tok[t];
    const char *dash = strchr(tk->norm, '-');
    char prefix[16];
    size_t n = dash ? (size_t)(dash - tk->norm) : 0;
    if (r->covered[t] || !n || n >= sizeof prefix) {
      continue;
    }
    memcpy(prefix, tk->norm, n);
    prefix[n] = '\0';
    if (!ng_lexicon_get(r->res->lex, "beyond_prefix", prefix, r->an->lang)) {
      continue;
    }
    const char *h = memchr(text + tk->b0, '-', tk->b1 - tk->b0);
    size_t len;
    if (!h || h + 1 >= text + tk->b1 ||
        !ng_cp_is_upper(ng_utf8_decode(h + 1, (size_t)(text + tk->b1 - h - 1),
                                       &len))) {
      continue;
    }
    if (!add(r, t, t + 1, NG_MENTION_NAME, NG_ENT_PLACE)) {
      return NG_ERR_NOMEM;
    }
  }
  return NG_SUCCESS;
}

/* A newspaper, a magazine or a channel named after a noun that says so
 * (lexicon class media_noun: "le quotidien Le Monde", "l'hebdomadaire
 * Jeune Afrique", "the newspaper The Guardian", "la chaîne France 24"),
 * or a company after a noun of its trade (company_noun: "le constructeur
 * Renault", "chipmaker Nvidia", "le géant pétrolier TotalEnergies"), a
 * demonym or an adjective allowed between ("le quotidien britannique The
 * Guardian"): an organisation, its article and a number after it
 * included. Before the gazetteer, whose names such titles take ("Le
 * Monde", "Afrique"). */
static NgStatus
pass_media_names(Rec *r)
{
  for (size_t t = 0; t + 1 < r->n; t++) {
    size_t k = match_class(r, "media_noun", t, NULL);
    bool trade = false;
    if (!k) {
      k = match_class(r, "company_noun", t, NULL);
      trade = k > 0;
    }
    /* in lower case; a noun of trade may open a sentence ("Chipmaker
     * Nvidia said"), or what follows a dateline's dash ("(Reuters) -
     * Shares of Nvidia fell") */
    if (!k || r->covered[t] ||
        ((r->tok[t].flags & NG_TOK_CAP) &&
         !(trade && ((r->tok[t].flags & NG_TOK_SENT_START) ||
                     (t > 0 && dash_at(r, t - 1)))))) {
      continue;
    }
    uint32_t sent = r->tok[t].sent;
    size_t s = t + k;
    if (s + 1 < r->n && r->tok[s].sent == sent && !is_cap(&r->tok[s]) &&
        is_word(&r->tok[s]) && !in_class(r, "stopword", s) &&
        (demonym_in(r, s, true) || adjective_like(r, s) ||
         (trade && lower_words_in_names(r) &&
          !ends_as(r, s, "verb_ending")))) {
      s++; /* "le quotidien britannique The Guardian", "le constructeur
            * automobile Stellantis" */
    }
    /* a trade's complement: "le fabricant de puces Nvidia", "le géant du
     * luxe LVMH" */
    if (trade && s + 2 < r->n && link_word(r, s) && !is_cap(&r->tok[s]) &&
        r->tok[s + 1].sent == sent && is_word(&r->tok[s + 1]) &&
        !is_cap(&r->tok[s + 1]) && !in_class(r, "stopword", s + 1) &&
        !link_word(r, s + 1) && is_cap(&r->tok[s + 2])) {
      s += 2;
    }
    if (s >= r->n || r->tok[s].sent != sent || r->covered[s]) {
      continue;
    }
    size_t n0 = s;
    if (is_cap(&r->tok[s]) && in_class(r, "definite", s)) {
      n0++; /* "Le Monde", "The Guardian" */
    }
    if (n0 >= r->n || r->tok[n0].sent != sent || !name_token(r, n0) ||
        suffixed_adjective(r, n0)) {
      continue; /* not "shares of Shanghai-listed producers" */
    }
    size_t end = name_run(r, n0, 4);
    if (end == n0) {
      continue; /* an initial ("X."), no name */
    }
    if (end < r->n && r->tok[end].sent == sent &&
        (r->tok[end].flags & NG_TOK_NUMBER) &&
        !(end + 1 < r->n && in_class(r, "month", end + 1))) {
      end++; /* "France 24" */
    }
    if (!add(r, s, end, NG_MENTION_NAME, NG_ENT_ORGANIZATION)) {
      return NG_ERR_NOMEM;
    }
    t = end - 1;
  }
  return NG_SUCCESS;
}

static NgStatus
pass_place_heads(Rec *r)
{
  for (size_t t = 0; t + 1 < r->n; t++) {
    const NgLexEntry *e = NULL;
    size_t k = match_class(r, "place_head", t, &e);
    /* A natural feature or a street ("le lac Kivu", "rue Richer") is a
     * place of its own: the noun is part of its name. */
    bool feature = false;
    const NgLexEntry *fe = NULL;
    if (!k) {
      k = match_class(r, "feature_head", t, &fe);
      feature = k > 0;
    }
    /* in lower case, as French writes them ("le lac Kivu"), or
     * capitalised as the lexicon writes them, as English does ("Lake
     * Kivu", "Port Mahon") */
    if (!k || t + k >= r->n ||
        ((r->tok[t].flags & NG_TOK_CAP) &&
         !capitalised_form(feature ? fe : e)) ||
        !free_range(r, t, t + k)) {
      continue;
    }
    size_t s = t + k;
    /* "la région MENA", "la province de Kénitra", "rue de la Paix". */
    for (int links = 0; links < 2 && link_word(r, s) && s + 1 < r->n &&
                        !r->covered[s];
         links++) {
      s++;
    }
    if (s >= r->n || !is_cap(&r->tok[s]) || in_class(r, "weekday", s) ||
        in_class(r, "month", s)) {
      continue; /* not "Herat province on Sunday" */
    }
    size_t end = name_run(r, s, 3);
    if (end == s || names_a_body(r, s, end)) {
      continue; /* not "Port Authority", "a state Senate vote" */
    }
    NgEntityType type = NG_ENT_PLACE;
    if (!feature && ng_entity_type_parse(e->value, &type) != NG_SUCCESS) {
      type = NG_ENT_PLACE;
    }
    size_t start = feature ? t : s;
    if (feature && !strcmp(fe->value, "street")) {
      start = house_number_before(r, t);
    }
    if (!add(r, start, end, NG_MENTION_NAME, type)) {
      return NG_ERR_NOMEM;
    }
    t = end - 1;
  }
  return NG_SUCCESS;
}

/* ---------------------------------------------------------------- 5 */

/* Acronym parts of an upper-case token: "DGSN-DGST" -> DGSN, DGST. */
typedef struct {
  uint32_t b0, b1, c0, c1;
} Part;

static size_t
acronym_parts(const Rec *r, size_t t, Part *parts, size_t max)
{
  const NgToken *tk = &r->tok[t];
  if (!(tk->flags & NG_TOK_UPPER) || (tk->flags & NG_TOK_DIGIT)) {
    return 0;
  }
  const char *text = r->an->doc->text;
  size_t n = 0;
  uint32_t b = tk->b0, c = tk->c0, pb = b, pc = c;
  while (b <= tk->b1) {
    size_t len = 1;
    uint32_t cp = b < tk->b1 ? ng_utf8_decode(text + b, tk->b1 - b, &len) : 0;
    if (b == tk->b1 || ng_cp_is_dash(cp)) {
      if (b - pb >= 2 && n < max) {
        parts[n++] = (Part){pb, b, pc, c};
      } else if (b - pb < 2) {
        return 0;
      }
      pb = b + (uint32_t)len;
      pc = c + 1;
    } else if (!ng_cp_is_letter(cp) || !ng_cp_is_upper(cp)) {
      return 0;
    }
    if (b == tk->b1) {
      break;
    }
    b += (uint32_t)len;
    c++;
  }
  return n;
}

/* Initial letter (folded ASCII) of a token. */
static char
initial(const NgToken *t)
{
  return t->norm[0];
}

/* Whether the word at w counts for a name's initials: not a function
 * word, a link ("de", "of") or an elision. */
static bool
content_word(const Rec *r, size_t w)
{
  return is_word(&r->tok[w]) && !in_class(r, "stopword", w) &&
         !link_word(r, w) && !(r->tok[w].flags & NG_TOK_ELISION);
}

/* Whether the function word at w gives the next letter @p c of an
 * acronym: it has that initial and the next content word before w1 has
 * not ("Médecins sans frontières (MSF)", "Department of Defense (DoD)";
 * but "Food and Agriculture Organization (FAO)" skips "and"). */
static bool
function_word_initial(const Rec *r, size_t w, size_t w1, char c)
{
  if (!is_word(&r->tok[w]) || (r->tok[w].flags & NG_TOK_ELISION) ||
      initial(&r->tok[w]) != c) {
    return false;
  }
  size_t k = w + 1;
  while (k < w1 && !content_word(r, k)) {
    k++;
  }
  return k == w1 || initial(&r->tok[k]) != c;
}

/* Match the letters of @p acr (upper-case ASCII after folding) against the
 * initials of the content words in [w0, w1) taken in order; returns the
 * number of words consumed, or 0 when they do not match. Function words
 * (stopwords, np_link, elisions) are skipped, unless one gives a letter
 * the next content word does not (function_word_initial). */
static size_t
match_initials(const Rec *r, const char *acr, size_t len, size_t w0,
               size_t w1, size_t *words_out, size_t max_words)
{
  size_t i = 0, w = w0, nw = 0;
  while (i < len && w < w1) {
    const NgToken *tk = &r->tok[w];
    if (!content_word(r, w) && !function_word_initial(r, w, w1, acr[i])) {
      w++;
      continue;
    }
    if (initial(tk) != acr[i]) {
      return 0;
    }
    if (nw < max_words) {
      words_out[nw] = w;
    }
    nw++;
    i++;
    w++;
  }
  return i == len ? nw : 0;
}

static void
fold_part(const Rec *r, const Part *p, char *out, size_t size)
{
  NgBuf b;
  ng_buf_init(&b);
  ng_fold(r->an->doc->text + p->b0, p->b1 - p->b0, &b);
  snprintf(out, size, "%s", b.data ? b.data : "");
  ng_buf_free(&b);
}

/* Does the phrase [w0, w1) contain a word of class gov_word? */
static bool
has_gov_word(const Rec *r, size_t w0, size_t w1)
{
  for (size_t w = w0; w < w1; w++) {
    if (match_class(r, "gov_word", w, NULL)) {
      return true;
    }
  }
  return false;
}

/* Whether the long form [w0, w1) is a term, not a body's name: no word
 * of it capitalised and no organisation noun or head's title first
 * ("produit intérieur brut", "gross domestic product"; but "la direction
 * générale de la sécurité intérieure", as some papers write bodies, and
 * "directeur général de la sûreté nationale (DGSN)" name one). */
static bool
term_long_form(const Rec *r, size_t w0, size_t w1)
{
  for (size_t w = w0; w < w1; w++) {
    if (is_cap(&r->tok[w])) {
      return false;
    }
  }
  return !match_class(r, "org_head", w0, NULL) &&
         !match_class(r, "lower_org_head", w0, NULL) &&
         !match_class(r, "title_org", w0, NULL);
}

/* One attempt of find_expansion with @p prefix shared letters. */
static bool
try_expansion(const Rec *r, size_t t, char acr[][16], size_t np,
              size_t prefix, size_t *x0, size_t *p1, size_t *x1)
{
  size_t total = prefix;
  for (size_t i = 0; i < np; i++) {
    total += strlen(acr[i]) - prefix;
  }
  size_t end = t - 1;
  uint32_t sent = r->tok[t].sent;
  size_t lo = end > 3 * total + 8 ? end - (3 * total + 8) : 0;
  for (size_t s = lo; s < end; s++) {
    if (r->tok[s].sent != sent || !is_word(&r->tok[s]) ||
        in_class(r, "stopword", s) || link_word(r, s)) {
      continue;
    }
    size_t words[32];
    size_t w = s;
    bool ok = true;
    if (prefix) {
      char pre[16];
      memcpy(pre, acr[0], prefix);
      pre[prefix] = '\0';
      size_t used = match_initials(r, pre, prefix, w, end, words, 32);
      ok = used > 0 && used <= 32;
      if (ok) {
        w = words[used - 1] + 1;
      }
    }
    *p1 = w;
    for (size_t i = 0; ok && i < np; i++) {
      const char *rest = acr[i] + prefix;
      size_t k = match_initials(r, rest, strlen(rest), w, end, words, 32);
      ok = k > 0 && k <= 32;
      if (ok) {
        w = words[k - 1] + 1;
        x1[i] = w;
      }
    }
    /* The long form must reach the parenthesis (function words aside). */
    for (size_t k = w; ok && k < end; k++) {
      ok = !is_word(&r->tok[k]) || link_word(r, k) ||
           in_class(r, "stopword", k);
    }
    if (ok) {
      *x0 = s;
      return true;
    }
  }
  return false;
}

/* Expansion of the acronym parts of token t that sits in parentheses
 * after its long form: "... de la sûreté nationale et de la surveillance du
 * territoire (DGSN-DGST)". With several parts, their common prefix ("DG")
 * is matched first, then each part's remainder against the next words:
 * the coordinated long form. On a match, *x0 is the first word of the long
 * form, *p1 the end of the shared prefix words, and x1[i] the end of part
 * i's words. */
static bool
find_expansion(const Rec *r, size_t t, const Part *parts, size_t np,
               size_t *x0, size_t *p1, size_t *x1)
{
  if (t < 2 || r->tok[t - 1].norm[0] != '(') {
    return false;
  }
  char acr[8][16];
  for (size_t i = 0; i < np; i++) {
    fold_part(r, &parts[i], acr[i], sizeof acr[i]);
  }
  size_t lcp = 0;
  if (np > 1) {
    while (acr[0][lcp]) {
      bool same = true;
      for (size_t i = 1; i < np; i++) {
        same = same && acr[i][lcp] == acr[0][lcp];
      }
      if (!same) {
        break;
      }
      lcp++;
    }
  }
  /* The shared letters may belong to the coordinated words too ("DGSN-DGST"
   * shares "DGS" but its long form shares "DG"): try the longest prefix
   * first. */
  for (size_t prefix = lcp + 1; prefix-- > 0;) {
    if (try_expansion(r, t, acr, np, prefix, x0, p1, x1)) {
      return true;
    }
  }
  return false;
}

/* The gazetteer name mention that ends at token t1 and starts at or
 * after x0, or NULL. */
static const NgMention *
gaz_mention_ending(const Rec *r, size_t x0, size_t t1)
{
  const NgAnalysis *an = r->an;
  if (t1 == 0 || t1 > r->n || !r->covered[t1 - 1]) {
    return NULL; /* every mention covers its tokens */
  }
  for (size_t i = an->n_mentions; i-- > 0;) {
    const NgMention *m = &an->mentions[i];
    if (m->t1 == t1 && m->t0 >= x0 && m->gaz >= 0 &&
        m->kind == NG_MENTION_NAME) {
      return m;
    }
  }
  return NULL;
}

/* Whether the letters of @p acr (folded) are, in order, initials of the
 * words of [t0, t1), the first word's first ("cedeao": Communauté
 * économique des États de l'Afrique de l'Ouest; "otan": Organisation du
 * traité de l'Atlantique nord). */
static bool
initials_spell(const Rec *r, size_t t0, size_t t1, const char *acr)
{
  if (!*acr || initial(&r->tok[t0]) != *acr) {
    return false;
  }
  for (size_t w = t0; w < t1 && *acr; w++) {
    if (is_word(&r->tok[w]) && initial(&r->tok[w]) == *acr) {
      acr++;
    }
  }
  return !*acr;
}

/* Whether the acronym part @p p, at t in parentheses, follows two
 * capitalised words or more that have its letters for initials, some
 * words skipped ("Integrated Food Security Phase Classification (IPC)"):
 * a long form the text defines, which find_expansion, letter for word,
 * does not see. */
static bool
spelled_before(const Rec *r, size_t t, const Part *p)
{
  if (t < 3 || strcmp(r->tok[t - 1].norm, "(") || t + 1 >= r->n ||
      strcmp(r->tok[t + 1].norm, ")")) {
    return false;
  }
  char acr[16];
  fold_part(r, p, acr, sizeof acr);
  size_t s = t - 1;
  while (s > 0 && t - 1 - s < MAX_ORG && r->tok[s - 1].sent == r->tok[t].sent &&
         (is_cap(&r->tok[s - 1]) ||
          (s > 1 && link_word(r, s - 1) && is_cap(&r->tok[s - 2])))) {
    s--;
    if (s + 1 < t - 1 && is_cap(&r->tok[s]) &&
        initials_spell(r, s, t - 1, acr)) {
      return true;
    }
  }
  return false;
}

/* An acronym in parentheses after its long form ("Agence nationale des
 * routes (ANR)") is the entry the gazetteer knows only when the long form
 * names that entry too; otherwise the text defines another body that
 * shares the letters, and the acronym pass takes it unlinked.
 * (Defined here, after the acronym helpers it uses.) */
static bool
expansion_agrees(const Rec *r, size_t t, size_t t1, uint32_t entry)
{
  if (t == 0 || t1 >= r->n || strcmp(r->tok[t - 1].norm, "(") ||
      strcmp(r->tok[t1].norm, ")") || r->tok[t - 1].sent != r->tok[t].sent) {
    return true;
  }
  const NgMention *m = gaz_mention_ending(r, 0, t - 1);
  if (m) {
    return m->gaz == (int32_t)entry;
  }
  /* No name right before: does the text spell the letters out (a long
   * form the gazetteer does not know), or is it a credit ("(AFP)")? */
  Part parts[8];
  size_t np = acronym_parts(r, t, parts, NG_COUNTOF(parts));
  size_t x0, p1, x1[8];
  if (np && find_expansion(r, t, parts, np, &x0, &p1, x1)) {
    return false;
  }
  return !(np == 1 && spelled_before(r, t, &parts[0]));
}

/* The long form of acronym part i as a name: the shared prefix with a
 * title turned into its organisation noun ("directeur général" ->
 * "direction générale"), then the part's own words, without a leading
 * coordinator ("et"). Arena string, or NULL. */
static const char *
expansion_label(Rec *r, size_t x0, size_t p1, const size_t *x1, size_t i)
{
  NgBuf b;
  ng_buf_init(&b);
  size_t w = x0;
  const NgLexEntry *te;
  size_t k = match_class(r, "title_org", w, &te);
  if (k && w + k <= (p1 > x0 ? p1 : x1[0])) {
    ng_buf_puts(&b, te->value);
    w += k;
  }
  size_t stop = p1 > x0 ? p1 : w;
  if (w < stop) {
    if (b.len) {
      ng_buf_putc(&b, ' ');
    }
    ng_buf_append(&b, r->an->doc->text + r->tok[w].b0,
                  r->tok[stop - 1].b1 - r->tok[w].b0);
  }
  size_t own0 = i == 0 ? (p1 > x0 ? p1 : w) : x1[i - 1];
  while (own0 < x1[i] && in_class(r, "coordinator", own0)) {
    own0++;
  }
  if (own0 < x1[i]) {
    if (b.len) {
      ng_buf_putc(&b, ' ');
    }
    ng_buf_append(&b, r->an->doc->text + r->tok[own0].b0,
                  r->tok[x1[i] - 1].b1 - r->tok[own0].b0);
  }
  const char *out = NULL;
  if (!b.failed && b.len) {
    /* Capitalise the first letter: it names an organisation. */
    size_t len;
    uint32_t cp = ng_utf8_decode(b.data, b.len, &len);
    char enc[4];
    size_t el = ng_utf8_encode(ng_cp_upper(cp), enc);
    char *d = ng_arena_alloc(r->an->arena, b.len - len + el + 1);
    if (d) {
      memcpy(d, enc, el);
      memcpy(d + el, b.data + len, b.len - len);
      out = d;
    }
  }
  ng_buf_free(&b);
  return out;
}

static bool
acronym_has_determiner(const Rec *r, size_t t)
{
  /* Not in a headline in capitals ("LA LOI SUR LES LOYERS"), where the
   * determiner is in capitals too and every word looks like an acronym. */
  return t > 0 && r->tok[t - 1].sent == r->tok[t].sent &&
         in_class(r, "acronym_det", t - 1) &&
         !(r->tok[t - 1].flags & NG_TOK_UPPER) && !upper_word(r, t + 1, t) &&
         !(r->tok[t - 1].c1 - r->tok[t - 1].c0 == 1 &&
           (r->tok[t - 1].flags & NG_TOK_CAP) && t >= 2 &&
           upper_word(r, t - 2, t));
}

/* An acronym in parentheses right after a gazetteer name that starts
 * with its first letter ("... de l'Afrique de l'Ouest (CEDEAO)", whose
 * initials skip and keep function words as the language likes): that
 * name's mention, or NULL. */
static const NgMention *
parenthesised_after_name(const Rec *r, size_t t, const Part *p)
{
  if (t < 2 || strcmp(r->tok[t - 1].norm, "(") ||
      t + 1 >= r->n || strcmp(r->tok[t + 1].norm, ")")) {
    return NULL;
  }
  const NgMention *m = gaz_mention_ending(r, 0, t - 1);
  if (!m || m->t1 - m->t0 < 2 || !ng_entity_type_is_org(m->type)) {
    return NULL;
  }
  char acr[16];
  fold_part(r, p, acr, sizeof acr);
  return acr[0] && acr[0] == initial(&r->tok[m->t0]) ? m : NULL;
}

/* An acronym written as a word, as French agencies write those they
 * pronounce ("la Cédéao", "l'Otan"): a capitalised word of letters, three
 * to ten, in lower case after its first. The part it makes, or false. */
static bool
word_acronym(const Rec *r, size_t t, Part *p)
{
  const NgToken *tk = &r->tok[t];
  size_t n = tk->c1 - tk->c0;
  if (!is_cap(tk) || (tk->flags & (NG_TOK_UPPER | NG_TOK_DIGIT)) || n < 3 ||
      n > 10 || strlen(tk->norm) != n) {
    return false; /* the folded form has one letter a code point */
  }
  for (const char *c = tk->norm; *c; c++) {
    if (*c < 'a' || *c > 'z') {
      return false;
    }
  }
  *p = (Part){tk->b0, tk->b1, tk->c0, tk->c1};
  return true;
}

static int
cmp_size_desc(const void *a, const void *b)
{
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? 1 : x > y ? -1 : 0;
}

/* The initials of the content words of [t0, t1) (function words and
 * elisions left out: "dgsn" for "Direction générale de la sûreté
 * nationale") into @p out, NUL-terminated; their number, or 0 when there
 * are more than @p size - 1 or a word does not start with a letter. */
static size_t
content_initials(const Rec *r, size_t t0, size_t t1, char *out, size_t size)
{
  size_t n = 0;
  for (size_t w = t0; w < t1; w++) {
    if (!content_word(r, w)) {
      continue;
    }
    char c = initial(&r->tok[w]);
    if (n + 1 >= size || c < 'a' || c > 'z') {
      return 0;
    }
    out[n++] = c;
  }
  out[n] = '\0';
  return n;
}

/* An acronym the text uses without spelling it out, and a body's name
 * elsewhere in the document whose content words have its letters for
 * initials ("la DGSN" and "la Direction générale de la sûreté
 * nationale"): the name's head takes the acronym, the key resolve meets
 * them by, as for a long form given in brackets, and the acronym the
 * name's type; a name the gazetteer links gives the acronym its link ("le
 * FMI" and "le Fonds monétaire international"). One look-up per name,
 * whatever the number of acronyms. */
static NgStatus
pass_acronym_long_forms(Rec *r)
{
  NgAnalysis *an = r->an;
  /* folded acronym of each body's acronym mention, or NULL */
  const char **keys = ng_calloc(an->n_mentions + 1, sizeof *keys);
  if (!keys) {
    return NG_ERR_NOMEM;
  }
  /* folded acronym -> its first mention; then -> the type of its body,
   * or the linked name that gives it its link */
  NgStrMap acr = {0}, kind = {0}, linked = {0};
  NgStatus st = NG_SUCCESS;
  for (size_t i = 0; i < an->n_mentions && !st; i++) {
    const NgMention *a = &an->mentions[i];
    if (a->kind != NG_MENTION_ACRONYM || !ng_entity_type_is_org(a->type)) {
      continue;
    }
    NgBuf f;
    ng_buf_init(&f);
    ng_fold(an->doc->text + a->b0, a->b1 - a->b0, &f);
    keys[i] = f.failed ? NULL
                       : ng_arena_strndup(an->arena, f.data ? f.data : "",
                                          f.len);
    ng_buf_free(&f);
    if (!keys[i]) {
      st = NG_ERR_NOMEM;
    } else if (ng_strmap_get(&acr, keys[i]) < 0) {
      st = ng_strmap_put(&acr, keys[i], (int32_t)i);
    }
  }
  /* An unlinked name meets only an unlinked acronym; a linked one, any
   * whose own link is less sure ("FMI", also a Finnish institute's). */
  for (size_t j = 0; j < an->n_mentions && !st && acr.count; j++) {
    NgMention *o = &an->mentions[j];
    char ini[16];
    size_t n_ini;
    if (o->kind != NG_MENTION_NAME || o->head ||
        !ng_entity_type_is_org(o->type) ||
        (n_ini = content_initials(r, o->t0, o->t1, ini, sizeof ini)) < 2) {
      continue;
    }
    int32_t a = ng_strmap_get(&acr, ini);
    if (a < 0 || (o->gaz < 0 && an->mentions[a].gaz >= 0)) {
      continue;
    }
    if (o->gaz >= 0) {
      /* a name the gazetteer links ("le Fonds monétaire international")
       * gives its link to the acronym ("le FMI"), of three letters or
       * more, wherever the document uses it */
      if (n_ini >= 3 && ng_strmap_get(&linked, keys[a]) < 0) {
        st = ng_strmap_put(&linked, keys[a], (int32_t)j);
      }
      continue;
    }
    const NgMention *am = &an->mentions[a];
    o->head = ng_arena_strndup(an->arena, an->doc->text + am->b0,
                               am->b1 - am->b0);
    if (!o->head) {
      st = NG_ERR_NOMEM;
    } else if (ng_strmap_get(&kind, keys[a]) < 0) {
      st = ng_strmap_put(&kind, keys[a], (int32_t)o->type);
    }
  }
  for (size_t i = 0; i < an->n_mentions && !st && kind.count; i++) {
    int32_t t = keys[i] ? ng_strmap_get(&kind, keys[i]) : -1;
    if (t >= 0) {
      an->mentions[i].type = (NgEntityType)t; /* the name says which kind */
    }
  }
  for (size_t i = 0; i < an->n_mentions && !st && linked.count; i++) {
    int32_t o = keys[i] ? ng_strmap_get(&linked, keys[i]) : -1;
    NgMention *m = &an->mentions[i];
    if (o >= 0 && (m->gaz < 0 || m->link_conf < 0.9)) {
      const NgMention *lm = &an->mentions[o];
      link_to(m, lm->gaz, lm->link_conf);
      m->type = lm->type;
    }
  }
  ng_strmap_free(&acr);
  ng_strmap_free(&kind);
  ng_strmap_free(&linked);
  ng_free(keys);
  return st;
}

/* Forget mention i (its tokens stay covered: the caller takes them). */
static void
remove_mention(Rec *r, size_t i)
{
  NgAnalysis *an = r->an;
  memmove(&an->mentions[i], &an->mentions[i + 1],
          (an->n_mentions - i - 1) * sizeof an->mentions[0]);
  an->n_mentions--;
}

/* Forget the @p n mentions of indices @p idx, sorted here highest first
 * so that the others stay put while they go. */
static void
remove_mentions(Rec *r, size_t *idx, size_t n)
{
  qsort(idx, n, sizeof idx[0], cmp_size_desc);
  for (size_t k = 0; k < n; k++) {
    remove_mention(r, idx[k]);
  }
}

/* The latest name mention that starts at token t, has no lead (no
 * honorific, no place noun) and a type @p kind accepts, or SIZE_MAX. */
static size_t
name_at(const Rec *r, size_t t, bool (*kind)(NgEntityType))
{
  const NgAnalysis *an = r->an;
  for (size_t i = an->n_mentions; i-- > 0;) {
    const NgMention *m = &an->mentions[i];
    if (m->t0 == t && m->kind == NG_MENTION_NAME && !m->led &&
        kind(m->type)) {
      return i;
    }
  }
  return SIZE_MAX;
}

/* The latest name mention that ends right before token t, has no lead
 * and a type @p kind accepts, or SIZE_MAX: name_at's other end. */
static size_t
name_ending_at(const Rec *r, size_t t, bool (*kind)(NgEntityType))
{
  const NgAnalysis *an = r->an;
  for (size_t i = an->n_mentions; i-- > 0;) {
    const NgMention *m = &an->mentions[i];
    if (m->t1 == t && m->kind == NG_MENTION_NAME && !m->led &&
        kind(m->type)) {
      return i;
    }
  }
  return SIZE_MAX;
}

/* The place name mention that starts at token t, or SIZE_MAX. */
static size_t
place_name_at(const Rec *r, size_t t)
{
  return name_at(r, t, ng_entity_type_is_place);
}

/* Whether tokens [t0, t1) may become one name: each is free, or in the
 * name of a place inside the range after its first word ("Alliance des
 * États du Sahel", "Radio France Internationale"); those places' mentions
 * go, when it may (the name takes their tokens). */
static bool
absorb_places(Rec *r, size_t t0, size_t t1)
{
  size_t places[4], n = 0;
  for (size_t t = t0; t < t1; t++) {
    if (!r->covered[t]) {
      continue;
    }
    size_t mi = t > t0 ? place_name_at(r, t) : SIZE_MAX;
    if (mi == SIZE_MAX || n == NG_COUNTOF(places) ||
        r->an->mentions[mi].t1 > t1) {
      return false;
    }
    places[n++] = mi;
    t = r->an->mentions[mi].t1 - 1;
  }
  remove_mentions(r, places, n);
  return true;
}

/* Whether the word at t is a link that says where ("à", "en"; class
 * np_link, VALUE place). */
static bool
place_link(const Rec *r, size_t t)
{
  const NgLexEntry *e =
    t < r->n ? ng_lexicon_get(r->res->lex, "np_link", r->tok[t].norm,
                              r->an->lang)
             : NULL;
  return e && e->value && !strcmp(e->value, "place") &&
         accents_agree(r, t, e->form);
}

/* Whether a mention of type @p t names a place or a person. */
static bool
place_or_person(NgEntityType t)
{
  return t == NG_ENT_PERSON || ng_entity_type_is_place(t);
}

/* Whether tokens [t0, t1) may become a venue's name: each is free, or in
 * the name of a place or a person that ends inside the range ("Stade de
 * France", "Kennedy Airport"); those mentions go when it may. */
static bool
absorb_names(Rec *r, size_t t0, size_t t1)
{
  size_t names[4], n = 0;
  for (size_t t = t0; t < t1; t++) {
    if (!r->covered[t]) {
      continue;
    }
    size_t mi = name_at(r, t, place_or_person);
    if (mi == SIZE_MAX || n == NG_COUNTOF(names) ||
        r->an->mentions[mi].t1 > t1) {
      return false;
    }
    names[n++] = mi;
    t = r->an->mentions[mi].t1 - 1;
  }
  remove_mentions(r, names, n);
  return true;
}

/* The start of the name before the noun at t that ends it, English
 * style: name tokens, saints' short words, names of places and persons
 * found before, and a possessive right before the noun ("Heathrow
 * Airport", "St Paul's Cathedral", "West Ham United"); up to six tokens.
 * t when there is none. */
static size_t
name_before_noun(const Rec *r, size_t t)
{
  uint32_t sent = r->tok[t].sent;
  size_t start = t;
  if (start > 1 && possessive(r, start - 1) &&
      r->tok[start - 2].sent == sent && is_cap(&r->tok[start - 2])) {
    start--;
  }
  size_t named = start;
  while (start > 0 && t - start < 6 && r->tok[start - 1].sent == sent) {
    if (name_token(r, start - 1) || short_word_at(r, start - 1)) {
      start--;
    } else if (r->covered[start - 1] && is_cap(&r->tok[start - 1])) {
      size_t mi = name_ending_at(r, start, place_or_person);
      if (mi == SIZE_MAX || t - r->an->mentions[mi].t0 > 6) {
        break;
      }
      start = r->an->mentions[mi].t0;
    } else {
      break;
    }
  }
  return start == named ? t : start;
}

/* A sports club named by a word after its town's name (clubs.tsv class
 * club_suffix: "Manchester United", "West Ham United", "Blackburn
 * Rovers", "Tottenham Hotspur"): an organisation, and the town in its
 * name is no mention. Not the start of a longer name ("United Nations"
 * has no name before it; "X United States" goes on). */
static NgStatus
pass_club_suffixes(Rec *r)
{
  for (size_t t = 1; t < r->n; t++) {
    size_t k = r->covered[t] || r->titled[t] || !is_cap(&r->tok[t])
                 ? 0
                 : match_class(r, "club_suffix", t, NULL);
    if (!k || (t + k < r->n && r->tok[t + k].sent == r->tok[t].sent &&
               name_token(r, t + k))) {
      continue;
    }
    size_t start = name_before_noun(r, t);
    if (start == t || !absorb_names(r, start, t + k)) {
      continue;
    }
    if (!add(r, start, t + k, NG_MENTION_NAME, NG_ENT_ORGANIZATION)) {
      return NG_ERR_NOMEM;
    }
    t += k - 1;
  }
  return NG_SUCCESS;
}

/* A building or a venue named with its noun (lexicon class venue_head) is
 * a place of its own, and a place or a person named in its name is not
 * what the text speaks of: "le Stade de France" is no mention of France,
 * "la gare Saint-Lazare" no town, "Wembley Stadium", "Heathrow Airport",
 * "the Palace of Westminster" are places, unlinked. The noun comes first
 * in French, in lower case or capitalised ("l'aéroport Charles-de-Gaulle",
 * "le Palais de Buckingham"), and last in English ("Buckingham Palace"),
 * where it comes first only before "of". A noun in lower case, "de" and a
 * place the gazetteer knows say where the building is ("l'hôpital de
 * Dreux", "l'aéroport de Roissy"): the town stays, no venue is made. */
static NgStatus
pass_venues(Rec *r)
{
  for (size_t t = 0; t < r->n; t++) {
    const NgLexEntry *e;
    size_t k = r->covered[t] || r->titled[t]
                 ? 0
                 : match_class(r, "venue_head", t, &e);
    bool cap = k && is_cap(&r->tok[t]);
    /* the lexicon writes English heads capitalised: only so they count */
    bool last = k && capitalised_form(e);
    if (!k || (last && !cap) ||
        ((r->tok[t].flags & NG_TOK_UPPER) && shouted(r, t))) {
      continue;
    }
    uint32_t sent = r->tok[t].sent;
    size_t start = t, end = t + k;
    if (last) {
      /* "Heathrow Airport", "St Paul's Cathedral", "Tokyo Station" */
      start = name_before_noun(r, t);
      if (start < t && name_token(r, end) && r->tok[end].sent == sent) {
        continue; /* the noun ends the name: not "Eastern Theater Command" */
      }
    }
    if (start == t) {
      /* capitalised words before a capitalised noun are the name's ("le
       * Grand Théâtre", "le Petit Palais") */
      size_t pre = t;
      while (cap && !last && pre > 0 && t - pre < 2 &&
             r->tok[pre - 1].sent == sent && name_token(r, pre - 1) &&
             !(r->tok[pre - 1].flags & NG_TOK_SENT_START)) {
        pre--;
      }
      /* the noun first: its links ("de la", "of the"), then the name */
      size_t s = end;
      int links = 0;
      for (; links < 2 && link_word(r, s) && s + 1 < r->n &&
             r->tok[s + 1].sent == sent;
           links++) {
        s++;
      }
      size_t named_end = s; /* none yet */
      if ((last && !links) || s >= r->n || r->tok[s].sent != sent ||
          in_class(r, "weekday", s) || in_class(r, "month", s)) {
        /* no name after the noun */
      } else if (!is_cap(&r->tok[s])) {
        /* a capitalised noun is a name's with a complement in lower case
         * ("le Palais des festivals", "le Palais de justice") */
        if (cap && !last && links && !place_link(r, end) &&
            !r->covered[s] && is_word(&r->tok[s]) &&
            !in_class(r, "stopword", s) &&
            !(r->tok[t].flags & NG_TOK_SENT_START)) {
          named_end = s + 1; /* not "l'Opéra à payer" */
        }
      } else if (r->covered[s]) {
        size_t mi = name_at(r, s, place_or_person);
        if (mi == SIZE_MAX || (!cap && links && r->an->mentions[mi].gaz >= 0 &&
                               r->an->mentions[mi].type != NG_ENT_PERSON)) {
          continue; /* "l'hôpital de Dreux": the town says where */
        }
        named_end = r->an->mentions[mi].t1;
      } else {
        named_end = name_run(r, s, 3);
        /* not into another venue's noun ("le Grand Théâtre Lumière du
         * Palais des festivals") */
        for (size_t w = s + 1; w < named_end; w++) {
          if (in_class(r, "venue_head", w)) {
            named_end = w;
            while (named_end > s + 1 && !is_cap(&r->tok[named_end - 1])) {
              named_end--; /* "du" */
            }
            break;
          }
        }
      }
      if (named_end > s) {
        end = named_end;
      } else if (pre == t) {
        continue; /* a noun alone */
      }
      start = pre;
    }
    if (!absorb_names(r, start, end)) {
      continue;
    }
    if (!add(r, start, end, NG_MENTION_NAME, NG_ENT_PLACE)) {
      return NG_ERR_NOMEM;
    }
    t = end - 1;
  }
  return NG_SUCCESS;
}

/* What a name before a body's head may hold of another mention: a
 * one-token demonym ("American Association of Organists"), a person's
 * name written without honorific ("W. W. Kimball Co."), the name of
 * the body this one belongs to ("United Nations Office for ...", "Senate
 * Committee on ...") or of the place it is named after ("The New York
 * Times", "the Texas Senate"). The index of the mention that ends right
 * before token t, or SIZE_MAX. */
static size_t
mention_in_body_name(const Rec *r, size_t t)
{
  const NgAnalysis *an = r->an;
  if (t == 0 || !r->covered[t - 1] || !is_cap(&r->tok[t - 1])) {
    return SIZE_MAX;
  }
  for (size_t i = an->n_mentions; i-- > 0;) {
    const NgMention *m = &an->mentions[i];
    if (m->t1 != t || m->kind == NG_MENTION_DATE || m->led || m->tail_b1) {
      continue;
    }
    if ((m->kind == NG_MENTION_DEMONYM && m->gaz >= 0 && m->t0 + 1 == t) ||
        (m->kind == NG_MENTION_NAME && (m->type == NG_ENT_PERSON ||
                                        ng_entity_type_is_org(m->type) ||
                                        ng_entity_type_is_place(m->type)))) {
      return i;
    }
  }
  return SIZE_MAX;
}

static NgStatus
pass_acronyms(Rec *r)
{
  /* Acronyms confirmed somewhere in the document count everywhere. */
  char known[64][16];
  NgEntityType known_type[64];
  int32_t known_gaz[64];
  double known_conf[64];
  size_t n_known = 0;
  for (int round = 0; round < 2; round++) {
    for (size_t t = 0; t < r->n; t++) {
      if (r->covered[t]) {
        continue;
      }
      Part parts[8];
      size_t np = acronym_parts(r, t, parts, 8);
      bool word = !np && word_acronym(r, t, &parts[0]);
      if (word) {
        /* only in brackets, or as one the document linked already */
        bool known_word = false;
        for (size_t j = 0; j < n_known && !known_word; j++) {
          known_word = known_gaz[j] >= 0 && !strcmp(known[j], r->tok[t].norm);
        }
        if (!known_word && strcmp(r->tok[t - (t > 0)].norm, "(")) {
          continue;
        }
        np = 1;
      } else if (!np) {
        continue;
      }
      if (match_class(r, "title", t, NULL)) {
        continue; /* "le PDG de la SNCF", "Tesla CEO Elon Musk" */
      }
      size_t x0 = 0, p1 = 0, x1[8];
      bool expanded = !word && find_expansion(r, t, parts, np, &x0, &p1, x1);
      bool det = !word && acronym_has_determiner(r, t);
      bool added = false;
      /* A long form the gazetteer linked ("la Communauté économique des
       * États de l'Afrique de l'Ouest (CEDEAO)") gives the acronym its
       * link, here and wherever the document uses it; an acronym written
       * as a word ("(Cédéao)") must spell that long form. */
      const NgMention *linked = NULL;
      if (np == 1) {
        linked = expanded ? gaz_mention_ending(r, x0, x1[0])
                          : parenthesised_after_name(r, t, &parts[0]);
      }
      if (word && linked &&
          !initials_spell(r, linked->t0, linked->t1, r->tok[t].norm)) {
        linked = NULL;
      }
      if (expanded && linked && linked->t0 != x0) {
        linked = NULL; /* a place that ends the long form ("Alliance des
                        * États du Sahel (AES)") is not what it names */
      }
      for (size_t i = 0; i < np; i++) {
        char f[16];
        fold_part(r, &parts[i], f, sizeof f);
        int32_t k = -1;
        for (size_t j = 0; j < n_known; j++) {
          if (!strcmp(known[j], f)) {
            k = (int32_t)j;
          }
        }
        /* A long form that is a term ("le produit intérieur brut (PIB)",
         * "gross domestic product (GDP)") makes the acronym no name, here
         * and wherever the document uses it. */
        if (k < 0 && expanded && !linked && term_long_form(r, x0, x1[i]) &&
            n_known < NG_COUNTOF(known)) {
          snprintf(known[n_known], sizeof known[n_known], "%s", f);
          known_gaz[n_known] = -1;
          known_conf[n_known] = 0;
          known_type[n_known] = NG_ENT_NONE;
          k = (int32_t)n_known++;
        }
        if (k >= 0 && known_type[k] == NG_ENT_NONE) {
          continue;
        }
        NgEntityType type = NG_ENT_ORGANIZATION;
        if (expanded && has_gov_word(r, x0, x1[i])) {
          type = NG_ENT_GOV_AGENCY;
        }
        if (k >= 0 && known_type[k] == NG_ENT_GOV_AGENCY) {
          type = NG_ENT_GOV_AGENCY;
        }
        if (!(expanded || det || linked || k >= 0 ||
              (np == 1 && !word && spelled_before(r, t, &parts[0]))) ||
            (word && !linked && (k < 0 || known_gaz[k] < 0))) {
          continue; /* a word only as the acronym of a linked name */
        }
        if (linked) {
          type = linked->type;
        }
        if (k < 0 && n_known < NG_COUNTOF(known)) {
          snprintf(known[n_known], sizeof known[n_known], "%s", f);
          known_gaz[n_known] = linked ? linked->gaz : -1;
          known_conf[n_known] = linked ? linked->link_conf : 0;
          known_type[n_known++] = type;
        } else if (k >= 0 && type == NG_ENT_GOV_AGENCY) {
          known_type[k] = type;
        }
        if (k >= 0 && linked && known_gaz[k] < 0) {
          known_gaz[k] = linked->gaz;
          known_conf[k] = linked->link_conf;
          known_type[k] = type;
        }
        if (k >= 0 && known_gaz[k] >= 0) {
          type = known_type[k];
        }
        if (round == 0) {
          continue; /* the first round only learns */
        }
        NgMention *m = ng_analysis_add_mention(r->an);
        if (!m) {
          return NG_ERR_NOMEM;
        }
        m->t0 = (uint32_t)t;
        m->t1 = (uint32_t)t + 1;
        m->b0 = parts[i].b0;
        m->b1 = parts[i].b1;
        m->c0 = parts[i].c0;
        m->c1 = parts[i].c1;
        m->sent = r->tok[t].sent;
        m->kind = NG_MENTION_ACRONYM;
        m->type = type;
        int32_t kk = k >= 0 ? k : (int32_t)n_known - 1;
        if (kk >= 0 && !strcmp(known[kk], f) && known_gaz[kk] >= 0) {
          link_to(m, known_gaz[kk], known_conf[kk]);
        }
        added = true;
        if (expanded) {
          m->head = expansion_label(r, x0, p1, x1, i);
        }
        /* A long form that is itself a name ("la Direction générale de la
         * sûreté nationale (DGSN)") is a mention of the same organisation;
         * its head carries the acronym, the key it meets it by. */
        if (expanded && np == 1 && is_cap(&r->tok[x0]) && !linked &&
            absorb_places(r, x0, x1[0])) {
          const char *acr = ng_arena_strndup(r->an->arena,
                                             r->an->doc->text + parts[i].b0,
                                             parts[i].b1 - parts[i].b0);
          /* The body it belongs to, whose letters the acronym leaves
           * out, is part of its name: "the United Nations Office for the
           * Coordination of Humanitarian Affairs (OCHA)". */
          size_t start = x0;
          size_t d = match_class(r, "org_head", x0, NULL)
                       ? mention_in_body_name(r, x0)
                       : SIZE_MAX;
          if (d != SIZE_MAX &&
              r->tok[r->an->mentions[d].t0].sent == r->tok[x0].sent) {
            start = r->an->mentions[d].t0;
            remove_mention(r, d);
          }
          NgMention *lm = add(r, start, x1[0], NG_MENTION_NAME, type);
          if (!lm || !acr) {
            return NG_ERR_NOMEM;
          }
          lm->head = acr;
        }
      }
      if (added) {
        r->covered[t] = true;
      }
    }
  }
  return NG_SUCCESS;
}

/* Whether the given name at t stands alone: no capitalised word or
 * particle after it (another full name: "Van der Noot"), no noun that
 * makes a place or a body of it ("Wayne county", "the Harrison party"),
 * and not in a list of capitalised words ("Monroe, Wayne, Huron"). */
static bool
given_name_stands(const Rec *r, size_t t)
{
  uint32_t sent = r->tok[t].sent;
  bool next = t + 1 < r->n && r->tok[t + 1].sent == sent;
  if (next && (is_cap(&r->tok[t + 1]) || in_class(r, "name_particle", t + 1) ||
               match_class(r, "place_head", t + 1, NULL) ||
               match_class(r, "org_head", t + 1, NULL) ||
               match_class(r, "feature_head", t + 1, NULL))) {
    return false;
  }
  bool listed_after = t + 2 < r->n && !strcmp(r->tok[t + 1].norm, ",") &&
                      r->tok[t + 2].sent == sent && is_cap(&r->tok[t + 2]);
  /* a capitalised word opening the sentence need be no name ("Later,
   * Abiy traveled") */
  bool listed_before = t >= 2 && !strcmp(r->tok[t - 1].norm, ",") &&
                       r->tok[t - 2].sent == sent && is_cap(&r->tok[t - 2]) &&
                       (r->covered[t - 2] ||
                        !(r->tok[t - 2].flags & NG_TOK_SENT_START));
  return !listed_after && !listed_before;
}

static bool post_names(const Rec *r, size_t t, size_t end);

/* A given name alone for a person the document names in full ("Tom"
 * after "Tom Cady", "David" after "David Wehren"), or the first word alone
 * of a person of the gazetteer, whose name may start with the surname
 * ("Xi" after "Xi Jinping"), or of a person a post names, whose given
 * name the lexicon may not know ("Abiy" after "Prime Minister Abiy
 * Ahmed"): that person, when no
 * other person of the document has that given name and nobody has it as
 * a surname, and no capitalised word follows (another full name). A
 * minor place of that name ("David", a town of Panama) gives way; a
 * major one does not ("Paris", "Georgia"). */
static NgStatus
pass_given_names(Rec *r)
{
  NgAnalysis *an = r->an;
  /* given name -> surname token of the person named in full with it most
   * often; -2: several persons are, as often (resolve does the same) */
  NgStrMap given = {0}, most = {0}, count = {0};
  NgStatus st = NG_SUCCESS;
  for (int round = 0; round < 2; round++) {
    for (size_t i = 0; i < an->n_mentions && !st; i++) {
      const NgMention *m = &an->mentions[i];
      if (m->kind != NG_MENTION_NAME || m->type != NG_ENT_PERSON ||
          m->t1 - m->t0 < 2 ||
          !(in_class(r, "first_name", m->t0) || m->gaz >= 0 ||
            (r->tok[m->t0].c1 - r->tok[m->t0].c0 > 1 &&
             post_names(r, m->t0, m->t1)))) {
        continue;
      }
      const char *g = r->tok[m->t0].norm;
      const char *sn = r->tok[m->t1 - 1].norm;
      /* the map borrows its keys: the document's arena keeps them */
      const char *key = ng_arena_printf(an->arena, "%s\t%s", g, sn);
      if (!key) {
        st = NG_ERR_NOMEM;
        break;
      }
      int32_t c = ng_strmap_get(&count, key);
      if (round == 0) { /* count the full names */
        st = ng_strmap_put(&count, key, c < 0 ? 1 : c + 1);
        continue;
      }
      int32_t best = ng_strmap_get(&most, g);
      int32_t cur = ng_strmap_get(&given, g);
      if (c > best) {
        st = ng_strmap_put(&most, g, c);
        if (!st) {
          st = ng_strmap_put(&given, g, (int32_t)(m->t1 - 1));
        }
      } else if (c == best && cur >= 0 && strcmp(r->tok[cur].norm, sn)) {
        st = ng_strmap_put(&given, g, -2);
      }
    }
  }
  ng_strmap_free(&most);
  ng_strmap_free(&count);
  for (size_t t = 0; t < r->n && !st && given.count; t++) {
    const NgToken *tk = &r->tok[t];
    if (!is_cap(tk) || (tk->flags & NG_TOK_UPPER) ||
        ng_strmap_get(&given, tk->norm) < 0 || is_surname(r, t) ||
        in_class(r, "name_particle", t) || !given_name_stands(r, t)) {
      continue;
    }
    if (!r->covered[t]) {
      st = add(r, t, t + 1, NG_MENTION_NAME, NG_ENT_PERSON) ? NG_SUCCESS
                                                            : NG_ERR_NOMEM;
      continue;
    }
    size_t k = place_name_at(r, t);
    if (k == SIZE_MAX) {
      continue;
    }
    NgMention *pm = &an->mentions[k];
    if (pm->t1 != t + 1 || pm->gaz < 0 || pm->tail_b1) {
      continue;
    }
    NgGazEntry e = ng_gazetteer_entry(r->res->gaz, (uint32_t)pm->gaz);
    if (!major_entry(&e)) {
      pm->type = NG_ENT_PERSON;
      pm->gaz = -1;
      pm->n_alt = 0;
      pm->link_conf = 0;
    }
  }
  ng_strmap_free(&given);
  return st;
}

/* ---------------------------------------------------------------- 6 */

/* Whether the word at t ends like an adjective of the language (lexicon
 * class adjective_ending: "al", "ique", "aire"...), as the adjective
 * after an organisation's head must ("Conseil fédéral", but not "le
 * Conseil procède"). */
static bool
ends_as(const Rec *r, size_t t, const char *cls)
{
  const char *w = r->tok[t].norm;
  size_t n = strlen(w);
  for (size_t k = 1; k <= 6 && k < n; k++) {
    if (ng_lexicon_get(r->res->lex, cls, w + n - k, r->an->lang)) {
      return true;
    }
  }
  return false;
}

static bool
adjective_like(const Rec *r, size_t t)
{
  return ends_as(r, t, "adjective_ending");
}

/* Whether names of bodies go on after their head with adjectives and in
 * lower case: French ones do ("Conseil fédéral", "ministère de
 * l'intérieur"); English ones put adjectives first and capitalise their
 * complement ("Board of Public Works"; "Insurance Company located" and
 * "High School Mitch" end at their head: trait names_end_at_head). */
static bool
lower_words_in_names(const Rec *r)
{
  return !language_has(r, "names_end_at_head");
}

/* The mention index of the country named [t0, t1) by the gazetteer, with
 * @p kind, or SIZE_MAX. */
static size_t
country_mention(const Rec *r, size_t t0, size_t t1, NgMentionKind kind)
{
  const NgAnalysis *an = r->an;
  if (!r->covered[t0]) {
    return SIZE_MAX;
  }
  for (size_t i = an->n_mentions; i-- > 0;) {
    const NgMention *m = &an->mentions[i];
    if (m->t0 == t0 && (t1 == SIZE_MAX || m->t1 == t1) && m->kind == kind &&
        m->gaz >= 0 && m->type == NG_ENT_COUNTRY && !m->led) {
      return i;
    }
  }
  return SIZE_MAX;
}

/* The mention index of a demonym in lower case at token t of sentence
 * @p sent, which a body's name takes in ("la Fédération française",
 * "l'Agence spatiale française"), or SIZE_MAX. */
static size_t
demonym_after(const Rec *r, size_t t, uint32_t sent)
{
  return t < r->n && r->tok[t].sent == sent && !is_cap(&r->tok[t])
           ? country_mention(r, t, t + 1, NG_MENTION_DEMONYM)
           : SIZE_MAX;
}

/* The end of a body's name at @p end, or past complements in lower case
 * that a coordinator or a link that says where joins when the text
 * closes them with the body's acronym in brackets: "le Centre africain
 * de contrôle et de prévention des maladies (Africa CDC)", "le Groupe de
 * soutien à l'islam et aux musulmans (JNIM)", where "et de" or "à"
 * followed by words in lower case may as well start a phrase of its own
 * ("l'Office de la santé et de nombreux médecins"). Every word must
 * follow a link ("de", "des", "aux"), so that no verb is taken. @p t is
 * the name's head. */
static size_t
bracketed_complement(const Rec *r, size_t t, size_t end)
{
  uint32_t sent = r->tok[t].sent;
  size_t s = end, last = end;
  bool link = false;
  while (s < r->n && r->tok[s].sent == sent && !r->covered[s] &&
         s - t < MAX_ORG) {
    if (in_class(r, "coordinator", s) && (s == end || s == last) && !link) {
      /* "et de prévention", after the name or one of its words */
    } else if (ng_lexicon_get(r->res->lex, "np_link", r->tok[s].norm,
                              r->an->lang)) {
      link = true; /* "de", "des", and "à", "aux": "Groupe de soutien à
                    * l'islam et aux musulmans (JNIM)" */
    } else if (link && is_word(&r->tok[s]) && !in_class(r, "stopword", s)) {
      link = false;
      last = s + 1;
    } else {
      break;
    }
    s++;
  }
  return last > end && s == last && s + 1 < r->n &&
             r->tok[s].sent == sent && !strcmp(r->tok[s].norm, "(") &&
             is_cap(&r->tok[s + 1])
           ? last
           : end;
}

/* Whether the word at t, in sentence @p sent, may modify a body's name
 * before it: free, and no function word, link or elision. */
static bool
modifier_at(const Rec *r, size_t t, uint32_t sent)
{
  return t < r->n && r->tok[t].sent == sent && is_word(&r->tok[t]) &&
         !r->covered[t] && !link_word(r, t) && !in_class(r, "stopword", t) &&
         !(r->tok[t].flags & NG_TOK_ELISION);
}

/* A company's name before a business title and a person's name (class
 * business_title: "Tesla CEO Elon Musk", "Meta Platforms Chief
 * Executive Mark Zuckerberg", "Nvidia's chief executive Jensen Huang"):
 * the name is the person's employer, an organisation; not a word that
 * qualifies the post (class post_modifier: "Former CEO X"). */
static NgStatus
pass_employers(Rec *r)
{
  for (size_t t = 1; t + 1 < r->n; t++) {
    size_t k = match_class(r, "business_title", t, NULL);
    uint32_t sent = r->tok[t].sent;
    if (!k || t + k >= r->n || r->tok[t + k].sent != sent ||
        !is_cap(&r->tok[t + k]) || r->tok[t - 1].sent != sent) {
      continue;
    }
    size_t end = t;
    if (end > 1 && possessive(r, end - 1)) {
      end--; /* "Nvidia's chief executive" */
    }
    size_t start = end;
    while (start > 0 && end - start < 3 && r->tok[start - 1].sent == sent &&
           name_token(r, start - 1) && !in_class(r, "post_modifier", start - 1) &&
           !in_class(r, "title", start - 1) && !in_class(r, "rank", start - 1)) {
      start--;
    }
    if (start == end || (start > 0 && r->tok[start - 1].sent == sent &&
                         is_cap(&r->tok[start - 1]) &&
                         !in_class(r, "stopword", start - 1))) {
      continue; /* no name, or a longer one this is the end of */
    }
    if (!add(r, start, end, NG_MENTION_NAME, NG_ENT_ORGANIZATION)) {
      return NG_ERR_NOMEM;
    }
    t += k - 1;
  }
  return NG_SUCCESS;
}

static NgStatus
pass_org_heads(Rec *r)
{
  for (size_t t = 0; t < r->n; t++) {
    if (r->covered[t] || !is_word(&r->tok[t])) {
      continue;
    }
    const NgLexEntry *e;
    size_t k = 0;
    bool lower = false, legal = false;
    if ((k = match_class(r, "legal_form", t, &e)) > 0) {
      /* "Tesla Inc", "BYD Co Ltd": a company's legal form ends its name,
       * which comes before it; not a word of a headline in capitals
       * ("MACRON DÉFEND SA RÉFORME") */
      if ((r->tok[t].flags & NG_TOK_UPPER) && shouted(r, t)) {
        continue;
      }
      legal = true;
    } else if (is_cap(&r->tok[t])) {
      k = match_class(r, "org_head", t, &e);
    } else if ((k = match_class(r, "lower_org_head", t, &e)) > 0) {
      /* "le ministère de l'Intérieur": written in lower case, a name
       * only with a capitalised complement. */
      lower = true;
    }
    /* a head of several words is no place named in it ("Feuille d'Avis":
     * Avis is a town too) */
    if (!k || !absorb_places(r, t, t + k)) {
      continue;
    }
    uint32_t sent = r->tok[t].sent;
    size_t end = t + k;
    bool lower_ok = lower_words_in_names(r) && !legal;
    /* One adjective right after the head: "Secrétariat général"; a second
     * one from the lexicon ("Bureau central national"), or after one from
     * the lexicon any that takes no complement, as a participle does
     * ("Parquet national antiterroriste"; not "Conseil national chargé
     * d'examiner"). */
    /* or a demonym, whose country is the body's ("la Fédération
     * française de rugby") */
    size_t absorbed[4], n_absorbed = 0;
    int32_t country = -1;
    size_t dem = lower_ok ? demonym_after(r, end, sent) : SIZE_MAX;
    if (dem != SIZE_MAX) {
      country = r->an->mentions[dem].gaz;
      absorbed[n_absorbed++] = dem;
      end++;
    } else if (lower_ok && modifier_at(r, end, sent) &&
               (adjective_like(r, end) ||
                in_class(r, "org_adjective", end))) { /* "Garde civile" */
      bool known = in_class(r, "org_adjective", end);
      end++;
      /* and a demonym after it ("l'Agence spatiale française") */
      size_t dem2 = demonym_after(r, end, sent);
      if (dem2 != SIZE_MAX) {
        country = r->an->mentions[dem2].gaz;
        absorbed[n_absorbed++] = dem2;
        end++;
      } else if (end < r->n && r->tok[end].sent == sent &&
                 !r->covered[end] &&
                 (in_class(r, "org_adjective", end) ||
                  (known && modifier_at(r, end, sent) &&
                   !is_cap(&r->tok[end]) && adjective_like(r, end) &&
                   !ends_as(r, end, "verb_ending") &&
                   !(end + 1 < r->n && link_word(r, end + 1))))) {
        end++;
      }
    }
    /* A name right after the head, in a language that writes names'
     * later words in lower case: "le Front Polisario", "le Groupe
     * Wagner". */
    if (lower_ok && end == t + k && name_token(r, end) &&
        r->tok[end].sent == sent && r->tok[end].c1 - r->tok[end].c0 > 1 &&
        !(r->tok[t].flags & NG_TOK_UPPER) && !in_class(r, "month", end) &&
        !in_class(r, "weekday", end)) {
      end++; /* not "Groupe B", nor a heading "DIRECTION VAUDEVILLE" */
    }
    /* The complement: (de|du|des|d'|et|of|and) (la|le|l'|the)? word. A
     * place or a body named in it is part of the organisation's name
     * ("Banque de France", "Compagnie d'Orléans", "Mission des Nations
     * unies au Mali", a body of its own): its mention goes. */
    bool after_place = false; /* the last complement a place's name */
    for (bool complement = false; !legal; complement = true) {
      size_t s = end;
      bool linked = false;
      /* after a coordinator, or a link that says where ("à", "en"; VALUE
       * place), no complement in lower case: "la Société des nations que
       * si", "le Conseil fédéral en vertu de", "la Banque nationale à la
       * suite de" */
      bool weak = false, where = false;
      while (s < r->n && r->tok[s].sent == sent && !r->covered[s] &&
             (link_word(r, s) || in_class(r, "coordinator", s))) {
        if ((in_class(r, "coordinator", s) &&
             (in_class(r, "np_start", s + 1) ||
              ((!complement || after_place) && !link_word(r, s + 1)))) ||
            (s == end && in_class(r, "np_start", s))) {
          /* "the Board ... and the Relief Committee"; an article right
           * after the name starts the next phrase ("Conseil fédéral
           * l'avait"); a coordinator joins words of a complement, or
           * another complement ("Ministry of Foreign Affairs and
           * International Cooperation", "Sûreté nationale et de la
           * Surveillance du territoire", "Ministère de l'Europe et des
           * Affaires étrangères"), not a name ("Kenya Airways and Delta
           * Air Lines", "Law Society of Kenya and Amnesty International") */
          linked = false;
          break;
        }
        const NgLexEntry *le = link_word(r, s)
                                 ? ng_lexicon_get(r->res->lex, "np_link",
                                                  r->tok[s].norm, r->an->lang)
                                 : NULL;
        where = where || (le && le->value && !strcmp(le->value, "place"));
        weak = weak || !le || where;
        s++;
        linked = true;
      }
      /* after a link that says where, only a place the gazetteer or the
       * context found ("Ambassade de France à Rabat"; not "l'Union à
       * l'Exposition nationale") */
      if (!linked || s >= r->n || r->tok[s].sent != sent ||
          !is_word(&r->tok[s]) || s - t >= MAX_ORG ||
          in_class(r, "stopword", s) || /* "de son histoire" */
          in_class(r, "weekday", s) || in_class(r, "month", s) ||
          ((!lower_ok || weak) && !is_cap(&r->tok[s])) ||
          (where && !r->covered[s])) {
        break;
      }
      if (r->covered[s]) {
        size_t mi = place_name_at(r, s);
        if (mi == SIZE_MAX) {
          mi = name_at(r, s, ng_entity_type_is_org);
        }
        if (mi == SIZE_MAX || n_absorbed == NG_COUNTOF(absorbed)) {
          break;
        }
        absorbed[n_absorbed++] = mi;
        end = r->an->mentions[mi].t1;
        after_place = ng_entity_type_is_place(r->an->mentions[mi].type);
        continue;
      }
      after_place = false;
      end = s + 1;
      /* A capitalised complement goes on while its words do ("of
       * Foreign Affairs", "de la Sécurité Publique"), and in French with
       * one adjective in lower case ("des Affaires étrangères"), which a
       * verb ending as some adjectives do is not ("des Auberges de
       * Jeunesse allaient"). */
      while (is_cap(&r->tok[s]) && end < r->n && r->tok[end].sent == sent &&
             !r->covered[end] && is_cap(&r->tok[end]) &&
             !in_class(r, "stopword", end) && end - t < MAX_ORG) {
        end++;
      }
      /* nor one that a link saying where follows, a participle with its
       * complement ("le Conseil des ministres consacré au budget",
       * "réuni à Alger"; but "des Nations unies à New York") */
      if (lower_ok && modifier_at(r, end, sent) && !is_cap(&r->tok[end]) &&
          ((adjective_like(r, end) && !ends_as(r, end, "verb_ending") &&
            !place_link(r, end + 1)) ||
           in_class(r, "org_adjective", end)) &&
          end - t < MAX_ORG) {
        end++; /* "des Affaires étrangères", "des Nations unies" */
      }
    }
    if (!legal && lower_ok) {
      end = bracketed_complement(r, t, end);
    }
    if (lower) {
      bool cap = false;
      for (size_t i = t + k; i < end && !cap; i++) {
        cap = is_cap(&r->tok[i]);
      }
      if (!cap) {
        continue;
      }
    }
    /* Names before a capitalised head belong to it ("Wayne University",
     * "Wells Fargo Bank", "Fire and Marine Insurance Company"), and so do a
     * demonym, whose country is the body's, or a person's name before
     * them ("American Association of Organists", "W. W. Kimball Co."). */
    size_t start = t;
    while (!lower && start > 0 && t - start < MAX_NAME &&
           r->tok[start - 1].sent == sent) {
      bool title = in_class(r, "title", start - 1) ||
                   in_class(r, "rank", start - 1);
      if (name_token(r, start - 1) && (!title || start == t) &&
          (legal || !(r->tok[start - 1].flags & NG_TOK_UPPER))) {
        /* "Wayne University"; a title right before the head qualifies
         * it ("the General Court"), one before a name is a person's */
        start--;
      } else if (start > 1 && start < t &&
                 in_class(r, "coordinator", start - 1) &&
                 name_token(r, start - 2)) {
        start -= 2; /* "Fire and Marine Insurance Company" */
      } else if (start > 1 && possessive(r, start - 1) &&
                 name_token(r, start - 2) && !r->covered[start - 2] &&
                 (start == 2 || r->tok[start - 3].sent != sent ||
                  !name_token(r, start - 3) || short_word_at(r, start - 3))) {
        /* "the People's Liberation Army", "St Mary's Hospital"; not a
         * name's possessive ("China's Foreign Ministry", "Rahul
         * Gandhi's Congress") */
        start -= 2;
      } else if (start < t && short_word_at(r, start - 1)) {
        start--; /* "St Mary's Hospital" */
      } else {
        break;
      }
    }
    size_t d = !lower && start > 0 && n_absorbed < NG_COUNTOF(absorbed)
                 ? mention_in_body_name(r, start)
                 : SIZE_MAX;
    if (d != SIZE_MAX && r->tok[start - 1].sent == sent) {
      const NgMention *dm = &r->an->mentions[d];
      if (dm->kind == NG_MENTION_DEMONYM ||
          (dm->gaz >= 0 && dm->type == NG_ENT_COUNTRY)) {
        country = dm->gaz; /* "the Kenyan Army", "the Lebanon Army" */
      }
      start = dm->t0;
      absorbed[n_absorbed++] = d;
    }
    if (end == t + k && start == t &&
        ((r->tok[t].flags & NG_TOK_SENT_START) || !e->value || !*e->value ||
         legal)) {
      /* A capitalised head alone at a sentence start is a noun; alone
       * elsewhere, only a state body's head ("le Sénat") names one. */
      continue;
    }
    NgEntityType type = NG_ENT_ORGANIZATION;
    if ((e->value && !strcmp(e->value, "GovernmentAgency")) ||
        has_gov_word(r, t, end)) {
      type = NG_ENT_GOV_AGENCY;
    }
    remove_mentions(r, absorbed, n_absorbed);
    NgMention *m = add(r, start, end, NG_MENTION_NAME, type);
    if (!m) {
      return NG_ERR_NOMEM;
    }
    m->country_gaz = country;
    t = end - 1;
  }
  return NG_SUCCESS;
}

/* ---------------------------------------------------------------- 7 */

/* Whether the word at t is the plural of a one-word title, an "s" added
 * ("ministres", "ambassadors"). */
static bool
plural_title(const Rec *r, size_t t)
{
  const char *w = r->tok[t].norm;
  size_t n = strlen(w);
  char one[32];
  if (n < 4 || n > sizeof one || w[n - 1] != 's') {
    return false;
  }
  memcpy(one, w, n - 1);
  one[n - 1] = '\0';
  return ng_lexicon_get(r->res->lex, "title", one, r->an->lang) != NULL;
}

/* Whether a person's mention takes token t. */
static bool
person_at(const Rec *r, size_t t)
{
  if (!r->covered[t]) {
    return false;
  }
  for (size_t i = r->an->n_mentions; i-- > 0;) {
    const NgMention *m = &r->an->mentions[i];
    if (m->t0 <= t && t < m->t1 && m->type == NG_ENT_PERSON) {
      return true;
    }
  }
  return false;
}

/* Whether a post's title and its complement end right before token t,
 * the complement's words capitalised as portfolios and bodies are
 * written: "le ministre des Affaires étrangères X Y", "la ministre de la
 * Culture X Y", "le ministre marocain de l'Europe et des Affaires
 * étrangères X Y", "le maire de Paris X Y", "the Minister of Health X Y".
 * The complement opens with a link (after at most one adjective of the
 * title's), holds a capitalised word or a name found before, and goes on
 * over links, coordinators, capitalised words and adjectives, no comma. */
static bool
title_complement_before(const Rec *r, size_t t)
{
  uint32_t sent = r->tok[t].sent;
  for (size_t s = t; s-- > 0 && t - s < 12 && r->tok[s].sent == sent;) {
    size_t c = s + 1; /* the complement's first token */
    if (c < t && !is_cap(&r->tok[c]) &&
        (adjective_like(r, c) || demonym_in(r, c, true))) {
      c++; /* "le ministre marocain des Affaires étrangères" */
    }
    if (c >= t || !link_word(r, c) || !title_ends_at(r, s)) {
      continue;
    }
    bool named = false, ok = true;
    for (size_t k = c; k < t && ok; k++) {
      const NgToken *tk = &r->tok[k];
      if (r->covered[k] || (is_cap(tk) && !(tk->flags & NG_TOK_SENT_START))) {
        named = true;
      } else {
        ok = link_word(r, k) || in_class(r, "definite", k) ||
             in_class(r, "coordinator", k) || (k > c && adjective_like(r, k));
      }
    }
    /* it ends with a word of the complement, not a link (a comma before
     * the name is post_names' other case) */
    return ok && named && !link_word(r, t - 1) &&
           !in_class(r, "definite", t - 1) && !in_class(r, "coordinator", t - 1);
  }
  return false;
}

/* Whether a post says that the capitalised words [t, end) name a person:
 *  - after them, past a comma: "X Y, directeur général de ...";
 *  - just before them, a title or a title and its adjective: "le ministre
 *    X Y", "Interior Minister X Y", "le président sénégalais X Y", "le
 *    président bulgare X Y" (a demonym of the gazetteer); or a title and
 *    its complement, no comma between: "le ministre des Affaires
 *    étrangères X Y" (title_complement_before);
 *  - before them, a title (or its plural) earlier in the sentence, however
 *    long its complement, no person between, and the name right after a
 *    comma: "..., le directeur général de la DGSN, X Y", "le ministre des
 *    Affaires étrangères, de la Coopération africaine et des Marocains
 *    résidant à l'étranger, Nasser Bourita", "deux ministres israéliens,
 *    X Y"; or an occupation right before the comma ("His opponent, X Y",
 *    "Son avocat, X Y"). */
static bool
post_names(const Rec *r, size_t t, size_t end)
{
  uint32_t sent = r->tok[t].sent;
  if (end + 1 < r->n && r->tok[end].sent == sent &&
      !strcmp(r->tok[end].norm, ",")) {
    /* past its determiners ("X Y, le directeur"); not a clause's title
     * ("the Panama Canal, which President Trump wants") */
    size_t s = end + 1;
    while (s < r->n && (in_class(r, "determiner", s) ||
                        in_class(r, "definite", s))) {
      s++;
    }
    if (match_class(r, "title", s, NULL) > 0) {
      return true;
    }
  }
  if (t > 0 && r->tok[t - 1].sent == sent) {
    bool adjective = t > 1 && r->tok[t - 2].sent == sent &&
                     !(r->tok[t - 1].flags & NG_TOK_CAP) &&
                     (adjective_like(r, t - 1) || demonym_in(r, t - 1, true));
    if (title_ends_at(r, t - 1) || (adjective && title_ends_at(r, t - 2)) ||
        title_complement_before(r, t)) {
      return true;
    }
  }
  if (t > 0 && !strcmp(r->tok[t - 1].norm, ",")) {
    /* not past a person, whose title it would be ("President Donald
     * Trump, Downing Street said") */
    for (size_t s = t - 1;
         s-- > 0 && r->tok[s].sent == sent && t - s < 24 &&
         !(is_cap(&r->tok[s]) && person_at(r, s));) {
      if (match_class(r, "title", s, NULL) || plural_title(r, s)) {
        return true; /* "deux ministres israéliens, X Y et Z" */
      }
    }
    /* or a noun of standing right before the comma: "His opponent, X Y" */
    const NgLexEntry *e;
    if (t > 1 && r->tok[t - 2].sent == sent && !is_cap(&r->tok[t - 2]) &&
        match_class(r, "occupation", t - 2, &e) == 1 &&
        (!e->value || !*e->value)) {
      return true;
    }
  }
  return false;
}

static NgStatus
pass_apposition_persons(Rec *r)
{
  for (size_t t = 0; t < r->n; t++) {
    if (!name_token(r, t)) {
      continue;
    }
    size_t end = name_run(r, t, MAX_NAME);
    /* a complement's last words may run into the name: "la ministre de
     * la Culture Rachida Dati", "le ministre de la Défense nationale
     * Saïd X"; the name starts at its given name, or takes the last two
     * words */
    if (end - t >= 3 && !title_complement_before(r, t) &&
        title_complement_before(r, t + 1)) {
      size_t g = t + 1;
      while (g + 2 < end && !given_name(r, g)) {
        g++;
      }
      t = given_name(r, g) || g + 2 == end ? g : end - 2;
    }
    if (end - t < 2 || names_a_body(r, t, end) || !post_names(r, t, end)) {
      continue;
    }
    if (!add(r, t, end, NG_MENTION_NAME, NG_ENT_PERSON) || note_surname(r, end)) {
      return NG_ERR_NOMEM;
    }
    t = end - 1;
  }
  return NG_SUCCESS;
}

/* A post around a person of the gazetteer says the text means the office
 * holder the table lists (its politicians): "President Joe Biden", "le
 * président Emmanuel Macron", "Foreign Minister Catherine Colonna", "le
 * chancelier allemand Olaf Scholz", "la présidente de la Commission,
 * Ursula von der Leyen", "Jens Stoltenberg, NATO Secretary General". The
 * link is the text's pick then, 0.8, whether or not the document names
 * the country. */
static void
pass_persons_by_post(Rec *r)
{
  for (size_t i = 0; i < r->an->n_mentions; i++) {
    NgMention *m = &r->an->mentions[i];
    if (m->type != NG_ENT_PERSON || m->gaz < 0 || m->link_conf >= 0.8 ||
        m->n_alt > 1) {
      continue;
    }
    bool post = false;
    size_t lead = m->t0;
    while (m->led && lead > 0 && r->tok[lead - 1].b0 >= m->lead_b0) {
      lead--;
    }
    for (size_t k = lead; k < m->t0 && !post; k++) {
      post = rank_word(r, k) || title_ends_at(r, k);
    }
    if (post || post_names(r, lead, m->t1)) {
      m->link_conf = 0.8;
    }
  }
}

/* Whether the token at t ends an apposition: a comma, a semicolon, a
 * colon, a bracket or a full stop. */
static bool
apposition_stop(const Rec *r, size_t t)
{
  static const char *const stops[] = {",", ";", ":", "(", ")", ".", "!", "?"};
  for (size_t i = 0; i < NG_COUNTOF(stops); i++) {
    if (!strcmp(r->tok[t].norm, stops[i])) {
      return true;
    }
  }
  return false;
}

/* An apposition after a person's name, from the comma at t: a title, a
 * rank or an occupation, after at most a determiner and one adjective
 * ("M. Ador, conseiller fédéral", "M. Mercier, notre ambassadeur à
 * Madrid", "W. G. Daughtry, Secretary"), or an age ("25 ans"), up to the
 * next comma or the end of the sentence, brackets inside included, or
 * to a word that starts a clause or an agent (class apposition_end:
 * "qui", "par", "who"). Returns the token after it, or 0. */
static size_t
apposition_end(const Rec *r, size_t t)
{
  if (t + 1 >= r->n || strcmp(r->tok[t].norm, ",") ||
      r->tok[t + 1].sent != r->tok[t].sent) {
    return 0;
  }
  uint32_t sent = r->tok[t].sent;
  size_t head = 0, adjectives = 0;
  for (size_t k = t + 1; k < r->n && k < t + 5 && r->tok[k].sent == sent; k++) {
    const NgLexEntry *e = NULL;
    if (match_class(r, "title", k, NULL) || in_class(r, "rank", k) ||
        (k == t + 1 && (r->tok[k].flags & NG_TOK_NUMBER) &&
         match_class(r, "age_unit", k + 1, NULL))) {
      head = k;
      break;
    }
    if (match_class(r, "occupation", k, &e)) {
      if (e->value && !strcmp(e->value, "of") && !link_word(r, k + 1)) {
        return 0; /* "Charles Nydegger, fils, et ..." */
      }
      head = k;
      break;
    }
    if (in_class(r, "determiner", k)) {
      continue;
    }
    if (!(r->tok[k].flags & NG_TOK_ALPHA) || is_cap(&r->tok[k]) ||
        in_class(r, "stopword", k) || ++adjectives > 1) {
      return 0;
    }
  }
  if (!head) {
    return 0;
  }
  for (size_t k = head + 1; k < r->n && k < head + MAX_APPOSITION; k++) {
    if (r->tok[k].sent != sent) {
      return k;
    }
    if (!strcmp(r->tok[k].norm, "(")) {
      /* "pasteur à Mézières (Vaud)": a bracket inside goes with it */
      size_t c = k + 1;
      while (c < r->n && c < k + 8 && r->tok[c].sent == sent &&
             strcmp(r->tok[c].norm, ")") && strcmp(r->tok[c].norm, "(")) {
        c++;
      }
      if (c < r->n && r->tok[c].sent == sent && !strcmp(r->tok[c].norm, ")")) {
        k = c;
        continue;
      }
    }
    if (apposition_stop(r, k)) {
      return k;
    }
    if (in_class(r, "apposition_end", k)) {
      /* near the post only: further, the words before it may be another
       * sentence whose stop the text lost */
      return k - head <= MAX_APPOSITION_CLAUSE ? k : 0;
    }
  }
  return head + 1 == r->n ? r->n : 0;
}

/* An apposition that says who a person is belongs to the person's
 * written mention, as news annotation conventions have it; the name stays
 * the entity's name, and the names inside the apposition stay mentions of
 * their own. */
static void
pass_person_appositions(Rec *r)
{
  NgAnalysis *an = r->an;
  for (size_t i = 0; i < an->n_mentions; i++) {
    NgMention *m = &an->mentions[i];
    if (m->type != NG_ENT_PERSON || m->kind != NG_MENTION_NAME) {
      continue;
    }
    size_t t = written_end(r, m);
    /* One apposition may follow another: "M. Canton, 25 ans, négociant". */
    for (size_t end; (end = apposition_end(r, t)) > 0; t = end) {
      extend_tail(r, m, end, false);
    }
  }
}

/* A capitalised name and a place noun after it ("Jackson county",
 * "Coosa River"): a place, unlinked. */
static NgStatus
pass_suffixed_places(Rec *r)
{
  for (size_t t = 0; t + 1 < r->n; t++) {
    if (!name_token(r, t) || in_class(r, "title", t) ||
        match_class(r, "org_head", t, NULL)) {
      continue;
    }
    size_t end = name_run(r, t, 3);
    size_t k;
    while (end > t + 1 && match_class(r, "place_suffix", end - 1, NULL) == 1) {
      end--; /* "Kansas City" is a run: the suffix is its last word */
    }
    if (end >= r->n || r->covered[end] || r->tok[end].sent != r->tok[t].sent ||
        !(k = match_class(r, "place_suffix", end, NULL))) {
      t = end > t ? end - 1 : t;
      continue;
    }
    if (!add(r, t, end + k, NG_MENTION_NAME, NG_ENT_PLACE)) {
      return NG_ERR_NOMEM;
    }
    t = end + k - 1;
  }
  return NG_SUCCESS;
}

/* One name, one thing per document: a capitalised name of a place or an
 * organisation found in one place (by the gazetteer, a preposition, a
 * head noun) is the same thing, with the same link, where it occurs
 * again with no such cue or in a place the cues refused ("à Kourougou
 * ... Kourougou a voté"); not a surname of the document's persons. */
/* Candidate mentions of pass_repeated_names, sorted by the norm of
 * their first token (qsort has no context argument: the tokens ride
 * along). */
typedef struct {
  const char *first;
  size_t mention;
  size_t len; /* tokens to match: the mention's, or its name without its
                 legal form ("Boeing" of "Boeing Co") */
} Cand;

static int
cand_order(const void *a, const void *b)
{
  const Cand *x = a, *y = b;
  int c = strcmp(x->first, y->first);
  if (c) {
    return c;
  }
  if (x->len != y->len) {
    return x->len > y->len ? -1 : 1; /* the longest name first */
  }
  return x->mention < y->mention ? -1 : x->mention > y->mention;
}

/* The first of the @p nc candidates, sorted by cand_order, whose first
 * token is @p norm (nc when none is). */
static size_t
first_cand(const Cand *cand, size_t nc, const char *norm)
{
  size_t lo = 0, hi = nc;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(cand[mid].first, norm) < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/* Whether the @p len words from t are those from u after the first, in
 * the same case, in one sentence (the first words' norms are equal). */
static bool
same_words(const Rec *r, size_t t, size_t u, size_t len)
{
  for (size_t k = 1; k < len; k++) {
    if (strcmp(r->tok[t + k].norm, r->tok[u + k].norm) ||
        (r->tok[t + k].flags & NG_TOK_CAP) != (r->tok[u + k].flags & NG_TOK_CAP) ||
        r->tok[t + k].sent != r->tok[t].sent) {
      return false;
    }
  }
  return true;
}

/* The whole name of mention @p whole (a company with its legal form)
 * takes the name of its short form @p short_m ("Boeing" of "Boeing
 * Co"), unless it has one: one body under one name. */
static NgStatus
name_whole_short(Rec *r, size_t whole, const NgMention *short_m)
{
  NgMention *w = &r->an->mentions[whole];
  if (w->head) {
    return NG_SUCCESS;
  }
  w->head = ng_arena_strndup(r->an->arena, r->an->doc->text + short_m->b0,
                             short_m->b1 - short_m->b0);
  return w->head ? NG_SUCCESS : NG_ERR_NOMEM;
}

static NgStatus
pass_repeated_names(Rec *r)
{
  size_t n0 = r->an->n_mentions, nc = 0;
  Cand *cand = ng_malloc((n0 ? 2 * n0 : 1) * sizeof *cand);
  if (!cand) {
    return NG_ERR_NOMEM;
  }
  for (size_t i = 0; i < n0; i++) {
    const NgMention *m = &r->an->mentions[i];
    if (m->kind == NG_MENTION_NAME && !m->led &&
        (ng_entity_type_is_place(m->type) || ng_entity_type_is_org(m->type))) {
      cand[nc++] = (Cand){r->tok[m->t0].norm, i, m->t1 - m->t0};
    }
  }
  /* A company named with its legal form is named without it later
   * ("Boeing Co" ... "Shares of Boeing fell"): its name is a candidate
   * too, and the key the two meet by. */
  size_t nwhole = nc;
  for (size_t c = 0; c < nwhole; c++) {
    const NgMention *m = &r->an->mentions[cand[c].mention];
    for (size_t k = 3; m->gaz < 0 && !m->head && k > 0; k--) {
      if (k < cand[c].len && ng_entity_type_is_org(m->type) &&
          match_class(r, "legal_form", m->t1 - k, NULL) == k) {
        cand[nc++] = (Cand){cand[c].first, cand[c].mention, cand[c].len - k};
        break; /* the longest legal form: "& Co.", not "Co." */
      }
    }
  }
  /* those short names apart, for the bodies found under them already */
  size_t ns = nc - nwhole;
  Cand *shorts = ng_malloc((ns ? ns : 1) * sizeof *shorts);
  if (!shorts) {
    ng_free(cand);
    return NG_ERR_NOMEM;
  }
  memcpy(shorts, cand + nwhole, ns * sizeof *shorts);
  qsort(shorts, ns, sizeof *shorts, cand_order);
  qsort(cand, nc, sizeof *cand, cand_order);
  NgStatus st = NG_SUCCESS;
  for (size_t t = 0; t < r->n && !st; t++) {
    if (!name_token(r, t)) {
      continue;
    }
    for (size_t c = first_cand(cand, nc, r->tok[t].norm);
         c < nc && !strcmp(cand[c].first, r->tok[t].norm); c++) {
      const NgMention *m = &r->an->mentions[cand[c].mention];
      size_t len = cand[c].len;
      bool short_form = len < m->t1 - m->t0;
      if (t + len > r->n || !free_range(r, t, t + len)) {
        continue;
      }
      bool same = same_words(r, t, m->t0, len);
      /* The whole name, not the start of a longer one, nor its end
       * ("le Real Madrid" after "MADRID, 8 mai"). */
      if (!same || (t + len < r->n && r->tok[t + len].sent == r->tok[t].sent &&
                    name_token(r, t + len)) ||
          (t > 0 && extends_name(r, t, t - 1, false)) ||
          (len == 1 && is_surname(r, t))) {
        continue;
      }
      if (m->gaz >= 0 && len == 1) {
        /* A linked one-word name repeats only when it is major. */
        NgGazEntry e = ng_gazetteer_entry(r->res->gaz, (uint32_t)m->gaz);
        if (!major_entry(&e)) {
          continue;
        }
      }
      NgMention copy = *m;
      NgMention *a = add(r, t, t + len, NG_MENTION_NAME, copy.type);
      if (!a) {
        st = NG_ERR_NOMEM;
        break;
      }
      a->gaz = copy.gaz;
      a->link_conf = copy.link_conf;
      a->n_alt = copy.n_alt;
      a->country_gaz = copy.country_gaz;
      if (short_form && (st = name_whole_short(r, cand[c].mention, a))) {
        break;
      }
      t += len - 1;
      break;
    }
  }
  /* A short name a body's mention holds already, found by another cue
   * ("Shares of Boeing" after "Boeing Co"): the whole takes its name all
   * the same, one body under one name. */
  for (size_t i = 0; ns && i < r->an->n_mentions && !st; i++) {
    const NgMention *o = &r->an->mentions[i];
    if (o->kind != NG_MENTION_NAME || o->led ||
        !ng_entity_type_is_org(o->type)) {
      continue;
    }
    const char *w = r->tok[o->t0].norm;
    for (size_t c = first_cand(shorts, ns, w);
         c < ns && !strcmp(shorts[c].first, w) && !st; c++) {
      const NgMention *m = &r->an->mentions[shorts[c].mention];
      if (shorts[c].len == o->t1 - o->t0 &&
          same_words(r, o->t0, m->t0, shorts[c].len)) {
        st = name_whole_short(r, shorts[c].mention, o);
      }
    }
  }
  ng_free(shorts);
  ng_free(cand);
  return st;
}

/* The gazetteer's entry of type @p type named @p name (a lexicon VALUE:
 * "Morocco", "Tennessee"), or -1. */
static int32_t
entry_named(const Rec *r, const char *name, NgEntityType type)
{
  NgToken *toks;
  size_t n;
  NgGazMatch hits[8];
  if (ng_tokenize(name, strlen(name), r->res->lex, r->an->arena, &toks, &n) ||
      !n) {
    return -1;
  }
  size_t nh = ng_gazetteer_match_at(r->res->gaz, name, toks, n, 0, hits,
                                    NG_COUNTOF(hits));
  nh = ng_gazetteer_keep_existing(r->res->gaz,
                                  ng_date_year(&r->an->doc->date), hits, nh);
  for (size_t i = 0; i < nh; i++) {
    if (hits[i].t1 == n && hits[i].kind == NG_LABEL_NAME &&
        ng_gazetteer_entry(r->res->gaz, hits[i].entry).type == type) {
      return (int32_t)hits[i].entry;
    }
  }
  return -1;
}

/* The gazetteer entries of type @p type the document's mentions link,
 * each once, into @p out (at most @p max); returns their number. */
static size_t
entries_named(const Rec *r, NgEntityType type, int32_t *out, size_t max)
{
  const NgAnalysis *an = r->an;
  size_t n = 0;
  for (size_t i = 0; i < an->n_mentions && n < max; i++) {
    const NgMention *m = &an->mentions[i];
    bool dup = false;
    for (size_t j = 0; j < n && !dup; j++) {
      dup = out[j] == m->gaz;
    }
    if (m->gaz >= 0 && m->type == type && !dup) {
      out[n++] = m->gaz;
    }
  }
  return n;
}

#define MAX_PARENTS 8
#define MAX_LINKS 32

/* The international organisation of the document whose body's name the
 * text shortens (an unlinked organisation's name @p name, "Conseil de
 * sécurité"), completed with the parent's name: a tail of its French name
 * after a link word ("Conseil de sécurité" + "des" + "Nations unies"), or
 * its English name before ("United Nations" + "Security Council"). The
 * body's entry when exactly one completion names one, or -1. */
static int32_t
parent_body(Rec *r, const NgMention *m, const char *name,
            const int32_t *parents, size_t np, const char *const *links,
            size_t n_links)
{
  int32_t found = -1;
  NgBuf cand;
  ng_buf_init(&cand);
  /* Only a name some label goes on after can be completed in French. */
  bool goes_on = ng_gazetteer_continues(r->res->gaz, r->tok, m->t0, m->t1);
  for (size_t p = 0; p < np; p++) {
    NgGazEntry pe = ng_gazetteer_entry(r->res->gaz, (uint32_t)parents[p]);
    /* "United Nations Security Council" */
    ng_buf_clear(&cand);
    ng_buf_printf(&cand, "%s %s", pe.label_en, name);
    int32_t e = *pe.label_en && !cand.failed
                  ? entry_named(r, cand.data, NG_ENT_INTL_ORG)
                  : -1;
    /* "Conseil de sécurité des Nations unies": after each word of the
     * French name, each link word of the lexicon */
    for (const char *tail = goes_on ? strchr(pe.label_fr, ' ') : NULL;
         e < 0 && tail; tail = strchr(tail + 1, ' ')) {
      for (size_t i = 0; e < 0 && i < n_links; i++) {
        size_t fl = strlen(links[i]);
        bool elided = fl && links[i][fl - 1] == '\'';
        ng_buf_clear(&cand);
        ng_buf_printf(&cand, "%s %s%s%s", name, links[i], elided ? "" : " ",
                      tail + 1);
        e = cand.failed ? -1 : entry_named(r, cand.data, NG_ENT_INTL_ORG);
      }
    }
    if (e >= 0 && e != parents[p]) {
      if (found >= 0 && found != e) {
        found = -1;
        break; /* two bodies so named */
      }
      found = e;
    }
  }
  ng_buf_free(&cand);
  return found;
}

/* "le Conseil de sécurité" in a document that names the UN is the UN
 * Security Council (parent_body). */
static NgStatus
pass_parent_bodies(Rec *r)
{
  NgAnalysis *an = r->an;
  int32_t parents[MAX_PARENTS];
  size_t np = entries_named(r, NG_ENT_INTL_ORG, parents, MAX_PARENTS);
  /* the link words of the document's language */
  const char *links[MAX_LINKS];
  size_t n_links = 0, it = 0;
  const NgLexEntry *l;
  while (np && n_links < MAX_LINKS &&
         (l = ng_lexicon_next(r->res->lex, "np_link", &it))) {
    if (!l->lang || !an->lang || !strcmp(l->lang, an->lang)) {
      links[n_links++] = l->form;
    }
  }
  for (size_t i = 0; np && i < an->n_mentions; i++) {
    NgMention *m = &an->mentions[i];
    /* unlinked, or linked below the bar ("General Assembly", a national
     * body of a country the document does not name) */
    if (m->kind != NG_MENTION_NAME || !ng_entity_type_is_org(m->type) ||
        (m->gaz >= 0 && m->link_conf >= r->res->min_link_conf)) {
      continue;
    }
    const char *name = ng_analysis_name(an, m->b0, m->b1);
    if (!name) {
      return NG_ERR_NOMEM;
    }
    int32_t e = parent_body(r, m, name, parents, np, links, n_links);
    if (e >= 0) {
      link_to(m, e, 0.8);
      m->type = ng_gazetteer_entry(r->res->gaz, (uint32_t)e).type;
    }
  }
  return NG_SUCCESS;
}

/* A comma at t and a state's abbreviation after it (", Tenn.", ", N. C"),
 * its final dot included: the token after it, or 0; its lexicon entry in
 * *e. */
static size_t
state_abbrev_end(const Rec *r, size_t t, const NgLexEntry **e)
{
  if (t + 1 >= r->n || strcmp(r->tok[t].norm, ",") ||
      r->tok[t + 1].sent != r->tok[t].sent || r->covered[t + 1] ||
      !is_cap(&r->tok[t + 1])) {
    return 0;
  }
  size_t k = match_class(r, "state_abbrev", t + 1, e);
  if (!k) {
    return 0;
  }
  size_t end = t + 1 + k;
  if (end < r->n && !strcmp(r->tok[end].norm, ".") &&
      r->tok[end].b0 == r->tok[end - 1].b1) {
    end++;
  }
  return end;
}

/* A form of state of a country the document names, and the country. */
typedef struct {
  const char *form; /* English, as the lexicon's VALUE: "Kingdom" */
  int32_t gaz;
} StateForm;

#define MAX_STATE_FORMS 16
#define MAX_FOCUS_COUNTRIES 32

/* The capitalised form of state at t, not yet a mention: its lexicon
 * entry in class @p cls, and the tokens it takes, or 0. */
static size_t
state_form_at(const Rec *r, size_t t, const char *cls, const NgLexEntry **e)
{
  if (t >= r->n || r->covered[t] || !is_cap(&r->tok[t])) {
    return 0;
  }
  size_t k = match_class(r, cls, t, e);
  return k && (*e)->value && *(*e)->value && free_range(r, t, t + k) ? k : 0;
}

/* A country's official name (lexicon class "state_form"):
 *  - the form, up to two adjectives (class adjective_ending), up to two
 *    link words and the country's name: "Royaume du Maroc", "République
 *    fédérale d'Allemagne", "Kingdom of Norway"; the form leads the
 *    name's mention;
 *  - the form and a demonym, or a demonym and the form: "République
 *    française", "Confédération suisse", "French Republic"; one mention
 *    of the country.
 * Then a form that can stand alone (class "state_short_form") after a
 * definite article ("la Confédération", "le Royaume") is the country of
 * the document that has it: named so in the document, or so in the
 * gazetteer's names ("Swiss Confederation") among the countries the
 * document names; none when several do. */
/* Whether country entry @p gaz has the form of state @p form in its
 * official name, as the gazetteer knows them ("Republic" for France). */
static bool
has_state_form(const Rec *r, int32_t gaz, const char *form)
{
  uint32_t has[MAX_FOCUS_COUNTRIES];
  size_t nh = gaz >= 0 ? ng_gazetteer_state_form(r->res->gaz, form, has,
                                                 NG_COUNTOF(has))
                       : 0;
  for (size_t i = 0; i < nh; i++) {
    if (has[i] == (uint32_t)gaz) {
      return true;
    }
  }
  return false;
}

static NgStatus
pass_official_names(Rec *r)
{
  NgAnalysis *an = r->an;
  StateForm seen[MAX_STATE_FORMS];
  size_t n_seen = 0;
  const NgLexEntry *e = NULL;
  for (size_t t = 0; t < r->n; t++) {
    size_t k = state_form_at(r, t, "state_form", &e);
    /* "chef d'État", "homme d'État": a complement, no official name */
    if (!k || (t > 0 && link_word(r, t - 1) &&
               !(r->tok[t - 1].flags & NG_TOK_DEFINITE))) {
      continue;
    }
    size_t c = t + k, ci;
    for (int adj = 0; adj < 2 && c < r->n && !r->covered[c] &&
                      is_word(&r->tok[c]) && !is_cap(&r->tok[c]) &&
                      !link_word(r, c) && adjective_like(r, c);
         adj++) {
      c++;
    }
    size_t links = 0;
    while (links < 2 && c < r->n && link_word(r, c) && !r->covered[c]) {
      c++;
      links++;
    }
    int32_t gaz = -1;
    if (links && (ci = country_mention(r, c, SIZE_MAX, NG_MENTION_NAME)) !=
                   SIZE_MAX &&
        r->tok[c].sent == r->tok[t].sent) {
      NgMention *m = &an->mentions[ci];
      m->led = true;
      m->lead_b0 = r->tok[t].b0;
      m->lead_c0 = r->tok[t].c0;
      for (size_t i = t; i < m->t0; i++) {
        r->covered[i] = true;
      }
      gaz = m->gaz;
    } else {
      /* "République française"; "French Republic" */
      size_t d = country_mention(r, t + k, SIZE_MAX, NG_MENTION_DEMONYM);
      size_t s0 = t, s1 = 0;
      if (d != SIZE_MAX) {
        s1 = an->mentions[d].t1;
      } else if (t > 0) {
        for (size_t i = an->n_mentions; i-- > 0 && d == SIZE_MAX;) {
          const NgMention *m = &an->mentions[i];
          if (m->t1 == t && m->kind == NG_MENTION_DEMONYM && m->gaz >= 0 &&
              m->type == NG_ENT_COUNTRY && r->tok[m->t0].sent == r->tok[t].sent &&
              is_cap(&r->tok[m->t0])) {
            d = i;
            s0 = m->t0;
            s1 = t + k;
          }
        }
      }
      /* only the form of state of that country's official name: "la
       * Fédération française de rugby" is no name of France */
      if (d == SIZE_MAX ||
          !has_state_form(r, an->mentions[d].gaz, e->value)) {
        continue;
      }
      gaz = an->mentions[d].gaz;
      remove_mention(r, d);
      NgMention *m = add(r, s0, s1, NG_MENTION_NAME, NG_ENT_COUNTRY);
      if (!m) {
        return NG_ERR_NOMEM;
      }
      link_to(m, gaz, 0.9);
    }
    if (n_seen < MAX_STATE_FORMS) {
      seen[n_seen++] = (StateForm){e->value, gaz};
    }
    t = c;
  }
  int32_t named[MAX_FOCUS_COUNTRIES];
  size_t n_named = entries_named(r, NG_ENT_COUNTRY, named,
                                 MAX_FOCUS_COUNTRIES);
  for (size_t t = 1; t < r->n; t++) {
    size_t k = state_form_at(r, t, "state_short_form", &e);
    if (!k || !(r->tok[t - 1].flags & NG_TOK_DEFINITE) ||
        r->tok[t - 1].sent != r->tok[t].sent ||
        (t + k < r->n && r->tok[t + k].sent == r->tok[t].sent &&
         (is_cap(&r->tok[t + k]) || link_word(r, t + k)))) {
      continue;
    }
    int32_t gaz = -1;
    size_t n_gaz = 0;
    for (size_t i = 0; i < n_seen; i++) {
      if (!strcmp(seen[i].form, e->value) && seen[i].gaz != gaz) {
        gaz = seen[i].gaz;
        n_gaz++;
      }
    }
    if (n_gaz == 0) {
      uint32_t has[MAX_FOCUS_COUNTRIES];
      size_t nh = ng_gazetteer_state_form(r->res->gaz, e->value, has,
                                          NG_COUNTOF(has));
      for (size_t i = 0; i < nh; i++) {
        for (size_t j = 0; j < n_named; j++) {
          if ((uint32_t)named[j] == has[i]) {
            gaz = named[j];
            n_gaz++;
          }
        }
      }
    }
    if (n_gaz != 1) {
      continue;
    }
    NgMention *m = add(r, t, t + k, NG_MENTION_NAME, NG_ENT_COUNTRY);
    if (!m) {
      return NG_ERR_NOMEM;
    }
    link_to(m, gaz, 0.85);
  }
  return NG_SUCCESS;
}

/* The region a place's mention ends in: its tail, and its region when
 * the gazetteer has it (@p region, an entry or -1). */
static void
end_in_region(Rec *r, NgMention *m, size_t end, int32_t region)
{
  extend_tail(r, m, end, true);
  m->within_gaz = region;
}

/* "Nashville, Tenn.", "New Cassel, Wis.": a state's abbreviation after a
 * place's name and a comma belongs to the place's mention, and the state
 * it stands for (its VALUE) is where the place lies; a run of capitalised
 * words before one is a place. */
static NgStatus
pass_state_abbreviations(Rec *r)
{
  NgAnalysis *an = r->an;
  size_t n0 = an->n_mentions;
  const NgLexEntry *e = NULL;
  for (size_t i = 0; i < n0; i++) {
    NgMention *m = &an->mentions[i];
    size_t end;
    if (m->kind == NG_MENTION_NAME && ng_entity_type_is_place(m->type) &&
        !m->tail_b1 && (end = state_abbrev_end(r, m->t1, &e)) > 0) {
      end_in_region(r, m, end, entry_named(r, e->value, NG_ENT_REGION));
    }
  }
  for (size_t t = 0; t < r->n; t++) {
    if (!name_token(r, t) || (t > 0 && name_token(r, t - 1))) {
      continue;
    }
    size_t run = name_run(r, t, 3), end;
    if ((end = state_abbrev_end(r, run, &e)) > 0) {
      NgMention *m = add(r, t, run, NG_MENTION_NAME, NG_ENT_PLACE);
      if (!m) {
        return NG_ERR_NOMEM;
      }
      end_in_region(r, m, end, entry_named(r, e->value, NG_ENT_REGION));
      t = end - 1;
    }
  }
  return NG_SUCCESS;
}

/* The first-level region the gazetteer knows that the place mention @p m
 * names ("Idaho", "Vaud"; "Montana" the state, not the Bulgarian town),
 * or -1. */
static int32_t
region_named_by(const Rec *r, const NgMention *m)
{
  if (m->kind != NG_MENTION_NAME || m->gaz < 0 || m->led || m->tail_b1) {
    return -1;
  }
  NgGazMatch hits[32];
  size_t nh = m->n_alt > 1 ? gaz_hits(r, m->t0, hits, NG_COUNTOF(hits))
                           : 0;
  if (!nh) {
    hits[nh++] = (NgGazMatch){m->t0, m->t1, (uint32_t)m->gaz,
                              NG_LABEL_NAME, ""};
  }
  for (size_t i = 0; i < nh; i++) {
    NgGazEntry e = ng_gazetteer_entry(r->res->gaz, hits[i].entry);
    if (hits[i].t1 == m->t1 && e.type == NG_ENT_REGION && !minor_place(&e)) {
      return (int32_t)hits[i].entry;
    }
  }
  return -1;
}

/* The likeliest entry the place mention @p m names of type @p type (any
 * place: NG_ENT_NONE) in @p country (anywhere: NULL), or -1: of the hits
 * at its first token that span it, the largest. Another country's
 * homonym ("Paris" followed by ", Texas"), an office's seat ("Quebec
 * Premier"). */
static int32_t
likeliest_entry(const Rec *r, const NgMention *m, NgEntityType type,
                const char *country)
{
  NgGazMatch hits[32];
  size_t nh = gaz_hits(r, m->t0, hits, NG_COUNTOF(hits));
  int32_t best = -1;
  uint32_t prior = 0;
  for (size_t i = 0; i < nh; i++) {
    NgGazEntry e = ng_gazetteer_entry(r->res->gaz, hits[i].entry);
    bool kind = type == NG_ENT_NONE ? ng_entity_type_is_place(e.type)
                                    : e.type == type;
    if (hits[i].t1 == m->t1 && kind &&
        (!country || !strcmp(e.country, country)) &&
        (best < 0 || e.prior > prior)) {
      best = (int32_t)hits[i].entry;
      prior = e.prior;
    }
  }
  return best;
}

/* The place name mentions by token: an array of 2 * r->n, whose first
 * half gives for each token 1 + the index of the mention that starts
 * there and whose second half 1 + the index of the one that ends there
 * (0: none); only linked mentions without a tail when @p linked. NULL
 * when out of memory; the caller frees it. */
static size_t *
place_index(const Rec *r, bool linked)
{
  const NgAnalysis *an = r->an;
  size_t *starts = ng_calloc(2 * r->n, sizeof *starts);
  if (!starts) {
    return NULL;
  }
  size_t *ends = starts + r->n;
  for (size_t i = 0; i < an->n_mentions; i++) {
    const NgMention *m = &an->mentions[i];
    if (m->kind == NG_MENTION_NAME && ng_entity_type_is_place(m->type) &&
        (!linked || (m->gaz >= 0 && !m->tail_b1))) {
      starts[m->t0] = i + 1;
      ends[m->t1 - 1] = i + 1;
    }
  }
  return starts;
}

/* Whether token t separates the items of a list: a comma or a
 * coordinator ("and", "et"). */
static bool
list_separator(const Rec *r, size_t t)
{
  return t < r->n &&
         (!strcmp(r->tok[t].norm, ",") || in_class(r, "coordinator", t));
}

/* In a list of places ("Washington, Oregon, Idaho and Montana", "Paris,
 * Lyon et Marseille"), a name with entries of several kinds takes the
 * kind its unambiguous neighbours share, when it has an entry of that
 * kind in the same country: Washington the state, not the capital. */
static NgStatus
pass_place_lists(Rec *r)
{
  NgAnalysis *an = r->an;
  if (!r->res->gaz || r->n < 3) {
    return NG_SUCCESS;
  }
  size_t *starts = place_index(r, true);
  if (!starts) {
    return NG_ERR_NOMEM;
  }
  const size_t *ends = starts + r->n;
  NgGazMatch hits[32];
  for (size_t i = 0; i < an->n_mentions; i++) {
    NgMention *m = &an->mentions[i];
    if (m->kind != NG_MENTION_NAME || m->gaz < 0 || m->n_alt <= 1 ||
        m->led || m->tail_b1 || !ng_entity_type_is_place(m->type)) {
      continue;
    }
    /* the neighbours' kind and country, when they agree */
    const NgMention *nb[2] = {NULL, NULL};
    if (m->t0 >= 2 && list_separator(r, m->t0 - 1) && ends[m->t0 - 2]) {
      nb[0] = &an->mentions[ends[m->t0 - 2] - 1];
    }
    if (m->t1 + 1 < r->n && list_separator(r, m->t1) && starts[m->t1 + 1]) {
      nb[1] = &an->mentions[starts[m->t1 + 1] - 1];
    }
    NgEntityType kind = NG_ENT_NONE;
    const char *country = NULL;
    bool agree = true;
    for (int k = 0; k < 2 && agree; k++) {
      if (!nb[k]) {
        continue;
      }
      NgGazEntry e = ng_gazetteer_entry(r->res->gaz, (uint32_t)nb[k]->gaz);
      /* a minor place says little of the list's kind ("London and
       * Manchester": a district of the gazetteer, not its city) */
      agree = nb[k]->n_alt <= 1 && nb[k]->sent == m->sent &&
              !minor_place(&e) &&
              (kind == NG_ENT_NONE || (kind == e.type &&
                                       !strcmp(country, e.country)));
      kind = e.type;
      country = e.country;
    }
    if (!agree || kind == NG_ENT_NONE || kind == m->type ||
        kind == NG_ENT_COUNTRY) {
      continue;
    }
    size_t nh = gaz_hits(r, m->t0, hits, NG_COUNTOF(hits));
    for (size_t h = 0; h < nh; h++) {
      NgGazEntry e = ng_gazetteer_entry(r->res->gaz, hits[h].entry);
      if (hits[h].t1 == m->t1 && e.type == kind && !strcmp(e.country, country)) {
        link_to(m, (int32_t)hits[h].entry, 0.8);
        m->type = kind;
        break;
      }
    }
  }
  ng_free(starts);
  return NG_SUCCESS;
}

/* The start of a town's name the gazetteer does not know that ends
 * right before t: up to three capitalised words, not across a line's
 * start; t when there is none. */
static size_t
town_run_before(const Rec *r, size_t t)
{
  size_t s = t;
  while (s > 0 && t - s < 3 && name_token(r, s - 1) &&
         !(r->tok[s].flags & NG_TOK_LINE_START)) {
    s--;
  }
  return s;
}

/* "Lewiston, Idaho", "Paris, Texas.": a first-level region written after
 * a town's name and a comma, ending the phrase, belongs to the town's
 * mention and is where it lies; of the town's homonyms, it is the one in
 * the region's country, or none the gazetteer knows. A run of capitalised
 * words before one is a place ("Basin, Montana"). Not in a list of places
 * ("Genève, Vaud et Fribourg", "Berne, Vaud, Valais"). A region_prep
 * before the region ("à Portland, dans l'Oregon", "Georgetown, in South
 * Carolina") says the same of a town already found, and the region stays
 * a mention of its own. */
static NgStatus
pass_places_in_regions(Rec *r)
{
  NgAnalysis *an = r->an;
  if (!r->res->gaz || r->n < 3) {
    return NG_SUCCESS;
  }
  size_t *starts = place_index(r, false);
  if (!starts) {
    return NG_ERR_NOMEM;
  }
  const size_t *ends = starts + r->n;
  size_t n0 = an->n_mentions;
  bool *absorbed = ng_calloc(n0 + 1, sizeof *absorbed);
  NgStatus st = absorbed ? NG_SUCCESS : NG_ERR_NOMEM;
  for (size_t t = 1; t + 1 < r->n && !st; t++) {
    /* t: the comma; the region starts right after it, or after a
     * region_prep and its article */
    if (strcmp(r->tok[t].norm, ",")) {
      continue;
    }
    size_t rt = t + 1;
    bool prep = !starts[rt] && in_class(r, "region_prep", rt);
    if (prep) {
      rt += 1 + (rt + 2 < r->n && in_class(r, "definite", rt + 1));
    }
    if (rt >= r->n || !starts[rt]) {
      continue;
    }
    size_t ri = starts[rt] - 1;
    const NgMention *reg = &an->mentions[ri];
    size_t after = reg->t1;
    bool ends_phrase =
        after >= r->n || r->tok[after].sent != reg->sent ||
        ((r->tok[after].flags & NG_TOK_LINE_START) &&
         !in_class(r, "coordinator", after)) ||
        (!is_cap(&r->tok[after]) && !in_class(r, "coordinator", after) &&
         !(after + 1 < r->n && !strcmp(r->tok[after].norm, ",") &&
           starts[after + 1]));
    int32_t region_gaz; /* kept: add() may move the mentions */
    if (!ends_phrase || r->tok[t - 1].sent != reg->sent ||
        (region_gaz = region_named_by(r, reg)) < 0) {
      continue;
    }
    NgGazEntry region = ng_gazetteer_entry(r->res->gaz, (uint32_t)region_gaz);
    NgMention *m;
    if (ends[t - 1]) {
      m = &an->mentions[ends[t - 1] - 1];
      bool town = m->kind == NG_MENTION_NAME && !m->tail_b1 &&
                  (m->type == NG_ENT_CITY || m->type == NG_ENT_PLACE);
      bool listed = m->t0 >= 2 && !strcmp(r->tok[m->t0 - 1].norm, ",") &&
                    ends[m->t0 - 2];
      /* a town of another country before a name the document reads as a
       * city is a list of cities ("Tunis, Alger"), not "Paris, Texas" */
      bool cities = false;
      if (town && !prep && m->gaz >= 0 && reg->type == NG_ENT_CITY) {
        NgGazEntry te = ng_gazetteer_entry(r->res->gaz, (uint32_t)m->gaz);
        cities = strcmp(te.country, region.country) != 0;
      }
      if (!town || listed || cities) {
        continue;
      }
    } else if (prep) {
      continue;
    } else {
      size_t s = town_run_before(r, t);
      /* nor an acronym in running text ("l'agence APS, Alger") */
      if (s == t || (s > 0 && !strcmp(r->tok[s - 1].norm, ",")) ||
          (s + 1 == t && (r->tok[s].flags & NG_TOK_UPPER) &&
           !(r->tok[s].flags & NG_TOK_LINE_START))) {
        continue;
      }
      if (!(m = add(r, s, t, NG_MENTION_NAME, NG_ENT_PLACE))) {
        st = NG_ERR_NOMEM;
        break;
      }
    }
    if (m->gaz >= 0 && *region.country) {
      NgGazEntry town = ng_gazetteer_entry(r->res->gaz, (uint32_t)m->gaz);
      if (strcmp(town.country, region.country) != 0) {
        m->gaz = likeliest_entry(r, m, NG_ENT_NONE, region.country);
        m->n_alt = m->gaz >= 0;
        m->link_conf = m->gaz >= 0 ? 0.8 : 0.0;
      }
    }
    if (prep || an->mentions[ri].b1 < r->tok[after - 1].b1) {
      /* "Santa Clara, California-based": the region is part of a word,
       * which stays its own mention */
      m->within_gaz = region_gaz;
    } else {
      end_in_region(r, m, after, region_gaz);
      absorbed[ri] = true;
    }
    t = after - 1;
  }
  /* Forget the regions the towns took. */
  size_t w = 0;
  for (size_t i = 0; i < an->n_mentions; i++) {
    if (i >= n0 || !absorbed || !absorbed[i]) {
      an->mentions[w++] = an->mentions[i];
    }
  }
  an->n_mentions = w;
  ng_free(absorbed);
  ng_free(starts);
  return st;
}

/* "à Vénissieux (Rhône)", "Brest (Finistère)", "Mézières (Vaud)": a
 * region in brackets right after a town, of any level, is where the town
 * lies; of the town's homonyms it is the one in the region's country,
 * and the text's pick links both (0.8). A run of capitalised words
 * before one is a town ("Saint-Priest (Rhône)"). */
static NgStatus
pass_bracketed_regions(Rec *r)
{
  NgAnalysis *an = r->an;
  if (!r->res->gaz || r->n < 4) {
    return NG_SUCCESS;
  }
  size_t *starts = place_index(r, false);
  if (!starts) {
    return NG_ERR_NOMEM;
  }
  const size_t *ends = starts + r->n;
  NgStatus st = NG_SUCCESS;
  for (size_t t = 1; t + 1 < r->n && !st; t++) {
    /* t: the opening bracket; the region starts right after it */
    if (strcmp(r->tok[t].norm, "(") || !starts[t + 1]) {
      continue;
    }
    size_t ri = starts[t + 1] - 1;
    const NgMention *reg = &an->mentions[ri];
    if (reg->gaz < 0 || reg->type != NG_ENT_REGION || reg->led ||
        reg->t1 >= r->n || strcmp(r->tok[reg->t1].norm, ")") ||
        r->tok[t - 1].sent != reg->sent) {
      continue;
    }
    NgMention *town;
    if (ends[t - 1]) {
      town = &an->mentions[ends[t - 1] - 1];
    } else {
      /* a town the gazetteer does not know: a run of capitalised words
       * in running text ("un entrepôt de Saint-Priest (Rhône)"), or in
       * capitals opening a line ("VILLEURBANNE (Rhône) —"); not an item
       * of a list ("; My Lady Dainty (Hesse)", a composer) */
      size_t s = town_run_before(r, t);
      bool running = s > 0 && r->tok[s - 1].sent == reg->sent &&
                     is_word(&r->tok[s - 1]) && !is_cap(&r->tok[s - 1]);
      bool heading = (r->tok[s].flags & NG_TOK_LINE_START) &&
                     (r->tok[s].flags & NG_TOK_UPPER);
      if (s == t || !(running || heading)) {
        continue;
      }
      if (!(town = add(r, s, t, NG_MENTION_NAME, NG_ENT_PLACE))) {
        st = NG_ERR_NOMEM;
        break;
      }
      reg = &an->mentions[ri]; /* add() may have moved it */
    }
    if (town->kind != NG_MENTION_NAME || town->tail_b1 ||
        (town->type != NG_ENT_CITY && town->type != NG_ENT_PLACE) ||
        town->sent != reg->sent) {
      continue;
    }
    NgGazEntry re = ng_gazetteer_entry(r->res->gaz, (uint32_t)reg->gaz);
    if (town->gaz >= 0 && *re.country) {
      NgGazEntry te = ng_gazetteer_entry(r->res->gaz, (uint32_t)town->gaz);
      if (town->n_alt > 1 || strcmp(te.country, re.country) != 0) {
        town->gaz = likeliest_entry(r, town, NG_ENT_NONE, re.country);
        town->n_alt = town->gaz >= 0;
        town->link_conf = town->gaz >= 0 ? 0.8 : 0.0;
      }
    }
    if (reg->n_alt <= 1 && reg->link_conf < 0.8) {
      an->mentions[ri].link_conf = 0.8;
    }
    town->within_gaz = reg->gaz;
  }
  ng_free(starts);
  return st;
}

/* An office says what kind of place its seat is (lexicon class
 * office_seat, VALUE the type): the place's name right before it in
 * English ("New York Mayor Eric Adams", "Quebec Premier François
 * Legault", "Georgia Governor Brian Kemp"), after it and "de" in French
 * ("le maire de Québec", "le gouverneur de Géorgie") is the entry of
 * that type, when the name has one (0.8). */
static NgStatus
pass_office_seats(Rec *r)
{
  NgAnalysis *an = r->an;
  if (!r->res->gaz) {
    return NG_SUCCESS;
  }
  for (size_t i = 0; i < an->n_mentions; i++) {
    NgMention *m = &an->mentions[i];
    if (m->kind != NG_MENTION_NAME || m->gaz < 0 || m->tail_b1 ||
        !ng_entity_type_is_place(m->type)) {
      continue;
    }
    const NgLexEntry *e = NULL;
    size_t k = m->t1 < r->n && r->tok[m->t1].sent == m->sent
                 ? match_class(r, "office_seat", m->t1, &e)
                 : 0;
    if (!k && m->t0 >= 2 && link_word(r, m->t0 - 1)) {
      /* "le maire de Québec": the office ends before the link word */
      for (size_t s = m->t0 - 1; s-- > 0 && m->t0 - 1 - s <= 3 && !k;) {
        size_t n = match_class(r, "office_seat", s, &e);
        k = s + n == m->t0 - 1 ? n : 0;
      }
    }
    NgEntityType type;
    if (!k || !e->value ||
        ng_entity_type_parse(e->value, &type) != NG_SUCCESS) {
      continue;
    }
    NgGazEntry cur = ng_gazetteer_entry(r->res->gaz, (uint32_t)m->gaz);
    int32_t seat = cur.type == type ? -1 : likeliest_entry(r, m, type, NULL);
    if (seat >= 0) {
      link_to(m, seat, 0.8);
      m->type = type;
    }
  }
  return NG_SUCCESS;
}

/* Whether a date follows a dateline's comma at t: a month ("July 7",
 * "sept."), a day and a month ("5 sept."), or a weekday. */
static bool
dateline_date_at(const Rec *r, size_t t)
{
  if (t < r->n && (r->tok[t].flags & NG_TOK_NUMBER)) {
    t++;
  }
  return t < r->n &&
         (in_class(r, "month", t) || in_class(r, "weekday", t));
}

/* A dateline the gazetteer does not know: a run of capitalised words at
 * the start of a line, a comma and a date ("TABOR CITY, July 7",
 * "Fayetteville, August 13"), or a town in capitals and its country
 * before the date or the credit ("VEVEY, Switzerland, Sept 1 (Reuters)",
 * "KONDUGA, Nigeria (AP)"): its end, or t. */
static size_t
dateline_place(const Rec *r, size_t t)
{
  if (!(r->tok[t].flags & NG_TOK_LINE_START) || !name_token(r, t) ||
      in_class(r, "title", t) || in_class(r, "first_name", t) ||
      in_class(r, "month", t) || in_class(r, "weekday", t)) {
    return t;
  }
  size_t end = name_run(r, t, 3);
  if (end >= r->n || strcmp(r->tok[end].norm, ",") ||
      r->tok[end].sent != r->tok[t].sent ||
      match_class(r, "org_head", t, NULL)) {
    return t;
  }
  if (dateline_date_at(r, end + 1)) {
    return end;
  }
  /* a town in capitals, its country, then the date or the credit:
   * "VEVEY, Switzerland, Sept 1 (Reuters)", "KONDUGA, Nigeria (AP)" */
  size_t c = end + 1;
  size_t ci = (r->tok[t].flags & NG_TOK_UPPER) && c < r->n
                ? country_mention(r, c, SIZE_MAX, NG_MENTION_NAME)
                : SIZE_MAX;
  if (ci == SIZE_MAX) {
    return t;
  }
  size_t after = r->an->mentions[ci].t1;
  bool dated = after + 1 < r->n && !strcmp(r->tok[after].norm, ",") &&
               dateline_date_at(r, after + 1);
  bool credited = after < r->n && !strcmp(r->tok[after].norm, "(");
  return dated || credited ? end : t;
}

/* The start of a run of name tokens, initials and given names written
 * short that ends right before token t, or t when there is none. */
static size_t
name_run_before(const Rec *r, size_t t)
{
  size_t s = t;
  uint32_t sent = t > 0 ? r->tok[t - 1].sent : 0;
  while (s > 0 && t - s < MAX_NAME && r->tok[s - 1].sent == sent) {
    if (name_token(r, s - 1) || first_name(r, s - 1)) {
      s--;
    } else if (s > 1 && initial_at(r, s - 2)) {
      s -= 2;
    } else {
      break;
    }
  }
  return s;
}

/* Whether a person's mention is written right before token t. */
static bool
person_written_before(const Rec *r, size_t t)
{
  const NgAnalysis *an = r->an;
  for (size_t i = 0; t > 0 && r->covered[t - 1] && i < an->n_mentions; i++) {
    const NgMention *m = &an->mentions[i];
    if (m->type == NG_ENT_PERSON && m->kind == NG_MENTION_NAME &&
        written_end(r, m) == t) {
      return true;
    }
  }
  return false;
}

/* A country's code in brackets after a person's name, as results print
 * it ("Miguel Indurain (Esp)", "1. Olano (Esp) 47'07"", "Alex Zülle
 * (SUI)"; lexicon class country_code): a mention of the country, and the
 * name before it, if no mention yet, a person's. It runs before the
 * gazetteer's pass, since there a code is the country even when it is
 * some other entity's name: the French press's "(EU)" is the United
 * States, not the European Union. */
static NgStatus
pass_country_codes(Rec *r)
{
  for (size_t t = 1; r->res->gaz && t + 2 < r->n; t++) {
    const NgLexEntry *e;
    if (strcmp(r->tok[t].norm, "(") || strcmp(r->tok[t + 2].norm, ")") ||
        r->covered[t + 1] || r->tok[t + 2].sent != r->tok[t].sent ||
        r->tok[t - 1].sent != r->tok[t].sent ||
        !match_class(r, "country_code", t + 1, &e)) {
      continue;
    }
    bool person = person_written_before(r, t);
    size_t s = person ? t : name_run_before(r, t);
    /* A name alone as lists print it, after a rank or a punctuation
     * mark, not inside a phrase ("le col de la Bonette (Fra)"). */
    if (s < t && s > 0 && r->tok[s - 1].sent == r->tok[s].sent &&
        (r->tok[s - 1].flags & NG_TOK_ALPHA)) {
      s = t;
    }
    int32_t c = person || s < t ? entry_named(r, e->value, NG_ENT_COUNTRY) : -1;
    if (c < 0) {
      continue;
    }
    if (s < t && (!add(r, s, t, NG_MENTION_NAME, NG_ENT_PERSON) ||
                  note_surname(r, t))) {
      return NG_ERR_NOMEM;
    }
    NgMention *cm = add(r, t + 1, t + 2, NG_MENTION_NAME, NG_ENT_COUNTRY);
    if (!cm) {
      return NG_ERR_NOMEM;
    }
    link_to(cm, c, 0.8);
    t += 2;
  }
  return NG_SUCCESS;
}

/* A ranked item at token t: a rank ("12", then a full stop) and a name
 * after it, initials allowed ("9. L. Jalabert"). The name's tokens in
 * [*s, *e), empty when another mention took them, its last token in
 * *last, and the rank; 0 when there is none. */
static int32_t
ranked_item(const Rec *r, size_t t, size_t *s, size_t *e, size_t *last)
{
  if (!(r->tok[t].flags & NG_TOK_NUMBER) || r->tok[t].num <= 0 ||
      t + 2 >= r->n || strcmp(r->tok[t + 1].norm, ".") ||
      (t > 0 && (r->tok[t - 1].flags & NG_TOK_ALPHA) &&
       !(r->tok[t - 1].flags & NG_TOK_ABBREV) &&
       !(r->tok[t].flags & NG_TOK_LINE_START))) {
    return 0; /* not "en 1998. Le", nor "page 12." */
  }
  size_t k = t + 2;
  while (initial_at(r, k)) {
    k += 2;
  }
  if (k >= r->n || (!name_token(r, k) && !r->covered[k])) {
    return 0;
  }
  *s = t + 2;
  *e = r->covered[k] ? *s : name_run(r, k, MAX_NAME);
  *last = r->covered[k] ? k : *e - 1;
  return r->tok[t].num;
}

/* A ranked list, as results print it ("12. Camenzind. 23. Huser. 28.
 * Dufaux. ... 60. Moos à 44 \"."): three items or more whose ranks
 * grow, each within a few tokens of the one before, one of them a
 * person found otherwise (not "1. Introduction 2. Méthodes 3. ..."). Its
 * names that nothing else took and that name no body or place are
 * persons. */
static NgStatus
pass_ranked_persons(Rec *r)
{
  enum { MAX_ITEMS = 64, GAP = 24 };
  size_t from[MAX_ITEMS], to[MAX_ITEMS], name[MAX_ITEMS];
  for (size_t t = 0; t < r->n; t++) {
    size_t s, e, w, n = 0, last = t;
    int32_t rank = ranked_item(r, t, &s, &e, &w);
    if (!rank) {
      continue;
    }
    for (size_t k = t; k < r->n && k <= last + GAP && n < MAX_ITEMS; k++) {
      size_t ks = s, ke = e, kw = w;
      int32_t kr = k == t ? rank : ranked_item(r, k, &ks, &ke, &kw);
      if (k != t && (!kr || kr <= rank)) {
        continue;
      }
      rank = kr;
      from[n] = ks;
      to[n] = ke;
      name[n++] = kw;
      last = kw;
      k = last;
    }
    bool persons = false;
    for (size_t i = 0; i < n && n >= 3 && !persons; i++) {
      persons = person_at(r, name[i]);
    }
    if (persons) {
      for (size_t i = 0; i < n; i++) {
        if (to[i] > from[i] && free_range(r, from[i], to[i]) &&
            !names_a_body(r, from[i], to[i]) && !gaz_starts(r, to[i] - 1) &&
            (!add(r, from[i], to[i], NG_MENTION_NAME, NG_ENT_PERSON) ||
             note_surname(r, to[i]))) {
          return NG_ERR_NOMEM;
        }
      }
    }
    t = last > t ? last : t;
  }
  return NG_SUCCESS;
}

/* Where a person is from, right after the name: "S. B. Nelson of
 * Spokane", "M. Jacques Favre, de Neuchâtel" (lexicon origin_prep; VALUE
 * comma: only after a comma, where the word could open a surname), or in
 * brackets as lists print it ("Alfred Jaton (Morges)"; an acronym there,
 * "(PS)", is no place). A run of capitalised words there that names no
 * body is a place, unlinked. */
static NgStatus
pass_origin_places(Rec *r)
{
  NgAnalysis *an = r->an;
  size_t n0 = an->n_mentions;
  for (size_t i = 0; i < n0; i++) {
    const NgMention *m = &an->mentions[i];
    if (m->type != NG_ENT_PERSON || m->kind != NG_MENTION_NAME) {
      continue;
    }
    size_t k = written_end(r, m);
    bool comma = k < r->n && !strcmp(r->tok[k].norm, ",");
    bool bracket = k < r->n && !strcmp(r->tok[k].norm, "(");
    k += comma;
    const NgLexEntry *e = NULL;
    size_t len = bracket ? 1
                 : k < r->n && r->tok[k].sent == m->sent
                   ? match_class(r, "origin_prep", k, &e)
                   : 0;
    if (!len || (!bracket && !comma && !strcmp(e->value, "comma"))) {
      continue;
    }
    size_t s = k + len;
    if (s >= r->n || r->tok[s].sent != m->sent || !name_token(r, s) ||
        (r->tok[s].flags & NG_TOK_UPPER) || in_class(r, "title", s) ||
        in_class(r, "first_name", s) || in_class(r, "month", s) ||
        in_class(r, "weekday", s)) {
      continue;
    }
    size_t end = name_run(r, s, 3);
    if (bracket && (end >= r->n || strcmp(r->tok[end].norm, ")"))) {
      continue;
    }
    if (end > s && !names_a_body(r, s, end) &&
        !add(r, s, end, NG_MENTION_NAME, NG_ENT_PLACE)) {
      return NG_ERR_NOMEM;
    }
  }
  return NG_SUCCESS;
}

/* Whether a comma or a coordinator at @p t leads to a capitalised word
 * no mention has taken. */
static bool
listed_with_unknown(const Rec *r, size_t t)
{
  return t + 1 < r->n && r->tok[t + 1].sent == r->tok[t].sent &&
         list_separator(r, t) && name_token(r, t + 1);
}

/* Whether the document names [s, end) elsewhere as a body or a person
 * ("chipmaker Nvidia ... results from Nvidia"). */
static bool
named_as_agent(const Rec *r, size_t s, size_t end)
{
  const NgAnalysis *an = r->an;
  for (size_t i = 0; i < an->n_mentions; i++) {
    const NgMention *m = &an->mentions[i];
    bool same = m->kind == NG_MENTION_NAME && m->t1 - m->t0 == end - s &&
                (ng_entity_type_is_org(m->type) || m->type == NG_ENT_PERSON);
    for (size_t k = 0; same && k < end - s; k++) {
      same = !strcmp(r->tok[m->t0 + k].norm, r->tok[s + k].norm);
    }
    if (same) {
      return true;
    }
  }
  return false;
}

/* Places the gazetteer does not know, named after a place preposition
 * ("à Tabor", "in Cookeville") or in a dateline: a run of capitalised
 * words that is no title, honorific, given name or organisation head;
 * typed as places, unlinked. */
static NgStatus
pass_context_places(Rec *r)
{
  for (size_t t = 0; t + 1 < r->n; t++) {
    size_t dl = dateline_place(r, t);
    if (dl > t) {
      if (!add(r, t, dl, NG_MENTION_NAME, NG_ENT_PLACE)) {
        return NG_ERR_NOMEM;
      }
      t = dl;
      continue;
    }
    const NgLexEntry *e;
    size_t k = match_class(r, "place_prep", t, &e);
    /* A capitalised one opens a sentence, not a title-case line ("In
     * 1990", "A Paris" in a headline: unsure) */
    bool opening = k && (r->tok[t].flags & NG_TOK_CAP);
    if (!k || (opening && (!(r->tok[t].flags & NG_TOK_SENT_START) ||
                           r->titled[t])) ||
        (k == 1 && !accents_agree(r, t, e->form))) {
      continue; /* the verb "a" is no "à" ("Visma-Lease a Bike", "A
                 * Paris") */
    }
    size_t s = t + k;
    if (s >= r->n || r->tok[s].sent != r->tok[t].sent || !name_token(r, s) ||
        (r->tok[s].flags & NG_TOK_UPPER) || in_class(r, "title", s) ||
        in_class(r, "first_name", s) || match_class(r, "org_head", s, NULL) ||
        in_class(r, "month", s) || in_class(r, "weekday", s)) {
      continue;
    }
    size_t end = name_run(r, s, 3);
    if (end == s || (opening && !list_separator(r, end))) {
      continue; /* "In Melbourne, parents ...", "À Bron et à Lyon" */
    }
    /* A post in the run ("comments from Federal Reserve Chair Jerome
     * Powell") makes it a body's name and a title, no place; and a
     * preposition that also names a source ("demand from Microsoft,
     * Alphabet and Meta"): a name listed with a name the gazetteer does
     * not know is no place there ("from Tabor and Paris" is), nor one
     * after a message's noun ("a call from Macron"). */
    if (title_within(r, s, end) ||
        (!strcmp(e->value, "source") &&
         (listed_with_unknown(r, end) || named_as_agent(r, s, end) ||
          (t > 0 && in_class(r, "message_noun", t - 1))))) {
      t = end - 1;
      continue;
    }
    /* A capitalised noun and its adjective in lower case, in a language
     * that writes names so, name an institution or a thing, not a place:
     * "publié au Journal officiel", "au Palais royal"; so do a noun and
     * its complement after an article ("au Palais des festivals"; but
     * "né à Bron de parents italiens"). */
    if (end < r->n && r->tok[end].sent == r->tok[s].sent &&
        !(r->tok[end].flags & NG_TOK_CAP) && lower_words_in_names(r) &&
        (adjective_like(r, end) ||
         ((r->tok[s - 1].flags & NG_TOK_DEFINITE) && link_word(r, end) &&
          end + 1 < r->n &&
          r->tok[end + 1].sent == r->tok[s].sent &&
          is_word(&r->tok[end + 1]) && !is_cap(&r->tok[end + 1]) &&
          !in_class(r, "stopword", end + 1)))) {
      t = end - 1;
      continue;
    }
    /* People at work before it say who they work for: "analysts at
     * Nomura", "researchers at Stanford" name a body, no place. */
    if (!strcmp(e->value, "dative") && t > 0 &&
        r->tok[t - 1].sent == r->tok[t].sent &&
        in_class(r, "staff_noun", t - 1)) {
      if (!add(r, s, end, NG_MENTION_NAME, NG_ENT_ORGANIZATION)) {
        return NG_ERR_NOMEM;
      }
      t = end - 1;
      continue;
    }
    /* A preposition that also takes persons ("céder à Abraham Olano"):
     * only a one-word name after it is taken for a place. After a post,
     * with an article, it gives the post's field ("secrétaire américain
     * au Trésor"; but "ambassadeur à Tokio"). */
    if ((!strcmp(e->value, "dative") && end > s + 1) ||
        (t > 0 && r->tok[t - 1].sent == r->tok[t].sent &&
         (r->tok[t + k - 1].flags & NG_TOK_DEFINITE) &&
         post_ends_at(r, t - 1))) {
      t = end - 1;
      continue;
    }
    if (!add(r, s, end, NG_MENTION_NAME, NG_ENT_PLACE)) {
      return NG_ERR_NOMEM;
    }
    t = end - 1;
  }
  return NG_SUCCESS;
}

/* How many places, up to two, are listed beside the words that start at
 * or end before @p t: the place names list separators lead to, item by
 * item, leftwards (@p dir -1: from the words starting at t) or
 * rightwards (+1: from the words ending before t), in the sentence of t.
 * (Two at most: a long list costs each name no more.) */
static size_t
listed_places(const Rec *r, const size_t *starts, size_t t, int dir)
{
  const size_t *ends = starts + r->n;
  size_t n = 0;
  uint32_t sent = r->tok[dir < 0 ? t : t - 1].sent;
  for (size_t k = t; n < 2;) {
    size_t sep = dir < 0 ? k - 1 : k, item = dir < 0 ? k - 2 : k + 1;
    if ((dir < 0 && k < 2) || item >= r->n || !list_separator(r, sep) ||
        r->tok[item].sent != sent || !(dir < 0 ? ends : starts)[item]) {
      return n;
    }
    const NgMention *m =
      &r->an->mentions[(dir < 0 ? ends : starts)[item] - 1];
    if (!is_cap(&r->tok[m->t0])) {
      return n; /* an address: "Pharmacie, 9, rue Lepeletier, Paris" */
    }
    n++;
    k = dir < 0 ? m->t0 : m->t1;
  }
  return n;
}

/* A name no mention has taken, listed right beside a place with two
 * places at least ("Lyon, Bron et Vénissieux", "the mayors of Austin,
 * Dallas and San Antonio"): a place the gazetteer does not know, typed
 * so, unlinked. */
static NgStatus
pass_listed_places(Rec *r)
{
  size_t *starts = place_index(r, false);
  if (!starts) {
    return NG_ERR_NOMEM;
  }
  NgStatus st = NG_SUCCESS;
  for (size_t t = 1; t + 1 < r->n && !st; t++) {
    if (!name_token(r, t) || name_token(r, t - 1) ||
        (r->tok[t].flags & NG_TOK_SENT_START) || in_class(r, "title", t) ||
        in_class(r, "first_name", t) || match_class(r, "org_head", t, NULL) ||
        in_class(r, "month", t) || in_class(r, "weekday", t)) {
      continue;
    }
    size_t end = name_run(r, t, 3);
    if (end == t || r->tok[end - 1].sent != r->tok[t].sent ||
        title_within(r, t, end)) {
      continue;
    }
    size_t left = listed_places(r, starts, t, -1);
    size_t right = listed_places(r, starts, end, 1);
    if ((left || right) && left + right >= 2 && !names_a_body(r, t, end) &&
        !add(r, t, end, NG_MENTION_NAME, NG_ENT_PLACE)) {
      st = NG_ERR_NOMEM;
    }
    t = end - 1;
  }
  ng_free(starts);
  return st;
}

/* A state body named with its country's demonym: "la police
 * espagnole", "the Kenyan army" (lexicon class national_body). The
 * demonym's mention goes into the body's, which belongs to that
 * country; the body is not linked (which force of the country it is, the
 * gazetteer cannot tell). */
static NgStatus
pass_national_bodies(Rec *r)
{
  NgAnalysis *an = r->an;
  for (size_t i = 0; i < an->n_mentions; i++) {
    NgMention *d = &an->mentions[i];
    if (d->kind != NG_MENTION_DEMONYM || d->gaz < 0) {
      continue;
    }
    size_t b0 = SIZE_MAX, b1 = 0;
    const NgLexEntry *e;
    /* body + demonym */
    for (size_t back = 1; back <= 3 && back <= d->t0; back++) {
      size_t s = d->t0 - back;
      size_t k = match_class(r, "national_body", s, &e);
      if (k && s + k == d->t0 && free_range(r, s, d->t0)) {
        b0 = s;
        b1 = d->t1;
        break;
      }
    }
    /* demonym + body, unless the body starts a title ("the Philippine
     * police chief") */
    size_t k;
    if (b0 == SIZE_MAX && (k = match_class(r, "national_body", d->t1, &e)) &&
        r->tok[d->t1].sent == d->sent && free_range(r, d->t1, d->t1 + k) &&
        match_class(r, "title", d->t1, NULL) <= k) {
      b0 = d->t0;
      b1 = d->t1 + k;
    }
    if (b0 == SIZE_MAX) {
      continue;
    }
    int32_t country = d->gaz;
    remove_mention(r, i);
    NgMention *m = add(r, b0, b1, NG_MENTION_NAME, NG_ENT_GOV_AGENCY);
    if (!m) {
      return NG_ERR_NOMEM;
    }
    m->country_gaz = country;
    i--; /* the array moved down by one; the new mention is at the end */
  }
  return NG_SUCCESS;
}

/* "la police nationale", "la gendarmerie nationale": a state body and a
 * lexicon adjective, without a country. */
static NgStatus
pass_national_adjective_bodies(Rec *r)
{
  for (size_t t = 0; t + 1 < r->n; t++) {
    size_t k = match_class(r, "national_body", t, NULL);
    if (!k || r->covered[t] || !free_range(r, t, t + k) || t + k >= r->n ||
        r->covered[t + k] || r->tok[t + k].sent != r->tok[t].sent ||
        !in_class(r, "org_adjective", t + k) ||
        (t > 0 && match_class(r, "anaphor", t - 1, NULL) > k) ||
        match_class(r, "title", t, NULL) > k + 1) {
      continue; /* "la police internationale" stands for Interpol */
    }
    if (!add(r, t, t + k + 1, NG_MENTION_NAME, NG_ENT_GOV_AGENCY)) {
      return NG_ERR_NOMEM;
    }
    t += k;
  }
  return NG_SUCCESS;
}

/* ---------------------------------------------------------------- 8, 9, 10 */

static NgStatus
pass_phrases(Rec *r, const char *cls, NgMentionKind kind)
{
  for (size_t t = 0; t < r->n; t++) {
    if (r->covered[t]) {
      continue;
    }
    const NgLexEntry *e;
    size_t k = match_class(r, cls, t, &e);
    if (!k || !free_range(r, t, t + k)) {
      continue;
    }
    NgEntityType type = NG_ENT_NONE;
    if (kind == NG_MENTION_NOMINAL &&
        ng_entity_type_parse(e->value, &type) != NG_SUCCESS) {
      continue;
    }
    NgMention *m = add(r, t, t + k, kind, type);
    if (!m) {
      return NG_ERR_NOMEM;
    }
    m->head = e->value;
    t += k - 1;
  }
  return NG_SUCCESS;
}

/* Event noun phrases: [demonstrative] [ordinal] noun [adjective]. The
 * mention's head is the ontology class from the lexicon; an anaphoric one
 * (after a demonstrative) has its class prefixed with '=' so extract
 * resolves it to an earlier event, and a bare definite one ("the summit")
 * with '~': an earlier event if there is one, else a new one. */
static NgStatus
pass_events(Rec *r)
{
  for (size_t t = 0; t < r->n; t++) {
    if (r->covered[t]) {
      continue;
    }
    size_t s = t;
    bool ana = false;
    if (in_class(r, "demonstrative", s)) {
      ana = true;
      s++;
    }
    if (s < r->n && (r->tok[s].flags & NG_TOK_ORDINAL) && !r->covered[s]) {
      s++;
    }
    if (s >= r->n || r->tok[s].sent != r->tok[t].sent) {
      continue;
    }
    const NgLexEntry *e;
    size_t k = match_class(r, "event_noun", s, &e);
    if (!k || !free_range(r, s, s + k)) {
      continue;
    }
    size_t end = s + k;
    if (end < r->n && r->tok[end].sent == r->tok[t].sent && !r->covered[end] &&
        in_class(r, "event_adjective", end)) {
      end++;
    }
    /* A noun, not a verb that folds the same ("visite" / "a visité"): a
     * determiner or a demonstrative before it, possibly across an ordinal
     * or one adjective, or a capital. */
    /* A name between them counts as the adjective it is ("the ASEAN
     * summit", "the African Union summit"). */
    bool det = ana || (r->tok[s].flags & NG_TOK_CAP);
    for (size_t back = 1; !det && back <= 6 && back <= t; back++) {
      size_t b = t - back;
      if (r->tok[b].sent != r->tok[t].sent) {
        break;
      }
      if (in_class(r, "determiner", b)) {
        det = true;
      } else if (r->covered[b] && (r->tok[b].flags & NG_TOK_CAP)) {
        continue;
      } else if (!(r->tok[b].flags & (NG_TOK_ORDINAL | NG_TOK_ALPHA)) ||
                 (r->tok[b].flags & NG_TOK_CAP) || back > 2) {
        break;
      }
    }
    if (!det) {
      continue;
    }
    size_t start = ana ? t : (s > t ? t : s);
    /* "the summit", bare after a definite article (no ordinal, no
     * complement), may be one already reported: extract decides. */
    bool bare = !ana && s == t && t > 0 && in_class(r, "definite", t - 1) &&
                !(end < r->n && r->tok[end].sent == r->tok[t].sent &&
                  link_word(r, end));
    NgMention *m = add(r, start, end, NG_MENTION_EVENT, NG_ENT_NONE);
    if (!m) {
      return NG_ERR_NOMEM;
    }
    m->head = ana    ? ng_arena_printf(r->an->arena, "=%s", e->value)
              : bare ? ng_arena_printf(r->an->arena, "~%s", e->value)
                     : e->value;
    t = end - 1;
  }
  return NG_SUCCESS;
}

/* Mark the lines written in title case, as some papers write headlines
 * ("France Votes In Runoff As Tensions Rise"): three words of four
 * letters or more, all capitalised and none in capitals, and a function
 * word capitalised too or five such words. */
static void
title_case_lines(Rec *r)
{
  for (size_t t0 = 0; t0 < r->n;) {
    size_t t1 = t0 + 1;
    while (t1 < r->n && !(r->tok[t1].flags & NG_TOK_LINE_START)) {
      t1++;
    }
    size_t words = 0, caps = 0, function = 0;
    for (size_t t = t0; t < t1; t++) {
      const NgToken *tk = &r->tok[t];
      if (!is_word(tk) || (tk->flags & NG_TOK_DIGIT)) {
        continue;
      }
      bool cap = (tk->flags & NG_TOK_CAP) && !(tk->flags & NG_TOK_UPPER);
      if (in_class(r, "stopword", t)) {
        function += cap && t > t0;
      } else if (tk->c1 - tk->c0 >= 4) {
        words++;
        caps += cap;
      }
    }
    bool titled = words >= 3 && caps == words && (function || words >= 5);
    for (size_t t = t0; t < t1 && titled; t++) {
      r->titled[t] = true;
    }
    t0 = t1;
  }
}

NgStatus
ng_recognise(NgAnalysis *an, const NgResources *res)
{
  Rec r = {an, res, an->seg.tokens, an->seg.n_tokens, NULL, NULL, {0}, {0}};
  r.covered = ng_calloc(r.n ? r.n : 1, sizeof(bool));
  r.titled = ng_calloc(r.n ? r.n : 1, sizeof(bool));
  if (!r.covered || !r.titled) {
    ng_free(r.covered);
    ng_free(r.titled);
    return NG_ERR_NOMEM;
  }
  title_case_lines(&r);
  NgStatus st = pass_clubs(&r);
  if (!st) st = pass_honorific_persons(&r);
  if (!st) st = pass_dates(&r);
  if (!st) st = pass_credits(&r);
  if (!st) st = pass_firm_names(&r);
  if (!st) st = pass_suffixed_persons(&r);
  if (!st) st = pass_first_name_persons(&r);
  if (!st) st = pass_country_codes(&r);
  if (!st) st = pass_media_names(&r);
  if (!st) st = pass_gazetteer(&r);
  if (!st) st = pass_venues(&r);
  if (!st) st = pass_club_suffixes(&r);
  if (!st) st = pass_hyphen_pairs(&r);
  if (!st) st = pass_suffixed_names(&r);
  if (!st) st = pass_beyond_places(&r);
  if (!st) st = pass_official_names(&r);
  if (!st) st = pass_state_abbreviations(&r);
  if (!st) st = pass_places_in_regions(&r);
  if (!st) st = pass_bracketed_regions(&r);
  if (!st) st = pass_office_seats(&r);
  if (!st) st = pass_place_lists(&r);
  if (!st) st = pass_place_heads(&r);
  if (!st) st = pass_acronyms(&r);
  if (!st) st = pass_org_heads(&r);
  if (!st) st = pass_employers(&r);
  if (!st) st = pass_parent_bodies(&r);
  if (!st) st = pass_national_bodies(&r);
  if (!st) st = pass_national_adjective_bodies(&r);
  if (!st) st = pass_apposition_persons(&r);
  if (!st) st = pass_coordinated_persons(&r);
  if (!st) st = pass_echoed_surnames(&r);
  if (!st) st = pass_known_surnames(&r);
  if (!st) st = pass_given_names(&r);
  if (!st) st = pass_suffixed_places(&r);
  if (!st) st = pass_origin_places(&r);
  if (!st) st = pass_ranked_persons(&r);
  if (!st) st = pass_context_places(&r);
  if (!st) st = pass_listed_places(&r);
  if (!st) st = pass_repeated_names(&r);
  if (!st) pass_person_appositions(&r);
  if (!st) pass_persons_by_post(&r);
  if (!st) st = pass_acronym_long_forms(&r);
  if (!st) st = pass_phrases(&r, "anaphor", NG_MENTION_NOMINAL);
  if (!st) st = pass_events(&r);
  if (!st) st = pass_phrases(&r, "topic", NG_MENTION_TOPIC);
  ng_free(r.covered);
  ng_free(r.titled);
  ng_strmap_free(&r.surnames);
  ng_strmap_free(&r.defined);
  if (st) {
    return st;
  }
  ng_analysis_sort_mentions(an);
  return NG_SUCCESS;
}
