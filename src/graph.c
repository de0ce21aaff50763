/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0 */
#include "graph.h"

#include "emit.h"

#include <stdlib.h>
#include <string.h>

#define NG "https://w3id.org/newsgraph/ns#"
#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define OWL "http://www.w3.org/2002/07/owl#"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define ITS "http://www.w3.org/2005/11/its/rdf#"
#define DCT "http://purl.org/dc/terms/"
#define WD "http://www.wikidata.org/entity/"

typedef struct {
  NgAnalysis *an;
  const NgResources *res;
  NgGraph *g;
  const char *base;
  const char *doc;
  const char *lang;
  const char **ent_iri;
  const char **ev_iri;
  NgStatus st;
  NgBuf tmp;
} Gb;

/* ---- IRI pieces ---- */

static void
put_pct(NgBuf *b, const char *s, size_t n)
{
  static const char hex[] = "0123456789ABCDEF";
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
        c == '~') {
      ng_buf_putc(b, (char)c);
    } else {
      ng_buf_putc(b, '%');
      ng_buf_putc(b, hex[c >> 4]);
      ng_buf_putc(b, hex[c & 15]);
    }
  }
}

/* Folded name with every run of other characters made one '-'. */
static void
put_slug(NgBuf *b, const char *name)
{
  NgBuf f;
  ng_buf_init(&f);
  ng_fold(name, strlen(name), &f);
  bool dash = false;
  size_t start = b->len;
  for (size_t i = 0; i < f.len; i++) {
    unsigned char c = (unsigned char)f.data[i];
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (!keep) {
      dash = b->len > start;
      continue;
    }
    if (dash) {
      ng_buf_putc(b, '-');
      dash = false;
    }
    if (c >= 0x80) {
      put_pct(b, (const char *)&f.data[i], 1);
    } else {
      ng_buf_putc(b, (char)c);
    }
  }
  if (b->len == start) {
    ng_buf_puts(b, "x");
  }
  ng_buf_free(&f);
}

static const char *
lower_type(Gb *gb, const char *type)
{
  NgBuf b;
  ng_buf_init(&b);
  ng_fold(type, strlen(type), &b);
  const char *s = ng_arena_strndup(gb->an->arena, b.data ? b.data : "", b.len);
  ng_buf_free(&b);
  return s;
}

static const char *
hashed_iri(Gb *gb, const char *kind, const char *key)
{
  uint64_t h = ng_hash64(key, strlen(key), 0);
  return ng_arena_printf(gb->an->arena, "%s%s/%016llx", gb->base, kind,
                         (unsigned long long)h);
}

const char *
ng_graph_doc_iri(NgAnalysis *an, const char *base)
{
  NgBuf b;
  ng_buf_init(&b);
  ng_buf_puts(&b, base);
  ng_buf_puts(&b, "doc/");
  const char *id = an->doc->id ? an->doc->id : "document";
  put_pct(&b, id, strlen(id));
  const char *s = b.failed ? NULL : ng_arena_strndup(an->arena, b.data, b.len);
  ng_buf_free(&b);
  return s;
}

/* ---- triples ---- */

static void
iri(Gb *gb, const char *s, const char *p, const char *o)
{
  if (!gb->st && s && o) {
    gb->st = ng_graph_add_iri(gb->g, s, p, o);
  }
}

static void
lit(Gb *gb, const char *s, const char *p, const char *v, const char *lang,
    const char *dt)
{
  if (!gb->st && s && v) {
    gb->st = ng_graph_add_literal(gb->g, s, p, v, lang, dt);
  }
}

static void
integer(Gb *gb, const char *s, const char *p, uint32_t v)
{
  char buf[16];
  snprintf(buf, sizeof buf, "%u", v);
  lit(gb, s, p, buf, NULL, XSD "nonNegativeInteger");
}

static void
decimal(Gb *gb, const char *s, const char *p, double v)
{
  char buf[32];
  lit(gb, s, p, ng_format_decimal(v, buf, sizeof buf), NULL, XSD "decimal");
}

static void
date(Gb *gb, const char *s, const char *p, const NgDate *d)
{
  char buf[16];
  const char *v = ng_date_format(d, buf, sizeof buf);
  if (!v) {
    return;
  }
  const char *dt = d->prec == NG_DATE_DAY     ? XSD "date"
                   : d->prec == NG_DATE_MONTH ? XSD "gYearMonth"
                                              : XSD "gYear";
  lit(gb, s, p, v, NULL, dt);
}

static const char *
ng_term(Gb *gb, const char *local)
{
  return ng_arena_printf(gb->an->arena, NG "%s", local);
}

/* A NIF string of the document: a mention or a sentence. */
static const char *
nif_string(Gb *gb, uint32_t c0, uint32_t c1, uint32_t b0, uint32_t b1,
           const char *cls)
{
  const char *m = ng_arena_printf(gb->an->arena, "%s#char=%u,%u", gb->doc, c0,
                                  c1);
  iri(gb, m, RDF "type", NIF "String");
  iri(gb, m, RDF "type", NIF "RFC5147String");
  iri(gb, m, RDF "type", cls);
  lit(gb, m, NIF "anchorOf", ng_analysis_text(gb->an, b0, b1), NULL, NULL);
  integer(gb, m, NIF "beginIndex", c0);
  integer(gb, m, NIF "endIndex", c1);
  iri(gb, m, NIF "referenceContext", gb->doc);
  return m;
}

static const char *
sentence_node(Gb *gb, uint32_t c0, uint32_t c1)
{
  /* Find the sentence's byte range from its code-point range. */
  const NgSegmentation *seg = &gb->an->seg;
  for (size_t s = 0; s < seg->n_sents; s++) {
    if (seg->sents[s].c0 == c0 && seg->sents[s].c1 == c1) {
      return nif_string(gb, c0, c1, seg->sents[s].b0, seg->sents[s].b1,
                        NIF "Sentence");
    }
  }
  return NULL;
}

/* ---- documents ---- */

static void
document(Gb *gb)
{
  const NgDoc *d = gb->an->doc;
  const char *doc = gb->doc;
  iri(gb, doc, RDF "type", NG "Document");
  iri(gb, doc, RDF "type", NIF "Context");
  lit(gb, doc, DCT "identifier", d->id ? d->id : "document", NULL, NULL);
  lit(gb, doc, NIF "isString", d->text, NULL, NULL);
  integer(gb, doc, NIF "beginIndex", 0);
  integer(gb, doc, NIF "endIndex", (uint32_t)ng_utf8_count(d->text, d->len));
  if (d->date.prec != NG_DATE_NONE) {
    date(gb, doc, DCT "date", &d->date);
  }
  if (gb->lang) {
    lit(gb, doc, DCT "language", gb->lang, NULL, NULL);
  }
  if (d->url && ng_iri_is_valid(d->url)) {
    iri(gb, doc, DCT "source", d->url);
  }
  lit(gb, doc, DCT "title", d->title, gb->lang, NULL);
  lit(gb, doc, DCT "publisher", d->publisher, NULL, NULL);
}

/* ---- entities ---- */

static const char *
anonymous_key(Gb *gb, size_t ent)
{
  NgAnalysis *an = gb->an;
  for (size_t i = 0; i < an->n_positions; i++) {
    const NgPosition *p = &an->positions[i];
    if (p->holder != (int32_t)ent) {
      continue;
    }
    NgBuf b;
    ng_buf_init(&b);
    ng_fold(p->title, strlen(p->title), &b);
    ng_buf_putc(&b, '|');
    if (p->org >= 0 && an->entities[p->org].gaz >= 0) {
      ng_buf_puts(&b, ng_gazetteer_entry(gb->res->gaz,
                                         (uint32_t)an->entities[p->org].gaz)
                        .qid);
    } else if (p->org >= 0) {
      ng_fold(an->entities[p->org].name, strlen(an->entities[p->org].name), &b);
    }
    const char *key =
      ng_arena_strndup(an->arena, b.data ? b.data : "", b.len);
    ng_buf_free(&b);
    return key;
  }
  return an->entities[ent].name;
}

static const char *
entity_iri(Gb *gb, size_t i)
{
  const NgEntity *e = &gb->an->entities[i];
  if (e->gaz >= 0) {
    NgGazEntry ge = ng_gazetteer_entry(gb->res->gaz, (uint32_t)e->gaz);
    return ng_arena_printf(gb->an->arena, "%sentity/%s", gb->base, ge.qid);
  }
  NgBuf b;
  ng_buf_init(&b);
  ng_buf_puts(&b, gb->base);
  ng_buf_puts(&b, "entity/");
  ng_buf_puts(&b, lower_type(gb, ng_entity_type_name(e->type)));
  ng_buf_putc(&b, '/');
  if (e->description) {
    const char *key = anonymous_key(gb, i);
    uint64_t h = key ? ng_hash64(key, strlen(key), 0) : 0;
    ng_buf_printf(&b, "unnamed-%016llx", (unsigned long long)h);
  } else {
    /* An acronym keys an organisation better than a long form that news
     * writes in many ways. */
    put_slug(&b, e->acronym ? e->acronym : e->name);
  }
  const char *s = b.failed ? NULL : ng_arena_strndup(gb->an->arena, b.data, b.len);
  ng_buf_free(&b);
  return s;
}

static void
entity(Gb *gb, size_t i)
{
  const NgEntity *e = &gb->an->entities[i];
  const char *s = gb->ent_iri[i];
  iri(gb, s, RDF "type", ng_term(gb, ng_entity_type_name(e->type)));
  if (e->type == NG_ENT_CONTINENT) {
    /* Continents and world regions are also typed ng:Place, so that
     * "every place" needs no RDFS reasoning over the ontology. */
    iri(gb, s, RDF "type", NG "Place");
  }
  iri(gb, s, NG "mentionedIn", gb->doc);
  if (e->gaz >= 0) {
    NgGazEntry ge = ng_gazetteer_entry(gb->res->gaz, (uint32_t)e->gaz);
    iri(gb, s, OWL "sameAs", ng_arena_printf(gb->an->arena, WD "%s", ge.qid));
    if (*ge.label_en) {
      lit(gb, s, RDFS "label", ge.label_en, "en", NULL);
    }
    if (*ge.label_fr) {
      lit(gb, s, RDFS "label", ge.label_fr, "fr", NULL);
    }
  } else {
    lit(gb, s, RDFS "label", e->name, e->name_lang && *e->name_lang ? e->name_lang : gb->lang, NULL);
  }
  if (e->acronym) {
    lit(gb, s, NG "acronym", e->acronym, NULL, NULL);
  }
  if (e->description) {
    lit(gb, s, NG "description", e->description, gb->lang, NULL);
  }
  if (e->located_in >= 0) {
    iri(gb, s, NG "locatedIn", gb->ent_iri[e->located_in]);
  }
  if (e->country >= 0) {
    iri(gb, s, NG "country", gb->ent_iri[e->country]);
  }
  if (e->headquarters >= 0) {
    iri(gb, s, NG "headquarters", gb->ent_iri[e->headquarters]);
  }
}

static void
mention(Gb *gb, const NgMention *m)
{
  if (m->entity < 0) {
    return;
  }
  const char *target = gb->ent_iri[m->entity];
  switch (m->kind) {
  case NG_MENTION_NAME:
  case NG_MENTION_ACRONYM: {
    const char *s = nif_string(gb, m->led ? m->lead_c0 : m->c0,
                               m->tail_b1 ? m->tail_c1 : m->c1,
                               m->led ? m->lead_b0 : m->b0,
                               m->tail_b1 ? m->tail_b1 : m->b1, NIF "Phrase");
    iri(gb, s, ITS "taIdentRef", target);
    /* Every mention of a linked entity says how sure its link is: its
     * own, or for a mention linked through another (a surname, an
     * acronym), the entity's. */
    const NgEntity *ent = &gb->an->entities[m->entity];
    double conf = m->gaz >= 0 ? m->link_conf : ent->link_conf;
    if (ent->gaz >= 0 && conf > 0) {
      decimal(gb, s, NG "linkConfidence", conf);
    }
    break;
  }
  case NG_MENTION_DEMONYM:
  case NG_MENTION_NOMINAL:
  case NG_MENTION_DESCRIPTION: {
    /* Not names: they refer, but are not named-entity mentions. */
    const char *s = nif_string(gb, m->c0, m->c1, m->b0, m->b1, NIF "Phrase");
    iri(gb, s, NG "refersTo", target);
    break;
  }
  case NG_MENTION_DATE:
  case NG_MENTION_TOPIC:
  case NG_MENTION_EVENT: break;
  }
}

/* ---- events ---- */

static int32_t
live_event(const NgAnalysis *an, int32_t ev)
{
  while (ev >= 0 && an->events[ev].merged) {
    ev = an->events[ev].merged_into;
  }
  return ev;
}

static int
cmp_str(const void *a, const void *b)
{
  const char *x = *(const char *const *)a, *y = *(const char *const *)b;
  return strcmp(x ? x : "", y ? y : "");
}

static const char *
event_iri(Gb *gb, int32_t i, int depth)
{
  NgAnalysis *an = gb->an;
  if (gb->ev_iri[i]) {
    return gb->ev_iri[i];
  }
  const NgEvent *e = &an->events[i];
  NgBuf k;
  ng_buf_init(&k);
  ng_buf_puts(&k, e->type);
  char buf[16];
  const char *d = ng_date_format(&e->start, buf, sizeof buf);
  ng_buf_printf(&k, "|%s|%s|%s", e->location >= 0 ? gb->ent_iri[e->location] : "",
                d ? d : "", e->organizer >= 0 ? gb->ent_iri[e->organizer] : "");
  int32_t parent = live_event(an, e->part_of);
  if (parent >= 0 && depth < 8) {
    ng_buf_printf(&k, "|part:%s", event_iri(gb, parent, depth + 1));
  }
  /* Speakers and subjects, and the participants of an event that place
   * and date do not pin down (a sub-event, an appointment without a place),
   * tell apart events of one day: two appointments on 3 May are not one.
   * Sorted, so the order the text gave them in does not matter. */
  bool pinned = parent < 0 && e->location >= 0 && e->start.prec != NG_DATE_NONE;
  const char **roles = ng_calloc(e->n_roles + 1, sizeof(char *));
  size_t n_roles = 0;
  for (size_t r = 0; roles && r < e->n_roles; r++) {
    const NgRoleFill *rf = &e->roles[r];
    bool key = !strcmp(rf->prop, "speaker") || !strcmp(rf->prop, "about") ||
               (!pinned && (!strcmp(rf->prop, "participant") ||
                            !strcmp(rf->prop, "host")));
    if (key && rf->entity >= 0) {
      roles[n_roles++] = ng_arena_printf(an->arena, "%s:%s", rf->prop,
                                         gb->ent_iri[rf->entity]);
    }
  }
  if (!roles) {
    k.failed = true;
  } else {
    qsort(roles, n_roles, sizeof(char *), cmp_str);
    for (size_t r = 0; r < n_roles; r++) {
      ng_buf_printf(&k, "|%s", roles[r] ? roles[r] : "");
    }
    ng_free(roles);
  }
  /* Nothing else identifies it: keep it to its document. (A sub-event is
   * identified by its parent and its participants.) */
  if (parent < 0 && e->location < 0 && e->start.prec == NG_DATE_NONE) {
    ng_buf_printf(&k, "|doc:%s|%u", gb->doc, e->sent);
  }
  const char *s = NULL;
  if (!k.failed) {
    NgBuf kind;
    ng_buf_init(&kind);
    ng_buf_puts(&kind, "event/");
    ng_buf_puts(&kind, lower_type(gb, e->type));
    s = hashed_iri(gb, kind.data ? kind.data : "event", k.data);
    ng_buf_free(&kind);
  }
  ng_buf_free(&k);
  gb->ev_iri[i] = s;
  return s;
}

static void
event(Gb *gb, int32_t i)
{
  NgAnalysis *an = gb->an;
  const NgEvent *e = &an->events[i];
  const char *s = gb->ev_iri[i];
  iri(gb, s, RDF "type", ng_term(gb, e->type));
  iri(gb, s, NG "mentionedIn", gb->doc);
  if (e->label) {
    lit(gb, s, RDFS "label", e->label, e->label_lang ? e->label_lang : gb->lang, NULL);
  }
  if (e->start.prec != NG_DATE_NONE) {
    date(gb, s, NG "startDate", &e->start);
    date(gb, s, NG "endDate", e->end.prec != NG_DATE_NONE ? &e->end : &e->start);
  }
  if (e->location >= 0) {
    iri(gb, s, NG "location", gb->ent_iri[e->location]);
  }
  if (e->organizer >= 0) {
    iri(gb, s, NG "organizer", gb->ent_iri[e->organizer]);
  }
  int32_t parent = live_event(an, e->part_of);
  if (parent >= 0 && parent != i) {
    iri(gb, s, NG "partOf", gb->ev_iri[parent]);
  }
  for (size_t r = 0; r < e->n_roles; r++) {
    const NgRoleFill *rf = &e->roles[r];
    if (rf->topic >= 0) {
      iri(gb, s, NG "topic",
          ng_arena_printf(an->arena, NG_EMIT_TOPIC_NS "%s",
                          an->mentions[rf->topic].head));
    } else if (rf->entity >= 0) {
      iri(gb, s, ng_term(gb, rf->prop), gb->ent_iri[rf->entity]);
    }
  }
  for (size_t k = 0; k + 1 < e->n_ev; k += 2) {
    iri(gb, s, NG "evidence", sentence_node(gb, e->ev[k], e->ev[k + 1]));
  }
  lit(gb, s, NG "cameoCode", e->cameo, NULL, NULL);
  decimal(gb, s, NG "confidence", e->conf);
  lit(gb, s, NG "rule", e->rule, NULL, NULL);
}

static void
participation(Gb *gb, const NgParticipation *p)
{
  int32_t ev = live_event(gb->an, p->event);
  if (ev < 0) {
    return;
  }
  const char *key = ng_arena_printf(
    gb->an->arena, "%s|%s|%s", gb->ev_iri[ev], gb->ent_iri[p->agent],
    p->on_behalf_of >= 0 ? gb->ent_iri[p->on_behalf_of] : "");
  const char *s = hashed_iri(gb, "participation", key);
  iri(gb, s, RDF "type", NG "Participation");
  iri(gb, s, NG "event", gb->ev_iri[ev]);
  iri(gb, s, NG "agent", gb->ent_iri[p->agent]);
  if (p->on_behalf_of >= 0) {
    iri(gb, s, NG "onBehalfOf", gb->ent_iri[p->on_behalf_of]);
  }
  iri(gb, s, NG "mentionedIn", gb->doc);
  iri(gb, s, NG "evidence", sentence_node(gb, p->ev_c0, p->ev_c1));
  decimal(gb, s, NG "confidence", p->conf);
  lit(gb, s, NG "rule", p->rule, NULL, NULL);
}

static void
position(Gb *gb, const NgPosition *p)
{
  NgBuf f;
  ng_buf_init(&f);
  ng_fold(p->title, strlen(p->title), &f);
  const char *key = ng_arena_printf(gb->an->arena, "%s|%s|%s",
                                    gb->ent_iri[p->holder],
                                    p->org >= 0 ? gb->ent_iri[p->org] : "",
                                    f.data ? f.data : "");
  ng_buf_free(&f);
  const char *s = hashed_iri(gb, "position", key);
  iri(gb, s, RDF "type", NG "Position");
  iri(gb, s, NG "holder", gb->ent_iri[p->holder]);
  if (p->org >= 0) {
    iri(gb, s, NG "organization", gb->ent_iri[p->org]);
  }
  if (p->country >= 0) {
    iri(gb, s, NG "country", gb->ent_iri[p->country]);
  }
  lit(gb, s, NG "title", p->title, p->title_lang ? p->title_lang : gb->lang, NULL);
  iri(gb, s, NG "mentionedIn", gb->doc);
  iri(gb, s, NG "evidence", sentence_node(gb, p->ev_c0, p->ev_c1));
  decimal(gb, s, NG "confidence", p->conf);
  lit(gb, s, NG "rule", p->rule, NULL, NULL);
}

NgStatus
ng_graph_build(NgAnalysis *an, const NgResources *res, NgGraph *g,
               NgStats *stats)
{
  Gb gb = {an, res, g, res->base, NULL, an->lang, NULL, NULL, NG_SUCCESS, {0}};
  gb.doc = ng_graph_doc_iri(an, res->base);
  gb.ent_iri = ng_calloc(an->n_entities + 1, sizeof(char *));
  gb.ev_iri = ng_calloc(an->n_events + 1, sizeof(char *));
  if (!gb.doc || !gb.ent_iri || !gb.ev_iri) {
    ng_free(gb.ent_iri);
    ng_free(gb.ev_iri);
    return NG_ERR_NOMEM;
  }
  document(&gb);
  for (size_t i = 0; i < an->n_entities; i++) {
    gb.ent_iri[i] = entity_iri(&gb, i);
  }
  for (size_t i = 0; i < an->n_events; i++) {
    if (!an->events[i].merged) {
      event_iri(&gb, (int32_t)i, 0);
    }
  }
  for (size_t i = 0; i < an->n_entities; i++) {
    entity(&gb, i);
  }
  size_t linked = 0;
  for (size_t i = 0; i < an->n_mentions; i++) {
    mention(&gb, &an->mentions[i]);
    linked += an->mentions[i].entity >= 0 &&
              an->entities[an->mentions[i].entity].gaz >= 0;
  }
  size_t n_events = 0;
  for (size_t i = 0; i < an->n_events; i++) {
    if (!an->events[i].merged) {
      event(&gb, (int32_t)i);
      n_events++;
    }
  }
  for (size_t i = 0; i < an->n_parts; i++) {
    participation(&gb, &an->parts[i]);
  }
  for (size_t i = 0; i < an->n_positions; i++) {
    position(&gb, &an->positions[i]);
  }
  ng_free(gb.ent_iri);
  ng_free(gb.ev_iri);
  if (stats) {
    stats->sentences += an->seg.n_sents;
    stats->tokens += an->seg.n_tokens;
    stats->mentions += an->n_mentions;
    stats->linked += linked;
    stats->entities += an->n_entities;
    stats->events += n_events;
    stats->participations += an->n_parts;
    stats->positions += an->n_positions;
  }
  return gb.st;
}
