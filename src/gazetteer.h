/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * gazetteer (part of recognise): the known entities with their Wikidata
 * QIDs and every label, compiled from TSV tables into one binary file that
 * is mapped, not parsed, at start.
 *
 * Labels are stored as their folded token sequences ("emirats arabes
 * unis") in sorted order, so matching is a longest-match walk from each
 * token: extend the key one token at a time while some label still starts
 * with it (binary search on the sorted keys). A label flagged
 * case-sensitive (short labels, acronyms, labels that are also common
 * words: "Nice", "Tours", "Chad") matches only when the text's original
 * form equals the label's.
 */
#ifndef NG_GAZETTEER_H
#define NG_GAZETTEER_H

#include "common.h"
#include "lexicon.h"
#include "segment.h"

typedef enum {
  NG_ENT_NONE = 0,
  NG_ENT_PERSON,
  NG_ENT_ORGANIZATION,
  NG_ENT_GOV_AGENCY,
  NG_ENT_INTL_ORG,
  NG_ENT_NEWS_AGENCY,
  NG_ENT_PLACE,
  NG_ENT_COUNTRY,
  NG_ENT_CITY,
  NG_ENT_REGION,
  NG_ENT_CONTINENT,
  NG_ENT_TYPE_COUNT
} NgEntityType;

/* "Person", "Country"... (the ontology class local name). */
const char *ng_entity_type_name(NgEntityType t);
/* PER, ORG or LOC: the coarse class. */
const char *ng_entity_type_coarse(NgEntityType t);
NgStatus ng_entity_type_parse(const char *name, NgEntityType *out);
bool ng_entity_type_is_place(NgEntityType t);
bool ng_entity_type_is_org(NgEntityType t);

/* How a label names its entity. */
typedef enum {
  NG_LABEL_NAME = 0, /* a name or alias */
  NG_LABEL_ACRONYM,  /* an acronym: case-sensitive */
  NG_LABEL_DEMONYM   /* an adjective or inhabitant noun: "marocain" */
} NgLabelKind;

typedef struct NgGazetteer NgGazetteer;

/* One entry, as read from the compiled file (strings point into it). */
typedef struct {
  const char *qid;        /* "Q1028" */
  NgEntityType type;
  const char *label_en;   /* may be "" */
  const char *label_fr;   /* may be "" */
  const char *country;    /* QID of its country, or "" */
  uint32_t prior;         /* popularity: population, sitelinks... */
} NgGazEntry;

/* One label hit at a token position. */
typedef struct {
  uint32_t t0, t1;     /* token range */
  uint32_t entry;      /* entry index */
  NgLabelKind kind;
  const char *lang;    /* label language: "fr", "en", "ar", "" */
} NgGazMatch;

/* ---- building (newsgraph gazetteer compile) ---- */
typedef struct NgGazBuilder NgGazBuilder;
NgGazBuilder *ng_gaz_builder_new(const NgLexicon *lex);
void ng_gaz_builder_free(NgGazBuilder *b);
/* Add an entity; returns its index (or -1 on error). Strings are copied. */
int32_t ng_gaz_builder_add_entry(NgGazBuilder *b, const char *qid,
                                 NgEntityType type, const char *label_en,
                                 const char *label_fr, const char *country,
                                 uint32_t prior);
/* Add a label of entry @p entry (tokenised and folded here). */
NgStatus ng_gaz_builder_add_label(NgGazBuilder *b, int32_t entry,
                                  const char *label, NgLabelKind kind,
                                  const char *lang);
/* Load one of the shipped TSV tables (countries.tsv, cities.tsv,
 * organizations.tsv, regions.tsv, continents.tsv, agencies.tsv,
 * people.tsv, demonyms.tsv), recognised by its header row. */
NgStatus ng_gaz_builder_load_tsv(NgGazBuilder *b, const char *path,
                                 const NgLog *log);
/* Write the compiled file. */
NgStatus ng_gaz_builder_write(NgGazBuilder *b, const char *path);

/* ---- using ---- */
/* Map a compiled file. NG_ERR_DATA when it is not one (or another version). */
NgGazetteer *ng_gazetteer_open(const char *path, NgStatus *st);
void ng_gazetteer_free(NgGazetteer *g);
size_t ng_gazetteer_size(const NgGazetteer *g);
NgGazEntry ng_gazetteer_entry(const NgGazetteer *g, uint32_t i);
/* The entry with this QID, or -1. */
int32_t ng_gazetteer_find_qid(const NgGazetteer *g, const char *qid);

/* All labels that match starting at token @p t (longest first). @p text is
 * the document text, for case-sensitive checks. Returns the number of hits
 * written to @p out (at most @p max). */
size_t ng_gazetteer_match_at(const NgGazetteer *g, const char *text,
                             const NgToken *toks, size_t n_toks, size_t t,
                             NgGazMatch *out, size_t max);

#endif
