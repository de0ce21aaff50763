/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * segment: one left-to-right pass over UTF-8 that cuts tokens, then one
 * pass over the tokens that places sentence breaks. Both are linear: every
 * look-ahead is bounded by the longest lexicon form of the class it
 * consults, so a 10 MB text without a space or a full stop costs the same
 * per byte as prose.
 *
 * No word of any language appears here: abbreviations, elided forms,
 * clitics and ordinal suffixes come from the lexicon (see segment.h).
 */
#include "segment.h"

#include <string.h>

/* Lexicon classes the tokenizer consults. */
static const char CLS_ABBREV[] = "abbrev";
static const char CLS_ELISION[] = "elision";
static const char CLS_CLITIC[] = "clitic";
static const char CLS_ORDINAL[] = "ordinal_suffix";
static const char CLS_DEFINITE[] = "definite";

/* Abbreviation VALUEs (see segment.h). */
static const char ABBREV_MAY_END[] = "end";
static const char ABBREV_BEFORE_NUMBER[] = "num";

/* Bound on abbreviation look-ahead, whatever the lexicon holds. */
#define MAX_ABBREV_CHARS 32

/* A private flag bit, cleared before tokens are returned: an abbreviation
 * whose dot may also end the sentence. */
#define TOK_MAY_END (1u << 30)

bool
ng_segment_class_affects_tokens(const char *cls)
{
  return cls &&
         (strcmp(cls, CLS_ABBREV) == 0 || strcmp(cls, CLS_ELISION) == 0 ||
          strcmp(cls, CLS_CLITIC) == 0 || strcmp(cls, CLS_ORDINAL) == 0);
}

typedef struct
{
  const char *text;
  size_t len;
  const NgLexicon *lex;
  NgArena *arena;
  size_t max_abbrev, max_elision, max_clitic, max_ordinal,
    max_definite; /* code points */
  NgBuf fold;
  NgToken *toks; /* heap while building, copied to the arena at the end */
  size_t n, cap;
  NgStatus st;
  size_t pos;       /* byte position of the scanner */
  uint32_t cpos;    /* its code-point position */
  uint32_t pending; /* LINE_START / SPACE_BEFORE for the next token */
  bool wrapped;     /* lines wrapped at a fixed width (wrapped_text) */
  size_t width;     /* then their median length in bytes */
} Seg;

/* ---- characters ---- */

/* The code point at byte @p pos, 0 (with *clen 0) at the end. */
static uint32_t
cp_at(const Seg *s, size_t pos, size_t *clen)
{
  if (pos >= s->len) {
    *clen = 0;
    return 0;
  }
  if ((unsigned char)s->text[pos] < 0x80) {
    *clen = 1;
    return (unsigned char)s->text[pos];
  }
  return ng_utf8_decode(s->text + pos, s->len - pos, clen);
}

static bool
is_line_break(uint32_t cp)
{
  return cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x85 ||
         cp == 0x2028 || cp == 0x2029;
}

/* Spaces, control characters and invisible format characters (bidi
 * marks are frequent in Arabic text) separate tokens and are never part
 * of one. */
static bool
is_blank(uint32_t cp)
{
  return ng_cp_is_space(cp) || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
         cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Marks that extend the preceding character: combining diacritics,
 * joiners, variation selectors, emoji skin tones. */
static bool
is_extend(uint32_t cp)
{
  return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x483 && cp <= 0x489) ||
         (cp >= 0x591 && cp <= 0x5BD) || (cp >= 0x610 && cp <= 0x61A) ||
         (cp >= 0x64B && cp <= 0x65F) || cp == 0x670 ||
         (cp >= 0x6D6 && cp <= 0x6ED) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || cp == 0x200C || cp == 0x200D ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
         (cp >= 0xE0020 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

static bool
is_word_char(uint32_t cp)
{
  return ng_cp_is_letter(cp) || ng_cp_is_digit(cp);
}

static bool
is_ascii_digit(uint32_t cp)
{
  return cp >= '0' && cp <= '9';
}

/* Hyphens that join words; en and em dashes separate them. */
static bool
is_hyphen(uint32_t cp)
{
  return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* Characters an abbreviation may contain besides letters and digits: the
 * dot, hyphens, and symbols such as the degree sign of "n°"; not the
 * marks that delimit words (brackets, quotes, commas...). */
static bool
is_abbrev_char(uint32_t cp)
{
  if (is_word_char(cp) || cp == '.' || is_hyphen(cp))
    return true;
  if (is_blank(cp))
    return false;
  if (cp < 0x80)
    return cp == '&' || cp == '/';
  if (cp >= 0x2000 && cp <= 0x206F)
    return false; /* general punctuation */
  return cp != 0xAB && cp != 0xBB && cp != 0xA1 && cp != 0xBF && cp != 0x61F &&
         cp != 0x60C && cp != 0x61B && cp != 0x3001 && cp != 0x3002 &&
         !ng_cp_is_apostrophe(cp);
}

static bool
is_sentence_final(uint32_t cp)
{
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x203C ||
         cp == 0x2047 || cp == 0x2048 || cp == 0x2049 || cp == 0x61F ||
         cp == 0x6D4 || cp == 0x3002;
}

/* Closing quotes and brackets that may follow a sentence's final mark. */
static bool
is_closer(uint32_t cp)
{
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' ||
         cp == 0xBB || cp == 0x2019 || cp == 0x201D || cp == 0x203A;
}

/* What may begin a sentence after a final mark: an upper-case letter, a
 * letter of a script without case, a digit, an opening quote or bracket,
 * or a dash that opens reported speech. */
static bool
may_start_sentence(uint32_t cp)
{
  if (ng_cp_is_letter(cp))
    return ng_cp_is_upper(cp) || cp >= 0x5D0; /* Hebrew, Arabic, CJK... */
  return ng_cp_is_digit(cp) || cp == '"' || cp == '\'' || cp == '(' ||
         cp == '[' || cp == 0xAB || cp == 0xA1 || cp == 0xBF || cp == 0x2018 ||
         cp == 0x201C || cp == 0x201E || cp == 0x2039 || cp == 0x2013 ||
         cp == 0x2014 || cp == '-';
}

/* ---- lexicon look-ups on text spans ---- */

/* Whether [b0, b1) has more than @p max code points, in O(max) time (a
 * code point is at most 4 bytes): keeps look-ups inside a 10 MB word
 * linear. */
static bool
longer_than(const Seg *s, size_t b0, size_t b1, size_t max)
{
  if (b1 - b0 > 4 * max)
    return true;
  return ng_utf8_count(s->text + b0, b1 - b0) > max;
}

static const char *
fold_span(Seg *s, size_t b0, size_t b1)
{
  ng_buf_clear(&s->fold);
  ng_fold(s->text + b0, b1 - b0, &s->fold);
  if (s->fold.failed) {
    s->st = NG_ERR_NOMEM;
    return NULL;
  }
  return s->fold.data ? s->fold.data : "";
}

static const NgLexEntry *
lookup(Seg *s, const char *cls, size_t b0, size_t b1)
{
  const char *f = fold_span(s, b0, b1);
  return f ? ng_lexicon_get(s->lex, cls, f, NULL) : NULL;
}

/* The first letter of @p str (UTF-8, NUL-terminated), or 0. */
static uint32_t
first_letter(const char *str, size_t n)
{
  size_t i = 0;
  while (i < n) {
    size_t l;
    uint32_t cp = ng_utf8_decode(str + i, n - i, &l);
    if (ng_cp_is_letter(cp))
      return cp;
    i += l;
  }
  return 0;
}

/* ---- emitting tokens ---- */

static NgToken *
push(Seg *s, size_t b0, size_t b1, uint32_t c0, uint32_t nchars, uint32_t flags)
{
  if (s->st != NG_SUCCESS)
    return NULL;
  if (!ng_grow((void **)&s->toks, &s->cap, s->n + 1, sizeof *s->toks)) {
    s->st = NG_ERR_NOMEM;
    return NULL;
  }
  const char *f = fold_span(s, b0, b1);
  if (!f)
    return NULL;
  char *norm = ng_arena_strndup(s->arena, f, s->fold.len);
  if (!norm) {
    s->st = NG_ERR_NOMEM;
    return NULL;
  }
  NgToken *t = &s->toks[s->n++];
  memset(t, 0, sizeof *t);
  t->b0 = (uint32_t)b0;
  t->b1 = (uint32_t)b1;
  t->c0 = c0;
  t->c1 = c0 + nchars;
  t->norm = norm;
  t->flags = flags | s->pending;
  s->pending = 0;
  return t;
}

/* Letter, digit and case flags of the span [b0, b1); its length in code
 * points in *nchars. */
static uint32_t
word_flags(const Seg *s, size_t b0, size_t b1, uint32_t *nchars)
{
  uint32_t flags = 0, n = 0, letters = 0, uppers = 0;
  bool first = true;
  for (size_t p = b0; p < b1;) {
    size_t l;
    uint32_t cp = cp_at(s, p, &l);
    p += l;
    n++;
    if (ng_cp_is_digit(cp)) {
      flags |= NG_TOK_DIGIT;
    } else if (ng_cp_is_letter(cp) && !is_extend(cp)) {
      flags |= NG_TOK_ALPHA;
      letters++;
      bool up = ng_cp_is_upper(cp);
      if (up)
        uppers++;
      if (first && up)
        flags |= NG_TOK_CAP;
      first = false;
    }
  }
  if (letters >= 2 && uppers == letters)
    flags |= NG_TOK_UPPER;
  *nchars = n;
  return flags;
}

/* Emit a word, number or ordinal [b0, b1) and move the scanner past it. */
static void
emit_word(Seg *s, size_t b0, size_t b1, uint32_t extra)
{
  uint32_t nchars;
  uint32_t flags = word_flags(s, b0, b1, &nchars) | extra;
  int64_t value = 0;
  size_t p = b0;
  while (p < b1 && is_ascii_digit((unsigned char)s->text[p])) {
    if (value <= INT32_MAX)
      value = value * 10 + (s->text[p] - '0');
    p++;
  }
  bool fits = value <= INT32_MAX;
  if (p > b0 && fits && !(extra & NG_TOK_ELISION)) {
    if (p == b1) {
      flags |= NG_TOK_NUMBER;
    } else if (s->max_ordinal && !longer_than(s, p, b1, s->max_ordinal)) {
      /* Digits then a suffix: "1er", "8ème", "93rd". */
      bool letters_only = true;
      for (size_t q = p; q < b1;) {
        size_t l;
        uint32_t cp = cp_at(s, q, &l);
        if (!ng_cp_is_letter(cp))
          letters_only = false;
        q += l;
      }
      if (letters_only && lookup(s, CLS_ORDINAL, p, b1))
        flags |= NG_TOK_ORDINAL;
    }
  }
  uint32_t word_bits = NG_TOK_ALPHA | NG_TOK_CAP | NG_TOK_UPPER | extra;
  if ((flags & ~word_bits) == 0 && nchars <= s->max_definite &&
      lookup(s, CLS_DEFINITE, b0, b1))
    flags |= NG_TOK_DEFINITE;
  NgToken *t = push(s, b0, b1, s->cpos, nchars, flags);
  if (t && (flags & (NG_TOK_NUMBER | NG_TOK_ORDINAL)))
    t->num = (int32_t)value;
  s->pos = b1;
  s->cpos += nchars;
}

/* A lexicon abbreviation starting at the letter at s->pos: its end (the
 * dot included) or 0; *may_end for VALUE "end". Candidate ends are the
 * token boundaries within the next MAX_ABBREV_CHARS abbreviation
 * characters, tried longest first. */
static size_t
match_abbrev(Seg *s, bool *may_end)
{
  size_t ends[MAX_ABBREV_CHARS + 2];  /* candidate ends in the text */
  size_t folds[MAX_ABBREV_CHARS + 2]; /* and in the folded run */
  size_t n_ends = 0, limit = s->max_abbrev + 1;
  if (limit > MAX_ABBREV_CHARS)
    limit = MAX_ABBREV_CHARS;
  /* Fold the run once, a code point at a time, so that every candidate
   * is a prefix of one buffer. */
  ng_buf_clear(&s->fold);
  size_t p = s->pos, count = 0;
  while (count < limit) {
    size_t l;
    uint32_t cp = cp_at(s, p, &l);
    if (!l || !is_abbrev_char(cp))
      break;
    ng_fold(s->text + p, l, &s->fold);
    p += l;
    count++;
    size_t nl;
    uint32_t next = cp_at(s, p, &nl);
    /* A candidate ends after a symbol or dot, or where the word ends for
     * good: "St" is no abbreviation inside "St-Louis" or "Sts". */
    if (!is_word_char(cp) ||
        !(is_word_char(next) || is_hyphen(next) || ng_cp_is_apostrophe(next))) {
      ends[n_ends] = p;
      folds[n_ends++] = s->fold.len;
    }
  }
  if (s->fold.failed) {
    s->st = NG_ERR_NOMEM;
    return 0;
  }
  while (n_ends > 0) {
    size_t end = ends[--n_ends];
    char saved = s->fold.data[folds[n_ends]];
    s->fold.data[folds[n_ends]] = '\0';
    const NgLexEntry *e =
      ng_lexicon_get(s->lex, CLS_ABBREV, s->fold.data, NULL);
    s->fold.data[folds[n_ends]] = saved;
    if (!e)
      continue;
    /* A capitalised form wants a capitalised word ("M." but not "m."),
     * but for a dotted one of three letters or more, which old print
     * often writes in lower case ("capt. Orne", "hon. James Gordon"). */
    size_t flen = strlen(e->form);
    uint32_t fl = first_letter(e->form, flen);
    uint32_t tl = first_letter(s->text + s->pos, end - s->pos);
    bool long_dotted = flen && e->form[flen - 1] == '.' &&
                       ng_utf8_count(e->form, flen) >= 4;
    if (fl && ng_cp_is_upper(fl) && !ng_cp_is_upper(tl) && !long_dotted)
      continue;
    /* A form without its dot still takes the text's: "Dr" + ".". */
    if (flen && e->form[flen - 1] != '.' && end < s->len &&
        s->text[end] == '.' && s->text[end - 1] != '.' &&
        (end + 1 >= s->len || s->text[end + 1] != '.'))
      end++;
    if (strcmp(e->value, ABBREV_BEFORE_NUMBER) == 0) {
      size_t q = end, l;
      uint32_t cp = cp_at(s, q, &l);
      while (l && is_blank(cp) && !is_line_break(cp)) {
        q += l;
        cp = cp_at(s, q, &l);
      }
      if (!ng_cp_is_digit(cp))
        continue;
    }
    *may_end = strcmp(e->value, ABBREV_MAY_END) == 0;
    return end;
  }
  return 0;
}

/* Whether [b0, b1) (ending with an apostrophe) is a lexicon elided form. */
static bool
is_elision(Seg *s, size_t b0, size_t b1)
{
  if (!s->max_elision)
    return false;
  if (longer_than(s, b0, b1, s->max_elision))
    return false;
  return lookup(s, CLS_ELISION, b0, b1) != NULL;
}

/* The end of a lexicon clitic starting at the apostrophe at @p b0
 * ("'s" in "Interpol's"), or 0. */
static size_t
clitic_end(Seg *s, size_t b0)
{
  if (!s->max_clitic)
    return 0;
  size_t l, p = b0, count = 0;
  cp_at(s, p, &l);
  p += l;
  count++;
  for (;;) {
    uint32_t cp = cp_at(s, p, &l);
    if (!l || !ng_cp_is_letter(cp))
      break;
    if (++count > s->max_clitic)
      return 0;
    p += l;
  }
  return lookup(s, CLS_CLITIC, b0, p) ? p : 0;
}

/* A word: letters and digits, joined by inner hyphens ("Saint-Étienne",
 * also broken at a line end, but "3-4" stays three tokens), inner
 * apostrophes ("aujourd'hui") unless what precedes is an elided form
 * ("d'" + "Interpol") or what follows a clitic, and decimal separators
 * between digits ("10,5"). */
static void
scan_word(Seg *s)
{
  size_t l;
  uint32_t cp = cp_at(s, s->pos, &l);
  if (ng_cp_is_letter(cp) && s->max_abbrev) {
    bool may_end = false;
    size_t end = match_abbrev(s, &may_end);
    if (s->st != NG_SUCCESS)
      return;
    if (end) {
      emit_word(s, s->pos, end, NG_TOK_ABBREV | (may_end ? TOK_MAY_END : 0));
      return;
    }
  }
  size_t start = s->pos, p = s->pos;
  bool seg_digits = true; /* the current hyphen-separated part is digits */
  size_t seg_start = p;
  for (;;) {
    cp = cp_at(s, p, &l);
    if (!l)
      break;
    if (is_word_char(cp) || (is_extend(cp) && p > start)) {
      if (!ng_cp_is_digit(cp))
        seg_digits = false;
      p += l;
      continue;
    }
    size_t skip = p > start ? ng_line_end_hyphen(s->text + p, s->len - p) : 0;
    if (skip) { /* "gouver-\nnement": one word */
      p += skip;
      seg_start = p;
      seg_digits = false;
      continue;
    }
    /* "Saint-\nÉtienne": one word, as "Saint-Étienne", when both halves
     * are capitalised ("mai-\nLe" is a date and a dash). */
    skip = p > start && ng_cp_is_upper(first_letter(s->text + start, p - start))
               ? ng_line_end_compound(s->text + p, s->len - p)
               : 0;
    if (skip) {
      p += l + skip;
      seg_start = p;
      seg_digits = false;
      continue;
    }
    size_t nl;
    uint32_t next = cp_at(s, p + l, &nl);
    if ((is_hyphen(cp) || cp == 0xAD) && p > start && is_word_char(next)) {
      if (seg_digits && ng_cp_is_digit(next))
        break; /* "3-4" */
      p += l;
      seg_start = p;
      seg_digits = true;
      continue;
    }
    if ((cp == ',' || cp == '.') && seg_digits && p > seg_start &&
        ng_cp_is_digit(next)) {
      p += l;
      continue;
    }
    if (ng_cp_is_apostrophe(cp) && p > start && is_word_char(next)) {
      if (is_elision(s, start, p + l)) {
        emit_word(s, start, p + l, NG_TOK_ELISION);
        if (s->st != NG_SUCCESS)
          return;
        start = p = seg_start = s->pos;
        seg_digits = true;
        continue;
      }
      if (s->st != NG_SUCCESS)
        return;
      size_t ce = clitic_end(s, p);
      if (s->st != NG_SUCCESS)
        return;
      if (ce) {
        emit_word(s, start, p, 0);
        emit_word(s, p, ce, 0);
        return;
      }
      if (ng_cp_is_letter(next)) {
        p += l;
        seg_digits = false;
        continue;
      }
    }
    break;
  }
  if (p > start)
    emit_word(s, start, p, 0);
}

/* A punctuation mark or symbol: one code point with what extends it,
 * except that a run of dots ("...") is one token. */
static void
scan_punct(Seg *s)
{
  size_t l, p = s->pos;
  uint32_t nchars = 0;
  uint32_t cp = cp_at(s, p, &l);
  p += l;
  nchars++;
  if (cp == '.') {
    while (p < s->len && s->text[p] == '.') {
      p++;
      nchars++;
    }
  }
  for (;;) {
    uint32_t next = cp_at(s, p, &l);
    if (!l || !is_extend(next))
      break;
    p += l;
    nchars++;
  }
  push(s, s->pos, p, s->cpos, nchars, NG_TOK_PUNCT);
  s->pos = p;
  s->cpos += nchars;
}

static void
set_limits(Seg *s)
{
  s->max_abbrev = ng_lexicon_max_chars(s->lex, CLS_ABBREV);
  s->max_elision = ng_lexicon_max_chars(s->lex, CLS_ELISION);
  s->max_clitic = ng_lexicon_max_chars(s->lex, CLS_CLITIC);
  s->max_ordinal = ng_lexicon_max_chars(s->lex, CLS_ORDINAL);
  s->max_definite = ng_lexicon_max_chars(s->lex, CLS_DEFINITE);
}

static NgStatus
tokenize(Seg *s)
{
  set_limits(s);
  s->pending = NG_TOK_LINE_START;
  while (s->pos < s->len && s->st == NG_SUCCESS) {
    size_t l;
    uint32_t cp = cp_at(s, s->pos, &l);
    if (is_blank(cp)) {
      s->pending |= NG_TOK_SPACE_BEFORE;
      if (is_line_break(cp))
        s->pending |= NG_TOK_LINE_START;
      s->pos += l;
      s->cpos++;
    } else if (is_word_char(cp)) {
      scan_word(s);
    } else {
      scan_punct(s);
    }
  }
  return s->st;
}

/* ---- sentences ---- */

static uint32_t
tok_first_cp(const Seg *s, const NgToken *t)
{
  size_t l;
  return cp_at(s, t->b0, &l);
}

static bool
is_single_char(const NgToken *t)
{
  return t->c1 - t->c0 == 1;
}

/* The last code point of the bytes [b, e) (e > b). */
static uint32_t
last_cp(const Seg *s, size_t b, size_t e)
{
  size_t p = e - 1;
  while (p > b && ((unsigned char)s->text[p] & 0xC0) == 0x80)
    p--;
  size_t l;
  return cp_at(s, p, &l);
}

/* Whether a line ending with @p cp ends a sentence: its final
 * punctuation, or a closing quote or bracket after it. */
static bool
closes_sentence(uint32_t cp)
{
  static const uint32_t closers[] = {'.', '!', '?', ':', ';', '"', '\'',
                                     ')', ']', 0xBB, 0x2019, 0x201D, 0x2026};
  for (size_t i = 0; i < sizeof closers / sizeof closers[0]; i++)
    if (cp == closers[i])
      return true;
  return false;
}

/* Whether the text is wrapped at a fixed width (OCR, printed columns,
 * plain-text mail) rather than written one paragraph per line: it has at
 * least WRAP_MIN_LINES lines, and most of them are short and do not end
 * with a sentence's punctuation. News written one paragraph per line has
 * long lines that end with a full stop, and a few short ones (headline,
 * dateline, byline) that do not. */
#define WRAP_MIN_LINES 6
#define WRAP_SHORT_LINE 120 /* bytes */

static bool
wrapped_text(Seg *s)
{
  size_t lines = 0, open = 0, shorter = 0;
  size_t by_len[WRAP_SHORT_LINE + 1] = {0};
  for (size_t b = 0; b < s->len;) {
    size_t e = b;
    while (e < s->len && s->text[e] != '\n')
      e++;
    size_t last = e;
    while (last > b && (s->text[last - 1] == ' ' || s->text[last - 1] == '\t' ||
                        s->text[last - 1] == '\r'))
      last--;
    if (last > b && e < s->len) { /* a line with text, not the last */
      lines++;
      shorter += e - b < WRAP_SHORT_LINE;
      by_len[e - b < WRAP_SHORT_LINE ? e - b : WRAP_SHORT_LINE]++;
      open += !closes_sentence(last_cp(s, b, last));
    }
    b = e + 1;
  }
  if (lines < WRAP_MIN_LINES || open * 10 < lines * 6 ||
      shorter * 10 < lines * 7)
    return false;
  size_t seen = 0;
  for (s->width = 0; s->width < WRAP_SHORT_LINE; s->width++) {
    seen += by_len[s->width];
    if (seen * 2 >= lines)
      break;
  }
  return true;
}

/* The length in bytes of the line that ends at byte @p end. */
static size_t
line_length(const Seg *s, size_t end)
{
  size_t b = end;
  while (b > 0 && s->text[b - 1] != '\n')
    b--;
  return end - b;
}

/* A line break inside a sentence: text wrapped at a fixed width (printed
 * columns, OCR, plain-text mail) breaks lines anywhere. The break is soft
 * when it is a single one (not a blank line) and the next line goes on in
 * lower case after a word, a comma or a semicolon ("le Conseil\nnational",
 * "M. Ammann,\nprésident"), or the line before ends with a word that cannot end
 * a sentence or a headline (a function word, an honorific, a rank, a
 * given name or a particle: "de", "M.", "général", "Louis", "van der"),
 * or with a hyphen stuck to a word ("Saint-\nÉtienne") or an initial
 * ("G.\nDaughtry"). */
static bool
soft_line_break(const Seg *s, size_t i)
{
  const NgToken *t = &s->toks[i], *e = &s->toks[i - 1];
  size_t breaks = 0;
  for (size_t b = e->b1; b < t->b0; b++) {
    if (s->text[b] == '\n' || (s->text[b] == '\r' && s->text[b + 1] != '\n'))
      breaks++;
    else if (s->text[b] != ' ' && s->text[b] != '\t' && s->text[b] != '\r')
      return false; /* a form feed, a paragraph separator... */
  }
  if (breaks != 1)
    return false;
  /* In wrapped text, the punctuation decides (breaks_before), except
   * after a short line: the end of a paragraph, a heading, a line of a
   * list or an address. */
  if (s->wrapped && line_length(s, e->b1) * 10 >= s->width * 6)
    return true;
  if ((e->flags & NG_TOK_PUNCT) && !(e->flags & NG_TOK_SPACE_BEFORE) &&
      is_hyphen(tok_first_cp(s, e)))
    return true; /* "Saint-\nÉtienne" */
  if (i >= 2 && tok_first_cp(s, e) == '.' && is_single_char(e) &&
      !(e->flags & NG_TOK_SPACE_BEFORE) && is_single_char(&s->toks[i - 2]) &&
      ng_cp_is_upper(tok_first_cp(s, &s->toks[i - 2])) &&
      ng_cp_is_upper(tok_first_cp(s, t)))
    return true; /* an initial: "Wm. G.\nDaughtry" */
  uint32_t cp = tok_first_cp(s, t);
  bool lower = ng_cp_is_letter(cp) && !ng_cp_is_upper(cp) && cp < 0x5D0;
  if ((e->flags & NG_TOK_PUNCT) && lower &&
      (tok_first_cp(s, e) == ',' || tok_first_cp(s, e) == ';'))
    return true; /* "M. Ammann,\nprésident de ..." */
  if (!(e->flags & NG_TOK_ALPHA))
    return false;
  if (lower)
    return true;
  if (!s->lex || (e->flags & NG_TOK_UPPER))
    return false;
  NgBuf f;
  ng_buf_init(&f);
  ng_fold(s->text + e->b0, e->b1 - e->b0, &f);
  bool glue = !f.failed && f.data &&
              (ng_lexicon_has(s->lex, "stopword", f.data) ||
               ng_lexicon_has(s->lex, "person_title", f.data) ||
               ng_lexicon_has(s->lex, "rank", f.data) ||
               ng_lexicon_has(s->lex, "name_particle", f.data) ||
               ng_lexicon_has(s->lex, "first_name", f.data));
  ng_buf_free(&f);
  return glue;
}

/* Whether a sentence ends before token @p i (i > 0). */
static bool
breaks_before(const Seg *s, size_t i)
{
  const NgToken *t = &s->toks[i];
  if ((t->flags & NG_TOK_LINE_START) && !soft_line_break(s, i))
    return true;
  if (!(t->flags & NG_TOK_SPACE_BEFORE))
    return false;
  if (!may_start_sentence(tok_first_cp(s, t)))
    return false;
  size_t j = i - 1;
  /* Skip closing quotes and brackets: "fini. » Il" ends after ». */
  for (int k = 0; k < 3 && j > 0; k++) {
    const NgToken *c = &s->toks[j];
    if (!(c->flags & NG_TOK_PUNCT) || !is_single_char(c) ||
        !is_closer(tok_first_cp(s, c)))
      break;
    j--;
  }
  const NgToken *e = &s->toks[j];
  if (e->flags & NG_TOK_ABBREV)
    return (e->flags & TOK_MAY_END) && s->text[e->b1 - 1] == '.';
  if (!(e->flags & NG_TOK_PUNCT) || !is_sentence_final(tok_first_cp(s, e)))
    return false;
  /* "J. Smith": a single capital glued to the dot is an initial. */
  if (j > 0 && s->text[e->b0] == '.' && e->b1 - e->b0 == 1) {
    const NgToken *w = &s->toks[j - 1];
    if (w->b1 == e->b0 && is_single_char(w) && (w->flags & NG_TOK_CAP))
      return false;
  }
  return true;
}

static NgStatus
place_sentences(Seg *s, NgSegmentation *out)
{
  size_t n_sents = 0;
  for (size_t i = 0; i < s->n; i++) {
    if (i == 0 || breaks_before(s, i)) {
      s->toks[i].flags |= NG_TOK_SENT_START;
      n_sents++;
    }
  }
  if (n_sents > UINT32_MAX)
    return NG_ERR_LIMIT;
  NgSentence *sents = NULL;
  if (n_sents) {
    sents = ng_arena_alloc(s->arena, n_sents * sizeof *sents);
    if (!sents)
      return NG_ERR_NOMEM;
  }
  size_t k = 0;
  for (size_t i = 0; i < s->n; i++) {
    NgToken *t = &s->toks[i];
    if (t->flags & NG_TOK_SENT_START) {
      if (k > 0)
        sents[k - 1].t1 = (uint32_t)i;
      sents[k].t0 = (uint32_t)i;
      sents[k].b0 = t->b0;
      sents[k].c0 = t->c0;
      k++;
    }
    t->sent = (uint32_t)(k - 1);
    sents[k - 1].t1 = (uint32_t)i + 1;
    sents[k - 1].b1 = t->b1;
    sents[k - 1].c1 = t->c1;
  }
  out->sents = sents;
  out->n_sents = n_sents;
  return NG_SUCCESS;
}

/* ---- entry points ---- */

static NgStatus
run(const char *text,
    size_t len,
    const NgLexicon *lex,
    NgArena *arena,
    bool sentences,
    NgSegmentation *out)
{
  memset(out, 0, sizeof *out);
  if (!arena || (!text && len))
    return NG_ERR_ARG;
  if (len >= UINT32_MAX)
    return NG_ERR_LIMIT;
  if (len && ng_utf8_valid_prefix(text, len) != len)
    return NG_ERR_ENCODING;
  Seg s;
  memset(&s, 0, sizeof s);
  s.text = text;
  s.len = len;
  s.lex = lex;
  s.arena = arena;
  s.st = NG_SUCCESS;
  ng_buf_init(&s.fold);
  NgStatus st = tokenize(&s);
  if (st == NG_SUCCESS && s.n) {
    if (sentences) {
      s.wrapped = wrapped_text(&s);
      st = place_sentences(&s, out);
    }
    for (size_t i = 0; i < s.n; i++)
      s.toks[i].flags &= ~TOK_MAY_END;
  }
  if (st == NG_SUCCESS && s.n) {
    /* Give back the growth slack before the arena copy: the peak stays
     * near twice the tokens, not three times. A failed shrink is fine. */
    if (s.cap > s.n) {
      NgToken *shrunk = ng_realloc(s.toks, s.n * sizeof *s.toks);
      if (shrunk)
        s.toks = shrunk;
    }
    out->tokens = ng_arena_alloc(arena, s.n * sizeof *s.toks);
    if (out->tokens) {
      memcpy(out->tokens, s.toks, s.n * sizeof *s.toks);
      out->n_tokens = s.n;
    } else {
      st = NG_ERR_NOMEM;
    }
  }
  ng_free(s.toks);
  ng_buf_free(&s.fold);
  if (st != NG_SUCCESS)
    memset(out, 0, sizeof *out);
  return st;
}

NgStatus
ng_segment(const char *text,
           size_t len,
           const NgLexicon *lex,
           NgArena *arena,
           NgSegmentation *out)
{
  if (!out)
    return NG_ERR_ARG;
  return run(text, len, lex, arena, true, out);
}

NgStatus
ng_tokenize(const char *text,
            size_t len,
            const NgLexicon *lex,
            NgArena *arena,
            NgToken **tokens,
            size_t *n)
{
  if (!tokens || !n)
    return NG_ERR_ARG;
  NgSegmentation seg;
  NgStatus st = run(text, len, lex, arena, false, &seg);
  *tokens = seg.tokens;
  *n = seg.n_tokens;
  return st;
}
