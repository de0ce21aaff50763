/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * The analysis of one document as it moves through recognise, resolve,
 * extract and graph: mentions, entities, positions and events. Everything
 * here lives in the document's arena or in arrays freed by
 * ng_analysis_clear().
 */
#ifndef NG_ANALYSIS_H
#define NG_ANALYSIS_H

#include "common.h"
#include "dates.h"
#include "gazetteer.h"
#include "segment.h"

typedef enum {
  NG_MENTION_NAME = 0,   /* a proper name */
  NG_MENTION_ACRONYM,    /* "DGSN" */
  NG_MENTION_DEMONYM,    /* "marocain": refers to its country */
  NG_MENTION_NOMINAL,    /* "le pays", "l'organisation": an anaphor */
  NG_MENTION_DESCRIPTION,/* "le nouveau directeur de X": an unnamed person */
  NG_MENTION_DATE,
  NG_MENTION_TOPIC,
  NG_MENTION_EVENT       /* "la 8e réunion de...", "cette réunion" */
} NgMentionKind;

typedef struct {
  uint32_t t0, t1;   /* token range [t0, t1) */
  uint32_t b0, b1;   /* byte range in the text */
  uint32_t c0, c1;   /* code-point range */
  uint32_t sent;
  NgMentionKind kind;
  NgEntityType type; /* NG_ENT_NONE for dates, topics and events */
  int32_t gaz;       /* gazetteer entry, or -1 */
  double link_conf;  /* confidence of the gazetteer link */
  uint32_t n_alt;    /* entries the name could link to (1: unambiguous) */
  int32_t country_gaz; /* a body named with its country's demonym ("la
                          police espagnole"): that country's gazetteer
                          entry, or -1 */
  int32_t within_gaz; /* a place written with the region it lies in
                         ("Lewiston, Idaho", "Nashville, Tenn."): the
                         region's gazetteer entry, or -1 */
  int32_t entity;    /* entity index after resolve, or -1 */
  int32_t event;     /* event index (EVENT mentions), or -1 */
  int32_t topic;     /* topic index (TOPIC mentions), or -1 */
  NgDate date_start, date_end; /* DATE mentions */
  const char *head;  /* nominals: their type; events: their class;
                        acronyms: their long form; a long form: its
                        acronym */
  /* A name written after words that belong to the mention but not to the
   * name: an honorific ("M. Hammouchi", "Mr. Hinton") or a place noun
   * ("le canton de Vaud", "the city of Leeds"). The written mention
   * starts at lead_b0, lead_c0, while t0, b0, c0 stay on the name. */
  bool led;
  uint32_t lead_b0, lead_c0;
  /* Words after the name that belong to the mention: a person's suffix
   * ("W. Stallings, Esq."). The written mention ends at tail_b1, tail_c1
   * when tail_b1 is not 0. */
  uint32_t tail_b1, tail_c1;
} NgMention;

typedef struct {
  NgEntityType type;
  int32_t gaz;           /* gazetteer entry, or -1 (NIL) */
  double link_conf;      /* its surest linked mention's; 0 without one */
  const char *name;      /* canonical name: the longest name mention */
  const char *name_lang; /* language of the name */
  const char *acronym;   /* or NULL */
  const char *expansion; /* long form of an acronym, or NULL */
  int32_t country;       /* entity index of its country, or -1 */
  double country_conf;
  const char *country_qid; /* a gazetteer country not mentioned, or NULL */
  int32_t located_in;    /* entity index, or -1 */
  int32_t headquarters;  /* entity index, or -1 */
  const char *description; /* for unnamed persons: the description */
  const char *iri;       /* minted by graph */
  bool used;             /* in some fact, or named: emitted */
} NgEntity;

typedef struct {
  int32_t holder;       /* entity */
  int32_t org;          /* entity, or -1 */
  int32_t country;      /* entity: the country the post is held for
                           ("la ministre sénégalaise", "Kenya's"), or -1 */
  const char *title;    /* "directeur général", as written, lower-cased */
  const char *title_lang;
  double conf;
  uint32_t ev_c0, ev_c1; /* evidence span (code points) */
  uint32_t sent;
  const char *rule;
} NgPosition;

typedef struct {
  int32_t agent;        /* entity */
  int32_t on_behalf_of; /* entity, or -1 */
  int32_t event;
  double conf;
  uint32_t ev_c0, ev_c1;
  uint32_t sent;
  const char *rule;
} NgParticipation;

/* A role filler of an event: an entity for a property. */
typedef struct {
  const char *prop;     /* ontology property local name: "participant" */
  int32_t entity;       /* or -1 */
  int32_t topic;        /* or -1 */
} NgRoleFill;

typedef struct {
  const char *type;      /* ontology class local name: "Meeting" */
  const char *label;     /* the event's name as written, or NULL */
  const char *label_lang;
  NgDate start, end;
  int32_t location;      /* entity, or -1 */
  int32_t organizer;     /* entity, or -1 */
  int32_t part_of;       /* event index, or -1 */
  NgRoleFill *roles;
  size_t n_roles, cap_roles;
  double conf;
  /* evidence: the sentences' code-point spans it came from */
  uint32_t *ev;          /* pairs c0, c1 */
  size_t n_ev, cap_ev;
  uint32_t sent;         /* first sentence */
  const char *rule;
  const char *iri;
  const char *cameo;     /* CAMEO root code of its class, or NULL */
  bool merged;           /* folded into another event */
  int32_t merged_into;
} NgEvent;

typedef struct {
  const char *id;        /* concept local name ("cybercrime") */
} NgTopicRef;

typedef struct {
  const NgDoc *doc;
  NgArena *arena;
  NgSegmentation seg;
  NgMention *mentions;
  size_t n_mentions, cap_mentions;
  NgEntity *entities;
  size_t n_entities, cap_entities;
  NgPosition *positions;
  size_t n_positions, cap_positions;
  NgParticipation *parts;
  size_t n_parts, cap_parts;
  NgEvent *events;
  size_t n_events, cap_events;
  const char *lang;      /* the document's language, resolved */
} NgAnalysis;

/* The resources every stage reads, loaded once by the engine. */
struct NgRuleSet;
typedef struct {
  const NgLexicon *lex;
  const NgGazetteer *gaz;
  const struct NgRuleSet *rules;
  const char *base;          /* IRI base, ends with '/' or '#' */
  double min_link_conf;
  NgLog log;
} NgResources;

void ng_analysis_init(NgAnalysis *an, const NgDoc *doc, NgArena *arena);
void ng_analysis_clear(NgAnalysis *an);
/* Append and return a zeroed element (entity/event/role fields set to -1),
 * or NULL when out of memory. Pointers into the arrays are invalidated by
 * later appends: keep indices. */
NgMention *ng_analysis_add_mention(NgAnalysis *an);
NgEntity *ng_analysis_add_entity(NgAnalysis *an);
NgPosition *ng_analysis_add_position(NgAnalysis *an);
NgParticipation *ng_analysis_add_participation(NgAnalysis *an);
NgEvent *ng_analysis_add_event(NgAnalysis *an);
NgStatus ng_event_add_role(NgEvent *ev, const char *prop, int32_t entity,
                           int32_t topic);
NgStatus ng_event_add_evidence(NgEvent *ev, uint32_t c0, uint32_t c1);

/* Sort mentions by start, the longer first where two start together. */
void ng_analysis_sort_mentions(NgAnalysis *an);

/* The text of a mention or token range, as written (arena copy): for
 * NIF anchors. */
const char *ng_analysis_text(NgAnalysis *an, uint32_t b0, uint32_t b1);

/* The same text as a name or label to show (ng_clean_name): one line,
 * single spaces, line-end hyphenation undone. NULL when out of memory. */
const char *ng_analysis_name(NgAnalysis *an, uint32_t b0, uint32_t b1);

#endif
