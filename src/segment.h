/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * segment: sentences and tokens with byte and code-point offsets.
 *
 * Tokens are words (letters, digits, inner hyphens and inner apostrophes
 * that are not elisions, "8ème" and "93rd" ordinals, "3-4" stays three
 * tokens), numbers, and single punctuation marks. French elision splits
 * "d'Interpol" / "d’Interpol" into "d'" and "Interpol" (the elided forms
 * come from the lexicon). A sentence ends at . ! ? … followed by a space
 * and an upper-case letter, digit or quote, unless the word before is a
 * known abbreviation ("M.", "Mme", "Dr", "St.") or a single capital
 * (an initial); a line break that follows a sentence end or a blank line
 * always ends one.
 *
 * Line breaks: news text comes one paragraph per line, so a line break
 * (LF, CR, CRLF, U+2028/2029, NEL) ends a sentence whether or not the line
 * ends with sentence punctuation (a dateline or a signature line is a
 * sentence of its own), unless it is soft: a single break inside a phrase
 * of text wrapped at a fixed width (see soft_line_break in segment.c).
 * When most lines of a text are short and end inside a sentence (OCR,
 * printed columns, plain-text mail: wrapped_text), only punctuation and
 * the ends of short lines end its sentences. A
 * word hyphenated at a line end ("gouver-\nnement", OCR's "Mich¬\nigan")
 * is one token whose norm is the whole word (ng_line_end_hyphen); soft
 * hyphens (U+00AD) join words too.
 *
 * Lexicon classes consulted (every loaded language at once):
 * - "abbrev": a FORM followed by the text's dot, or ending in one, is one
 *   token with NG_TOK_ABBREV ("M.", "U.S.", "J.-C.", "n°"). Matching is on
 *   folded forms, except that a form written with a capital first letter
 *   ("M.", "No.") only matches a capitalised word, so "no." stays a word
 *   and a full stop. VALUE "end": the abbreviation may also end a sentence
 *   ("etc.", "Inc."); VALUE "num": it is one only before a number ("p. 12",
 *   "art. 3"; "en vol." is a word and a full stop).
 * - "elision": "l'", "d'", "qu'"... split off the word they precede.
 * - "clitic": "'s"... split off the word they follow ("Interpol's").
 * - "ordinal_suffix": digits followed by one ("1er", "8ème", "93rd") form
 *   an NG_TOK_ORDINAL token with the value in .num.
 * - "definite": a definite article, alone or fused with a preposition
 *   ("le", "l'", "du", "aux", "the"), gets NG_TOK_DEFINITE, which the
 *   gazetteer reads ("au Caire" names "Le Caire").
 * Abbreviation forms longer than 32 code points are never matched.
 *
 * The first token of the text has NG_TOK_LINE_START. Offsets are limited
 * to 32 bits: longer texts fail with NG_ERR_LIMIT; invalid UTF-8 fails
 * with NG_ERR_ENCODING. Numbers with a decimal separator ("10,5", "1,000")
 * are one token with NG_TOK_DIGIT but no NG_TOK_NUMBER; numbers beyond
 * INT32_MAX get no NG_TOK_NUMBER either.
 */
#ifndef NG_SEGMENT_H
#define NG_SEGMENT_H

#include "common.h"
#include "lexicon.h"

enum {
  NG_TOK_ALPHA = 1 << 0,    /* has a letter */
  NG_TOK_DIGIT = 1 << 1,    /* has a digit */
  NG_TOK_PUNCT = 1 << 2,    /* a punctuation mark or symbol */
  NG_TOK_CAP = 1 << 3,      /* first letter upper case */
  NG_TOK_UPPER = 1 << 4,    /* every letter upper case, two letters or more */
  NG_TOK_ELISION = 1 << 5,  /* an elided article/pronoun: "d'", "l'", "qu'" */
  NG_TOK_ORDINAL = 1 << 6,  /* "8ème", "1er", "93rd": value in .num */
  NG_TOK_NUMBER = 1 << 7,   /* all digits: value in .num */
  NG_TOK_ABBREV = 1 << 8,   /* a lexicon abbreviation, its dot included */
  NG_TOK_SENT_START = 1 << 9,
  NG_TOK_LINE_START = 1 << 10, /* first token after a line break */
  NG_TOK_SPACE_BEFORE = 1 << 11,
  NG_TOK_DEFINITE = 1 << 12 /* a definite article, fused or not: "le",
                               "l'", "du", "aux", "the" */
};

typedef struct {
  uint32_t b0, b1;  /* byte offsets [b0, b1) in the document text */
  uint32_t c0, c1;  /* code-point offsets [c0, c1) */
  const char *norm; /* folded form (see ng_fold), arena-owned */
  uint32_t sent;    /* sentence index */
  uint32_t flags;   /* NG_TOK_* */
  int32_t num;      /* value of a NUMBER or ORDINAL, else 0 */
} NgToken;

typedef struct {
  uint32_t t0, t1; /* token range [t0, t1) */
  uint32_t b0, b1; /* byte range */
  uint32_t c0, c1; /* code-point range */
} NgSentence;

typedef struct {
  NgToken *tokens;
  size_t n_tokens;
  NgSentence *sents;
  size_t n_sents;
} NgSegmentation;

/* Segment @p text (valid UTF-8, @p len bytes). Tokens, sentences and their
 * strings live in @p arena. @p lex (borrowed) gives the abbreviations and
 * elided forms of every loaded language. */
NgStatus ng_segment(const char *text, size_t len, const NgLexicon *lex,
                    NgArena *arena, NgSegmentation *out);

/* Tokenise a short string the same way (gazetteer labels, rule words);
 * no sentence logic. Tokens live in @p arena. */
NgStatus ng_tokenize(const char *text, size_t len, const NgLexicon *lex,
                     NgArena *arena, NgToken **tokens, size_t *n);

/* Whether entries of lexicon class @p cls change how text is tokenised
 * (the classes listed above): the lexicon re-tokenises its multiword
 * entries when one of them is added. */
bool ng_segment_class_affects_tokens(const char *cls);

#endif
