/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0 */
#include "resolve.h"

#include "recognise.h"

#include <stdlib.h>
#include <string.h>

static const char *
fold_arena(NgAnalysis *an, const char *s, size_t n)
{
  NgBuf b;
  ng_buf_init(&b);
  ng_fold(s, n, &b);
  const char *out = b.failed ? NULL : ng_arena_strndup(an->arena, b.data ? b.data : "", b.len);
  ng_buf_free(&b);
  return out;
}

static const char *
mention_text(NgAnalysis *an, const NgMention *m)
{
  return ng_analysis_name(an, m->b0, m->b1);
}

static const char *
mention_fold(NgAnalysis *an, const NgMention *m)
{
  return fold_arena(an, an->doc->text + m->b0, m->b1 - m->b0);
}

int32_t
ng_resolve_gaz_entity(NgAnalysis *an, const NgResources *res, int32_t gaz)
{
  for (size_t i = 0; i < an->n_entities; i++) {
    if (an->entities[i].gaz == gaz) {
      return (int32_t)i;
    }
  }
  NgGazEntry ge = ng_gazetteer_entry(res->gaz, (uint32_t)gaz);
  NgEntity *e = ng_analysis_add_entity(an);
  if (!e) {
    return -1;
  }
  e->type = ge.type;
  e->gaz = gaz;
  e->link_conf = 0; /* its surest mention's, when it has one */
  bool fr = an->lang && !strcmp(an->lang, "fr");
  e->name = fr && *ge.label_fr ? ge.label_fr : *ge.label_en ? ge.label_en : ge.label_fr;
  e->name_lang = fr && *ge.label_fr ? "fr" : "en";
  return (int32_t)(an->n_entities - 1);
}

/* Last word of a person's name, folded, without a particle joined by a
 * hyphen: the key "M. Hammouchi" and "Abdellatif Hammouchi" share, and
 * "Assad" and "Bashar al-Assad". */
static const char *
surname(NgAnalysis *an, const NgResources *res, const NgMention *m)
{
  const NgToken *t = &an->seg.tokens[m->t1 - 1];
  return ng_surname_key(res->lex, an->lang, t->norm);
}

/* Whether a person's name of several words is a surname alone: it
 * starts with an article ("Le Pen", "La Fontaine") or a particle in lower
 * case ("de Gaulle"), so the person named in full with it is meant. (A
 * capitalised particle may open a given name: "Abdel Fattah".) */
static bool
surname_alone(const NgAnalysis *an, const NgResources *res,
              const NgMention *m)
{
  const NgToken *t = &an->seg.tokens[m->t0];
  return ng_lexicon_get(res->lex, "definite", t->norm, an->lang) ||
         (!(t->flags & NG_TOK_CAP) &&
          ng_lexicon_get(res->lex, "name_particle", t->norm, an->lang));
}

static int32_t
new_entity(NgAnalysis *an, const NgMention *m, const char *name)
{
  NgEntity *e = ng_analysis_add_entity(an);
  if (!e) {
    return -1;
  }
  e->type = m->type;
  e->name = name;
  e->name_lang = an->lang ? an->lang : "";
  return (int32_t)(an->n_entities - 1);
}

static bool
type_compatible(NgEntityType want, NgEntityType have)
{
  if (want == have) {
    return true;
  }
  if (want == NG_ENT_ORGANIZATION) {
    return ng_entity_type_is_org(have);
  }
  if (want == NG_ENT_PLACE) {
    return ng_entity_type_is_place(have);
  }
  return false;
}

/* ---- the document's focus ----
 * A name several entries share ("Victoria", "Brest") is more likely the
 * one in a country the document speaks of. The focus is the set of
 * countries named (by name or demonym) or holding a place linked without
 * doubt; an ambiguous name goes to its one candidate in the focus. */

#define MAX_FOCUS 64

typedef struct {
  const char *qid[MAX_FOCUS];
  size_t n;
} Focus;

static bool
in_focus(const Focus *f, const char *qid)
{
  for (size_t i = 0; qid && *qid && i < f->n; i++) {
    if (!strcmp(f->qid[i], qid)) {
      return true;
    }
  }
  return false;
}

static void
focus_add(Focus *f, const char *qid)
{
  if (qid && *qid && f->n < MAX_FOCUS && !in_focus(f, qid)) {
    f->qid[f->n++] = qid;
  }
}

/* Of the hits ending at token t1, the one region of a country whose
 * other regions the document names twice at least (@p regions): "Georgia"
 * in a story that names "Texas, Ohio and Florida" is the state, not the
 * country. -1 when there is none, or several. (Only against a country:
 * towns share their names with regions too often, "Zurich" with its
 * canton in a story of other cantons.) */
static int32_t
region_of_named(const NgGazetteer *gaz, const NgGazMatch *hits, size_t nh,
                uint32_t t1, const uint32_t *regions, size_t n_regions)
{
  int32_t pick = -1;
  for (size_t k = 0; k < nh; k++) {
    NgGazEntry e = ng_gazetteer_entry(gaz, hits[k].entry);
    if (hits[k].t1 != t1 || e.type != NG_ENT_REGION || !*e.country ||
        (pick >= 0 && (uint32_t)pick == hits[k].entry)) {
      continue;
    }
    size_t siblings = 0;
    for (size_t j = 0; j < n_regions; j++) {
      siblings += regions[j] != hits[k].entry &&
                  !strcmp(ng_gazetteer_entry(gaz, regions[j]).country,
                          e.country);
    }
    if (siblings >= 2) {
      if (pick >= 0) {
        return -1;
      }
      pick = (int32_t)hits[k].entry;
    }
  }
  return pick;
}

/* The gazetteer's hits at the first token of mention @p m, of entries
 * that had begun when the document was published. */
static size_t
mention_hits(const NgAnalysis *an, const NgResources *res,
             const NgMention *m, NgGazMatch *hits, size_t max)
{
  size_t nh = ng_gazetteer_match_at(res->gaz, an->doc->text, an->seg.tokens,
                                    an->seg.n_tokens, m->t0, hits, max);
  return ng_gazetteer_keep_existing(res->gaz, ng_date_year(&an->doc->date),
                                    hits, nh);
}

/* The country the document is about: the one most of its linked
 * countries, places, demonyms, persons and bodies stand in ("Olivier
 * Faure", "La France insoumise"), named twice at least and more often
 * than any other; NULL when there is none. A body's or person's name
 * that several entries share says nothing, nor a link less sure than
 * @p min_conf. */
static const char *
main_country(const NgAnalysis *an, const NgResources *res, double min_conf)
{
  const char *qid[MAX_FOCUS];
  size_t count[MAX_FOCUS], n = 0;
  for (size_t i = 0; i < an->n_mentions; i++) {
    const NgMention *m = &an->mentions[i];
    if (m->gaz < 0 || m->link_conf < min_conf) {
      continue;
    }
    NgGazEntry e = ng_gazetteer_entry(res->gaz, (uint32_t)m->gaz);
    if (m->n_alt > 1 && !ng_entity_type_is_place(e.type)) {
      continue; /* a place's likelier entry counts, a shared name not */
    }
    const char *c = ng_gazetteer_entry_country(&e);
    if (!*c) {
      continue;
    }
    size_t k = 0;
    while (k < n && strcmp(qid[k], c) != 0) {
      k++;
    }
    if (k == n) {
      if (n == MAX_FOCUS) {
        continue;
      }
      qid[n] = c;
      count[n++] = 0;
    }
    count[k]++;
  }
  size_t best = SIZE_MAX, second = 0;
  for (size_t k = 0; k < n; k++) {
    if (best == SIZE_MAX || count[k] > count[best]) {
      if (best != SIZE_MAX) {
        second = count[best];
      }
      best = k;
    } else if (count[k] > second) {
      second = count[k];
    }
  }
  return best != SIZE_MAX && count[best] >= 2 && count[best] > second
           ? qid[best]
           : NULL;
}

/* The country (ISO code) of a demonym or a country's name written next
 * to mention i: right after it ("le Parti socialiste français") or right
 * before it, or before a possessive ("the Senegalese National Assembly",
 * "Senegal's National Assembly"); NULL when there is none. Mentions are
 * sorted by position. */
static const char *
adjacent_country(const NgAnalysis *an, const NgResources *res, size_t i)
{
  const NgMention *m = &an->mentions[i];
  const NgMention *nb[2] = {NULL, NULL};
  if (i + 1 < an->n_mentions && an->mentions[i + 1].t0 == m->t1) {
    nb[0] = &an->mentions[i + 1];
  }
  if (i > 0) {
    const NgMention *p = &an->mentions[i - 1];
    if (p->t1 == m->t0 ||
        (p->t1 + 1 == m->t0 &&
         !strcmp(an->seg.tokens[p->t1].norm, "'s"))) {
      nb[1] = p;
    }
  }
  for (int k = 0; k < 2; k++) {
    if (nb[k] && nb[k]->gaz >= 0 &&
        (nb[k]->kind == NG_MENTION_DEMONYM ||
         nb[k]->kind == NG_MENTION_NAME) &&
        nb[k]->type == NG_ENT_COUNTRY) {
      NgGazEntry e = ng_gazetteer_entry(res->gaz, (uint32_t)nb[k]->gaz);
      return ng_gazetteer_entry_country(&e);
    }
  }
  return NULL;
}

/* A name that bodies of several countries share ("Assemblée nationale",
 * "Labour Party") links to the one of the country written next to it
 * (adjacent_country), or else of the document's main country, or to
 * none: which country's the gazetteer cannot say, and a wrong QID is
 * worse than none. */
static void
settle_shared_bodies(NgAnalysis *an, const NgResources *res)
{
  const char *home = NULL;
  bool home_known = false;
  NgGazMatch hits[64];
  for (size_t i = 0; i < an->n_mentions; i++) {
    NgMention *m = &an->mentions[i];
    if (m->gaz < 0 || m->n_alt <= 1) {
      continue;
    }
    NgGazEntry cur = ng_gazetteer_entry(res->gaz, (uint32_t)m->gaz);
    if (cur.type != NG_ENT_GOV_AGENCY && cur.type != NG_ENT_ORGANIZATION) {
      continue;
    }
    if (!home_known) {
      home = main_country(an, res, 0.0);
      home_known = true;
    }
    const char *own = adjacent_country(an, res, i);
    const char *want = own ? own : home;
    size_t nh = mention_hits(an, res, m, hits, NG_COUNTOF(hits));
    if (nh == NG_COUNTOF(hits)) {
      nh = 0; /* as many as it holds, maybe more: which one is not known */
    }
    int32_t pick = -1;
    size_t n_pick = 0;
    for (size_t k = 0; k < nh && want; k++) {
      NgGazEntry e = ng_gazetteer_entry(res->gaz, hits[k].entry);
      if (hits[k].t1 == m->t1 && !strcmp(e.country, want) &&
          (e.type == NG_ENT_GOV_AGENCY || e.type == NG_ENT_ORGANIZATION) &&
          (pick < 0 || (uint32_t)pick != hits[k].entry)) {
        pick = (int32_t)hits[k].entry;
        n_pick++;
      }
    }
    m->gaz = n_pick == 1 ? pick : -1;
    m->n_alt = n_pick == 1;
    m->link_conf = n_pick == 1 ? 0.85 : 0.0;
  }
}

/* One sense a document: a name several entries have ("Gaza": the city,
 * or the Strip) is the entry the document names without doubt elsewhere
 * by a longer name that starts with it ("the Gaza Strip"), when exactly
 * one of its candidates is ("the State of New York" does not start with
 * "New York", which stays the city). A country's name stays the
 * country's ("Mexico" and "Mexico City"). */
/* Whether mention @p o is longer than @p m and its tokens start with
 * m's. */
static bool
starts_with_name(const NgAnalysis *an, const NgMention *o, const NgMention *m)
{
  size_t len = m->t1 - m->t0;
  if (o->t1 - o->t0 <= len) {
    return false;
  }
  for (size_t k = 0; k < len; k++) {
    if (strcmp(an->seg.tokens[o->t0 + k].norm,
               an->seg.tokens[m->t0 + k].norm) != 0) {
      return false;
    }
  }
  return true;
}

/* A mention and its entry: linked without doubt (named_elsewhere), or
 * any name's (one_sense). */
typedef struct {
  uint32_t entry;
  uint32_t mention;
} Sure;

static int
cmp_sure(const void *a, const void *b)
{
  const Sure *x = a, *y = b;
  if (x->entry != y->entry) {
    return x->entry < y->entry ? -1 : 1;
  }
  return x->mention < y->mention ? -1 : x->mention > y->mention;
}

static NgStatus
named_elsewhere(NgAnalysis *an, const NgResources *res)
{
  /* The mentions of two words or more linked without doubt, sorted by
   * entry: one look-up for each candidate of each ambiguous mention. */
  Sure *sure = ng_malloc((an->n_mentions + 1) * sizeof *sure);
  if (!sure) {
    return NG_ERR_NOMEM;
  }
  size_t ns = 0;
  for (size_t j = 0; j < an->n_mentions; j++) {
    const NgMention *o = &an->mentions[j];
    if (o->gaz >= 0 && o->n_alt <= 1 && o->link_conf >= 0.8 && !o->led &&
        o->t1 - o->t0 >= 2) {
      sure[ns++] = (Sure){(uint32_t)o->gaz, (uint32_t)j};
    }
  }
  qsort(sure, ns, sizeof *sure, cmp_sure);
  NgGazMatch hits[32];
  for (size_t i = 0; i < an->n_mentions && ns; i++) {
    NgMention *m = &an->mentions[i];
    /* A country stays one: "Mexico's president" in a story that names
     * "Mexico City", whose alias "Mexico" is */
    if (m->gaz < 0 || m->n_alt <= 1 ||
        ng_gazetteer_entry(res->gaz, (uint32_t)m->gaz).type ==
          NG_ENT_COUNTRY) {
      continue;
    }
    size_t nh = mention_hits(an, res, m, hits, NG_COUNTOF(hits));
    int32_t pick = -1;
    size_t n_pick = 0;
    for (size_t k = 0; k < nh; k++) {
      if (hits[k].t1 != m->t1 ||
          (pick >= 0 && (uint32_t)pick == hits[k].entry)) {
        continue;
      }
      size_t lo = 0, hi = ns;
      while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sure[mid].entry < hits[k].entry) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (size_t j = lo; j < ns && sure[j].entry == hits[k].entry; j++) {
        if (starts_with_name(an, &an->mentions[sure[j].mention], m)) {
          pick = (int32_t)hits[k].entry;
          n_pick++;
          break;
        }
      }
    }
    if (n_pick == 1) {
      m->gaz = pick;
      m->n_alt = 1;
      m->link_conf = 0.85;
    }
  }
  ng_free(sure);
  return NG_SUCCESS;
}

static void
disambiguate(NgAnalysis *an, const NgResources *res)
{
  Focus f = {{NULL}, 0};
  for (size_t i = 0; i < an->n_mentions; i++) {
    const NgMention *m = &an->mentions[i];
    if (m->gaz >= 0 && m->n_alt <= 1) {
      NgGazEntry e = ng_gazetteer_entry(res->gaz, (uint32_t)m->gaz);
      if (e.type == NG_ENT_COUNTRY || m->link_conf >= 0.9) {
        focus_add(&f, ng_gazetteer_entry_country(&e));
      }
    }
    if (m->within_gaz >= 0) { /* "Lewiston, Idaho": the region is named */
      NgGazEntry e = ng_gazetteer_entry(res->gaz, (uint32_t)m->within_gaz);
      focus_add(&f, ng_gazetteer_entry_country(&e));
    }
  }
  /* and the country the sure links stand in, persons linked by their
   * posts included ("le ministre de l'Intérieur, Gérald Darmanin" and
   * "Son président, Laurent Fabius" make a French story of one that
   * names no French place, and its "Emmanuel Macron" the president) */
  focus_add(&f, main_country(an, res, 0.8));
  if (!f.n) {
    return;
  }
  /* The regions named without doubt, for region_of_named */
  uint32_t regions[MAX_FOCUS];
  size_t n_regions = 0;
  for (size_t i = 0; i < an->n_mentions && n_regions < MAX_FOCUS; i++) {
    const NgMention *m = &an->mentions[i];
    if (m->gaz >= 0 && m->n_alt <= 1 && m->link_conf >= 0.8 &&
        ng_gazetteer_entry(res->gaz, (uint32_t)m->gaz).type == NG_ENT_REGION) {
      size_t k = 0;
      while (k < n_regions && regions[k] != (uint32_t)m->gaz) {
        k++;
      }
      if (k == n_regions) {
        regions[n_regions++] = (uint32_t)m->gaz;
      }
    }
  }
  NgGazMatch hits[32];
  for (size_t i = 0; i < an->n_mentions; i++) {
    NgMention *m = &an->mentions[i];
    if (m->gaz < 0) {
      continue;
    }
    NgGazEntry cur = ng_gazetteer_entry(res->gaz, (uint32_t)m->gaz);
    if (m->n_alt <= 1) {
      /* A minor place in a country the document speaks of. */
      if (m->link_conf < 0.9 &&
          in_focus(&f, ng_gazetteer_entry_country(&cur))) {
        m->link_conf = 0.85;
      }
      continue;
    }
    size_t nh = mention_hits(an, res, m, hits, NG_COUNTOF(hits));
    int32_t region = cur.type == NG_ENT_COUNTRY
                         ? region_of_named(res->gaz, hits, nh, m->t1,
                                           regions, n_regions)
                         : -1;
    if (region >= 0) {
      m->gaz = region;
      m->link_conf = 0.8;
      continue;
    }
    int32_t pick = -1;
    size_t n_pick = 0;
    for (size_t k = 0; k < nh; k++) {
      if (hits[k].t1 != m->t1) {
        continue;
      }
      NgGazEntry e = ng_gazetteer_entry(res->gaz, hits[k].entry);
      /* A place of another kind only when it is about as well known:
       * "Georgia" near "Atlanta" is the state, but "Vienne" near
       * "Lyon" stays Vienna, not the department. */
      bool kin = e.type == cur.type ||
                 (ng_entity_type_is_place(e.type) &&
                  ng_entity_type_is_place(cur.type) && 2 * e.prior >= cur.prior);
      if (kin && in_focus(&f, ng_gazetteer_entry_country(&e)) &&
          (pick < 0 || (uint32_t)pick != hits[k].entry)) {
        pick = (int32_t)hits[k].entry;
        n_pick++;
      }
    }
    if (n_pick == 1) {
      m->gaz = pick;
      m->link_conf = 0.85;
    }
  }
}

/* One sense a document: the names linked to one entry are as sure as
 * the surest of them ("Gaza" in a headline, a near tie between the city
 * and the Strip, is the city the text picks in "a ceasefire in Gaza"). */
static NgStatus
one_sense(NgAnalysis *an)
{
  Sure *refs = ng_calloc(an->n_mentions + 1, sizeof *refs);
  if (!refs) {
    return NG_ERR_NOMEM;
  }
  size_t n = 0;
  for (size_t i = 0; i < an->n_mentions; i++) {
    const NgMention *m = &an->mentions[i];
    if (m->gaz >= 0 && m->kind == NG_MENTION_NAME) {
      refs[n++] = (Sure){(uint32_t)m->gaz, (uint32_t)i};
    }
  }
  qsort(refs, n, sizeof *refs, cmp_sure);
  for (size_t a = 0, b; a < n; a = b) {
    double best = 0;
    for (b = a; b < n && refs[b].entry == refs[a].entry; b++) {
      double c = an->mentions[refs[b].mention].link_conf;
      best = c > best ? c : best;
    }
    for (size_t k = a; k < b; k++) {
      an->mentions[refs[k].mention].link_conf = best;
    }
  }
  ng_free(refs);
  return NG_SUCCESS;
}

NgStatus
ng_resolve(NgAnalysis *an, const NgResources *res)
{
  if (res->gaz) {
    settle_shared_bodies(an, res);
    NgStatus named = named_elsewhere(an, res);
    if (named != NG_SUCCESS) {
      return named;
    }
    disambiguate(an, res);
    named = one_sense(an);
    if (named != NG_SUCCESS) {
      return named;
    }
  }
  const char **key = ng_calloc(an->n_mentions + 1, sizeof(char *));
  if (!key) {
    return NG_ERR_NOMEM;
  }
  NgStatus st = NG_SUCCESS;
  /* Full names of persons -> entity; surnames -> the person with the
   * longest name ending with it; other names -> their first mention. */
  NgStrMap persons = {0}, surnames = {0}, given = {0}, others = {0};
  NgStrMap most = {0}; /* given name -> how often its person is named in
                          full */
  int32_t *surname_len = NULL;

  /* Pass 1: names. Linked mentions meet by gazetteer entry; persons by full
   * name first, so that a later surname finds them. */
  for (size_t i = 0; i < an->n_mentions && !st; i++) {
    NgMention *m = &an->mentions[i];
    if (m->gaz >= 0 && (m->kind == NG_MENTION_NAME ||
                        m->kind == NG_MENTION_ACRONYM ||
                        m->kind == NG_MENTION_DEMONYM)) {
      if (m->link_conf < res->min_link_conf && m->kind != NG_MENTION_DEMONYM) {
        m->gaz = -1; /* below the threshold: stays an unlinked name */
      } else {
        m->entity = ng_resolve_gaz_entity(an, res, m->gaz);
        if (m->entity < 0) {
          st = NG_ERR_NOMEM;
        } else if (m->link_conf > an->entities[m->entity].link_conf ||
                   an->entities[m->entity].link_conf == 0) {
          an->entities[m->entity].link_conf = m->link_conf;
        }
        continue;
      }
    }
    if (m->kind == NG_MENTION_NAME && m->type == NG_ENT_PERSON &&
        m->t1 - m->t0 >= 2 && !surname_alone(an, res, m)) {
      const char *f = mention_fold(an, m);
      if (!f) {
        st = NG_ERR_NOMEM;
        continue;
      }
      m->entity = ng_strmap_get(&persons, f);
      key[i] = f;
      if (m->entity < 0) {
        m->entity = new_entity(an, m, mention_text(an, m));
        if (m->entity < 0 || ng_strmap_put(&persons, f, m->entity)) {
          st = NG_ERR_NOMEM;
        }
      }
    }
  }
  /* The given names of the persons named in full, for a given name alone
   * ("Tom" after "Tom Cady"): the person named in full with it most
   * often; -2 when several are, as often. */
  int32_t *full = ng_calloc(an->n_entities + 1, sizeof(int32_t));
  if (!full) {
    st = NG_ERR_NOMEM;
  }
  for (int round = 0; round < 2 && !st; round++) {
    for (size_t j = 0; j < an->n_mentions && !st; j++) {
      const NgMention *o = &an->mentions[j];
      if (o->type != NG_ENT_PERSON || o->kind != NG_MENTION_NAME ||
          o->entity < 0 || o->t1 - o->t0 < 2) {
        continue;
      }
      if (round == 0) {
        full[o->entity]++;
        continue;
      }
      const char *g = an->seg.tokens[o->t0].norm;
      int32_t prev = ng_strmap_get(&given, g);
      int32_t best = ng_strmap_get(&most, g);
      if (full[o->entity] > best) {
        st = ng_strmap_put(&most, g, full[o->entity]);
        if (!st) {
          st = ng_strmap_put(&given, g, o->entity);
        }
      } else if (full[o->entity] == best && prev >= 0 && prev != o->entity) {
        st = ng_strmap_put(&given, g, -2);
      }
    }
  }
  ng_free(full);
  /* The surnames of the persons named in full, for the short forms. */
  surname_len = ng_calloc(an->n_entities + 1, sizeof(int32_t));
  if (!surname_len) {
    st = NG_ERR_NOMEM;
  }
  for (size_t j = 0; j < an->n_mentions && !st; j++) {
    const NgMention *o = &an->mentions[j];
    if (o->type != NG_ENT_PERSON || o->entity < 0 || o->t1 - o->t0 < 2) {
      continue;
    }
    const char *sn = surname(an, res, o);
    int32_t best = ng_strmap_get(&surnames, sn);
    if (best < 0 || (int32_t)(o->t1 - o->t0) > surname_len[best]) {
      surname_len[o->entity] = (int32_t)(o->t1 - o->t0);
      st = ng_strmap_put(&surnames, sn, o->entity);
    }
  }
  for (size_t i = 0; i < an->n_mentions && !st; i++) {
    NgMention *m = &an->mentions[i];
    if (m->entity >= 0 || m->type == NG_ENT_NONE ||
        m->kind == NG_MENTION_NOMINAL) {
      continue;
    }
    if (m->type == NG_ENT_PERSON) {
      /* A short form: the person in the document whose name ends with it
       * (the longest such name). */
      const char *sn = surname(an, res, m);
      int32_t best = ng_strmap_get(&surnames, sn);
      if (best < 0 && m->t1 - m->t0 == 1) {
        best = ng_strmap_get(&given, an->seg.tokens[m->t0].norm);
      }
      m->entity = best >= 0 ? best : new_entity(an, m, mention_text(an, m));
      /* a person known by the surname alone: later short forms are them */
      if (m->entity < 0 ||
          (best < 0 && ng_strmap_put(&surnames, sn, m->entity))) {
        st = NG_ERR_NOMEM;
      }
      continue;
    }
    /* Other unlinked names meet by folded form (acronyms by acronym, and
     * so does a long form that names its acronym in its head). */
    const char *f = m->kind == NG_MENTION_NAME && m->head
                      ? fold_arena(an, m->head, strlen(m->head))
                      : mention_fold(an, m);
    if (!f) {
      st = NG_ERR_NOMEM;
      continue;
    }
    /* The first earlier mention with this name, if its type fits; else
     * (rare: "X" as an organisation, then as a place) the first that
     * fits. */
    int32_t first = ng_strmap_get(&others, f);
    size_t j0 = first >= 0 ? (size_t)first : i;
    if (first >= 0 &&
        !type_compatible(an->mentions[first].type, m->type)) {
      j0 = 0;
    }
    for (size_t j = j0; j < i && m->entity < 0; j++) {
      if (key[j] && an->mentions[j].entity >= 0 &&
          an->mentions[j].type != NG_ENT_PERSON && !strcmp(key[j], f) &&
          type_compatible(an->mentions[j].type, m->type)) {
        m->entity = an->mentions[j].entity;
        /* A government agency seen anywhere stays one. */
        if (m->type == NG_ENT_GOV_AGENCY) {
          an->entities[m->entity].type = NG_ENT_GOV_AGENCY;
        }
      }
    }
    key[i] = f;
    if (first < 0 && ng_strmap_put(&others, f, (int32_t)i)) {
      st = NG_ERR_NOMEM;
      continue;
    }
    if (m->entity < 0) {
      m->entity = new_entity(an, m, mention_text(an, m));
      if (m->entity < 0) {
        st = NG_ERR_NOMEM;
        continue;
      }
    }
    NgEntity *e = &an->entities[m->entity];
    if (m->kind == NG_MENTION_ACRONYM) {
      e->acronym = mention_text(an, m);
      if (m->head && !e->expansion) {
        e->expansion = m->head;
        e->name = m->head; /* the long form names it best */
      }
    }
  }

  /* Pass 2: nominal anaphors take the most recent compatible entity before
   * them; with none, they stay unresolved (no guess). */
  for (size_t i = 0; i < an->n_mentions && !st; i++) {
    NgMention *m = &an->mentions[i];
    if (m->kind != NG_MENTION_NOMINAL) {
      continue;
    }
    for (size_t j = i; j-- > 0;) {
      const NgMention *o = &an->mentions[j];
      if (o->entity >= 0 && o->kind != NG_MENTION_NOMINAL &&
          o->kind != NG_MENTION_DEMONYM &&
          type_compatible(m->type, an->entities[o->entity].type)) {
        m->entity = o->entity;
        m->type = an->entities[o->entity].type;
        break;
      }
    }
  }

  /* A body named with its country's demonym ("la police espagnole") is
   * that country's. */
  for (size_t i = 0; i < an->n_mentions && !st; i++) {
    const NgMention *m = &an->mentions[i];
    if (m->country_gaz >= 0 && m->entity >= 0 &&
        an->entities[m->entity].country < 0) {
      int32_t c = ng_resolve_gaz_entity(an, res, m->country_gaz);
      if (c < 0) {
        st = NG_ERR_NOMEM;
      } else {
        an->entities[m->entity].country = c;
        an->entities[m->entity].country_conf = 0.85;
      }
    }
  }

  /* A place written with its region ("Lewiston, Idaho") lies in it. */
  for (size_t i = 0; i < an->n_mentions && !st; i++) {
    const NgMention *m = &an->mentions[i];
    if (m->within_gaz >= 0 && m->entity >= 0 &&
        an->entities[m->entity].located_in < 0) {
      int32_t c = ng_resolve_gaz_entity(an, res, m->within_gaz);
      if (c < 0) {
        st = NG_ERR_NOMEM;
      } else if (c != m->entity) {
        an->entities[m->entity].located_in = c;
      }
    }
  }

  /* Pass 3: places inside their countries, organisations' countries, when
   * the gazetteer knows them and the country is in the document. */
  for (size_t i = 0; i < an->n_entities; i++) {
    NgEntity *e = &an->entities[i];
    if (e->gaz < 0) {
      continue;
    }
    NgGazEntry ge = ng_gazetteer_entry(res->gaz, (uint32_t)e->gaz);
    if (!*ge.country || e->type == NG_ENT_COUNTRY) {
      continue;
    }
    int32_t c = ng_gazetteer_find_qid(res->gaz, ge.country);
    for (size_t j = 0; c >= 0 && j < an->n_entities; j++) {
      if (an->entities[j].gaz == c) {
        if (ng_entity_type_is_place(e->type)) {
          if (e->located_in < 0) {
            e->located_in = (int32_t)j;
          }
        } else {
          e->country = (int32_t)j;
          e->country_conf = 0.9;
        }
      }
    }
  }
  ng_free(key);
  ng_free(surname_len);
  ng_strmap_free(&persons);
  ng_strmap_free(&surnames);
  ng_strmap_free(&given);
  ng_strmap_free(&most);
  ng_strmap_free(&others);
  return st;
}
