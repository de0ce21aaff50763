/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * extract: positions, participations and events from the rules of
 * ontology/rules/<lang>.rules (see rules.h for the language and
 * ontology/rules/README.md for the roles).
 *
 * Each sentence is encoded as units (words, punctuation, mentions) and the
 * rules run in four rounds: `mention` rules (unnamed persons described by
 * a title, "le nouveau directeur de X à Y"), then `position`, `event` and
 * `participation` rules. An event rule either creates an event (it has a
 * type, or its `name` slot holds a new event noun phrase) or adds roles to
 * an existing one: the event an anaphor names ("cette réunion"), or, for
 * rules without a type, the document's current event (the latest
 * top-level event that is not a statement). After all sentences, events
 * of one type with the same speaker and subject and compatible dates are
 * merged, and government agencies without a country get the country their
 * officials act for.
 */
#ifndef NG_EXTRACT_H
#define NG_EXTRACT_H

#include "analysis.h"

/* Ontology classes known to the engine, for checking rule types and for
 * subclass tests (loaded from ontology/newsgraph.ttl). */
typedef struct NgOntology NgOntology;
NgOntology *ng_ontology_load(const char *path, const NgLog *log, NgStatus *st);
void ng_ontology_free(NgOntology *o);
bool ng_ontology_has_class(const NgOntology *o, const char *local);
/* Whether class @p sub is @p super or one of its subclasses. */
bool ng_ontology_is_a(const NgOntology *o, const char *sub, const char *super);

/* Read more ontology triples from the Turtle file @p path into @p o: the
 * classes' CAMEO root codes (ontology/cameo.ttl). */
NgStatus ng_ontology_add(NgOntology *o, const char *path, const NgLog *log);
/* The CAMEO root code (ng:cameoRootCode) of class @p cls or of its nearest
 * superclass that has one, or NULL. Borrowed from @p o. */
const char *ng_ontology_cameo(const NgOntology *o, const char *cls);

NgStatus ng_extract(NgAnalysis *an, const NgResources *res,
                    const NgOntology *onto);

#endif
