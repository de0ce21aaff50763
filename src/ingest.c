/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * ingest: documents, input formats and the reader. The reader owns one
 * input buffer over the stream; it peeks at the first bytes to detect the
 * format, then either reads the whole input (text, HTML, XML: one parse
 * each, capped at max_doc_bytes) or streams NDJSON line by line in a
 * buffer that never grows past one line.
 */
#include "ingest.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

#define NG_DEFAULT_MAX_DOC ((size_t)64 * 1024 * 1024)
#define NG_READ_CHUNK ((size_t)64 * 1024)
#define NG_PEEK_BYTES ((size_t)4096)
#define NG_BOILERPLATE_FILE "lexicon/html-boilerplate.tsv"

typedef enum { KIND_TEXT, KIND_HTML, KIND_XML, KIND_NDJSON } Kind;

struct NgReaderS {
  FILE *in;
  char *name;   /* as given: used in messages */
  char *base;   /* base name: used in ids */
  NgInputFormat format;
  Kind kind;
  bool detected;
  bool done;    /* no more documents */
  bool eof;     /* the stream is exhausted */
  char *lang;   /* default language, or NULL */
  char *data_path; /* resource directories, or NULL for the default */
  NgDate date;  /* default date */
  size_t max;
  NgLog log;
  size_t errors;
  /* input buffer: bytes [start, end) of buf are unread */
  char *buf;
  size_t start, end, cap;
  unsigned long line; /* NDJSON: lines consumed so far */
  NgHtmlRules *rules;
  NgFeed *feed;
};

/* ------------------------------------------------------------------ */
/* Documents                                                           */

NgDoc *
ng_doc_new(const char *id, const char *text, size_t len, NgStatus *st)
{
  NgStatus dummy;
  if (!st) {
    st = &dummy;
  }
  if (!text && len) {
    *st = NG_ERR_ARG;
    return NULL;
  }
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
    text += 3;
    len -= 3;
  }
  /* Offsets downstream count code points of a NUL-terminated string, so a
   * NUL inside the text is as unusable as a malformed sequence. */
  if (ng_utf8_valid_prefix(text, len) != len ||
      (len && memchr(text, '\0', len))) {
    *st = NG_ERR_ENCODING;
    return NULL;
  }
  NgDoc *doc = ng_calloc(1, sizeof *doc);
  if (!doc) {
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  NgBuf b;
  ng_buf_init(&b);
  ng_nfc(text ? text : "", len, &b);
  if (!b.data) {
    ng_buf_putc(&b, '\0');
    b.len = 0;
  }
  doc->len = b.len;
  doc->text = b.failed ? NULL : ng_buf_take(&b);
  ng_buf_free(&b);
  doc->id = ng_strdup(id ? id : "");
  if (!doc->text || !doc->id) {
    ng_doc_free(doc);
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  *st = NG_SUCCESS;
  return doc;
}

void
ng_doc_free(NgDoc *doc)
{
  if (!doc) {
    return;
  }
  ng_free(doc->id);
  ng_free(doc->text);
  ng_free(doc->lang);
  ng_free(doc->url);
  ng_free(doc->title);
  ng_free(doc->publisher);
  ng_free(doc->source);
  ng_free(doc);
}

NgStatus
ng_doc_set(char **field, const char *value)
{
  if (!field) {
    return NG_ERR_ARG;
  }
  char *copy = NULL;
  if (value) {
    copy = ng_strdup(value);
    if (!copy) {
      return NG_ERR_NOMEM;
    }
  }
  ng_free(*field);
  *field = copy;
  return NG_SUCCESS;
}

NgStatus
ng_input_format_parse(const char *name, NgInputFormat *out)
{
  static const struct {
    const char *name;
    NgInputFormat fmt;
  } names[] = {
      {"auto", NG_INPUT_AUTO}, {"text", NG_INPUT_TEXT},
      {"html", NG_INPUT_HTML}, {"xml", NG_INPUT_XML},
      {"rss", NG_INPUT_RSS},   {"ndjson", NG_INPUT_NDJSON},
  };
  if (!name || !out) {
    return NG_ERR_ARG;
  }
  for (size_t i = 0; i < NG_COUNTOF(names); i++) {
    if (strcmp(name, names[i].name) == 0) {
      *out = names[i].fmt;
      return NG_SUCCESS;
    }
  }
  return NG_ERR_ARG;
}

/* ------------------------------------------------------------------ */
/* Metadata helpers                                                    */

void
ng_ingest_meta_clear(NgIngestMeta *m)
{
  ng_free(m->title);
  ng_free(m->url);
  ng_free(m->lang);
  ng_free(m->publisher);
  ng_free(m->id);
  memset(m, 0, sizeof *m);
}

static bool
is_ascii_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

void
ng_ingest_meta_offer(char **field, const char *value)
{
  if (*field || !value) {
    return;
  }
  while (is_ascii_space(*value)) {
    value++;
  }
  size_t n = strlen(value);
  while (n && is_ascii_space(value[n - 1])) {
    n--;
  }
  if (n) {
    *field = ng_strndup(value, n);
  }
}

static char
ascii_lower(char c)
{
  return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static bool
ascii_alpha(char c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

char *
ng_ingest_lang_tag(const char *tag)
{
  if (!tag) {
    return NULL;
  }
  while (is_ascii_space(*tag)) {
    tag++;
  }
  size_t n = 0;
  while (ascii_alpha(tag[n])) {
    n++;
  }
  if (n < 2 || n > 3 ||
      (tag[n] && tag[n] != '-' && tag[n] != '_' && !is_ascii_space(tag[n]))) {
    return NULL;
  }
  char *out = ng_strndup(tag, n);
  if (out) {
    for (size_t i = 0; i < n; i++) {
      out[i] = ascii_lower(out[i]);
    }
  }
  return out;
}

static bool
ascii_digits(const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') {
      return false;
    }
  }
  return true;
}

/* RFC 822 / RFC 2822 as RSS writes it: "[Wdy, ]DD Mon YYYY[ time zone]".
 * The month abbreviations belong to the RFC's grammar, not to a language;
 * the time and zone are dropped: the publication date is the date the
 * publisher wrote, in its own zone. */
static NgStatus
parse_rfc822(const char *s, NgDate *out)
{
  static const char *const months[12] = {"jan", "feb", "mar", "apr",
                                         "may", "jun", "jul", "aug",
                                         "sep", "oct", "nov", "dec"};
  const char *comma = strchr(s, ',');
  if (comma) {
    s = comma + 1;
  }
  while (is_ascii_space(*s)) {
    s++;
  }
  int day = 0;
  size_t nd = 0;
  while (s[nd] >= '0' && s[nd] <= '9' && nd < 2) {
    day = day * 10 + (s[nd] - '0');
    nd++;
  }
  if (nd == 0 || !is_ascii_space(s[nd])) {
    return NG_ERR_SYNTAX;
  }
  s += nd;
  while (is_ascii_space(*s)) {
    s++;
  }
  int month = 0;
  for (int m = 0; m < 12; m++) {
    if (ascii_lower(s[0]) == months[m][0] &&
        ascii_lower(s[1]) == months[m][1] &&
        ascii_lower(s[2]) == months[m][2]) {
      month = m + 1;
      break;
    }
  }
  if (!month) {
    return NG_ERR_SYNTAX;
  }
  s += 3;
  while (ascii_alpha(*s)) { /* "Sept", "September" */
    s++;
  }
  while (is_ascii_space(*s)) {
    s++;
  }
  size_t ny = 0;
  while (s[ny] >= '0' && s[ny] <= '9') {
    ny++;
  }
  if (ny != 4 && ny != 2) {
    return NG_ERR_SYNTAX;
  }
  int year = 0;
  for (size_t i = 0; i < ny; i++) {
    year = year * 10 + (s[i] - '0');
  }
  if (ny == 2) { /* RFC 822's two-digit years, read as RFC 2822 says */
    year += year < 50 ? 2000 : 1900;
  }
  char iso[16];
  snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
  return ng_date_parse(iso, out);
}

NgStatus
ng_ingest_parse_date(const char *s, NgDate *out)
{
  if (!s) {
    return NG_ERR_SYNTAX;
  }
  while (is_ascii_space(*s)) {
    s++;
  }
  char tmp[64];
  size_t n = strlen(s);
  while (n && is_ascii_space(s[n - 1])) {
    n--;
  }
  if (n == 0 || n >= sizeof tmp) {
    return NG_ERR_SYNTAX;
  }
  memcpy(tmp, s, n);
  tmp[n] = '\0';
  /* ISO 8601 basic form (NITF's norm attribute): 20250905T100000Z. */
  if (n >= 8 && ascii_digits(tmp, 8) && (n == 8 || tmp[8] == 'T')) {
    char iso[11];
    snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", tmp, tmp + 4, tmp + 6);
    return ng_date_parse(iso, out);
  }
  if (ng_date_parse(tmp, out) == NG_SUCCESS) {
    return NG_SUCCESS;
  }
  return parse_rfc822(tmp, out);
}

/* ------------------------------------------------------------------ */
/* Legacy encodings                                                    */

const char *
ng_ingest_guess_legacy(const char *s, size_t n)
{
  /* In ISO-8859-1, 0x80-0x9F are C1 controls that no text uses; in
   * Windows-1252 they are curly quotes, dashes, the euro sign... Five of
   * them are unassigned in Windows-1252. */
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80 && c <= 0x9F && c != 0x81 && c != 0x8D && c != 0x8F &&
        c != 0x90 && c != 0x9D) {
      return "WINDOWS-1252";
    }
  }
  return "ISO-8859-1";
}

NgStatus
ng_ingest_iconv(const char *from, const char *s, size_t n, NgBuf *out)
{
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) {
    return NG_ERR_ENCODING;
  }
  NgStatus st = NG_SUCCESS;
  char chunk[4096];
  char *in = (char *)(uintptr_t)s; /* iconv's prototype is not const */
  size_t left = n;
  while (left > 0) {
    char *o = chunk;
    size_t room = sizeof chunk;
    size_t rc = iconv(cd, &in, &left, &o, &room);
    ng_buf_append(out, chunk, (size_t)(o - chunk));
    if (rc == (size_t)-1 && errno != E2BIG) {
      st = NG_ERR_ENCODING; /* EILSEQ or EINVAL (truncated sequence) */
      break;
    }
  }
  iconv_close(cd);
  if (st == NG_SUCCESS && out->failed) {
    st = NG_ERR_NOMEM;
  }
  return st;
}

/* ------------------------------------------------------------------ */
/* The reader: buffering                                               */

static const char *
base_name(const char *name)
{
  if (strcmp(name, "-") == 0) {
    return "stdin";
  }
  const char *slash = strrchr(name, '/');
  const char *b = slash ? slash + 1 : name;
  return *b ? b : name;
}

NgReader *
ng_reader_new(FILE *stream, const char *name, const NgReaderOptions *opts,
              NgStatus *st)
{
  NgStatus dummy;
  if (!st) {
    st = &dummy;
  }
  if (!stream) {
    *st = NG_ERR_ARG;
    return NULL;
  }
  if (!name || !*name) {
    name = "-";
  }
  NgReader *r = ng_calloc(1, sizeof *r);
  if (!r) {
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  r->in = stream;
  r->name = ng_strdup(name);
  r->base = ng_strdup(base_name(name));
  r->format = opts ? opts->format : NG_INPUT_AUTO;
  r->max = (opts && opts->max_doc_bytes) ? opts->max_doc_bytes
                                         : NG_DEFAULT_MAX_DOC;
  if (opts) {
    r->date = opts->date;
    r->log.func = opts->log;
    r->log.handle = opts->log_handle;
    if (opts->data_path && !(r->data_path = ng_strdup(opts->data_path))) {
      ng_reader_free(r);
      *st = NG_ERR_NOMEM;
      return NULL;
    }
    if (opts->lang && *opts->lang && strcmp(opts->lang, "auto") != 0) {
      r->lang = ng_strdup(opts->lang);
      if (!r->lang) {
        ng_reader_free(r);
        *st = NG_ERR_NOMEM;
        return NULL;
      }
    }
  }
  if (!r->name || !r->base) {
    ng_reader_free(r);
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  *st = NG_SUCCESS;
  return r;
}

void
ng_reader_free(NgReader *r)
{
  if (!r) {
    return;
  }
  ng_feed_free(r->feed);
  ng_html_rules_free(r->rules);
  ng_free(r->buf);
  ng_free(r->name);
  ng_free(r->base);
  ng_free(r->lang);
  ng_free(r->data_path);
  ng_free(r);
}

size_t
ng_reader_errors(const NgReader *r)
{
  return r ? r->errors : 0;
}

/* Read one more chunk. NG_FAILURE at end of stream. */
static NgStatus
fill(NgReader *r)
{
  if (r->eof) {
    return NG_FAILURE;
  }
  if (r->start > 0) {
    memmove(r->buf, r->buf + r->start, r->end - r->start);
    r->end -= r->start;
    r->start = 0;
  }
  if (r->cap - r->end < NG_READ_CHUNK) {
    size_t cap = r->cap;
    if (!ng_grow((void **)&r->buf, &cap, r->end + NG_READ_CHUNK, 1)) {
      return NG_ERR_NOMEM;
    }
    r->cap = cap;
  }
  size_t got = fread(r->buf + r->end, 1, r->cap - r->end, r->in);
  r->end += got;
  if (got == 0) {
    if (ferror(r->in)) {
      return NG_ERR_IO;
    }
    r->eof = true;
    return NG_FAILURE;
  }
  return NG_SUCCESS;
}

/* Stop the stream: report, count, and return @p st. */
static NgStatus
fail_stream(NgReader *r, NgStatus st, unsigned line, const char *msg)
{
  ng_log(&r->log, NG_LOG_ERROR, st, "ingest", r->name, line, 0, "%s", msg);
  r->errors++;
  r->done = true;
  return st;
}

/* The whole input into *data (owned) / *len, at most r->max bytes. */
static NgStatus
read_all(NgReader *r, char **data, size_t *len)
{
  for (;;) {
    if (r->end - r->start > r->max) {
      char msg[160];
      snprintf(msg, sizeof msg,
               "input larger than the %zu-byte document limit "
               "(max_doc_bytes)",
               r->max);
      return fail_stream(r, NG_ERR_LIMIT, 0, msg);
    }
    NgStatus st = fill(r);
    if (st == NG_FAILURE) {
      break;
    }
    if (st == NG_ERR_IO) {
      return fail_stream(r, st, 0, "read error");
    }
    if (st != NG_SUCCESS) {
      return fail_stream(r, st, 0, "out of memory reading the input");
    }
  }
  *len = r->end - r->start;
  *data = ng_strndup(r->buf + r->start, *len);
  ng_free(r->buf);
  r->buf = NULL;
  r->start = r->end = r->cap = 0;
  if (!*data) {
    return fail_stream(r, NG_ERR_NOMEM, 0, "out of memory");
  }
  return NG_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* Format detection                                                    */

static bool
starts_ci(const char *s, size_t n, const char *prefix)
{
  size_t k = strlen(prefix);
  if (n < k) {
    return false;
  }
  for (size_t i = 0; i < k; i++) {
    if (ascii_lower(s[i]) != ascii_lower(prefix[i])) {
      return false;
    }
  }
  return true;
}

static const char *
find_str(const char *s, size_t n, const char *needle)
{
  size_t k = strlen(needle);
  for (size_t i = 0; i + k <= n; i++) {
    if (memcmp(s + i, needle, k) == 0) {
      return s + i;
    }
  }
  return NULL;
}

/* Markup: the first element (after the XML declaration, comments and the
 * DOCTYPE) tells news XML from HTML. */
static Kind
detect_markup(const char *s, size_t n)
{
  static const char *const news_roots[] = {
      "rss", "feed", "rdf:RDF", "RDF", "nitf", "newsMessage", "newsItem",
      "entry"};
  bool xml_decl = false;
  size_t i = 0;
  for (;;) {
    while (i < n && is_ascii_space(s[i])) {
      i++;
    }
    if (i >= n || s[i] != '<') {
      break;
    }
    const char *end;
    if (starts_ci(s + i, n - i, "<?")) {
      xml_decl = xml_decl || starts_ci(s + i, n - i, "<?xml");
      end = find_str(s + i, n - i, "?>");
      if (!end) {
        break;
      }
      i = (size_t)(end - s) + 2;
    } else if (starts_ci(s + i, n - i, "<!--")) {
      end = find_str(s + i, n - i, "-->");
      if (!end) {
        break;
      }
      i = (size_t)(end - s) + 3;
    } else if (starts_ci(s + i, n - i, "<!DOCTYPE")) {
      i += 9;
      while (i < n && is_ascii_space(s[i])) {
        i++;
      }
      if (starts_ci(s + i, n - i, "html")) {
        return KIND_HTML;
      }
      return KIND_XML;
    } else {
      size_t j = i + 1;
      while (j < n && !is_ascii_space(s[j]) && s[j] != '>' && s[j] != '/') {
        j++;
      }
      size_t k = j - (i + 1);
      const char *name = s + i + 1;
      const char *colon = memchr(name, ':', k);
      for (size_t r = 0; r < NG_COUNTOF(news_roots); r++) {
        size_t rl = strlen(news_roots[r]);
        if ((k == rl && memcmp(name, news_roots[r], k) == 0) ||
            (colon && (size_t)(name + k - colon - 1) == rl &&
             memcmp(colon + 1, news_roots[r], rl) == 0)) {
          return KIND_XML;
        }
      }
      if (k == 4 && starts_ci(name, k, "html")) {
        return KIND_HTML; /* XHTML, even with an XML declaration */
      }
      return xml_decl ? KIND_XML : KIND_HTML;
    }
  }
  return xml_decl ? KIND_XML : KIND_HTML;
}

static NgStatus
detect(NgReader *r)
{
  switch (r->format) {
  case NG_INPUT_TEXT:
    r->kind = KIND_TEXT;
    return NG_SUCCESS;
  case NG_INPUT_HTML:
    r->kind = KIND_HTML;
    return NG_SUCCESS;
  case NG_INPUT_XML:
  case NG_INPUT_RSS:
    r->kind = KIND_XML;
    return NG_SUCCESS;
  case NG_INPUT_NDJSON:
    r->kind = KIND_NDJSON;
    return NG_SUCCESS;
  case NG_INPUT_AUTO:
    break;
  }
  while (r->end - r->start < NG_PEEK_BYTES) {
    NgStatus st = fill(r);
    if (st == NG_FAILURE) {
      break;
    }
    if (st != NG_SUCCESS) {
      return fail_stream(r, st, 0,
                         st == NG_ERR_IO ? "read error" : "out of memory");
    }
  }
  const char *s = r->buf ? r->buf + r->start : "";
  size_t n = r->end - r->start;
  if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
    s += 3;
    n -= 3;
  }
  while (n && is_ascii_space(*s)) {
    s++;
    n--;
  }
  if (n && *s == '{') {
    r->kind = KIND_NDJSON;
  } else if (n && *s == '<') {
    r->kind = detect_markup(s, n);
  } else {
    r->kind = KIND_TEXT;
  }
  return NG_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* Building documents                                                  */

static bool
blank(const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    if (!is_ascii_space(s[i])) {
      return false;
    }
  }
  return true;
}

/* A document from extracted text and metadata; the reader's defaults fill
 * what the input did not say. The text is the body, or the title when
 * the body is empty. */
static NgStatus
make_doc(NgReader *r, const char *id, const char *source, NgBuf *text,
         NgIngestMeta *meta, NgDoc **out, NgBuf *err)
{
  const char *t = text->data ? text->data : "";
  size_t tn = text->len;
  if (blank(t, tn)) {
    if (!meta->title) {
      ng_buf_puts(err, "no text");
      return NG_ERR_SYNTAX;
    }
    t = meta->title;
    tn = strlen(t);
  }
  NgStatus st;
  NgDoc *doc = ng_doc_new(id, t, tn, &st);
  if (!doc) {
    ng_buf_puts(err, st == NG_ERR_ENCODING ? "text is not valid UTF-8"
                                           : "out of memory");
    return st;
  }
  doc->title = meta->title;
  doc->url = meta->url;
  doc->publisher = meta->publisher;
  doc->lang = meta->lang;
  meta->title = meta->url = meta->publisher = meta->lang = NULL;
  doc->date = meta->date.prec != NG_DATE_NONE ? meta->date : r->date;
  doc->source = ng_strdup(source);
  if (!doc->lang && r->lang) {
    doc->lang = ng_strdup(r->lang);
    if (!doc->lang) {
      ng_doc_free(doc);
      return NG_ERR_NOMEM;
    }
  }
  /* Titles and publishers come from libxml2 or checked JSON, so they are
   * UTF-8; like the text they are composed to NFC, so a label matches the
   * same words in the text. */
  char **fields[] = {&doc->title, &doc->publisher, &doc->url};
  for (size_t i = 0; i < NG_COUNTOF(fields); i++) {
    char *f = *fields[i];
    if (!f) {
      continue;
    }
    size_t fn = strlen(f);
    NgBuf nfc;
    ng_buf_init(&nfc);
    if (ng_utf8_valid_prefix(f, fn) == fn) {
      ng_nfc(f, fn, &nfc);
    }
    ng_free(f);
    *fields[i] = nfc.failed || !nfc.data ? NULL : ng_buf_take(&nfc);
    ng_buf_free(&nfc);
  }
  if (!doc->source) {
    ng_doc_free(doc);
    return NG_ERR_NOMEM;
  }
  *out = doc;
  return NG_SUCCESS;
}

static NgStatus
load_rules(NgReader *r)
{
  if (r->rules) {
    return NG_SUCCESS;
  }
  char *path = ng_data_find(r->data_path, NG_BOILERPLATE_FILE);
  if (!path) {
    return fail_stream(r, NG_ERR_DATA, 0,
                       NG_BOILERPLATE_FILE
                       " not found in the data path (--data-path or "
                       "NEWSGRAPH_DATA_PATH)");
  }
  NgBuf err;
  ng_buf_init(&err);
  NgStatus st = ng_html_rules_load(path, &r->rules, &err);
  if (st != NG_SUCCESS) {
    fail_stream(r, st, 0, err.data ? err.data : "cannot load");
  }
  ng_buf_free(&err);
  ng_free(path);
  return st;
}

/* Bytes of unknown encoding to UTF-8: UTF-8 as is (BOM dropped), UTF-16
 * with a BOM, else the declared charset when there is one, else
 * Windows-1252 or ISO-8859-1 by the bytes. */
static NgStatus
to_utf8(const char *s, size_t n, const char *declared, NgBuf *out)
{
  if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
    s += 3;
    n -= 3;
  } else if (n >= 2 && (memcmp(s, "\xFF\xFE", 2) == 0 ||
                        memcmp(s, "\xFE\xFF", 2) == 0)) {
    const char *enc = s[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    return ng_ingest_iconv(enc, s + 2, n - 2, out);
  }
  if (ng_utf8_valid_prefix(s, n) == n) {
    ng_buf_append(out, s, n);
    return out->failed ? NG_ERR_NOMEM : NG_SUCCESS;
  }
  const char *enc = declared ? declared : ng_ingest_guess_legacy(s, n);
  size_t keep = out->len;
  NgStatus st = ng_ingest_iconv(enc, s, n, out);
  if (st == NG_ERR_ENCODING && strcmp(enc, "ISO-8859-1") != 0) {
    /* Wrongly declared, or one of Windows-1252's unassigned bytes:
     * ISO-8859-1 maps every byte. */
    out->len = keep;
    if (out->data) {
      out->data[keep] = '\0';
    }
    st = ng_ingest_iconv("ISO-8859-1", s, n, out);
  }
  return st;
}

/* The charset an HTML page declares in its first bytes, or NULL. Pages
 * that declare ISO-8859-1 or ASCII get Windows-1252, as browsers do. */
static const char *
html_declared_charset(const char *s, size_t n, char *buf, size_t size)
{
  if (n > NG_PEEK_BYTES) {
    n = NG_PEEK_BYTES;
  }
  for (size_t i = 0; i + 8 <= n; i++) {
    if (!starts_ci(s + i, n - i, "charset=")) {
      continue;
    }
    size_t j = i + 8;
    while (j < n && (s[j] == '"' || s[j] == '\'' || s[j] == ' ')) {
      j++;
    }
    size_t k = 0;
    while (j + k < n && k + 1 < size &&
           (ascii_alpha(s[j + k]) || (s[j + k] >= '0' && s[j + k] <= '9') ||
            s[j + k] == '-' || s[j + k] == '_' || s[j + k] == ':')) {
      buf[k] = s[j + k];
      k++;
    }
    buf[k] = '\0';
    if (k == 0) {
      return NULL;
    }
    if (starts_ci(buf, k, "iso-8859-1") || starts_ci(buf, k, "latin1") ||
        starts_ci(buf, k, "us-ascii") || starts_ci(buf, k, "ascii")) {
      return "WINDOWS-1252";
    }
    return buf;
  }
  return NULL;
}

static NgStatus
next_whole(NgReader *r, NgDoc **out)
{
  char *data = NULL;
  size_t len = 0;
  NgStatus st = read_all(r, &data, &len);
  if (st != NG_SUCCESS) {
    return st;
  }
  r->done = true;
  NgBuf text, err;
  ng_buf_init(&text);
  ng_buf_init(&err);
  NgIngestMeta meta;
  memset(&meta, 0, sizeof meta);
  if (r->kind == KIND_TEXT) {
    st = to_utf8(data, len, NULL, &text);
    if (st != NG_SUCCESS) {
      ng_buf_puts(&err, st == NG_ERR_NOMEM ? "out of memory"
                                           : "cannot convert to UTF-8");
    }
  } else {
    st = load_rules(r);
    if (st == NG_SUCCESS) {
      char cs[48];
      NgBuf utf8;
      ng_buf_init(&utf8);
      st = to_utf8(data, len, html_declared_charset(data, len, cs, sizeof cs),
                   &utf8);
      if (st == NG_SUCCESS) {
        st = ng_html_page(utf8.data ? utf8.data : "", utf8.len, r->rules,
                          &text, &meta, &err);
      } else {
        ng_buf_puts(&err, "cannot convert to UTF-8");
      }
      ng_buf_free(&utf8);
    } else {
      ng_free(data);
      ng_buf_free(&text);
      ng_buf_free(&err);
      return st;
    }
  }
  ng_free(data);
  if (st == NG_SUCCESS) {
    ng_buf_clear(&err);
    st = make_doc(r, r->base, r->name, &text, &meta, out, &err);
  }
  if (st != NG_SUCCESS) {
    fail_stream(r, st, 0, err.data ? err.data : ng_strerror(st));
  }
  ng_ingest_meta_clear(&meta);
  ng_buf_free(&text);
  ng_buf_free(&err);
  return st;
}

static NgStatus
next_feed(NgReader *r, NgDoc **out)
{
  NgBuf text, err;
  NgStatus st;
  if (!r->feed) {
    if ((st = load_rules(r)) != NG_SUCCESS) {
      return st;
    }
    char *data = NULL;
    size_t len = 0;
    if ((st = read_all(r, &data, &len)) != NG_SUCCESS) {
      return st;
    }
    ng_buf_init(&err);
    unsigned line = 0;
    st = ng_feed_open(data, len, &r->feed, &err, &line);
    ng_free(data);
    if (st != NG_SUCCESS) {
      fail_stream(r, st, line, err.data ? err.data : ng_strerror(st));
      ng_buf_free(&err);
      return st;
    }
    ng_buf_free(&err);
  }
  ng_buf_init(&text);
  ng_buf_init(&err);
  for (;;) {
    NgIngestMeta meta;
    memset(&meta, 0, sizeof meta);
    unsigned line = 0;
    size_t index = 0;
    ng_buf_clear(&text);
    ng_buf_clear(&err);
    st = ng_feed_next(r->feed, r->rules, &text, &meta, &line, &index, &err);
    if (st == NG_FAILURE) {
      r->done = true;
      break;
    }
    char *id = NULL, *source = NULL;
    if (st == NG_SUCCESS) {
      NgBuf b;
      ng_buf_init(&b);
      if (meta.id) {
        ng_buf_puts(&b, meta.id);
      } else {
        ng_buf_printf(&b, "%s#%zu", r->base, index);
      }
      id = ng_buf_take(&b);
      ng_buf_printf(&b, "%s:%u", r->name, line);
      source = ng_buf_take(&b);
      ng_buf_free(&b);
      st = (id && source)
               ? make_doc(r, id, source, &text, &meta, out, &err)
               : NG_ERR_NOMEM;
    }
    if (st == NG_SUCCESS) {
      ng_free(id);
      ng_free(source);
      ng_ingest_meta_clear(&meta);
      break;
    }
    ng_log(&r->log, NG_LOG_ERROR, st, "ingest", r->name, line, 0,
           "item %zu%s%s: %s", index, meta.id ? " " : "",
           meta.id ? meta.id : "", err.data ? err.data : ng_strerror(st));
    r->errors++;
    ng_free(id);
    ng_free(source);
    ng_ingest_meta_clear(&meta);
    if (st == NG_ERR_NOMEM) {
      r->done = true;
      break;
    }
  }
  ng_buf_free(&text);
  ng_buf_free(&err);
  return st;
}

/* One NDJSON line [s, s+n) numbered r->line. */
static NgStatus
ndjson_line(NgReader *r, const char *s, size_t n, NgDoc **out)
{
  if (n && s[n - 1] == '\r') {
    n--;
  }
  if (blank(s, n)) {
    return NG_FAILURE;
  }
  NgBuf text, err, b;
  ng_buf_init(&text);
  ng_buf_init(&err);
  ng_buf_init(&b);
  NgIngestMeta meta;
  memset(&meta, 0, sizeof meta);
  bool bad_date = false;
  NgStatus st = ng_ndjson_parse(s, n, &text, &meta, &bad_date, &err);
  if (st == NG_SUCCESS) {
    if (bad_date) {
      ng_log(&r->log, NG_LOG_WARNING, NG_ERR_SYNTAX, "ingest", r->name,
             (unsigned)r->line, 0, "unreadable \"date\" ignored");
    }
    if (meta.id) {
      ng_buf_puts(&b, meta.id);
    } else {
      ng_buf_printf(&b, "%s:%lu", r->base, r->line);
    }
    char *id = ng_buf_take(&b);
    ng_buf_printf(&b, "%s:%lu", r->name, r->line);
    char *source = ng_buf_take(&b);
    st = (id && source) ? make_doc(r, id, source, &text, &meta, out, &err)
                        : NG_ERR_NOMEM;
    ng_free(id);
    ng_free(source);
  }
  if (st != NG_SUCCESS) {
    ng_log(&r->log, NG_LOG_ERROR, st, "ingest", r->name, (unsigned)r->line,
           0, "%s%s%s%s, skipped", meta.id ? "document " : "",
           meta.id ? meta.id : "", meta.id ? ": " : "",
           err.data ? err.data : ng_strerror(st));
    r->errors++;
    st = st == NG_ERR_NOMEM ? st : NG_FAILURE;
  }
  ng_ingest_meta_clear(&meta);
  ng_buf_free(&text);
  ng_buf_free(&err);
  ng_buf_free(&b);
  return st;
}

static NgStatus
next_ndjson(NgReader *r, NgDoc **out)
{
  bool skipping = false; /* inside a line over the limit */
  for (;;) {
    const char *s = r->buf ? r->buf + r->start : NULL;
    size_t avail = r->end - r->start;
    const char *nl = avail ? memchr(s, '\n', avail) : NULL;
    if (!nl) {
      if (avail > r->max) {
        if (!skipping) {
          ng_log(&r->log, NG_LOG_ERROR, NG_ERR_LIMIT, "ingest", r->name,
                 (unsigned)(r->line + 1), 0,
                 "line longer than the %zu-byte document limit "
                 "(max_doc_bytes), skipped",
                 r->max);
          r->errors++;
          skipping = true;
        }
        r->start = r->end; /* drop what we have, keep looking for '\n' */
      }
      NgStatus st = fill(r);
      if (st == NG_SUCCESS) {
        continue;
      }
      if (st != NG_FAILURE) {
        return fail_stream(r, st, (unsigned)(r->line + 1),
                           st == NG_ERR_IO ? "read error" : "out of memory");
      }
      /* End of stream: a last line without '\n' (fill moved the bytes
       * to the start of the buffer). */
      r->done = true;
      avail = r->end - r->start;
      if (avail == 0 || skipping) {
        return NG_FAILURE;
      }
      s = r->buf + r->start;
      r->line++;
      r->start = r->end;
      st = ndjson_line(r, s, avail, out);
      return st == NG_SUCCESS || st == NG_ERR_NOMEM ? st : NG_FAILURE;
    }
    size_t n = (size_t)(nl - s);
    r->start += n + 1;
    r->line++;
    if (skipping) {
      skipping = false;
      continue;
    }
    if (n > r->max) {
      ng_log(&r->log, NG_LOG_ERROR, NG_ERR_LIMIT, "ingest", r->name,
             (unsigned)r->line, 0,
             "line longer than the %zu-byte document limit "
             "(max_doc_bytes), skipped",
             r->max);
      r->errors++;
      continue;
    }
    NgStatus st = ndjson_line(r, s, n, out);
    if (st != NG_FAILURE) {
      return st;
    }
  }
}

NgStatus
ng_reader_next(NgReader *r, NgDoc **out)
{
  if (!r || !out) {
    return NG_ERR_ARG;
  }
  *out = NULL;
  if (r->done) {
    return NG_FAILURE;
  }
  if (!r->detected) {
    NgStatus st = detect(r);
    if (st != NG_SUCCESS) {
      return st;
    }
    r->detected = true;
  }
  switch (r->kind) {
  case KIND_TEXT:
  case KIND_HTML:
    return next_whole(r, out);
  case KIND_XML:
    return next_feed(r, out);
  case KIND_NDJSON:
    return next_ndjson(r, out);
  }
  return NG_ERR_ARG;
}
