/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * rules: the parser of ontology/rules/<lang>.rules files, their compiler to
 * PCRE2, and the matcher over encoded sentences. The grammar is specified
 * in rules.h and documented for rule authors in ontology/rules/README.md.
 */
#include "rules.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <libstemmer.h>
#include <pcre2.h>

#include <string.h>

/* Repetition bounds above this are refused: a sentence has a few dozen
 * units, and large counted repeats make PCRE2 programs big. */
#define NG_RULES_MAX_REPEAT 100u
/* The default PCRE2 match limit; see ng_ruleset_set_match_limit(). */
#define NG_RULES_DEFAULT_MATCH_LIMIT 1000000u
/* PCRE2 refuses longer group names. */
#define NG_RULES_MAX_SLOT_NAME 32u
/* Longer words are not stemmed (no word of a language is this long). */
#define NG_RULES_MAX_STEM_INPUT 256u

typedef struct {
  NgRuleInfo info;
  char *id;
  char *type;
  char **keys;
  char **values;
  size_t cap_keys, cap_values;
  char *regex;
  pcre2_code *code;
  /* `unless`: a match that contains this is dropped (or NULL) */
  char *unless_regex;
  pcre2_code *unless;
  char **slot_names; /* by capture group number - 1 */
  uint32_t n_groups;
} NgRule;

struct NgRuleSet {
  NgRule **rules;
  size_t n_rules, cap_rules;
  char **files; /* names of loaded files; NgRuleInfo.file points here */
  size_t n_files, cap_files;
  pcre2_general_context *gctx;
  pcre2_compile_context *cctx;
  pcre2_match_context *mctx;
  /* Shared by every ng_ruleset_run() call: a rule set is therefore used
   * by one thread at a time. */
  pcre2_match_data *md;
  uint32_t md_groups;
  NgLog log;
  bool has_log;
  /* The rule files' language (@language) and its Snowball stemmer; like
   * the match data, used by one thread at a time. */
  char *language;
  struct sb_stemmer *stemmer;
};

/* ------------------------------------------------------------------ */
/* PCRE2 allocations go through the injectable allocator too.          */

static void *ng_pcre2_malloc(size_t n, void *data) {
  NG_UNUSED(data);
  return ng_malloc(n);
}

static void ng_pcre2_free(void *p, void *data) {
  NG_UNUSED(data);
  ng_free(p);
}

NgRuleSet *ng_ruleset_new(void) {
  NgRuleSet *rs = ng_calloc(1, sizeof *rs);
  if (!rs)
    return NULL;
  rs->gctx = pcre2_general_context_create(ng_pcre2_malloc, ng_pcre2_free,
                                          NULL);
  if (rs->gctx) {
    rs->cctx = pcre2_compile_context_create(rs->gctx);
    rs->mctx = pcre2_match_context_create(rs->gctx);
  }
  if (!rs->gctx || !rs->cctx || !rs->mctx) {
    ng_ruleset_free(rs);
    return NULL;
  }
  pcre2_set_match_limit(rs->mctx, NG_RULES_DEFAULT_MATCH_LIMIT);
  return rs;
}

static void rule_free(NgRule *r) {
  if (!r)
    return;
  ng_free(r->id);
  ng_free(r->type);
  for (size_t i = 0; i < r->info.n_set; i++) {
    ng_free(r->keys[i]);
    ng_free(r->values[i]);
  }
  ng_free(r->keys);
  ng_free(r->values);
  ng_free(r->regex);
  pcre2_code_free(r->code);
  ng_free(r->unless_regex);
  pcre2_code_free(r->unless);
  for (uint32_t i = 0; i < r->n_groups; i++)
    ng_free(r->slot_names[i]);
  ng_free(r->slot_names);
  ng_free(r);
}

void ng_ruleset_free(NgRuleSet *rs) {
  if (!rs)
    return;
  for (size_t i = 0; i < rs->n_rules; i++)
    rule_free(rs->rules[i]);
  ng_free(rs->rules);
  for (size_t i = 0; i < rs->n_files; i++)
    ng_free(rs->files[i]);
  ng_free(rs->files);
  pcre2_match_data_free(rs->md);
  if (rs->stemmer)
    sb_stemmer_delete(rs->stemmer);
  ng_free(rs->language);
  pcre2_match_context_free(rs->mctx);
  pcre2_compile_context_free(rs->cctx);
  pcre2_general_context_free(rs->gctx);
  ng_free(rs);
}

void ng_ruleset_set_match_limit(NgRuleSet *rs, uint32_t limit) {
  pcre2_set_match_limit(rs->mctx,
                        limit ? limit : NG_RULES_DEFAULT_MATCH_LIMIT);
}

void ng_ruleset_set_log(NgRuleSet *rs, const NgLog *log) {
  if (log) {
    rs->log = *log;
    rs->has_log = true;
  } else {
    rs->has_log = false;
  }
}

size_t ng_ruleset_size(const NgRuleSet *rs) { return rs->n_rules; }

const NgRuleInfo *ng_ruleset_info(const NgRuleSet *rs, size_t i) {
  return i < rs->n_rules ? &rs->rules[i]->info : NULL;
}

const char *ng_ruleset_regex(const NgRuleSet *rs, size_t i) {
  return i < rs->n_rules ? rs->rules[i]->regex : NULL;
}

const char *ng_ruleset_unless_regex(const NgRuleSet *rs, size_t i) {
  return i < rs->n_rules ? rs->rules[i]->unless_regex : NULL;
}

const char *ng_ruleset_language(const NgRuleSet *rs) {
  return rs->language;
}

NgStatus ng_ruleset_stem(const NgRuleSet *rs, const char *word, size_t len,
                         NgBuf *out) {
  if (!rs->stemmer || len == 0 || len > NG_RULES_MAX_STEM_INPUT)
    return NG_FAILURE;
  /* Snowball works on lower-case text with its diacritics ("rencontrée",
   * "réunis"); the stem is folded afterwards like every unit. */
  char low[NG_RULES_MAX_STEM_INPUT * 4 + 4];
  size_t n = 0, i = 0, cl;
  while (i < len) {
    uint32_t cp = ng_utf8_decode(word + i, len - i, &cl);
    if (ng_cp_is_apostrophe(cp))
      cp = '\'';
    n += ng_utf8_encode(ng_cp_lower(cp), low + n);
    i += cl;
  }
  const sb_symbol *st =
      sb_stemmer_stem(rs->stemmer, (const sb_symbol *)low, (int)n);
  if (!st)
    return NG_ERR_NOMEM;
  int sl = sb_stemmer_length(rs->stemmer);
  size_t before = out->len;
  ng_fold((const char *)st, sl > 0 ? (size_t)sl : 0, out);
  if (out->failed)
    return NG_ERR_NOMEM;
  return out->len > before ? NG_SUCCESS : NG_FAILURE;
}

/* ------------------------------------------------------------------ */
/* Pattern tokens                                                      */

typedef enum {
  TOK_WORD,   /* bare word; .prefix when written word* */
  TOK_STEM,   /* ~word: any word with the same stem (text without '~') */
  TOK_SUFFIX, /* *word: any word ending with it (text without '*') */
  TOK_QUOTED, /* "phrase or punctuation" (text without the quotes) */
  TOK_CLASS,  /* @NAME */
  TOK_TYPE,   /* <TYPE> */
  TOK_GAP,    /* _ */
  TOK_SLOT,   /* name: */
  TOK_LPAREN,
  TOK_RPAREN,
  TOK_BAR,
  TOK_REP     /* ? * + {m,n} */
} TokKind;

typedef struct {
  TokKind kind;
  const char *text; /* into the file text */
  size_t len;
  unsigned line, col;
  bool space_before; /* whitespace (or a line start) precedes it */
  bool prefix;
  unsigned rmin, rmax; /* TOK_REP; rmax is REP_INF when unbounded */
} Tok;

#define REP_INF 0xffffffffu

/* A word class: its name and its compiled alternation. */
typedef struct {
  char *name;
  char *regex;
} WordClass;

/* Where each part of a regex came from, to map PCRE2 error offsets. */
typedef struct {
  size_t off;
  unsigned line, col;
} OffMap;

typedef enum { ST_NONE, ST_WORDS, ST_RULE } ParseState;

typedef struct {
  NgRuleSet *rs;
  const NgLog *log;
  const char *file;
  const char *line_start; /* of the line being lexed, for columns */
  unsigned line;
  bool failed;       /* some error was reported in this load */
  bool rule_failed;  /* the current rule or class had an error */
  bool nomem;
  bool set_language; /* this load declared the rule set's @language */
  ParseState state;
  bool in_pattern;   /* the last keyword line was `pattern` */
  /* the current rule */
  NgRule *rule;
  bool has_kind, has_conf, has_type, has_pattern;
  unsigned rule_line, rule_col, pat_line, pat_col;
  unsigned pat_indent; /* indentation of the `pattern` line */
  Tok *toks;
  size_t n_toks, cap_toks;
  size_t pos; /* parser cursor in toks */
  /* the current rule's `unless` elements, and the file's @unless default
   * for event and participation rules; lex_into says where lexed
   * elements go */
  Tok *utoks;
  size_t n_utoks, cap_utoks;
  bool has_unless;
  Tok *dtoks;
  size_t n_dtoks, cap_dtoks;
  enum { LEX_PATTERN, LEX_UNLESS, LEX_DEFAULT } lex_into;
  /* the current @words block */
  char *class_name;
  unsigned class_line, class_col;
  /* file-scoped data */
  WordClass *classes;
  size_t n_classes, cap_classes;
  char **elisions; /* folded, apostrophe included: "l'" */
  size_t n_elisions, cap_elisions;
  char **clitics; /* folded, apostrophe included: "'s" */
  size_t n_clitics, cap_clitics;
  /* code generation */
  NgBuf re;
  OffMap *map;
  size_t n_map, cap_map;
  uint32_t n_groups;
  char **slot_names;
  size_t cap_slots;
} Parser;

static unsigned col_of(const Parser *p, const char *s) {
  return (unsigned)ng_utf8_count(p->line_start,
                                 (size_t)(s - p->line_start)) + 1;
}

static void perr(Parser *p, unsigned line, unsigned col, const char *fmt,
                 ...) NG_PRINTF(4, 5);

static void perr(Parser *p, unsigned line, unsigned col, const char *fmt,
                 ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  ng_log(p->log, NG_LOG_ERROR, NG_ERR_SYNTAX, "rules", p->file, line, col,
         "%s", msg);
  p->failed = true;
  p->rule_failed = true;
}

static void pnomem(Parser *p) {
  if (!p->nomem)
    ng_log(p->log, NG_LOG_ERROR, NG_ERR_NOMEM, "rules", p->file, p->line, 0,
           "out of memory");
  p->nomem = true;
  p->failed = true;
  p->rule_failed = true;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static bool is_ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_ident_char(char c) {
  return is_ident_start(c) || (c >= '0' && c <= '9');
}

static bool is_ident(const char *s, size_t n) {
  if (n == 0 || !is_ident_start(s[0]))
    return false;
  for (size_t i = 1; i < n; i++)
    if (!is_ident_char(s[i]))
      return false;
  return true;
}

/* A bare word's characters: ASCII letters, digits and ' - . & _, and every
 * non-ASCII code point that is not a space (letters with diacritics,
 * typographic apostrophes and dashes). */
static size_t word_char_len(const char *s, const char *end) {
  unsigned char c = (unsigned char)*s;
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9') || c == '\'' || c == '-' || c == '.' ||
        c == '&' || c == '_')
      return 1;
    return 0;
  }
  size_t len;
  uint32_t cp = ng_utf8_decode(s, (size_t)(end - s), &len);
  return ng_cp_is_space(cp) ? 0 : len;
}

static bool push_tok(Parser *p, const Tok *t) {
  Tok **toks = &p->toks;
  size_t *n = &p->n_toks, *cap = &p->cap_toks;
  if (p->lex_into == LEX_UNLESS) {
    toks = &p->utoks;
    n = &p->n_utoks;
    cap = &p->cap_utoks;
  } else if (p->lex_into == LEX_DEFAULT) {
    toks = &p->dtoks;
    n = &p->n_dtoks;
    cap = &p->cap_dtoks;
  }
  if (!ng_grow((void **)toks, cap, *n + 1, sizeof *t)) {
    pnomem(p);
    return false;
  }
  (*toks)[(*n)++] = *t;
  return true;
}

/* Parse "{m}", "{m,}", "{m,n}" at s; returns the end or NULL. */
static const char *lex_braces(const char *s, const char *end, unsigned *mn,
                              unsigned *mx) {
  unsigned long a = 0, b = 0;
  const char *q = s + 1;
  if (q >= end || *q < '0' || *q > '9')
    return NULL;
  while (q < end && *q >= '0' && *q <= '9') {
    a = a * 10 + (unsigned long)(*q++ - '0');
    if (a > 100000)
      a = 100000;
  }
  if (q < end && *q == '}') {
    *mn = *mx = (unsigned)a;
    return q + 1;
  }
  if (q >= end || *q != ',')
    return NULL;
  q++;
  if (q < end && *q == '}') {
    *mn = (unsigned)a;
    *mx = REP_INF;
    return q + 1;
  }
  if (q >= end || *q < '0' || *q > '9')
    return NULL;
  while (q < end && *q >= '0' && *q <= '9') {
    b = b * 10 + (unsigned long)(*q++ - '0');
    if (b > 100000)
      b = 100000;
  }
  if (q >= end || *q != '}')
    return NULL;
  *mn = (unsigned)a;
  *mx = (unsigned)b;
  return q + 1;
}

/* Lex [s, end) (one line, comment included) into pattern tokens. */
static bool lex_pattern(Parser *p, const char *s, const char *end) {
  bool space = true;
  while (s < end) {
    Tok t;
    memset(&t, 0, sizeof t);
    t.line = p->line;
    t.col = col_of(p, s);
    char c = *s;
    if (is_space(c)) {
      space = true;
      s++;
      continue;
    }
    if (c == '#')
      break;
    t.space_before = space;
    space = false;
    t.text = s;
    if (c == '"') {
      const char *q = memchr(s + 1, '"', (size_t)(end - s - 1));
      if (!q) {
        perr(p, t.line, t.col, "unterminated quoted string");
        return false;
      }
      t.kind = TOK_QUOTED;
      t.text = s + 1;
      t.len = (size_t)(q - s - 1);
      s = q + 1;
    } else if (c == '(' || c == ')' || c == '|') {
      t.kind = c == '(' ? TOK_LPAREN : c == ')' ? TOK_RPAREN : TOK_BAR;
      t.len = 1;
      s++;
    } else if (c == '*' && s + 1 < end && word_char_len(s + 1, end) > 0 &&
               (t.space_before || s[-1] == '(' || s[-1] == '|')) {
      /* "*word" (a suffix) where an element may start; "E*" stays a
       * repetition. */
      const char *q = s + 1;
      size_t n;
      while (q < end && (n = word_char_len(q, end)) > 0)
        q += n;
      t.kind = TOK_SUFFIX;
      t.text = s + 1;
      t.len = (size_t)(q - s - 1);
      s = q;
    } else if (c == '?' || c == '*' || c == '+') {
      t.kind = TOK_REP;
      t.len = 1;
      t.rmin = c == '+' ? 1 : 0;
      t.rmax = c == '?' ? 1 : REP_INF;
      s++;
    } else if (c == '{') {
      const char *q = lex_braces(s, end, &t.rmin, &t.rmax);
      if (!q) {
        perr(p, t.line, t.col,
             "bad repetition: expected {m}, {m,} or {m,n}");
        return false;
      }
      t.kind = TOK_REP;
      t.len = (size_t)(q - s);
      s = q;
    } else if (c == '~') {
      const char *q = s + 1;
      size_t n;
      while (q < end && (n = word_char_len(q, end)) > 0)
        q += n;
      if (q == s + 1) {
        perr(p, t.line, t.col, "expected a word after '~'");
        return false;
      }
      t.kind = TOK_STEM;
      t.text = s + 1;
      t.len = (size_t)(q - s - 1);
      s = q;
    } else if (c == '@') {
      const char *q = s + 1;
      while (q < end && (is_ident_char(*q) || *q == '-'))
        q++;
      if (q == s + 1) {
        perr(p, t.line, t.col, "expected a word class name after '@'");
        return false;
      }
      t.kind = TOK_CLASS;
      t.text = s + 1;
      t.len = (size_t)(q - s - 1);
      s = q;
    } else if (c == '<') {
      const char *q = s + 1;
      while (q < end && *q != '>' && !is_space(*q))
        q++;
      if (q >= end || *q != '>') {
        perr(p, t.line, t.col, "unterminated mention type: missing '>'");
        return false;
      }
      t.kind = TOK_TYPE;
      t.text = s + 1;
      t.len = (size_t)(q - s - 1);
      s = q + 1;
    } else {
      size_t n, total = 0;
      while (s + total < end && (n = word_char_len(s + total, end)) > 0)
        total += n;
      if (total == 0) {
        size_t cl = 1;
        if ((unsigned char)c >= 0x80)
          (void)ng_utf8_decode(s, (size_t)(end - s), &cl);
        perr(p, t.line, t.col,
             "unexpected character '%.*s' (write punctuation in quotes: "
             "\",\")",
             (int)cl, s);
        return false;
      }
      t.len = total;
      s += total;
      if (total == 1 && c == '_') {
        t.kind = TOK_GAP;
      } else if (s < end && *s == ':') {
        if (!is_ident(t.text, t.len) || t.len > NG_RULES_MAX_SLOT_NAME) {
          perr(p, t.line, t.col,
               "bad slot name '%.*s' (letters, digits and _, at most %u)",
               (int)t.len, t.text, NG_RULES_MAX_SLOT_NAME);
          return false;
        }
        t.kind = TOK_SLOT;
        s++;
      } else {
        t.kind = TOK_WORD;
        if (s < end && *s == '*') {
          t.prefix = true;
          s++;
        }
      }
    }
    if (!push_tok(p, &t))
      return false;
  }
  return true;
}

/* ------------------------------------------------------------------ */
/* Code generation                                                     */

static void map_here(Parser *p, const Tok *t) {
  if (!ng_grow((void **)&p->map, &p->cap_map, p->n_map + 1, sizeof *p->map)) {
    pnomem(p);
    return;
  }
  p->map[p->n_map].off = p->re.len;
  p->map[p->n_map].line = t->line;
  p->map[p->n_map].col = t->col;
  p->n_map++;
}

static void emit_escaped(NgBuf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] != '\0' && strchr("\\^$.|?*+()[]{}", s[i]))
      ng_buf_putc(b, '\\');
    ng_buf_putc(b, s[i]);
  }
}

static bool in_list(char *const *list, size_t n, const char *s, size_t len) {
  for (size_t i = 0; i < n; i++)
    if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
      return true;
  return false;
}

/* Elided forms and clitics are language data: the rule file declares them
 * (@elisions, @clitics) as the lexicon does for the segmenter. */
static bool is_elision(const Parser *p, const char *s, size_t n) {
  return in_list(p->elisions, p->n_elisions, s, n);
}

/* Where a declared clitic starts at the end of [s, s+n) ("'s" of
 * "nation's"), or n. */
static size_t clitic_start(const Parser *p, const char *s, size_t n) {
  for (size_t i = 0; i < p->n_clitics; i++) {
    size_t cl = strlen(p->clitics[i]);
    if (cl < n && memcmp(s + n - cl, p->clitics[i], cl) == 0)
      return n - cl;
  }
  return n;
}

static bool has_alnum(const char *s, size_t n) {
  size_t i = 0, cl;
  while (i < n) {
    uint32_t cp = ng_utf8_decode(s + i, n - i, &cl);
    if (ng_cp_is_letter(cp) || ng_cp_is_digit(cp))
      return true;
    i += cl;
  }
  return false;
}

/* Emit one folded unit (no spaces): a word, or punctuation marks. */
static void emit_unit(Parser *p, const char *s, size_t n, bool prefix,
                      unsigned *units) {
  if (has_alnum(s, n)) {
    ng_buf_puts(&p->re, "w=");
    emit_escaped(&p->re, s, n);
    /* With a language, word units carry "~stem" after the word. */
    if (prefix)
      ng_buf_puts(&p->re, "[^ ]* ");
    else
      ng_buf_puts(&p->re, p->rs->stemmer ? "(?:~[^ ]*)? " : " ");
    (*units)++;
    return;
  }
  /* The segmenter makes each mark a token of its own. */
  size_t i = 0, cl;
  while (i < n) {
    (void)ng_utf8_decode(s + i, n - i, &cl);
    ng_buf_puts(&p->re, "p=");
    emit_escaped(&p->re, s + i, cl);
    ng_buf_putc(&p->re, ' ');
    (*units)++;
    i += cl;
  }
}

/* Emit "any word whose stem is the stem of [w, w+n)". */
static bool emit_stem(Parser *p, const Tok *t, const char *w, size_t n,
                      unsigned *units) {
  if (!p->rs->stemmer) {
    perr(p, t->line, t->col,
         "'~%.*s': stems need an @language directive at the top of the file",
         (int)n, w);
    return false;
  }
  NgBuf f;
  ng_buf_init(&f);
  NgStatus st = ng_ruleset_stem(p->rs, w, n, &f);
  if (st == NG_ERR_NOMEM) {
    pnomem(p);
  } else if (st != NG_SUCCESS || !has_alnum(f.data, f.len)) {
    perr(p, t->line, t->col, "'~%.*s' has no stem", (int)n, w);
  } else {
    ng_buf_puts(&p->re, "w=[^ ~]*~");
    emit_escaped(&p->re, f.data, f.len);
    ng_buf_putc(&p->re, ' ');
    (*units)++;
  }
  ng_buf_free(&f);
  return st == NG_SUCCESS;
}

/* Emit the units of a bare word or a quoted phrase: whitespace-separated,
 * folded, elided forms split off. A trailing '*' on a phrase word makes
 * it a prefix, a leading '~' a stem (as does @p stem for a ~word token).
 * Returns the number of units. */
static unsigned emit_text(Parser *p, const Tok *t, bool prefix) {
  unsigned units = 0;
  const char *s = t->text, *end = t->text + t->len;
  NgBuf f;
  ng_buf_init(&f);
  while (s < end) {
    while (s < end && is_space(*s))
      s++;
    const char *w = s;
    while (s < end && !is_space(*s))
      s++;
    if (s == w)
      break;
    bool pre = (s == end && prefix);
    size_t wn = (size_t)(s - w);
    if (t->kind == TOK_SUFFIX ||
        (t->kind == TOK_QUOTED && wn > 1 && *w == '*')) {
      if (*w == '*') {
        w++;
        wn--;
      }
      ng_buf_clear(&f);
      ng_fold(w, wn, &f);
      if (f.failed) {
        pnomem(p);
        break;
      }
      ng_buf_puts(&p->re, "w=[^ ~]*");
      emit_escaped(&p->re, f.data, f.len);
      ng_buf_puts(&p->re, p->rs->stemmer ? "(?:~[^ ]*)? " : " ");
      units++;
      continue;
    }
    if (t->kind == TOK_STEM || (t->kind == TOK_QUOTED && wn > 1 && *w == '~')) {
      if (*w == '~') {
        w++;
        wn--;
      }
      if (!emit_stem(p, t, w, wn, &units))
        break;
      continue;
    }
    if (t->kind == TOK_QUOTED && wn > 1 && w[wn - 1] == '*' &&
        has_alnum(w, wn - 1)) {
      pre = true;
      wn--;
    }
    ng_buf_clear(&f);
    ng_fold(w, wn, &f);
    if (f.failed) {
      pnomem(p);
      break;
    }
    const char *u = f.data, *uend = f.data + f.len;
    for (;;) {
      const char *apo = memchr(u, '\'', (size_t)(uend - u));
      if (apo && apo + 1 < uend && is_elision(p, u, (size_t)(apo + 1 - u))) {
        emit_unit(p, u, (size_t)(apo + 1 - u), false, &units);
        u = apo + 1;
        continue;
      }
      if (u < uend) {
        size_t n = (size_t)(uend - u), c = clitic_start(p, u, n);
        if (c < n) {
          emit_unit(p, u, c, false, &units);
          emit_unit(p, u + c, n - c, pre, &units);
        } else {
          emit_unit(p, u, n, pre, &units);
        }
      }
      break;
    }
  }
  ng_buf_free(&f);
  return units;
}

static const WordClass *find_class(const Parser *p, const char *s, size_t n) {
  for (size_t i = 0; i < p->n_classes; i++)
    if (strlen(p->classes[i].name) == n &&
        memcmp(p->classes[i].name, s, n) == 0)
      return &p->classes[i];
  return NULL;
}

/* Mention types: the name in the pattern, the class path, and whether
 * its subclasses match too (only ORG and LOC have subclasses, see rules.h).
 */
static const struct {
  const char *name;
  const char *path;
  bool sub;
} k_types[] = {
    {"PER", "PER", false},         {"ORG", "ORG", true},
    {"GOV", "ORG\\.GOV", false},   {"INTL", "ORG\\.INTL", false},
    {"NEWS", "ORG\\.NEWS", false}, {"LOC", "LOC", true},
    {"COUNTRY", "LOC\\.COUNTRY", false},
    {"CITY", "LOC\\.CITY", false}, {"REGION", "LOC\\.REGION", false},
    {"CONTINENT", "LOC\\.CONTINENT", false},
    {"DATE", "DATE", false},       {"DEMONYM", "DEMONYM", false},
    {"TOPIC", "TOPIC", false},     {"EVENT", "EVENT", false},
};

static bool emit_type(Parser *p, const Tok *t) {
  if (t->len == 3 && memcmp(t->text, "ANY", 3) == 0) {
    ng_buf_puts(&p->re, "e=[A-Z.]+=[^ ]* ");
    return true;
  }
  for (size_t i = 0; i < NG_COUNTOF(k_types); i++) {
    if (strlen(k_types[i].name) == t->len &&
        memcmp(k_types[i].name, t->text, t->len) == 0) {
      ng_buf_puts(&p->re, "e=");
      ng_buf_puts(&p->re, k_types[i].path);
      ng_buf_puts(&p->re, k_types[i].sub ? "(?:\\.[A-Z]+)?=[^ ]* " : "=[^ ]* ");
      return true;
    }
  }
  perr(p, t->line, t->col, "unknown mention type <%.*s>", (int)t->len,
       t->text);
  return false;
}

static bool parse_alt(Parser *p, unsigned depth);

static Tok *peek(Parser *p) {
  return p->pos < p->n_toks ? &p->toks[p->pos] : NULL;
}

static bool starts_item(const Tok *t) {
  return t && t->kind != TOK_RPAREN && t->kind != TOK_BAR &&
         t->kind != TOK_REP;
}

/* primary := WORD | QUOTED | @NAME | <TYPE> | _ | ( alt )
 * Emits it and sets *gap when it is the any-unit gap. */
static bool parse_primary(Parser *p, unsigned depth, bool *gap,
                          bool *grouped) {
  Tok *t = &p->toks[p->pos++];
  *gap = false;
  *grouped = false;
  map_here(p, t);
  switch (t->kind) {
  case TOK_WORD:
    emit_text(p, t, t->prefix);
    return true;
  case TOK_STEM:
  case TOK_SUFFIX:
    return emit_text(p, t, false) > 0 && !p->rule_failed;
  case TOK_QUOTED:
    if (emit_text(p, t, false) == 0 || p->rule_failed) {
      if (p->rule_failed)
        return false;
      perr(p, t->line, t->col, "empty quoted string");
      return false;
    }
    return true;
  case TOK_CLASS: {
    const WordClass *wc = find_class(p, t->text, t->len);
    if (!wc) {
      perr(p, t->line, t->col,
           "undefined word class @%.*s (define it with @words before use)",
           (int)t->len, t->text);
      return false;
    }
    ng_buf_puts(&p->re, wc->regex);
    *grouped = true;
    return true;
  }
  case TOK_TYPE:
    return emit_type(p, t);
  case TOK_GAP:
    ng_buf_puts(&p->re, "[^ ]+ ");
    *gap = true;
    return true;
  case TOK_LPAREN: {
    if (depth > 64) {
      perr(p, t->line, t->col, "groups nested too deeply");
      return false;
    }
    const Tok *n = peek(p);
    if (!n) {
      perr(p, t->line, t->col, "unbalanced parentheses: '(' is not closed");
      return false;
    }
    if (n->kind == TOK_RPAREN) {
      perr(p, t->line, t->col, "empty group");
      return false;
    }
    ng_buf_puts(&p->re, "(?:");
    if (!parse_alt(p, depth + 1))
      return false;
    n = peek(p);
    if (!n || n->kind != TOK_RPAREN) {
      perr(p, t->line, t->col, "unbalanced parentheses: '(' is not closed");
      return false;
    }
    p->pos++;
    ng_buf_putc(&p->re, ')');
    *grouped = true;
    return true;
  }
  case TOK_SLOT:
  case TOK_RPAREN:
  case TOK_BAR:
  case TOK_REP:
    break;
  }
  perr(p, t->line, t->col, "expected a pattern element");
  return false;
}

static bool add_slot_name(Parser *p, const Tok *t) {
  if (!ng_grow((void **)&p->slot_names, &p->cap_slots, p->n_groups + 1,
               sizeof *p->slot_names)) {
    pnomem(p);
    return false;
  }
  char *name = ng_strndup(t->text, t->len);
  if (!name) {
    pnomem(p);
    return false;
  }
  p->slot_names[p->n_groups++] = name;
  return true;
}

/* item := slot: item | primary [REP] */
static bool parse_item(Parser *p, unsigned depth) {
  Tok *t = &p->toks[p->pos];
  if (t->kind == TOK_SLOT) {
    p->pos++;
    const Tok *n = peek(p);
    if (!starts_item(n) || n->kind == TOK_SLOT) {
      perr(p, t->line, t->col, "slot '%.*s:' must be followed by an element",
           (int)t->len, t->text);
      return false;
    }
    if (!add_slot_name(p, t))
      return false;
    map_here(p, t);
    ng_buf_printf(&p->re, "(?<%.*s>", (int)t->len, t->text);
    if (!parse_item(p, depth))
      return false;
    ng_buf_putc(&p->re, ')');
    return true;
  }
  size_t start = p->re.len;
  bool gap, grouped;
  if (!parse_primary(p, depth, &gap, &grouped))
    return false;
  Tok *r = peek(p);
  if (!r || r->kind != TOK_REP)
    return true;
  p->pos++;
  if (r->space_before) {
    perr(p, r->line, r->col,
         "bad repetition: the operator must follow its element directly");
    return false;
  }
  const Tok *r2 = peek(p);
  if (r2 && r2->kind == TOK_REP && !r2->space_before) {
    perr(p, r2->line, r2->col, "bad repetition: two operators in a row");
    return false;
  }
  if (r->rmax != REP_INF && r->rmin > r->rmax) {
    perr(p, r->line, r->col, "bad repetition: minimum above maximum");
    return false;
  }
  if (r->rmin > NG_RULES_MAX_REPEAT ||
      (r->rmax != REP_INF && r->rmax > NG_RULES_MAX_REPEAT)) {
    perr(p, r->line, r->col, "bad repetition: bounds above %u",
         NG_RULES_MAX_REPEAT);
    return false;
  }
  if (r->rmax == 0) {
    perr(p, r->line, r->col, "bad repetition: maximum of 0");
    return false;
  }
  /* Wrap the element so the operator applies to all of it. */
  if (!grouped) {
    NgBuf tmp;
    ng_buf_init(&tmp);
    ng_buf_puts(&tmp, "(?:");
    ng_buf_append(&tmp, p->re.data + start, p->re.len - start);
    ng_buf_putc(&tmp, ')');
    p->re.len = start;
    ng_buf_append(&p->re, tmp.data, tmp.len);
    if (tmp.failed)
      pnomem(p);
    ng_buf_free(&tmp);
    /* The map entries inside moved by the 3 bytes of "(?:". */
    for (size_t i = 0; i < p->n_map; i++)
      if (p->map[i].off > start)
        p->map[i].off += 3;
  }
  if (r->rmin == 0 && r->rmax == 1)
    ng_buf_putc(&p->re, '?');
  else if (r->rmin == 0 && r->rmax == REP_INF)
    ng_buf_putc(&p->re, '*');
  else if (r->rmin == 1 && r->rmax == REP_INF)
    ng_buf_putc(&p->re, '+');
  else if (r->rmax == REP_INF)
    ng_buf_printf(&p->re, "{%u,}", r->rmin);
  else if (r->rmin == r->rmax)
    ng_buf_printf(&p->re, "{%u}", r->rmin);
  else
    ng_buf_printf(&p->re, "{%u,%u}", r->rmin, r->rmax);
  /* Gaps are lazy: "_{0,6}" takes as few units as the rest allows. */
  if (gap && r->rmin != r->rmax)
    ng_buf_putc(&p->re, '?');
  return true;
}

/* alt := seq ( '|' seq )* ; seq := item+ */
static bool parse_alt(Parser *p, unsigned depth) {
  for (;;) {
    Tok *t = peek(p);
    if (!starts_item(t)) {
      if (t && t->kind == TOK_REP)
        perr(p, t->line, t->col, "bad repetition: nothing to repeat");
      else if (t && t->kind == TOK_BAR)
        perr(p, t->line, t->col,
             "empty alternative (use ? for an optional element)");
      else if (t)
        perr(p, t->line, t->col, "unbalanced parentheses: unexpected ')'");
      else
        perr(p, p->pat_line, p->pat_col, "missing pattern");
      return false;
    }
    while (starts_item(peek(p)))
      if (!parse_item(p, depth))
        return false;
    t = peek(p);
    if (t && t->kind == TOK_REP) {
      perr(p, t->line, t->col, "bad repetition: nothing to repeat");
      return false;
    }
    if (!t || t->kind != TOK_BAR)
      return true;
    p->pos++;
    ng_buf_putc(&p->re, '|');
    if (!peek(p) || peek(p)->kind == TOK_RPAREN) {
      perr(p, t->line, t->col,
           "empty alternative (use ? for an optional element)");
      return false;
    }
  }
}

static void reset_codegen(Parser *p) {
  ng_buf_clear(&p->re);
  p->n_map = 0;
  for (uint32_t i = 0; i < p->n_groups; i++)
    ng_free(p->slot_names[i]);
  p->n_groups = 0;
}

/* Compile the collected pattern tokens of the current rule. */
/* Compile p->toks to *code and *regex; slot names are left in
 * p->slot_names. */
static bool compile_tokens(Parser *p, pcre2_code **code, char **regex) {
  reset_codegen(p);
  p->pos = 0;
  /* A match starts only at a unit boundary: "w=la " not inside "w=vla ". */
  ng_buf_puts(&p->re, "(?:^|(?<= ))");
  if (!parse_alt(p, 0))
    return false;
  if (p->pos < p->n_toks) {
    const Tok *t = &p->toks[p->pos];
    perr(p, t->line, t->col, "unbalanced parentheses: unexpected ')'");
    return false;
  }
  if (p->re.failed) {
    pnomem(p);
    return false;
  }
  int err;
  PCRE2_SIZE eoff;
  *code = pcre2_compile((PCRE2_SPTR)p->re.data, p->re.len,
                        PCRE2_UTF | PCRE2_DUPNAMES, &err, &eoff,
                        p->rs->cctx);
  if (!*code) {
    PCRE2_UCHAR msg[256];
    unsigned line = p->pat_line, col = p->pat_col;
    for (size_t i = 0; i < p->n_map; i++) {
      if (p->map[i].off <= eoff) {
        line = p->map[i].line;
        col = p->map[i].col;
      }
    }
    if (pcre2_get_error_message(err, msg, sizeof msg) < 0)
      strcpy((char *)msg, "unknown error");
    if (err == PCRE2_ERROR_HEAP_FAILED) {
      pnomem(p);
      return false;
    }
    perr(p, line, col, "pattern does not compile: %s", (const char *)msg);
    return false;
  }
  /* JIT is optional: without it pcre2_match interprets. */
  (void)pcre2_jit_compile(*code, PCRE2_JIT_COMPLETE);
  *regex = ng_strndup(p->re.data, p->re.len);
  if (!*regex) {
    pnomem(p);
    return false;
  }
  return true;
}

/* Compile the collected pattern tokens of the current rule, and its
 * `unless` (its own, or the file's @unless for events and
 * participations). */
static bool compile_rule(Parser *p) {
  NgRule *r = p->rule;
  if (!compile_tokens(p, &r->code, &r->regex))
    return false;
  if (p->n_groups) {
    r->slot_names = ng_calloc(p->n_groups, sizeof *r->slot_names);
    if (!r->slot_names) {
      pnomem(p);
      return false;
    }
    memcpy(r->slot_names, p->slot_names, p->n_groups * sizeof(char *));
    r->n_groups = p->n_groups;
    p->n_groups = 0; /* moved */
  }
  Tok *toks = p->has_unless ? p->utoks : p->dtoks;
  size_t n = p->has_unless ? p->n_utoks : p->n_dtoks;
  bool applies = p->has_unless || r->info.kind == NG_RULE_EVENT ||
                 r->info.kind == NG_RULE_PARTICIPATION;
  if (n == 0 || !applies)
    return true;
  Tok *saved = p->toks;
  size_t saved_n = p->n_toks;
  p->toks = toks;
  p->n_toks = n;
  bool ok = compile_tokens(p, &r->unless, &r->unless_regex);
  p->toks = saved;
  p->n_toks = saved_n;
  return ok; /* slot names of an `unless` mean nothing */
}

/* ------------------------------------------------------------------ */
/* Lines                                                               */

/* The next whitespace-delimited word of [*s, end), comment excluded. */
static bool next_word(const char **s, const char *end, const char **w,
                      size_t *n) {
  const char *q = *s;
  while (q < end && is_space(*q))
    q++;
  if (q >= end || *q == '#') {
    *s = q;
    return false;
  }
  *w = q;
  while (q < end && !is_space(*q))
    q++;
  *n = (size_t)(q - *w);
  *s = q;
  return true;
}

static bool rest_is_empty(const char *s, const char *end) {
  while (s < end && is_space(*s))
    s++;
  return s >= end || *s == '#';
}

/* Locale-independent decimal: digits, optionally '.' and digits. */
static bool parse_decimal(const char *s, size_t n, double *out) {
  size_t i = 0;
  double v = 0, scale = 1;
  bool digits = false;
  while (i < n && s[i] >= '0' && s[i] <= '9') {
    v = v * 10 + (s[i++] - '0');
    digits = true;
  }
  if (i < n && s[i] == '.') {
    i++;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
      if (scale > 1e-15) {
        scale /= 10;
        v += (s[i] - '0') * scale;
      }
      i++;
      digits = true;
    }
  }
  *out = v;
  return digits && i == n;
}

static bool words_equal(const char *w, size_t n, const char *lit) {
  return strlen(lit) == n && memcmp(w, lit, n) == 0;
}

static bool rule_id_exists(const Parser *p, const char *w, size_t n) {
  for (size_t i = 0; i < p->rs->n_rules; i++)
    if (words_equal(w, n, p->rs->rules[i]->id))
      return true;
  return false;
}

/* Indentation width of a line whose first non-blank is at @p text; a tab
 * advances to the next multiple of 8, as editors show it. */
static unsigned indent_of(const char *line, const char *text) {
  unsigned w = 0;
  for (const char *c = line; c < text; c++)
    w = *c == '\t' ? (w / 8 + 1) * 8 : w + 1;
  return w;
}

static void discard_rule(Parser *p) {
  rule_free(p->rule);
  p->rule = NULL;
}

/* The current rule is complete: compile it and add it to the set. */
static void finish_rule(Parser *p) {
  if (p->state != ST_RULE)
    return;
  p->state = ST_NONE;
  p->in_pattern = false;
  if (!p->rule)
    return;
  if (!p->rule_failed) {
    if (!p->has_kind)
      perr(p, p->rule_line, p->rule_col, "rule %s has no kind", p->rule->id);
    else if (!p->has_pattern || p->n_toks == 0)
      perr(p, p->has_pattern ? p->pat_line : p->rule_line,
           p->has_pattern ? p->pat_col : p->rule_col,
           "missing pattern in rule %s", p->rule->id);
    else
      (void)compile_rule(p);
  }
  if (p->rule_failed || p->failed) {
    /* After an error the load fails as a whole; keep parsing only to
     * report further errors. */
    discard_rule(p);
    return;
  }
  NgRuleSet *rs = p->rs;
  if (!ng_grow((void **)&rs->rules, &rs->cap_rules, rs->n_rules + 1,
               sizeof *rs->rules)) {
    pnomem(p);
    discard_rule(p);
    return;
  }
  NgRule *r = p->rule;
  r->info.id = r->id;
  r->info.type = r->type ? r->type : "";
  r->info.set_keys = (const char *const *)r->keys;
  r->info.set_values = (const char *const *)r->values;
  rs->rules[rs->n_rules++] = r;
  p->rule = NULL;
}

/* Compile a finished @words block into its alternation. */
static void finish_words(Parser *p) {
  if (p->state != ST_WORDS)
    return;
  p->state = ST_NONE;
  if (p->rule_failed) {
    ng_free(p->class_name);
    p->class_name = NULL;
    return;
  }
  if (p->n_toks == 0) {
    perr(p, p->class_line, p->class_col, "word class @%s has no words",
         p->class_name);
    ng_free(p->class_name);
    p->class_name = NULL;
    return;
  }
  /* Longer phrases first, so "on the sidelines of" wins over "on". */
  unsigned *units = ng_calloc(p->n_toks, sizeof *units);
  char **alts = ng_calloc(p->n_toks, sizeof *alts);
  NgBuf out;
  ng_buf_init(&out);
  if (!units || !alts) {
    pnomem(p);
    goto done;
  }
  unsigned max_units = 0;
  for (size_t i = 0; i < p->n_toks; i++) {
    ng_buf_clear(&p->re);
    units[i] = emit_text(p, &p->toks[i], p->toks[i].prefix);
    if (p->rule_failed)
      goto done;
    if (units[i] == 0) {
      perr(p, p->toks[i].line, p->toks[i].col, "empty quoted string");
      goto done;
    }
    alts[i] = ng_strndup(p->re.data, p->re.len);
    if (!alts[i] || p->re.failed) {
      pnomem(p);
      goto done;
    }
    if (units[i] > max_units)
      max_units = units[i];
  }
  ng_buf_puts(&out, "(?:");
  bool first = true;
  for (unsigned n = max_units; n > 0; n--) {
    for (size_t i = 0; i < p->n_toks; i++) {
      if (units[i] != n)
        continue;
      if (!first)
        ng_buf_putc(&out, '|');
      ng_buf_puts(&out, alts[i]);
      first = false;
    }
  }
  ng_buf_putc(&out, ')');
  if (out.failed ||
      !ng_grow((void **)&p->classes, &p->cap_classes, p->n_classes + 1,
               sizeof *p->classes)) {
    pnomem(p);
    goto done;
  }
  p->classes[p->n_classes].name = p->class_name;
  p->classes[p->n_classes].regex = ng_buf_take(&out);
  p->n_classes++;
  p->class_name = NULL;
done:
  if (alts)
    for (size_t i = 0; i < p->n_toks; i++)
      ng_free(alts[i]);
  ng_free(alts);
  ng_free(units);
  ng_buf_free(&out);
  ng_free(p->class_name);
  p->class_name = NULL;
}

static void finish_block(Parser *p) {
  finish_rule(p);
  finish_words(p);
}

/* Words of a @words block (bare words, word*, "phrases") from [s, end). */
static void lex_words(Parser *p, const char *s, const char *end) {
  size_t before = p->n_toks;
  if (!lex_pattern(p, s, end))
    return;
  for (size_t i = before; i < p->n_toks; i++) {
    const Tok *t = &p->toks[i];
    if (t->kind != TOK_WORD && t->kind != TOK_QUOTED && t->kind != TOK_STEM &&
        t->kind != TOK_SUFFIX) {
      perr(p, t->line, t->col,
           "a word class holds words, word* prefixes, *suffixes, ~stems "
           "and \"phrases\" only");
      return;
    }
  }
}

static void start_rule(Parser *p, const char *s, const char *end,
                       const char *kw) {
  const char *w;
  size_t n;
  p->state = ST_RULE;
  p->rule_failed = false;
  p->in_pattern = false;
  p->has_kind = p->has_conf = p->has_type = p->has_pattern = false;
  p->has_unless = false;
  p->n_utoks = 0;
  p->n_toks = 0;
  p->rule_line = p->line;
  p->rule_col = col_of(p, kw);
  if (!next_word(&s, end, &w, &n)) {
    perr(p, p->line, col_of(p, s), "expected a rule id after 'rule'");
    return;
  }
  for (size_t i = 0; i < n; i++) {
    if (!is_ident_char(w[i]) && w[i] != '-' && w[i] != '.') {
      perr(p, p->line, col_of(p, w + i),
           "bad rule id: letters, digits, '_', '-' and '.' only");
      return;
    }
  }
  if (rule_id_exists(p, w, n)) {
    perr(p, p->line, col_of(p, w), "duplicate rule id '%.*s'", (int)n, w);
    return;
  }
  if (!rest_is_empty(s, end)) {
    perr(p, p->line, col_of(p, s + strspn(s, " \t")),
         "unexpected text after the rule id");
    return;
  }
  p->rule = ng_calloc(1, sizeof *p->rule);
  if (!p->rule || !(p->rule->id = ng_strndup(w, n))) {
    pnomem(p);
    return;
  }
  p->rule->info.file = p->rs->files[p->rs->n_files - 1];
  p->rule->info.line = p->line;
  p->rule->info.confidence = 1.0;
}

static void rule_kind(Parser *p, const char *s, const char *end) {
  static const struct {
    const char *name;
    NgRuleKind kind;
  } kinds[] = {{"event", NG_RULE_EVENT},
               {"position", NG_RULE_POSITION},
               {"mention", NG_RULE_MENTION},
               {"participation", NG_RULE_PARTICIPATION}};
  const char *w;
  size_t n;
  if (!next_word(&s, end, &w, &n)) {
    perr(p, p->line, col_of(p, s), "expected a kind");
    return;
  }
  for (size_t i = 0; i < NG_COUNTOF(kinds); i++) {
    if (words_equal(w, n, kinds[i].name)) {
      p->rule->info.kind = kinds[i].kind;
      p->has_kind = true;
      if (!rest_is_empty(s, end))
        perr(p, p->line, col_of(p, s + strspn(s, " \t")),
             "unexpected text after the kind");
      return;
    }
  }
  perr(p, p->line, col_of(p, w),
       "unknown kind '%.*s' (event, position, mention or participation)",
       (int)n, w);
}

static void rule_keyword(Parser *p, const char *kw, size_t kn, const char *s,
                         const char *end) {
  const char *w;
  size_t n;
  unsigned kcol = col_of(p, kw);
  p->in_pattern = false;
  if (!p->rule)
    return; /* the rule line had an error, already reported */
  p->lex_into = LEX_PATTERN;
  if (words_equal(kw, kn, "unless")) {
    if (p->has_unless) {
      perr(p, p->line, kcol, "duplicate 'unless' in rule %s", p->rule->id);
      return;
    }
    p->has_unless = true;
    p->in_pattern = true;
    p->pat_indent = indent_of(p->line_start, kw);
    p->lex_into = LEX_UNLESS;
    size_t before = p->n_utoks;
    (void)lex_pattern(p, s, end);
    if (p->n_utoks == before && !p->rule_failed)
      perr(p, p->line, kcol, "missing elements after 'unless'");
    return;
  }
  if (words_equal(kw, kn, "pattern")) {
    if (p->has_pattern) {
      perr(p, p->line, kcol, "second pattern in rule %s (use '|')",
           p->rule->id);
      return;
    }
    p->has_pattern = true;
    p->in_pattern = true;
    p->pat_line = p->line;
    p->pat_col = kcol;
    p->pat_indent = indent_of(p->line_start, kw);
    (void)lex_pattern(p, s, end);
    return;
  }
  bool dup = false;
  if (words_equal(kw, kn, "kind")) {
    dup = p->has_kind;
    if (!dup)
      rule_kind(p, s, end);
  } else if (words_equal(kw, kn, "type")) {
    dup = p->has_type;
    p->has_type = true;
    if (!dup) {
      if (!next_word(&s, end, &w, &n) || !is_ident(w, n) ||
          !rest_is_empty(s, end)) {
        perr(p, p->line, kcol, "expected one class name after 'type'");
        return;
      }
      if (!(p->rule->type = ng_strndup(w, n)))
        pnomem(p);
    }
  } else if (words_equal(kw, kn, "confidence")) {
    dup = p->has_conf;
    p->has_conf = true;
    if (!dup) {
      double v;
      if (!next_word(&s, end, &w, &n)) {
        perr(p, p->line, kcol, "expected a number after 'confidence'");
        return;
      }
      if (!parse_decimal(w, n, &v) || v < 0 || v > 1 ||
          !rest_is_empty(s, end)) {
        perr(p, p->line, col_of(p, w),
             "confidence must be a decimal number in [0, 1] such as 0.8");
        return;
      }
      p->rule->info.confidence = v;
    }
  } else if (words_equal(kw, kn, "set")) {
    const char *k, *v;
    size_t klen, vlen;
    if (!next_word(&s, end, &k, &klen) || !is_ident(k, klen)) {
      perr(p, p->line, kcol, "expected 'set ROLE VALUE'");
      return;
    }
    while (s < end && is_space(*s))
      s++;
    if (s < end && *s == '"') {
      const char *q = memchr(s + 1, '"', (size_t)(end - s - 1));
      if (!q) {
        perr(p, p->line, col_of(p, s), "unterminated quoted string");
        return;
      }
      v = s + 1;
      vlen = (size_t)(q - s - 1);
      s = q + 1;
    } else if (!next_word(&s, end, &v, &vlen)) {
      perr(p, p->line, kcol, "expected 'set ROLE VALUE'");
      return;
    }
    if (!rest_is_empty(s, end)) {
      perr(p, p->line, col_of(p, s + strspn(s, " \t")),
           "unexpected text after the value (quote values with spaces)");
      return;
    }
    NgRule *r = p->rule;
    if (!ng_grow((void **)&r->keys, &r->cap_keys, r->info.n_set + 1,
                 sizeof *r->keys) ||
        !ng_grow((void **)&r->values, &r->cap_values, r->info.n_set + 1,
                 sizeof *r->values)) {
      pnomem(p);
      return;
    }
    char *ks = ng_strndup(k, klen), *vs = ng_strndup(v, vlen);
    if (!ks || !vs) {
      ng_free(ks);
      ng_free(vs);
      pnomem(p);
      return;
    }
    r->keys[r->info.n_set] = ks;
    r->values[r->info.n_set] = vs;
    r->info.n_set++;
  } else {
    perr(p, p->line, kcol,
         "unknown rule keyword '%.*s' (kind, type, confidence, set, "
         "pattern, unless)",
         (int)kn, kw);
    return;
  }
  if (dup)
    perr(p, p->line, kcol, "duplicate '%.*s' in rule %s", (int)kn, kw,
         p->rule->id);
}

/* @elisions l' d' ... (forms ending with an apostrophe) or @clitics 's ...
 * (forms starting with one). */
static void directive_forms(Parser *p, const char *s, const char *end,
                            bool clitics) {
  const char *w;
  size_t n;
  NgBuf f;
  ng_buf_init(&f);
  while (next_word(&s, end, &w, &n)) {
    ng_buf_clear(&f);
    ng_fold(w, n, &f);
    if (f.failed) {
      pnomem(p);
      break;
    }
    if (f.len < 2 || strchr(f.data, '"') ||
        f.data[clitics ? 0 : f.len - 1] != '\'') {
      perr(p, p->line, col_of(p, w),
           clitics ? "a clitic starts with an apostrophe: 's 're ..."
                   : "an elided form ends with an apostrophe: l' d' ...");
      break;
    }
    char ***list = clitics ? &p->clitics : &p->elisions;
    size_t *cnt = clitics ? &p->n_clitics : &p->n_elisions;
    size_t *cap = clitics ? &p->cap_clitics : &p->cap_elisions;
    char *e = ng_strndup(f.data, f.len);
    if (!e || !ng_grow((void **)list, cap, *cnt + 1, sizeof **list)) {
      ng_free(e);
      pnomem(p);
      break;
    }
    (*list)[(*cnt)++] = e;
  }
  ng_buf_free(&f);
}

/* @language CODE: the language of the rule set, whose Snowball stemmer
 * gives the stems of ~words and of the sentence units. It comes before
 * the rules and word classes, which are compiled for it. */
static void directive_language(Parser *p, const char *s, const char *end) {
  const char *w;
  size_t n;
  if (!next_word(&s, end, &w, &n)) {
    perr(p, p->line, col_of(p, s), "expected '@language CODE' (fr, en...)");
    return;
  }
  unsigned col = col_of(p, w);
  if (!rest_is_empty(s, end)) {
    perr(p, p->line, col_of(p, s + strspn(s, " \t")),
         "unexpected text after the language");
    return;
  }
  NgRuleSet *rs = p->rs;
  if (rs->language) {
    if (!words_equal(w, n, rs->language))
      perr(p, p->line, col, "the rule set's language is already '%s'",
           rs->language);
    return;
  }
  if (rs->n_rules > 0 || p->n_classes > 0) {
    perr(p, p->line, col,
         "@language must come before the rules and word classes");
    return;
  }
  char *code = ng_strndup(w, n);
  if (!code) {
    pnomem(p);
    return;
  }
  struct sb_stemmer *sb = sb_stemmer_new(code, "UTF_8");
  if (!sb) {
    perr(p, p->line, col, "no Snowball stemmer for language '%s'", code);
    ng_free(code);
    return;
  }
  rs->language = code;
  rs->stemmer = sb;
  p->set_language = true;
}

static void directive_words(Parser *p, const char *at, const char *s,
                            const char *end) {
  const char *w;
  size_t n;
  p->state = ST_WORDS;
  p->rule_failed = false;
  p->n_toks = 0;
  p->class_line = p->line;
  p->class_col = col_of(p, at);
  if (!next_word(&s, end, &w, &n) || !is_ident(w, n)) {
    perr(p, p->line, p->class_col, "expected '@words NAME word ...'");
    return;
  }
  if (find_class(p, w, n)) {
    perr(p, p->line, col_of(p, w), "word class @%.*s is already defined",
         (int)n, w);
    return;
  }
  if (!(p->class_name = ng_strndup(w, n))) {
    pnomem(p);
    return;
  }
  lex_words(p, s, end);
}

static void parse_line(Parser *p, const char *s, const char *end) {
  const char *w;
  size_t n;
  const char *q = s;
  if (!next_word(&q, end, &w, &n))
    return; /* blank or comment */
  if (!is_space(*s)) {
    /* A line at column 1 ends the block before it. */
    finish_block(p);
    p->lex_into = LEX_PATTERN;
    if (words_equal(w, n, "rule")) {
      start_rule(p, q, end, w);
    } else if (words_equal(w, n, "@words")) {
      directive_words(p, w, q, end);
    } else if (words_equal(w, n, "@elisions")) {
      directive_forms(p, q, end, false);
    } else if (words_equal(w, n, "@clitics")) {
      directive_forms(p, q, end, true);
    } else if (words_equal(w, n, "@language")) {
      directive_language(p, q, end);
    } else if (words_equal(w, n, "@unless")) {
      /* The `unless` of the event and participation rules that follow
       * (one line; a later @unless replaces it). */
      p->n_dtoks = 0;
      p->lex_into = LEX_DEFAULT;
      p->rule_failed = false;
      (void)lex_pattern(p, q, end);
      p->lex_into = LEX_PATTERN;
      if (p->n_dtoks == 0 && !p->rule_failed)
        perr(p, p->line, 1, "missing elements after '@unless'");
    } else {
      perr(p, p->line, 1,
           "unknown directive '%.*s' (rule, @words, @elisions, @clitics, "
           "@language, @unless; indent rule lines)",
           (int)n, w);
    }
    return;
  }
  switch (p->state) {
  case ST_NONE:
    if (!p->rule_failed)
      perr(p, p->line, col_of(p, w), "indented line outside a rule");
    return;
  case ST_WORDS:
    if (p->class_name && !p->rule_failed)
      lex_words(p, s, end);
    return;
  case ST_RULE:
    break;
  }
  /* A pattern continues on the lines indented deeper than its `pattern`
   * line, whatever word they start with ("set up talks" is pattern text
   * there); other indented lines are keyword lines. */
  if (p->in_pattern && indent_of(s, w) > p->pat_indent) {
    if (p->rule && !p->rule_failed)
      (void)lex_pattern(p, s, end);
    return;
  }
  rule_keyword(p, w, n, q, end);
}

static void parser_clear(Parser *p) {
  discard_rule(p);
  ng_free(p->class_name);
  ng_free(p->toks);
  ng_free(p->utoks);
  ng_free(p->dtoks);
  for (size_t i = 0; i < p->n_classes; i++) {
    ng_free(p->classes[i].name);
    ng_free(p->classes[i].regex);
  }
  ng_free(p->classes);
  for (size_t i = 0; i < p->n_elisions; i++)
    ng_free(p->elisions[i]);
  ng_free(p->elisions);
  for (size_t i = 0; i < p->n_clitics; i++)
    ng_free(p->clitics[i]);
  ng_free(p->clitics);
  ng_buf_free(&p->re);
  ng_free(p->map);
  for (uint32_t i = 0; i < p->n_groups; i++)
    ng_free(p->slot_names[i]);
  ng_free(p->slot_names);
}

/* Make the shared match data large enough for every rule's groups. */
static bool ensure_match_data(NgRuleSet *rs) {
  uint32_t need = 0;
  for (size_t i = 0; i < rs->n_rules; i++)
    if (rs->rules[i]->n_groups > need)
      need = rs->rules[i]->n_groups;
  if (rs->md && rs->md_groups >= need)
    return true;
  pcre2_match_data *md = pcre2_match_data_create(need + 1, rs->gctx);
  if (!md)
    return false;
  pcre2_match_data_free(rs->md);
  rs->md = md;
  rs->md_groups = need;
  return true;
}

NgStatus ng_ruleset_load_string(NgRuleSet *rs, const char *name,
                                const char *text, const NgLog *log) {
  if (!rs || !text)
    return NG_ERR_ARG;
  if (!name)
    name = "<string>";
  size_t len = strlen(text);
  size_t valid = ng_utf8_valid_prefix(text, len);
  if (valid != len) {
    unsigned line = 1;
    const char *ls = text;
    for (const char *c = text; c < text + valid; c++)
      if (*c == '\n') {
        line++;
        ls = c + 1;
      }
    ng_log(log, NG_LOG_ERROR, NG_ERR_ENCODING, "rules", name, line,
           (unsigned)ng_utf8_count(ls, (size_t)(text + valid - ls)) + 1,
           "invalid UTF-8");
    return NG_ERR_ENCODING;
  }
  char *fname = ng_strdup(name);
  if (!fname || !ng_grow((void **)&rs->files, &rs->cap_files,
                         rs->n_files + 1, sizeof *rs->files)) {
    ng_free(fname);
    ng_log(log, NG_LOG_ERROR, NG_ERR_NOMEM, "rules", name, 0, 0,
           "out of memory");
    return NG_ERR_NOMEM;
  }
  rs->files[rs->n_files++] = fname;

  Parser p;
  memset(&p, 0, sizeof p);
  p.rs = rs;
  p.log = log;
  p.file = fname;
  ng_buf_init(&p.re);
  size_t first_rule = rs->n_rules;

  const char *s = text, *end = text + len;
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
    s += 3;
  while (s < end && !p.nomem) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    const char *le = nl ? nl : end;
    p.line++;
    p.line_start = s;
    parse_line(&p, s, le);
    s = nl ? nl + 1 : end;
  }
  finish_block(&p);
  parser_clear(&p);

  NgStatus st = p.nomem ? NG_ERR_NOMEM : p.failed ? NG_ERR_SYNTAX
                                                  : NG_SUCCESS;
  if (st == NG_SUCCESS && !ensure_match_data(rs)) {
    ng_log(log, NG_LOG_ERROR, NG_ERR_NOMEM, "rules", name, 0, 0,
           "out of memory");
    st = NG_ERR_NOMEM;
  }
  if (st != NG_SUCCESS) {
    /* A file loads completely or not at all. */
    while (rs->n_rules > first_rule)
      rule_free(rs->rules[--rs->n_rules]);
    if (p.set_language) {
      sb_stemmer_delete(rs->stemmer);
      rs->stemmer = NULL;
      ng_free(rs->language);
      rs->language = NULL;
    }
  }
  return st;
}

NgStatus ng_ruleset_load(NgRuleSet *rs, const char *path, const NgLog *log) {
  char *text = NULL;
  size_t len = 0;
  if (!rs || !path)
    return NG_ERR_ARG;
  NgStatus st = ng_read_file(path, &text, &len);
  if (st != NG_SUCCESS) {
    ng_log(log, NG_LOG_ERROR, st, "rules", path, 0, 0,
           "cannot read rule file: %s", ng_strerror(st));
    return st;
  }
  if (strlen(text) != len) {
    ng_log(log, NG_LOG_ERROR, NG_ERR_SYNTAX, "rules", path, 0, 0,
           "rule file contains a NUL byte");
    ng_free(text);
    return NG_ERR_SYNTAX;
  }
  st = ng_ruleset_load_string(rs, path, text, log);
  ng_free(text);
  return st;
}

/* ------------------------------------------------------------------ */
/* Matching                                                            */

/* The unit that starts at byte @p off, or the one containing it. */
static uint32_t unit_at(const NgEncoded *enc, size_t off, bool end) {
  size_t lo = 0, hi = enc->n_units + 1;
  /* first i with unit_off[i] >= off */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (enc->unit_off[mid] < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (!end && lo <= enc->n_units && enc->unit_off[lo] != off && lo > 0)
    lo--;
  return (uint32_t)lo;
}

static NgStatus add_match(const NgRule *r, uint32_t rule,
                          const NgEncoded *enc, const PCRE2_SIZE *ov,
                          NgRuleMatches *out) {
  if (!ng_grow((void **)&out->items, &out->cap, out->n + 1,
               sizeof *out->items))
    return NG_ERR_NOMEM;
  NgRuleMatch *m = &out->items[out->n];
  memset(m, 0, sizeof *m);
  m->rule = rule;
  m->u0 = unit_at(enc, ov[0], false);
  m->u1 = unit_at(enc, ov[1], true);
  size_t n = 0;
  for (uint32_t g = 1; g <= r->n_groups; g++)
    if (ov[2 * g] != PCRE2_UNSET && ov[2 * g] < ov[2 * g + 1])
      n++;
  if (n) {
    m->slots = ng_calloc(n, sizeof *m->slots);
    if (!m->slots)
      return NG_ERR_NOMEM;
    for (uint32_t g = 1; g <= r->n_groups; g++) {
      if (ov[2 * g] == PCRE2_UNSET || ov[2 * g] >= ov[2 * g + 1])
        continue;
      NgSlot *sl = &m->slots[m->n_slots++];
      sl->name = r->slot_names[g - 1];
      sl->u0 = unit_at(enc, ov[2 * g], false);
      sl->u1 = unit_at(enc, ov[2 * g + 1], true);
    }
  }
  out->n++;
  return NG_SUCCESS;
}

NgStatus ng_ruleset_run(const NgRuleSet *rs, NgRuleKind kind,
                        const NgEncoded *enc, NgRuleMatches *out) {
  if (!rs || !enc || !out || (enc->len && !enc->str) || !enc->unit_off ||
      enc->unit_off[enc->n_units] != enc->len)
    return NG_ERR_ARG;
  if (rs->n_rules == 0 || enc->len == 0)
    return NG_SUCCESS;
  /* Checked once here, so each pcre2_match call can skip it. */
  if (ng_utf8_valid_prefix(enc->str, enc->len) != enc->len)
    return NG_ERR_ENCODING;
  NgStatus result = NG_SUCCESS;
  for (size_t i = 0; i < rs->n_rules; i++) {
    const NgRule *r = rs->rules[i];
    if (r->info.kind != kind)
      continue;
    PCRE2_SIZE start = 0;
    while (start < enc->len) {
      int rc = pcre2_match(r->code, (PCRE2_SPTR)enc->str, enc->len, start,
                           PCRE2_NO_UTF_CHECK, rs->md, rs->mctx);
      if (rc == PCRE2_ERROR_NOMATCH)
        break;
      if (rc < 0) {
        bool limit = rc == PCRE2_ERROR_MATCHLIMIT ||
                     rc == PCRE2_ERROR_DEPTHLIMIT ||
                     rc == PCRE2_ERROR_HEAPLIMIT ||
                     rc == PCRE2_ERROR_JIT_STACKLIMIT;
        if (!limit && rc == PCRE2_ERROR_NOMEMORY)
          return NG_ERR_NOMEM;
        if (rs->has_log)
          ng_log(&rs->log, NG_LOG_WARNING, NG_ERR_LIMIT, "rules",
                 r->info.file, r->info.line, 0,
                 "rule %s: %s; its matches in this sentence are skipped",
                 r->id, limit ? "match limit reached" : "match error");
        result = NG_ERR_LIMIT;
        break;
      }
      const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rs->md);
      if (ov[1] <= ov[0]) {
        /* An empty match finds nothing: retry from the next unit. */
        uint32_t u = unit_at(enc, ov[0], false);
        if (u + 1 > enc->n_units)
          break;
        start = enc->unit_off[u + 1];
        continue;
      }
      NgStatus st = add_match(r, (uint32_t)i, enc, ov, out);
      if (st != NG_SUCCESS)
        return st;
      PCRE2_SIZE m0 = ov[0], m1 = ov[1];
      start = m1;
      if (!r->unless)
        continue;
      /* Searched within the match only: the subject ends where it does.
       * A search that fails for its limit keeps the match out too. */
      rc = pcre2_match(r->unless, (PCRE2_SPTR)enc->str, m1, m0,
                       PCRE2_NO_UTF_CHECK, rs->md, rs->mctx);
      if (rc == PCRE2_ERROR_NOMEMORY)
        return NG_ERR_NOMEM;
      if (rc != PCRE2_ERROR_NOMATCH) {
        out->n--;
        ng_free(out->items[out->n].slots);
      }
    }
  }
  return result;
}

void ng_rule_matches_clear(NgRuleMatches *m) {
  if (!m)
    return;
  for (size_t i = 0; i < m->n; i++)
    ng_free(m->items[i].slots);
  m->n = 0;
}

void ng_rule_matches_free(NgRuleMatches *m) {
  if (!m)
    return;
  ng_rule_matches_clear(m);
  ng_free(m->items);
  m->items = NULL;
  m->cap = 0;
}
