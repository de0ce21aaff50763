/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * recognise: mentions in a segmented document, by passes in this order
 * of precedence (a later pass never takes tokens an earlier one took;
 * some adjust what an earlier one found):
 *   0. sports clubs named by a prefix ("FC Sion", "H. C. Lausanne") or
 *      a club's word ("Real Madrid") — club_prefix, club_word
 *      (lexicon/clubs.tsv) — or before its town's adjective ("le Stade
 *      rennais") — club_adjective_word; after the gazetteer (4), by a
 *      word after the town's name ("Manchester United") — club_suffix;
 *   1. persons after an honorific, a rank, an occupation or a noun of
 *      nationality ("M.", "le général", "le libraire", "le Slovène") —
 *      the lead is part of the written mention (NgMention.led), not of
 *      the name; persons before a suffix ("Jr.");
 *   2. dates (dates.h); news agencies credited in brackets after a
 *      dateline ("Rabat, 18 juin 2025 (MAP) -", "NAIROBI, Kenya (AP) —");
 *      firms named by names an ampersand joins ("Procter & Gamble");
 *   3. persons named by a given name and a capitalised surname ("Guy
 *      Bovet") — class first_name, or given_name (a longer list that
 *      says nothing of a word alone), unless the gazetteer names the run;
 *   4. countries by their code in brackets after a name in results
 *      ("Olano (Esp)", "Armstrong (EU)"), the name a person's —
 *      country_code; newspapers and channels after a noun that says so
 *      ("le quotidien Le Monde") — media_noun, and companies after a noun
 *      of their trade or their shares ("chipmaker Nvidia", "Shares of
 *      Nvidia", "le constructeur automobile Stellantis") — company_noun;
 *      then gazetteer
 *      names, acronyms and demonyms (gazetteer.h), with the town after
 *      "à" (city_prep) and a region adjective's part ("l'Europe
 *      occidentale"); a bare one-word region below the first level is a
 *      town where regions take an article (language_trait); major names
 *      a hyphen joins next to a noun that relates them ("la finale
 *      France-Brésil") — relation_noun; a name before a hyphen and a
 *      suffix ("California-based") — name_suffix; the land beyond a
 *      name ("outre-Manche") — beyond_prefix; buildings and venues
 *      named with their noun ("le Stade de France", "la gare
 *      Saint-Lazare", "Wembley Stadium"), places that take the places
 *      and persons of their names — venue_head;
 *   5. countries' official names and forms of state ("Royaume du Maroc",
 *      "la Confédération") — state_form, state_short_form;
 *   6. a town with its state or region ("Nashville, Tenn.", "Lewiston,
 *      Idaho", "Vénissieux (Rhône)", "Portland, dans l'Oregon" —
 *      region_prep), the kind a list gives its names ("Washington,
 *      Oregon") and the kind an office gives its seat ("Quebec
 *      Premier", "le maire de Québec") — office_seat;
 *   7. places named after a place noun ("la région X") — place_head;
 *   8. acronyms with an expansion in the text or a determiner before them
 *      ("la DGSN"), including coordinated ones; last of all, an acronym
 *      meets a body's name of the document whose words have its letters
 *      for initials ("la Direction générale de la sûreté nationale");
 *   9. organisations named by a head noun and its complement — org_head,
 *      org_adjective, lower_org_head — or by a company's legal form after
 *      the name ("Tesla Inc") — legal_form; a company's name before a
 *      business title and a person ("Tesla CEO Elon Musk") —
 *      business_title, post_modifier; a body named short whose
 *      parent the document names ("le Conseil de sécurité");
 *  10. state bodies named by a demonym ("la police espagnole") or a
 *      lexicon adjective; persons in appositions and lists, or after a
 *      title and its complement ("le ministre des Affaires étrangères
 *      X Y") — title;
 *  11. bare surnames and given names of the persons named in full;
 *  12. the names of a ranked list with a person in it ("12. Camenzind.
 *      23. Huser."); places from context ("à X", "in X", datelines,
 *      origins, lists of places: "Lyon, Bron et Vénissieux") —
 *      place_prep, not after a message_noun ("a call from X"); after a
 *      staff_noun and "at", an organisation ("analysts at Nomura");
 *  13. nominal anaphors ("le pays", "the organisation") — anaphor;
 *  14. event noun phrases ("la 8e réunion", "cette rencontre") —
 *      event_noun, demonstrative;
 *  15. topics (the SKOS labels of ontology/topics.ttl) — topic.
 * All words come from the lexicon; its classes are described at the head
 * of ontology/lexicon/fr-names.tsv and en-names.tsv, and of the files
 * every language shares (country-codes.tsv, clubs.tsv).
 */
#ifndef NG_RECOGNISE_H
#define NG_RECOGNISE_H

#include "analysis.h"

/* Find the mentions of @p an (segmented) into an->mentions, sorted by
 * position. */
NgStatus ng_recognise(NgAnalysis *an, const NgResources *res);

/* The part of a name's word that stands alone as a surname: the word
 * without a particle joined by a hyphen ("al-assad" -> "assad", name
 * particles of @p lang in the lexicon), else the word. @p norm is a
 * token's folded form; the result points into it. */
const char *ng_surname_key(const NgLexicon *lex, const char *lang,
                           const char *norm);

#endif
