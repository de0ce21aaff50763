/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * ingest: news XML. One safe parse of the whole input, then one document
 * per item: RSS 2.0 and RSS 1.0 items, Atom entries, an NITF article,
 * NewsML-G2 newsItems.
 *
 * Safety: libxml2 parses with XML_PARSE_NONET and without NOENT, DTDLOAD,
 * DTDATTR or HUGE, so nothing is fetched and no DTD is read. On top of
 * that a SAX hook refuses any entity declaration the moment the parser
 * sees it: a document that declares entities has no business in a news
 * feed, and refusing them outright stops both XXE and entity-expansion
 * ("billion laughs") before any expansion starts. A second hook counts
 * element depth so the limit is ours, with our message.
 */
#include "ingest.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

typedef enum { FEED_RSS, FEED_ATOM, FEED_NITF, FEED_NEWSML } FeedKind;

struct NgFeed {
  xmlDocPtr doc;
  FeedKind kind;
  xmlNodePtr *items;
  size_t n, cap, next;
  char *lang;      /* channel language (RSS), or NULL */
  char *publisher; /* channel or feed title, or NULL */
};

/* ------------------------------------------------------------------ */
/* The guarded parse                                                   */

typedef struct {
  int depth;
  bool entity;
  bool too_deep;
  startElementNsSAX2Func start;
  endElementNsSAX2Func end;
} Guard;

static void
ignore_error(void *data, const xmlError *error)
{
  (void)data;
  (void)error;
}

void
ng_ingest_errors_off(NgXmlErrors *saved)
{
  saved->func = xmlStructuredError;
  saved->ctx = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(NULL, (xmlStructuredErrorFunc)ignore_error);
}

void
ng_ingest_errors_restore(const NgXmlErrors *saved)
{
  xmlSetStructuredErrorFunc(saved->ctx, saved->func);
}

static void
guard_entity_decl(void *ctx, const xmlChar *name, int type,
                  const xmlChar *public_id, const xmlChar *system_id,
                  xmlChar *content)
{
  NG_UNUSED(name);
  NG_UNUSED(type);
  NG_UNUSED(public_id);
  NG_UNUSED(system_id);
  NG_UNUSED(content);
  xmlParserCtxtPtr ctxt = ctx;
  ((Guard *)ctxt->_private)->entity = true;
  xmlStopParser(ctxt);
}

static void
guard_unparsed_decl(void *ctx, const xmlChar *name, const xmlChar *public_id,
                    const xmlChar *system_id, const xmlChar *notation)
{
  guard_entity_decl(ctx, name, 0, public_id, system_id, NULL);
  NG_UNUSED(notation);
}

static void
guard_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
            const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
            int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  Guard *g = ctxt->_private;
  if (++g->depth > NG_INGEST_MAX_DEPTH) {
    g->too_deep = true;
    xmlStopParser(ctxt);
    return;
  }
  g->start(ctx, localname, prefix, uri, nb_namespaces, namespaces,
           nb_attributes, nb_defaulted, attributes);
}

static void
guard_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
          const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;
  Guard *g = ctxt->_private;
  g->depth--;
  g->end(ctx, localname, prefix, uri);
}

static xmlDocPtr
safe_parse(const char *data, size_t len, NgStatus *st, NgBuf *err,
           unsigned *line)
{
  *st = NG_ERR_SYNTAX;
  if (len > (size_t)INT32_MAX) {
    ng_buf_puts(err, "XML input too large");
    *st = NG_ERR_LIMIT;
    return NULL;
  }
  xmlInitParser();
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt || !ctxt->sax) {
    xmlFreeParserCtxt(ctxt);
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  Guard g;
  memset(&g, 0, sizeof g);
  g.start = ctxt->sax->startElementNs;
  g.end = ctxt->sax->endElementNs;
  ctxt->sax->entityDecl = guard_entity_decl;
  ctxt->sax->unparsedEntityDecl = guard_unparsed_decl;
  ctxt->sax->startElementNs = guard_start;
  ctxt->sax->endElementNs = guard_end;
  ctxt->_private = &g;
  NgXmlErrors saved;
  ng_ingest_errors_off(&saved);
  xmlDocPtr doc = xmlCtxtReadMemory(
      ctxt, data, (int)len, NULL, NULL,
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
          XML_PARSE_NOCDATA);
  ng_ingest_errors_restore(&saved);
  int well_formed = ctxt->wellFormed;
  if (g.entity) {
    ng_buf_puts(err, "entity declarations are not allowed "
                     "(XXE/entity expansion)");
    *line = (unsigned)xmlSAX2GetLineNumber(ctxt);
    *st = NG_ERR_LIMIT;
  } else if (g.too_deep) {
    ng_buf_printf(err, "XML nested deeper than %d elements",
                  NG_INGEST_MAX_DEPTH);
    *line = (unsigned)xmlSAX2GetLineNumber(ctxt);
    *st = NG_ERR_LIMIT;
  } else if (!doc || !well_formed) {
    const xmlError *e = xmlCtxtGetLastError(ctxt);
    if (e && e->message) {
      size_t n = strlen(e->message);
      while (n && (e->message[n - 1] == '\n' || e->message[n - 1] == ' ')) {
        n--;
      }
      ng_buf_puts(err, "malformed XML: ");
      ng_buf_append(err, e->message, n);
      *line = e->line > 0 ? (unsigned)e->line : 0;
      /* libxml2's own guards (name, text node or amplification limits). */
      if (e->code == XML_ERR_ENTITY_LOOP) {
        *st = NG_ERR_LIMIT;
      }
    } else {
      ng_buf_puts(err, "malformed XML");
    }
  } else {
    *st = NG_SUCCESS;
  }
  xmlFreeParserCtxt(ctxt);
  if (*st != NG_SUCCESS) {
    xmlFreeDoc(doc);
    return NULL;
  }
  return doc;
}

/* ------------------------------------------------------------------ */
/* Tree helpers                                                        */

static bool
named(const xmlNode *n, const char *name)
{
  return n && n->type == XML_ELEMENT_NODE && n->name &&
         strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr
child(const xmlNode *n, const char *name)
{
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
    if (named(c, name)) {
      return c;
    }
  }
  return NULL;
}

static xmlNodePtr
path2(const xmlNode *n, const char *a, const char *b)
{
  return child(child(n, a), b);
}

static xmlNodePtr
descendant(const xmlNode *n, const char *name)
{
  for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
    if (named(c, name)) {
      return c;
    }
    xmlNodePtr d = descendant(c, name);
    if (d) {
      return d;
    }
  }
  return NULL;
}

/* The text of @p b (its lines as ng_ingest_plain_lines writes them) on
 * one line, owned, without trailing spaces; NULL when empty or out of
 * memory. @p b is consumed. */
static char *
one_line(NgBuf *b)
{
  for (size_t i = 0; i < b->len; i++) {
    if (b->data[i] == '\n') {
      b->data[i] = ' ';
    }
  }
  while (b->len && b->data[b->len - 1] == ' ') {
    b->data[--b->len] = '\0';
  }
  if (b->failed || b->len == 0) {
    ng_buf_free(b);
    return NULL;
  }
  return ng_buf_take(b);
}

/* The text of @p n on one line: whitespace runs become one space. */
static char *
flat_text(const xmlNode *n)
{
  if (!n) {
    return NULL;
  }
  xmlChar *raw = xmlNodeGetContent(n);
  if (!raw) {
    return NULL;
  }
  NgBuf b;
  ng_buf_init(&b);
  ng_ingest_plain_lines((const char *)raw, strlen((const char *)raw), &b);
  xmlFree(raw);
  return one_line(&b);
}

static void
offer_text(char **field, const xmlNode *n)
{
  if (!*field && n) {
    *field = flat_text(n);
  }
}

static void
offer_prop(char **field, const xmlNode *n, const char *attr)
{
  if (!*field && n) {
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    ng_ingest_meta_offer(field, (const char *)v);
    xmlFree(v);
  }
}

static void
offer_lang(char **field, const char *tag)
{
  if (!*field && tag) {
    *field = ng_ingest_lang_tag(tag);
  }
}

static void
offer_lang_node(char **field, const xmlNode *n)
{
  if (!*field && n) {
    xmlChar *l = xmlNodeGetLang(n);
    offer_lang(field, (const char *)l);
    xmlFree(l);
  }
}

static void
offer_date_text(NgDate *d, const xmlNode *n)
{
  if (d->prec != NG_DATE_NONE || !n) {
    return;
  }
  char *s = flat_text(n);
  if (!s || ng_ingest_parse_date(s, d) != NG_SUCCESS) {
    d->prec = NG_DATE_NONE;
  }
  ng_free(s);
}

static void
offer_date_prop(NgDate *d, const xmlNode *n, const char *attr)
{
  if (d->prec != NG_DATE_NONE || !n) {
    return;
  }
  xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
  if (!v || ng_ingest_parse_date((const char *)v, d) != NG_SUCCESS) {
    d->prec = NG_DATE_NONE;
  }
  xmlFree(v);
}

static bool
add_item(NgFeed *f, xmlNodePtr n)
{
  size_t cap = f->cap;
  if (!ng_grow((void **)&f->items, &cap, f->n + 1, sizeof *f->items)) {
    return false;
  }
  f->cap = cap;
  f->items[f->n++] = n;
  return true;
}

static bool
add_children(NgFeed *f, const xmlNode *parent, const char *name)
{
  for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next) {
    if (named(c, name) && !add_item(f, c)) {
      return false;
    }
  }
  return true;
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

void
ng_feed_free(NgFeed *f)
{
  if (!f) {
    return;
  }
  xmlFreeDoc(f->doc);
  ng_free(f->items);
  ng_free(f->lang);
  ng_free(f->publisher);
  ng_free(f);
}

NgStatus
ng_feed_open(const char *data, size_t len, NgFeed **out, NgBuf *err,
             unsigned *line)
{
  *out = NULL;
  *line = 0;
  NgStatus st;
  xmlDocPtr doc = safe_parse(data, len, &st, err, line);
  if (!doc) {
    return st;
  }
  NgFeed *f = ng_calloc(1, sizeof *f);
  if (!f) {
    xmlFreeDoc(doc);
    return NG_ERR_NOMEM;
  }
  f->doc = doc;
  xmlNodePtr root = xmlDocGetRootElement(doc);
  bool ok = true;
  if (named(root, "rss") || named(root, "RDF")) {
    /* RSS 2.0 nests items in the channel, RSS 1.0 puts them beside it. */
    f->kind = FEED_RSS;
    xmlNodePtr channel = child(root, "channel");
    offer_text(&f->publisher, child(channel, "title"));
    xmlNodePtr lang = child(channel, "language");
    if (lang) {
      char *l = flat_text(lang);
      offer_lang(&f->lang, l);
      ng_free(l);
    }
    ok = add_children(f, channel, "item") && add_children(f, root, "item");
  } else if (named(root, "feed")) {
    f->kind = FEED_ATOM;
    offer_text(&f->publisher, child(root, "title"));
    ok = add_children(f, root, "entry");
  } else if (named(root, "entry")) {
    f->kind = FEED_ATOM;
    ok = add_item(f, root);
  } else if (named(root, "nitf")) {
    f->kind = FEED_NITF;
    ok = add_item(f, root);
  } else if (named(root, "newsMessage")) {
    f->kind = FEED_NEWSML;
    for (xmlNodePtr c = root->children; c && ok; c = c->next) {
      if (named(c, "itemSet")) {
        ok = add_children(f, c, "newsItem");
      }
    }
  } else if (named(root, "newsItem")) {
    f->kind = FEED_NEWSML;
    ok = add_item(f, root);
  } else {
    ng_buf_printf(err,
                  "unsupported XML document <%s>: expected RSS, Atom, NITF "
                  "or NewsML-G2",
                  root && root->name ? (const char *)root->name : "");
    *line = root ? (unsigned)xmlGetLineNo(root) : 0;
    ng_feed_free(f);
    return NG_ERR_SYNTAX;
  }
  if (!ok) {
    ng_feed_free(f);
    return NG_ERR_NOMEM;
  }
  *out = f;
  return NG_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* Items                                                               */

/* Feed content that is HTML as text (RSS description, Atom type="html"). */
static NgStatus
html_content(const xmlNode *n, const NgHtmlRules *rules, NgBuf *text,
             NgBuf *err)
{
  xmlChar *raw = xmlNodeGetContent(n);
  if (!raw) {
    return NG_SUCCESS;
  }
  NgStatus st = ng_html_fragment((const char *)raw, strlen((const char *)raw),
                                 rules, text, err);
  xmlFree(raw);
  return st;
}

/* Atom text constructs: type="text" (default), "html" or "xhtml". */
static NgStatus
atom_content(const xmlNode *n, const NgHtmlRules *rules, NgBuf *text,
             NgBuf *err)
{
  xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
  NgStatus st = NG_SUCCESS;
  if (type && (xmlStrcmp(type, (const xmlChar *)"html") == 0 ||
               xmlStrcmp(type, (const xmlChar *)"text/html") == 0)) {
    st = html_content(n, rules, text, err);
  } else if (type && (xmlStrcmp(type, (const xmlChar *)"xhtml") == 0 ||
                      xmlStrcmp(type, (const xmlChar *)
                                "application/xhtml+xml") == 0)) {
    ng_html_render(n, rules, text);
  } else {
    xmlChar *raw = xmlNodeGetContent(n);
    if (raw) {
      ng_ingest_plain_lines((const char *)raw, strlen((const char *)raw),
                            text);
    }
    xmlFree(raw);
  }
  xmlFree(type);
  return st;
}

static char *
atom_title(const xmlNode *n, const NgHtmlRules *rules)
{
  if (!n) {
    return NULL;
  }
  NgBuf b, err;
  ng_buf_init(&b);
  ng_buf_init(&err);
  atom_content(n, rules, &b, &err);
  ng_buf_free(&err);
  return one_line(&b);
}

static NgStatus
rss_item(NgFeed *f, const xmlNode *it, const NgHtmlRules *rules, NgBuf *text,
         NgIngestMeta *m, NgBuf *err)
{
  offer_text(&m->title, child(it, "title"));
  offer_text(&m->id, child(it, "guid"));
  offer_prop(&m->id, it, "about"); /* RSS 1.0's rdf:about */
  offer_text(&m->url, child(it, "link"));
  ng_ingest_meta_offer(&m->id, m->url);
  offer_date_text(&m->date, child(it, "pubDate"));
  offer_date_text(&m->date, child(it, "date")); /* dc:date */
  xmlNodePtr lang = child(it, "language");      /* dc:language */
  if (lang) {
    char *l = flat_text(lang);
    offer_lang(&m->lang, l);
    ng_free(l);
  }
  ng_ingest_meta_offer(&m->lang, f->lang);
  offer_text(&m->publisher, child(it, "publisher")); /* dc:publisher */
  ng_ingest_meta_offer(&m->publisher, f->publisher);
  xmlNodePtr body = child(it, "encoded"); /* content:encoded: full text */
  if (!body) {
    body = child(it, "description");
  }
  return body ? html_content(body, rules, text, err) : NG_SUCCESS;
}

static NgStatus
atom_entry(NgFeed *f, const xmlNode *e, const NgHtmlRules *rules,
           NgBuf *text, NgIngestMeta *m, NgBuf *err)
{
  m->title = atom_title(child(e, "title"), rules);
  offer_text(&m->id, child(e, "id"));
  for (xmlNodePtr c = e->children; c; c = c->next) {
    if (!named(c, "link")) {
      continue;
    }
    xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
    if (!rel || xmlStrcmp(rel, (const xmlChar *)"alternate") == 0) {
      offer_prop(&m->url, c, "href");
    }
    xmlFree(rel);
  }
  offer_date_text(&m->date, child(e, "published"));
  offer_date_text(&m->date, child(e, "updated"));
  offer_lang_node(&m->lang, e);
  ng_ingest_meta_offer(&m->publisher, f->publisher);
  xmlNodePtr body = child(e, "content");
  if (body) {
    xmlChar *src = xmlGetProp(body, (const xmlChar *)"src");
    if (src) { /* out-of-line content: not fetched */
      body = NULL;
    }
    xmlFree(src);
  }
  if (!body) {
    body = child(e, "summary");
  }
  return body ? atom_content(body, rules, text, err) : NG_SUCCESS;
}

static NgStatus
nitf_doc(const xmlNode *root, const NgHtmlRules *rules, NgBuf *text,
         NgIngestMeta *m)
{
  xmlNodePtr head = child(root, "head");
  xmlNodePtr docdata = child(head, "docdata");
  xmlNodePtr body = child(root, "body");
  xmlNodePtr content = child(body, "body.content");
  offer_text(&m->title, path2(child(body, "body.head"), "hedline", "hl1"));
  offer_text(&m->title, child(head, "title"));
  offer_prop(&m->id, child(docdata, "doc-id"), "id-string");
  offer_date_prop(&m->date, child(docdata, "date.issue"), "norm");
  offer_date_prop(&m->date, child(head, "pubdata"), "date.publication");
  offer_date_prop(&m->date, child(docdata, "date.release"), "norm");
  offer_lang_node(&m->lang, content ? content : root);
  offer_prop(&m->publisher, child(head, "pubdata"), "name");
  offer_prop(&m->publisher, child(docdata, "doc.copyright"), "holder");
  offer_text(&m->publisher, child(child(body, "body.head"), "distributor"));
  offer_prop(&m->url, child(head, "pubdata"), "ex-ref");
  if (content) {
    ng_html_render(content, rules, text);
  }
  return NG_SUCCESS;
}

static NgStatus
newsml_item(const xmlNode *it, const NgHtmlRules *rules, NgBuf *text,
            NgIngestMeta *m)
{
  xmlNodePtr meta = child(it, "itemMeta");
  xmlNodePtr cmeta = child(it, "contentMeta");
  offer_prop(&m->id, it, "guid");
  offer_text(&m->title, child(cmeta, "headline"));
  offer_date_text(&m->date, child(cmeta, "contentCreated"));
  offer_date_text(&m->date, child(meta, "firstCreated"));
  offer_date_text(&m->date, child(meta, "versionCreated"));
  xmlNodePtr lang = child(cmeta, "language");
  if (lang) {
    xmlChar *tag = xmlGetProp(lang, (const xmlChar *)"tag");
    offer_lang(&m->lang, (const char *)tag);
    xmlFree(tag);
  }
  offer_lang_node(&m->lang, it);
  xmlNodePtr provider = child(meta, "provider");
  offer_text(&m->publisher, child(provider, "name"));
  offer_prop(&m->publisher, provider, "literal");
  xmlNodePtr holder = path2(child(it, "rightsInfo"), "copyrightHolder", "name");
  offer_text(&m->publisher, holder);
  xmlNodePtr set = child(it, "contentSet");
  xmlNodePtr inl = child(set, "inlineXML");
  if (inl) {
    /* NITF or XHTML inside: render only their body. */
    xmlNodePtr body = descendant(inl, "body.content");
    if (!body) {
      body = descendant(inl, "body");
    }
    ng_html_render(body ? body : inl, rules, text);
    return NG_SUCCESS;
  }
  xmlNodePtr data = child(set, "inlineData");
  if (data) {
    xmlChar *raw = xmlNodeGetContent(data);
    if (raw) {
      ng_ingest_plain_lines((const char *)raw, strlen((const char *)raw),
                            text);
    }
    xmlFree(raw);
  }
  return NG_SUCCESS;
}

NgStatus
ng_feed_next(NgFeed *f, const NgHtmlRules *rules, NgBuf *text,
             NgIngestMeta *meta, unsigned *line, size_t *index, NgBuf *err)
{
  if (f->next >= f->n) {
    return NG_FAILURE;
  }
  const xmlNode *it = f->items[f->next++];
  *index = f->next;
  long ln = xmlGetLineNo(it);
  *line = ln > 0 ? (unsigned)ln : 0;
  NgStatus st = NG_SUCCESS;
  switch (f->kind) {
  case FEED_RSS:
    st = rss_item(f, it, rules, text, meta, err);
    break;
  case FEED_ATOM:
    st = atom_entry(f, it, rules, text, meta, err);
    break;
  case FEED_NITF:
    st = nitf_doc(it, rules, text, meta);
    break;
  case FEED_NEWSML:
    st = newsml_item(it, rules, text, meta);
    break;
  }
  if (st == NG_SUCCESS && text->failed) {
    st = NG_ERR_NOMEM;
  }
  return st;
}
