/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * ingest: one NDJSON line to a document's fields, with json-c. The line is
 * checked as UTF-8 before parsing (json-c would pass invalid bytes
 * through), and every string json-c returns is checked again because
 * "\u" escapes can spell lone surrogates.
 */
#include "ingest.h"

#include <json-c/json.h>
#include <string.h>

/* The string value of @p key: NULL when absent or null; *bad when it is
 * there with another type or with invalid UTF-8. */
static const char *
field(json_object *o, const char *key, size_t *len, NgBuf *err, bool *bad)
{
  json_object *v = NULL;
  if (!json_object_object_get_ex(o, key, &v) || !v) {
    return NULL;
  }
  if (!json_object_is_type(v, json_type_string)) {
    ng_buf_printf(err, "field \"%s\" is not a string", key);
    *bad = true;
    return NULL;
  }
  const char *s = json_object_get_string(v);
  size_t n = (size_t)json_object_get_string_len(v);
  if (ng_utf8_valid_prefix(s, n) != n || memchr(s, '\0', n)) {
    ng_buf_printf(err, "field \"%s\" is not valid UTF-8 text", key);
    *bad = true;
    return NULL;
  }
  if (len) {
    *len = n;
  }
  return s;
}

NgStatus
ng_ndjson_parse(const char *line, size_t len, NgBuf *text, NgIngestMeta *meta,
                bool *bad_date, NgBuf *err)
{
  *bad_date = false;
  if (ng_utf8_valid_prefix(line, len) != len) {
    ng_buf_puts(err, "line is not valid UTF-8");
    return NG_ERR_ENCODING;
  }
  if (len > (size_t)INT32_MAX) {
    ng_buf_puts(err, "line too long for the JSON parser");
    return NG_ERR_LIMIT;
  }
  json_tokener *tok = json_tokener_new();
  if (!tok) {
    return NG_ERR_NOMEM;
  }
  json_object *o = json_tokener_parse_ex(tok, line, (int)len);
  enum json_tokener_error jerr = json_tokener_get_error(tok);
  size_t used = json_tokener_get_parse_end(tok);
  json_tokener_free(tok);
  NgStatus st = NG_SUCCESS;
  if (!o || jerr != json_tokener_success) {
    ng_buf_printf(err, "malformed JSON: %s",
                  jerr == json_tokener_continue
                      ? "unexpected end of line"
                      : json_tokener_error_desc(jerr));
    st = NG_ERR_SYNTAX;
  } else {
    while (used < len && (line[used] == ' ' || line[used] == '\t' ||
                          line[used] == '\r')) {
      used++;
    }
    if (used < len) {
      ng_buf_puts(err, "malformed JSON: text after the object");
      st = NG_ERR_SYNTAX;
    } else if (!json_object_is_type(o, json_type_object)) {
      ng_buf_puts(err, "not a JSON object");
      st = NG_ERR_SYNTAX;
    }
  }
  if (st != NG_SUCCESS) {
    json_object_put(o);
    return st;
  }
  bool bad = false;
  size_t tn = 0;
  const char *t = field(o, "text", &tn, err, &bad);
  const char *id = bad ? NULL : field(o, "id", NULL, err, &bad);
  const char *url = bad ? NULL : field(o, "url", NULL, err, &bad);
  const char *date = bad ? NULL : field(o, "date", NULL, err, &bad);
  const char *lang = bad ? NULL : field(o, "lang", NULL, err, &bad);
  const char *title = bad ? NULL : field(o, "title", NULL, err, &bad);
  const char *publ = bad ? NULL : field(o, "publisher", NULL, err, &bad);
  if (bad) {
    st = NG_ERR_SYNTAX;
  } else if (!t || tn == 0) {
    ng_buf_puts(err, "missing or empty \"text\"");
    st = NG_ERR_SYNTAX;
  } else {
    ng_buf_append(text, t, tn);
    ng_ingest_meta_offer(&meta->id, id);
    ng_ingest_meta_offer(&meta->url, url);
    ng_ingest_meta_offer(&meta->title, title);
    ng_ingest_meta_offer(&meta->publisher, publ);
    if (lang && !meta->lang) {
      meta->lang = ng_ingest_lang_tag(lang);
    }
    if (date && ng_ingest_parse_date(date, &meta->date) != NG_SUCCESS) {
      meta->date.prec = NG_DATE_NONE;
      *bad_date = true;
    }
    if (text->failed) {
      st = NG_ERR_NOMEM;
    }
  }
  json_object_put(o);
  return st;
}
