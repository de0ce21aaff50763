/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * ingest: HTML to main text and metadata. libxml2's HTML parser builds a
 * tree (no network, errors silenced, tag soup recovered); we pick the
 * element that holds the article, render it one block per line, and read
 * the page's metadata from <html lang>, <meta>, <link rel=canonical> and
 * schema.org JSON-LD (json-c).
 *
 * Element names below are HTML's (and NITF's) vocabulary, not language:
 * the words that mark boilerplate in class/id/role attributes live in the
 * data file lexicon/html-boilerplate.tsv.
 */
#include "ingest.h"

#include <json-c/json.h>
#include <libxml/HTMLparser.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Boilerplate tokens                                                  */

typedef struct {
  char *token; /* lower-case ASCII */
  bool prefix; /* matches words starting with it ("nav" -> "navbar") */
} Token;

struct NgHtmlRules {
  Token *tokens;
  size_t n, cap;
};

void
ng_html_rules_free(NgHtmlRules *r)
{
  if (!r) {
    return;
  }
  for (size_t i = 0; i < r->n; i++) {
    ng_free(r->tokens[i].token);
  }
  ng_free(r->tokens);
  ng_free(r);
}

static char
lower(char c)
{
  return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static bool
alnum(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

NgStatus
ng_html_rules_load(const char *path, NgHtmlRules **out, NgBuf *err)
{
  char *data = NULL;
  size_t len = 0;
  *out = NULL;
  if (ng_read_file(path, &data, &len) != NG_SUCCESS) {
    ng_buf_printf(err, "%s: cannot read", path);
    return NG_ERR_DATA;
  }
  NgHtmlRules *r = ng_calloc(1, sizeof *r);
  if (!r) {
    ng_free(data);
    return NG_ERR_NOMEM;
  }
  NgStatus st = NG_SUCCESS;
  unsigned lineno = 0;
  char *save = NULL;
  for (char *line = data; line && st == NG_SUCCESS; line = save) {
    char *nl = strchr(line, '\n');
    save = nl ? nl + 1 : NULL;
    if (nl) {
      *nl = '\0';
    }
    lineno++;
    size_t n = strlen(line);
    if (n && line[n - 1] == '\r') {
      line[--n] = '\0';
    }
    if (n == 0 || line[0] == '#') {
      continue;
    }
    char *tab = strchr(line, '\t');
    if (!tab) {
      ng_buf_printf(err, "%s:%u: expected CLASS<TAB>FORM[<TAB>VALUE]", path,
                    lineno);
      st = NG_ERR_SYNTAX;
      break;
    }
    *tab = '\0';
    if (strcmp(line, "boilerplate") != 0) {
      continue;
    }
    char *form = tab + 1;
    char *tab2 = strchr(form, '\t');
    const char *value = "";
    if (tab2) {
      *tab2 = '\0';
      value = tab2 + 1;
    }
    if (!*form) {
      ng_buf_printf(err, "%s:%u: empty form", path, lineno);
      st = NG_ERR_SYNTAX;
      break;
    }
    size_t cap = r->cap;
    if (!ng_grow((void **)&r->tokens, &cap, r->n + 1, sizeof *r->tokens)) {
      st = NG_ERR_NOMEM;
      break;
    }
    r->cap = cap;
    char *tok = ng_strdup(form);
    if (!tok) {
      st = NG_ERR_NOMEM;
      break;
    }
    for (char *p = tok; *p; p++) {
      *p = lower(*p);
    }
    r->tokens[r->n].token = tok;
    r->tokens[r->n].prefix = strcmp(value, "prefix") == 0;
    r->n++;
  }
  ng_free(data);
  if (st != NG_SUCCESS) {
    ng_html_rules_free(r);
    return st;
  }
  *out = r;
  return NG_SUCCESS;
}

/* A word of an attribute value: runs of ASCII letters and digits, so
 * "share-buttons", "social_links" and "top ad" split into words. */
static bool
word_matches(const NgHtmlRules *r, const char *w, size_t n)
{
  for (size_t i = 0; i < r->n; i++) {
    const char *t = r->tokens[i].token;
    size_t k = strlen(t);
    if (n < k) {
      continue;
    }
    bool head = true;
    for (size_t j = 0; j < k; j++) {
      if (lower(w[j]) != t[j]) {
        head = false;
        break;
      }
    }
    if (!head) {
      continue;
    }
    /* Whole word, its plural, or any word it starts when marked prefix. */
    if (n == k || (n == k + 1 && lower(w[k]) == 's') || r->tokens[i].prefix) {
      return true;
    }
  }
  return false;
}

bool
ng_html_rules_match(const NgHtmlRules *r, const char *value)
{
  if (!r || !value) {
    return false;
  }
  const char *p = value;
  while (*p) {
    while (*p && !alnum(*p)) {
      p++;
    }
    const char *w = p;
    while (alnum(*p)) {
      p++;
    }
    if (p > w && word_matches(r, w, (size_t)(p - w))) {
      return true;
    }
  }
  return false;
}

/* ------------------------------------------------------------------ */
/* Element classes                                                     */

static bool
name_in(const xmlNode *n, const char *const *names, size_t count)
{
  if (n->type != XML_ELEMENT_NODE || !n->name) {
    return false;
  }
  for (size_t i = 0; i < count; i++) {
    if (xmlStrcasecmp(n->name, (const xmlChar *)names[i]) == 0) {
      return true;
    }
  }
  return false;
}

static bool
is_name(const xmlNode *n, const char *name)
{
  return n->type == XML_ELEMENT_NODE && n->name &&
         xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

/* Never article text. ("head" and "title" matter when the whole body is
 * rendered; NITF's media metadata is not prose either.) */
static const char *const dropped_names[] = {
    "script",  "style",  "noscript", "nav",      "header",   "footer",
    "aside",   "form",   "button",   "iframe",   "svg",      "template",
    "object",  "embed",  "select",   "textarea", "input",    "canvas",
    "head",    "title",  "math",     "dialog",   "menu",     "video",
    "audio",   "map",    "media-metadata", "media-reference",
    "media-object"};

/* Elements that end a line (paragraphs, headings, list items, rows...),
 * HTML's and NITF's. */
static const char *const block_names[] = {
    "p",          "div",     "h1",         "h2",      "h3",      "h4",
    "h5",         "h6",      "li",         "br",      "blockquote",
    "section",    "article", "tr",         "ul",      "ol",      "dl",
    "dt",         "dd",      "table",      "pre",     "hr",      "figure",
    "figcaption", "main",    "address",    "hl1",     "hl2",     "block",
    "body",       "body.content", "media", "media-caption", "nitf-table",
    "caption",    "details", "summary",   "center",  "fieldset"};

/* Table cells: separated by a space, not a line. */
static const char *const cell_names[] = {"td", "th"};

static bool
attr_true(const xmlNode *n, const char *name, const char *value)
{
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  bool yes = v && (!value || xmlStrcasecmp(v, (const xmlChar *)value) == 0);
  xmlFree(v);
  return yes;
}

static bool
boiler_attrs(const xmlNode *n, const NgHtmlRules *rules)
{
  static const char *const attrs[] = {"class", "id", "role"};
  if (!rules) {
    return false;
  }
  for (size_t i = 0; i < NG_COUNTOF(attrs); i++) {
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[i]);
    bool hit = v && ng_html_rules_match(rules, (const char *)v);
    xmlFree(v);
    if (hit) {
      return true;
    }
  }
  return false;
}

/* Elements that hold blocks rather than running text. */
static const char *const container_names[] = {
    "article", "section", "main", "div", "body", "header", "figure"};

/* A <time datetime> standing on its own between blocks is the page's
 * dateline: metadata (it gives the document's date), not prose. Inside a
 * paragraph it is part of a sentence and stays. */
static bool
dateline(const xmlNode *n)
{
  return is_name(n, "time") && attr_true(n, "datetime", NULL) && n->parent &&
         name_in(n->parent, container_names, NG_COUNTOF(container_names));
}

/* Whether an element and all it holds are left out of the text. */
static bool
dropped(const xmlNode *n, const NgHtmlRules *rules)
{
  if (n->type != XML_ELEMENT_NODE) {
    return false;
  }
  return name_in(n, dropped_names, NG_COUNTOF(dropped_names)) ||
         dateline(n) ||
         attr_true(n, "hidden", NULL) ||
         attr_true(n, "aria-hidden", "true") || boiler_attrs(n, rules);
}

/* ------------------------------------------------------------------ */
/* Rendering                                                           */

typedef struct {
  NgBuf *out;
  const NgHtmlRules *rules;
  const xmlNode *skip; /* the headline, already in the title */
  bool line_start;
  bool space;
} Render;

static void
r_newline(Render *r)
{
  if (!r->line_start) {
    ng_buf_putc(r->out, '\n');
    r->line_start = true;
  }
  r->space = false;
}

static void
r_text(Render *r, const char *s)
{
  for (; *s; s++) {
    char c = *s;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
      r->space = true;
      continue;
    }
    if (r->space && !r->line_start) {
      ng_buf_putc(r->out, ' ');
    }
    r->space = false;
    r->line_start = false;
    ng_buf_putc(r->out, c);
  }
}

static void
r_node(Render *r, const xmlNode *node)
{
  for (const xmlNode *c = node->children; c; c = c->next) {
    switch (c->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (c->content) {
        r_text(r, (const char *)c->content);
      }
      break;
    case XML_ELEMENT_NODE:
      if (c == r->skip || dropped(c, r->rules)) {
        break;
      }
      if (name_in(c, block_names, NG_COUNTOF(block_names))) {
        r_newline(r);
        r_node(r, c);
        r_newline(r);
      } else {
        if (name_in(c, cell_names, NG_COUNTOF(cell_names))) {
          r->space = true;
        }
        r_node(r, c);
      }
      break;
    case XML_ENTITY_REF_NODE: /* no entities are declared: never here */
    case XML_COMMENT_NODE:
    case XML_PI_NODE:
    case XML_ATTRIBUTE_NODE:
    case XML_ENTITY_NODE:
    case XML_DOCUMENT_NODE:
    case XML_DOCUMENT_TYPE_NODE:
    case XML_DOCUMENT_FRAG_NODE:
    case XML_NOTATION_NODE:
    case XML_HTML_DOCUMENT_NODE:
    case XML_DTD_NODE:
    case XML_ELEMENT_DECL:
    case XML_ATTRIBUTE_DECL:
    case XML_ENTITY_DECL:
    case XML_NAMESPACE_DECL:
    case XML_XINCLUDE_START:
    case XML_XINCLUDE_END:
#ifdef LIBXML_DOCB_ENABLED
    case XML_DOCB_DOCUMENT_NODE:
#endif
      break;
    }
  }
}

static void
render(const xmlNode *node, const NgHtmlRules *rules, const xmlNode *skip,
       NgBuf *out)
{
  Render r = {out, rules, skip, true, false};
  r_node(&r, node);
  r_newline(&r);
}

void
ng_html_render(const xmlNode *node, const NgHtmlRules *rules, NgBuf *text)
{
  render(node, rules, NULL, text);
}

void
ng_ingest_plain_lines(const char *s, size_t n, NgBuf *text)
{
  Render r = {text, NULL, NULL, true, false};
  NgBuf line;
  ng_buf_init(&line);
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != '\n') {
      j++;
    }
    ng_buf_clear(&line);
    ng_buf_append(&line, s + i, j - i);
    if (line.data) {
      r_text(&r, line.data);
    }
    r_newline(&r);
    i = j + 1;
  }
  ng_buf_free(&line);
}

/* ------------------------------------------------------------------ */
/* Tree helpers                                                        */

/* Whether any element is nested deeper than @p max below @p root,
 * walked without recursion (the depth is what is in question). */
static bool
too_deep(const xmlNode *root, int max)
{
  const xmlNode *n = root;
  int d = 1;
  while (n) {
    if (n->type == XML_ELEMENT_NODE && n->children) {
      if (++d > max) {
        return true;
      }
      n = n->children;
      continue;
    }
    while (n != root && !n->next) {
      n = n->parent;
      d--;
    }
    if (n == root) {
      return false;
    }
    n = n->next;
  }
  return false;
}

static size_t
text_len(const xmlNode *node, const NgHtmlRules *rules)
{
  size_t n = 0;
  for (const xmlNode *c = node->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) {
      for (const xmlChar *p = c->content; *p; p++) {
        n += *p > ' ';
      }
    } else if (c->type == XML_ELEMENT_NODE && !dropped(c, rules)) {
      n += text_len(c, rules);
    }
  }
  return n;
}

/* Text in the <p> elements under @p node (not in dropped parts). */
static size_t
para_len(const xmlNode *node, const NgHtmlRules *rules)
{
  size_t n = 0;
  for (const xmlNode *c = node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || dropped(c, rules)) {
      continue;
    }
    n += is_name(c, "p") ? text_len(c, rules) : para_len(c, rules);
  }
  return n;
}

typedef struct {
  const xmlNode *article; /* the <article> with the most paragraph text */
  size_t article_len;
  const xmlNode *body_prop; /* first [itemprop=articleBody] */
  const xmlNode *main;      /* first <main> */
  const xmlNode *block;     /* most text in its own <p> children */
  size_t block_len;
} Candidates;

static void
find_candidates(const xmlNode *node, const NgHtmlRules *rules, Candidates *c)
{
  size_t own = 0;
  for (const xmlNode *k = node->children; k; k = k->next) {
    if (k->type != XML_ELEMENT_NODE || dropped(k, rules)) {
      continue;
    }
    if (is_name(k, "p")) {
      own += text_len(k, rules);
    }
    if (is_name(k, "article")) {
      size_t n = para_len(k, rules);
      if (!c->article || n > c->article_len) {
        c->article = k;
        c->article_len = n;
      }
    }
    if (!c->body_prop && attr_true(k, "itemprop", "articleBody")) {
      c->body_prop = k;
    }
    if (!c->main && is_name(k, "main")) {
      c->main = k;
    }
    find_candidates(k, rules, c);
  }
  if (own > c->block_len) {
    c->block = node;
    c->block_len = own;
  }
}

/* The first element named @p name under @p node, looking inside
 * <header> (where headlines and bylines sit) but not inside other
 * dropped parts. */
static const xmlNode *
find_in_article(const xmlNode *node, const char *name,
                const NgHtmlRules *rules)
{
  for (const xmlNode *c = node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) {
      continue;
    }
    if (is_name(c, name)) {
      return c;
    }
    if (dropped(c, rules) && !is_name(c, "header")) {
      continue;
    }
    const xmlNode *f = find_in_article(c, name, rules);
    if (f) {
      return f;
    }
  }
  return NULL;
}

static char *
node_text(const xmlNode *n)
{
  NgBuf b;
  ng_buf_init(&b);
  render(n, NULL, NULL, &b);
  /* one line: the block breaks of a heading's insides become spaces */
  for (size_t i = 0; i < b.len; i++) {
    if (b.data[i] == '\n') {
      b.data[i] = ' ';
    }
  }
  while (b.len && b.data[b.len - 1] == ' ') {
    b.data[--b.len] = '\0';
  }
  return b.failed || !b.len ? (ng_buf_free(&b), NULL) : ng_buf_take(&b);
}

/* ------------------------------------------------------------------ */
/* Metadata                                                            */

/* Candidate values by source, merged in order of trust at the end. */
typedef struct {
  char *html_lang, *og_title, *og_url, *og_site, *og_locale, *published,
      *meta_date, *canonical, *title, *content_lang;
  NgIngestMeta ld; /* from JSON-LD */
  bool ld_found;
} PageMeta;

static void
page_meta_clear(PageMeta *m)
{
  char **s[] = {&m->html_lang, &m->og_title,  &m->og_url,   &m->og_site,
                &m->og_locale, &m->published, &m->meta_date, &m->canonical,
                &m->title,     &m->content_lang};
  for (size_t i = 0; i < NG_COUNTOF(s); i++) {
    ng_free(*s[i]);
  }
  ng_ingest_meta_clear(&m->ld);
}

static void
offer_xml(char **field, xmlChar *value)
{
  ng_ingest_meta_offer(field, (const char *)value);
  xmlFree(value);
}

static const char *
json_str(json_object *o, const char *key)
{
  json_object *v = NULL;
  if (!json_object_object_get_ex(o, key, &v)) {
    return NULL;
  }
  if (json_object_is_type(v, json_type_string)) {
    return json_object_get_string(v);
  }
  return NULL;
}

/* A name from a string, an object with "name" (or another key), or the
 * first such in an array. */
static const char *
json_name(json_object *v, const char *key)
{
  if (!v) {
    return NULL;
  }
  if (json_object_is_type(v, json_type_string)) {
    return json_object_get_string(v);
  }
  if (json_object_is_type(v, json_type_object)) {
    return json_str(v, key);
  }
  if (json_object_is_type(v, json_type_array) &&
      json_object_array_length(v) > 0) {
    return json_name(json_object_array_get_idx(v, 0), key);
  }
  return NULL;
}

static bool
type_is_article(const char *t)
{
  /* schema.org's Article family: Article, NewsArticle, ReportageNewsArticle,
   * AnalysisNewsArticle..., and BlogPosting. */
  size_t n = strlen(t);
  return (n >= 7 && strcmp(t + n - 7, "Article") == 0) ||
         (n >= 11 && strcmp(t + n - 11, "BlogPosting") == 0);
}

static bool
json_is_article(json_object *o)
{
  json_object *t = NULL;
  if (!json_object_object_get_ex(o, "@type", &t)) {
    return false;
  }
  if (json_object_is_type(t, json_type_string)) {
    return type_is_article(json_object_get_string(t));
  }
  if (json_object_is_type(t, json_type_array)) {
    for (size_t i = 0; i < json_object_array_length(t); i++) {
      json_object *e = json_object_array_get_idx(t, i);
      if (json_object_is_type(e, json_type_string) &&
          type_is_article(json_object_get_string(e))) {
        return true;
      }
    }
  }
  return false;
}

static void
jsonld_visit(json_object *o, PageMeta *m, int depth)
{
  if (!o || depth > 8 || m->ld_found) {
    return;
  }
  if (json_object_is_type(o, json_type_array)) {
    for (size_t i = 0; i < json_object_array_length(o); i++) {
      jsonld_visit(json_object_array_get_idx(o, i), m, depth + 1);
    }
    return;
  }
  if (!json_object_is_type(o, json_type_object)) {
    return;
  }
  if (json_is_article(o)) {
    NgIngestMeta *ld = &m->ld;
    m->ld_found = true;
    ng_ingest_meta_offer(&ld->title, json_str(o, "headline"));
    ng_ingest_meta_offer(&ld->title, json_str(o, "name"));
    ng_ingest_meta_offer(&ld->url, json_str(o, "url"));
    json_object *v = NULL;
    if (json_object_object_get_ex(o, "mainEntityOfPage", &v)) {
      ng_ingest_meta_offer(&ld->url, json_name(v, "@id"));
    }
    if (json_object_object_get_ex(o, "publisher", &v)) {
      ng_ingest_meta_offer(&ld->publisher, json_name(v, "name"));
    }
    if (json_object_object_get_ex(o, "inLanguage", &v)) {
      const char *l = json_name(v, "alternateName");
      if (!l) {
        l = json_name(v, "name");
      }
      ld->lang = ng_ingest_lang_tag(l);
    }
    const char *d = json_str(o, "datePublished");
    if (!d || ng_ingest_parse_date(d, &ld->date) != NG_SUCCESS) {
      d = json_str(o, "dateCreated");
      if (!d || ng_ingest_parse_date(d, &ld->date) != NG_SUCCESS) {
        ld->date.prec = NG_DATE_NONE;
      }
    }
    return;
  }
  json_object *g = NULL;
  if (json_object_object_get_ex(o, "@graph", &g)) {
    jsonld_visit(g, m, depth + 1);
  }
}

static void
jsonld(const xmlNode *script, PageMeta *m)
{
  xmlChar *src = xmlNodeGetContent(script);
  if (!src) {
    return;
  }
  json_tokener *tok = json_tokener_new();
  if (tok) {
    json_object *o = json_tokener_parse_ex(tok, (const char *)src,
                                           (int)strlen((const char *)src));
    /* Broken JSON-LD is common and harmless: the page is still read. */
    if (o && json_tokener_get_error(tok) == json_tokener_success) {
      jsonld_visit(o, m, 0);
    }
    json_object_put(o);
    json_tokener_free(tok);
  }
  xmlFree(src);
}

static bool
in_list_ci(const xmlChar *v, const char *const *list, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    if (xmlStrcasecmp(v, (const xmlChar *)list[i]) == 0) {
      return true;
    }
  }
  return false;
}

static void
collect_meta(const xmlNode *node, PageMeta *m)
{
  static const char *const date_names[] = {
      "date",           "dc.date",         "dc.date.issued", "dcterms.date",
      "dcterms.issued", "dcterms.created", "pubdate",        "publishdate",
      "publish-date",   "publication_date"};
  for (const xmlNode *c = node; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) {
      continue;
    }
    if (is_name(c, "html")) {
      offer_xml(&m->html_lang, xmlGetProp(c, (const xmlChar *)"lang"));
      offer_xml(&m->html_lang, xmlGetProp(c, (const xmlChar *)"xml:lang"));
    } else if (is_name(c, "title") && c->parent && is_name(c->parent, "head")) {
      if (!m->title) {
        m->title = node_text(c);
      }
    } else if (is_name(c, "meta")) {
      xmlChar *key = xmlGetProp(c, (const xmlChar *)"property");
      if (!key) {
        key = xmlGetProp(c, (const xmlChar *)"name");
      }
      xmlChar *equiv = xmlGetProp(c, (const xmlChar *)"http-equiv");
      xmlChar *content = xmlGetProp(c, (const xmlChar *)"content");
      const char *v = (const char *)content;
      if (key) {
        if (xmlStrcasecmp(key, (const xmlChar *)"og:title") == 0) {
          ng_ingest_meta_offer(&m->og_title, v);
        } else if (xmlStrcasecmp(key, (const xmlChar *)"og:url") == 0) {
          ng_ingest_meta_offer(&m->og_url, v);
        } else if (xmlStrcasecmp(key, (const xmlChar *)"og:site_name") ==
                   0) {
          ng_ingest_meta_offer(&m->og_site, v);
        } else if (xmlStrcasecmp(key, (const xmlChar *)"og:locale") == 0) {
          ng_ingest_meta_offer(&m->og_locale, v);
        } else if (xmlStrcasecmp(key, (const xmlChar *)
                                 "article:published_time") == 0) {
          ng_ingest_meta_offer(&m->published, v);
        } else if (in_list_ci(key, date_names, NG_COUNTOF(date_names))) {
          ng_ingest_meta_offer(&m->meta_date, v);
        }
      } else if (equiv && xmlStrcasecmp(equiv, (const xmlChar *)
                                        "content-language") == 0) {
        ng_ingest_meta_offer(&m->content_lang, v);
      }
      xmlFree(key);
      xmlFree(equiv);
      xmlFree(content);
    } else if (is_name(c, "link")) {
      xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
      if (rel && xmlStrcasecmp(rel, (const xmlChar *)"canonical") == 0) {
        offer_xml(&m->canonical, xmlGetProp(c, (const xmlChar *)"href"));
      }
      xmlFree(rel);
    } else if (is_name(c, "script")) {
      xmlChar *type = xmlGetProp(c, (const xmlChar *)"type");
      if (type &&
          xmlStrcasecmp(type, (const xmlChar *)"application/ld+json") == 0) {
        jsonld(c, m);
      }
      xmlFree(type);
    }
    if (c->children) {
      collect_meta(c->children, m);
    }
  }
}

static void
offer_date(NgDate *d, const char *s)
{
  if (d->prec == NG_DATE_NONE && s &&
      ng_ingest_parse_date(s, d) != NG_SUCCESS) {
    d->prec = NG_DATE_NONE;
  }
}

/* ------------------------------------------------------------------ */
/* Pages and fragments                                                 */

static htmlDocPtr
parse(const char *data, size_t len, NgBuf *err)
{
  if (len > (size_t)INT32_MAX) {
    ng_buf_puts(err, "HTML input too large");
    return NULL;
  }
  NgXmlErrors saved;
  ng_ingest_errors_off(&saved);
  htmlDocPtr doc = htmlReadMemory(
      data, (int)len, NULL, "UTF-8",
      HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
          HTML_PARSE_RECOVER | HTML_PARSE_COMPACT);
  ng_ingest_errors_restore(&saved);
  if (!doc) {
    ng_buf_puts(err, "libxml2 could not parse the HTML");
  }
  return doc;
}

static NgStatus
check_depth(htmlDocPtr doc, NgBuf *err)
{
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (root && too_deep(root, NG_INGEST_MAX_DEPTH)) {
    ng_buf_printf(err, "HTML nested deeper than %d elements",
                  NG_INGEST_MAX_DEPTH);
    return NG_ERR_LIMIT;
  }
  return NG_SUCCESS;
}

static const xmlNode *
find_body(const xmlNode *root)
{
  for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
    if (is_name(c, "body")) {
      return c;
    }
  }
  return root;
}

NgStatus
ng_html_page(const char *data, size_t len, const NgHtmlRules *rules,
             NgBuf *text, NgIngestMeta *meta, NgBuf *err)
{
  htmlDocPtr doc = parse(data, len, err);
  if (!doc) {
    return NG_ERR_SYNTAX;
  }
  NgStatus st = check_depth(doc, err);
  if (st != NG_SUCCESS) {
    xmlFreeDoc(doc);
    return st;
  }
  const xmlNode *root = xmlDocGetRootElement(doc);
  const xmlNode *body = find_body(root);
  PageMeta pm;
  memset(&pm, 0, sizeof pm);
  if (root) {
    collect_meta(root, &pm);
  }

  /* The article: <article>, else [itemprop=articleBody], else <main>,
   * else the element with the most paragraph text of its own. */
  Candidates cand;
  memset(&cand, 0, sizeof cand);
  const xmlNode *container = body;
  if (body) {
    find_candidates(body, rules, &cand);
    container = cand.article     ? cand.article
                : cand.body_prop ? cand.body_prop
                : cand.main      ? cand.main
                : cand.block     ? cand.block
                                 : body;
  }
  const xmlNode *h1 = NULL;
  const xmlNode *time = NULL;
  if (container) {
    h1 = find_in_article(container, "h1", rules);
    time = find_in_article(container, "time", rules);
  }

  /* Title: the article's headline, og:title, JSON-LD, <title>. */
  if (h1 && !meta->title) {
    meta->title = node_text(h1);
  }
  ng_ingest_meta_offer(&meta->title, pm.og_title);
  ng_ingest_meta_offer(&meta->title, pm.ld.title);
  ng_ingest_meta_offer(&meta->title, pm.title);
  ng_ingest_meta_offer(&meta->url, pm.canonical);
  ng_ingest_meta_offer(&meta->url, pm.og_url);
  ng_ingest_meta_offer(&meta->url, pm.ld.url);
  ng_ingest_meta_offer(&meta->publisher, pm.og_site);
  ng_ingest_meta_offer(&meta->publisher, pm.ld.publisher);
  const char *langs[] = {pm.html_lang, NULL, pm.content_lang, pm.og_locale};
  for (size_t i = 0; i < NG_COUNTOF(langs) && !meta->lang; i++) {
    if (i == 1) {
      ng_ingest_meta_offer(&meta->lang, pm.ld.lang);
    } else {
      meta->lang = ng_ingest_lang_tag(langs[i]);
    }
  }
  offer_date(&meta->date, pm.published);
  if (meta->date.prec == NG_DATE_NONE) {
    meta->date = pm.ld.date;
  }
  offer_date(&meta->date, pm.meta_date);
  if (time && meta->date.prec == NG_DATE_NONE) {
    xmlChar *dt = xmlGetProp(time, (const xmlChar *)"datetime");
    offer_date(&meta->date, (const char *)dt);
    xmlFree(dt);
  }

  if (container) {
    size_t before = text->len;
    render(container, rules, h1, text);
    if (text->len == before) {
      /* Class names can mislead (an article body with "comments" in its
       * class); an empty result is worse than some boilerplate. */
      render(container, NULL, h1, text);
    }
  }
  page_meta_clear(&pm);
  xmlFreeDoc(doc);
  return text->failed ? NG_ERR_NOMEM : NG_SUCCESS;
}

NgStatus
ng_html_fragment(const char *data, size_t len, const NgHtmlRules *rules,
                 NgBuf *text, NgBuf *err)
{
  if (len == 0) {
    return NG_SUCCESS;
  }
  htmlDocPtr doc = parse(data, len, err);
  if (!doc) {
    return NG_ERR_SYNTAX;
  }
  NgStatus st = check_depth(doc, err);
  if (st == NG_SUCCESS) {
    const xmlNode *body = find_body(xmlDocGetRootElement(doc));
    if (body) {
      render(body, rules, NULL, text);
    }
    st = text->failed ? NG_ERR_NOMEM : NG_SUCCESS;
  }
  xmlFreeDoc(doc);
  return st;
}
