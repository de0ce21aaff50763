/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * graph: the analysis of one document as triples, with deterministic IRIs
 * (DESIGN.md, "Output contract"):
 *   document      {base}doc/{id}                 ng:Document, nif:Context
 *   mention       {base}doc/{id}#char={b},{e}    NIF offsets in code points
 *   linked entity {base}entity/{QID}             owl:sameAs wd:{QID}
 *   other entity  {base}entity/{type}/{slug}     slug of the folded name
 *   event         {base}event/{type}/{hash}      hash of type and key roles
 *   participation {base}participation/{hash}
 *   position      {base}position/{hash}
 * Keys use only what the text says, never the document, so the same
 * meeting (type, place, start date, organiser) reported by two articles is
 * one node, and so are its sub-events with the same participants; any other
 * event with neither place nor date is keyed by its document too, since
 * nothing else identifies it.
 */
#ifndef NG_GRAPH_H
#define NG_GRAPH_H

#include "analysis.h"

/* The document's IRI (arena string). */
const char *ng_graph_doc_iri(NgAnalysis *an, const char *base);

/* Mint IRIs and add every fact of @p an to @p g. */
NgStatus ng_graph_build(NgAnalysis *an, const NgResources *res, NgGraph *g,
                        NgStats *stats);

#endif
