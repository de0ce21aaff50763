/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0 */
#include "extract.h"

#include "emit.h"
#include "resolve.h"
#include "rules.h"

#include <stdlib.h>
#include <string.h>

#define NG_NS "https://w3id.org/newsgraph/ns#"
#define RDFS_SUBCLASS "http://www.w3.org/2000/01/rdf-schema#subClassOf"
#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define OWL_CLASS "http://www.w3.org/2002/07/owl#Class"

/* ------------------------------------------------------------------ */
/* The ontology's classes and their ng: superclasses.                  */

typedef struct {
  char *name;
  char *super[4];
  size_t n_super;
  char *cameo; /* ng:cameoRootCode, or NULL */
} OntClass;

struct NgOntology {
  OntClass *classes;
  size_t n, cap;
  bool failed;
};

static OntClass *
ont_get(NgOntology *o, const char *name, bool create)
{
  for (size_t i = 0; i < o->n; i++) {
    if (!strcmp(o->classes[i].name, name)) {
      return &o->classes[i];
    }
  }
  if (!create) {
    return NULL;
  }
  void *p = o->classes;
  if (!ng_grow(&p, &o->cap, o->n + 1, sizeof(OntClass))) {
    o->failed = true;
    return NULL;
  }
  o->classes = p;
  OntClass *c = &o->classes[o->n];
  memset(c, 0, sizeof *c);
  c->name = ng_strdup(name);
  if (!c->name) {
    o->failed = true;
    return NULL;
  }
  o->n++;
  return c;
}

static const char *
ng_local(const char *iri)
{
  size_t n = strlen(NG_NS);
  return strncmp(iri, NG_NS, n) ? NULL : iri + n;
}

static void
ont_triple(void *handle, const NgTriple *t)
{
  NgOntology *o = handle;
  const char *s = ng_local(t->s);
  if (s && t->kind == NG_TERM_LITERAL &&
      !strcmp(t->p, NG_NS "cameoRootCode")) {
    OntClass *c = ont_get(o, s, true);
    if (c && !c->cameo) {
      c->cameo = ng_strdup(t->o);
      o->failed = o->failed || !c->cameo;
    }
    return;
  }
  if (!s || t->kind != NG_TERM_IRI) {
    return;
  }
  if (!strcmp(t->p, RDF_TYPE) && !strcmp(t->o, OWL_CLASS)) {
    ont_get(o, s, true);
  } else if (!strcmp(t->p, RDFS_SUBCLASS)) {
    const char *sup = ng_local(t->o);
    OntClass *c = ont_get(o, s, true);
    if (c && sup && c->n_super < NG_COUNTOF(c->super)) {
      c->super[c->n_super] = ng_strdup(sup);
      if (c->super[c->n_super]) {
        c->n_super++;
      }
    }
  }
}

NgStatus
ng_ontology_add(NgOntology *o, const char *path, const NgLog *log)
{
  NgStatus st = ng_rdf_parse_file(path, "turtle", ont_triple, o, log);
  return !st && o->failed ? NG_ERR_NOMEM : st;
}

const char *
ng_ontology_cameo(const NgOntology *o, const char *cls)
{
  for (int depth = 0; cls && depth < 16; depth++) {
    const OntClass *c = ont_get((NgOntology *)(uintptr_t)o, cls, false);
    if (!c) {
      return NULL;
    }
    if (c->cameo) {
      return c->cameo;
    }
    cls = c->n_super ? c->super[0] : NULL;
  }
  return NULL;
}

NgOntology *
ng_ontology_load(const char *path, const NgLog *log, NgStatus *st)
{
  NgOntology *o = ng_calloc(1, sizeof *o);
  if (!o) {
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  *st = ng_rdf_parse_file(path, "turtle", ont_triple, o, log);
  if (!*st && o->failed) {
    *st = NG_ERR_NOMEM;
  }
  if (*st) {
    ng_ontology_free(o);
    return NULL;
  }
  return o;
}

void
ng_ontology_free(NgOntology *o)
{
  if (!o) {
    return;
  }
  for (size_t i = 0; i < o->n; i++) {
    ng_free(o->classes[i].name);
    ng_free(o->classes[i].cameo);
    for (size_t k = 0; k < o->classes[i].n_super; k++) {
      ng_free(o->classes[i].super[k]);
    }
  }
  ng_free(o->classes);
  ng_free(o);
}

bool
ng_ontology_has_class(const NgOntology *o, const char *local)
{
  return ont_get((NgOntology *)(uintptr_t)o, local, false) != NULL;
}

bool
ng_ontology_is_a(const NgOntology *o, const char *sub, const char *super)
{
  for (int depth = 0; sub && depth < 16; depth++) {
    if (!strcmp(sub, super)) {
      return true;
    }
    const OntClass *c = ont_get((NgOntology *)(uintptr_t)o, sub, false);
    if (!c || !c->n_super) {
      return false;
    }
    for (size_t k = 1; k < c->n_super; k++) {
      if (ng_ontology_is_a(o, c->super[k], super)) {
        return true;
      }
    }
    sub = c->super[0];
  }
  return false;
}

/* ------------------------------------------------------------------ */
/* Sentence encoding.                                                  */

typedef struct {
  int32_t mention; /* or -1 for a token */
  uint32_t t0, t1;
} Unit;

typedef struct {
  NgAnalysis *an;
  const NgResources *res;
  const NgOntology *onto;
  NgBuf str;
  uint32_t *off;
  size_t n_off, cap_off;
  Unit *units;
  size_t n_units, cap_units;
  int32_t current; /* the current top-level event, or -1 */
  int32_t sent_sub; /* a sub-event the current sentence reports, or -1 */
  NgRuleMatches matches;
  const char **stems; /* per token: its folded stem, or NULL */
} Ex;

/* Lexicon membership in the document's language. */
static bool
lex_has(const Ex *x, const char *cls, const char *fold)
{
  return ng_lexicon_get(x->res->lex, cls, fold, x->an->lang) != NULL;
}

static const char *
class_path(const NgMention *m)
{
  switch (m->kind) {
  case NG_MENTION_DATE: return "DATE";
  case NG_MENTION_TOPIC: return "TOPIC";
  case NG_MENTION_EVENT: return "EVENT";
  case NG_MENTION_DEMONYM: return "DEMONYM";
  case NG_MENTION_NAME:
  case NG_MENTION_ACRONYM:
  case NG_MENTION_NOMINAL:
  case NG_MENTION_DESCRIPTION: break;
  }
  switch (m->type) {
  case NG_ENT_PERSON: return "PER";
  case NG_ENT_ORGANIZATION: return "ORG";
  case NG_ENT_GOV_AGENCY: return "ORG.GOV";
  case NG_ENT_INTL_ORG: return "ORG.INTL";
  case NG_ENT_NEWS_AGENCY: return "ORG.NEWS";
  case NG_ENT_PLACE: return "LOC";
  case NG_ENT_COUNTRY: return "LOC.COUNTRY";
  case NG_ENT_CITY: return "LOC.CITY";
  case NG_ENT_REGION: return "LOC.REGION";
  case NG_ENT_CONTINENT: return "LOC.CONTINENT";
  case NG_ENT_NONE:
  case NG_ENT_TYPE_COUNT: break;
  }
  return "ANY";
}

/* Append @p s folded, with spaces and '=' made '_' so an item stays one
 * space-free field. */
static void
put_field(NgBuf *b, const char *s, size_t n)
{
  size_t start = b->len;
  ng_fold(s, n, b);
  for (size_t i = start; i < b->len; i++) {
    if (b->data[i] == ' ' || b->data[i] == '=' || b->data[i] == '\n' ||
        b->data[i] == '\t' || b->data[i] == '~') {
      b->data[i] = '_';
    }
  }
}

static bool
add_unit(Ex *x, int32_t mention, uint32_t t0, uint32_t t1)
{
  void *p = x->units;
  void *q = x->off;
  if (!ng_grow(&p, &x->cap_units, x->n_units + 1, sizeof(Unit))) {
    return false;
  }
  x->units = p;
  if (!ng_grow(&q, &x->cap_off, x->n_units + 2, sizeof(uint32_t))) {
    return false;
  }
  x->off = q;
  x->units[x->n_units] = (Unit){mention, t0, t1};
  x->off[x->n_units] = (uint32_t)x->str.len;
  x->n_units++;
  return true;
}

/* Encode sentence s. A mention unit stands for all its tokens; where
 * mentions nest (a description over an organisation), the outermost one
 * is the unit; mentions sharing one token ("DGSN-DGST") are units in turn. */
static NgStatus
encode(Ex *x, size_t s, NgEncoded *enc)
{
  NgAnalysis *an = x->an;
  const NgSentence *se = &an->seg.sents[s];
  ng_buf_clear(&x->str);
  x->n_units = 0;
  size_t mi = 0;
  while (mi < an->n_mentions && an->mentions[mi].t0 < se->t0) {
    mi++;
  }
  for (uint32_t t = se->t0; t < se->t1;) {
    while (mi < an->n_mentions && an->mentions[mi].t0 < t) {
      mi++;
    }
    /* The outermost mention starting here. */
    size_t best = SIZE_MAX;
    for (size_t k = mi; k < an->n_mentions && an->mentions[k].t0 == t; k++) {
      if (best == SIZE_MAX || an->mentions[k].t1 > an->mentions[best].t1) {
        best = k;
      }
    }
    if (best == SIZE_MAX) {
      const NgToken *tk = &an->seg.tokens[t];
      /* An honorific is part of the name that follows it: no unit. */
      if (mi < an->n_mentions && an->mentions[mi].t0 == t + 1 &&
          an->mentions[mi].type == NG_ENT_PERSON &&
          lex_has(x, "person_title", tk->norm)) {
        t++;
        continue;
      }
      if (!add_unit(x, -1, t, t + 1)) {
        return NG_ERR_NOMEM;
      }
      ng_buf_puts(&x->str, (tk->flags & NG_TOK_PUNCT) ? "p=" : "w=");
      put_field(&x->str, tk->norm, strlen(tk->norm));
      if (x->stems && x->stems[t] && !(tk->flags & NG_TOK_PUNCT)) {
        ng_buf_putc(&x->str, '~');
        ng_buf_puts(&x->str, x->stems[t]);
      }
      ng_buf_putc(&x->str, ' ');
      t++;
      continue;
    }
    uint32_t end = an->mentions[best].t1;
    for (size_t k = mi; k < an->n_mentions && an->mentions[k].t0 == t; k++) {
      const NgMention *m = &an->mentions[k];
      if (m->t1 != end) {
        continue;
      }
      if (!add_unit(x, (int32_t)k, m->t0, m->t1)) {
        return NG_ERR_NOMEM;
      }
      ng_buf_printf(&x->str, "e=%s=", class_path(m));
      put_field(&x->str, an->doc->text + m->b0, m->b1 - m->b0);
      ng_buf_putc(&x->str, ' ');
    }
    t = end;
  }
  if (x->str.failed) {
    return NG_ERR_NOMEM;
  }
  x->off[x->n_units] = (uint32_t)x->str.len;
  enc->str = x->str.data ? x->str.data : "";
  enc->len = x->str.len;
  enc->unit_off = x->off;
  enc->n_units = x->n_units;
  return NG_SUCCESS;
}

/* The stem of every word token, once per document (rules match stems
 * with ~word; computing them per rule would stem each word many times). */
static NgStatus
stem_tokens(Ex *x)
{
  NgAnalysis *an = x->an;
  if (!ng_ruleset_language(x->res->rules) || an->seg.n_tokens == 0) {
    return NG_SUCCESS;
  }
  x->stems = ng_calloc(an->seg.n_tokens, sizeof(char *));
  if (!x->stems) {
    return NG_ERR_NOMEM;
  }
  NgBuf b;
  ng_buf_init(&b);
  NgStatus st = NG_SUCCESS;
  for (size_t t = 0; t < an->seg.n_tokens && st != NG_ERR_NOMEM; t++) {
    const NgToken *tk = &an->seg.tokens[t];
    if (!(tk->flags & NG_TOK_ALPHA) || (tk->flags & NG_TOK_PUNCT)) {
      continue;
    }
    ng_buf_clear(&b);
    st = ng_ruleset_stem(x->res->rules, an->doc->text + tk->b0,
                         tk->b1 - tk->b0, &b);
    if (st == NG_SUCCESS) {
      /* A field of one unit, as put_field makes the word. */
      for (size_t i = 0; i < b.len; i++) {
        if (strchr(" =~\n\t", b.data[i])) {
          b.data[i] = '_';
        }
      }
      x->stems[t] = ng_arena_strndup(an->arena, b.data, b.len);
      if (!x->stems[t]) {
        st = NG_ERR_NOMEM;
      }
    }
  }
  ng_buf_free(&b);
  return st == NG_ERR_NOMEM ? st : NG_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* Slots.                                                              */

static const NgSlot *
slot(const NgRuleMatch *m, const char *name, size_t nth)
{
  for (size_t i = 0; i < m->n_slots; i++) {
    if (!strcmp(m->slots[i].name, name) && nth-- == 0) {
      return &m->slots[i];
    }
  }
  return NULL;
}

/* Mentions in every slot named @p name, in order, through @p cb. */
typedef bool (*MentionFn)(Ex *x, int32_t mention, void *data);

static bool
each_mention(Ex *x, const NgRuleMatch *m, const char *name, MentionFn fn,
             void *data)
{
  bool any = false;
  for (size_t i = 0; i < m->n_slots; i++) {
    if (strcmp(m->slots[i].name, name)) {
      continue;
    }
    for (uint32_t u = m->slots[i].u0; u < m->slots[i].u1; u++) {
      if (x->units[u].mention >= 0) {
        any = true;
        if (!fn(x, x->units[u].mention, data)) {
          return any;
        }
      }
    }
  }
  return any;
}

/* The entity of a mention (a demonym's country included), or -1. */
static int32_t
entity_of(Ex *x, int32_t mi)
{
  const NgMention *m = &x->an->mentions[mi];
  return m->entity;
}

/* Byte span of a slot. */
static void
slot_bytes(Ex *x, const NgSlot *s, uint32_t *b0, uint32_t *b1)
{
  const NgToken *tk = x->an->seg.tokens;
  *b0 = tk[x->units[s->u0].t0].b0;
  *b1 = tk[x->units[s->u1 - 1].t1 - 1].b1;
  const NgMention *m0 = x->units[s->u0].mention >= 0
                          ? &x->an->mentions[x->units[s->u0].mention]
                          : NULL;
  const NgMention *m1 = x->units[s->u1 - 1].mention >= 0
                          ? &x->an->mentions[x->units[s->u1 - 1].mention]
                          : NULL;
  if (m0) {
    *b0 = m0->b0;
  }
  if (m1) {
    *b1 = m1->b1;
  }
}

static const char *
slot_text(Ex *x, const NgSlot *s)
{
  uint32_t b0, b1;
  slot_bytes(x, s, &b0, &b1);
  return ng_analysis_name(x->an, b0, b1);
}

/* ------------------------------------------------------------------ */
/* Events.                                                             */

static double
rule_conf(const NgRuleInfo *ri)
{
  return ri->confidence > 0 ? ri->confidence : 0.7;
}

/* An event's name as written: the noun phrase with its complement chain
 * ("8e réunion des chefs de police de la région MENA"). */
static const char *
event_label(Ex *x, const NgMention *m)
{
  NgAnalysis *an = x->an;
  const NgToken *tk = an->seg.tokens;
  uint32_t sent = m->sent;
  size_t t = m->t0;
  /* Leave out a leading determiner. */
  if (t < m->t1 && lex_has(x, "demonstrative", tk[t].norm)) {
    t++;
  }
  size_t end = m->t1;
  for (;;) {
    size_t s = end;
    bool linked = false;
    while (s < an->seg.n_tokens && tk[s].sent == sent &&
           (lex_has(x, "np_link", tk[s].norm) ||
            lex_has(x, "coordinator", tk[s].norm))) {
      s++;
      linked = true;
    }
    if (!linked || s >= an->seg.n_tokens || tk[s].sent != sent ||
        !(tk[s].flags & NG_TOK_ALPHA)) {
      break;
    }
    /* Dates are not part of a name. */
    bool is_date = false;
    for (size_t k = 0; k < an->n_mentions; k++) {
      if (an->mentions[k].kind == NG_MENTION_DATE && an->mentions[k].t0 <= s &&
          s < an->mentions[k].t1) {
        is_date = true;
      }
    }
    if (is_date) {
      break;
    }
    end = s + 1;
    /* Up to two more words of the complement ("de OM sécurité"). */
    /* An elided pronoun ("s'" of "s'est tenu") starts the verb, not the
     * name. */
    for (int extra = 0; extra < 2 && end < an->seg.n_tokens &&
                        tk[end].sent == sent && (tk[end].flags & NG_TOK_ALPHA) &&
                        !(tk[end].flags & NG_TOK_ELISION) &&
                        !lex_has(x, "stopword", tk[end].norm) &&
                        !lex_has(x, "np_link", tk[end].norm);
         extra++) {
      end++;
    }
    /* A name spanning several tokens counts whole. */
    for (size_t k = 0; k < an->n_mentions; k++) {
      if (an->mentions[k].t0 == s && an->mentions[k].t1 > end &&
          an->mentions[k].kind != NG_MENTION_DATE) {
        end = an->mentions[k].t1;
      }
    }
  }
  if (t >= end) {
    return NULL;
  }
  return ng_analysis_name(an, tk[t].b0, tk[end - 1].b1);
}

static bool
is_statement(Ex *x, const NgEvent *e)
{
  return ng_ontology_is_a(x->onto, e->type, "Statement");
}

/* How far back, in sentences, an anaphoric event phrase looks: a news
 * text names again what it reported a few paragraphs before, and a long
 * text would otherwise compare every phrase with every event. */
#define EVENT_ANAPHOR_WINDOW 40

/* The event an anaphoric noun phrase ("cette réunion": head "=Meeting")
 * in sentence @p sent names: the latest top-level event of a compatible
 * class reported at most EVENT_ANAPHOR_WINDOW sentences before. */
static int32_t
resolve_event_anaphor(Ex *x, const char *cls, uint32_t sent)
{
  for (size_t i = x->an->n_events; i-- > 0;) {
    const NgEvent *e = &x->an->events[i];
    if (e->sent + EVENT_ANAPHOR_WINDOW < sent || e->merged ||
        e->part_of >= 0 || is_statement(x, e)) {
      continue;
    }
    if (ng_ontology_is_a(x->onto, e->type, cls) ||
        ng_ontology_is_a(x->onto, cls, e->type)) {
      return (int32_t)i;
    }
  }
  return -1;
}

static int32_t
new_event(Ex *x, const char *type, const NgRuleInfo *ri, uint32_t sent)
{
  NgEvent *e = ng_analysis_add_event(x->an);
  if (!e) {
    return -1;
  }
  e->type = type;
  e->conf = rule_conf(ri);
  e->rule = ri->id;
  e->sent = sent;
  e->label_lang = x->an->lang;
  return (int32_t)(x->an->n_events - 1);
}

/* The event an EVENT mention stands for, creating it when the mention is
 * a new event phrase; -1 when an anaphor finds nothing. */
static int32_t
event_of_mention(Ex *x, int32_t mi, const NgRuleInfo *ri, bool create)
{
  NgMention *m = &x->an->mentions[mi];
  if (m->event >= 0) {
    return m->event;
  }
  if (m->head && m->head[0] == '=') {
    m->event = resolve_event_anaphor(x, m->head + 1, m->sent);
    return m->event;
  }
  if (m->head && m->head[0] == '~') {
    m->event = resolve_event_anaphor(x, m->head + 1, m->sent);
    if (m->event >= 0) {
      return m->event;
    }
  }
  if (!create) {
    return -1;
  }
  const char *cls = m->head && m->head[0] == '~' ? m->head + 1 : m->head;
  const char *type = ri->type && *ri->type ? ri->type : cls;
  int32_t ev = new_event(x, type, ri, m->sent);
  if (ev < 0) {
    return -1;
  }
  x->an->events[ev].label = event_label(x, m);
  m = &x->an->mentions[mi];
  m->event = ev;
  return ev;
}

typedef struct {
  int32_t first;
  bool (*accept)(const NgMention *m);
} FirstMention;

static bool
take_first(Ex *x, int32_t mi, void *data)
{
  FirstMention *f = data;
  if (f->accept(&x->an->mentions[mi])) {
    f->first = mi;
    return false;
  }
  return true;
}

static int32_t
first_mention(Ex *x, const NgRuleMatch *m, const char *slot_name,
              bool (*accept)(const NgMention *))
{
  FirstMention f = {-1, accept};
  each_mention(x, m, slot_name, take_first, &f);
  return f.first;
}

static bool
is_event_m(const NgMention *m)
{
  return m->kind == NG_MENTION_EVENT;
}

static bool
is_date_m(const NgMention *m)
{
  return m->kind == NG_MENTION_DATE;
}

static bool
is_entity_m(const NgMention *m)
{
  return m->entity >= 0;
}

static bool
is_agent_m(const NgMention *m)
{
  return m->entity >= 0 &&
         (m->type == NG_ENT_PERSON || ng_entity_type_is_org(m->type) ||
          m->type == NG_ENT_COUNTRY);
}

static bool
is_actor_m(const NgMention *m)
{
  return is_agent_m(m) && m->kind != NG_MENTION_DEMONYM;
}

static bool
is_place_m(const NgMention *m)
{
  return m->entity >= 0 && ng_entity_type_is_place(m->type) &&
         m->kind != NG_MENTION_DEMONYM;
}

static bool
is_org_m(const NgMention *m)
{
  return m->entity >= 0 && ng_entity_type_is_org(m->type);
}

/* A country, named or through its demonym ("sénégalaise", "Kenyan"): the
 * gazetteer links both to the country. */
static bool
is_country_m(const NgMention *m)
{
  return m->entity >= 0 && m->type == NG_ENT_COUNTRY;
}

static bool
is_person_m(const NgMention *m)
{
  return m->entity >= 0 && m->type == NG_ENT_PERSON;
}

/* How specific a place is, for choosing an event's location. */
static int
place_rank(NgEntityType t)
{
  switch (t) {
  case NG_ENT_CITY: return 4;
  case NG_ENT_PLACE: return 3;
  case NG_ENT_REGION: return 2;
  case NG_ENT_COUNTRY: return 1;
  case NG_ENT_CONTINENT:
  case NG_ENT_NONE:
  case NG_ENT_PERSON:
  case NG_ENT_ORGANIZATION:
  case NG_ENT_GOV_AGENCY:
  case NG_ENT_INTL_ORG:
  case NG_ENT_NEWS_AGENCY:
  case NG_ENT_TYPE_COUNT: return 0;
  }
  return 0;
}

typedef struct {
  int32_t ev;
  const char *prop;
  bool (*accept)(const NgMention *);
  NgStatus st;
} RoleAdd;

static bool
add_role_cb(Ex *x, int32_t mi, void *data)
{
  RoleAdd *ra = data;
  const NgMention *m = &x->an->mentions[mi];
  if (!ra->accept(m)) {
    return true;
  }
  int32_t topic = m->kind == NG_MENTION_TOPIC ? mi : -1;
  int32_t ent = m->kind == NG_MENTION_TOPIC ? -1 : entity_of(x, mi);
  ra->st = ng_event_add_role(&x->an->events[ra->ev], ra->prop, ent, topic);
  return ra->st == NG_SUCCESS;
}

static bool
is_topic_m(const NgMention *m)
{
  return m->kind == NG_MENTION_TOPIC && m->head;
}

static NgStatus
add_roles(Ex *x, const NgRuleMatch *m, int32_t ev, const char *slot_name,
          const char *prop, bool (*accept)(const NgMention *))
{
  RoleAdd ra = {ev, prop, accept, NG_SUCCESS};
  each_mention(x, m, slot_name, add_role_cb, &ra);
  return ra.st;
}

typedef struct {
  int32_t best;
  int rank;
} BestPlace;

static bool
best_place_cb(Ex *x, int32_t mi, void *data)
{
  BestPlace *bp = data;
  const NgMention *m = &x->an->mentions[mi];
  if (is_place_m(m) && place_rank(m->type) > bp->rank) {
    bp->best = m->entity;
    bp->rank = place_rank(m->type);
  }
  return true;
}

static void
cover_evidence(Ex *x, NgEvent *e, uint32_t sent)
{
  const NgSentence *se = &x->an->seg.sents[sent];
  ng_event_add_evidence(e, se->c0, se->c1);
}

static NgStatus
apply_event(Ex *x, const NgRuleMatch *m, const NgRuleInfo *ri, uint32_t sent)
{
  int32_t ev = -1;
  int32_t nm = first_mention(x, m, "name", is_event_m);
  int32_t em = first_mention(x, m, "event", is_event_m);
  if (nm >= 0) {
    ev = event_of_mention(x, nm, ri, true);
  } else if (em >= 0) {
    ev = event_of_mention(x, em, ri, false);
  } else if (slot(m, "event", 0) || !ri->type || !*ri->type) {
    ev = x->current;
  } else {
    ev = new_event(x, ri->type, ri, sent);
  }
  if (ev < 0) {
    return NG_SUCCESS; /* nothing to attach to: no guess */
  }
  NgEvent *e = &x->an->events[ev];
  if (ri->type && *ri->type && nm >= 0 && e->rule == ri->id) {
    e->type = ri->type;
  }
  cover_evidence(x, e, sent);
  int32_t dm = first_mention(x, m, "date", is_date_m);
  if (dm >= 0 && e->start.prec == NG_DATE_NONE) {
    e->start = x->an->mentions[dm].date_start;
    e->end = x->an->mentions[dm].date_end;
  }
  BestPlace bp = {-1, 0};
  each_mention(x, m, "location", best_place_cb, &bp);
  if (bp.best >= 0 && e->location < 0) {
    e->location = bp.best;
  }
  int32_t om = first_mention(x, m, "organizer", is_org_m);
  if (om >= 0 && e->organizer < 0) {
    e->organizer = x->an->mentions[om].entity;
  }
  /* "au siège de X": X's headquarters host it; X organises it unless the
   * text says otherwise. */
  int32_t sm = first_mention(x, m, "seat", is_org_m);
  if (sm >= 0) {
    int32_t org = x->an->mentions[sm].entity;
    if (e->organizer < 0) {
      e->organizer = org;
    }
    if (e->location >= 0 && x->an->entities[org].headquarters < 0 &&
        x->an->entities[e->location].type == NG_ENT_CITY) {
      x->an->entities[org].headquarters = e->location;
    }
  }
  int32_t pm = first_mention(x, m, "partOf", is_event_m);
  if (pm >= 0) {
    int32_t parent = event_of_mention(x, pm, ri, false);
    if (parent >= 0 && parent != ev) {
      x->an->events[ev].part_of = parent;
    }
  }
  NgStatus st = add_roles(x, m, ev, "participant", "participant", is_actor_m);
  if (!st) st = add_roles(x, m, ev, "speaker", "speaker", is_actor_m);
  if (!st) st = add_roles(x, m, ev, "speaker", "participant", is_actor_m);
  if (!st) st = add_roles(x, m, ev, "about", "about", is_entity_m);
  if (!st) st = add_roles(x, m, ev, "host", "host", is_agent_m);
  if (!st) st = add_roles(x, m, ev, "topic", "topic", is_topic_m);
  e = &x->an->events[ev];
  if (e->part_of < 0 && !is_statement(x, e)) {
    x->current = ev;
  } else if (e->part_of >= 0 && !is_statement(x, e)) {
    x->sent_sub = ev;
  }
  return st;
}

/* ------------------------------------------------------------------ */
/* Participations and positions.                                       */

static NgStatus
add_participation(Ex *x, int32_t agent, int32_t behalf, int32_t ev,
                  double conf, const char *rule, uint32_t sent)
{
  for (size_t i = 0; i < x->an->n_parts; i++) {
    NgParticipation *p = &x->an->parts[i];
    if (p->agent == agent && p->event == ev &&
        (p->on_behalf_of == behalf || behalf < 0)) {
      return NG_SUCCESS;
    }
    if (p->agent == agent && p->event == ev && p->on_behalf_of < 0) {
      p->on_behalf_of = behalf;
      return NG_SUCCESS;
    }
  }
  NgParticipation *p = ng_analysis_add_participation(x->an);
  if (!p) {
    return NG_ERR_NOMEM;
  }
  const NgSentence *se = &x->an->seg.sents[sent];
  p->agent = agent;
  p->on_behalf_of = behalf;
  p->event = ev;
  p->conf = conf;
  p->rule = rule;
  p->sent = sent;
  p->ev_c0 = se->c0;
  p->ev_c1 = se->c1;
  NgStatus st = ng_event_add_role(&x->an->events[ev], "participant", agent, -1);
  if (!st && behalf >= 0) {
    st = ng_event_add_role(&x->an->events[ev], "participant", behalf, -1);
  }
  return st;
}

static NgStatus
apply_participation(Ex *x, const NgRuleMatch *m, const NgRuleInfo *ri,
                    uint32_t sent)
{
  int32_t am = first_mention(x, m, "agent", is_agent_m);
  if (am < 0) {
    return NG_SUCCESS;
  }
  int32_t bm = first_mention(x, m, "onBehalfOf", is_agent_m);
  int32_t em = first_mention(x, m, "event", is_event_m);
  /* The people of a sentence that reports talks on the margins of a
   * meeting take part in the talks: the meeting has its own sentences. */
  int32_t ev = em >= 0            ? event_of_mention(x, em, ri, false)
               : x->sent_sub >= 0 ? x->sent_sub
                                  : x->current;
  if (ev < 0) {
    return NG_SUCCESS;
  }
  double conf = rule_conf(ri);
  int32_t agent = x->an->mentions[am].entity;
  int32_t behalf = bm >= 0 ? x->an->mentions[bm].entity : -1;
  if (bm >= 0 && x->an->mentions[bm].kind == NG_MENTION_NOMINAL) {
    conf *= 0.9; /* through an anaphor */
  }
  if (behalf == agent) {
    behalf = -1;
  }
  cover_evidence(x, &x->an->events[ev], sent);
  return add_participation(x, agent, behalf, ev, conf, ri->id, sent);
}

static NgStatus
add_position(Ex *x, int32_t holder, int32_t org, int32_t country,
             const char *title, const NgRuleInfo *ri, uint32_t sent)
{
  for (size_t i = 0; i < x->an->n_positions; i++) {
    NgPosition *p = &x->an->positions[i];
    if (p->holder != holder || p->org != org) {
      continue;
    }
    /* One post said twice, once in full: "directeur" and "directeur de
     * la cybercriminalité" at Interpol. Keep the fuller title. */
    size_t lp = strlen(p->title), lt = strlen(title);
    const char *shorter = lp <= lt ? p->title : title;
    const char *longer = lp <= lt ? title : p->title;
    size_t ls = lp <= lt ? lp : lt;
    if (!strncmp(shorter, longer, ls) &&
        (longer[ls] == '\0' || longer[ls] == ' ')) {
      p->title = longer;
      if (p->country < 0) {
        p->country = country;
      }
      return NG_SUCCESS;
    }
  }
  NgPosition *p = ng_analysis_add_position(x->an);
  if (!p) {
    return NG_ERR_NOMEM;
  }
  const NgSentence *se = &x->an->seg.sents[sent];
  p->holder = holder;
  p->org = org;
  p->country = country;
  p->title = title;
  p->title_lang = x->an->lang;
  p->conf = rule_conf(ri);
  p->rule = ri->id;
  p->sent = sent;
  p->ev_c0 = se->c0;
  p->ev_c1 = se->c1;
  return NG_SUCCESS;
}

/* A title as a label: lower case, as titles are common nouns. */
static const char *
title_text(Ex *x, const NgSlot *s)
{
  const char *t = slot_text(x, s);
  if (!t) {
    return NULL;
  }
  size_t len;
  uint32_t cp = ng_utf8_decode(t, strlen(t), &len);
  uint32_t lo = ng_cp_lower(cp);
  if (lo == cp) {
    return t;
  }
  char enc[4];
  size_t el = ng_utf8_encode(lo, enc);
  size_t rest = strlen(t) - len;
  char *d = ng_arena_alloc(x->an->arena, el + rest + 1);
  if (d) {
    memcpy(d, enc, el);
    memcpy(d + el, t + len, rest + 1);
  }
  return d;
}

typedef struct {
  int32_t holder;
  int32_t country;
  const char *title;
  const NgRuleInfo *ri;
  uint32_t sent;
  NgStatus st;
  bool any;
} PosAdd;

static bool
pos_org_cb(Ex *x, int32_t mi, void *data)
{
  PosAdd *pa = data;
  const NgMention *m = &x->an->mentions[mi];
  if (!is_org_m(m)) {
    return true;
  }
  pa->any = true;
  pa->st = add_position(x, pa->holder, m->entity, pa->country, pa->title,
                        pa->ri, pa->sent);
  return pa->st == NG_SUCCESS;
}

static NgStatus
apply_position(Ex *x, const NgRuleMatch *m, const NgRuleInfo *ri,
               uint32_t sent)
{
  int32_t hm = first_mention(x, m, "holder", is_person_m);
  const NgSlot *ts = slot(m, "title", 0);
  if (hm < 0 || !ts) {
    return NG_SUCCESS;
  }
  int32_t cm = first_mention(x, m, "country", is_country_m);
  PosAdd pa = {x->an->mentions[hm].entity,
               cm >= 0 ? x->an->mentions[cm].entity : -1,
               title_text(x, ts), ri, sent, NG_SUCCESS, false};
  if (!pa.title) {
    return NG_ERR_NOMEM;
  }
  each_mention(x, m, "org", pos_org_cb, &pa);
  if (pa.st) {
    return pa.st;
  }
  if (!pa.any) {
    return add_position(x, pa.holder, -1, pa.country, pa.title, ri, sent);
  }
  return NG_SUCCESS;
}

/* A `mention` rule: an unnamed person described by a title ("le nouveau
 * directeur de la cybercriminalité à Interpol") becomes a person mention
 * over the whole match, holding that title at the organisation. */
static NgStatus
apply_mention(Ex *x, const NgRuleMatch *m, const NgRuleInfo *ri,
              uint32_t sent, bool *changed)
{
  const NgSlot *ts = slot(m, "title", 0);
  if (!ts) {
    return NG_SUCCESS;
  }
  int32_t om = first_mention(x, m, "org", is_org_m);
  /* "le directeur de la police, X" / "X, le directeur de la police": the
   * apposition names the official, who holds the title; no unnamed
   * person. */
  int32_t hm = first_mention(x, m, "holder", is_person_m);
  if (hm >= 0) {
    const char *ht = title_text(x, ts);
    if (!ht) {
      return NG_ERR_NOMEM;
    }
    return add_position(x, x->an->mentions[hm].entity,
                        om >= 0 ? x->an->mentions[om].entity : -1, -1, ht,
                        ri, sent);
  }
  const NgSlot *span = slot(m, "span", 0);
  NgSlot whole = {"span", m->u0, m->u1};
  if (!span) {
    span = &whole;
  }
  uint32_t b0, b1;
  slot_bytes(x, span, &b0, &b1);
  uint32_t t0 = x->units[span->u0].t0, t1 = x->units[span->u1 - 1].t1;
  /* Not when a person is already named there. */
  for (uint32_t u = span->u0; u < span->u1; u++) {
    int32_t mi = x->units[u].mention;
    if (mi >= 0 && x->an->mentions[mi].type == NG_ENT_PERSON) {
      return NG_SUCCESS;
    }
  }
  const char *title = title_text(x, ts);
  const char *desc = ng_analysis_name(x->an, b0, b1);
  if (!title || !desc) {
    return NG_ERR_NOMEM;
  }
  int32_t org = om >= 0 ? x->an->mentions[om].entity : -1;
  /* The same description twice in a document is one person. */
  int32_t ent = -1;
  for (size_t i = 0; i < x->an->n_positions; i++) {
    const NgPosition *p = &x->an->positions[i];
    if (p->org == org && !strcmp(p->title, title) &&
        x->an->entities[p->holder].description) {
      ent = p->holder;
    }
  }
  if (ent < 0) {
    NgEntity *e = ng_analysis_add_entity(x->an);
    if (!e) {
      return NG_ERR_NOMEM;
    }
    e->type = NG_ENT_PERSON;
    e->description = desc;
    e->name = desc;
    e->name_lang = x->an->lang;
    ent = (int32_t)(x->an->n_entities - 1);
  }
  NgMention *nm = ng_analysis_add_mention(x->an);
  if (!nm) {
    return NG_ERR_NOMEM;
  }
  const NgToken *tk = x->an->seg.tokens;
  nm->t0 = t0;
  nm->t1 = t1;
  nm->b0 = b0;
  nm->b1 = b1;
  nm->c0 = tk[t0].c0 + (uint32_t)ng_utf8_count(x->an->doc->text + tk[t0].b0,
                                               b0 - tk[t0].b0);
  nm->c1 = nm->c0 + (uint32_t)ng_utf8_count(x->an->doc->text + b0, b1 - b0);
  nm->sent = sent;
  nm->kind = NG_MENTION_DESCRIPTION;
  nm->type = NG_ENT_PERSON;
  nm->entity = ent;
  *changed = true;
  return add_position(x, ent, org, -1, title, ri, sent);
}

static NgStatus
run_kind(Ex *x, size_t s, NgRuleKind kind, NgEncoded *enc)
{
  ng_rule_matches_clear(&x->matches);
  NgStatus st = ng_ruleset_run(x->res->rules, kind, enc, &x->matches);
  if (st == NG_ERR_LIMIT) {
    st = NG_SUCCESS; /* reported by the rule set; the other rules ran */
  }
  bool changed = false;
  for (size_t i = 0; i < x->matches.n && !st; i++) {
    const NgRuleMatch *m = &x->matches.items[i];
    const NgRuleInfo *ri = ng_ruleset_info(x->res->rules, m->rule);
    switch (ri->kind) {
    case NG_RULE_EVENT: st = apply_event(x, m, ri, (uint32_t)s); break;
    case NG_RULE_POSITION: st = apply_position(x, m, ri, (uint32_t)s); break;
    case NG_RULE_PARTICIPATION:
      st = apply_participation(x, m, ri, (uint32_t)s);
      break;
    case NG_RULE_MENTION:
      st = apply_mention(x, m, ri, (uint32_t)s, &changed);
      break;
    }
  }
  if (!st && changed) {
    ng_analysis_sort_mentions(x->an);
    st = encode(x, s, enc);
  }
  return st;
}

/* ------------------------------------------------------------------ */
/* After all sentences.                                                */

static bool
same_roles(const NgEvent *a, const NgEvent *b, const char *prop)
{
  size_t na = 0;
  for (size_t i = 0; i < a->n_roles; i++) {
    if (strcmp(a->roles[i].prop, prop)) {
      continue;
    }
    na++;
    bool found = false;
    for (size_t j = 0; j < b->n_roles; j++) {
      found = found || (!strcmp(b->roles[j].prop, prop) &&
                        b->roles[j].entity == a->roles[i].entity);
    }
    if (!found) {
      return false;
    }
  }
  size_t nb = 0;
  for (size_t j = 0; j < b->n_roles; j++) {
    nb += !strcmp(b->roles[j].prop, prop);
  }
  return na == nb;
}

static bool
dates_compatible(const NgEvent *a, const NgEvent *b)
{
  return a->start.prec == NG_DATE_NONE || b->start.prec == NG_DATE_NONE ||
         ng_date_cmp(&a->start, &b->start) == 0;
}

/* Statements: one speaker saying the same of the same subject twice in a
 * document is one statement ("Interpol a salué le Maroc ... En mai
 * dernier, Interpol avait déjà salué la contribution du Maroc"). */
static NgStatus
merge_events(Ex *x)
{
  NgAnalysis *an = x->an;
  for (size_t i = 0; i < an->n_events; i++) {
    NgEvent *a = &an->events[i];
    if (a->merged || !is_statement(x, a)) {
      continue;
    }
    for (size_t j = i + 1; j < an->n_events; j++) {
      NgEvent *b = &an->events[j];
      /* Same rule too: a praise and a condemnation are two statements. */
      if (b->merged || strcmp(a->type, b->type) || strcmp(a->rule, b->rule) ||
          !dates_compatible(a, b) ||
          !same_roles(a, b, "speaker") || !same_roles(a, b, "about")) {
        continue;
      }
      b->merged = true;
      b->merged_into = (int32_t)i;
      if (a->start.prec == NG_DATE_NONE) {
        a->start = b->start;
        a->end = b->end;
      }
      for (size_t k = 0; k < b->n_roles; k++) {
        NgStatus st = ng_event_add_role(a, b->roles[k].prop, b->roles[k].entity,
                                        b->roles[k].topic);
        if (st) {
          return st;
        }
      }
      for (size_t k = 0; k + 1 < b->n_ev; k += 2) {
        NgStatus st = ng_event_add_evidence(a, b->ev[k], b->ev[k + 1]);
        if (st) {
          return st;
        }
      }
      if (b->conf > a->conf) {
        a->conf = b->conf;
      }
    }
  }
  return NG_SUCCESS;
}

/* Government agencies named without their country act for the country
 * their officials represent. */
static void
infer_agency_countries(Ex *x)
{
  NgAnalysis *an = x->an;
  for (size_t i = 0; i < an->n_positions; i++) {
    const NgPosition *p = &an->positions[i];
    if (p->org < 0) {
      continue;
    }
    NgEntity *org = &an->entities[p->org];
    if (org->type != NG_ENT_GOV_AGENCY || org->country >= 0) {
      continue;
    }
    for (size_t k = 0; k < an->n_parts; k++) {
      const NgParticipation *pa = &an->parts[k];
      if (pa->agent == p->holder && pa->on_behalf_of >= 0 &&
          an->entities[pa->on_behalf_of].type == NG_ENT_COUNTRY) {
        org->country = pa->on_behalf_of;
        org->country_conf = 0.75;
        break;
      }
    }
  }
}

/* An official whose post is held for a country ("la ministre sénégalaise
 * de l'Intérieur", "Kenya's foreign minister") acts for that country in
 * the events the document has them take part in, unless a rule already
 * said on whose behalf. Positions are not tied to one event, so this runs
 * once every sentence has been read. */
static NgStatus
infer_behalf_from_positions(Ex *x)
{
  NgAnalysis *an = x->an;
  size_t n_events = an->n_events;
  for (size_t i = 0; i < an->n_positions; i++) {
    const NgPosition pos = an->positions[i];
    if (pos.country < 0 || pos.country == pos.holder) {
      continue;
    }
    for (size_t ev = 0; ev < n_events; ev++) {
      const NgEvent *e = &an->events[ev];
      bool takes_part = false;
      for (size_t r = 0; r < e->n_roles && !takes_part; r++) {
        takes_part = e->roles[r].entity == pos.holder &&
                     !strcmp(e->roles[r].prop, "participant");
      }
      /* The appointee of an appointment does not yet act for the post. */
      if (e->merged || !takes_part ||
          ng_ontology_is_a(x->onto, e->type, "Appointment")) {
        continue;
      }
      bool said = false;
      for (size_t k = 0; k < an->n_parts && !said; k++) {
        said = an->parts[k].agent == pos.holder &&
               an->parts[k].event == (int32_t)ev &&
               an->parts[k].on_behalf_of >= 0;
      }
      if (said) {
        continue;
      }
      /* Evidence: the sentence that gives the post its country. */
      double conf = pos.conf < e->conf ? pos.conf : e->conf;
      NgStatus st = add_participation(x, pos.holder, pos.country,
                                      (int32_t)ev, conf * 0.9, pos.rule,
                                      pos.sent);
      if (st) {
        return st;
      }
    }
  }
  return NG_SUCCESS;
}

NgStatus
ng_extract(NgAnalysis *an, const NgResources *res, const NgOntology *onto)
{
  if (!res->rules) {
    return NG_SUCCESS;
  }
  Ex x;
  memset(&x, 0, sizeof x);
  x.an = an;
  x.res = res;
  x.onto = onto;
  x.current = -1;
  ng_buf_init(&x.str);
  NgStatus st = NG_SUCCESS;
  static const NgRuleKind order[] = {NG_RULE_MENTION, NG_RULE_POSITION,
                                     NG_RULE_EVENT, NG_RULE_PARTICIPATION};
  /* NEWSGRAPH_TRACE=1 logs every encoded sentence: what rule authors need
   * to see to write a pattern. */
  const char *trace = getenv("NEWSGRAPH_TRACE");
  st = stem_tokens(&x);
  for (size_t s = 0; s < an->seg.n_sents && !st; s++) {
    NgEncoded enc;
    x.sent_sub = -1;
    st = encode(&x, s, &enc);
    if (!st && trace && *trace == '1') {
      ng_log(&res->log, NG_LOG_INFO, NG_SUCCESS, "extract", an->doc->id,
             (unsigned)s + 1, 0, "units: %s", enc.str);
    }
    for (size_t k = 0; k < NG_COUNTOF(order) && !st; k++) {
      st = run_kind(&x, s, order[k], &enc);
    }
  }
  if (!st) {
    st = merge_events(&x);
  }
  if (!st) {
    st = infer_behalf_from_positions(&x);
  }
  for (size_t i = 0; !st && i < an->n_events; i++) {
    an->events[i].cameo = ng_ontology_cameo(onto, an->events[i].type);
  }
  if (!st) {
    infer_agency_countries(&x);
  }
  ng_rule_matches_free(&x.matches);
  ng_buf_free(&x.str);
  ng_free(x.units);
  ng_free(x.off);
  ng_free(x.stems);
  return st;
}
