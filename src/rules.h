/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * rules (part of extract): the pattern language of ontology/rules/<lang>.rules,
 * compiled once to PCRE2 regular expressions over an encoding of each
 * sentence as a string of units.
 *
 * A sentence is a sequence of units: a word token, a punctuation token, or
 * a recognised mention (several tokens collapsed into one unit). Each unit
 * is encoded as one space-terminated item:
 *
 *     w=<folded word>      a word or number token     "w=represente "
 *     w=<word>~<stem>      the same, when the rule set has a language:
 *                          its folded Snowball stem    "w=represente~represent "
 *     p=<mark>             punctuation                "p=, "
 *     e=<CLASS>=<folded>   a mention; CLASS is its    "e=LOC.COUNTRY=maroc "
 *                          class path (see below)
 *
 * Mention class paths: PER, ORG, ORG.GOV, ORG.INTL, ORG.NEWS, LOC,
 * LOC.COUNTRY, LOC.CITY, LOC.REGION, LOC.CONTINENT, DATE, DEMONYM,
 * TOPIC, EVENT (an event noun phrase or an event anaphor).
 *
 * The rule file (see ontology/rules/README.md for the full grammar):
 *
 *     # comment
 *     @language fr                               the language (stems)
 *     @words NAME word word* ~stem "two words"   a word class
 *     rule ID
 *       kind KIND             event | position | mention | participation
 *       type CLASS            ontology class (Meeting, Visit, Person...)
 *       confidence 0.8
 *       set ROLE VALUE        a constant role, e.g. "set tense past"
 *       pattern ELEMENTS...   may continue on following indented lines
 *       unless ELEMENTS...    drop a match that contains these
 *     @unless ELEMENTS...     the `unless` of the event and participation
 *                             rules that follow
 *
 * Pattern elements:
 *     word        a word, folded ("réunion" matches "Réunion", "reunion")
 *     word*       a word starting with "word"
 *     ~word       a word whose stem is the stem of "word" (needs @language)
 *     *word       a word ending with "word"
 *     @NAME       any word or phrase of a word class
 *     <TYPE>      a mention of that class or a subclass: <PER> <ORG>
 *                 <GOV> <INTL> <NEWS> <LOC> <COUNTRY> <CITY> <REGION>
 *                 <DATE> <DEMONYM> <TOPIC> <EVENT> <ANY> (any mention)
 *     ,  .  (etc) punctuation, written as itself in quotes: "," "."
 *     _           any one unit
 *     slot:ELEM   capture ELEM (a unit or a group) as role "slot"
 *     ( A B | C ) group with alternatives
 *     E?  E*  E+  E{m,n}   repetition (lazy for _ gaps: _{0,6})
 *
 * Errors point to file:line:column.
 */
#ifndef NG_RULES_H
#define NG_RULES_H

#include "common.h"

typedef struct NgRuleSet NgRuleSet;

typedef enum {
  NG_RULE_EVENT,         /* creates or extends an event */
  NG_RULE_POSITION,      /* holder / title / org */
  NG_RULE_MENTION,       /* makes a new mention of `type` over slot span */
  NG_RULE_PARTICIPATION  /* agent / onBehalfOf / event */
} NgRuleKind;

typedef struct {
  const char *id;        /* rule id, for evidence and messages */
  NgRuleKind kind;
  const char *type;      /* ontology class local name, or "" */
  double confidence;
  const char *const *set_keys;   /* constant roles */
  const char *const *set_values;
  size_t n_set;
  const char *file;      /* where it was defined */
  unsigned line;
} NgRuleInfo;

/* A captured slot: its role name and the unit range [u0, u1). */
typedef struct {
  const char *name;
  uint32_t u0, u1;
} NgSlot;

/* One match of one rule in one encoded sentence. */
typedef struct {
  uint32_t rule;   /* rule index */
  uint32_t u0, u1; /* units covered by the whole match */
  NgSlot *slots;   /* n_slots of them, owned by the match list */
  size_t n_slots;
} NgRuleMatch;

NgRuleSet *ng_ruleset_new(void);
void ng_ruleset_free(NgRuleSet *rs);
/* Parse and compile one rule file. Syntax errors are reported as
 * file:line:col through @p log; returns NG_ERR_SYNTAX then. */
NgStatus ng_ruleset_load(NgRuleSet *rs, const char *path, const NgLog *log);
/* Same, from a string (tests); @p name is used in messages. */
NgStatus ng_ruleset_load_string(NgRuleSet *rs, const char *name,
                                const char *text, const NgLog *log);
size_t ng_ruleset_size(const NgRuleSet *rs);
const NgRuleInfo *ng_ruleset_info(const NgRuleSet *rs, size_t i);

/* The regular expression a rule compiled to (for tests and --explain). */
const char *ng_ruleset_regex(const NgRuleSet *rs, size_t i);

/* An encoded sentence: the string and, for each unit, its byte offset in
 * the string (units[n_units] is the string's length). */
typedef struct {
  const char *str;
  size_t len;
  const uint32_t *unit_off;
  size_t n_units;
} NgEncoded;

/* Run every rule of kind @p kind over @p enc, in file order, and append
 * every non-overlapping match of each rule (leftmost-longest per rule) to
 * *out. Free the list with ng_rule_matches_free. */
typedef struct {
  NgRuleMatch *items;
  size_t n, cap;
} NgRuleMatches;
NgStatus ng_ruleset_run(const NgRuleSet *rs, NgRuleKind kind,
                        const NgEncoded *enc, NgRuleMatches *out);
void ng_rule_matches_clear(NgRuleMatches *m);
void ng_rule_matches_free(NgRuleMatches *m);

/* The language declared by "@language CODE" in the rule set's files, or
 * NULL. When it is set, word units are encoded with their stems
 * ("w=<folded>~<stem> "), see ng_ruleset_stem(). Borrowed. */
const char *ng_ruleset_language(const NgRuleSet *rs);
/* Append to @p out the stem of @p word (@p len bytes of UTF-8, as written)
 * in the rule set's language, by its Snowball stemmer, folded like units.
 * NG_FAILURE when the rule set has no language or the word no stem,
 * NG_ERR_NOMEM when out of memory. Uses the rule set's stemmer: one thread
 * at a time, like ng_ruleset_run(). */
NgStatus ng_ruleset_stem(const NgRuleSet *rs, const char *word, size_t len,
                         NgBuf *out);

/* The regular expression of a rule's `unless` (its own, or the file's
 * @unless for event and participation rules), or NULL when it has none.
 * ng_ruleset_run() drops a match of the rule that contains a match of it. */
const char *ng_ruleset_unless_regex(const NgRuleSet *rs, size_t i);

/* Added by the rules module (additive). */

/* Bound the work of one pcre2_match call (PCRE2's match limit; 0 restores
 * the default of one million). A rule that reaches it in a sentence has
 * its matches there skipped and ng_ruleset_run returns NG_ERR_LIMIT after
 * running the other rules; the matches found are still in *out. */
void ng_ruleset_set_match_limit(NgRuleSet *rs, uint32_t limit);
/* Where ng_ruleset_run reports a rule that hit the match limit (a warning
 * with the rule's file and line). @p log is copied; NULL for none. */
void ng_ruleset_set_log(NgRuleSet *rs, const NgLog *log);
/* ng_ruleset_run uses match data stored in the rule set, so a rule set is
 * run by one thread at a time. */

#endif
