/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * gazetteer (part of recognise): the known entities with their Wikidata
 * QIDs and every label, compiled from TSV tables into one binary file that
 * is mapped, not parsed, at start.
 *
 * Labels are stored as their folded token sequences ("emirats arabes
 * unis") in sorted order, so matching is a longest-match walk from each
 * token: extend the key one token at a time while some label still starts
 * with it (binary search on the sorted keys). Matching is accent- and
 * apostrophe-insensitive (through the folds); case is checked per label:
 *
 *  - acronyms ("AU", "UNESCO", "NATO"), and one-token labels of at most
 *    four letters ("Chad", "Nice", "Oman", "Cuba"), match only when the
 *    text's letters have the label's case pattern (accents still folded);
 *  - other labels written with a capital ("Tours", "Germany", "Burkina
 *    Faso") need a capitalised first token in the text (NG_TOK_CAP), and
 *    every capitalised word of a multiword label must be capitalised in
 *    the text too ("La Réunion" is not "la réunion"), except a leading
 *    geographic noun (lexicon class feature_head: "îles Féroé"), the
 *    later words of a body's name of three words or more ("Haut-
 *    Commissariat des Nations unies pour les réfugiés"), and the later
 *    words of a French place name that starts with no article ("Arabie
 *    saoudite" for the source's "Arabie Saoudite"); its lowercase words
 *    match in any case ("Émirats arabes unis");
 *  - labels written without capitals (French demonyms "allemande", Arabic
 *    names) match in any case;
 *  - a one-word capitalised label whose fold is a lexicon stop word (class
 *    "stopword": "Au", a Swiss town) does not match at a sentence or line
 *    start (NG_TOK_SENT_START, NG_TOK_LINE_START).
 *
 * Labels are tokenised with ng_tokenize, so "Côte d'Ivoire" and "Côte
 * d’Ivoire" have one key, "cote d' ivoire". An inner hyphen of a word is a
 * space of the key, in labels and text alike, so "Saint-Nazaire" and
 * "Saint Nazaire", "New York" and "New-York" (as French typography long
 * wrote it) match each other, and dotted initials are the acronym
 * ("U.S.A." is "USA"). A determiner before a name ("le Japon") is not
 * part of any label: match at the name's token.
 *
 * Names the gazetteer derives from a label (gazetteer.c, add_label):
 *  - a name that starts with a definite article of its language ("Le
 *    Caire", "The Hague") without it, matched only right after a token
 *    with NG_TOK_DEFINITE ("au Caire", "du Havre", "the Hague");
 *  - a place's name with its first word short (lexicon class short_word:
 *    "St-Étienne", "St. Louis", "Mt. Vernon");
 *  - an international organisation's initials ("OTAN"), an acronym no
 *    other entry has, not matched next to a word in capitals;
 *  - an international organisation's acronym of four letters or more
 *    written as a word ("Otan", "Unesco"), matched in that case and only
 *    right after a token with NG_TOK_DEFINITE ("l'Otan");
 *  - a country's forms of state ("Kingdom" of "Kingdom of Morocco",
 *    "Confederation" of "Swiss Confederation"; lexicon class
 *    "state_form"), looked up by ng_gazetteer_state_form only.
 *
 * Priors: a city's population (or its urban population), a constant for
 * each other table (continents > world regions > countries > international
 * organisations > news agencies > government agencies > first-level
 * regions (level 1, or no level and a type such as state, land, canton or
 * province) = other organisations > other regions > people), and for a
 * country the constant and the population of its listed cities, so that
 * a demonym shared by several countries ("Chinese") ranks the larger one
 * first. When two tables list one QID, the entries merge (one entry, the
 * union of labels, the more specific type, the larger prior). Items from
 * a Wikidata dump (`gazetteer build`, gazetteer_build.h) have their
 * sitelink count as prior: NgGazEntry.prior, through ng_gazetteer_entry.
 *
 * An entry may know the year it began (NgGazEntry.since): a person's
 * birth (people.tsv's birth_date, P569 in a dump), an item's inception
 * (P571). Recognition drops the hits of entries that began after the
 * document's publication year (ng_gazetteer_keep_existing).
 *
 * The file: a versioned header ("NGGAZ\0", version, byte-order mark,
 * counts and offsets), the entry table sorted by QID (the QID index), the
 * label table sorted by key (key, original form, entry, language, kind,
 * flags, token count), the first-token index (a hash table from the first
 * token of a key to the range of labels that start with it, so a token
 * that starts no name costs one probe), and a string pool.
 * ng_gazetteer_open maps it read-only and checks every offset, so a
 * truncated or corrupt file fails with NG_ERR_DATA; it reads no string,
 * so three million labels open in about 10 ms. The byte order is the
 * writer's.
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
  NG_LABEL_DEMONYM,  /* an adjective or inhabitant noun: "marocain" */
  NG_LABEL_STATE_FORM /* the form of state of a country's official name
                         ("Kingdom" of "Kingdom of Morocco"): never
                         matched in text; see ng_gazetteer_state_form */
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
  int since;              /* the year it began: a person's birth, an
                             item's inception (Wikidata P569, P571); 0
                             when not known */
} NgGazEntry;

/* One label hit at a token position. */
typedef struct {
  uint32_t t0, t1;     /* token range */
  uint32_t entry;      /* entry index */
  NgLabelKind kind;
  const char *lang;    /* label language: "fr", "en", "ar", or "" when
                          the label has none or the entry has it in
                          several languages ("Paris") */
} NgGazMatch;

/* ---- building (newsgraph gazetteer compile) ---- */
typedef struct NgGazBuilder NgGazBuilder;
NgGazBuilder *ng_gaz_builder_new(const NgLexicon *lex);
void ng_gaz_builder_free(NgGazBuilder *b);
/* Add an entity; returns its index (or -1 on error: invalid QID, type
 * NONE, out of memory). Strings are copied. @p country is the QID of its
 * country or an ISO 3166-1 alpha-2 code resolved at write time. Adding a
 * QID again merges into the existing entry and returns its index. */
int32_t ng_gaz_builder_add_entry(NgGazBuilder *b, const char *qid,
                                 NgEntityType type, const char *label_en,
                                 const char *label_fr, const char *country,
                                 uint32_t prior);
/* The year entry @p entry began (a person's birth, an inception), from
 * -9999 to 9999 except 0; of two years given for one entry, the earlier
 * stays. NG_ERR_ARG for a bad entry or year. */
NgStatus ng_gaz_builder_set_since(NgGazBuilder *b, int32_t entry, int year);
/* The year of a date as tables and dumps write it ("1972-02-29", "1976",
 * "+1972-02-29T00:00:00Z", "-0044-03-15": a year before the common era),
 * 0 when @p s is none of these. */
int ng_gaz_parse_year(const char *s);
/* Add a label of entry @p entry (tokenised and folded here; NG_FAILURE
 * when it has no token, is too long to be a name, is a place's name
 * whose first word is in lower case with no geographic noun or article
 * to explain it ("somali", "voir Saint"), or is a body's description, an
 * article and a word in lower case ("Le ministère de la Santé")). */
NgStatus ng_gaz_builder_add_label(NgGazBuilder *b, int32_t entry,
                                  const char *label, NgLabelKind kind,
                                  const char *lang);
/* Add a name or alias of entry @p entry, classed as an acronym when it is
 * written like one ("NATO", "AU": all capitals, 2 to 10 characters), as
 * the TSV tables' label columns are. A label with no token is ignored
 * (NG_SUCCESS); NG_ERR_ARG for a bad entry, NG_ERR_NOMEM. */
NgStatus ng_gaz_builder_add_name(NgGazBuilder *b, int32_t entry,
                                 const char *label, const char *lang);
/* Load one of the shipped TSV tables (countries.tsv, cities.tsv,
 * organizations.tsv, regions.tsv, continents.tsv, agencies.tsv,
 * people.tsv, demonyms.tsv, or the table `gazetteer build --tsv` writes:
 * qid, type, prior, country, since, label_en, label_fr, labels),
 * recognised by its header row. A column "since" (a year) or, in
 * people.tsv, "birth_date" (YYYY or YYYY-MM-DD) gives the year the entry
 * began. */
NgStatus ng_gaz_builder_load_tsv(NgGazBuilder *b, const char *path,
                                 const NgLog *log);
/* Write the compiled file (to PATH.tmp, then renamed). Country codes in
 * entries' country fields and demonym rows are resolved here, through the
 * iso2 column of the countries loaded; NG_ERR_IO when writing fails. */
NgStatus ng_gaz_builder_write(NgGazBuilder *b, const char *path);
/* Labels dropped by the last write because their country code named no
 * loaded country. */
size_t ng_gaz_builder_dropped(const NgGazBuilder *b);

/* `newsgraph gazetteer compile -o OUT TSV...`: load every table (tables
 * may come in any order) and write @p out_path. Bad rows (wrong number of
 * fields, missing or invalid QID) are reported through @p log as
 * file:line warnings and skipped; a table with an unknown header is an
 * error (NG_ERR_DATA), as is an unreadable file (NG_ERR_IO). @p lex
 * (borrowed, may be NULL) gives the elided forms used to tokenise labels. */
NgStatus ng_gaz_compile(const char *out_path, const char *const *tsv_paths,
                        size_t n, const NgLexicon *lex, const NgLog *log);

/* ---- using ---- */
/* Map a compiled file. NG_ERR_DATA when it is not one (or another version). */
NgGazetteer *ng_gazetteer_open(const char *path, NgStatus *st);
/* The format version this build reads and writes. */
unsigned ng_gazetteer_format(void);
/* The format version in the header of the file at @p path, 0 when it is
 * no compiled gazetteer of newsgraph (or cannot be read): tells a file of
 * another version from a corrupt one. */
unsigned ng_gazetteer_file_format(const char *path);
void ng_gazetteer_free(NgGazetteer *g);
size_t ng_gazetteer_size(const NgGazetteer *g);
NgGazEntry ng_gazetteer_entry(const NgGazetteer *g, uint32_t i);
/* The QID of the country entry @p e stands in (a country stands in
 * itself), or "". */
const char *ng_gazetteer_entry_country(const NgGazEntry *e);
/* The entry with this QID, or -1. */
int32_t ng_gazetteer_find_qid(const NgGazetteer *g, const char *qid);

/* All labels that match starting at token @p t (longest first). @p text is
 * the document text, for case-sensitive checks. Returns the number of hits
 * written to @p out (at most @p max). */
size_t ng_gazetteer_match_at(const NgGazetteer *g, const char *text,
                             const NgToken *toks, size_t n_toks, size_t t,
                             NgGazMatch *out, size_t max);

/* Keeps, in order, those of the @p n hits whose entry had begun by
 * @p year (NgGazEntry.since unknown or not after it): a document of 1928
 * names no person born in 1951, nor a state founded in 1949. With
 * @p year 0 (no publication date), all stay. Returns the count kept. */
size_t ng_gazetteer_keep_existing(const NgGazetteer *g, int year,
                                  NgGazMatch *hits, size_t n);

/* Whether some label goes on after the words of tokens [t0, t1): "Conseil
 * de sécurité" goes on in "Conseil de sécurité des Nations unies". */
bool ng_gazetteer_continues(const NgGazetteer *g, const NgToken *toks,
                            size_t t0, size_t t1);

/* The countries whose official name, among their labels, has the form of
 * state @p form (an English word as the lexicon class "state_form" gives
 * it: "Kingdom", "Confederation"): their entries in @p out (at most
 * @p max); returns their number. A name such as "Kingdom of Morocco" or
 * "Royaume du Maroc" gives its country the form at compile time. */
size_t ng_gazetteer_state_form(const NgGazetteer *g, const char *form,
                               uint32_t *out, size_t max);

#endif
