/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * resolve: in-document coreference and entity linking. Mentions become
 * entities: gazetteer mentions meet by QID (so "Maroc", "marocaine" and
 * "Morocco" are one node), persons by surname ("M. Hammouchi" -> "Abdellatif
 * Hammouchi"), acronyms with their expansions, other names by folded form;
 * nominal anaphors ("le pays", "l'organisation") take the most recent
 * compatible entity before them. A name several gazetteer entries share
 * goes to its one candidate in a country the document speaks of (named,
 * or holding a place linked without doubt), which also confirms a minor
 * place. Links below the engine's minimum confidence are dropped (the
 * entity stays, unlinked).
 */
#ifndef NG_RESOLVE_H
#define NG_RESOLVE_H

#include "analysis.h"

NgStatus ng_resolve(NgAnalysis *an, const NgResources *res);

/* The entity for gazetteer entry @p gaz, created when missing; -1 when out
 * of memory. Used by extract for countries named only by a demonym. */
int32_t ng_resolve_gaz_entity(NgAnalysis *an, const NgResources *res,
                              int32_t gaz);

#endif
