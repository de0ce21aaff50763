/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0 */
#include "recognise.h"

#include <stdlib.h>
#include <string.h>

/* Longest lexicon phrases we try to match, in tokens. */
#define MAX_PHRASE 8
/* Longest person name, in tokens. */
#define MAX_NAME 5
/* Longest organisation name built from a head noun, in tokens. */
#define MAX_ORG 14

typedef struct {
  NgAnalysis *an;
  const NgResources *res;
  const NgToken *tok;
  size_t n;
  bool *covered;
} Rec;

static const char *
lang_of(const Rec *r)
{
  return r->an->lang;
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
  return m;
}

/* A name token: capitalised word that is not a function word. */
static bool
name_token(const Rec *r, size_t t)
{
  return t < r->n && is_cap(&r->tok[t]) && !r->covered[t] &&
         !in_class(r, "stopword", t) && !in_class(r, "person_title", t) &&
         !(r->tok[t].flags & NG_TOK_ABBREV);
}

/* A run of name tokens from t (particles such as "Ben", "El", "de" allowed
 * inside, never at the end); returns its end. */
static size_t
name_run(const Rec *r, size_t t, size_t max)
{
  size_t end = t, k = t;
  uint32_t sent = r->tok[t].sent;
  while (k < r->n && k - t < max && r->tok[k].sent == sent && !r->covered[k]) {
    if (name_token(r, k)) {
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

/* ---------------------------------------------------------------- 1 */

static NgStatus
pass_honorific_persons(Rec *r)
{
  for (size_t t = 0; t + 1 < r->n; t++) {
    if (!in_class(r, "person_title", t)) {
      continue;
    }
    size_t end = name_run(r, t + 1, MAX_NAME);
    if (end > t + 1 && r->tok[end - 1].sent == r->tok[t].sent) {
      if (!add(r, t + 1, end, NG_MENTION_NAME, NG_ENT_PERSON)) {
        return NG_ERR_NOMEM;
      }
      t = end - 1;
    }
  }
  return NG_SUCCESS;
}

/* ---------------------------------------------------------------- 2 */

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
 * is more often the state), then the most popular. */
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
      r->tok[t + 1].sent == r->tok[t].sent && in_class(r, "np_link", t + 1)) {
    size_t k = t + 1;
    while (k < r->n && in_class(r, "np_link", k)) {
      k++;
    }
    return k >= r->n || (r->tok[k].flags & NG_TOK_CAP);
  }
  return true;
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
    size_t nh = ng_gazetteer_match_at(r->res->gaz, r->an->doc->text, r->tok,
                                      r->n, t, hits, NG_COUNTOF(hits));
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
      int ra = type_rank(a.type), rb = type_rank(b.type);
      if (ra > rb || (ra == rb && a.prior > b.prior)) {
        best = i;
      }
    }
    if (best == SIZE_MAX) {
      continue;
    }
    if (hits[best].t1 == t + 1 && !single_token_name(r, t)) {
      continue;
    }
    NgGazEntry e = ng_gazetteer_entry(r->res->gaz, hits[best].entry);
    NgMentionKind kind = NG_MENTION_NAME;
    switch (hits[best].kind) {
    case NG_LABEL_NAME: kind = NG_MENTION_NAME; break;
    case NG_LABEL_ACRONYM: kind = NG_MENTION_ACRONYM; break;
    case NG_LABEL_DEMONYM: kind = NG_MENTION_DEMONYM; break;
    }
    NgMention *m = add(r, t, hits[best].t1, kind, e.type);
    if (!m) {
      return NG_ERR_NOMEM;
    }
    m->gaz = (int32_t)hits[best].entry;
    /* Distinct entries sharing the label lower the confidence. */
    m->link_conf = n_alt <= 1 ? 0.9 : 0.9 - 0.1 * (double)(n_alt - 1);
    if (m->link_conf < 0.5) {
      m->link_conf = 0.5;
    }
    t = hits[best].t1 - 1;
  }
  return NG_SUCCESS;
}

/* ---------------------------------------------------------------- 4 */

static NgStatus
pass_place_heads(Rec *r)
{
  for (size_t t = 0; t + 1 < r->n; t++) {
    const NgLexEntry *e;
    size_t k = match_class(r, "place_head", t, &e);
    if (!k || t + k >= r->n || r->tok[t].flags & NG_TOK_CAP) {
      continue;
    }
    size_t s = t + k;
    /* "la région MENA", "la province de Kénitra". */
    if (in_class(r, "np_link", s) && s + 1 < r->n && is_cap(&r->tok[s + 1])) {
      s++;
    }
    size_t end = name_run(r, s, 3);
    if (end == s) {
      continue;
    }
    NgEntityType type = NG_ENT_PLACE;
    if (ng_entity_type_parse(e->value, &type) != NG_SUCCESS) {
      type = NG_ENT_PLACE;
    }
    if (!add(r, s, end, NG_MENTION_NAME, type)) {
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

/* Match the letters of @p acr (upper-case ASCII after folding) against the
 * initials of the content words in [w0, w1) taken in order; returns the
 * number of words consumed, or 0 when they do not match. Function words
 * (stopwords, np_link, elisions) are skipped. */
static size_t
match_initials(const Rec *r, const char *acr, size_t len, size_t w0,
               size_t w1, size_t *words_out, size_t max_words)
{
  size_t i = 0, w = w0, nw = 0;
  while (i < len && w < w1) {
    const NgToken *tk = &r->tok[w];
    if (!is_word(tk) || in_class(r, "stopword", w) ||
        in_class(r, "np_link", w) || (tk->flags & NG_TOK_ELISION)) {
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
        in_class(r, "stopword", s) || in_class(r, "np_link", s)) {
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
      ok = !is_word(&r->tok[k]) || in_class(r, "np_link", k) ||
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
  return t > 0 && r->tok[t - 1].sent == r->tok[t].sent &&
         in_class(r, "acronym_det", t - 1);
}

static NgStatus
pass_acronyms(Rec *r)
{
  /* Acronyms confirmed somewhere in the document count everywhere. */
  char known[64][16];
  NgEntityType known_type[64];
  size_t n_known = 0;
  for (int round = 0; round < 2; round++) {
    for (size_t t = 0; t < r->n; t++) {
      if (r->covered[t]) {
        continue;
      }
      Part parts[8];
      size_t np = acronym_parts(r, t, parts, 8);
      if (!np) {
        continue;
      }
      size_t x0 = 0, p1 = 0, x1[8];
      bool expanded = find_expansion(r, t, parts, np, &x0, &p1, x1);
      bool det = acronym_has_determiner(r, t);
      bool added = false;
      for (size_t i = 0; i < np; i++) {
        char f[16];
        fold_part(r, &parts[i], f, sizeof f);
        int32_t k = -1;
        for (size_t j = 0; j < n_known; j++) {
          if (!strcmp(known[j], f)) {
            k = (int32_t)j;
          }
        }
        NgEntityType type = NG_ENT_ORGANIZATION;
        if (expanded && has_gov_word(r, x0, x1[i])) {
          type = NG_ENT_GOV_AGENCY;
        }
        if (k >= 0 && known_type[k] == NG_ENT_GOV_AGENCY) {
          type = NG_ENT_GOV_AGENCY;
        }
        if (!(expanded || det || k >= 0)) {
          continue;
        }
        if (k < 0 && n_known < NG_COUNTOF(known)) {
          snprintf(known[n_known], sizeof known[n_known], "%s", f);
          known_type[n_known++] = type;
        } else if (k >= 0 && type == NG_ENT_GOV_AGENCY) {
          known_type[k] = type;
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
        added = true;
        if (expanded) {
          m->head = expansion_label(r, x0, p1, x1, i);
        }
        /* A long form that is itself a name ("la Direction générale de la
         * sûreté nationale (DGSN)") is a mention of the same organisation;
         * its head carries the acronym, the key it meets it by. */
        if (expanded && np == 1 && is_cap(&r->tok[x0]) &&
            free_range(r, x0, x1[0])) {
          const char *acr = ng_arena_strndup(r->an->arena,
                                             r->an->doc->text + parts[i].b0,
                                             parts[i].b1 - parts[i].b0);
          NgMention *lm = add(r, x0, x1[0], NG_MENTION_NAME, type);
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

/* ---------------------------------------------------------------- 6 */

static NgStatus
pass_org_heads(Rec *r)
{
  for (size_t t = 0; t < r->n; t++) {
    if (r->covered[t] || !is_cap(&r->tok[t])) {
      continue;
    }
    const NgLexEntry *e;
    size_t k = match_class(r, "org_head", t, &e);
    if (!k) {
      continue;
    }
    uint32_t sent = r->tok[t].sent;
    size_t end = t + k;
    /* One adjective right after the head: "Secrétariat général". */
    if (end < r->n && r->tok[end].sent == sent && is_word(&r->tok[end]) &&
        !r->covered[end] && !in_class(r, "np_link", end) &&
        !in_class(r, "stopword", end) && !(r->tok[end].flags & NG_TOK_ELISION)) {
      end++;
    }
    /* The complement: (de|du|des|d'|et|of|and) (la|le|l'|the)? word. */
    for (;;) {
      size_t s = end;
      bool linked = false;
      while (s < r->n && r->tok[s].sent == sent && !r->covered[s] &&
             (in_class(r, "np_link", s) || in_class(r, "coordinator", s))) {
        s++;
        linked = true;
      }
      if (!linked || s >= r->n || r->tok[s].sent != sent || r->covered[s] ||
          !is_word(&r->tok[s]) || s - t >= MAX_ORG) {
        break;
      }
      end = s + 1;
    }
    if (end == t + k && (r->tok[t].flags & NG_TOK_SENT_START)) {
      continue; /* a capitalised head alone at a sentence start: a noun */
    }
    NgEntityType type = NG_ENT_ORGANIZATION;
    if ((e->value && !strcmp(e->value, "GovernmentAgency")) ||
        has_gov_word(r, t, end)) {
      type = NG_ENT_GOV_AGENCY;
    }
    if (!add(r, t, end, NG_MENTION_NAME, type)) {
      return NG_ERR_NOMEM;
    }
    t = end - 1;
  }
  return NG_SUCCESS;
}

/* ---------------------------------------------------------------- 7 */

static NgStatus
pass_apposition_persons(Rec *r)
{
  for (size_t t = 0; t < r->n; t++) {
    if (!name_token(r, t)) {
      continue;
    }
    size_t end = name_run(r, t, MAX_NAME);
    if (end - t < 2) {
      continue;
    }
    uint32_t sent = r->tok[t].sent;
    bool person = false;
    /* "X Y, directeur général de ..." */
    if (end + 1 < r->n && r->tok[end].sent == sent &&
        !strcmp(r->tok[end].norm, ",")) {
      size_t s = end + 1;
      while (s < r->n && in_class(r, "stopword", s)) {
        s++;
      }
      person = match_class(r, "title", s, NULL) > 0;
    }
    /* "le ministre X Y", "Interior Minister X Y": a title just before. */
    for (size_t back = 1; !person && back <= 4 && back <= t; back++) {
      size_t s = t - back;
      if (r->tok[s].sent != sent) {
        break;
      }
      size_t k = match_class(r, "title", s, NULL);
      person = k && s + k == t;
    }
    /* "..., le directeur général de la DGSN, X Y": a title earlier in the
     * sentence, and the name right after a comma. */
    if (!person && t > 0 && !strcmp(r->tok[t - 1].norm, ",")) {
      for (size_t s = t - 1; s-- > 0 && r->tok[s].sent == sent && t - s < 12;) {
        if (match_class(r, "title", s, NULL)) {
          person = true;
          break;
        }
      }
    }
    if (!person) {
      continue;
    }
    if (!add(r, t, end, NG_MENTION_NAME, NG_ENT_PERSON)) {
      return NG_ERR_NOMEM;
    }
    t = end - 1;
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
    bool det = ana || (r->tok[s].flags & NG_TOK_CAP);
    for (size_t back = 1; !det && back <= 2 && back <= t; back++) {
      size_t b = t - back;
      if (r->tok[b].sent != r->tok[t].sent) {
        break;
      }
      if (in_class(r, "determiner", b)) {
        det = true;
      } else if (!(r->tok[b].flags & (NG_TOK_ORDINAL | NG_TOK_ALPHA)) ||
                 (r->tok[b].flags & NG_TOK_CAP)) {
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
                  in_class(r, "np_link", end));
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

NgStatus
ng_recognise(NgAnalysis *an, const NgResources *res)
{
  Rec r = {an, res, an->seg.tokens, an->seg.n_tokens, NULL};
  r.covered = ng_calloc(r.n ? r.n : 1, sizeof(bool));
  if (!r.covered) {
    return NG_ERR_NOMEM;
  }
  NgStatus st = pass_honorific_persons(&r);
  if (!st) st = pass_dates(&r);
  if (!st) st = pass_gazetteer(&r);
  if (!st) st = pass_place_heads(&r);
  if (!st) st = pass_acronyms(&r);
  if (!st) st = pass_org_heads(&r);
  if (!st) st = pass_apposition_persons(&r);
  if (!st) st = pass_phrases(&r, "anaphor", NG_MENTION_NOMINAL);
  if (!st) st = pass_events(&r);
  if (!st) st = pass_phrases(&r, "topic", NG_MENTION_TOPIC);
  ng_free(r.covered);
  if (st) {
    return st;
  }
  ng_analysis_sort_mentions(an);
  return NG_SUCCESS;
}
