/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * lexicon: the small word lists that are language knowledge (abbreviations,
 * elided forms, titles, month names, stop words, event nouns...), loaded
 * from ontology/lexicon/<lang>.tsv. Each line is
 *
 *     CLASS <TAB> FORM [<TAB> VALUE]
 *
 * where CLASS names the list ("abbrev", "elision", "title", "month", ...),
 * FORM is the written form and VALUE an optional payload ("9" for
 * "septembre" in class "month"). '#' starts a comment line. Lookups are on
 * folded forms (ng_fold), so "Mme" and "mme" meet; a class may be matched
 * case-sensitively by the caller through the stored original form.
 */
#ifndef NG_LEXICON_H
#define NG_LEXICON_H

#include "common.h"

typedef struct NgLexicon NgLexicon;

typedef struct {
  const char *cls;   /* class name */
  const char *form;  /* as written in the file */
  const char *fold;  /* folded form */
  const char *value; /* payload or "" */
  const char *lang;  /* language of the file it came from */
} NgLexEntry;

NgLexicon *ng_lexicon_new(void);
void ng_lexicon_free(NgLexicon *lex);

/* Add the entries of one file; @p lang tags them. Errors (a line without a
 * tab) are reported as file:line through @p log and return NG_ERR_SYNTAX. */
NgStatus ng_lexicon_load(NgLexicon *lex, const char *path, const char *lang,
                         const NgLog *log);
/* Add one entry (copied). */
NgStatus ng_lexicon_add(NgLexicon *lex, const char *cls, const char *form,
                        const char *value, const char *lang);

/* The entry of class @p cls whose folded form equals @p fold (already
 * folded), restricted to @p lang (and entries of no language) unless it
 * is NULL; NULL when none. */
const NgLexEntry *ng_lexicon_get(const NgLexicon *lex, const char *cls,
                                 const char *fold, const char *lang);
/* Whether fold is in class cls (any language). */
bool ng_lexicon_has(const NgLexicon *lex, const char *cls, const char *fold);

/* Iterate the entries of a class: *i starts at 0; NULL at the end. */
const NgLexEntry *ng_lexicon_next(const NgLexicon *lex, const char *cls,
                                  size_t *i);

/* The longest entry of class @p cls, in tokens, that starts at token folds
 * words[0..n): multiword entries ("directeur général", "secrétaire
 * général") match token by token. Returns the number of words matched (0
 * when none) and the entry in *out. Entry forms are tokenised with
 * ng_tokenize, so @p words are token norms: "ministre de l'intérieur"
 * matches ["ministre", "de", "l'", "interieur"]. */
size_t ng_lexicon_match(const NgLexicon *lex, const char *cls,
                        const char *const *words, size_t n,
                        const NgLexEntry **out);

/* Same, among the entries of language @p lang (and those of no language)
 * only: French "opération" must not hide English "operation". NULL: any. */
size_t ng_lexicon_match_lang(const NgLexicon *lex, const char *cls,
                             const char *lang, const char *const *words,
                             size_t n, const NgLexEntry **out);

/* The length in code points of the longest form of class @p cls (0 when
 * the class is empty): lets a scanner bound how far it looks ahead. */
size_t ng_lexicon_max_chars(const NgLexicon *lex, const char *cls);

/* Load the default lexicons: "lexicon/languages.tsv" is found through
 * ng_data_find(@p data_path, ...); each of its non-comment lines is
 *
 *     LANG <TAB> FILE [FILE]...
 *
 * (files separated by spaces, relative to the lexicon/ directory, each
 * found as "lexicon/FILE"), and every listed file is loaded tagged LANG;
 * the files of the LANG NG_LEX_ALL_LANGS ("*") are loaded once, with no
 * language, and every language shares them (given names, clubs).
 * Returns an owned lexicon (free with ng_lexicon_free), or NULL with *st
 * set and a diagnostic through @p log: NG_ERR_DATA when languages.tsv or a
 * file it lists cannot be found, NG_ERR_SYNTAX for a malformed line. */
NgLexicon *ng_lexicon_load_default(const char *data_path, const NgLog *log,
                                   NgStatus *st);

/* The LANG of languages.tsv whose files every language shares. */
#define NG_LEX_ALL_LANGS "*"

#endif
