/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * Helpers shared by the tests of the later stages: an engine over the
 * resources of the build tree, and queries on the triples of one run.
 * Header-only: each test program includes it once.
 */
#ifndef NG_TESTUTIL_H
#define NG_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "newsgraph.h"

#define TU_NG "https://w3id.org/newsgraph/ns#"
#define TU_ID "https://w3id.org/newsgraph/id/"
#define TU_RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define TU_LABEL "http://www.w3.org/2000/01/rdf-schema#label"
#define TU_SAMEAS "http://www.w3.org/2002/07/owl#sameAs"
#define TU_WD "http://www.wikidata.org/entity/"

static inline void
tu_log(void *handle, const NgDiag *d)
{
  (void)handle;
  if (d->level == NG_LOG_ERROR) {
    fprintf(stderr, "test: %s:%u:%u: %s\n", d->file ? d->file : "", d->line,
            d->col, d->message);
  }
}

/* An engine over $NEWSGRAPH_DATA_PATH (set by `make check`). */
static inline NgEngine *
tu_engine(void)
{
  NgEngineOptions o = {NULL, NULL, 0.5, tu_log, NULL};
  NgStatus st = NG_SUCCESS;
  NgEngine *e = ng_engine_new(&o, &st);
  assert_int_equal(st, NG_SUCCESS);
  assert_non_null(e);
  return e;
}

/* One engine for a whole test group: hand tu_group_setup and
 * tu_group_teardown to cmocka_run_group_tests. */
static NgEngine *tu_group_engine __attribute__((unused));

static inline int
tu_group_setup(void **state)
{
  (void)state;
  tu_group_engine = tu_engine();
  return 0;
}

static inline int
tu_group_teardown(void **state)
{
  (void)state;
  ng_engine_free(tu_group_engine);
  return 0;
}

/* Run @p text (lang, publication date "YYYY-MM-DD") into a new graph. */
static inline NgGraph *
tu_run(NgEngine *e, const char *id, const char *lang, const char *date,
       const char *text)
{
  NgStatus st = NG_SUCCESS;
  NgDoc *doc = ng_doc_new(id, text, strlen(text), &st);
  assert_int_equal(st, NG_SUCCESS);
  assert_int_equal(ng_doc_set(&doc->lang, lang), NG_SUCCESS);
  if (date) {
    assert_int_equal(ng_date_parse(date, &doc->date), NG_SUCCESS);
  }
  NgGraph *g = ng_graph_new(NULL);
  assert_non_null(g);
  assert_int_equal(ng_engine_process(e, doc, g, NULL), NG_SUCCESS);
  ng_graph_sort(g);
  ng_doc_free(doc);
  return g;
}

/* Does the graph hold (s, p, o)? NULL matches anything; a literal object
 * matches its lexical form. */
static inline int
tu_has(const NgGraph *g, const char *s, const char *p, const char *o)
{
  for (size_t i = 0; i < ng_graph_size(g); i++) {
    const NgTriple *t = ng_graph_get(g, i);
    if ((!s || !strcmp(t->s, s)) && (!p || !strcmp(t->p, p)) &&
        (!o || !strcmp(t->o, o))) {
      return 1;
    }
  }
  return 0;
}

/* How many triples match. */
static inline size_t
tu_count(const NgGraph *g, const char *s, const char *p, const char *o)
{
  size_t n = 0;
  for (size_t i = 0; i < ng_graph_size(g); i++) {
    const NgTriple *t = ng_graph_get(g, i);
    n += (!s || !strcmp(t->s, s)) && (!p || !strcmp(t->p, p)) &&
         (!o || !strcmp(t->o, o));
  }
  return n;
}

/* The n-th subject of type ng:<cls> (NULL when fewer). */
static inline const char *
tu_subject_of_type(const NgGraph *g, const char *cls, size_t nth)
{
  char want[256];
  snprintf(want, sizeof want, TU_NG "%s", cls);
  for (size_t i = 0; i < ng_graph_size(g); i++) {
    const NgTriple *t = ng_graph_get(g, i);
    if (!strcmp(t->p, TU_RDF_TYPE) && !strcmp(t->o, want) && nth-- == 0) {
      return t->s;
    }
  }
  return NULL;
}

/* The first object of (s, p), or NULL. */
static inline const char *
tu_object(const NgGraph *g, const char *s, const char *p)
{
  for (size_t i = 0; i < ng_graph_size(g); i++) {
    const NgTriple *t = ng_graph_get(g, i);
    if (!strcmp(t->s, s) && !strcmp(t->p, p)) {
      return t->o;
    }
  }
  return NULL;
}

/* The entity a mention with anchor @p anchor (the nth such) refers to,
 * whether linked (itsrdf:taIdentRef) or resolved (ng:refersTo); NULL when
 * no mention has that anchor. */
static inline const char *
tu_anchor_target(const NgGraph *g, const char *anchor, size_t nth)
{
  for (size_t i = 0; i < ng_graph_size(g); i++) {
    const NgTriple *t = ng_graph_get(g, i);
    if (!strcmp(t->p, "http://persistence.uni-leipzig.org/nlp2rdf/"
                      "ontologies/nif-core#anchorOf") &&
        !strcmp(t->o, anchor) && nth-- == 0) {
      const char *o =
        tu_object(g, t->s, "http://www.w3.org/2005/11/its/rdf#taIdentRef");
      return o ? o : tu_object(g, t->s, TU_NG "refersTo");
    }
  }
  return NULL;
}

/* The entity IRI of a Wikidata QID. */
static inline const char *
tu_wd(const char *qid)
{
  static char buf[8][128];
  static int k;
  k = (k + 1) % 8;
  snprintf(buf[k], sizeof buf[k], TU_ID "entity/%s", qid);
  return buf[k];
}

static inline const char *
tu_ng(const char *local)
{
  static char buf[8][128];
  static int k;
  k = (k + 1) % 8;
  snprintf(buf[k], sizeof buf[k], TU_NG "%s", local);
  return buf[k];
}

/* Each of the @p n anchors is a mention of an entity of class @p cls. */
static inline void
tu_assert_typed(const NgGraph *g, const char *const *anchors, size_t n,
                const char *cls)
{
  for (size_t i = 0; i < n; i++) {
    const char *c = tu_anchor_target(g, anchors[i], 0);
    if (!c) {
      fail_msg("no mention anchored \"%s\"", anchors[i]);
    }
    if (!tu_has(g, c, TU_RDF_TYPE, tu_ng(cls))) {
      fail_msg("\"%s\" is no %s", anchors[i], cls);
    }
  }
}

/* The link confidence of the last mention anchored @p anchor, or NULL. */
static inline const char *
tu_anchor_confidence(const NgGraph *g, const char *anchor)
{
  const char *conf = NULL;
  for (size_t i = 0; i < ng_graph_size(g); i++) {
    const NgTriple *t = ng_graph_get(g, i);
    if (!strcmp(t->o, anchor) && strstr(t->p, "#anchorOf")) {
      conf = tu_object(g, t->s, TU_NG "linkConfidence");
    }
  }
  return conf;
}

#endif
