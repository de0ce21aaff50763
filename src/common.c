/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0 */
#ifdef HAVE_CONFIG_H
#  include "config.h"
#endif
#include "common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef PACKAGE_VERSION
#  define PACKAGE_VERSION "0.0.0"
#endif
#ifndef NG_PKGDATADIR
#  define NG_PKGDATADIR "/usr/local/share/newsgraph"
#endif

/* ------------------------------------------------------------------ */
/* Status and version                                                  */

const char *
ng_strerror(NgStatus st)
{
  switch (st) {
  case NG_SUCCESS: return "success";
  case NG_FAILURE: return "nothing found";
  case NG_ERR_NOMEM: return "out of memory";
  case NG_ERR_IO: return "input/output error";
  case NG_ERR_ENCODING: return "invalid text encoding";
  case NG_ERR_SYNTAX: return "syntax error";
  case NG_ERR_LIMIT: return "limit exceeded";
  case NG_ERR_ARG: return "invalid argument";
  case NG_ERR_RDF: return "RDF library error";
  case NG_ERR_NETWORK: return "network error";
  case NG_ERR_DATA: return "missing or inconsistent resource data";
  }
  return "unknown status";
}

const char *
ng_version(void)
{
  return PACKAGE_VERSION;
}

/* ------------------------------------------------------------------ */
/* Allocation                                                          */

static NgAllocator g_alloc = {malloc, realloc, free};

void
ng_set_allocator(const NgAllocator *a)
{
  if (a) {
    g_alloc = *a;
  } else {
    g_alloc.malloc_fn = malloc;
    g_alloc.realloc_fn = realloc;
    g_alloc.free_fn = free;
  }
}

void *
ng_malloc(size_t n)
{
  return g_alloc.malloc_fn(n ? n : 1);
}

void *
ng_calloc(size_t count, size_t size)
{
  if (size && count > SIZE_MAX / size) {
    return NULL;
  }
  size_t n = count * size;
  void *p = ng_malloc(n);
  if (p) {
    memset(p, 0, n ? n : 1);
  }
  return p;
}

void *
ng_realloc(void *p, size_t n)
{
  return g_alloc.realloc_fn(p, n ? n : 1);
}

void
ng_free(void *p)
{
  if (p) {
    g_alloc.free_fn(p);
  }
}

char *
ng_strndup(const char *s, size_t n)
{
  char *d = ng_malloc(n + 1);
  if (d) {
    memcpy(d, s, n);
    d[n] = '\0';
  }
  return d;
}

char *
ng_strdup(const char *s)
{
  return s ? ng_strndup(s, strlen(s)) : NULL;
}

bool
ng_grow(void **items, size_t *cap, size_t need, size_t size)
{
  if (need <= *cap) {
    return true;
  }
  size_t ncap = *cap ? *cap : 8;
  while (ncap < need) {
    if (ncap > SIZE_MAX / 2) {
      return false;
    }
    ncap *= 2;
  }
  if (size && ncap > SIZE_MAX / size) {
    return false;
  }
  void *p = ng_realloc(*items, ncap * size);
  if (!p) {
    return false;
  }
  *items = p;
  *cap = ncap;
  return true;
}

/* ------------------------------------------------------------------ */
/* Arena                                                               */

typedef struct NgChunk {
  struct NgChunk *next;
  size_t size, used;
  /* data follows, 16-byte aligned */
} NgChunk;

struct NgArena {
  NgChunk *head;
  size_t chunk_size;
};

#define NG_CHUNK_HDR ((sizeof(NgChunk) + 15) & ~(size_t)15)

static NgChunk *
chunk_new(size_t size)
{
  NgChunk *c = ng_malloc(NG_CHUNK_HDR + size);
  if (c) {
    c->next = NULL;
    c->size = size;
    c->used = 0;
  }
  return c;
}

NgArena *
ng_arena_new(size_t chunk_size)
{
  NgArena *a = ng_calloc(1, sizeof(*a));
  if (!a) {
    return NULL;
  }
  a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
  a->head = chunk_new(a->chunk_size);
  if (!a->head) {
    ng_free(a);
    return NULL;
  }
  return a;
}

void *
ng_arena_alloc(NgArena *a, size_t n)
{
  n = (n + 7) & ~(size_t)7;
  if (n == 0) {
    n = 8;
  }
  NgChunk *c = a->head;
  if (c->size - c->used < n) {
    /* Big requests get a chunk of their own, put behind the current one so
     * the current chunk's free space is not wasted. */
    size_t size = n > a->chunk_size / 4 ? n : a->chunk_size;
    NgChunk *nc = chunk_new(size);
    if (!nc) {
      return NULL;
    }
    if (size == n) {
      nc->next = c->next;
      c->next = nc;
      nc->used = n;
      void *p = (char *)nc + NG_CHUNK_HDR;
      memset(p, 0, n);
      return p;
    }
    nc->next = c;
    a->head = c = nc;
  }
  void *p = (char *)c + NG_CHUNK_HDR + c->used;
  c->used += n;
  memset(p, 0, n);
  return p;
}

char *
ng_arena_strndup(NgArena *a, const char *s, size_t n)
{
  char *d = ng_arena_alloc(a, n + 1);
  if (d) {
    memcpy(d, s, n);
    d[n] = '\0';
  }
  return d;
}

char *
ng_arena_printf(NgArena *a, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  char small[256];
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) {
    return NULL;
  }
  char *d = ng_arena_alloc(a, (size_t)n + 1);
  if (!d) {
    return NULL;
  }
  if ((size_t)n < sizeof small) {
    memcpy(d, small, (size_t)n + 1);
  } else {
    va_start(ap, fmt);
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  return d;
}

void
ng_arena_reset(NgArena *a)
{
  if (!a) {
    return;
  }
  /* Keep the last chunk of the list (the first one allocated, of the
   * standard size) and drop the others. */
  NgChunk *c = a->head, *keep = NULL;
  while (c) {
    NgChunk *next = c->next;
    if (!next && c->size == a->chunk_size) {
      keep = c;
    } else {
      ng_free(c);
    }
    c = next;
  }
  if (!keep) {
    keep = chunk_new(a->chunk_size);
  }
  if (keep) {
    keep->used = 0;
    keep->next = NULL;
  }
  a->head = keep;
}

void
ng_arena_free(NgArena *a)
{
  if (!a) {
    return;
  }
  NgChunk *c = a->head;
  while (c) {
    NgChunk *next = c->next;
    ng_free(c);
    c = next;
  }
  ng_free(a);
}

/* ------------------------------------------------------------------ */
/* Buffers                                                             */

void
ng_buf_init(NgBuf *b)
{
  b->data = NULL;
  b->len = b->cap = 0;
  b->failed = false;
}

void
ng_buf_free(NgBuf *b)
{
  ng_free(b->data);
  ng_buf_init(b);
}

void
ng_buf_clear(NgBuf *b)
{
  b->len = 0;
  if (b->data) {
    b->data[0] = '\0';
  }
}

static bool
buf_reserve(NgBuf *b, size_t extra)
{
  if (b->failed) {
    return false;
  }
  if (b->len + extra + 1 > b->cap) {
    void *p = b->data;
    if (!ng_grow(&p, &b->cap, b->len + extra + 1, 1)) {
      b->failed = true;
      return false;
    }
    b->data = p;
  }
  return true;
}

void
ng_buf_append(NgBuf *b, const char *s, size_t n)
{
  if (!buf_reserve(b, n)) {
    return;
  }
  if (n) {
    memcpy(b->data + b->len, s, n);
  }
  b->len += n;
  b->data[b->len] = '\0';
}

void
ng_buf_puts(NgBuf *b, const char *s)
{
  ng_buf_append(b, s, strlen(s));
}

void
ng_buf_putc(NgBuf *b, char c)
{
  ng_buf_append(b, &c, 1);
}

void
ng_buf_printf(NgBuf *b, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  char small[256];
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) {
    b->failed = true;
    return;
  }
  if ((size_t)n < sizeof small) {
    ng_buf_append(b, small, (size_t)n);
    return;
  }
  if (!buf_reserve(b, (size_t)n)) {
    return;
  }
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

char *
ng_buf_take(NgBuf *b)
{
  char *d = b->data;
  if (!d) {
    d = ng_strdup("");
  }
  ng_buf_init(b);
  return d;
}

/* ------------------------------------------------------------------ */
/* UTF-8                                                               */

size_t
ng_utf8_valid_prefix(const char *str, size_t n)
{
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t len;
    uint32_t min;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2, min = 0x80, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3, min = 0x800, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) {
      return i;
    }
    for (size_t k = 1; k < len; k++) {
      if ((s[i + k] & 0xC0) != 0x80) {
        return i;
      }
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return n;
}

uint32_t
ng_utf8_decode(const char *str, size_t n, size_t *len)
{
  const unsigned char *s = (const unsigned char *)str;
  unsigned char c = s[0];
  if (c < 0x80 || n < 2) {
    *len = 1;
    return c;
  }
  if (c < 0xE0) {
    *len = 2;
    return ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
  }
  if (c < 0xF0 && n >= 3) {
    *len = 3;
    return ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
           (s[2] & 0x3F);
  }
  if (n >= 4) {
    *len = 4;
    return ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
           ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
  }
  *len = 1;
  return 0xFFFD;
}

size_t
ng_utf8_encode(uint32_t cp, char *out)
{
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) {
    o[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

size_t
ng_utf8_count(const char *s, size_t n)
{
  size_t count = 0;
  for (size_t i = 0; i < n; i++) {
    if (((unsigned char)s[i] & 0xC0) != 0x80) {
      count++;
    }
  }
  return count;
}

/* ------------------------------------------------------------------ */
/* Character classes. Ranges cover Latin (with Latin-1, Extended-A/B and
 * Extended Additional), Greek, Cyrillic, Hebrew, Arabic and CJK; news in
 * the languages we read needs no more to find word boundaries. */

bool
ng_cp_is_letter(uint32_t cp)
{
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  if (cp == 0xAA || cp == 0xB5 || cp == 0xBA) {
    return true;
  }
  if (cp >= 0xC0 && cp <= 0x24F) {
    return cp != 0xD7 && cp != 0xF7;
  }
  return (cp >= 0x250 && cp <= 0x2AF) ||   /* IPA */
         (cp >= 0x300 && cp <= 0x36F) ||   /* combining marks: word-inner */
         (cp >= 0x370 && cp <= 0x3FF && cp != 0x37E && cp != 0x387) ||
         (cp >= 0x400 && cp <= 0x52F) ||   /* Cyrillic */
         (cp >= 0x5D0 && cp <= 0x5EA) ||   /* Hebrew */
         (cp >= 0x620 && cp <= 0x64A) ||   /* Arabic letters */
         (cp >= 0x64B && cp <= 0x65F) ||   /* Arabic marks */
         (cp >= 0x66E && cp <= 0x6D3) ||
         (cp >= 0x6FA && cp <= 0x6FC) ||
         (cp >= 0x1E00 && cp <= 0x1EFF) || /* Latin Extended Additional */
         (cp >= 0x3040 && cp <= 0x30FF) || /* kana */
         (cp >= 0x4E00 && cp <= 0x9FFF) || /* CJK */
         (cp >= 0xAC00 && cp <= 0xD7A3);   /* Hangul */
}

bool
ng_cp_is_digit(uint32_t cp)
{
  return (cp >= '0' && cp <= '9') || (cp >= 0x660 && cp <= 0x669) ||
         (cp >= 0x6F0 && cp <= 0x6F9);
}

bool
ng_cp_is_space(uint32_t cp)
{
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
         cp == '\v' || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool
ng_cp_is_apostrophe(uint32_t cp)
{
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x2018;
}

bool
ng_cp_is_dash(uint32_t cp)
{
  return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

uint32_t
ng_cp_lower(uint32_t cp)
{
  if (cp < 0x80) {
    return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  }
  if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) {
    return cp + 32;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    /* Latin Extended-A pairs: even upper, odd lower, except the ranges
     * 0x139-0x148 and 0x179-0x17E where odd is upper. */
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) {
      return (cp & 1) ? cp + 1 : cp;
    }
    if (cp == 0x130) {
      return 'i';
    }
    if (cp == 0x178) {
      return 0xFF;
    }
    return (cp & 1) ? cp : cp + 1;
  }
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) {
    return cp + 32;
  }
  if (cp >= 0x410 && cp <= 0x42F) {
    return cp + 32;
  }
  if (cp >= 0x400 && cp <= 0x40F) {
    return cp + 80;
  }
  if (cp >= 0x1E00 && cp <= 0x1EFF) {
    return (cp & 1) ? cp : cp + 1;
  }
  return cp;
}

bool
ng_cp_is_upper(uint32_t cp)
{
  return ng_cp_lower(cp) != cp;
}

uint32_t
ng_cp_upper(uint32_t cp)
{
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
  }
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) {
    return cp - 32;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) {
      return (cp & 1) ? cp : cp - 1;
    }
    return (cp & 1) ? cp - 1 : cp;
  }
  if (cp >= 0x3B1 && cp <= 0x3CB && cp != 0x3C2) {
    return cp - 32;
  }
  if (cp >= 0x430 && cp <= 0x44F) {
    return cp - 32;
  }
  if (cp >= 0x450 && cp <= 0x45F) {
    return cp - 80;
  }
  return cp;
}

/* Base letters of Latin-1 Supplement 0xC0..0xFF (lower-cased), "" where
 * the character is no letter. */
static const char *const latin1_base[64] = {
  "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",
  "i", "d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y",
  "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
  "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u",
  "u", "u", "y", "th", "y"};

/* Base letters of Latin Extended-A 0x100..0x17F in pairs. */
static const char ext_a_base[] =
  "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkkllllllllll"
  "nnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

static const char *
fold_latin(uint32_t cp, char *tmp)
{
  if (cp >= 0xC0 && cp <= 0xFF) {
    return latin1_base[cp - 0xC0];
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x152 || cp == 0x153) {
      return "oe";
    }
    if (cp == 0x132 || cp == 0x133) {
      return "ij";
    }
    size_t i = cp - 0x100;
    if (i < sizeof ext_a_base - 1) {
      tmp[0] = ext_a_base[i];
      tmp[1] = '\0';
      return tmp;
    }
  }
  return NULL;
}

/* A hyphen at @p s broken at a line end: the offset of the letter after
 * the blanks (storing it in *next), or 0. The blanks hold exactly one
 * line break; OCR's not-sign marks a break even where the line break
 * became a space ("Allema¬ gne"). */
static size_t
broken_hyphen(const char *s, size_t n, uint32_t *next)
{
  size_t len;
  uint32_t cp = ng_utf8_decode(s, n, &len);
  if (cp != '-' && cp != 0xAD && cp != 0xAC && cp != 0x2010 && cp != 0x2011)
    return 0;
  size_t i = len;
  int breaks = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n')))
      breaks++;
    i++;
  }
  if ((breaks != 1 && !(cp == 0xAC && breaks == 0 && i > len)) || i == n)
    return 0;
  *next = ng_utf8_decode(s + i, n - i, &len);
  return ng_cp_is_letter(*next) ? i : 0;
}

size_t
ng_line_end_hyphen(const char *s, size_t n)
{
  uint32_t cp = 0;
  size_t i = broken_hyphen(s, n, &cp);
  return i && ng_cp_lower(cp) == cp && ng_cp_upper(cp) != cp ? i : 0;
}

size_t
ng_line_end_compound(const char *s, size_t n)
{
  uint32_t cp = 0;
  size_t i = broken_hyphen(s, n, &cp);
  if (!i || !ng_cp_is_upper(cp))
    return 0;
  /* a name's capital, then lower case: not an initial ("Lausanne-\nH.
   * C. Sion"), nor a word in capitals, where the break may be inside the
   * word ("AFFAI¬\nRES") */
  size_t len;
  (void)ng_utf8_decode(s + i, n - i, &len);
  if (i + len >= n)
    return 0;
  size_t len2;
  uint32_t cp2 = ng_utf8_decode(s + i + len, n - i - len, &len2);
  if (!ng_cp_is_letter(cp2) || ng_cp_is_upper(cp2) || ng_cp_upper(cp2) == cp2)
    return 0;
  (void)ng_utf8_decode(s, n, &len);
  return i - len;
}

/* Whether the word that ends at s[i] (letters and inner hyphens back to
 * a blank) starts with a capital: a broken compound is a name's
 * ("Saint-\nÉtienne"), not a dash after a word ("mai-\nLe"). */
static bool
capitalised_before(const char *s, size_t i)
{
  size_t w = i;
  while (w > 0 && s[w - 1] != ' ' && s[w - 1] != '\t' && s[w - 1] != '\n' &&
         s[w - 1] != '\r') {
    w--;
  }
  size_t len;
  return w < i && ng_cp_is_upper(ng_utf8_decode(s + w, i - w, &len));
}

void
ng_clean_name(const char *s, size_t n, NgBuf *out)
{
  size_t i = 0, start = out->len;
  bool space = false, line = false;
  while (i < n) {
    size_t skip = i > 0 && !space ? ng_line_end_hyphen(s + i, n - i) : 0;
    if (skip) {
      i += skip;
      continue;
    }
    /* (the compound first: it needs blanks after the hyphen, which
     * bound the scan back of capitalised_before, so a word of hyphens
     * stays linear) */
    skip = i > 0 && !space ? ng_line_end_compound(s + i, n - i) : 0;
    if (skip && !capitalised_before(s, i)) {
      skip = 0;
    }
    if (skip) { /* "New¬ York": "New-York" */
      size_t len;
      (void)ng_utf8_decode(s + i, n - i, &len);
      ng_buf_putc(out, '-');
      i += len + skip;
      continue;
    }
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = true;
      line = line || c == '\r' || c == '\n';
      i++;
      continue;
    }
    /* "Saint-\nÉtienne": a hyphen at a line end joins the next line. */
    bool joined = line && out->len > start + 1 &&
                  out->data[out->len - 1] == '-' && out->data[out->len - 2] != ' ';
    if (space && out->len > start && !joined)
      ng_buf_putc(out, ' ');
    space = line = false;
    ng_buf_putc(out, (char)c);
    i++;
  }
}

void
ng_fold(const char *s, size_t n, NgBuf *out)
{
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    bool hyphen = c == '-' || c == 0xC2 || c == 0xE2; /* U+00AC/AD, U+2010/11 */
    bool after_word = hyphen && i > 0 && s[i - 1] != ' ' && s[i - 1] != '\t' &&
                      s[i - 1] != '\n' && s[i - 1] != '\r';
    size_t skip = after_word ? ng_line_end_hyphen(s + i, n - i) : 0;
    if (skip) {
      i += skip;
      continue;
    }
    size_t len;
    uint32_t cp = ng_utf8_decode(s + i, n - i, &len);
    skip = after_word ? ng_line_end_compound(s + i, n - i) : 0;
    if (skip && !capitalised_before(s, i)) {
      skip = 0; /* checked second: see ng_clean_name */
    }
    if (skip) { /* "Saint-\nÉtienne" folds as "saint-etienne" */
      ng_buf_putc(out, '-');
      i += len + skip;
      continue;
    }
    i += len;
    if (cp == 0xAD) {
      continue; /* soft hyphen */
    }
    if (cp < 0x80) {
      ng_buf_putc(out, (char)ng_cp_lower(cp));
      continue;
    }
    if (cp >= 0x300 && cp <= 0x36F) {
      continue; /* combining diacritic */
    }
    if (ng_cp_is_apostrophe(cp)) {
      ng_buf_putc(out, '\'');
      continue;
    }
    if (ng_cp_is_dash(cp)) {
      ng_buf_putc(out, '-');
      continue;
    }
    char tmp[2];
    const char *base = fold_latin(cp, tmp);
    if (base) {
      ng_buf_puts(out, base);
      continue;
    }
    cp = ng_cp_lower(cp);
    if (cp >= 0x1E00 && cp <= 0x1EFF) {
      /* Vietnamese and other Extended Additional letters: keep as is but
       * lower-cased; rare in French and English news. */
    }
    char enc[4];
    ng_buf_append(out, enc, ng_utf8_encode(cp, enc));
  }
}

/* ------------------------------------------------------------------ */
/* NFC for the decomposed Latin text that some editors produce: base letter
 * followed by one combining mark. */

typedef struct {
  uint16_t base, mark, composed;
} NgCompose;

static const NgCompose compose_table[] = {
  {'A', 0x300, 0xC0}, {'A', 0x301, 0xC1}, {'A', 0x302, 0xC2},
  {'A', 0x303, 0xC3}, {'A', 0x308, 0xC4}, {'A', 0x30A, 0xC5},
  {'C', 0x327, 0xC7}, {'E', 0x300, 0xC8}, {'E', 0x301, 0xC9},
  {'E', 0x302, 0xCA}, {'E', 0x308, 0xCB}, {'I', 0x300, 0xCC},
  {'I', 0x301, 0xCD}, {'I', 0x302, 0xCE}, {'I', 0x308, 0xCF},
  {'N', 0x303, 0xD1}, {'O', 0x300, 0xD2}, {'O', 0x301, 0xD3},
  {'O', 0x302, 0xD4}, {'O', 0x303, 0xD5}, {'O', 0x308, 0xD6},
  {'U', 0x300, 0xD9}, {'U', 0x301, 0xDA}, {'U', 0x302, 0xDB},
  {'U', 0x308, 0xDC}, {'Y', 0x301, 0xDD}, {'a', 0x300, 0xE0},
  {'a', 0x301, 0xE1}, {'a', 0x302, 0xE2}, {'a', 0x303, 0xE3},
  {'a', 0x308, 0xE4}, {'a', 0x30A, 0xE5}, {'c', 0x327, 0xE7},
  {'e', 0x300, 0xE8}, {'e', 0x301, 0xE9}, {'e', 0x302, 0xEA},
  {'e', 0x308, 0xEB}, {'i', 0x300, 0xEC}, {'i', 0x301, 0xED},
  {'i', 0x302, 0xEE}, {'i', 0x308, 0xEF}, {'n', 0x303, 0xF1},
  {'o', 0x300, 0xF2}, {'o', 0x301, 0xF3}, {'o', 0x302, 0xF4},
  {'o', 0x303, 0xF5}, {'o', 0x308, 0xF6}, {'u', 0x300, 0xF9},
  {'u', 0x301, 0xFA}, {'u', 0x302, 0xFB}, {'u', 0x308, 0xFC},
  {'y', 0x301, 0xFD}, {'y', 0x308, 0xFF}, {'C', 0x301, 0x106},
  {'c', 0x301, 0x107}, {'C', 0x30C, 0x10C}, {'c', 0x30C, 0x10D},
  {'E', 0x30C, 0x11A}, {'e', 0x30C, 0x11B}, {'G', 0x306, 0x11E},
  {'g', 0x306, 0x11F}, {'I', 0x307, 0x130}, {'N', 0x301, 0x143},
  {'n', 0x301, 0x144}, {'N', 0x30C, 0x147}, {'n', 0x30C, 0x148},
  {'R', 0x30C, 0x158}, {'r', 0x30C, 0x159}, {'S', 0x301, 0x15A},
  {'s', 0x301, 0x15B}, {'S', 0x327, 0x15E}, {'s', 0x327, 0x15F},
  {'S', 0x30C, 0x160}, {'s', 0x30C, 0x161}, {'T', 0x30C, 0x164},
  {'t', 0x30C, 0x165}, {'U', 0x30A, 0x16E}, {'u', 0x30A, 0x16F},
  {'Y', 0x308, 0x178}, {'Z', 0x301, 0x179}, {'z', 0x301, 0x17A},
  {'Z', 0x307, 0x17B}, {'z', 0x307, 0x17C}, {'Z', 0x30C, 0x17D},
  {'z', 0x30C, 0x17E},
};

void
ng_nfc(const char *s, size_t n, NgBuf *out)
{
  size_t i = 0;
  while (i < n) {
    size_t len;
    uint32_t cp = ng_utf8_decode(s + i, n - i, &len);
    if (cp < 0x80 && i + len < n) {
      size_t mlen;
      uint32_t mark = ng_utf8_decode(s + i + len, n - i - len, &mlen);
      if (mark >= 0x300 && mark <= 0x36F) {
        uint32_t composed = 0;
        for (size_t k = 0; k < NG_COUNTOF(compose_table); k++) {
          if (compose_table[k].base == cp && compose_table[k].mark == mark) {
            composed = compose_table[k].composed;
            break;
          }
        }
        if (composed) {
          char enc[4];
          ng_buf_append(out, enc, ng_utf8_encode(composed, enc));
          i += len + mlen;
          continue;
        }
      }
    }
    ng_buf_append(out, s + i, len);
    i += len;
  }
}

/* ------------------------------------------------------------------ */

uint64_t
ng_hash64(const void *data, size_t n, uint64_t seed)
{
  /* FNV-1a, 64-bit: fixed by the IRI contract, so never change it. */
  const unsigned char *p = data;
  uint64_t h = 0xcbf29ce484222325ULL ^ seed;
  for (size_t i = 0; i < n; i++) {
    h ^= p[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}

/* ---- string map ---- */

bool
ng_ascii_case_eq(const char *a, const char *b)
{
  for (; *a && *b; a++, b++) {
    char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a - 'A' + 'a') : *a;
    char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b - 'A' + 'a') : *b;
    if (x != y) {
      return false;
    }
  }
  return *a == *b;
}

NgStatus
ng_named_value(const NgNamedValue *table, size_t n, const char *name, int *out)
{
  if (!table || !name || !out) {
    return NG_ERR_ARG;
  }
  for (size_t i = 0; i < n; i++) {
    if (ng_ascii_case_eq(name, table[i].name)) {
      *out = table[i].value;
      return NG_SUCCESS;
    }
  }
  return NG_ERR_ARG;
}

void
ng_strmap_free(NgStrMap *m)
{
  if (!m) {
    return;
  }
  ng_free((void *)m->keys);
  ng_free(m->vals);
  memset(m, 0, sizeof(*m));
}

/* The slot of @p key: its own, or the empty one it would take. */
static size_t
strmap_slot(const NgStrMap *m, const char *key)
{
  size_t mask = m->cap - 1;
  size_t i = (size_t)ng_hash64(key, strlen(key), 0) & mask;
  while (m->keys[i] && strcmp(m->keys[i], key) != 0) {
    i = (i + 1) & mask;
  }
  return i;
}

int32_t
ng_strmap_get(const NgStrMap *m, const char *key)
{
  if (!m->cap) {
    return -1;
  }
  size_t i = strmap_slot(m, key);
  return m->keys[i] ? m->vals[i] : -1;
}

NgStatus
ng_strmap_put(NgStrMap *m, const char *key, int32_t val)
{
  if ((m->count + 1) * 2 > m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 64;
    NgStrMap g = {ng_calloc(cap, sizeof(char *)), ng_calloc(cap, sizeof(int32_t)),
                  cap, 0};
    if (!g.keys || !g.vals) {
      ng_strmap_free(&g);
      return NG_ERR_NOMEM;
    }
    for (size_t i = 0; i < m->cap; i++) {
      if (m->keys[i]) {
        size_t j = strmap_slot(&g, m->keys[i]);
        g.keys[j] = m->keys[i];
        g.vals[j] = m->vals[i];
        g.count++;
      }
    }
    ng_strmap_free(m);
    *m = g;
  }
  size_t i = strmap_slot(m, key);
  if (!m->keys[i]) {
    m->keys[i] = key;
    m->count++;
  }
  m->vals[i] = val;
  return NG_SUCCESS;
}

const char *
ng_format_decimal(double v, char *buf, size_t size)
{
  /* Integer arithmetic: printf's %f follows LC_NUMERIC. */
  if (!(v == v)) {
    v = 0;
  }
  int neg = v < 0;
  if (neg) {
    v = -v;
  }
  long long milli = (long long)(v * 1000.0 + 0.5);
  long long whole = milli / 1000;
  int frac = (int)(milli % 1000);
  if (frac == 0) {
    snprintf(buf, size, "%s%lld.0", neg ? "-" : "", whole);
    return buf;
  }
  char digits[8];
  snprintf(digits, sizeof digits, "%03d", frac);
  size_t nd = 3;
  while (nd > 1 && digits[nd - 1] == '0') {
    digits[--nd] = '\0';
  }
  snprintf(buf, size, "%s%lld.%s", neg ? "-" : "", whole, digits);
  return buf;
}

/* ------------------------------------------------------------------ */

void
ng_log(const NgLog *log, NgLogLevel level, NgStatus st, const char *stage,
       const char *file, unsigned line, unsigned col, const char *fmt, ...)
{
  if (!log || !log->func) {
    return;
  }
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  NgDiag d = {level, st, stage, file, line, col, msg};
  log->func(log->handle, &d);
}

static bool
file_exists(const char *path)
{
  struct stat sb;
  return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

char *
ng_data_find(const char *data_path, const char *name)
{
  const char *path = data_path;
  if (!path || !*path) {
    path = getenv("NEWSGRAPH_DATA_PATH");
  }
  NgBuf b;
  ng_buf_init(&b);
  /* Search the given path, then the installed directory. */
  const char *lists[2] = {path, NG_PKGDATADIR};
  for (size_t l = 0; l < 2; l++) {
    const char *p = lists[l];
    while (p && *p) {
      const char *colon = strchr(p, ':');
      size_t n = colon ? (size_t)(colon - p) : strlen(p);
      if (n) {
        ng_buf_clear(&b);
        ng_buf_append(&b, p, n);
        ng_buf_putc(&b, '/');
        ng_buf_puts(&b, name);
        if (!b.failed && file_exists(b.data)) {
          return ng_buf_take(&b);
        }
      }
      p = colon ? colon + 1 : NULL;
    }
  }
  ng_buf_free(&b);
  return NULL;
}

NgStatus
ng_read_file(const char *path, char **out, size_t *len)
{
  FILE *f = fopen(path, "rb");
  if (!f) {
    return NG_ERR_IO;
  }
  NgBuf b;
  ng_buf_init(&b);
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    ng_buf_append(&b, chunk, n);
  }
  int err = ferror(f);
  fclose(f);
  if (err) {
    ng_buf_free(&b);
    return NG_ERR_IO;
  }
  if (b.failed) {
    ng_buf_free(&b);
    return NG_ERR_NOMEM;
  }
  *len = b.len;
  *out = ng_buf_take(&b);
  return *out ? NG_SUCCESS : NG_ERR_NOMEM;
}

char *
ng_next_line(char **p, char *end)
{
  char *line = *p;
  char *eol = memchr(line, '\n', (size_t)(end - line));
  *p = eol ? eol + 1 : end;
  if (!eol) {
    eol = end;
  }
  if (eol > line && eol[-1] == '\r') {
    eol--;
  }
  *eol = '\0';
  return line;
}
