/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * NgGraph: the set of triples one document produces, before emission.
 *
 * Strings are interned in a per-graph pool (an arena plus an open-addressing
 * hash table), so a subject or predicate repeated across hundreds of triples
 * is stored once, equal strings share one pointer (sorting and
 * deduplication compare pointers before bytes), and ng_graph_reset releases
 * everything of a document in one call.
 *
 * Every term is checked on the way in: whatever sits in a graph can be
 * written by any raptor serializer and loaded by any SPARQL store, so the
 * emitter never has to reject a triple halfway through a document.
 */
#include "common.h"
#include "emit.h"

#include <stdlib.h>
#include <string.h>

#define XSD "http://www.w3.org/2001/XMLSchema#"

typedef struct
{
  const char *str; /* in the arena; NULL for an empty slot */
  size_t len;
  uint64_t hash;
} NgPoolSlot;

struct NgGraphS
{
  char *name; /* ng_strdup'ed: survives ng_graph_reset of the arena */
  NgArena *arena;
  NgTriple *triples;
  size_t len, cap;
  NgPoolSlot *slots;
  size_t nslots, nused; /* nslots is 0 or a power of two */
  bool sorted;          /* no triple added since the last sort */
};

/* ------------------------------------------------------------------ */
/* Term validation.                                                    */

static bool
is_alpha(unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(unsigned char c)
{
  return c >= '0' && c <= '9';
}

static bool
is_hex(unsigned char c)
{
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool
ng_iri_is_valid(const char *iri)
{
  if (!iri || !is_alpha((unsigned char)iri[0])) {
    return false;
  }
  size_t n = strlen(iri);
  if (ng_utf8_valid_prefix(iri, n) != n) {
    return false;
  }
  size_t i = 1;
  while (is_alpha((unsigned char)iri[i]) || is_digit((unsigned char)iri[i]) ||
         iri[i] == '+' || iri[i] == '-' || iri[i] == '.') {
    i++;
  }
  if (iri[i] != ':') {
    return false;
  }
  for (; i < n; i++) {
    unsigned char c = (unsigned char)iri[i];
    if (c <= 0x20 || c == 0x7f) {
      return false;
    }
    switch (c) {
    case '<':
    case '>':
    case '"':
    case '{':
    case '}':
    case '|':
    case '^':
    case '`':
    case '\\':
      return false;
    case '%':
      if (!is_hex((unsigned char)iri[i + 1]) ||
          !is_hex((unsigned char)iri[i + 2])) {
        return false;
      }
      break;
    default:
      break;
    }
    /* C1 controls (U+0080..U+009F) are as illegal in IRIs as C0 ones. */
    if (c == 0xc2 && (unsigned char)iri[i + 1] < 0xa0) {
      return false;
    }
  }
  /* Legal, but raptor 2.0.15's Turtle writer abbreviates "ns#name." to the
   * prefixed name "ng:name.", which no Turtle parser accepts. */
  return iri[n - 1] != '.';
}

/* "_:label": a blank node, only as the parser hands them out (the
 * extraction pipeline itself mints none). ASCII letters, digits, '_', '-'
 * and '.' (not last), so every syntax can write the label unchanged. */
static bool
is_blank(const char *s)
{
  if (s[0] != '_' || s[1] != ':' || !s[2]) {
    return false;
  }
  size_t i = 2;
  for (; s[i]; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!is_alpha(c) && !is_digit(c) && c != '_' && c != '-' && c != '.') {
      return false;
    }
  }
  return s[i - 1] != '.';
}

static bool
is_node(const char *s)
{
  return s && (ng_iri_is_valid(s) || is_blank(s));
}

/* BCP 47 shape: 1-8 letters, then '-' and 1-8 letters or digits, repeated. */
static bool
is_lang(const char *s)
{
  size_t run = 0;
  bool first = true;
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '-') {
      if (run == 0) {
        return false;
      }
      run = 0;
      first = false;
    } else if (is_alpha(c) || (!first && is_digit(c))) {
      if (++run > 8) {
        return false;
      }
    } else {
      return false;
    }
  }
  return run > 0;
}

/* Digits [+-]?[0-9]*(\.[0-9]*)? with at least one digit; *dot set when a
 * '.' was seen. Returns the index just past what was read, 0 on no match. */
static size_t
scan_decimal(const char *s, bool *dot)
{
  size_t i = 0, digits = 0;
  *dot = false;
  if (s[i] == '+' || s[i] == '-') {
    i++;
  }
  for (; is_digit((unsigned char)s[i]); i++) {
    digits++;
  }
  if (s[i] == '.') {
    *dot = true;
    for (i++; is_digit((unsigned char)s[i]); i++) {
      digits++;
    }
  }
  return digits ? i : 0;
}

/* Digits only (at least one) after an optional sign from @p signs. */
static bool
is_integer(const char *s, const char *signs)
{
  if (*s && strchr(signs, *s)) {
    s++;
  }
  if (!is_digit((unsigned char)*s)) {
    return false;
  }
  while (is_digit((unsigned char)*s)) {
    s++;
  }
  return *s == '\0';
}

/* Check the lexical form of the XSD types that raptor's Turtle writer
 * prints bare (integer, decimal, double, boolean) and give the form that
 * writer keeps as the same typed term: *value replaced (or kept) and
 * *suffix appended. That writer prints these literals bare whenever
 * strtod/strtol accept them, so a decimal "1" would read back as the
 * integer 1, a double "0.5" as a decimal, a decimal "5." would end the
 * statement and a double "INF" would not parse at all. Normalising here,
 * once, makes every syntax write the same term: a decimal gets digits after
 * its point ("1" -> "1.0"), a double an exponent ("0.5" -> "0.5E0"), a
 * boolean its word ("1" -> "true"). Returns false when the value is not of
 * its type. */
static bool
normalise_typed(const char *dt, const char **value, const char **suffix)
{
  bool dot;
  const char *v = *value;
  size_t n = strlen(v);
  *suffix = "";
  if (strcmp(dt, XSD "decimal") == 0) {
    if (n == 0 || scan_decimal(v, &dot) != n) {
      return false;
    }
    if (!dot) {
      *suffix = ".0";
    } else if (v[n - 1] == '.') {
      *suffix = "0";
    }
  } else if (strcmp(dt, XSD "double") == 0) {
    size_t m = scan_decimal(v, &dot);
    if (m == 0) {
      return false; /* also INF and NaN: Turtle has no bare form for them */
    }
    if (m == n) {
      *suffix = "E0";
    } else if ((v[m] != 'e' && v[m] != 'E') || !is_integer(v + m + 1, "+-")) {
      return false;
    }
  } else if (strcmp(dt, XSD "integer") == 0) {
    return is_integer(v, "+-");
  } else if (strcmp(dt, XSD "nonNegativeInteger") == 0) {
    return is_integer(v, "+");
  } else if (strcmp(dt, XSD "boolean") == 0) {
    if (strcmp(v, "true") == 0 || strcmp(v, "1") == 0) {
      *value = "true";
    } else if (strcmp(v, "false") == 0 || strcmp(v, "0") == 0) {
      *value = "false";
    } else {
      return false;
    }
  }
  return true;
}

/* ------------------------------------------------------------------ */
/* The string pool.                                                    */

static bool
pool_grow(NgGraph *g)
{
  size_t nslots = g->nslots ? g->nslots * 2 : 256;
  if (nslots < g->nslots) {
    return false;
  }
  NgPoolSlot *slots = ng_calloc(nslots, sizeof *slots);
  if (!slots) {
    return false;
  }
  for (size_t i = 0; i < g->nslots; i++) {
    if (!g->slots[i].str) {
      continue;
    }
    size_t j = (size_t)g->slots[i].hash & (nslots - 1);
    while (slots[j].str) {
      j = (j + 1) & (nslots - 1);
    }
    slots[j] = g->slots[i];
  }
  ng_free(g->slots);
  g->slots = slots;
  g->nslots = nslots;
  return true;
}

/* The pooled copy of s[0..n), or NULL when out of memory. */
static const char *
pool_intern(NgGraph *g, const char *s, size_t n)
{
  if ((g->nused + 1) * 2 > g->nslots && !pool_grow(g)) {
    return NULL;
  }
  uint64_t h = ng_hash64(s, n, 0);
  size_t mask = g->nslots - 1;
  size_t i = (size_t)h & mask;
  for (; g->slots[i].str; i = (i + 1) & mask) {
    if (g->slots[i].hash == h && g->slots[i].len == n &&
        memcmp(g->slots[i].str, s, n) == 0) {
      return g->slots[i].str;
    }
  }
  char *copy = ng_arena_strndup(g->arena, s, n);
  if (!copy) {
    return NULL;
  }
  g->slots[i].str = copy;
  g->slots[i].len = n;
  g->slots[i].hash = h;
  g->nused++;
  return copy;
}

static const char *
pool_str(NgGraph *g, const char *s)
{
  return s ? pool_intern(g, s, strlen(s)) : NULL;
}

/* ------------------------------------------------------------------ */
/* The graph.                                                          */

NgGraph *
ng_graph_new(const char *name)
{
  if (name && !ng_iri_is_valid(name)) {
    return NULL;
  }
  NgGraph *g = ng_calloc(1, sizeof *g);
  if (!g) {
    return NULL;
  }
  g->arena = ng_arena_new(64 * 1024);
  g->name = name ? ng_strdup(name) : NULL;
  if (!g->arena || (name && !g->name)) {
    ng_graph_free(g);
    return NULL;
  }
  g->sorted = true;
  return g;
}

void
ng_graph_free(NgGraph *g)
{
  if (!g) {
    return;
  }
  ng_arena_free(g->arena);
  ng_free(g->triples);
  ng_free(g->slots);
  ng_free(g->name);
  ng_free(g);
}

NgStatus
ng_graph_reset(NgGraph *g, const char *name)
{
  if (!g || (name && !ng_iri_is_valid(name))) {
    return NG_ERR_ARG;
  }
  /* Copy first: name may be this graph's own current name. */
  char *copy = NULL;
  if (name && !(copy = ng_strdup(name))) {
    return NG_ERR_NOMEM;
  }
  ng_free(g->name);
  g->name = copy;
  ng_arena_reset(g->arena);
  if (g->slots) {
    memset(g->slots, 0, g->nslots * sizeof *g->slots);
  }
  g->nused = 0;
  g->len = 0;
  g->sorted = true;
  return NG_SUCCESS;
}

const char *
ng_graph_name(const NgGraph *g)
{
  return g ? g->name : NULL;
}

/* Append a triple whose terms are already checked and normalised. */
static NgStatus
graph_push(NgGraph *g, const char *s, const char *p, const char *o,
           const char *lang, const char *datatype, NgTermKind kind)
{
  if (g->len == g->cap &&
      !ng_grow((void **)&g->triples, &g->cap, g->len + 1, sizeof *g->triples)) {
    return NG_ERR_NOMEM;
  }
  NgTriple t;
  t.s = pool_str(g, s);
  t.p = pool_str(g, p);
  t.o = pool_str(g, o);
  t.lang = pool_str(g, lang);
  t.datatype = pool_str(g, datatype);
  t.kind = kind;
  if (!t.s || !t.p || !t.o || (lang && !t.lang) || (datatype && !t.datatype)) {
    return NG_ERR_NOMEM;
  }
  g->triples[g->len++] = t;
  g->sorted = false;
  return NG_SUCCESS;
}

NgStatus
ng_graph_add_iri(NgGraph *g, const char *s, const char *p, const char *o)
{
  if (!g || !is_node(s) || !ng_iri_is_valid(p) || !is_node(o)) {
    return NG_ERR_ARG;
  }
  return graph_push(g, s, p, o, NULL, NULL, NG_TERM_IRI);
}

NgStatus
ng_graph_add_literal(NgGraph *g, const char *s, const char *p,
                     const char *value, const char *lang, const char *datatype)
{
  if (!g || !is_node(s) || !ng_iri_is_valid(p) || !value) {
    return NG_ERR_ARG;
  }
  if (lang && datatype) {
    return NG_ERR_ARG;
  }
  if (lang && !is_lang(lang)) {
    return NG_ERR_ARG;
  }
  if (datatype && !ng_iri_is_valid(datatype)) {
    return NG_ERR_ARG;
  }
  size_t n = strlen(value);
  if (ng_utf8_valid_prefix(value, n) != n) {
    return NG_ERR_ENCODING;
  }

  /* RDF 1.1: a plain literal is an xsd:string; store one form of it. */
  if (datatype && strcmp(datatype, XSD "string") == 0) {
    datatype = NULL;
  }
  const char *suffix = "";
  if (datatype && !normalise_typed(datatype, &value, &suffix)) {
    return NG_ERR_ARG;
  }

  /* The rewritten value or tag is short in practice: build it on the
   * stack, in a buffer only when it is not. */
  char small[64];
  NgBuf buf;
  ng_buf_init(&buf);
  const char *tag = lang;
  if (*suffix) {
    size_t vn = strlen(value), sn = strlen(suffix);
    if (vn + sn < sizeof small) {
      memcpy(small, value, vn);
      memcpy(small + vn, suffix, sn + 1);
      value = small;
    } else {
      ng_buf_puts(&buf, value);
      ng_buf_puts(&buf, suffix);
      value = buf.data;
    }
  } else if (lang && strpbrk(lang, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")) {
    /* Tags are case-insensitive; raptor's parsers lower-case them, so
     * doing the same here makes a parsed graph equal the emitted one. */
    size_t ln = strlen(lang);
    char *d = small;
    if (ln >= sizeof small) {
      ng_buf_puts(&buf, lang);
      d = buf.data;
    } else {
      memcpy(small, lang, ln + 1);
    }
    for (size_t i = 0; d && d[i]; i++) {
      if (d[i] >= 'A' && d[i] <= 'Z') {
        d[i] = (char)(d[i] - 'A' + 'a');
      }
    }
    tag = d;
  }
  NgStatus st = buf.failed
                  ? NG_ERR_NOMEM
                  : graph_push(g, s, p, value, tag, datatype, NG_TERM_LITERAL);
  ng_buf_free(&buf);
  return st;
}

static int
cmp_str(const char *a, const char *b)
{
  if (a == b) {
    return 0;
  }
  if (!a) {
    return -1;
  }
  if (!b) {
    return 1;
  }
  return strcmp(a, b); /* compares as unsigned char: bytewise */
}

static int
cmp_triple(const void *va, const void *vb)
{
  const NgTriple *a = va, *b = vb;
  int c;
  if ((c = cmp_str(a->s, b->s)) != 0) {
    return c;
  }
  if ((c = cmp_str(a->p, b->p)) != 0) {
    return c;
  }
  if (a->kind != b->kind) {
    return a->kind < b->kind ? -1 : 1;
  }
  if ((c = cmp_str(a->o, b->o)) != 0) {
    return c;
  }
  if ((c = cmp_str(a->datatype, b->datatype)) != 0) {
    return c;
  }
  return cmp_str(a->lang, b->lang);
}

void
ng_graph_sort(NgGraph *g)
{
  if (!g || g->sorted) {
    return;
  }
  if (g->len > 1) {
    qsort(g->triples, g->len, sizeof *g->triples, cmp_triple);
    /* Interned strings: equal terms are equal pointers. */
    size_t w = 1;
    for (size_t r = 1; r < g->len; r++) {
      const NgTriple *a = &g->triples[w - 1], *b = &g->triples[r];
      if (a->s == b->s && a->p == b->p && a->o == b->o && a->kind == b->kind &&
          a->lang == b->lang && a->datatype == b->datatype) {
        continue;
      }
      g->triples[w++] = *b;
    }
    g->len = w;
  }
  g->sorted = true;
}

size_t
ng_graph_size(const NgGraph *g)
{
  return g ? g->len : 0;
}

const NgTriple *
ng_graph_get(const NgGraph *g, size_t i)
{
  return g && i < g->len ? &g->triples[i] : NULL;
}

NgStatus
ng_graph_append(NgGraph *dst, const NgGraph *src)
{
  if (!dst || !src) {
    return NG_ERR_ARG;
  }
  if (dst == src) {
    return NG_SUCCESS;
  }
  for (size_t i = 0; i < src->len; i++) {
    const NgTriple *t = &src->triples[i];
    NgStatus st =
      graph_push(dst, t->s, t->p, t->o, t->lang, t->datatype, t->kind);
    if (st != NG_SUCCESS) {
      return st;
    }
  }
  return NG_SUCCESS;
}
