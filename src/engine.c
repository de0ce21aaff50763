/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * The engine: resources loaded once (lexicons, gazetteer, topics, ontology,
 * rules per language), then the pipeline per document.
 */
#include "analysis.h"
#include "emit.h"
#include "extract.h"
#include "graph.h"
#include "recognise.h"
#include "resolve.h"
#include "rules.h"

#include <string.h>

#define SKOS "http://www.w3.org/2004/02/skos/core#"
#define MAX_LANGS 8

typedef struct {
  char lang[8];
  NgRuleSet *rules;
} LangRules;

struct NgEngineS {
  NgLexicon *lex;
  NgGazetteer *gaz;
  NgOntology *onto;
  LangRules langs[MAX_LANGS];
  size_t n_langs;
  char *base;
  char *data_path;
  double min_link_conf;
  NgLog log;
  NgArena *arena;
};

typedef struct {
  NgLexicon *lex;
  NgStatus st;
} TopicLoad;

/* skos:prefLabel and skos:altLabel of every concept become lexicon
 * entries of class "topic" whose value is the concept's local name. */
static void
topic_triple(void *handle, const NgTriple *t)
{
  TopicLoad *tl = handle;
  if (tl->st || t->kind != NG_TERM_LITERAL ||
      (strcmp(t->p, SKOS "prefLabel") && strcmp(t->p, SKOS "altLabel")) ||
      strncmp(t->s, NG_EMIT_TOPIC_NS, strlen(NG_EMIT_TOPIC_NS))) {
    return;
  }
  const char *local = t->s + strlen(NG_EMIT_TOPIC_NS);
  if (!*local) {
    return;
  }
  tl->st = ng_lexicon_add(tl->lex, "topic", t->o, local, t->lang ? t->lang : "");
}

static NgStatus
load_required(NgEngine *e, const char *name, char **path)
{
  *path = ng_data_find(e->data_path, name);
  if (!*path) {
    ng_log(&e->log, NG_LOG_ERROR, NG_ERR_DATA, "engine", name, 0, 0,
           "resource file not found in the data path (set NEWSGRAPH_DATA_PATH "
           "or --data-path)");
    return NG_ERR_DATA;
  }
  return NG_SUCCESS;
}

static NgStatus
load_languages(NgEngine *e)
{
  char *path = NULL;
  NgStatus st = load_required(e, "lexicon/languages.tsv", &path);
  char *text = NULL;
  size_t len = 0;
  if (!st) {
    st = ng_read_file(path, &text, &len);
  }
  for (char *line = text; !st && line && *line;) {
    char *nl = strchr(line, '\n');
    if (nl) {
      *nl = '\0';
    }
    size_t n = strcspn(line, "\t ");
    /* not the files every language shares: no language of their own */
    bool shared = n == strlen(NG_LEX_ALL_LANGS) &&
                  !strncmp(line, NG_LEX_ALL_LANGS, n);
    if (*line && *line != '#' && !shared && n < sizeof e->langs[0].lang &&
        e->n_langs < MAX_LANGS) {
      LangRules *lr = &e->langs[e->n_langs];
      memcpy(lr->lang, line, n);
      lr->lang[n] = '\0';
      char name[64];
      snprintf(name, sizeof name, "rules/%s.rules", lr->lang);
      char *rpath = NULL;
      st = load_required(e, name, &rpath);
      lr->rules = st ? NULL : ng_ruleset_new();
      if (!st && !lr->rules) {
        st = NG_ERR_NOMEM;
      }
      if (!st) {
        ng_ruleset_set_log(lr->rules, &e->log);
        st = ng_ruleset_load(lr->rules, rpath, &e->log);
      }
      /* Every rule's type must be a class of the ontology. */
      for (size_t i = 0; !st && i < ng_ruleset_size(lr->rules); i++) {
        const NgRuleInfo *ri = ng_ruleset_info(lr->rules, i);
        if (ri->type && *ri->type && !ng_ontology_has_class(e->onto, ri->type)) {
          ng_log(&e->log, NG_LOG_ERROR, NG_ERR_DATA, "rules", ri->file,
                 ri->line, 0, "rule %s: type '%s' is not a class of the "
                 "ontology", ri->id, ri->type);
          st = NG_ERR_DATA;
        }
      }
      ng_free(rpath);
      e->n_langs++;
    }
    line = nl ? nl + 1 : NULL;
  }
  ng_free(text);
  ng_free(path);
  return st;
}

NgEngine *
ng_engine_new(const NgEngineOptions *opts, NgStatus *st)
{
  NgEngine *e = ng_calloc(1, sizeof *e);
  if (!e) {
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  NgEngineOptions defaults = {NULL, NULL, 0.5, NULL, NULL};
  if (!opts) {
    opts = &defaults;
  }
  e->log.func = opts->log;
  e->log.handle = opts->log_handle;
  e->min_link_conf = opts->min_link_confidence;
  e->base = ng_strdup(opts->base ? opts->base : NG_EMIT_DEFAULT_BASE);
  e->data_path = opts->data_path ? ng_strdup(opts->data_path) : NULL;
  e->arena = ng_arena_new(256 * 1024);
  *st = e->base && e->arena && (e->data_path || !opts->data_path)
          ? NG_SUCCESS
          : NG_ERR_NOMEM;
  if (!*st && !ng_iri_is_valid(e->base)) {
    ng_log(&e->log, NG_LOG_ERROR, NG_ERR_ARG, "engine", NULL, 0, 0,
           "the base '%s' is not an absolute IRI", e->base);
    *st = NG_ERR_ARG;
  }
  if (!*st) {
    e->lex = ng_lexicon_load_default(e->data_path, &e->log, st);
  }
  char *path = NULL;
  if (!*st && !(*st = load_required(e, "gazetteer.ngz", &path))) {
    e->gaz = ng_gazetteer_open(path, st);
    unsigned format = *st ? ng_gazetteer_file_format(path) : 0;
    if (format && format != ng_gazetteer_format()) {
      ng_log(&e->log, NG_LOG_ERROR, *st, "engine", path, 0, 0,
             "the gazetteer is in format %u, written by another version "
             "of newsgraph; this one reads format %u: compile or build it "
             "again (newsgraph gazetteer compile, gazetteer build)",
             format, ng_gazetteer_format());
    } else if (*st) {
      ng_log(&e->log, NG_LOG_ERROR, *st, "engine", path, 0, 0,
             "cannot open the gazetteer: %s", ng_strerror(*st));
    }
  }
  ng_free(path);
  path = NULL;
  if (!*st && !(*st = load_required(e, "topics.ttl", &path))) {
    TopicLoad tl = {e->lex, NG_SUCCESS};
    *st = ng_rdf_parse_file(path, "turtle", topic_triple, &tl, &e->log);
    if (!*st) {
      *st = tl.st;
    }
  }
  ng_free(path);
  path = NULL;
  if (!*st && !(*st = load_required(e, "newsgraph.ttl", &path))) {
    e->onto = ng_ontology_load(path, &e->log, st);
  }
  ng_free(path);
  path = NULL;
  if (!*st && !(*st = load_required(e, "cameo.ttl", &path))) {
    *st = ng_ontology_add(e->onto, path, &e->log);
  }
  ng_free(path);
  if (!*st) {
    *st = load_languages(e);
  }
  if (*st) {
    ng_engine_free(e);
    return NULL;
  }
  return e;
}

void
ng_engine_free(NgEngine *e)
{
  if (!e) {
    return;
  }
  for (size_t i = 0; i < e->n_langs; i++) {
    ng_ruleset_free(e->langs[i].rules);
  }
  ng_ontology_free(e->onto);
  ng_gazetteer_free(e->gaz);
  ng_lexicon_free(e->lex);
  ng_arena_free(e->arena);
  ng_free(e->base);
  ng_free(e->data_path);
  ng_free(e);
}

int
ng_engine_has_language(const NgEngine *e, const char *lang)
{
  for (size_t i = 0; lang && i < e->n_langs; i++) {
    if (!strcmp(e->langs[i].lang, lang)) {
      return 1;
    }
  }
  return 0;
}

/* The language a document is written in, when it does not say: the one
 * whose function words (lexicon class "stopword") it uses most. */
static const char *
detect_language(const NgEngine *e, const NgSegmentation *seg)
{
  size_t best = 0;
  const char *lang = NULL;
  for (size_t l = 0; l < e->n_langs; l++) {
    size_t hits = 0;
    for (size_t t = 0; t < seg->n_tokens && t < 5000; t++) {
      hits += ng_lexicon_get(e->lex, "stopword", seg->tokens[t].norm,
                             e->langs[l].lang) != NULL;
    }
    if (hits > best) {
      best = hits;
      lang = e->langs[l].lang;
    }
  }
  return lang;
}

NgStatus
ng_engine_process(NgEngine *e, const NgDoc *doc, NgGraph *out, NgStats *stats)
{
  ng_arena_reset(e->arena);
  NgAnalysis an;
  ng_analysis_init(&an, doc, e->arena);
  NgStatus st = ng_segment(doc->text, doc->len, e->lex, e->arena, &an.seg);
  if (st) {
    return st;
  }
  const char *lang = doc->lang;
  if (!lang || !*lang || !strcmp(lang, "auto")) {
    lang = detect_language(e, &an.seg);
  }
  an.lang = lang;
  const NgRuleSet *rules = NULL;
  for (size_t i = 0; lang && i < e->n_langs; i++) {
    if (!strcmp(e->langs[i].lang, lang)) {
      rules = e->langs[i].rules;
    }
  }
  NgResources res = {e->lex, e->gaz, rules, e->base, e->min_link_conf, e->log};
  const char *doc_iri = ng_graph_doc_iri(&an, e->base);
  st = doc_iri ? ng_graph_reset(out, doc_iri) : NG_ERR_NOMEM;
  if (!st) {
    st = ng_recognise(&an, &res);
  }
  if (!st) {
    st = ng_resolve(&an, &res);
  }
  if (!st) {
    st = ng_extract(&an, &res, e->onto);
  }
  if (!st) {
    st = ng_graph_build(&an, &res, out, stats);
  }
  if (!st && stats) {
    ng_graph_sort(out);
    stats->triples += ng_graph_size(out);
  }
  ng_analysis_clear(&an);
  return st;
}
