/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0 */
#include "analysis.h"

#include <stdlib.h>
#include <string.h>

void
ng_analysis_init(NgAnalysis *an, const NgDoc *doc, NgArena *arena)
{
  memset(an, 0, sizeof(*an));
  an->doc = doc;
  an->arena = arena;
  an->lang = doc && doc->lang ? doc->lang : NULL;
}

void
ng_analysis_clear(NgAnalysis *an)
{
  for (size_t i = 0; i < an->n_events; i++) {
    ng_free(an->events[i].roles);
    ng_free(an->events[i].ev);
  }
  ng_free(an->mentions);
  ng_free(an->entities);
  ng_free(an->positions);
  ng_free(an->parts);
  ng_free(an->events);
  NgArena *arena = an->arena;
  const NgDoc *doc = an->doc;
  memset(an, 0, sizeof(*an));
  an->arena = arena;
  an->doc = doc;
}

/* Append one zeroed element to a growable array. */
static void *
push(void **items, size_t *n, size_t *cap, size_t size)
{
  if (!ng_grow(items, cap, *n + 1, size)) {
    return NULL;
  }
  char *p = (char *)*items + *n * size;
  memset(p, 0, size);
  (*n)++;
  return p;
}

NgMention *
ng_analysis_add_mention(NgAnalysis *an)
{
  NgMention *m = push((void **)&an->mentions, &an->n_mentions,
                      &an->cap_mentions, sizeof(NgMention));
  if (m) {
    m->gaz = m->entity = m->event = m->topic = m->country_gaz = -1;
    m->within_gaz = -1;
  }
  return m;
}

NgEntity *
ng_analysis_add_entity(NgAnalysis *an)
{
  NgEntity *e = push((void **)&an->entities, &an->n_entities,
                     &an->cap_entities, sizeof(NgEntity));
  if (e) {
    e->gaz = e->country = e->located_in = e->headquarters = -1;
  }
  return e;
}

NgPosition *
ng_analysis_add_position(NgAnalysis *an)
{
  NgPosition *p = push((void **)&an->positions, &an->n_positions,
                       &an->cap_positions, sizeof(NgPosition));
  if (p) {
    p->holder = p->org = p->country = -1;
  }
  return p;
}

NgParticipation *
ng_analysis_add_participation(NgAnalysis *an)
{
  NgParticipation *p = push((void **)&an->parts, &an->n_parts,
                            &an->cap_parts, sizeof(NgParticipation));
  if (p) {
    p->agent = p->on_behalf_of = p->event = -1;
  }
  return p;
}

NgEvent *
ng_analysis_add_event(NgAnalysis *an)
{
  NgEvent *e = push((void **)&an->events, &an->n_events, &an->cap_events,
                    sizeof(NgEvent));
  if (e) {
    e->location = e->organizer = e->part_of = e->merged_into = -1;
  }
  return e;
}

NgStatus
ng_event_add_role(NgEvent *ev, const char *prop, int32_t entity,
                  int32_t topic)
{
  for (size_t i = 0; i < ev->n_roles; i++) {
    if (!strcmp(ev->roles[i].prop, prop) && ev->roles[i].entity == entity &&
        ev->roles[i].topic == topic) {
      return NG_SUCCESS;
    }
  }
  NgRoleFill *r = push((void **)&ev->roles, &ev->n_roles, &ev->cap_roles,
                       sizeof(NgRoleFill));
  if (!r) {
    return NG_ERR_NOMEM;
  }
  r->prop = prop;
  r->entity = entity;
  r->topic = topic;
  return NG_SUCCESS;
}

NgStatus
ng_event_add_evidence(NgEvent *ev, uint32_t c0, uint32_t c1)
{
  for (size_t i = 0; i + 1 < ev->n_ev; i += 2) {
    if (ev->ev[i] == c0 && ev->ev[i + 1] == c1) {
      return NG_SUCCESS;
    }
  }
  void *p = ev->ev;
  if (!ng_grow(&p, &ev->cap_ev, ev->n_ev + 2, sizeof(uint32_t))) {
    return NG_ERR_NOMEM;
  }
  ev->ev = p;
  ev->ev[ev->n_ev++] = c0;
  ev->ev[ev->n_ev++] = c1;
  return NG_SUCCESS;
}

static int
cmp_mentions(const void *a, const void *b)
{
  const NgMention *x = a, *y = b;
  if (x->b0 != y->b0) {
    return x->b0 < y->b0 ? -1 : 1;
  }
  if (x->b1 != y->b1) {
    return x->b1 > y->b1 ? -1 : 1;
  }
  return 0;
}

void
ng_analysis_sort_mentions(NgAnalysis *an)
{
  if (an->n_mentions > 1) { /* qsort may not be given NULL, even for 0 */
    qsort(an->mentions, an->n_mentions, sizeof(NgMention), cmp_mentions);
  }
}

const char *
ng_analysis_text(NgAnalysis *an, uint32_t b0, uint32_t b1)
{
  return ng_arena_strndup(an->arena, an->doc->text + b0, b1 - b0);
}

const char *
ng_analysis_name(NgAnalysis *an, uint32_t b0, uint32_t b1)
{
  NgBuf b;
  ng_buf_init(&b);
  ng_clean_name(an->doc->text + b0, b1 - b0, &b);
  const char *out =
      b.failed ? NULL : ng_arena_strndup(an->arena, b.data ? b.data : "", b.len);
  ng_buf_free(&b);
  return out;
}
