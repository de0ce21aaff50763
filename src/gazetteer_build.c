/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0 */
#define _POSIX_C_SOURCE 200809L
#ifdef HAVE_CONFIG_H
#  include "config.h"
#endif
#include "gazetteer_build.h"

#include "emit.h"

#include <bzlib.h>
#include <errno.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* ------------------------------------------------------------------ */
/* Decompressing reader                                                */

#define DUMP_CHUNK (256u * 1024u)

struct NgDumpReader {
  FILE *f;
  bool own; /* not stdin */
  NgDumpCompression comp;
  unsigned char *in; /* compressed bytes read from f */
  size_t in_len, in_pos;
  bool in_eof;
  char *out; /* decompressed bytes */
  size_t out_len, out_pos;
  bool started, ended; /* the decompressor has been initialised; done */
  bool stream_open;    /* inside a gzip member or bzip2 stream */
  z_stream z;
  bz_stream bz;
  char error[160];
};

const char *
ng_dump_compression_name(NgDumpCompression c)
{
  switch (c) {
  case NG_DUMP_PLAIN: return "plain";
  case NG_DUMP_GZIP: return "gzip";
  case NG_DUMP_BZIP2: return "bzip2";
  }
  return "plain";
}

/* More compressed bytes; false at the end of the file or on error. */
static bool
fill_in(NgDumpReader *r)
{
  if (r->in_pos < r->in_len) {
    return true;
  }
  if (r->in_eof) {
    return false;
  }
  r->in_len = fread(r->in, 1, DUMP_CHUNK, r->f);
  r->in_pos = 0;
  if (r->in_len < DUMP_CHUNK) {
    r->in_eof = true;
  }
  return r->in_len > 0;
}

NgDumpReader *
ng_dump_reader_open(const char *path, NgStatus *st)
{
  NgStatus dummy;
  if (!st) {
    st = &dummy;
  }
  if (!path) {
    *st = NG_ERR_ARG;
    return NULL;
  }
  NgDumpReader *r = ng_calloc(1, sizeof(*r));
  if (!r) {
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  r->in = ng_malloc(DUMP_CHUNK);
  r->out = ng_malloc(DUMP_CHUNK);
  if (!r->in || !r->out) {
    ng_dump_reader_free(r);
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  if (strcmp(path, "-") == 0) {
    r->f = stdin;
  } else {
    r->f = fopen(path, "rb");
    r->own = true;
  }
  if (!r->f) {
    r->own = false;
    ng_dump_reader_free(r);
    *st = NG_ERR_IO;
    return NULL;
  }
  /* The magic bytes decide, not the file name: a renamed or piped dump
   * reads the same. */
  (void)fill_in(r);
  if (ferror(r->f)) {
    ng_dump_reader_free(r);
    *st = NG_ERR_IO;
    return NULL;
  }
  const unsigned char *m = r->in;
  if (r->in_len >= 2 && m[0] == 0x1f && m[1] == 0x8b) {
    r->comp = NG_DUMP_GZIP;
  } else if (r->in_len >= 4 && m[0] == 'B' && m[1] == 'Z' && m[2] == 'h' &&
             m[3] >= '1' && m[3] <= '9') {
    r->comp = NG_DUMP_BZIP2;
  } else {
    r->comp = NG_DUMP_PLAIN;
  }
  *st = NG_SUCCESS;
  return r;
}

void
ng_dump_reader_free(NgDumpReader *r)
{
  if (!r) {
    return;
  }
  if (r->started) {
    switch (r->comp) {
    case NG_DUMP_GZIP: inflateEnd(&r->z); break;
    case NG_DUMP_BZIP2:
      if (r->stream_open) {
        BZ2_bzDecompressEnd(&r->bz);
      }
      break;
    case NG_DUMP_PLAIN: break;
    }
  }
  if (r->f && r->own) {
    fclose(r->f);
  }
  ng_free(r->in);
  ng_free(r->out);
  ng_free(r);
}

NgDumpCompression
ng_dump_reader_compression(const NgDumpReader *r)
{
  return r ? r->comp : NG_DUMP_PLAIN;
}

const char *
ng_dump_reader_error(const NgDumpReader *r)
{
  return r ? r->error : "";
}

static NgStatus
reader_fail(NgDumpReader *r, NgStatus st, const char *msg)
{
  snprintf(r->error, sizeof r->error, "%s", msg);
  r->ended = true;
  return st;
}

/* End of the compressed file: fine between members or streams, a
 * truncated file inside one. */
static NgStatus
at_input_end(NgDumpReader *r)
{
  if (ferror(r->f)) {
    return reader_fail(r, NG_ERR_IO, strerror(errno ? errno : EIO));
  }
  if (r->stream_open) {
    return reader_fail(r, NG_ERR_DATA,
                       r->comp == NG_DUMP_GZIP
                           ? "truncated gzip stream (unexpected end of file)"
                           : "truncated bzip2 stream (unexpected end of "
                             "file)");
  }
  r->ended = true;
  return NG_FAILURE;
}

/* Decompress into r->out; NG_SUCCESS with out_len > 0, NG_FAILURE at the
 * end, or an error. */
static NgStatus
refill_out(NgDumpReader *r)
{
  r->out_pos = r->out_len = 0;
  while (r->out_len == 0) {
    if (r->ended) {
      return r->error[0] ? NG_ERR_DATA : NG_FAILURE;
    }
    if (r->comp == NG_DUMP_PLAIN) {
      if (!fill_in(r)) {
        return at_input_end(r);
      }
      size_t n = r->in_len - r->in_pos;
      memcpy(r->out, r->in + r->in_pos, n);
      r->in_pos += n;
      r->out_len = n;
      continue;
    }
    if (!fill_in(r)) {
      return at_input_end(r);
    }
    if (r->comp == NG_DUMP_GZIP) {
      if (!r->started) {
        memset(&r->z, 0, sizeof r->z);
        /* 15 + 32: a gzip or zlib header, detected. */
        if (inflateInit2(&r->z, 15 + 32) != Z_OK) {
          return reader_fail(r, NG_ERR_NOMEM, "cannot start zlib");
        }
        r->started = true;
      }
      if (!r->stream_open) {
        /* A new member (dumps made by parallel gzip have many). */
        if (inflateReset(&r->z) != Z_OK) {
          return reader_fail(r, NG_ERR_DATA, "zlib reset failed");
        }
        r->stream_open = true;
      }
      r->z.next_in = r->in + r->in_pos;
      r->z.avail_in = (uInt)(r->in_len - r->in_pos);
      r->z.next_out = (Bytef *)r->out;
      r->z.avail_out = DUMP_CHUNK;
      int rc = inflate(&r->z, Z_NO_FLUSH);
      r->in_pos = r->in_len - r->z.avail_in;
      r->out_len = DUMP_CHUNK - r->z.avail_out;
      if (rc == Z_STREAM_END) {
        r->stream_open = false;
      } else if (rc == Z_BUF_ERROR && r->out_len == 0 && r->z.avail_in) {
        return reader_fail(r, NG_ERR_DATA, "corrupt gzip stream");
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        char msg[128];
        snprintf(msg, sizeof msg, "corrupt gzip stream: %s",
                 r->z.msg ? r->z.msg : "inflate failed");
        return reader_fail(r, NG_ERR_DATA, msg);
      }
    } else {
      if (!r->stream_open) {
        memset(&r->bz, 0, sizeof r->bz);
        if (BZ2_bzDecompressInit(&r->bz, 0, 0) != BZ_OK) {
          return reader_fail(r, NG_ERR_NOMEM, "cannot start libbz2");
        }
        r->started = true;
        r->stream_open = true;
      }
      r->bz.next_in = (char *)r->in + r->in_pos;
      r->bz.avail_in = (unsigned)(r->in_len - r->in_pos);
      r->bz.next_out = r->out;
      r->bz.avail_out = DUMP_CHUNK;
      int rc = BZ2_bzDecompress(&r->bz);
      r->in_pos = r->in_len - r->bz.avail_in;
      r->out_len = DUMP_CHUNK - r->bz.avail_out;
      if (rc == BZ_STREAM_END) {
        /* Multistream files (pbzip2, lbzip2) have one per block. */
        BZ2_bzDecompressEnd(&r->bz);
        r->stream_open = false;
      } else if (rc != BZ_OK) {
        return reader_fail(r, NG_ERR_DATA, "corrupt bzip2 stream");
      }
    }
  }
  return NG_SUCCESS;
}

NgStatus
ng_dump_reader_peek(NgDumpReader *r, const char **data, size_t *len)
{
  if (!r || !data || !len) {
    return NG_ERR_ARG;
  }
  if (r->out_pos >= r->out_len) {
    NgStatus st = refill_out(r);
    if (st != NG_SUCCESS) {
      return st;
    }
  }
  *data = r->out + r->out_pos;
  *len = r->out_len - r->out_pos;
  return NG_SUCCESS;
}

NgStatus
ng_dump_reader_read(NgDumpReader *r, const char **data, size_t *len)
{
  NgStatus st = ng_dump_reader_peek(r, data, len);
  if (st == NG_SUCCESS) {
    r->out_pos = r->out_len;
  } else if (st != NG_ERR_ARG) {
    *data = NULL;
    *len = 0;
  }
  return st;
}

NgStatus
ng_dump_reader_getline(NgDumpReader *r, NgBuf *line)
{
  if (!r || !line) {
    return NG_ERR_ARG;
  }
  ng_buf_clear(line);
  bool any = false;
  for (;;) {
    if (r->out_pos >= r->out_len) {
      NgStatus st = refill_out(r);
      if (st == NG_FAILURE) {
        return any ? NG_SUCCESS : NG_FAILURE;
      }
      if (st != NG_SUCCESS) {
        return st;
      }
    }
    any = true;
    const char *p = r->out + r->out_pos;
    size_t n = r->out_len - r->out_pos;
    const char *nl = memchr(p, '\n', n);
    size_t take = nl ? (size_t)(nl - p) : n;
    ng_buf_append(line, p, take);
    r->out_pos += take + (nl ? 1 : 0);
    if (line->failed) {
      return NG_ERR_NOMEM;
    }
    if (nl) {
      return NG_SUCCESS;
    }
  }
}

/* ------------------------------------------------------------------ */
/* QIDs as numbers                                                     */

/* "Q42" -> 42; 0 when not a QID (Q0 does not exist). */
static uint32_t
qid_num(const char *s)
{
  if (!s || s[0] != 'Q' || s[1] < '1' || s[1] > '9') {
    return 0;
  }
  uint64_t v = 0;
  size_t i = 1;
  for (; s[i] >= '0' && s[i] <= '9'; i++) {
    v = v * 10 + (uint64_t)(s[i] - '0');
    if (v > UINT32_MAX) {
      return 0;
    }
  }
  return s[i] == '\0' ? (uint32_t)v : 0;
}

/* A uint32 -> counters hash map (open addressing, key 0 = empty), with an
 * optional bound on its size. */
typedef struct {
  uint32_t key;
  uint32_t count;    /* sitelinks counted (schema:about) */
  uint32_t declared; /* sitelinks declared (wikibase:sitelinks) */
  uint8_t type;
  uint8_t dirty; /* changed after the item's entry was written */
} QSlot;

typedef struct {
  QSlot *slots;
  size_t cap, count, limit; /* limit 0: none */
} QMap;

static void
qmap_free(QMap *m)
{
  ng_free(m->slots);
  m->slots = NULL;
  m->cap = m->count = 0;
}

static size_t
qmap_index(const QMap *m, uint32_t key)
{
  size_t mask = m->cap - 1;
  size_t i = ((size_t)key * 2654435761u) & mask;
  while (m->slots[i].key && m->slots[i].key != key) {
    i = (i + 1) & mask;
  }
  return i;
}

static QSlot *
qmap_get(const QMap *m, uint32_t key)
{
  if (m->cap == 0) {
    return NULL;
  }
  QSlot *s = &m->slots[qmap_index(m, key)];
  return s->key ? s : NULL;
}

/* The slot of @p key, added when missing; NULL when out of memory or the
 * map is at its limit. */
static QSlot *
qmap_put(QMap *m, uint32_t key)
{
  QSlot *s = qmap_get(m, key);
  if (s) {
    return s;
  }
  if (m->limit && m->count >= m->limit) {
    return NULL;
  }
  if ((m->count + 1) * 2 > m->cap) {
    size_t ncap = m->cap ? m->cap * 2 : 1024;
    QMap n = {ng_calloc(ncap, sizeof(QSlot)), ncap, 0, m->limit};
    if (!n.slots) {
      return NULL;
    }
    for (size_t i = 0; i < m->cap; i++) {
      if (m->slots[i].key) {
        n.slots[qmap_index(&n, m->slots[i].key)] = m->slots[i];
        n.count++;
      }
    }
    qmap_free(m);
    *m = n;
  }
  s = &m->slots[qmap_index(m, key)];
  memset(s, 0, sizeof(*s));
  s->key = key;
  m->count++;
  return s;
}

/* Remove @p key (backward-shift deletion keeps probe chains intact). */
static void
qmap_del(QMap *m, uint32_t key)
{
  if (m->cap == 0) {
    return;
  }
  size_t mask = m->cap - 1;
  size_t i = qmap_index(m, key);
  if (!m->slots[i].key) {
    return;
  }
  m->count--;
  for (size_t j = (i + 1) & mask;; j = (j + 1) & mask) {
    if (!m->slots[j].key) {
      break;
    }
    size_t home = ((size_t)m->slots[j].key * 2654435761u) & mask;
    /* Move j back to i when its home is not in (i, j]. */
    bool in_range = i <= j ? (home > i && home <= j) : (home > i || home <= j);
    if (!in_range) {
      m->slots[i] = m->slots[j];
      i = j;
    }
  }
  memset(&m->slots[i], 0, sizeof(QSlot));
}

/* ------------------------------------------------------------------ */
/* Class table                                                         */

typedef struct {
  uint32_t q;
  uint32_t rank; /* order of addition: the first listed wins */
  NgEntityType type;
} ClassRow;

struct NgGazClasses {
  ClassRow *rows; /* sorted by q */
  size_t n, cap;
  uint32_t next_rank;
};

NgGazClasses *
ng_gaz_classes_new(void)
{
  return ng_calloc(1, sizeof(NgGazClasses));
}

void
ng_gaz_classes_free(NgGazClasses *c)
{
  if (!c) {
    return;
  }
  ng_free(c->rows);
  ng_free(c);
}

size_t
ng_gaz_classes_count(const NgGazClasses *c)
{
  return c ? c->n : 0;
}

static const ClassRow *
class_find(const NgGazClasses *c, uint32_t q)
{
  size_t lo = 0, hi = c->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (c->rows[mid].q == q) {
      return &c->rows[mid];
    }
    if (c->rows[mid].q < q) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return NULL;
}

NgStatus
ng_gaz_classes_add(NgGazClasses *c, const char *qid, NgEntityType type)
{
  uint32_t q = qid_num(qid);
  if (!c || q == 0 || type == NG_ENT_NONE || type >= NG_ENT_TYPE_COUNT) {
    return NG_ERR_ARG;
  }
  if (class_find(c, q)) {
    return NG_SUCCESS; /* the earlier row keeps its type */
  }
  if (!ng_grow((void **)&c->rows, &c->cap, c->n + 1, sizeof(ClassRow))) {
    return NG_ERR_NOMEM;
  }
  size_t i = c->n;
  while (i > 0 && c->rows[i - 1].q > q) {
    c->rows[i] = c->rows[i - 1];
    i--;
  }
  c->rows[i] = (ClassRow){q, c->next_rank++, type};
  c->n++;
  return NG_SUCCESS;
}

NgStatus
ng_gaz_classes_add_arg(NgGazClasses *c, const char *arg)
{
  if (!c || !arg) {
    return NG_ERR_ARG;
  }
  const char *eq = strchr(arg, '=');
  if (!eq || eq == arg || (size_t)(eq - arg) >= 16) {
    return NG_ERR_ARG;
  }
  char qid[16];
  memcpy(qid, arg, (size_t)(eq - arg));
  qid[eq - arg] = '\0';
  NgEntityType type;
  if (ng_entity_type_parse(eq + 1, &type) != NG_SUCCESS) {
    return NG_ERR_ARG;
  }
  return ng_gaz_classes_add(c, qid, type);
}

NgStatus
ng_gaz_classes_load(NgGazClasses *c, const char *path, const NgLog *log)
{
  if (!c || !path) {
    return NG_ERR_ARG;
  }
  char *data = NULL;
  size_t len = 0;
  NgStatus st = ng_read_file(path, &data, &len);
  if (st != NG_SUCCESS) {
    ng_log(log, NG_LOG_ERROR, st, "gazetteer", path, 0, 0,
           "cannot read the class table");
    return st;
  }
  unsigned lineno = 0;
  char *p = data;
  while (st == NG_SUCCESS && p < data + len) {
    char *line = ng_next_line(&p, data + len);
    lineno++;
    if (line[0] == '\0' || line[0] == '#' ||
        strncmp(line, "class_qid\t", 10) == 0) {
      continue;
    }
    char *tab = strchr(line, '\t');
    NgEntityType type = NG_ENT_NONE;
    if (tab) {
      *tab = '\0';
      char *tab2 = strchr(tab + 1, '\t');
      if (tab2) {
        *tab2 = '\0';
      }
      (void)ng_entity_type_parse(tab + 1, &type);
    }
    if (!tab || type == NG_ENT_NONE || qid_num(line) == 0) {
      ng_log(log, NG_LOG_WARNING, NG_ERR_SYNTAX, "gazetteer", path, lineno, 0,
             "expected \"class QID<TAB>type\": row skipped");
      continue;
    }
    st = ng_gaz_classes_add(c, line, type);
  }
  ng_free(data);
  return st;
}

NgEntityType
ng_gaz_classes_type(const NgGazClasses *c, const char *qid)
{
  const ClassRow *r = c ? class_find(c, qid_num(qid)) : NULL;
  return r ? r->type : NG_ENT_NONE;
}

NgStatus
ng_dump_format_parse(const char *name, NgDumpFormat *out)
{
  if (!name || !out) {
    return NG_ERR_ARG;
  }
  if (strcmp(name, "auto") == 0) {
    *out = NG_DUMP_AUTO;
  } else if (strcmp(name, "json") == 0) {
    *out = NG_DUMP_JSON;
  } else if (strcmp(name, "ntriples") == 0 || strcmp(name, "nt") == 0) {
    *out = NG_DUMP_NTRIPLES;
  } else {
    return NG_ERR_ARG;
  }
  return NG_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* The item being read                                                 */

typedef struct {
  uint16_t lang; /* index into the options' languages */
  bool main;     /* the label, not an alias */
  const char *text;
} ItemLabel;

typedef struct {
  uint32_t q; /* 0: none */
  NgEntityType type;
  uint32_t type_rank;
  char country[16];
  int country_prio; /* 2: P17, 1: P27, 0: none */
  int since;        /* earliest year of birth or inception; 0: none */
  uint32_t sitelinks, declared;
  ItemLabel *labels;
  size_t n_labels, cap_labels;
  NgArena *arena; /* label strings of this item */
} Item;

typedef struct {
  NgGazBuilder *b;
  const NgGazBuildOptions *o;
  NgGazBuildStats *stats;
  const NgLog *log;
  const char *path;
  Item item;
  QMap kept;    /* items written, for sitelinks seen after their block */
  QMap pending; /* sitelinks of items not seen yet (N-Triples) */
  NgBuf row;    /* TSV row */
  NgStatus status;
} Build;

static void
item_reset(Item *it, uint32_t q)
{
  it->q = q;
  it->type = NG_ENT_NONE;
  it->type_rank = UINT32_MAX;
  it->country[0] = '\0';
  it->country_prio = 0;
  it->since = 0;
  it->sitelinks = it->declared = 0;
  it->n_labels = 0;
  ng_arena_reset(it->arena);
}

static void
item_class(Build *bd, const char *qid)
{
  const ClassRow *r = class_find(bd->o->classes, qid_num(qid));
  if (r && r->rank < bd->item.type_rank) {
    bd->item.type = r->type;
    bd->item.type_rank = r->rank;
  }
}

static void
item_country(Item *it, const char *qid, int prio)
{
  if (prio > it->country_prio && qid_num(qid) && strlen(qid) < 16) {
    strcpy(it->country, qid);
    it->country_prio = prio;
  }
}

/* A date of birth (P569) or inception (P571), "+1972-02-29T00:00:00Z"
 * as dumps write it: the item began that year, or earlier when it has
 * several. */
static void
item_since(Item *it, const char *time)
{
  int y = ng_gaz_parse_year(time);
  if (y != 0 && (it->since == 0 || y < it->since)) {
    it->since = y;
  }
}

static int
lang_index(const Build *bd, const char *lang)
{
  if (!lang) {
    return -1;
  }
  for (size_t i = 0; i < bd->o->n_langs; i++) {
    if (strcmp(bd->o->langs[i], lang) == 0) {
      return (int)i;
    }
  }
  return -1;
}

static void
item_label(Build *bd, int lang, bool main, const char *text, size_t len)
{
  Item *it = &bd->item;
  if (lang < 0 || len == 0 || bd->status != NG_SUCCESS) {
    return;
  }
  for (size_t i = 0; i < it->n_labels; i++) {
    const ItemLabel *l = &it->labels[i];
    if (l->lang == lang && strlen(l->text) == len &&
        memcmp(l->text, text, len) == 0) {
      return; /* an alias repeating the label, or schema:name */
    }
  }
  /* One main label per language: the first. */
  if (main) {
    for (size_t i = 0; i < it->n_labels; i++) {
      if (it->labels[i].lang == lang && it->labels[i].main) {
        main = false;
      }
    }
  }
  char *copy = ng_arena_strndup(it->arena, text, len);
  if (!copy || !ng_grow((void **)&it->labels, &it->cap_labels,
                        it->n_labels + 1, sizeof(ItemLabel))) {
    bd->status = NG_ERR_NOMEM;
    return;
  }
  it->labels[it->n_labels++] = (ItemLabel){(uint16_t)lang, main, copy};
}

static const char *
main_label(const Build *bd, const char *lang)
{
  int li = lang_index(bd, lang);
  for (size_t i = 0; li >= 0 && i < bd->item.n_labels; i++) {
    if (bd->item.labels[i].lang == li && bd->item.labels[i].main) {
      return bd->item.labels[i].text;
    }
  }
  return "";
}

/* A TSV cell: tabs, newlines and the list separator become spaces. */
static void
tsv_cell(NgBuf *b, const char *s)
{
  for (; *s; s++) {
    char c = *s;
    ng_buf_putc(b, c == '\t' || c == '\n' || c == '\r' || c == '|' ? ' ' : c);
  }
}

static void
write_row(Build *bd, const char *qid, uint32_t prior)
{
  NgBuf *b = &bd->row;
  const Item *it = &bd->item;
  ng_buf_clear(b);
  ng_buf_printf(b, "%s\t%s\t%u\t%s\t", qid, ng_entity_type_name(it->type),
                prior, it->country);
  if (it->since) {
    ng_buf_printf(b, "%d", it->since);
  }
  ng_buf_putc(b, '\t');
  tsv_cell(b, main_label(bd, "en"));
  ng_buf_putc(b, '\t');
  tsv_cell(b, main_label(bd, "fr"));
  ng_buf_putc(b, '\t');
  for (size_t i = 0; i < it->n_labels; i++) {
    if (i) {
      ng_buf_putc(b, '|');
    }
    ng_buf_printf(b, "%s:", bd->o->langs[it->labels[i].lang]);
    tsv_cell(b, it->labels[i].text);
  }
  ng_buf_putc(b, '\n');
  if (b->failed) {
    bd->status = NG_ERR_NOMEM;
  } else if (fwrite(b->data, 1, b->len, bd->o->tsv) != b->len) {
    bd->status = NG_ERR_IO;
  }
}

/* The item is complete: add it when it passed the class filter. */
static void
item_flush(Build *bd)
{
  Item *it = &bd->item;
  if (it->q == 0 || bd->status != NG_SUCCESS) {
    return;
  }
  bd->stats->items++;
  QSlot *early = qmap_get(&bd->pending, it->q);
  /* An item without a name in the chosen languages cannot be matched. */
  if (it->type == NG_ENT_NONE || it->n_labels == 0) {
    if (early) {
      qmap_del(&bd->pending, it->q);
    }
    it->q = 0;
    return;
  }
  if (early) {
    it->sitelinks += early->count;
    if (early->declared > it->declared) {
      it->declared = early->declared;
    }
    qmap_del(&bd->pending, it->q);
  }
  uint32_t prior = it->sitelinks > it->declared ? it->sitelinks
                                                : it->declared;
  char qid[16];
  snprintf(qid, sizeof qid, "Q%u", it->q);
  int32_t e = ng_gaz_builder_add_entry(bd->b, qid, it->type,
                                       main_label(bd, "en"),
                                       main_label(bd, "fr"), it->country,
                                       prior);
  if (e < 0) {
    bd->status = NG_ERR_NOMEM;
    return;
  }
  if (it->since) { /* a year of ng_gaz_parse_year: always valid */
    (void)ng_gaz_builder_set_since(bd->b, e, it->since);
  }
  for (size_t i = 0; i < it->n_labels && bd->status == NG_SUCCESS; i++) {
    NgStatus st = ng_gaz_builder_add_name(bd->b, e, it->labels[i].text,
                                          bd->o->langs[it->labels[i].lang]);
    if (st != NG_SUCCESS) {
      bd->status = st;
    }
  }
  bd->stats->labels += it->n_labels;
  bd->stats->kept++;
  QSlot *k = qmap_put(&bd->kept, it->q);
  if (!k) {
    bd->status = NG_ERR_NOMEM;
    return;
  }
  k->count = it->sitelinks;
  k->declared = it->declared;
  k->type = (uint8_t)it->type;
  if (bd->o->tsv && bd->status == NG_SUCCESS) {
    write_row(bd, qid, prior);
  }
  it->q = 0;
}

/* Sitelinks of item @p q seen outside its block. */
static void
late_sitelinks(Build *bd, uint32_t q, uint32_t count, uint32_t declared)
{
  QSlot *s = qmap_get(&bd->kept, q);
  if (!s) {
    s = qmap_put(&bd->pending, q);
    if (!s) {
      bd->stats->pending_dropped++;
      return;
    }
  } else {
    s->dirty = 1;
  }
  s->count += count;
  if (declared > s->declared) {
    s->declared = declared;
  }
}

/* Priors of kept items whose sitelinks came after their block. */
static void
apply_late(Build *bd)
{
  for (size_t i = 0; i < bd->kept.cap && bd->status == NG_SUCCESS; i++) {
    const QSlot *s = &bd->kept.slots[i];
    if (!s->key || !s->dirty) {
      continue;
    }
    char qid[16];
    snprintf(qid, sizeof qid, "Q%u", s->key);
    /* Adding a QID again merges, keeping the larger prior. */
    if (ng_gaz_builder_add_entry(bd->b, qid, (NgEntityType)s->type, "", "",
                                 "", s->count > s->declared
                                         ? s->count
                                         : s->declared) < 0) {
      bd->status = NG_ERR_NOMEM;
    }
  }
}

/* ------------------------------------------------------------------ */
/* JSON dump                                                           */

static json_object *
jget(json_object *o, const char *key)
{
  json_object *v = NULL;
  if (!o || !json_object_is_type(o, json_type_object) ||
      !json_object_object_get_ex(o, key, &v)) {
    return NULL;
  }
  return v;
}

static const char *
jstr(json_object *o, const char *key)
{
  json_object *v = jget(o, key);
  return v && json_object_is_type(v, json_type_string)
             ? json_object_get_string(v)
             : NULL;
}

/* The item QID a statement's main snak points to, written into @p buf;
 * NULL for deprecated statements, "no value" / "unknown value" snaks and
 * other datatypes. */
static const char *
claim_item(json_object *claim, char *buf, size_t size)
{
  const char *rank = jstr(claim, "rank");
  if (rank && strcmp(rank, "deprecated") == 0) {
    return NULL;
  }
  json_object *snak = jget(claim, "mainsnak");
  const char *snaktype = jstr(snak, "snaktype");
  if (!snaktype || strcmp(snaktype, "value") != 0) {
    return NULL;
  }
  json_object *value = jget(jget(snak, "datavalue"), "value");
  const char *id = jstr(value, "id");
  if (id) {
    snprintf(buf, size, "%s", id);
    return buf;
  }
  json_object *num = jget(value, "numeric-id");
  if (num && json_object_is_type(num, json_type_int)) {
    int64_t n = json_object_get_int64(num);
    if (n > 0 && n <= (int64_t)UINT32_MAX) {
      snprintf(buf, size, "Q%lld", (long long)n);
      return buf;
    }
  }
  return NULL;
}

static bool
is_preferred(json_object *claim)
{
  const char *rank = jstr(claim, "rank");
  return rank && strcmp(rank, "preferred") == 0;
}

/* Country: the preferred statement if any, else the first. */
static void
json_country(Build *bd, json_object *claims, const char *prop, int prio)
{
  json_object *list = jget(claims, prop);
  if (!list || !json_object_is_type(list, json_type_array)) {
    return;
  }
  size_t n = json_object_array_length(list);
  char buf[24];
  for (int pass = 0; pass < 2; pass++) {
    for (size_t i = 0; i < n; i++) {
      json_object *c = json_object_array_get_idx(list, i);
      if ((pass == 0) != is_preferred(c)) {
        continue;
      }
      const char *q = claim_item(c, buf, sizeof buf);
      if (q) {
        item_country(&bd->item, q, prio);
        return;
      }
    }
  }
}

/* Dates of property @p prop (P569 birth, P571 inception) known to the
 * year at least (precision 9 and above): not deprecated ones, nor
 * decades or centuries. */
static void
json_since(Build *bd, json_object *claims, const char *prop)
{
  json_object *list = jget(claims, prop);
  if (!list || !json_object_is_type(list, json_type_array)) {
    return;
  }
  size_t n = json_object_array_length(list);
  for (size_t i = 0; i < n; i++) {
    json_object *c = json_object_array_get_idx(list, i);
    const char *rank = jstr(c, "rank");
    json_object *value = jget(jget(jget(c, "mainsnak"), "datavalue"), "value");
    json_object *precision = jget(value, "precision");
    const char *time = jstr(value, "time");
    if (time && (!rank || strcmp(rank, "deprecated") != 0) && precision &&
        json_object_is_type(precision, json_type_int) &&
        json_object_get_int(precision) >= 9) {
      item_since(&bd->item, time);
    }
  }
}

static void
json_entity(Build *bd, json_object *ent)
{
  const char *id = jstr(ent, "id");
  const char *type = jstr(ent, "type");
  uint32_t q = qid_num(id);
  if (q == 0 || (type && strcmp(type, "item") != 0)) {
    if (id && id[0] != 'Q') {
      return; /* properties and lexemes */
    }
    bd->stats->items++;
    return;
  }
  item_reset(&bd->item, q);
  json_object *claims = jget(ent, "claims");
  json_object *p31 = jget(claims, "P31");
  if (p31 && json_object_is_type(p31, json_type_array)) {
    size_t n = json_object_array_length(p31);
    char buf[24];
    for (size_t i = 0; i < n; i++) {
      const char *c = claim_item(json_object_array_get_idx(p31, i), buf,
                                 sizeof buf);
      if (c) {
        item_class(bd, c);
      }
    }
  }
  if (bd->item.type == NG_ENT_NONE) {
    item_flush(bd); /* counted, not kept */
    return;
  }
  json_country(bd, claims, "P17", 2);
  json_country(bd, claims, "P27", 1);
  json_since(bd, claims, "P569");
  json_since(bd, claims, "P571");
  json_object *labels = jget(ent, "labels");
  json_object *aliases = jget(ent, "aliases");
  for (size_t li = 0; li < bd->o->n_langs; li++) {
    const char *lang = bd->o->langs[li];
    json_object *l = jget(jget(labels, lang), "value");
    if (l && json_object_is_type(l, json_type_string)) {
      item_label(bd, (int)li, true, json_object_get_string(l),
                 (size_t)json_object_get_string_len(l));
    }
    json_object *al = jget(aliases, lang);
    if (al && json_object_is_type(al, json_type_array)) {
      size_t n = json_object_array_length(al);
      for (size_t i = 0; i < n; i++) {
        json_object *v = jget(json_object_array_get_idx(al, i), "value");
        if (v && json_object_is_type(v, json_type_string)) {
          item_label(bd, (int)li, false, json_object_get_string(v),
                     (size_t)json_object_get_string_len(v));
        }
      }
    }
  }
  json_object *sl = jget(ent, "sitelinks");
  if (sl && json_object_is_type(sl, json_type_object)) {
    bd->item.sitelinks = (uint32_t)json_object_object_length(sl);
  }
  item_flush(bd);
}

static bool
contains(const char *hay, size_t n, const char *needle, size_t m)
{
  if (m == 0) {
    return true;
  }
  for (const char *p = hay; n >= m;) {
    const char *c = memchr(p, needle[0], n - m + 1);
    if (!c) {
      return false;
    }
    if (memcmp(c, needle, m) == 0) {
      return true;
    }
    n -= (size_t)(c - p) + 1;
    p = c + 1;
  }
  return false;
}

/* Whether an entity line may name one of the classes: dumps are compact
 * JSON, so an item of class Q515 has the bytes "id":"Q515" in it. Lines
 * written with spaces after ':' are always parsed. */
static bool
may_match(const Build *bd, const char *line, size_t len)
{
  const NgGazClasses *c = bd->o->classes;
  char pat[40];
  for (size_t i = 0; i < c->n; i++) {
    int n = snprintf(pat, sizeof pat, "\"id\":\"Q%u\"", c->rows[i].q);
    if (n > 0 && contains(line, len, pat, (size_t)n)) {
      return true;
    }
  }
  return contains(line, len, "\": ", 3);
}

/* One line of the dump: "[", "]", or an entity with or without its
 * trailing comma. */
static NgStatus
json_line(Build *bd, json_tokener *tok, const char *p, size_t n,
          unsigned lineno, bool *opened, bool *closed)
{
  while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\r' || p[n - 1] == '\t')) {
    n--;
  }
  while (n > 0 && (p[0] == ' ' || p[0] == '\t')) {
    p++;
    n--;
  }
  if (n == 0) {
    return NG_SUCCESS;
  }
  if (n == 1 && p[0] == '[' && !*opened) {
    *opened = true;
    return NG_SUCCESS;
  }
  if (n == 1 && p[0] == ']') {
    *closed = true;
    return NG_SUCCESS;
  }
  if (!*opened) {
    if (lineno == 1 && p[0] == '{') {
      /* One entity per line without the array (NDJSON, as filtering
       * tools write): no ']' to expect. */
      *opened = *closed = true;
    } else {
      ng_log(bd->log, NG_LOG_ERROR, NG_ERR_DATA, "gazetteer", bd->path,
             lineno, 0,
             "not a Wikidata JSON dump: expected '[' on a line of its own");
      return NG_ERR_DATA;
    }
  }
  if (p[n - 1] == ',') {
    n--;
  }
  if (n < 2 || p[0] != '{' || p[n - 1] != '}') {
    ng_log(bd->log, NG_LOG_WARNING, NG_ERR_SYNTAX, "gazetteer", bd->path,
           lineno, 0, "not an entity (one JSON object per line): skipped");
    bd->stats->bad++;
    return NG_SUCCESS;
  }
  if (!may_match(bd, p, n)) {
    bd->stats->items++;
    return NG_SUCCESS;
  }
  if (n > INT32_MAX) {
    ng_log(bd->log, NG_LOG_WARNING, NG_ERR_LIMIT, "gazetteer", bd->path,
           lineno, 0, "entity longer than 2 GB: skipped");
    bd->stats->bad++;
    return NG_SUCCESS;
  }
  json_tokener_reset(tok);
  json_object *ent = json_tokener_parse_ex(tok, p, (int)n);
  enum json_tokener_error jerr = json_tokener_get_error(tok);
  if (!ent || jerr != json_tokener_success ||
      json_tokener_get_parse_end(tok) != n) {
    ng_log(bd->log, NG_LOG_WARNING, NG_ERR_SYNTAX, "gazetteer", bd->path,
           lineno, 0, "malformed JSON (%s): skipped",
           jerr == json_tokener_continue ? "unexpected end of line"
           : jerr != json_tokener_success ? json_tokener_error_desc(jerr)
                                          : "trailing characters");
    bd->stats->bad++;
    json_object_put(ent);
    return NG_SUCCESS;
  }
  json_entity(bd, ent);
  json_object_put(ent);
  return bd->status;
}

static NgStatus
build_json(Build *bd, NgDumpReader *r)
{
  json_tokener *tok = json_tokener_new();
  if (!tok) {
    return NG_ERR_NOMEM;
  }
  NgBuf line;
  ng_buf_init(&line);
  NgStatus st;
  bool opened = false, closed = false;
  unsigned lineno = 0;
  while ((st = ng_dump_reader_getline(r, &line)) == NG_SUCCESS) {
    lineno++;
    bd->stats->lines++;
    st = json_line(bd, tok, line.data, line.len, lineno, &opened, &closed);
    if (st != NG_SUCCESS) {
      break;
    }
  }
  if (st == NG_FAILURE) {
    st = NG_SUCCESS;
    if (!opened) {
      ng_log(bd->log, NG_LOG_ERROR, NG_ERR_DATA, "gazetteer", bd->path, 0, 0,
             "empty input: not a Wikidata JSON dump");
      st = NG_ERR_DATA;
    } else if (!closed) {
      /* A dump cut short by a full disk or an interrupted download. */
      ng_log(bd->log, NG_LOG_WARNING, NG_ERR_DATA, "gazetteer", bd->path,
             lineno, 0, "the JSON array is not closed (no ']'): the dump "
             "may be incomplete");
    }
  }
  json_tokener_free(tok);
  ng_buf_free(&line);
  return st;
}

/* ------------------------------------------------------------------ */
/* Truthy N-Triples dump                                               */

#define WD_ENTITY "http://www.wikidata.org/entity/"
#define WD_DIRECT "http://www.wikidata.org/prop/direct/"
#define WD_DATA "https://www.wikidata.org/wiki/Special:EntityData/"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"
#define SKOS_PREF "http://www.w3.org/2004/02/skos/core#prefLabel"
#define SKOS_ALT "http://www.w3.org/2004/02/skos/core#altLabel"
#define SCHEMA_NAME "http://schema.org/name"
#define SCHEMA_ABOUT "http://schema.org/about"
#define WIKIBASE_SITELINKS "http://wikiba.se/ontology#sitelinks"

static bool
starts(const char *s, const char *prefix, const char **rest)
{
  size_t n = strlen(prefix);
  if (strncmp(s, prefix, n) != 0) {
    return false;
  }
  *rest = s + n;
  return true;
}

/* Decimal literal -> uint32 (saturated), locale-free. */
static uint32_t
parse_count(const char *s)
{
  uint64_t v = 0;
  for (; *s >= '0' && *s <= '9'; s++) {
    v = v * 10 + (uint64_t)(*s - '0');
    if (v > UINT32_MAX) {
      return UINT32_MAX;
    }
  }
  return (uint32_t)v;
}

static void
nt_triple(void *handle, const NgTriple *t)
{
  Build *bd = handle;
  if (bd->status != NG_SUCCESS) {
    return;
  }
  const char *rest;
  if (starts(t->s, WD_ENTITY, &rest)) {
    uint32_t q = qid_num(rest);
    if (q == 0) {
      return; /* properties, lexemes, statements */
    }
    if (q != bd->item.q) {
      item_flush(bd);
      item_reset(&bd->item, q);
    }
    const char *prop;
    if (t->kind == NG_TERM_LITERAL && starts(t->p, WD_DIRECT, &prop) &&
        (strcmp(prop, "P569") == 0 || strcmp(prop, "P571") == 0)) {
      item_since(&bd->item, t->o);
      return;
    }
    if (t->kind == NG_TERM_IRI && starts(t->p, WD_DIRECT, &prop)) {
      const char *val;
      if (!starts(t->o, WD_ENTITY, &val)) {
        return;
      }
      if (strcmp(prop, "P31") == 0) {
        item_class(bd, val);
      } else if (strcmp(prop, "P17") == 0) {
        item_country(&bd->item, val, 2);
      } else if (strcmp(prop, "P27") == 0) {
        item_country(&bd->item, val, 1);
      }
      return;
    }
    if (t->kind != NG_TERM_LITERAL) {
      return;
    }
    bool main = strcmp(t->p, RDFS_LABEL) == 0 ||
                strcmp(t->p, SKOS_PREF) == 0 ||
                strcmp(t->p, SCHEMA_NAME) == 0;
    if (main || strcmp(t->p, SKOS_ALT) == 0) {
      item_label(bd, lang_index(bd, t->lang), main, t->o, strlen(t->o));
    }
    return;
  }
  const char *qs;
  if (strcmp(t->p, SCHEMA_ABOUT) == 0 && t->kind == NG_TERM_IRI &&
      starts(t->o, WD_ENTITY, &qs)) {
    uint32_t q = qid_num(qs);
    const char *dummy;
    if (q == 0 || starts(t->s, WD_DATA, &dummy)) {
      return; /* the entity data node is not a sitelink */
    }
    if (q == bd->item.q) {
      bd->item.sitelinks++;
    } else {
      late_sitelinks(bd, q, 1, 0);
    }
    return;
  }
  if (strcmp(t->p, WIKIBASE_SITELINKS) == 0 && t->kind == NG_TERM_LITERAL &&
      starts(t->s, WD_DATA, &qs)) {
    uint32_t q = qid_num(qs);
    uint32_t n = parse_count(t->o);
    if (q == 0) {
      return;
    }
    if (q == bd->item.q) {
      if (n > bd->item.declared) {
        bd->item.declared = n;
      }
    } else {
      late_sitelinks(bd, q, 0, n);
    }
  }
}

static NgStatus
build_ntriples(Build *bd, NgDumpReader *r)
{
  NgStatus st;
  NgRdfStream *s = ng_rdf_stream_new("ntriples", bd->path, nt_triple, bd,
                                     bd->log, &st);
  if (!s) {
    return st;
  }
  const char *data;
  size_t len;
  while (bd->status == NG_SUCCESS &&
         (st = ng_dump_reader_read(r, &data, &len)) == NG_SUCCESS) {
    st = ng_rdf_stream_feed(s, data, len, false);
    if (st != NG_SUCCESS) {
      break;
    }
  }
  if (st == NG_FAILURE) {
    st = ng_rdf_stream_feed(s, NULL, 0, true);
  }
  bd->stats->bad += ng_rdf_stream_errors(s);
  ng_rdf_stream_free(s);
  if (bd->status != NG_SUCCESS) {
    return bd->status;
  }
  item_flush(bd);
  apply_late(bd);
  return bd->status != NG_SUCCESS ? bd->status : st;
}

/* ------------------------------------------------------------------ */

NgStatus
ng_gaz_build_from_dump(NgGazBuilder *b, const char *path,
                       const NgGazBuildOptions *o, NgGazBuildStats *stats,
                       const NgLog *log)
{
  NgGazBuildStats dummy;
  if (!stats) {
    stats = &dummy;
  }
  memset(stats, 0, sizeof(*stats));
  if (!b || !path || !o || !o->classes || o->n_langs == 0 || !o->langs) {
    return NG_ERR_ARG;
  }
  if (o->classes->n == 0) {
    ng_log(log, NG_LOG_ERROR, NG_ERR_ARG, "gazetteer", NULL, 0, 0,
           "no class to keep (--classes FILE or --class QID=Type)");
    return NG_ERR_ARG;
  }
  NgStatus st;
  NgDumpReader *r = ng_dump_reader_open(path, &st);
  if (!r) {
    ng_log(log, NG_LOG_ERROR, st, "gazetteer", path, 0, 0, "cannot open: %s",
           st == NG_ERR_IO ? strerror(errno) : ng_strerror(st));
    return st;
  }
  stats->compression = r->comp;
  NgDumpFormat fmt = o->format;
  if (fmt == NG_DUMP_AUTO) {
    const char *p;
    size_t n;
    st = ng_dump_reader_peek(r, &p, &n);
    fmt = NG_DUMP_NTRIPLES;
    size_t i = 0;
    while (st == NG_SUCCESS && i < n &&
           (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t')) {
      i++;
    }
    if (st == NG_SUCCESS && i < n && (p[i] == '[' || p[i] == '{')) {
      fmt = NG_DUMP_JSON;
    }
  }
  stats->format = fmt;
  Build bd;
  memset(&bd, 0, sizeof bd);
  bd.b = b;
  bd.o = o;
  bd.stats = stats;
  bd.log = log;
  bd.path = strcmp(path, "-") == 0 ? "<stdin>" : path;
  bd.pending.limit = o->max_pending ? o->max_pending : 1000000;
  bd.status = NG_SUCCESS;
  ng_buf_init(&bd.row);
  bd.item.arena = ng_arena_new(16 * 1024);
  if (!bd.item.arena) {
    ng_dump_reader_free(r);
    return NG_ERR_NOMEM;
  }
  if (o->tsv && fputs(NG_GAZ_BUILD_TSV_HEADER, o->tsv) == EOF) {
    bd.status = NG_ERR_IO;
  }
  if (bd.status != NG_SUCCESS) {
    st = bd.status;
  } else if (fmt == NG_DUMP_JSON) {
    st = build_json(&bd, r);
  } else {
    st = build_ntriples(&bd, r);
  }
  if (st == NG_ERR_DATA || st == NG_ERR_IO) {
    const char *msg = ng_dump_reader_error(r);
    if (msg[0]) {
      ng_log(log, NG_LOG_ERROR, st, "gazetteer", bd.path, 0, 0, "%s", msg);
    }
  }
  if (st == NG_SUCCESS && bd.pending.count) {
    ng_log(log, NG_LOG_INFO, NG_SUCCESS, "gazetteer", bd.path, 0, 0,
           "%zu sitelink counts name items that were not kept",
           bd.pending.count);
  }
  if (stats->pending_dropped) {
    ng_log(log, NG_LOG_WARNING, NG_SUCCESS, "gazetteer", bd.path, 0, 0,
           "%llu sitelinks seen before their item were not counted "
           "(more than %zu items waiting)",
           (unsigned long long)stats->pending_dropped, bd.pending.limit);
  }
  ng_arena_free(bd.item.arena);
  ng_free(bd.item.labels);
  qmap_free(&bd.kept);
  qmap_free(&bd.pending);
  ng_buf_free(&bd.row);
  ng_dump_reader_free(r);
  return st;
}
