/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * The load module: documents' graphs sent to a SPARQL store with libcurl.
 *
 * Requests always carry Content-Length (the body is in memory and given
 * with CURLOPT_POSTFIELDSIZE_LARGE): Virtuoso silently drops chunked
 * uploads, answering 201 with nothing loaded.
 *
 * Replacing rather than appending is what makes retries safe: a retry
 * repeats the whole document, and the document ends up in the store once.
 * A PUT or a series of INSERT DATA that fails half way would leave a half
 * replaced graph, so when a SPARQL Update endpoint is known the document
 * is written to a staging graph, then moved over its graph with MOVE,
 * which replaces the target in one operation.
 *
 * Errors: Virtuoso answers a malformed upload with 500, a missing
 * permission with 403 or 500, and puts its message in <xmp>; other
 * stores use 400 and 403. The status alone cannot tell a malformed
 * document (skip it, go on) from a broken server (retry, then stop), so
 * the message is read too (ng_load_classify).
 *
 * The password is copied once, handed to libcurl, and wiped on free; no
 * message names it, and URLs with credentials in them are refused.
 */
#define _POSIX_C_SOURCE 200809L
#ifdef HAVE_CONFIG_H
#  include "config.h"
#endif

#include "load.h"

#include "emit.h"

#include <curl/curl.h>
#include <errno.h>
#include <string.h>
#include <time.h>

#define LOAD_STAGE "load"
#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define NG_DOCUMENT "https://w3id.org/newsgraph/ns#Document"
#define STAGING_PREFIX "urn:newsgraph:staging:"
/* How much of an answer is kept: enough for any error message. */
#define ANSWER_MAX 65536
/* How much of the server's message goes into ours. */
#define DETAIL_MAX 300
/* The longest wait between two attempts, in seconds. */
#define RETRY_WAIT_MAX 60.0

struct NgLoaderS
{
  CURL *curl;
  NgLog log;
  char *gsp, *update, *user, *password;
  bool append;
  long timeout;
  unsigned retries;
  double retry_wait;
  size_t batch;
  char errbuf[CURL_ERROR_SIZE];
  NgBuf answer; /* the body of the last answer, up to ANSWER_MAX */
  NgBuf why;    /* the explanation of the last failure */
  NgBuf nt;     /* the N-Triples of the document being sent */
  NgBuf req;    /* the text of an update request, or a URL */
  /* Graphs this loader has already written: a graph met again, as when
   * its quads are not contiguous in a file, is added to instead of
   * replaced. The names live in seen_names. */
  NgStrMap seen;
  NgArena *seen_names;
};

/* ------------------------------------------------------------------ */
/* Small helpers.                                                       */

static char
ascii_lower(char c)
{
  return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* ASCII case-insensitive prefix test, independent of the locale. */
static bool
has_prefix_ci(const char *s, const char *prefix)
{
  for (; *prefix; s++, prefix++) {
    if (ascii_lower(*s) != *prefix) {
      return false;
    }
  }
  return true;
}

/* ASCII case-insensitive search of @p needle (lower case) in @p hay. */
static bool
contains_ci(const char *hay, const char *needle)
{
  if (!hay) {
    return false;
  }
  for (; *hay; hay++) {
    if (has_prefix_ci(hay, needle)) {
      return true;
    }
  }
  return false;
}

/* Overwrite a secret before its memory is released; volatile, so the
 * compiler cannot drop the stores as dead. */
static void
wipe(char *s)
{
  if (s) {
    for (volatile char *p = s; *p; p++) {
      *p = '\0';
    }
  }
}

static void
sleep_seconds(double s)
{
  struct timespec ts;
  ts.tv_sec = (time_t)s;
  ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

/* ------------------------------------------------------------------ */
/* Options and URLs.                                                    */

void
ng_load_options_init(NgLoadOptions *o)
{
  memset(o, 0, sizeof *o);
  o->timeout = NG_LOAD_DEFAULT_TIMEOUT;
  o->retries = NG_LOAD_DEFAULT_RETRIES;
  o->retry_wait = 1.0;
  o->batch = NG_LOAD_DEFAULT_BATCH;
}

NgStatus
ng_load_url_check(const char *url, const char **why)
{
  const char *w = NULL;
  const char *rest = NULL;
  if (!url || !*url) {
    w = "the URL is empty";
  } else if (has_prefix_ci(url, "http://")) {
    rest = url + 7;
  } else if (has_prefix_ci(url, "https://")) {
    rest = url + 8;
  } else {
    w = "not an http:// or https:// URL";
  }
  if (rest) {
    size_t authority = strcspn(rest, "/?#");
    if (authority == 0) {
      w = "the URL has no host";
    } else if (memchr(rest, '@', authority)) {
      w = "the URL holds a user name or password: give the user with "
          "--user and the password in NEWSGRAPH_PASSWORD or --password-file";
    } else {
      for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p <= ' ' || *p == 0x7f) {
          w = "the URL holds a space or a control character";
          break;
        }
      }
    }
  }
  if (why) {
    *why = w;
  }
  return w ? NG_ERR_ARG : NG_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* N-Triples.                                                           */

static void
put_hex_escape(NgBuf *out, unsigned char c)
{
  static const char hex[] = "0123456789ABCDEF";
  char e[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
  ng_buf_append(out, e, sizeof e);
}

static void
put_node(NgBuf *out, const char *term)
{
  if (term[0] == '_' && term[1] == ':') {
    ng_buf_puts(out, term);
    return;
  }
  ng_buf_putc(out, '<');
  for (const unsigned char *p = (const unsigned char *)term; *p; p++) {
    if (*p <= ' ' || strchr("<>\"{}|^`\\", *p) || *p == 0x7f) {
      put_hex_escape(out, *p);
    } else {
      ng_buf_putc(out, (char)*p);
    }
  }
  ng_buf_putc(out, '>');
}

void
ng_load_ntriples_line(NgBuf *out, const NgTriple *t)
{
  put_node(out, t->s);
  ng_buf_putc(out, ' ');
  put_node(out, t->p);
  ng_buf_putc(out, ' ');
  switch (t->kind) {
  case NG_TERM_IRI:
    put_node(out, t->o);
    break;
  case NG_TERM_LITERAL:
    ng_buf_putc(out, '"');
    for (const unsigned char *p = (const unsigned char *)t->o; *p; p++) {
      switch (*p) {
      case '"':
        ng_buf_puts(out, "\\\"");
        break;
      case '\\':
        ng_buf_puts(out, "\\\\");
        break;
      case '\n':
        ng_buf_puts(out, "\\n");
        break;
      case '\r':
        ng_buf_puts(out, "\\r");
        break;
      case '\t':
        ng_buf_puts(out, "\\t");
        break;
      default:
        if (*p < 0x20 || *p == 0x7f) {
          put_hex_escape(out, *p);
        } else {
          ng_buf_putc(out, (char)*p);
        }
      }
    }
    ng_buf_putc(out, '"');
    if (t->lang && *t->lang) {
      ng_buf_putc(out, '@');
      ng_buf_puts(out, t->lang);
    } else if (t->datatype) {
      ng_buf_puts(out, "^^");
      put_node(out, t->datatype);
    }
    break;
  }
  ng_buf_puts(out, " .\n");
}

size_t
ng_load_batch_end(const char *nt, size_t len, size_t pos, size_t max)
{
  size_t lines = 0;
  while (pos < len && lines < max) {
    const char *nl = memchr(nt + pos, '\n', len - pos);
    pos = nl ? (size_t)(nl - nt) + 1 : len;
    lines++;
  }
  return pos;
}

char *
ng_load_staging_iri(const char *graph)
{
  NgBuf b;
  ng_buf_init(&b);
  ng_buf_puts(&b, STAGING_PREFIX);
  ng_buf_puts(&b, graph);
  if (b.failed) {
    ng_buf_free(&b);
    return NULL;
  }
  return ng_buf_take(&b);
}

/* ------------------------------------------------------------------ */
/* What an answer means.                                                */

/* Append the server's own message from @p body, on one line and
 * shortened: the text of Virtuoso's <xmp> element, or the body without
 * its markup. */
static void
append_detail(NgBuf *why, const char *body)
{
  if (!body || !why) {
    return;
  }
  const char *start = body;
  const char *end = body + strlen(body);
  const char *xmp = strstr(body, "<xmp>");
  if (xmp) {
    start = xmp + 5;
    const char *close = strstr(start, "</xmp>");
    if (close) {
      end = close;
    }
  }
  NgBuf text;
  ng_buf_init(&text);
  bool in_tag = false, space = false;
  for (const char *p = start; p < end && text.len < DETAIL_MAX; p++) {
    char c = *p;
    if (c == '<') {
      in_tag = true;
      space = true;
      continue;
    }
    if (in_tag) {
      in_tag = c != '>';
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && text.len) {
      ng_buf_putc(&text, ' ');
    }
    space = false;
    ng_buf_putc(&text, c);
  }
  /* Cut on a character boundary. */
  size_t n = ng_utf8_valid_prefix(text.data ? text.data : "", text.len);
  if (!text.failed && n) {
    ng_buf_puts(why, " (the endpoint says: ");
    ng_buf_append(why, text.data, n);
    ng_buf_puts(why, text.len >= DETAIL_MAX ? "...)" : ")");
  }
  ng_buf_free(&text);
}

/* The signs of a permission error in a server's message. */
static bool
says_forbidden(const char *body)
{
  return contains_ci(body, "security") || contains_ci(body, "permission") ||
         contains_ci(body, "not authorized") ||
         contains_ci(body, "access denied");
}

/* The signs of a request over the server's size limits: Virtuoso's SPARQL
 * compiler runs out of memory past ~5,000 statements (and says 400). */
static bool
says_too_large(const char *body)
{
  return contains_ci(body, "memory exhausted") ||
         contains_ci(body, "too large") || contains_ci(body, "too long");
}

/* The signs of a malformed document in a server's message: Virtuoso's
 * SPARQL and RDF loader errors are SP0nn, and others say "parse" or
 * "syntax". */
static bool
says_malformed(const char *body)
{
  return contains_ci(body, "sp0") || contains_ci(body, "syntax") ||
         contains_ci(body, "pars") || contains_ci(body, "malformed") ||
         contains_ci(body, "unsupported type") ||
         contains_ci(body, "rdf loader") || contains_ci(body, "invalid");
}

NgStatus
ng_load_classify(long code, const char *body, bool authenticated,
                 bool *retry, NgBuf *why)
{
  NgBuf sink;
  ng_buf_init(&sink);
  NgBuf *w = why ? why : &sink;
  bool again = false;
  NgStatus st;
  if (code >= 200 && code < 300) {
    st = NG_SUCCESS;
  } else if (code == 401) {
    st = NG_ERR_NETWORK;
    ng_buf_puts(w, authenticated
                     ? "bad credentials: the endpoint refused the user name "
                       "and password (HTTP 401)"
                     : "the endpoint requires a user name and password "
                       "(HTTP 401): give --user, and the password in "
                       "NEWSGRAPH_PASSWORD or --password-file");
  } else if (code == 403 || (code >= 500 && says_forbidden(body))) {
    st = NG_ERR_NETWORK;
    ng_buf_printf(w,
                  "the endpoint refuses updates%s (HTTP %ld): the account "
                  "needs write permission (Virtuoso: GRANT SPARQL_UPDATE)",
                  authenticated ? " from this user" : " without a user",
                  code);
    append_detail(w, body);
  } else if (code == 404 || code == 410) {
    st = NG_ERR_NETWORK;
    ng_buf_printf(w, "no such endpoint (HTTP %ld): check the URL", code);
  } else if (code == 405 || code == 501) {
    st = NG_ERR_NETWORK;
    ng_buf_printf(w,
                  "the endpoint does not accept updates at this URL (HTTP "
                  "%ld): give its Graph Store endpoint with --endpoint or "
                  "its SPARQL Update endpoint with --sparql-update",
                  code);
  } else if (code >= 300 && code < 400) {
    st = NG_ERR_NETWORK;
    ng_buf_printf(w,
                  "the endpoint redirects elsewhere (HTTP %ld): give the "
                  "URL it redirects to",
                  code);
  } else if (code == 413 ||
             ((code == 400 || code >= 500) && says_too_large(body))) {
    st = NG_ERR_LIMIT;
    ng_buf_printf(w,
                  "the request is too large for the endpoint (HTTP %ld): "
                  "lower --batch-size",
                  code);
    append_detail(w, body);
  } else if (code == 400 || code == 415 || code == 422 ||
             (code >= 500 && says_malformed(body))) {
    st = NG_ERR_SYNTAX;
    ng_buf_printf(w, "the endpoint rejected the data as malformed (HTTP %ld)",
                  code);
    append_detail(w, body);
  } else if (code >= 500) {
    st = NG_ERR_NETWORK;
    again = true;
    ng_buf_printf(w, "the endpoint failed (HTTP %ld)", code);
    append_detail(w, body);
  } else {
    st = NG_ERR_RDF;
    ng_buf_printf(w, "the endpoint rejected the document (HTTP %ld)", code);
    append_detail(w, body);
  }
  if (retry) {
    *retry = again;
  }
  ng_buf_free(&sink);
  return st;
}

/* ------------------------------------------------------------------ */
/* The loader.                                                          */

static size_t
answer_write(char *data, size_t size, size_t n, void *handle)
{
  NgLoader *l = handle;
  size_t len = size * n;
  if (l->answer.len < ANSWER_MAX) {
    size_t keep = ANSWER_MAX - l->answer.len;
    ng_buf_append(&l->answer, data, len < keep ? len : keep);
  }
  return len;
}

void
ng_loader_free(NgLoader *l)
{
  if (!l) {
    return;
  }
  if (l->curl) {
    curl_easy_cleanup(l->curl);
    curl_global_cleanup();
  }
  wipe(l->password);
  ng_free(l->password);
  ng_free(l->user);
  ng_free(l->gsp);
  ng_free(l->update);
  ng_buf_free(&l->answer);
  ng_buf_free(&l->why);
  ng_buf_free(&l->nt);
  ng_buf_free(&l->req);
  ng_strmap_free(&l->seen);
  ng_arena_free(l->seen_names);
  ng_free(l);
}

static bool
copy_opt(char **dst, const char *src)
{
  if (!src) {
    return true;
  }
  *dst = ng_strdup(src);
  return *dst != NULL;
}

NgLoader *
ng_loader_new(const NgLoadOptions *o, const NgLog *log, NgStatus *st)
{
  NgStatus dummy;
  st = st ? st : &dummy;
  *st = NG_ERR_ARG;
  if (!o || (!o->gsp_url && !o->update_url) || o->timeout <= 0 ||
      o->batch == 0 || o->retry_wait < 0 ||
      (o->gsp_url && ng_load_url_check(o->gsp_url, NULL) != NG_SUCCESS) ||
      (o->update_url &&
       ng_load_url_check(o->update_url, NULL) != NG_SUCCESS)) {
    return NULL;
  }
  NgLoader *l = ng_calloc(1, sizeof *l);
  if (!l) {
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  if (log) {
    l->log = *log;
  }
  l->append = o->append;
  l->timeout = o->timeout;
  l->retries = o->retries;
  l->retry_wait = o->retry_wait;
  l->batch = o->batch;
  ng_buf_init(&l->answer);
  ng_buf_init(&l->why);
  ng_buf_init(&l->nt);
  ng_buf_init(&l->req);
  if (!copy_opt(&l->gsp, o->gsp_url) || !copy_opt(&l->update, o->update_url) ||
      !copy_opt(&l->user, o->user) ||
      !copy_opt(&l->password, o->user ? (o->password ? o->password : "")
                                      : NULL)) {
    *st = NG_ERR_NOMEM;
    ng_loader_free(l);
    return NULL;
  }
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    ng_log(&l->log, NG_LOG_ERROR, NG_ERR_NETWORK, LOAD_STAGE, NULL, 0, 0,
           "libcurl cannot start");
    *st = NG_ERR_NETWORK;
    ng_loader_free(l);
    return NULL;
  }
  l->curl = curl_easy_init();
  if (!l->curl) {
    curl_global_cleanup();
    *st = NG_ERR_NETWORK;
    ng_loader_free(l);
    return NULL;
  }
  CURL *c = l->curl;
  bool ok = true;
  ok &= curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L) == CURLE_OK;
  ok &= curl_easy_setopt(c, CURLOPT_ERRORBUFFER, l->errbuf) == CURLE_OK;
  ok &= curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, answer_write) == CURLE_OK;
  ok &= curl_easy_setopt(c, CURLOPT_WRITEDATA, l) == CURLE_OK;
  ok &= curl_easy_setopt(c, CURLOPT_TIMEOUT, o->timeout) == CURLE_OK;
  ok &= curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT,
                         o->timeout < 30 ? o->timeout : 30L) == CURLE_OK;
  /* A redirect would resend the body (and the credentials) elsewhere:
   * the user is told instead. */
  ok &= curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L) == CURLE_OK;
  ok &= curl_easy_setopt(c, CURLOPT_USERAGENT,
                         "newsgraph/" PACKAGE_VERSION) == CURLE_OK;
#if LIBCURL_VERSION_NUM >= 0x075500
  ok &= curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_OK;
#endif
  if (l->user) {
    ok &= curl_easy_setopt(c, CURLOPT_USERNAME, l->user) == CURLE_OK;
    ok &= curl_easy_setopt(c, CURLOPT_PASSWORD, l->password) == CURLE_OK;
    /* Digest for Virtuoso's -auth endpoints, basic for the others;
     * libcurl asks the server which it wants. */
    ok &= curl_easy_setopt(c, CURLOPT_HTTPAUTH,
                           (long)(CURLAUTH_BASIC | CURLAUTH_DIGEST)) ==
          CURLE_OK;
  }
  if (o->ca_file) {
    ok &= curl_easy_setopt(c, CURLOPT_CAINFO, o->ca_file) == CURLE_OK;
  }
  if (o->insecure) {
    ok &= curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L) == CURLE_OK;
    ok &= curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L) == CURLE_OK;
  }
  if (!ok) {
    ng_log(&l->log, NG_LOG_ERROR, NG_ERR_NETWORK, LOAD_STAGE, NULL, 0, 0,
           "libcurl refused an option (is it built with HTTP and TLS?)");
    *st = NG_ERR_NETWORK;
    ng_loader_free(l);
    return NULL;
  }
  *st = NG_SUCCESS;
  return l;
}

/* ---- the set of graphs written ---- */

static bool
seen_has(const NgLoader *l, const char *graph)
{
  return ng_strmap_get(&l->seen, graph) >= 0;
}

static NgStatus
seen_add(NgLoader *l, const char *graph)
{
  if (seen_has(l, graph)) {
    return NG_SUCCESS;
  }
  if (!l->seen_names && !(l->seen_names = ng_arena_new(4096))) {
    return NG_ERR_NOMEM;
  }
  const char *copy = ng_arena_strndup(l->seen_names, graph, strlen(graph));
  if (!copy) {
    return NG_ERR_NOMEM;
  }
  return ng_strmap_put(&l->seen, copy, 0);
}

/* ---- requests ---- */

/* Whether trying again may get past libcurl's error @p cc. (Not a
 * switch: CURLcode has a hundred values, and grows.) */
static bool
curl_retryable(CURLcode cc)
{
  return cc == CURLE_COULDNT_RESOLVE_HOST || cc == CURLE_COULDNT_CONNECT ||
         cc == CURLE_OPERATION_TIMEDOUT || cc == CURLE_SEND_ERROR ||
         cc == CURLE_RECV_ERROR || cc == CURLE_GOT_NOTHING ||
         cc == CURLE_PARTIAL_FILE;
}

/* One request: @p method to @p url with @p body (never NULL, so that
 * libcurl sends Content-Length and not a chunked body). NG_SUCCESS for a
 * 2xx answer; otherwise the failure, explained in l->why, and *retry. */
static NgStatus
request(NgLoader *l, const char *method, const char *url, const char *type,
        const char *body, size_t len, bool *retry)
{
  ng_buf_clear(&l->answer);
  l->errbuf[0] = '\0';
  *retry = false;
  char content_type[128];
  snprintf(content_type, sizeof content_type, "Content-Type: %s", type);
  struct curl_slist *headers = NULL, *h;
  /* No "Expect: 100-continue" wait before each body. */
  const char *lines[] = { content_type, "Expect:",
                          "Accept: text/plain, */*;q=0.5" };
  for (size_t i = 0; i < NG_COUNTOF(lines); i++) {
    h = curl_slist_append(headers, lines[i]);
    if (!h) {
      curl_slist_free_all(headers);
      return NG_ERR_NOMEM;
    }
    headers = h;
  }
  CURL *c = l->curl;
  bool ok = curl_easy_setopt(c, CURLOPT_URL, url) == CURLE_OK;
  ok &= curl_easy_setopt(c, CURLOPT_POSTFIELDS, body) == CURLE_OK;
  ok &= curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len) ==
        CURLE_OK;
  ok &= curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method) == CURLE_OK;
  ok &= curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers) == CURLE_OK;
  CURLcode cc = ok ? curl_easy_perform(c) : CURLE_FAILED_INIT;
  long code = 0;
  (void)curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
  (void)curl_easy_setopt(c, CURLOPT_HTTPHEADER, NULL);
  curl_slist_free_all(headers);
  if (l->answer.failed) {
    return NG_ERR_NOMEM;
  }

  ng_buf_clear(&l->why);
  if (cc == CURLE_OK) {
    return ng_load_classify(code, l->answer.data, l->user != NULL, retry,
                            &l->why);
  }
  *retry = curl_retryable(cc);
  const char *detail = l->errbuf[0] ? l->errbuf : curl_easy_strerror(cc);
  if (cc == CURLE_OPERATION_TIMEDOUT) {
    ng_buf_printf(&l->why,
                  "no answer from the endpoint within %ld s (--timeout): %s",
                  l->timeout, detail);
  } else if (cc == CURLE_PEER_FAILED_VERIFICATION ||
             cc == CURLE_SSL_CONNECT_ERROR ||
             cc == CURLE_SSL_CACERT_BADFILE) {
    ng_buf_printf(&l->why,
                  "the endpoint's TLS certificate cannot be verified (give "
                  "its CA with --cacert): %s",
                  detail);
  } else {
    ng_buf_printf(&l->why, "cannot reach the endpoint: %s", detail);
  }
  return NG_ERR_NETWORK;
}

/* l->req = the Graph Store URL of @p graph. */
static NgStatus
gsp_url(NgLoader *l, const char *graph)
{
  char *enc = curl_easy_escape(l->curl, graph, 0);
  if (!enc) {
    return NG_ERR_NOMEM;
  }
  ng_buf_clear(&l->req);
  ng_buf_printf(&l->req, "%s%cgraph=%s", l->gsp,
                strchr(l->gsp, '?') ? '&' : '?', enc);
  curl_free(enc);
  return l->req.failed ? NG_ERR_NOMEM : NG_SUCCESS;
}

static NgStatus
update(NgLoader *l, NgBuf *text, bool *retry)
{
  if (text->failed) {
    return NG_ERR_NOMEM;
  }
  return request(l, "POST", l->update, "application/sparql-update",
                 text->data ? text->data : "", text->len, retry);
}

/* One attempt at the document in l->nt (@p n statements). */
static NgStatus
send_once(NgLoader *l, const char *graph, size_t n, bool replace,
          bool *retry)
{
  const char *nt = l->nt.data ? l->nt.data : "";
  size_t len = l->nt.len;
  NgStatus st;
  if (l->gsp) {
    char *staging = NULL;
    const char *target = graph;
    if (replace && l->update) {
      staging = ng_load_staging_iri(graph);
      if (!staging) {
        return NG_ERR_NOMEM;
      }
      target = staging;
    }
    st = gsp_url(l, target);
    if (st == NG_SUCCESS) {
      st = request(l, replace ? "PUT" : "POST", l->req.data,
                   "application/n-triples", nt, len, retry);
    }
    if (st == NG_SUCCESS && staging) {
      ng_buf_clear(&l->req);
      ng_buf_printf(&l->req, "MOVE <%s> TO <%s>", staging, graph);
      st = update(l, &l->req, retry);
    }
    ng_free(staging);
    return st;
  }

  /* SPARQL Update only. */
  if (n == 0) {
    if (!replace) {
      return NG_SUCCESS;
    }
    ng_buf_clear(&l->req);
    ng_buf_printf(&l->req, "DROP SILENT GRAPH <%s>", graph);
    return update(l, &l->req, retry);
  }
  char *staging = replace ? ng_load_staging_iri(graph) : NULL;
  if (replace && !staging) {
    return NG_ERR_NOMEM;
  }
  const char *target = staging ? staging : graph;
  st = NG_SUCCESS;
  for (size_t pos = 0; pos < len && st == NG_SUCCESS;) {
    size_t end = ng_load_batch_end(nt, len, pos, l->batch);
    ng_buf_clear(&l->req);
    if (staging && pos == 0) {
      /* Left over by an interrupted run, perhaps. */
      ng_buf_printf(&l->req, "DROP SILENT GRAPH <%s> ;\n", staging);
    }
    ng_buf_printf(&l->req, "INSERT DATA { GRAPH <%s> {\n", target);
    ng_buf_append(&l->req, nt + pos, end - pos);
    ng_buf_puts(&l->req, "} }");
    if (staging && end == len) {
      ng_buf_printf(&l->req, " ;\nMOVE <%s> TO <%s>", staging, graph);
    }
    st = update(l, &l->req, retry);
    pos = end;
  }
  ng_free(staging);
  return st;
}

/* Send the document in l->nt: retries with backoff, then the verdict,
 * logged against @p where. */
static NgStatus
send_document(NgLoader *l, const char *where, const char *graph, size_t n,
              bool blank_nodes)
{
  if (l->nt.failed) {
    return NG_ERR_NOMEM;
  }
  bool replace = !l->append && !seen_has(l, graph);
  if (!l->gsp && blank_nodes && n > l->batch) {
    ng_log(&l->log, NG_LOG_ERROR, NG_ERR_LIMIT, LOAD_STAGE, where, 0, 0,
           "<%s>: not loaded: it has blank nodes and more than %zu "
           "statements, and INSERT DATA cannot split it without splitting "
           "its blank nodes (use the Graph Store endpoint, --endpoint, or "
           "a larger --batch-size)",
           graph, l->batch);
    return NG_ERR_LIMIT;
  }
  double wait = l->retry_wait;
  unsigned attempt = 0;
  NgStatus st;
  for (;;) {
    bool retry = false;
    st = send_once(l, graph, n, replace, &retry);
    if (st == NG_SUCCESS || st == NG_ERR_NOMEM || !retry ||
        attempt >= l->retries) {
      break;
    }
    attempt++;
    char secs[32];
    ng_log(&l->log, NG_LOG_WARNING, st, LOAD_STAGE, where, 0, 0,
           "<%s>: %s; retrying in %s s (retry %u of %u)", graph,
           l->why.data ? l->why.data : ng_strerror(st),
           ng_format_decimal(wait, secs, sizeof secs), attempt, l->retries);
    sleep_seconds(wait);
    wait = wait * 2 > RETRY_WAIT_MAX ? RETRY_WAIT_MAX : wait * 2;
  }
  if (st == NG_SUCCESS) {
    return seen_add(l, graph);
  }
  if (st != NG_ERR_NOMEM) {
    ng_log(&l->log, NG_LOG_ERROR, st, LOAD_STAGE, where, 0, 0,
           "<%s>: not loaded: %s%s", graph,
           l->why.data ? l->why.data : ng_strerror(st),
           attempt ? " (after retries)" : "");
  }
  return st;
}

NgStatus
ng_loader_put_graph(NgLoader *l, NgGraph *g, const char *where)
{
  if (!l || !g) {
    return NG_ERR_ARG;
  }
  const char *name = ng_graph_name(g);
  if (!name) {
    ng_log(&l->log, NG_LOG_ERROR, NG_ERR_ARG, LOAD_STAGE, where, 0, 0,
           "a graph without a name cannot be sent to the endpoint");
    return NG_ERR_ARG;
  }
  ng_graph_sort(g);
  ng_buf_clear(&l->nt);
  size_t n = ng_graph_size(g);
  for (size_t i = 0; i < n; i++) {
    ng_load_ntriples_line(&l->nt, ng_graph_get(g, i));
  }
  return send_document(l, where, name, n, false);
}

/* ------------------------------------------------------------------ */
/* Files.                                                               */

/* Statements being gathered into one document. */
typedef struct
{
  char *graph; /* owned; NULL: none yet */
  NgBuf nt;
  size_t n;
  bool blank_nodes;
} Group;

typedef struct
{
  NgLoader *l;
  const char *path;
  const char *fixed; /* --graph, or NULL */
  NgLoadDocFunc cb;
  void *handle;
  Group named; /* the current named graph (or the --graph one) */
  Group loose; /* triples outside any graph */
  char *doc;   /* the ng:Document the loose triples describe */
  size_t docs; /* how many different ones */
  NgStatus worst;
} FileCtx;

static void
group_free(Group *g)
{
  ng_free(g->graph);
  ng_buf_free(&g->nt);
}

static bool
is_blank(const char *term)
{
  return term[0] == '_' && term[1] == ':';
}

static void
group_add(Group *g, const NgTriple *t)
{
  ng_load_ntriples_line(&g->nt, t);
  g->n++;
  if (is_blank(t->s) || (t->kind == NG_TERM_IRI && is_blank(t->o))) {
    g->blank_nodes = true;
  }
}

static NgStatus
worse(NgStatus a, NgStatus b)
{
  /* Network failures stop everything; then the first other failure. */
  if (a == NG_ERR_NETWORK || b == NG_ERR_NETWORK) {
    return NG_ERR_NETWORK;
  }
  if (a == NG_ERR_NOMEM || b == NG_ERR_NOMEM) {
    return NG_ERR_NOMEM;
  }
  return a != NG_SUCCESS ? a : b;
}

static void
report(FileCtx *f, const char *graph, const NgBuf *nt, size_t n, NgStatus st)
{
  f->worst = worse(f->worst, st);
  if (f->cb) {
    NgLoadDoc d = { graph, n, nt->len };
    f->cb(f->handle, &d, st);
  }
}

/* Send the group @p g as the document graph @p graph; empty it. */
static NgStatus
group_send(FileCtx *f, Group *g, const char *graph)
{
  NgLoader *l = f->l;
  NgStatus st = NG_SUCCESS;
  if (!ng_iri_is_valid(graph) && !is_blank(graph)) {
    st = NG_ERR_DATA;
    ng_log(&l->log, NG_LOG_ERROR, st, LOAD_STAGE, f->path, 0, 0,
           "<%s>: not loaded: not an IRI a store can name a graph with",
           graph);
  } else if (is_blank(graph)) {
    st = NG_ERR_DATA;
    ng_log(&l->log, NG_LOG_ERROR, st, LOAD_STAGE, f->path, 0, 0,
           "%s: not loaded: a graph named by a blank node cannot be "
           "addressed in a store (give --graph IRI)",
           graph);
  } else {
    /* The document's text moves into the loader's buffer, and back. */
    NgBuf keep = l->nt;
    l->nt = g->nt;
    st = send_document(l, f->path, graph, g->n, g->blank_nodes);
    g->nt = l->nt;
    l->nt = keep;
  }
  report(f, graph, &g->nt, g->n, st);
  ng_buf_clear(&g->nt);
  g->n = 0;
  g->blank_nodes = false;
  return st;
}

static NgStatus
file_statement(void *handle, const NgTriple *t, const char *graph)
{
  FileCtx *f = handle;
  if (f->fixed) {
    graph = f->fixed;
  }
  if (!graph) {
    group_add(&f->loose, t);
    if (t->kind == NG_TERM_IRI && strcmp(t->p, RDF_TYPE) == 0 &&
        strcmp(t->o, NG_DOCUMENT) == 0 &&
        (!f->doc || strcmp(f->doc, t->s) != 0)) {
      if (!f->doc) {
        f->doc = ng_strdup(t->s);
        if (!f->doc) {
          return NG_ERR_NOMEM;
        }
      }
      f->docs++;
    }
    return f->loose.nt.failed ? NG_ERR_NOMEM : NG_SUCCESS;
  }
  Group *g = &f->named;
  if (g->graph && strcmp(g->graph, graph) != 0) {
    NgStatus st = group_send(f, g, g->graph);
    ng_free(g->graph);
    g->graph = NULL;
    if (st == NG_ERR_NETWORK || st == NG_ERR_NOMEM) {
      return st;
    }
  }
  if (!g->graph) {
    g->graph = ng_strdup(graph);
    if (!g->graph) {
      return NG_ERR_NOMEM;
    }
  }
  group_add(g, t);
  return g->nt.failed ? NG_ERR_NOMEM : NG_SUCCESS;
}

NgStatus
ng_loader_load_file(NgLoader *l, const char *path, const char *syntax,
                    const char *graph, NgLoadDocFunc cb, void *handle)
{
  if (!l || !path || !syntax) {
    return NG_ERR_ARG;
  }
  FileCtx f;
  memset(&f, 0, sizeof f);
  f.l = l;
  f.path = path;
  f.fixed = graph;
  f.cb = cb;
  f.handle = handle;
  ng_buf_init(&f.named.nt);
  ng_buf_init(&f.loose.nt);

  NgStatus st = ng_rdf_parse_quads(path, syntax, file_statement, &f, &l->log);
  if (st == NG_SUCCESS) {
    if (f.named.graph) {
      st = group_send(&f, &f.named, f.named.graph);
    }
    if (st != NG_ERR_NETWORK && st != NG_ERR_NOMEM && f.loose.n) {
      if (f.docs == 1) {
        st = group_send(&f, &f.loose, f.doc);
      } else {
        NgStatus why = NG_ERR_DATA;
        ng_log(&l->log, NG_LOG_ERROR, why, LOAD_STAGE, path, 0, 0,
               "not loaded: %zu triples outside any named graph, and %s to "
               "name their graph (write N-Quads with extract -f nquads, or "
               "give --graph IRI)",
               f.loose.n,
               f.docs ? "several ng:Document in them"
                      : "no ng:Document in them");
        report(&f, "", &f.loose.nt, f.loose.n, why);
      }
    }
  } else if (st != NG_ERR_NETWORK) {
    /* A malformed file: what was being read is incomplete, so it is not
     * sent; the documents before it went through. */
    if (f.named.graph && f.named.n) {
      report(&f, f.named.graph, &f.named.nt, f.named.n, st);
    } else {
      report(&f, "", &f.loose.nt, f.loose.n, st);
    }
  }
  f.worst = worse(f.worst, st);
  group_free(&f.named);
  group_free(&f.loose);
  ng_free(f.doc);
  return f.worst;
}
