/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * lexicon: word lists keyed by (class, folded form).
 *
 * Entries live in one growable array (insertion order, for
 * ng_lexicon_next) and two open-addressing tables of entry indices: one
 * keyed by (class, fold) for ng_lexicon_get, one keyed by (class, first
 * token fold) for ng_lexicon_match. With linear probing and no deletion,
 * entries sharing a key are met in insertion order, so "first loaded wins"
 * needs no extra bookkeeping.
 *
 * Multiword matching compares token folds, so each entry's form is
 * tokenised with the same tokenizer as documents (ng_tokenize): the entry
 * "ministre de l'intérieur" becomes ["ministre", "de", "l'", "interieur"],
 * exactly what the text yields. The tokenizer itself consults some classes
 * of this lexicon (elided forms, abbreviations...), so when such an entry
 * arrives after others, every entry is tokenised again (once per file when
 * loading, see lex_reindex).
 */
#include "lexicon.h"

#include "segment.h"

#include <string.h>

typedef struct
{
  NgLexEntry e;
  const char **words; /* token folds of the form, in lex->words */
  size_t n_words;
} LexItem;

struct NgLexicon
{
  NgArena *strings; /* entry strings, kept for the lexicon's life */
  NgArena *words;   /* token folds, rebuilt by lex_reindex */
  NgArena *scratch; /* tokens of one form while tokenising it */
  LexItem *items;
  size_t n_items, cap_items;
  uint32_t *by_fold; /* entry index + 1; 0 is an empty slot */
  size_t cap_fold;   /* power of two */
  uint32_t *by_first;
  size_t cap_first;
  bool stale; /* words/by_first must be rebuilt before matching */
  /* Per class: the longest form in code points (ng_lexicon_max_chars),
   * found by the class's name through by_class. */
  struct
  {
    const char *cls;
    size_t max_chars;
  } * classes;
  size_t n_classes, cap_classes;
  uint32_t *by_class; /* class index + 1; 0 is an empty slot */
  size_t cap_class;   /* power of two */
};

static const char NG_LEX_STAGE[] = "lexicon";

static uint64_t
key_hash(const char *cls, const char *fold)
{
  uint64_t h = ng_hash64(cls, strlen(cls), 0x6c6578u);
  return ng_hash64(fold, strlen(fold), h);
}

NgLexicon *
ng_lexicon_new(void)
{
  NgLexicon *lex = ng_calloc(1, sizeof *lex);
  if (!lex)
    return NULL;
  lex->strings = ng_arena_new(16384);
  lex->words = ng_arena_new(16384);
  lex->scratch = ng_arena_new(4096);
  if (!lex->strings || !lex->words || !lex->scratch) {
    ng_lexicon_free(lex);
    return NULL;
  }
  return lex;
}

void
ng_lexicon_free(NgLexicon *lex)
{
  if (!lex)
    return;
  ng_arena_free(lex->strings);
  ng_arena_free(lex->words);
  ng_arena_free(lex->scratch);
  ng_free(lex->items);
  ng_free(lex->by_fold);
  ng_free(lex->by_first);
  ng_free(lex->classes);
  ng_free(lex->by_class);
  ng_free(lex);
}

/* ---- hash tables ---- */

static void
table_put(uint32_t *table, size_t cap, uint64_t h, uint32_t idx)
{
  size_t mask = cap - 1;
  size_t i = (size_t)h & mask;
  while (table[i])
    i = (i + 1) & mask;
  table[i] = idx + 1;
}

static uint64_t
class_hash(const char *cls)
{
  return ng_hash64(cls, strlen(cls), 0x636c73u);
}

/* The index of class @p cls in lex->classes, or SIZE_MAX. */
static size_t
class_index(const NgLexicon *lex, const char *cls)
{
  if (!lex->cap_class)
    return SIZE_MAX;
  size_t mask = lex->cap_class - 1;
  for (size_t i = (size_t)class_hash(cls) & mask; lex->by_class[i];
       i = (i + 1) & mask) {
    size_t k = lex->by_class[i] - 1;
    if (strcmp(lex->classes[k].cls, cls) == 0)
      return k;
  }
  return SIZE_MAX;
}

/* Index lex->classes[k], the last class added, keeping by_class at most
 * half full. */
static bool
class_put(NgLexicon *lex, size_t k)
{
  if ((k + 1) * 2 > lex->cap_class) {
    size_t ncap = lex->cap_class ? lex->cap_class * 2 : 64;
    uint32_t *nt = ng_calloc(ncap, sizeof *nt);
    if (!nt)
      return false;
    for (size_t j = 0; j < k; j++)
      table_put(nt, ncap, class_hash(lex->classes[j].cls), (uint32_t)j);
    ng_free(lex->by_class);
    lex->by_class = nt;
    lex->cap_class = ncap;
  }
  table_put(lex->by_class, lex->cap_class, class_hash(lex->classes[k].cls),
            (uint32_t)k);
  return true;
}

static const char *
item_first_word(const LexItem *it)
{
  return it->n_words ? it->words[0] : NULL;
}

/* Grow a table so that it stays at most half full with @p need entries,
 * re-inserting every item that @p key returns a non-NULL key for. */
static bool
table_reserve(NgLexicon *lex,
              uint32_t **table,
              size_t *cap,
              size_t need,
              bool by_first)
{
  if (need * 2 <= *cap)
    return true;
  size_t ncap = *cap ? *cap : 64;
  while (need * 2 > ncap) {
    if (ncap > SIZE_MAX / 4)
      return false;
    ncap *= 2;
  }
  uint32_t *nt = ng_calloc(ncap, sizeof *nt);
  if (!nt)
    return false;
  for (size_t i = 0; i < lex->n_items; i++) {
    const LexItem *it = &lex->items[i];
    const char *k = by_first ? item_first_word(it) : it->e.fold;
    if (k)
      table_put(nt, ncap, key_hash(it->e.cls, k), (uint32_t)i);
  }
  ng_free(*table);
  *table = nt;
  *cap = ncap;
  return true;
}

/* ---- adding ---- */

static bool
same_entry(const NgLexEntry *a,
           const char *cls,
           const char *form,
           const char *value,
           const char *lang)
{
  return strcmp(a->cls, cls) == 0 && strcmp(a->form, form) == 0 &&
         strcmp(a->value, value) == 0 && strcmp(a->lang, lang) == 0;
}

/* Tokenise one item's form into lex->words and index it by first word. */
static NgStatus
lex_tokenize_item(NgLexicon *lex, size_t idx)
{
  LexItem *it = &lex->items[idx];
  NgToken *toks = NULL;
  size_t n = 0;
  ng_arena_reset(lex->scratch);
  NgStatus st =
    ng_tokenize(it->e.form, strlen(it->e.form), lex, lex->scratch, &toks, &n);
  if (st != NG_SUCCESS)
    return st;
  it->words = NULL;
  it->n_words = 0;
  if (n == 0)
    return NG_SUCCESS; /* a form of only spaces: never matched */
  const char **w = ng_arena_alloc(lex->words, n * sizeof *w);
  if (!w)
    return NG_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) {
    w[i] = ng_arena_strndup(lex->words, toks[i].norm, strlen(toks[i].norm));
    if (!w[i])
      return NG_ERR_NOMEM;
  }
  it->words = w;
  it->n_words = n;
  return NG_SUCCESS;
}

/* Tokenise every form again and rebuild the first-word table: needed when
 * an entry of a class the tokenizer consults arrived after other entries. */
static NgStatus
lex_reindex(NgLexicon *lex)
{
  ng_arena_reset(lex->words);
  for (size_t i = 0; i < lex->n_items; i++) {
    lex->items[i].words = NULL;
    lex->items[i].n_words = 0;
  }
  lex->stale = true;
  if (lex->by_first)
    memset(lex->by_first, 0, lex->cap_first * sizeof(uint32_t));
  if (!table_reserve(lex, &lex->by_first, &lex->cap_first, lex->n_items, true))
    return NG_ERR_NOMEM;
  for (size_t i = 0; i < lex->n_items; i++) {
    NgStatus st = lex_tokenize_item(lex, i);
    if (st != NG_SUCCESS)
      return st;
    const char *k = item_first_word(&lex->items[i]);
    if (k)
      table_put(lex->by_first,
                lex->cap_first,
                key_hash(lex->items[i].e.cls, k),
                (uint32_t)i);
  }
  lex->stale = false;
  return NG_SUCCESS;
}

/* Add without the final re-tokenisation when @p batch (a file load
 * re-indexes once at its end). */
static NgStatus
lex_add(NgLexicon *lex,
        const char *cls,
        const char *form,
        const char *value,
        const char *lang,
        bool batch)
{
  if (!lex || !cls || !form || !*cls || !*form)
    return NG_ERR_ARG;
  if (!value)
    value = "";
  if (!lang)
    lang = "";
  if (lex->n_items >= UINT32_MAX - 1)
    return NG_ERR_LIMIT;

  NgBuf fb;
  ng_buf_init(&fb);
  ng_fold(form, strlen(form), &fb);
  if (fb.failed) {
    ng_buf_free(&fb);
    return NG_ERR_NOMEM;
  }
  const char *fold = fb.data ? fb.data : "";

  /* An exact repeat (the same file loaded twice) adds nothing. */
  if (lex->cap_fold) {
    size_t mask = lex->cap_fold - 1;
    for (size_t i = (size_t)key_hash(cls, fold) & mask; lex->by_fold[i];
         i = (i + 1) & mask) {
      const NgLexEntry *e = &lex->items[lex->by_fold[i] - 1].e;
      if (strcmp(e->fold, fold) == 0 && same_entry(e, cls, form, value, lang)) {
        ng_buf_free(&fb);
        return NG_SUCCESS;
      }
    }
  }

  NgStatus st = NG_ERR_NOMEM;
  if (!ng_grow((void **)&lex->items,
               &lex->cap_items,
               lex->n_items + 1,
               sizeof *lex->items) ||
      !table_reserve(
        lex, &lex->by_fold, &lex->cap_fold, lex->n_items + 1, false) ||
      !table_reserve(
        lex, &lex->by_first, &lex->cap_first, lex->n_items + 1, true))
    goto done;
  LexItem *it = &lex->items[lex->n_items];
  memset(it, 0, sizeof *it);
  it->e.cls = ng_arena_strndup(lex->strings, cls, strlen(cls));
  it->e.form = ng_arena_strndup(lex->strings, form, strlen(form));
  it->e.fold = ng_arena_strndup(lex->strings, fold, strlen(fold));
  it->e.value = ng_arena_strndup(lex->strings, value, strlen(value));
  it->e.lang = ng_arena_strndup(lex->strings, lang, strlen(lang));
  if (!it->e.cls || !it->e.form || !it->e.fold || !it->e.value || !it->e.lang)
    goto done;
  size_t k = class_index(lex, cls);
  if (k == SIZE_MAX) {
    k = lex->n_classes;
    if (!ng_grow((void **)&lex->classes,
                 &lex->cap_classes,
                 k + 1,
                 sizeof *lex->classes))
      goto done;
    lex->classes[k].cls = it->e.cls;
    lex->classes[k].max_chars = 0;
    if (!class_put(lex, k))
      goto done;
    lex->n_classes++;
  }
  size_t chars = ng_utf8_count(form, strlen(form));
  if (chars > lex->classes[k].max_chars)
    lex->classes[k].max_chars = chars;
  size_t idx = lex->n_items++;
  table_put(lex->by_fold, lex->cap_fold, key_hash(cls, fold), (uint32_t)idx);

  if (ng_segment_class_affects_tokens(cls))
    lex->stale = true;
  if (lex->stale) {
    st = batch ? NG_SUCCESS : lex_reindex(lex);
  } else {
    st = lex_tokenize_item(lex, idx);
    const char *w0 = item_first_word(it);
    if (st == NG_SUCCESS && w0)
      table_put(
        lex->by_first, lex->cap_first, key_hash(cls, w0), (uint32_t)idx);
  }
done:
  ng_buf_free(&fb);
  return st;
}

NgStatus
ng_lexicon_add(NgLexicon *lex,
               const char *cls,
               const char *form,
               const char *value,
               const char *lang)
{
  return lex_add(lex, cls, form, value, lang, false);
}

/* ---- loading ---- */

static NgStatus
load_text(NgLexicon *lex,
          const char *path,
          char *text,
          size_t len,
          const char *lang,
          const NgLog *log)
{
  size_t valid = ng_utf8_valid_prefix(text, len);
  if (valid != len) {
    unsigned line = 1;
    for (size_t i = 0; i < valid; i++)
      if (text[i] == '\n')
        line++;
    ng_log(log,
           NG_LOG_ERROR,
           NG_ERR_ENCODING,
           NG_LEX_STAGE,
           path,
           line,
           0,
           "invalid UTF-8");
    return NG_ERR_ENCODING;
  }
  unsigned lineno = 0;
  char *p = text, *end = text + len;
  while (p < end) {
    lineno++;
    char *line = ng_next_line(&p, end);
    if (*line == '\0' || *line == '#') {
      continue;
    }
    char *tab1 = strchr(line, '\t');
    if (!tab1) {
      ng_log(log,
             NG_LOG_ERROR,
             NG_ERR_SYNTAX,
             NG_LEX_STAGE,
             path,
             lineno,
             0,
             "expected CLASS<TAB>FORM[<TAB>VALUE]: no tab on this line");
      return NG_ERR_SYNTAX;
    }
    *tab1 = '\0';
    char *form = tab1 + 1;
    const char *value = "";
    char *tab2 = strchr(form, '\t');
    if (tab2) {
      *tab2 = '\0';
      value = tab2 + 1;
      const char *tab3 = strchr(value, '\t');
      if (tab3) {
        ng_log(log,
               NG_LOG_ERROR,
               NG_ERR_SYNTAX,
               NG_LEX_STAGE,
               path,
               lineno,
               (unsigned)(tab3 - line) + 1,
               "more than three tab-separated fields");
        return NG_ERR_SYNTAX;
      }
    }
    if (!*line || !*form) {
      ng_log(log,
             NG_LOG_ERROR,
             NG_ERR_SYNTAX,
             NG_LEX_STAGE,
             path,
             lineno,
             0,
             "empty %s",
             *line ? "form" : "class");
      return NG_ERR_SYNTAX;
    }
    NgStatus st = lex_add(lex, line, form, value, lang, true);
    if (st != NG_SUCCESS) {
      ng_log(log,
             NG_LOG_ERROR,
             st,
             NG_LEX_STAGE,
             path,
             lineno,
             0,
             "cannot add entry: %s",
             ng_strerror(st));
      return st;
    }
  }
  return NG_SUCCESS;
}

/* Load the file at @p path; with @p reindex, tokenise again the forms a
 * class of the file that the tokenizer consults made stale (a caller
 * loading several files does that once, after the last). */
static NgStatus
load_file(NgLexicon *lex,
          const char *path,
          const char *lang,
          const NgLog *log,
          bool reindex)
{
  char *text = NULL;
  size_t len = 0;
  NgStatus st = ng_read_file(path, &text, &len);
  if (st != NG_SUCCESS) {
    ng_log(log,
           NG_LOG_ERROR,
           st,
           NG_LEX_STAGE,
           path,
           0,
           0,
           "cannot read lexicon: %s",
           ng_strerror(st));
    return st;
  }
  st = load_text(lex, path, text, len, lang, log);
  ng_free(text);
  /* Even after an error, keep what was added matchable. */
  if (reindex && lex->stale) {
    NgStatus rs = lex_reindex(lex);
    if (st == NG_SUCCESS)
      st = rs;
  }
  return st;
}

NgStatus
ng_lexicon_load(NgLexicon *lex,
                const char *path,
                const char *lang,
                const NgLog *log)
{
  if (!lex || !path)
    return NG_ERR_ARG;
  return load_file(lex, path, lang, log, true);
}

static NgStatus
load_language_line(NgLexicon *lex,
                   const char *data_path,
                   const char *list_path,
                   unsigned lineno,
                   char *line,
                   const NgLog *log)
{
  char *tab = strchr(line, '\t');
  if (!tab || tab == line) {
    ng_log(log,
           NG_LOG_ERROR,
           NG_ERR_SYNTAX,
           NG_LEX_STAGE,
           list_path,
           lineno,
           0,
           "expected LANG<TAB>FILE...");
    return NG_ERR_SYNTAX;
  }
  *tab = '\0';
  /* "*": files every language shares, loaded once (their entries have no
   * language, and match in any) */
  const char *lang = strcmp(line, NG_LEX_ALL_LANGS) ? line : "";
  char *p = tab + 1;
  size_t n_files = 0;
  while (*p) {
    while (*p == ' ' || *p == '\t')
      p++;
    if (!*p)
      break;
    char *q = p;
    while (*q && *q != ' ' && *q != '\t')
      q++;
    char saved = *q;
    *q = '\0';
    NgBuf rel;
    ng_buf_init(&rel);
    ng_buf_printf(&rel, "lexicon/%s", p);
    if (rel.failed) {
      ng_buf_free(&rel);
      return NG_ERR_NOMEM;
    }
    char *path = ng_data_find(data_path, rel.data);
    if (!path) {
      ng_log(log,
             NG_LOG_ERROR,
             NG_ERR_DATA,
             NG_LEX_STAGE,
             list_path,
             lineno,
             (unsigned)(p - line) + 1,
             "lexicon file '%s' for language '%s' not found in the data path",
             rel.data,
             lang);
      ng_buf_free(&rel);
      return NG_ERR_DATA;
    }
    ng_buf_free(&rel);
    NgStatus st = load_file(lex, path, lang, log, false);
    ng_free(path);
    if (st != NG_SUCCESS)
      return st;
    n_files++;
    *q = saved;
    p = q;
  }
  if (n_files == 0) {
    ng_log(log,
           NG_LOG_ERROR,
           NG_ERR_SYNTAX,
           NG_LEX_STAGE,
           list_path,
           lineno,
           0,
           "no lexicon file listed for language '%s'",
           lang);
    return NG_ERR_SYNTAX;
  }
  return NG_SUCCESS;
}

NgLexicon *
ng_lexicon_load_default(const char *data_path, const NgLog *log, NgStatus *st)
{
  NgStatus dummy;
  if (!st)
    st = &dummy;
  static const char list_name[] = "lexicon/languages.tsv";
  char *list_path = ng_data_find(data_path, list_name);
  if (!list_path) {
    ng_log(log,
           NG_LOG_ERROR,
           NG_ERR_DATA,
           NG_LEX_STAGE,
           list_name,
           0,
           0,
           "'%s' not found in the data path",
           list_name);
    *st = NG_ERR_DATA;
    return NULL;
  }
  char *text = NULL;
  size_t len = 0;
  NgLexicon *lex = NULL;
  *st = ng_read_file(list_path, &text, &len);
  if (*st != NG_SUCCESS) {
    ng_log(log,
           NG_LOG_ERROR,
           *st,
           NG_LEX_STAGE,
           list_path,
           0,
           0,
           "cannot read: %s",
           ng_strerror(*st));
    goto fail;
  }
  if (ng_utf8_valid_prefix(text, len) != len) {
    ng_log(log,
           NG_LOG_ERROR,
           NG_ERR_ENCODING,
           NG_LEX_STAGE,
           list_path,
           0,
           0,
           "invalid UTF-8");
    *st = NG_ERR_ENCODING;
    goto fail;
  }
  lex = ng_lexicon_new();
  if (!lex) {
    *st = NG_ERR_NOMEM;
    goto fail;
  }
  unsigned lineno = 0;
  char *p = text, *end = text + len;
  while (p < end) {
    lineno++;
    char *line = ng_next_line(&p, end);
    if (*line && *line != '#') {
      *st = load_language_line(lex, data_path, list_path, lineno, line, log);
      if (*st != NG_SUCCESS)
        goto fail;
    }
  }
  /* every file in, each form is tokenised once */
  if (lex->stale && (*st = lex_reindex(lex)) != NG_SUCCESS)
    goto fail;
  ng_free(text);
  ng_free(list_path);
  *st = NG_SUCCESS;
  return lex;
fail:
  ng_lexicon_free(lex);
  ng_free(text);
  ng_free(list_path);
  return NULL;
}

/* ---- lookups ---- */

const NgLexEntry *
ng_lexicon_get(const NgLexicon *lex,
               const char *cls,
               const char *fold,
               const char *lang)
{
  if (!lex || !cls || !fold || !lex->cap_fold)
    return NULL;
  size_t mask = lex->cap_fold - 1;
  for (size_t i = (size_t)key_hash(cls, fold) & mask; lex->by_fold[i];
       i = (i + 1) & mask) {
    const NgLexEntry *e = &lex->items[lex->by_fold[i] - 1].e;
    /* an entry of no language (a file every language shares) is every
     * language's, as in ng_lexicon_match_lang */
    if (strcmp(e->fold, fold) == 0 && strcmp(e->cls, cls) == 0 &&
        (!lang || !*e->lang || strcmp(e->lang, lang) == 0))
      return e;
  }
  return NULL;
}

bool
ng_lexicon_has(const NgLexicon *lex, const char *cls, const char *fold)
{
  return ng_lexicon_get(lex, cls, fold, NULL) != NULL;
}

const NgLexEntry *
ng_lexicon_next(const NgLexicon *lex, const char *cls, size_t *i)
{
  if (!lex || !i)
    return NULL;
  while (*i < lex->n_items) {
    const LexItem *it = &lex->items[(*i)++];
    if (!cls || strcmp(it->e.cls, cls) == 0)
      return &it->e;
  }
  return NULL;
}

size_t
ng_lexicon_match(const NgLexicon *lex,
                 const char *cls,
                 const char *const *words,
                 size_t n,
                 const NgLexEntry **out)
{
  return ng_lexicon_match_lang(lex, cls, NULL, words, n, out);
}

size_t
ng_lexicon_match_lang(const NgLexicon *lex,
                      const char *cls,
                      const char *lang,
                      const char *const *words,
                      size_t n,
                      const NgLexEntry **out)
{
  if (out)
    *out = NULL;
  if (!lex || !cls || !words || n == 0 || !words[0] || !lex->cap_first ||
      lex->stale)
    return 0;
  size_t best = 0;
  const NgLexEntry *best_e = NULL;
  size_t mask = lex->cap_first - 1;
  for (size_t i = (size_t)key_hash(cls, words[0]) & mask; lex->by_first[i];
       i = (i + 1) & mask) {
    const LexItem *it = &lex->items[lex->by_first[i] - 1];
    if (it->n_words <= best || it->n_words > n)
      continue;
    if (strcmp(it->e.cls, cls) != 0)
      continue;
    if (lang && it->e.lang && *it->e.lang && strcmp(it->e.lang, lang) != 0)
      continue;
    size_t k = 0;
    while (k < it->n_words && words[k] && strcmp(it->words[k], words[k]) == 0)
      k++;
    if (k == it->n_words) {
      best = k;
      best_e = &it->e;
    }
  }
  if (out)
    *out = best_e;
  return best;
}

size_t
ng_lexicon_max_chars(const NgLexicon *lex, const char *cls)
{
  if (!lex || !cls)
    return 0;
  size_t k = class_index(lex, cls);
  return k == SIZE_MAX ? 0 : lex->classes[k].max_chars;
}
