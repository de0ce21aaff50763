/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * recognise: mentions in a segmented document. In order of precedence (a
 * later pass never takes tokens an earlier one took):
 *   1. persons after an honorific ("M.", "Mme", "Dr", "Mr.") — lexicon
 *      class person_title; the honorific is part of the written mention
 *      (NgMention.led), not of the name;
 *   2. dates (dates.h);
 *   3. persons named by a given name and a capitalised surname ("Guy
 *      Bovet") — class first_name, unless the gazetteer names the run;
 *   4. gazetteer names, acronyms and demonyms (gazetteer.h); a one-word
 *      place name that is the surname of a person named in full in the
 *      document is that person, and an acronym in parentheses after a
 *      long form the gazetteer does not give it is left to pass 6;
 *   5. places named after a place noun ("la région X") — place_head;
 *   6. acronyms with an expansion in the text or a determiner before them
 *      ("la DGSN"), including coordinated ones ("directeur général de la
 *      sûreté nationale et de la surveillance du territoire (DGSN-DGST)");
 *   7. organisations named by a head noun and its complement ("Centre de
 *      commandement et de coordination") — org_head, org_adjective, and
 *      lower_org_head with a capitalised complement ("le ministère de
 *      l'Intérieur"); a place in the complement is part of the name;
 *   8. state bodies named by a demonym ("la police espagnole", "the
 *      Kenyan army": the country's) or a lexicon adjective ("la police
 *      nationale") — national_body, org_adjective; persons in
 *      appositions ("X Y, directeur général de ...", "le ministre X Y")
 *      — title;
 *   9. bare surnames of the persons named in full (passes 1, 3, 8);
 *  10. nominal anaphors ("le pays", "the organisation") — anaphor;
 *  11. event noun phrases ("la 8e réunion", "cette rencontre") —
 *      event_noun, demonstrative;
 *  12. topics (the SKOS labels of ontology/topics.ttl) — topic.
 * All words come from the lexicon; the classes are listed in
 * ontology/lexicon/README.md.
 */
#ifndef NG_RECOGNISE_H
#define NG_RECOGNISE_H

#include "analysis.h"

/* Find the mentions of @p an (segmented) into an->mentions, sorted by
 * position. */
NgStatus ng_recognise(NgAnalysis *an, const NgResources *res);

#endif
