/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * ingest: private interfaces shared by the ingest files.
 *
 *   ingest.c         documents, formats, the reader (buffering, format
 *                    detection, plain text and legacy encodings), dates
 *   ingest_html.c    HTML pages and fragments to main text + metadata
 *   ingest_xml.c     RSS 2.0 / RSS 1.0, Atom, NITF, NewsML-G2
 *   ingest_ndjson.c  one NDJSON line to document fields (json-c)
 *
 * Decisions that callers see:
 * - The text of a web page, feed item or news XML item is its body only;
 *   the headline goes to NgDoc.title and is not repeated in the text,
 *   except when the body is empty, in which case the text is the title.
 * - Extracted text has one paragraph (block element) per line, each line
 *   ended by '\n', inline whitespace collapsed, no empty lines.
 * - Ids are built from the base name of the input (never from its
 *   directory), so the same input gives the same ids on any machine.
 * - A document that is bad on its own (an NDJSON line, a feed item) is
 *   reported, counted and skipped. A failure that makes the rest of the
 *   input unreadable (I/O error, input over max_doc_bytes, XML refused
 *   or malformed, HTML too deep) is reported, counted as one bad
 *   document and returned by ng_reader_next; later calls return
 *   NG_FAILURE.
 */
#ifndef NG_INGEST_H
#define NG_INGEST_H

#include "common.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

/* Deepest element nesting accepted in XML and HTML input. */
#define NG_INGEST_MAX_DEPTH 256

/* Metadata found in a page or an item. Strings are owned (ng_free). */
typedef struct {
  char *title;
  char *url;
  char *lang; /* primary subtag, lower case: "fr", "en" */
  char *publisher;
  char *id;   /* guid / id given by the item, or NULL */
  NgDate date;
} NgIngestMeta;

void ng_ingest_meta_clear(NgIngestMeta *m);

/* libxml2 reports parse errors to a process-wide handler, which raptor
 * takes over while an RDF serializer is open: an HTML5 tag would become an
 * RDF error. Parses run between these two calls, which put a silent
 * handler in place and then put back the caller's; ingest reads its errors
 * from the parser context (xmlCtxtGetLastError). */
typedef struct {
  xmlStructuredErrorFunc func;
  void *ctx;
} NgXmlErrors;
void ng_ingest_errors_off(NgXmlErrors *saved);
void ng_ingest_errors_restore(const NgXmlErrors *saved);
/* Set *field to a copy of @p value (trimmed) unless *field is already set
 * or the trimmed value is empty. */
void ng_ingest_meta_offer(char **field, const char *value);
/* The primary language subtag of @p tag ("fr-FR" -> "fr"), owned, or NULL
 * when @p tag does not start with 2-3 ASCII letters. */
char *ng_ingest_lang_tag(const char *tag);
/* A date in any form news metadata uses: ISO 8601 (also with time), the
 * basic form "20250905T100000Z", RFC 822 ("Fri, 05 Sep 2025 10:00:00
 * GMT"). NG_ERR_SYNTAX when it is none of these. */
NgStatus ng_ingest_parse_date(const char *s, NgDate *out);

/* ---- legacy encodings ---- */
/* "WINDOWS-1252" when @p s has bytes 0x80-0x9F that are Windows-1252
 * punctuation, else "ISO-8859-1". */
const char *ng_ingest_guess_legacy(const char *s, size_t n);
/* Convert @p n bytes in @p from to UTF-8 (glibc iconv), appended to @p out.
 * NG_ERR_ENCODING when the bytes are not valid in @p from. */
NgStatus ng_ingest_iconv(const char *from, const char *s, size_t n,
                         NgBuf *out);

/* ---- HTML (ingest_html.c) ---- */
/* The class/id/role tokens that mark boilerplate, from the data file
 * lexicon/html-boilerplate.tsv (class "boilerplate"). */
typedef struct NgHtmlRules NgHtmlRules;
/* Load from @p path; NG_ERR_DATA / NG_ERR_SYNTAX with a message in @p err. */
NgStatus ng_html_rules_load(const char *path, NgHtmlRules **out, NgBuf *err);
void ng_html_rules_free(NgHtmlRules *r);
/* Whether a class, id or role attribute value names boilerplate. */
bool ng_html_rules_match(const NgHtmlRules *r, const char *value);

/* A whole page: main text into @p text (appended), metadata into @p meta
 * (fields already set are kept). NG_ERR_LIMIT when nested deeper than
 * NG_INGEST_MAX_DEPTH, NG_ERR_SYNTAX when libxml2 gives up; message in
 * @p err. */
NgStatus ng_html_page(const char *data, size_t len, const NgHtmlRules *rules,
                      NgBuf *text, NgIngestMeta *meta, NgBuf *err);
/* An HTML fragment (a feed item's description or content): all of its
 * text except boilerplate, appended to @p text. */
NgStatus ng_html_fragment(const char *data, size_t len,
                          const NgHtmlRules *rules, NgBuf *text, NgBuf *err);
/* The text of an already parsed (X)HTML or news-XML subtree, one block
 * per line, appended to @p text. @p rules may be NULL (no class-based
 * filtering). The subtree must be at most NG_INGEST_MAX_DEPTH deep. */
void ng_html_render(const xmlNode *node, const NgHtmlRules *rules,
                    NgBuf *text);
/* Plain text (a feed's type="text" content) in the same shape: each line
 * trimmed with its spaces collapsed, empty lines dropped. */
void ng_ingest_plain_lines(const char *s, size_t n, NgBuf *text);

/* ---- XML news (ingest_xml.c) ---- */
typedef struct NgFeed NgFeed;
/* Parse a feed or news XML document safely (no network, no DTD, entity
 * declarations refused, depth-limited). On error returns NG_ERR_LIMIT or
 * NG_ERR_SYNTAX with a message in @p err and the line in *line. */
NgStatus ng_feed_open(const char *data, size_t len, NgFeed **out, NgBuf *err,
                      unsigned *line);
/* The next item: text appended to @p text, metadata to @p meta, its line
 * in *line, its 1-based index in *index. NG_FAILURE at the end;
 * NG_ERR_SYNTAX for an item without text or title (message in @p err;
 * the feed moves on). */
NgStatus ng_feed_next(NgFeed *f, const NgHtmlRules *rules, NgBuf *text,
                      NgIngestMeta *meta, unsigned *line, size_t *index,
                      NgBuf *err);
void ng_feed_free(NgFeed *f);

/* ---- NDJSON (ingest_ndjson.c) ---- */
/* One JSON object: "text" (required, non-empty) copied into @p text,
 * other known fields into @p meta ("id", "url", "date", "lang", "title",
 * "publisher"); unknown fields ignored, null counts as absent. Errors:
 * NG_ERR_SYNTAX (malformed, not an object, a known field not a string,
 * missing text), NG_ERR_ENCODING (not UTF-8); message in @p err. A date
 * that cannot be read is not an error: *bad_date is set instead. */
NgStatus ng_ndjson_parse(const char *line, size_t len, NgBuf *text,
                         NgIngestMeta *meta, bool *bad_date, NgBuf *err);

#endif
