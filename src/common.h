/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * Private helpers shared by every stage: allocation through the injectable
 * allocator, per-document arenas, growable buffers, UTF-8 and folding,
 * diagnostics.
 */
#ifndef NG_COMMON_H
#define NG_COMMON_H

#include "newsgraph.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NG_UNUSED(x) ((void)(x))
#define NG_COUNTOF(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#  define NG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define NG_PRINTF(f, a)
#endif

/* ---- allocation (all of the library goes through these) ---- */
void *ng_malloc(size_t n);
void *ng_calloc(size_t count, size_t size);
void *ng_realloc(void *p, size_t n);
void ng_free(void *p);
char *ng_strdup(const char *s);
char *ng_strndup(const char *s, size_t n);

/* Grow *items (of *cap elements of size @p size) to hold @p need; false on
 * overflow or out of memory (the array is left as it was). */
bool ng_grow(void **items, size_t *cap, size_t need, size_t size);

/* ---- arena: per-document memory released in one call ---- */
typedef struct NgArena NgArena;
NgArena *ng_arena_new(size_t chunk_size);
void *ng_arena_alloc(NgArena *a, size_t n);      /* 8-byte aligned, zeroed */
char *ng_arena_strndup(NgArena *a, const char *s, size_t n);
char *ng_arena_printf(NgArena *a, const char *fmt, ...) NG_PRINTF(2, 3);
void ng_arena_reset(NgArena *a); /* keep the first chunk, drop the rest */
void ng_arena_free(NgArena *a);

/* ---- growable byte buffer, always NUL-terminated ---- */
typedef struct {
  char *data;
  size_t len, cap;
  bool failed; /* an allocation failed: later appends are no-ops */
} NgBuf;
void ng_buf_init(NgBuf *b);
void ng_buf_free(NgBuf *b);
void ng_buf_clear(NgBuf *b);
void ng_buf_append(NgBuf *b, const char *s, size_t n);
void ng_buf_puts(NgBuf *b, const char *s);
void ng_buf_putc(NgBuf *b, char c);
void ng_buf_printf(NgBuf *b, const char *fmt, ...) NG_PRINTF(2, 3);
/* Take ownership of the data (free with ng_free); the buffer is emptied. */
char *ng_buf_take(NgBuf *b);

/* ---- UTF-8 ---- */
/* Length of the valid UTF-8 prefix of s (no overlongs, surrogates, or
 * values above U+10FFFF); equals n when all of it is valid. */
size_t ng_utf8_valid_prefix(const char *s, size_t n);
/* Decode one code point at s (n > 0 bytes available, input valid);
 * stores its byte length in *len. */
uint32_t ng_utf8_decode(const char *s, size_t n, size_t *len);
/* Encode cp into out (4 bytes), returns its length. */
size_t ng_utf8_encode(uint32_t cp, char *out);
size_t ng_utf8_count(const char *s, size_t n); /* code points in valid s */

/* Letter classes for the scripts news is written in (Latin with
 * diacritics, Greek, Cyrillic, Arabic); enough for tokenising. */
bool ng_cp_is_letter(uint32_t cp);
bool ng_cp_is_upper(uint32_t cp);
bool ng_cp_is_digit(uint32_t cp);
bool ng_cp_is_space(uint32_t cp);
bool ng_cp_is_apostrophe(uint32_t cp); /* ' and U+2019, U+02BC */
bool ng_cp_is_dash(uint32_t cp);       /* - and U+2010..U+2015 */
uint32_t ng_cp_lower(uint32_t cp);
uint32_t ng_cp_upper(uint32_t cp);

/* A word broken at a line end: at @p s (@p n bytes left) a hyphen, a soft
 * hyphen (U+00AD) or a not-sign used as one by OCR ("Mich¬"), then blanks
 * holding exactly one line break, then a lower-case letter that goes on
 * with the word ("gouver-\nnement", "Mich¬\nigan"). OCR's not-sign also
 * marks a break whose line break became a space ("Allema¬ gne"). Returns
 * the bytes to skip up to that letter, or 0. A break before a capital
 * ("Saint-\nÉtienne", a list's dash) is not one. */
size_t ng_line_end_hyphen(const char *s, size_t n);
/* A compound broken at a line end: the same, but before a capitalised
 * word ("Saint-\nÉtienne", "New¬ York"; not "H." nor "RES"). Returns the
 * bytes of blanks after the hyphen, which go, while the hyphen stays as
 * one; or 0. */
size_t ng_line_end_compound(const char *s, size_t n);

/* Fold for matching: lower case, diacritics removed (é -> e, œ -> oe,
 * ß -> ss), typographic apostrophes and dashes to ASCII ones, soft hyphens
 * and line-end hyphenation (ng_line_end_hyphen) removed. Appends to
 * @p out. */
void ng_fold(const char *s, size_t n, NgBuf *out);

/* The text of [s, s + n) as a name to show: runs of blanks and line
 * breaks become one space and line-end hyphenation is undone. Appends to
 * @p out. */
void ng_clean_name(const char *s, size_t n, NgBuf *out);

/* ---- NFC (ingest) ---- */
/* Compose the common Latin base+combining-mark pairs to their precomposed
 * forms (the decomposed input that word processors and some feeds emit).
 * Appends to @p out. */
void ng_nfc(const char *s, size_t n, NgBuf *out);

/* ---- hashing (deterministic IRIs) ---- */
uint64_t ng_hash64(const void *data, size_t n, uint64_t seed);

/* ---- a string -> int32 hash map ----
 * Open addressing, linear probing; keys are borrowed (they must outlive
 * the map: an arena's strings, a document's tokens). Zero-initialise it
 * ({0}) to start empty. */
typedef struct {
  const char **keys;
  int32_t *vals;
  size_t cap, count;
} NgStrMap;

/* Free the table (the keys are not the map's); it is empty again. */
void ng_strmap_free(NgStrMap *m);
/* The value of @p key, or -1 when absent. */
int32_t ng_strmap_get(const NgStrMap *m, const char *key);
/* Set @p key to @p val; NG_ERR_NOMEM when the table cannot grow. */
NgStatus ng_strmap_put(NgStrMap *m, const char *key, int32_t val);

/* ---- option names ---- */
/* ASCII case-insensitive equality, whatever the locale. */
bool ng_ascii_case_eq(const char *a, const char *b);

/* A name of an enumeration value, as command lines and files spell it. */
typedef struct {
  const char *name;
  int value;
} NgNamedValue;

/* The value named @p name (ASCII case-insensitive) among the @p n entries
 * of @p table into *out: NG_SUCCESS, or NG_ERR_ARG when none (or a NULL
 * argument). */
NgStatus ng_named_value(const NgNamedValue *table, size_t n, const char *name,
                        int *out);

/* ---- locale-proof number formatting ---- */
/* "0.85" whatever the locale; 3 decimals at most, trailing zeros dropped. */
const char *ng_format_decimal(double v, char *buf, size_t size);

/* ---- diagnostics ---- */
typedef struct {
  NgLogFunc func;
  void *handle;
} NgLog;
void ng_log(const NgLog *log, NgLogLevel level, NgStatus st, const char *stage,
            const char *file, unsigned line, unsigned col, const char *fmt,
            ...) NG_PRINTF(8, 9);

/* ---- resource files ---- */
/* Find @p name in the search path (see NgEngineOptions.data_path); returns
 * an owned path or NULL. */
char *ng_data_find(const char *data_path, const char *name);
/* Read a whole file; owned NUL-terminated buffer in *out. */
NgStatus ng_read_file(const char *path, char **out, size_t *len);
/* The next line of such a buffer, cut in place: the line at *p (*p <
 * end) NUL-terminated without its "\n" or "\r\n"; *p moves past it. @p
 * end is the buffer's terminating NUL. */
char *ng_next_line(char **p, char *end);

#endif /* NG_COMMON_H */
