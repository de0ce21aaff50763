/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0 */
#define _POSIX_C_SOURCE 200809L
#ifdef HAVE_CONFIG_H
#  include "config.h"
#endif
#include "gazetteer.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* Entity types                                                        */

const char *
ng_entity_type_name(NgEntityType t)
{
  switch (t) {
  case NG_ENT_NONE: return "Thing";
  case NG_ENT_PERSON: return "Person";
  case NG_ENT_ORGANIZATION: return "Organization";
  case NG_ENT_GOV_AGENCY: return "GovernmentAgency";
  case NG_ENT_INTL_ORG: return "InternationalOrganization";
  case NG_ENT_NEWS_AGENCY: return "NewsAgency";
  case NG_ENT_PLACE: return "Place";
  case NG_ENT_COUNTRY: return "Country";
  case NG_ENT_CITY: return "City";
  case NG_ENT_REGION: return "Region";
  case NG_ENT_CONTINENT: return "Continent";
  case NG_ENT_TYPE_COUNT: break;
  }
  return "Thing";
}

const char *
ng_entity_type_coarse(NgEntityType t)
{
  if (t == NG_ENT_PERSON) {
    return "PER";
  }
  if (ng_entity_type_is_org(t)) {
    return "ORG";
  }
  if (ng_entity_type_is_place(t)) {
    return "LOC";
  }
  return "MISC";
}

NgStatus
ng_entity_type_parse(const char *name, NgEntityType *out)
{
  if (!name || !out) {
    return NG_ERR_ARG;
  }
  for (int i = 1; i < (int)NG_ENT_TYPE_COUNT; i++) {
    if (strcmp(name, ng_entity_type_name((NgEntityType)i)) == 0) {
      *out = (NgEntityType)i;
      return NG_SUCCESS;
    }
  }
  return NG_ERR_ARG;
}

bool
ng_entity_type_is_place(NgEntityType t)
{
  switch (t) {
  case NG_ENT_PLACE:
  case NG_ENT_COUNTRY:
  case NG_ENT_CITY:
  case NG_ENT_REGION:
  case NG_ENT_CONTINENT: return true;
  case NG_ENT_NONE:
  case NG_ENT_PERSON:
  case NG_ENT_ORGANIZATION:
  case NG_ENT_GOV_AGENCY:
  case NG_ENT_INTL_ORG:
  case NG_ENT_NEWS_AGENCY:
  case NG_ENT_TYPE_COUNT: return false;
  }
  return false;
}

bool
ng_entity_type_is_org(NgEntityType t)
{
  switch (t) {
  case NG_ENT_ORGANIZATION:
  case NG_ENT_GOV_AGENCY:
  case NG_ENT_INTL_ORG:
  case NG_ENT_NEWS_AGENCY: return true;
  case NG_ENT_NONE:
  case NG_ENT_PERSON:
  case NG_ENT_PLACE:
  case NG_ENT_COUNTRY:
  case NG_ENT_CITY:
  case NG_ENT_REGION:
  case NG_ENT_CONTINENT:
  case NG_ENT_TYPE_COUNT: return false;
  }
  return false;
}

/* When two tables carry the same QID (Antarctica is both a country row and
 * a continent), the more specific type wins, whatever the load order, so
 * the compiled file does not depend on the order of the command line. */
static int
type_rank(NgEntityType t)
{
  switch (t) {
  case NG_ENT_NEWS_AGENCY: return 1;
  case NG_ENT_INTL_ORG: return 2;
  case NG_ENT_GOV_AGENCY: return 3;
  case NG_ENT_COUNTRY: return 4;
  case NG_ENT_CONTINENT: return 5;
  case NG_ENT_CITY: return 6;
  case NG_ENT_REGION: return 7;
  case NG_ENT_ORGANIZATION: return 8;
  case NG_ENT_PERSON: return 9;
  case NG_ENT_PLACE: return 10;
  case NG_ENT_NONE:
  case NG_ENT_TYPE_COUNT: return 11;
  }
  return 11;
}

/* ------------------------------------------------------------------ */
/* The compiled file                                                   */

/* Every table is an array of 32-bit fields in the byte order of the
 * machine that wrote it; the byte-order mark makes a file from the other
 * order fail to open (NG_ERR_DATA) rather than read as garbage. Strings
 * are offsets into one pool of NUL-terminated strings whose first byte is
 * NUL, so offset 0 is "". */
#define GAZ_MAGIC "NGGAZ"  /* six bytes with its NUL */
/* 2: capitalised label tokens (caps); 3: the first-token index; 4: labels
 * matched only after a definite article (GAZ_AFTER_DEFINITE); 5: countries'
 * forms of state (NG_LABEL_STATE_FORM), organisations' initials
 * (GAZ_INITIALS); 6: inner hyphens of keys are spaces and dotted initials
 * lose their dots (key_words); 7: native names keep their accents
 * (GAZ_EXACT_MARKS); 8: the year an entry began (GazEntryRec.since). */
#define GAZ_VERSION 8u
#define GAZ_BOM 0x01020304u
#define GAZ_MAX_TOKENS 32u /* longest label, in tokens */
#define GAZ_MAX_KEY 256u   /* longest label key, in bytes */

/* Label flags. */
#define GAZ_EXACT_CASE 1u /* text letters must have the label's case */
#define GAZ_NEED_CAP 2u   /* first text token must be capitalised */
#define GAZ_NOT_INITIAL 4u /* a stop word: not at a sentence or line start */
#define GAZ_AFTER_DEFINITE 8u /* only right after NG_TOK_DEFINITE */
#define GAZ_INITIALS 16u /* a name's initials: not next to a word in capitals */
#define GAZ_EXACT_MARKS 32u /* text letters must have the label's accents */

/* Default priors by table (see gazetteer.h). */
#define PRIOR_CONTINENT 3500000000u
#define PRIOR_WORLD_REGION 1500000000u
#define PRIOR_COUNTRY 1000000000u
#define PRIOR_COUNTRY_CITIES_MAX 1000000000u
#define PRIOR_INTL_ORG 500000000u
#define PRIOR_NEWS_AGENCY 300000000u
#define PRIOR_GOV_AGENCY 10000000u
#define PRIOR_ORGANIZATION 1000000u
#define PRIOR_REGION_TOP 1000000u
#define PRIOR_REGION_SUB 100000u
#define PRIOR_PERSON 1000u

typedef struct {
  char magic[6];
  uint16_t version;
  uint32_t bom;
  uint32_t file_size;
  uint32_t n_entries, off_entries;
  uint32_t n_labels, off_labels;
  uint32_t off_pool, pool_size;
  uint32_t max_tokens;
  uint32_t off_index, n_buckets; /* the first-token index */
  uint32_t reserved;
} GazHeader;

typedef struct {
  uint32_t qid, label_en, label_fr, country; /* pool offsets */
  uint16_t type;
  int16_t since; /* year; 0: not known */
  uint32_t prior;
} GazEntryRec;

typedef struct {
  uint32_t key, form, entry, lang; /* form: "" unless GAZ_EXACT_CASE or
                                     * GAZ_EXACT_MARKS */
  uint8_t kind, flags;
  uint16_t ntok;
  uint32_t caps; /* bit i: label token i is capitalised, so must the text's */
} GazLabelRec;

/* The first-token index: an open-addressing hash table (linear probing,
 * ng_hash64 of the token, so the same on every machine) from the first
 * token of label keys to the range of labels whose key starts with it.
 * Keys "tok" and "tok ..." are contiguous in the sorted table (no key byte
 * sorts below the space), so a range is two numbers. A token that starts
 * no label costs one probe instead of a binary search over all labels,
 * and extending a match searches only the token's range. */
typedef struct {
  uint32_t key;    /* pool offset of the token; 0: empty bucket */
  uint32_t lo, hi; /* labels [lo, hi) */
} GazBucket;

struct NgGazetteer {
  void *map;
  size_t size;
  const GazHeader *h;
  const GazEntryRec *entries;
  const GazLabelRec *labels;
  const GazBucket *index;
  const char *pool;
};

/* Whether norm[0, n) is letters each followed by a dot, two at least:
 * "u.s.", "u.s.a.". */
static bool
dotted_initials(const char *norm, size_t n)
{
  if (n < 4 || n % 2) {
    return false;
  }
  for (size_t i = 0; i < n; i += 2) {
    if (!(norm[i] >= 'a' && norm[i] <= 'z') || norm[i + 1] != '.') {
      return false;
    }
  }
  return true;
}

/* A token's norm as words of a key, into @p out (room for @p n bytes);
 * returns the bytes written. An inner hyphen is a space, so that
 * "Saint-Nazaire" and "Saint Nazaire", "New York" and "New-York" (as
 * French typography long wrote it) have one key; dotted initials lose
 * their dots, so that "U.S.A." is "USA". */
static size_t
key_words(const char *norm, size_t n, char *out)
{
  if (dotted_initials(norm, n)) {
    for (size_t i = 0; i < n; i += 2) {
      out[i / 2] = norm[i];
    }
    return n / 2;
  }
  for (size_t i = 0; i < n; i++) {
    bool inner = i > 0 && i + 1 < n && norm[i - 1] != '-' && norm[i + 1] != '-';
    out[i] = norm[i] == '-' && inner ? ' ' : norm[i];
  }
  return n;
}

/* QIDs order by length, then bytes: numeric order for "Q<digits>". */
static int
qid_cmp(const char *a, const char *b)
{
  size_t la = strlen(a), lb = strlen(b);
  if (la != lb) {
    return la < lb ? -1 : 1;
  }
  return strcmp(a, b);
}

static bool
qid_valid(const char *s)
{
  if (s[0] != 'Q' || s[1] < '1' || s[1] > '9') {
    return false;
  }
  size_t i = 2;
  while (s[i] >= '0' && s[i] <= '9') {
    i++;
  }
  return s[i] == '\0' && i <= 12;
}

/* ------------------------------------------------------------------ */
/* Builder                                                             */

typedef struct {
  const char *qid, *label_en, *label_fr;
  const char *country; /* a QID, or an ISO 3166-1 code resolved at write */
  NgEntityType type;
  uint32_t prior;
  int since;
} BEntry;

typedef struct {
  const char *key, *form, *lang;
  const char *iso2; /* pending: the country with this code, at write */
  int32_t entry;    /* -1 while pending */
  NgLabelKind kind;
  uint8_t flags;
  uint16_t ntok;
  uint32_t caps;
  bool derived; /* an acronym made of a name's initials (add_initials) */
} BLabel;

struct NgGazBuilder {
  const NgLexicon *lex;
  NgArena *arena;   /* every string of the builder */
  NgArena *scratch; /* tokens of one label */
  BEntry *entries;
  size_t n_entries, cap_entries;
  BLabel *labels;
  size_t n_labels, cap_labels;
  NgStrMap by_qid;  /* QID -> entry */
  NgStrMap by_iso2; /* country code -> entry */
  size_t dropped; /* labels whose country code matched no country */
};

NgGazBuilder *
ng_gaz_builder_new(const NgLexicon *lex)
{
  NgGazBuilder *b = ng_calloc(1, sizeof(*b));
  if (!b) {
    return NULL;
  }
  b->lex = lex;
  b->arena = ng_arena_new(256 * 1024);
  b->scratch = ng_arena_new(4096);
  if (!b->arena || !b->scratch) {
    ng_gaz_builder_free(b);
    return NULL;
  }
  return b;
}

void
ng_gaz_builder_free(NgGazBuilder *b)
{
  if (!b) {
    return;
  }
  ng_arena_free(b->arena);
  ng_arena_free(b->scratch);
  ng_free(b->entries);
  ng_free(b->labels);
  ng_strmap_free(&b->by_qid);
  ng_strmap_free(&b->by_iso2);
  ng_free(b);
}

size_t
ng_gaz_builder_dropped(const NgGazBuilder *b)
{
  return b ? b->dropped : 0;
}

static const char *
bstr(NgGazBuilder *b, const char *s)
{
  return ng_arena_strndup(b->arena, s ? s : "", s ? strlen(s) : 0);
}

int32_t
ng_gaz_builder_add_entry(NgGazBuilder *b, const char *qid, NgEntityType type,
                         const char *label_en, const char *label_fr,
                         const char *country, uint32_t prior)
{
  if (!b || !qid || !qid_valid(qid) || type == NG_ENT_NONE ||
      type >= NG_ENT_TYPE_COUNT) {
    return -1;
  }
  int32_t found = ng_strmap_get(&b->by_qid, qid);
  if (found >= 0) {
    /* The same item from another table: one entry, the union of labels. */
    BEntry *e = &b->entries[found];
    if (type_rank(type) < type_rank(e->type)) {
      e->type = type;
    }
    if (!e->label_en[0] && label_en && label_en[0]) {
      e->label_en = bstr(b, label_en);
    }
    if (!e->label_fr[0] && label_fr && label_fr[0]) {
      e->label_fr = bstr(b, label_fr);
    }
    if (!e->country[0] && country && country[0]) {
      e->country = bstr(b, country);
    }
    if (prior > e->prior) {
      e->prior = prior;
    }
    if (!e->label_en || !e->label_fr || !e->country) {
      return -1;
    }
    return found;
  }
  if (b->n_entries >= INT32_MAX ||
      !ng_grow((void **)&b->entries, &b->cap_entries, b->n_entries + 1,
               sizeof(BEntry))) {
    return -1;
  }
  BEntry e = {bstr(b, qid), bstr(b, label_en), bstr(b, label_fr),
              bstr(b, country), type, prior, 0};
  if (!e.qid || !e.label_en || !e.label_fr || !e.country) {
    return -1;
  }
  int32_t idx = (int32_t)b->n_entries;
  if (ng_strmap_put(&b->by_qid, e.qid, idx)) {
    return -1;
  }
  b->entries[b->n_entries++] = e;
  return idx;
}

/* Letters in s[0, n), and whether any is upper case. */
static size_t
count_letters(const char *s, size_t n, bool *has_upper)
{
  size_t i = 0, letters = 0;
  *has_upper = false;
  while (i < n) {
    size_t len;
    uint32_t cp = ng_utf8_decode(s + i, n - i, &len);
    i += len;
    if (ng_cp_is_letter(cp)) {
      letters++;
      if (ng_cp_is_upper(cp)) {
        *has_upper = true;
      }
    }
  }
  return letters;
}

/* Whether @p s holds a Latin letter with a diacritic or a ligature
 * ("Ísland", "Straße"), which folding would lose. */
static bool
has_latin_mark(const char *s)
{
  size_t n = strlen(s), i = 0;
  while (i < n) {
    size_t len;
    uint32_t cp = ng_utf8_decode(s + i, n - i, &len);
    i += len;
    if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) {
      return true;
    }
  }
  return false;
}

/* An all-capitals word of 2 to 10 characters: "AU", "UNESCO", "NATO". */
static bool
looks_like_acronym(const char *s)
{
  size_t n = strlen(s), i = 0, letters = 0, cps = 0;
  while (i < n) {
    size_t len;
    uint32_t cp = ng_utf8_decode(s + i, n - i, &len);
    i += len;
    cps++;
    if (ng_cp_is_letter(cp)) {
      if (!ng_cp_is_upper(cp)) {
        return false;
      }
      letters++;
    } else if (!ng_cp_is_digit(cp) && cp != '.' && cp != '&' && cp != '-') {
      return false;
    }
  }
  return letters >= 2 && cps <= 10;
}

/* A name that starts with a definite article of its language, or of any
 * when it has none (lexicon class "definite": "Le Caire", "The Hague",
 * "L'Assemblée fédérale"), without the article, for the text's article
 * that may be fused with a preposition or lower case ("au Caire", "du
 * Havre", "the Hague"): into @p out, "" when the label starts with no
 * article, and its language, the article's, in *out_lang. It is matched
 * only right after a definite article (GAZ_AFTER_DEFINITE). */
static void
article_variant(const NgGazBuilder *b, const char *label, const char *lang,
                const NgToken *toks, size_t n, NgBuf *out,
                const char **out_lang)
{
  ng_buf_clear(out);
  if (n < 2 || !b->lex || !(toks[0].flags & NG_TOK_DEFINITE) ||
      !(toks[1].flags & NG_TOK_CAP)) {
    return;
  }
  /* The article of the label's own language: the English label "Le Port"
   * of a French town is no "Port" after "the". */
  const NgLexEntry *art = ng_lexicon_get(b->lex, "definite", toks[0].norm,
                                         lang && *lang ? lang : NULL);
  if (art && art->lang && *art->lang) {
    ng_buf_puts(out, label + toks[1].b0);
    *out_lang = art->lang;
  }
}

/* A place's name whose first word the lexicon shortens (class
 * short_word: "Saint" -> "St", "Mount" -> "Mt") as news writes it, with
 * and without the dot: "St Étienne" and "St. Étienne" for "Saint-Étienne"
 * (keys read the hyphen as a space, so "St-Étienne" is the first), into
 * @p out[0] and @p out[1]; "" when the first word is no such word. */
static void
short_variants(const NgGazBuilder *b, int32_t entry, const char *label,
               const NgToken *toks, size_t n, NgBuf out[2])
{
  ng_buf_clear(&out[0]);
  ng_buf_clear(&out[1]);
  if (!b->lex || n == 0 || !ng_entity_type_is_place(b->entries[entry].type)) {
    return;
  }
  const char *w = toks[0].norm ? toks[0].norm : "";
  size_t wl = strcspn(w, "-");
  char first[32];
  if (wl == 0 || wl >= sizeof first) {
    return;
  }
  memcpy(first, w, wl);
  first[wl] = '\0';
  const NgLexEntry *e = ng_lexicon_get(b->lex, "short_word", first, NULL);
  /* the rest of the name after the first word and its hyphen or space */
  const char *rest = label + toks[0].b0;
  while (*rest && *rest != ' ' && *rest != '-') {
    rest++;
  }
  if (!e || !e->value || !*e->value || !*rest || !rest[1]) {
    return;
  }
  for (int dot = 0; dot < 2; dot++) {
    ng_buf_puts(&out[dot], e->value);
    ng_buf_puts(&out[dot], dot ? ". " : " ");
    ng_buf_puts(&out[dot], rest + 1);
  }
}

static NgStatus add_label_form(NgGazBuilder *b, int32_t entry,
                               const char *iso2, const char *label,
                               NgLabelKind kind, const char *lang,
                               uint8_t extra);
static NgStatus add_label_toks(NgGazBuilder *b, int32_t entry,
                               const char *iso2, const char *label,
                               const NgToken *toks, size_t n,
                               NgLabelKind kind, const char *lang,
                               uint8_t extra);
static NgStatus label_tokens(NgGazBuilder *b, const char *label,
                             NgToken **toks, size_t *n);

/* The key of a form of state: a byte no token holds, then the folded form
 * with '_' for spaces ("\001grand_duchy"), so that no text matches it. */
static void
state_form_key(const char *form, NgBuf *key)
{
  ng_buf_clear(key);
  ng_buf_putc(key, '\001');
  size_t at = key->len;
  ng_fold(form, strlen(form), key);
  for (size_t i = at; i < key->len; i++) {
    if (key->data[i] == ' ') {
      key->data[i] = '_';
    }
  }
}

/* The forms of state a country's name holds ("Kingdom" in "Kingdom of
 * Morocco", "Royaume du Maroc"), as NG_LABEL_STATE_FORM labels. */
static NgStatus
add_state_forms(NgGazBuilder *b, int32_t entry, const NgToken *toks,
                size_t n)
{
  const char *words[GAZ_MAX_TOKENS];
  for (size_t i = 0; i < n; i++) {
    words[i] = toks[i].norm ? toks[i].norm : "";
  }
  NgBuf key;
  ng_buf_init(&key);
  NgStatus st = NG_SUCCESS;
  for (size_t i = 0; i < n && st == NG_SUCCESS; i++) {
    const NgLexEntry *e = NULL;
    if (!ng_lexicon_match(b->lex, "state_form", words + i, n - i, &e) ||
        !e->value || !*e->value) {
      continue;
    }
    state_form_key(e->value, &key);
    const char *k = key.failed ? NULL
                               : ng_arena_strndup(b->arena, key.data, key.len);
    if (!k || !ng_grow((void **)&b->labels, &b->cap_labels, b->n_labels + 1,
                       sizeof(BLabel))) {
      st = NG_ERR_NOMEM;
      break;
    }
    b->labels[b->n_labels++] =
      (BLabel){k, "", "", NULL, entry, NG_LABEL_STATE_FORM, 0, 1, 0, false};
  }
  ng_buf_free(&key);
  return st;
}

/* Longest acronym made of a name's initials ("OTAN"). */
#define MAX_INITIALS 8

/* An international organisation's acronym of four letters or more
 * written as a word after an article, as French agencies write them
 * ("l'Otan", "l'Unesco", "l'Unicef"): a label of its own, in that case
 * only (GAZ_EXACT_CASE, as acronyms are) and only right after a definite
 * article (GAZ_AFTER_DEFINITE), so that no word of that spelling opening
 * a sentence is taken for it. */
static NgStatus
add_word_form(NgGazBuilder *b, int32_t entry, const char *acr,
              const char *lang)
{
  char word[MAX_INITIALS + 1];
  size_t n = strlen(acr);
  if (entry < 0 || b->entries[entry].type != NG_ENT_INTL_ORG || n < 4 ||
      n > MAX_INITIALS) {
    return NG_SUCCESS;
  }
  for (size_t i = 0; i < n; i++) {
    if (acr[i] < 'A' || acr[i] > 'Z') {
      return NG_SUCCESS;
    }
    word[i] = i ? (char)(acr[i] - 'A' + 'a') : acr[i];
  }
  word[n] = '\0';
  NgStatus st = add_label_form(b, entry, NULL, word, NG_LABEL_ACRONYM, lang,
                               GAZ_AFTER_DEFINITE);
  return st == NG_FAILURE ? NG_SUCCESS : st;
}

/* The acronym an international organisation's name makes of the
 * initials of its words, function words left out (lexicon classes
 * stopword and np_link): "Organisation du traité de l'Atlantique nord" ->
 * "OTAN", "Organisation mondiale de la santé" -> "OMS", as French and
 * English write them. Three letters at least, and not matched next to a
 * word in capitals, where they may spell a word of a headline
 * (GAZ_INITIALS). Kept at write time only when no other entry has that
 * label (ng_gaz_builder_write): "FMI" is also the Finnish Meteorological
 * Institute's. Not for national bodies, whose initials too often spell a
 * word or another body ("OPA", "ANS"). */
static NgStatus
add_initials(NgGazBuilder *b, int32_t entry, const NgToken *toks, size_t n,
             const char *lang)
{
  char acr[MAX_INITIALS + 1];
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    const char *w = toks[i].norm ? toks[i].norm : "";
    if ((toks[i].flags & NG_TOK_ELISION) ||
        ng_lexicon_has(b->lex, "stopword", w) ||
        ng_lexicon_has(b->lex, "np_link", w)) {
      continue;
    }
    /* digits, signs, a letter the fold keeps, an acronym inside ("EU
     * Agency for Railways" is no "EAR") */
    if (!(toks[i].flags & NG_TOK_ALPHA) || (toks[i].flags & NG_TOK_UPPER) ||
        !(w[0] >= 'a' && w[0] <= 'z') || k == MAX_INITIALS) {
      return NG_SUCCESS;
    }
    acr[k++] = (char)(w[0] - 'a' + 'A');
  }
  if (k < 3) {
    return NG_SUCCESS;
  }
  acr[k] = '\0';
  size_t before = b->n_labels;
  NgStatus st = add_label_form(b, entry, NULL, acr, NG_LABEL_ACRONYM, lang,
                               GAZ_INITIALS);
  if (st == NG_SUCCESS && b->n_labels > before) {
    b->labels[b->n_labels - 1].derived = true;
    st = add_word_form(b, entry, acr, lang);
  }
  return st == NG_FAILURE ? NG_SUCCESS : st;
}

/* Whether a place's name label starts with a word in lower case that
 * neither a geographic noun nor an article explains: an adjective
 * ("juif", "somali"), a common word ("vague", "doux") or a word-for-word
 * translation ("voir Saint" for the Holy See) in the source, which would
 * match that word anywhere. Names are capitalised; "mer Rouge",
 * "la Habana", "eThekwini" and "'s-Hertogenbosch" stay. */
static bool
lowercase_place_name(const NgGazBuilder *b, int32_t entry, const char *label,
                     const NgToken *toks, size_t n)
{
  if (!ng_entity_type_is_place(b->entries[entry].type)) {
    return false;
  }
  size_t len;
  uint32_t cp = ng_utf8_decode(label, strlen(label), &len);
  if (!ng_cp_is_letter(cp) || ng_cp_upper(cp) == cp) {
    return false;
  }
  bool upper;
  (void)count_letters(label + toks[0].b0, toks[0].b1 - toks[0].b0, &upper);
  if (upper) {
    return false;
  }
  return !(n >= 2 && ((toks[0].flags & NG_TOK_DEFINITE) ||
                      (b->lex && ng_lexicon_has(b->lex, "feature_head",
                                                toks[0].norm))));
}

/* Whether a body's name label is a description: an article, then a word
 * in lower case ("Le ministère de la Santé", which one source gives a
 * provincial ministry as its French name, would link every health
 * ministry). Names keep a capital after their article ("La Poste", "The
 * Hague"). */
static bool
described_body(const NgGazBuilder *b, int32_t entry, const char *label,
               const NgToken *toks, size_t n)
{
  if (!ng_entity_type_is_org(b->entries[entry].type) || n < 3 ||
      !(toks[0].flags & NG_TOK_DEFINITE) || (toks[1].flags & NG_TOK_CAP)) {
    return false;
  }
  bool upper;
  return count_letters(label + toks[1].b0, toks[1].b1 - toks[1].b0, &upper) >
         0;
}

/* A label, and without its leading article (article_variant) or with its
 * first word short (short_variants); a country's name also gives the
 * country its forms of state (add_state_forms), an international
 * organisation's its initials (add_initials). */
static NgStatus
add_label(NgGazBuilder *b, int32_t entry, const char *iso2, const char *label,
          NgLabelKind kind, const char *lang)
{
  NgToken *toks = NULL;
  size_t n = 0;
  NgStatus st = label_tokens(b, label, &toks, &n);
  if (st == NG_SUCCESS && kind == NG_LABEL_NAME && entry >= 0 &&
      (lowercase_place_name(b, entry, label, toks, n) ||
       described_body(b, entry, label, toks, n))) {
    return NG_FAILURE;
  }
  if (st == NG_SUCCESS) {
    st = add_label_toks(b, entry, iso2, label, toks, n, kind, lang, 0);
  }
  if (st == NG_SUCCESS && kind == NG_LABEL_ACRONYM) {
    st = add_word_form(b, entry, label, lang);
  }
  if (st != NG_SUCCESS || kind != NG_LABEL_NAME || entry < 0) {
    return st;
  }
  if (n >= 2 && b->lex && b->entries[entry].type == NG_ENT_COUNTRY) {
    st = add_state_forms(b, entry, toks, n);
  }
  /* forms[0]: without the article; forms[1, 2]: the first word short */
  NgBuf forms[3];
  const char *langs[3] = {"", "", ""};
  static const uint8_t flags[3] = {GAZ_AFTER_DEFINITE, 0, 0};
  for (int v = 0; v < 3; v++) {
    ng_buf_init(&forms[v]);
  }
  if (st == NG_SUCCESS) {
    article_variant(b, label, lang, toks, n, &forms[0], &langs[0]);
    short_variants(b, entry, label, toks, n, &forms[1]);
  }
  /* Last to read toks: adding a label reuses the scratch arena. */
  if (st == NG_SUCCESS && n >= 3 && b->lex &&
      b->entries[entry].type == NG_ENT_INTL_ORG) {
    st = add_initials(b, entry, toks, n, lang);
  }
  for (int v = 0; v < 3 && st == NG_SUCCESS; v++) {
    if (forms[v].failed) {
      st = NG_ERR_NOMEM;
    } else if (forms[v].len) {
      st = add_label_form(b, entry, iso2, forms[v].data, kind, langs[v],
                          flags[v]);
      if (st == NG_FAILURE) {
        st = NG_SUCCESS; /* a variant that is no name: none */
      }
    }
  }
  for (int v = 0; v < 3; v++) {
    ng_buf_free(&forms[v]);
  }
  return st;
}

/* @p label's tokens, in the scratch arena (valid until the next
 * tokenisation): NG_FAILURE when it has none, too many, or is not UTF-8. */
static NgStatus
label_tokens(NgGazBuilder *b, const char *label, NgToken **toks, size_t *n)
{
  size_t len = strlen(label);
  if (len == 0 || ng_utf8_valid_prefix(label, len) != len) {
    return NG_FAILURE;
  }
  ng_arena_reset(b->scratch);
  NgStatus st = ng_tokenize(label, len, b->lex, b->scratch, toks, n);
  if (st == NG_SUCCESS && (*n == 0 || *n > GAZ_MAX_TOKENS)) {
    st = NG_FAILURE;
  }
  return st;
}

/* One form of a label, with @p extra flags (label_tokens, then
 * add_label_toks). */
static NgStatus
add_label_form(NgGazBuilder *b, int32_t entry, const char *iso2,
               const char *label, NgLabelKind kind, const char *lang,
               uint8_t extra)
{
  NgToken *toks = NULL;
  size_t n = 0;
  NgStatus st = label_tokens(b, label, &toks, &n);
  return st != NG_SUCCESS ? st
                          : add_label_toks(b, entry, iso2, label, toks, n,
                                           kind, lang, extra);
}

/* One form of a label whose tokens are known. */
static NgStatus
add_label_toks(NgGazBuilder *b, int32_t entry, const char *iso2,
               const char *label, const NgToken *toks, size_t n,
               NgLabelKind kind, const char *lang, uint8_t extra)
{
  size_t len = strlen(label);
  NgBuf key;
  ng_buf_init(&key);
  for (size_t i = 0; i < n; i++) {
    if (i) {
      ng_buf_putc(&key, ' ');
    }
    const char *w = toks[i].norm ? toks[i].norm : "";
    size_t at = key.len, wl = strlen(w);
    ng_buf_append(&key, w, wl);
    if (!key.failed) {
      key.len = at + key_words(w, wl, key.data + at);
      key.data[key.len] = '\0';
    }
  }
  if (key.failed) {
    ng_buf_free(&key);
    return NG_ERR_NOMEM;
  }
  if (key.len == 0 || key.len > GAZ_MAX_KEY) {
    ng_buf_free(&key);
    return NG_FAILURE;
  }
  bool upper;
  size_t letters = count_letters(label, len, &upper);
  uint8_t flags = extra;
  if (kind == NG_LABEL_ACRONYM) {
    flags |= GAZ_EXACT_CASE;
  } else if (!upper) {
    /* "allemande", Arabic: any case */
  } else if (n == 1 && letters <= 4) {
    flags |= GAZ_EXACT_CASE;
  } else {
    /* Capitalised single words ("Nice", "Tours") and multiword names need a
     * capital in the text; only a lowercase first word is exempt. */
    bool first_upper = false;
    (void)count_letters(label + toks[0].b0, toks[0].b1 - toks[0].b0,
                        &first_upper);
    flags |= first_upper || n == 1 ? GAZ_NEED_CAP : 0;
  }
  /* A one-word name in no language of ours (a native name or an alias)
   * keeps its accents: without them "Ísland" is the English "Island". */
  if (n == 1 && (!lang || !*lang) && kind == NG_LABEL_NAME &&
      has_latin_mark(label)) {
    flags |= GAZ_EXACT_MARKS;
  }
  /* A one-word name that is also a function word of some language ("Au",
   * a Swiss town) is capitalised at every sentence start, where it says
   * nothing about the place; an acronym ("WHO") is in capitals there as
   * anywhere (a headline in capitals is the recogniser's to tell). */
  if (n == 1 && upper && kind != NG_LABEL_ACRONYM && b->lex &&
      ng_lexicon_has(b->lex, "stopword", key.data)) {
    flags |= GAZ_NOT_INITIAL;
  }
  /* Every capitalised word of a name must be capitalised in the text too:
   * "La Réunion" is not "la réunion". */
  uint32_t caps = 0;
  for (size_t i = 0; i < n; i++) {
    if (toks[i].flags & NG_TOK_CAP) {
      caps |= 1u << i;
    }
  }
  /* A body's long name is written with its later words in lower case as
   * often as not ("Haut-Commissariat des Nations unies pour les
   * réfugiés", "Organisation mondiale de la santé"): from three words on,
   * only its first capital counts. */
  if (n >= 3 && entry >= 0 && (caps & 1u) &&
      ng_entity_type_is_org(b->entries[entry].type)) {
    caps = 1u;
  }
  /* But a geographic noun leading a name (lexicon class feature_head) is
   * often written in lower case: "îles Féroé" for "Îles Féroé". */
  if (n >= 2 && (caps & 2u) && b->lex &&
      ng_lexicon_has(b->lex, "feature_head", toks[0].norm)) {
    caps &= ~1u;
    flags &= (uint8_t)~GAZ_NEED_CAP;
  }
  /* French writes a place's name with one capital, on its first word
   * ("Arabie saoudite", where the source has "Arabie Saoudite"): in a
   * French place name that starts with a capitalised word other than an
   * article ("La Réunion" stays whole), only the first capital counts. */
  if (n >= 2 && (caps & 1u) && entry >= 0 && lang && !strcmp(lang, "fr") &&
      ng_entity_type_is_place(b->entries[entry].type) && b->lex &&
      !ng_lexicon_has(b->lex, "definite", toks[0].norm)) {
    caps = 1u;
  }
  BLabel l = {ng_arena_strndup(b->arena, key.data, key.len),
              (flags & (GAZ_EXACT_CASE | GAZ_EXACT_MARKS)) ? bstr(b, label)
                                                           : "",
              bstr(b, lang ? lang : ""),
              iso2 ? bstr(b, iso2) : NULL,
              entry,
              kind,
              flags,
              (uint16_t)n,
              caps,
              false};
  ng_buf_free(&key);
  if (!l.key || !l.form || !l.lang || (iso2 && !l.iso2) ||
      !ng_grow((void **)&b->labels, &b->cap_labels, b->n_labels + 1,
               sizeof(BLabel))) {
    return NG_ERR_NOMEM;
  }
  b->labels[b->n_labels++] = l;
  return NG_SUCCESS;
}

NgStatus
ng_gaz_builder_set_since(NgGazBuilder *b, int32_t entry, int year)
{
  if (!b || entry < 0 || (size_t)entry >= b->n_entries || year == 0 ||
      year < -9999 || year > 9999) {
    return NG_ERR_ARG;
  }
  BEntry *e = &b->entries[entry];
  if (e->since == 0 || year < e->since) {
    e->since = year;
  }
  return NG_SUCCESS;
}

NgStatus
ng_gaz_builder_add_label(NgGazBuilder *b, int32_t entry, const char *label,
                         NgLabelKind kind, const char *lang)
{
  if (!b || !label || entry < 0 || (size_t)entry >= b->n_entries) {
    return NG_ERR_ARG;
  }
  return add_label(b, entry, NULL, label, kind, lang);
}

/* ---- TSV tables ---- */

typedef enum {
  TAB_COUNTRIES,
  TAB_DEMONYMS,
  TAB_CITIES,
  TAB_REGIONS,
  TAB_CONTINENTS,
  TAB_ORGS, /* organizations.tsv and agencies.tsv */
  TAB_PEOPLE,
  TAB_BUILT /* written by `gazetteer build --tsv` */
} TableKind;

#define MAX_COLS 32

typedef struct {
  const char *names[MAX_COLS];
  size_t n;
} Header;

static int
col(const Header *h, const char *name)
{
  for (size_t i = 0; i < h->n; i++) {
    if (strcmp(h->names[i], name) == 0) {
      return (int)i;
    }
  }
  return -1;
}

static bool
has_cols(const Header *h, const char *const *names)
{
  for (size_t i = 0; names[i]; i++) {
    if (col(h, names[i]) < 0) {
      return false;
    }
  }
  return true;
}

/* The table is recognised by the columns it must have; other columns may
 * be dropped or added freely. */
static bool
table_kind(const Header *h, TableKind *out)
{
  static const char *const people[] = {"qid", "label", "country_iso2",
                                      NULL};
  static const char *const countries[] = {"qid", "iso2", "label_en",
                                          "demonym_en", NULL};
  static const char *const demonyms[] = {"iso2", "lang", "form", NULL};
  static const char *const orgs[] = {"qid", "label_en", "kind",
                                     "country_iso2", NULL};
  static const char *const continents[] = {"qid", "label_en", "kind", NULL};
  static const char *const cities[] = {"qid", "label_en", "country_iso2",
                                       "population", NULL};
  static const char *const regions[] = {"qid", "label_en", "country_iso2",
                                        "level", NULL};
  static const char *const built[] = {"qid", "type", "prior", "labels",
                                      NULL};
  if (has_cols(h, built)) {
    *out = TAB_BUILT;
  } else if (has_cols(h, people)) {
    *out = TAB_PEOPLE;
  } else if (has_cols(h, countries)) {
    *out = TAB_COUNTRIES;
  } else if (has_cols(h, demonyms) && h->n == 3) {
    *out = TAB_DEMONYMS;
  } else if (has_cols(h, orgs)) {
    *out = TAB_ORGS;
  } else if (has_cols(h, continents)) {
    *out = TAB_CONTINENTS;
  } else if (has_cols(h, cities)) {
    *out = TAB_CITIES;
  } else if (has_cols(h, regions)) {
    *out = TAB_REGIONS;
  } else {
    return false;
  }
  return true;
}

/* Decimal digits to a saturated uint32; 0 when empty or not a number
 * (locale-free on purpose). */
static uint32_t
parse_u32(const char *s)
{
  uint64_t v = 0;
  if (!s || !*s) {
    return 0;
  }
  for (; *s; s++) {
    if (*s < '0' || *s > '9') {
      return 0;
    }
    v = v * 10 + (uint64_t)(*s - '0');
    if (v > UINT32_MAX) {
      v = UINT32_MAX;
    }
  }
  return (uint32_t)v;
}

int
ng_gaz_parse_year(const char *s)
{
  if (!s) {
    return 0;
  }
  int sign = 1;
  if (*s == '-' || *s == '+') {
    sign = *s == '-' ? -1 : 1;
    s++;
  }
  int y = 0, digits = 0;
  for (; *s >= '0' && *s <= '9'; s++) {
    if (++digits > 4) {
      return 0;
    }
    y = y * 10 + (*s - '0');
  }
  return digits && (*s == '\0' || *s == '-') ? sign * y : 0;
}

typedef struct {
  NgGazBuilder *b;
  const Header *h;
  char **cells;
} Row;

static const char *
cell(const Row *r, const char *name)
{
  int i = col(r->h, name);
  return i >= 0 ? r->cells[i] : "";
}

/* Add a name label, classed as an acronym when it is written like one. */
static NgStatus
add_name(NgGazBuilder *b, int32_t e, const char *label, const char *lang)
{
  if (!label[0]) {
    return NG_SUCCESS;
  }
  NgLabelKind kind = looks_like_acronym(label) ? NG_LABEL_ACRONYM
                                               : NG_LABEL_NAME;
  NgStatus st = add_label(b, e, NULL, label, kind, lang);
  return st == NG_FAILURE ? NG_SUCCESS : st;
}

NgStatus
ng_gaz_builder_add_name(NgGazBuilder *b, int32_t entry, const char *label,
                        const char *lang)
{
  if (!b || !label || entry < 0 || (size_t)entry >= b->n_entries) {
    return NG_ERR_ARG;
  }
  return add_name(b, entry, label, lang ? lang : "");
}

/* The labels column of a built table: "lang:text|lang:text". */
static NgStatus
add_lang_list(NgGazBuilder *b, int32_t e, const char *list)
{
  char *copy = ng_strdup(list);
  if (!copy) {
    return NG_ERR_NOMEM;
  }
  NgStatus st = NG_SUCCESS;
  for (char *p = copy; st == NG_SUCCESS && p && *p;) {
    char *next = strchr(p, '|');
    if (next) {
      *next++ = '\0';
    }
    char *colon = strchr(p, ':');
    if (colon && colon - p <= 12) {
      *colon = '\0';
      st = add_name(b, e, colon + 1, p);
    }
    p = next;
  }
  ng_free(copy);
  return st;
}

/* Add each part of @p list, split at @p sep (modifies a copy). */
static NgStatus
add_list(NgGazBuilder *b, int32_t e, const char *list, const char *sep,
         const char *lang)
{
  char *copy = ng_strdup(list);
  if (!copy) {
    return NG_ERR_NOMEM;
  }
  NgStatus st = NG_SUCCESS;
  size_t sl = strlen(sep);
  char *p = copy;
  while (st == NG_SUCCESS && p) {
    char *next = strstr(p, sep);
    if (next) {
      *next = '\0';
      next += sl;
    }
    st = add_name(b, e, p, lang);
    p = next;
  }
  ng_free(copy);
  return st;
}

/* True when @p form is written exactly like one of the row's names. */
static bool
is_row_name(const Row *r, const char *form)
{
  static const char *const cols[] = {"label_en", "label_fr", NULL};
  for (size_t i = 0; cols[i]; i++) {
    if (strcmp(cell(r, cols[i]), form) == 0) {
      return true;
    }
  }
  const char *al = cell(r, "aliases");
  size_t n = strlen(form);
  for (const char *p = al; *p;) {
    const char *end = strchr(p, '|');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len == n && memcmp(p, form, n) == 0) {
      return true;
    }
    p = end ? end + 1 : p + len;
  }
  return false;
}

/* The demonym_en column ("Emirati, Emirian, Emiri"): some values are
 * descriptions ("Antiguan or Barbudan"), codes ("UK") or the country's own
 * name ("Luxembourg"); those are not demonyms. */
static NgStatus
add_demonyms_en(const Row *r, int32_t e)
{
  char *copy = ng_strdup(cell(r, "demonym_en"));
  if (!copy) {
    return NG_ERR_NOMEM;
  }
  NgStatus st = NG_SUCCESS;
  for (char *p = copy; st == NG_SUCCESS && p && *p;) {
    char *next = strstr(p, ", ");
    if (next) {
      *next = '\0';
      next += 2;
    }
    if (!strstr(p, " or ") && !looks_like_acronym(p) && !is_row_name(r, p)) {
      st = add_label(r->b, e, NULL, p, NG_LABEL_DEMONYM, "en");
      if (st == NG_FAILURE) {
        st = NG_SUCCESS;
      }
    }
    p = next;
  }
  ng_free(copy);
  return st;
}

/* The `kind` column of organizations.tsv and agencies.tsv: every kind
 * that is not an international body, a news agency, a party or a generic
 * organisation is a state body (ministry, court, statistics office...). */
static NgEntityType
org_type(const char *kind, uint32_t *prior)
{
  static const char *const generic[] = {"party", "organisation", "", NULL};
  if (strcmp(kind, "international organisation") == 0) {
    *prior = PRIOR_INTL_ORG;
    return NG_ENT_INTL_ORG;
  }
  if (strcmp(kind, "news agency") == 0) {
    *prior = PRIOR_NEWS_AGENCY;
    return NG_ENT_NEWS_AGENCY;
  }
  for (size_t i = 0; generic[i]; i++) {
    if (strcmp(kind, generic[i]) == 0) {
      *prior = PRIOR_ORGANIZATION;
      return NG_ENT_ORGANIZATION;
    }
  }
  *prior = PRIOR_GOV_AGENCY;
  return NG_ENT_GOV_AGENCY;
}

/* Whether a row of regions.tsv is a first-level division: level 1, or no
 * level given and a type that is one (a US state, a German land, a Swiss
 * canton, a province or a governorate), not a district, a department, a
 * county or a borough, which are second-level in most countries. */
static bool
region_is_top(const char *level, const char *type)
{
  static const char *const lower[] = {"district", "department", "county",
                                      "borough", "municipality", "commune",
                                      "arrondissement", NULL};
  if (*level) {
    return strcmp(level, "1") == 0;
  }
  for (size_t i = 0; lower[i]; i++) {
    if (strstr(type, lower[i])) {
      return false;
    }
  }
  return true;
}

/* The first code of a '|'-separated list ("FR|GN|SN" -> "FR"), copied
 * into @p buf. */
static const char *
first_code(const char *list, char *buf, size_t size)
{
  size_t n = strcspn(list, "|");
  if (n >= size) {
    n = 0;
  }
  memcpy(buf, list, n);
  buf[n] = '\0';
  return buf;
}

static NgStatus
load_row(const Row *r, TableKind kind)
{
  NgGazBuilder *b = r->b;
  NgStatus st = NG_SUCCESS;
  if (kind == TAB_DEMONYMS) {
    st = add_label(b, -1, cell(r, "iso2"), cell(r, "form"), NG_LABEL_DEMONYM,
                   cell(r, "lang"));
    return st == NG_FAILURE ? NG_SUCCESS : st;
  }
  const char *qid = cell(r, "qid");
  const char *en = cell(r, "label_en");
  const char *fr = cell(r, "label_fr");
  char code[16];
  const char *country = first_code(cell(r, "country_iso2"), code, sizeof code);
  NgEntityType type = NG_ENT_NONE;
  uint32_t prior = 0;
  switch (kind) {
  case TAB_COUNTRIES:
    type = NG_ENT_COUNTRY;
    prior = PRIOR_COUNTRY;
    country = "";
    break;
  case TAB_CITIES:
    type = NG_ENT_CITY;
    prior = parse_u32(cell(r, "population"));
    if (prior == 0) {
      prior = parse_u32(cell(r, "ne_pop_max"));
    }
    if (prior == 0) {
      prior = 1;
    }
    break;
  case TAB_REGIONS:
    type = NG_ENT_REGION;
    prior = region_is_top(cell(r, "level"), cell(r, "type"))
              ? PRIOR_REGION_TOP
              : PRIOR_REGION_SUB;
    break;
  case TAB_CONTINENTS:
    type = NG_ENT_CONTINENT;
    prior = strcmp(cell(r, "kind"), "continent") == 0 ? PRIOR_CONTINENT
                                                      : PRIOR_WORLD_REGION;
    break;
  case TAB_ORGS: type = org_type(cell(r, "kind"), &prior); break;
  case TAB_PEOPLE:
    type = NG_ENT_PERSON;
    prior = PRIOR_PERSON;
    if (!en[0]) {
      en = cell(r, "label");
    }
    break;
  case TAB_BUILT:
    /* The type was checked when the row was read. */
    (void)ng_entity_type_parse(cell(r, "type"), &type);
    prior = parse_u32(cell(r, "prior"));
    country = cell(r, "country");
    break;
  case TAB_DEMONYMS: break;
  }
  int32_t e = ng_gaz_builder_add_entry(b, qid, type, en, fr, country, prior);
  if (e < 0) {
    return NG_ERR_NOMEM;
  }
  int since = ng_gaz_parse_year(cell(r, "since"));
  if (since == 0 && kind == TAB_PEOPLE) {
    since = ng_gaz_parse_year(cell(r, "birth_date"));
  }
  if (since != 0) {
    (void)ng_gaz_builder_set_since(b, e, since);
  }
  if (kind == TAB_COUNTRIES) {
    const char *iso2 = bstr(b, cell(r, "iso2"));
    if (!iso2 || (iso2[0] && ng_strmap_put(&b->by_iso2, iso2, e))) {
      return NG_ERR_NOMEM;
    }
  }
  static const struct {
    const char *col, *lang;
  } names[] = {{"label", ""},    {"label_en", "en"}, {"label_fr", "fr"},
               {"label_ar", "ar"}, {"native", ""}};
  for (size_t i = 0; st == NG_SUCCESS && i < NG_COUNTOF(names); i++) {
    st = add_name(b, e, cell(r, names[i].col), names[i].lang);
  }
  if (st == NG_SUCCESS) {
    st = add_list(b, e, cell(r, "aliases"), "|", "");
  }
  if (st == NG_SUCCESS && kind == TAB_COUNTRIES) {
    st = add_demonyms_en(r, e);
  }
  if (st == NG_SUCCESS && kind == TAB_BUILT) {
    st = add_lang_list(b, e, cell(r, "labels"));
  }
  return st;
}

NgStatus
ng_gaz_builder_load_tsv(NgGazBuilder *b, const char *path, const NgLog *log)
{
  if (!b || !path) {
    return NG_ERR_ARG;
  }
  char *data = NULL;
  size_t len = 0;
  NgStatus st = ng_read_file(path, &data, &len);
  if (st != NG_SUCCESS) {
    ng_log(log, NG_LOG_ERROR, st, "gazetteer", path, 0, 0,
           "cannot read gazetteer table");
    return st;
  }
  size_t valid = ng_utf8_valid_prefix(data, len);
  if (valid != len) {
    unsigned line = 1;
    for (size_t i = 0; i < valid; i++) {
      line += data[i] == '\n';
    }
    ng_log(log, NG_LOG_ERROR, NG_ERR_ENCODING, "gazetteer", path, line, 0,
           "invalid UTF-8");
    ng_free(data);
    return NG_ERR_ENCODING;
  }
  Header h = {{NULL}, 0};
  TableKind kind = TAB_COUNTRIES;
  char *cells[MAX_COLS + 1];
  unsigned lineno = 0;
  size_t skipped = 0;
  char *p = data;
  while (st == NG_SUCCESS && p < data + len) {
    char *line = ng_next_line(&p, data + len);
    lineno++;
    if (line[0] == '\0' || line[0] == '#') {
      continue;
    }
    size_t n = 0;
    for (char *c = line;;) {
      if (n <= MAX_COLS) {
        cells[n] = c;
      }
      n++;
      char *tab = strchr(c, '\t');
      if (!tab) {
        break;
      }
      *tab = '\0';
      c = tab + 1;
    }
    if (h.n == 0) {
      if (n > MAX_COLS) {
        n = MAX_COLS + 1; /* reported below as unknown */
      }
      for (size_t i = 0; i < n && i < MAX_COLS; i++) {
        h.names[i] = cells[i];
      }
      h.n = n > MAX_COLS ? MAX_COLS : n;
      if (n > MAX_COLS || !table_kind(&h, &kind)) {
        ng_log(log, NG_LOG_ERROR, NG_ERR_DATA, "gazetteer", path, lineno, 0,
               "unknown gazetteer table header");
        st = NG_ERR_DATA;
      }
      continue;
    }
    if (n != h.n) {
      ng_log(log, NG_LOG_WARNING, NG_ERR_SYNTAX, "gazetteer", path, lineno, 0,
             "%zu fields, expected %zu: row skipped", n, h.n);
      skipped++;
      continue;
    }
    Row r = {b, &h, cells};
    if (kind == TAB_DEMONYMS) {
      if (!cell(&r, "iso2")[0] || !cell(&r, "form")[0]) {
        ng_log(log, NG_LOG_WARNING, NG_ERR_SYNTAX, "gazetteer", path, lineno,
               0, "missing country code or form: row skipped");
        skipped++;
        continue;
      }
    } else if (!qid_valid(cell(&r, "qid"))) {
      ng_log(log, NG_LOG_WARNING, NG_ERR_SYNTAX, "gazetteer", path, lineno, 0,
             "missing or invalid QID \"%s\": row skipped", cell(&r, "qid"));
      skipped++;
      continue;
    }
    NgEntityType row_type;
    if (kind == TAB_BUILT &&
        ng_entity_type_parse(cell(&r, "type"), &row_type) != NG_SUCCESS) {
      ng_log(log, NG_LOG_WARNING, NG_ERR_SYNTAX, "gazetteer", path, lineno, 0,
             "unknown type \"%s\": row skipped", cell(&r, "type"));
      skipped++;
      continue;
    }
    st = load_row(&r, kind);
    if (st != NG_SUCCESS) {
      ng_log(log, NG_LOG_ERROR, st, "gazetteer", path, lineno, 0,
             "cannot add row: %s", ng_strerror(st));
    }
  }
  if (st == NG_SUCCESS && h.n == 0) {
    ng_log(log, NG_LOG_ERROR, NG_ERR_DATA, "gazetteer", path, 0, 0,
           "no header row");
    st = NG_ERR_DATA;
  }
  ng_free(data);
  return st;
}

/* ---- writing ---- */

/* The string pool: each distinct string stored once. */
typedef struct {
  NgBuf buf;
  NgStrMap seen;
} Pool;

static uint32_t
pool_add(Pool *p, const char *s)
{
  if (!s || !*s) {
    return 0;
  }
  int32_t off = ng_strmap_get(&p->seen, s);
  if (off > 0) {
    return (uint32_t)off;
  }
  size_t at = p->buf.len;
  if (at > INT32_MAX - GAZ_MAX_KEY * 4) {
    p->buf.failed = true;
    return 0;
  }
  ng_buf_append(&p->buf, s, strlen(s) + 1);
  if (p->buf.failed || ng_strmap_put(&p->seen, s, (int32_t)at)) {
    p->buf.failed = true;
    return 0;
  }
  return (uint32_t)at;
}

static int
entry_order(const void *a, const void *b)
{
  const BEntry *x = *(const BEntry *const *)a;
  const BEntry *y = *(const BEntry *const *)b;
  return qid_cmp(x->qid, y->qid);
}

/* Whether a label needs a capital on the text's first token. Within one
 * key the labels that do not come first, so that a lowercase token ("la",
 * "mars") stops at the first that does instead of checking every entity
 * with that name. */
static bool
needs_first_cap(uint8_t flags, uint32_t caps)
{
  return (flags & GAZ_NEED_CAP) || (caps & 1u);
}

static int
label_order(const void *a, const void *b)
{
  const BLabel *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  if (c) {
    return c;
  }
  bool fx = needs_first_cap(x->flags, x->caps);
  bool fy = needs_first_cap(y->flags, y->caps);
  if (fx != fy) {
    return fx ? 1 : -1;
  }
  if (x->entry != y->entry) {
    return x->entry < y->entry ? -1 : 1;
  }
  if (x->kind != y->kind) {
    return x->kind < y->kind ? -1 : 1;
  }
  if ((c = strcmp(x->lang, y->lang)) != 0) {
    return c;
  }
  if (x->flags != y->flags) {
    return x->flags < y->flags ? -1 : 1;
  }
  if (x->caps != y->caps) {
    return x->caps < y->caps ? -1 : 1;
  }
  return strcmp(x->form, y->form);
}

/* Leave out, of labels sorted by key, the acronyms made of initials
 * (add_initials) whose key another entry's label also has: another body's
 * real acronym ("FMI", the Finnish Meteorological Institute's), or the
 * initials of another organisation. Returns the new count. */
static size_t
drop_shared_initials(BLabel *labels, size_t nl)
{
  size_t out = 0;
  for (size_t i = 0; i < nl;) {
    size_t j = i + 1;
    bool shared = false;
    while (j < nl && strcmp(labels[j].key, labels[i].key) == 0) {
      j++;
    }
    for (size_t k = i + 1; k < j && !shared; k++) {
      shared = labels[k].entry != labels[i].entry;
    }
    for (size_t k = i; k < j; k++) {
      if (!(shared && labels[k].derived)) {
        labels[out++] = labels[k];
      }
    }
    i = j;
  }
  return out;
}

static bool
is_iso2(const char *s)
{
  return s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && !s[2];
}

NgStatus
ng_gaz_builder_write(NgGazBuilder *b, const char *path)
{
  if (!b || !path) {
    return NG_ERR_ARG;
  }
  if (b->n_entries > INT32_MAX / 2 || b->n_labels > UINT32_MAX / 64) {
    return NG_ERR_LIMIT;
  }
  NgStatus st = NG_ERR_NOMEM;
  size_t ne = b->n_entries;
  const BEntry **order = ng_calloc(ne ? ne : 1, sizeof(*order));
  int32_t *remap = ng_calloc(ne ? ne : 1, sizeof(*remap));
  BLabel *labels = ng_calloc(b->n_labels ? b->n_labels : 1, sizeof(*labels));
  uint64_t *city_pop = ng_calloc(ne ? ne : 1, sizeof(*city_pop));
  GazEntryRec *erec = ng_calloc(ne ? ne : 1, sizeof(*erec));
  GazLabelRec *lrec = NULL;
  GazBucket *index = NULL;
  Pool pool;
  ng_buf_init(&pool.buf);
  memset(&pool.seen, 0, sizeof(pool.seen));
  FILE *f = NULL;
  char *tmp = NULL;
  if (!order || !remap || !labels || !city_pop || !erec) {
    goto done;
  }
  for (size_t i = 0; i < ne; i++) {
    order[i] = &b->entries[i];
  }
  qsort(order, ne, sizeof(*order), entry_order);
  for (size_t i = 0; i < ne; i++) {
    remap[order[i] - b->entries] = (int32_t)i;
  }

  /* Countries named by code resolve now, since tables load in any order;
   * a country's prior grows with the people living in its listed cities,
   * which ranks China above Taiwan for "Chinese". */
  const char **country = ng_calloc(ne ? ne : 1, sizeof(*country));
  if (!country) {
    goto done;
  }
  for (size_t i = 0; i < ne; i++) {
    const BEntry *e = order[i];
    country[i] = e->country;
    if (is_iso2(e->country)) {
      int32_t c = ng_strmap_get(&b->by_iso2, e->country);
      country[i] = c >= 0 ? b->entries[c].qid : "";
      if (c >= 0 && e->type == NG_ENT_CITY) {
        city_pop[remap[c]] += e->prior;
      }
    }
  }
  ng_buf_putc(&pool.buf, '\0'); /* offset 0 is "" */
  for (size_t i = 0; i < ne; i++) {
    const BEntry *e = order[i];
    uint64_t prior = e->prior;
    if (e->type == NG_ENT_COUNTRY) {
      prior += city_pop[i] < PRIOR_COUNTRY_CITIES_MAX
                   ? city_pop[i]
                   : PRIOR_COUNTRY_CITIES_MAX;
      if (prior > UINT32_MAX) {
        prior = UINT32_MAX;
      }
    }
    erec[i] = (GazEntryRec){pool_add(&pool, e->qid),
                            pool_add(&pool, e->label_en),
                            pool_add(&pool, e->label_fr),
                            pool_add(&pool, country[i]), (uint16_t)e->type,
                            (int16_t)e->since, (uint32_t)prior};
  }
  ng_free(country);

  size_t nl = 0;
  uint32_t max_tokens = 1;
  b->dropped = 0;
  for (size_t i = 0; i < b->n_labels; i++) {
    BLabel l = b->labels[i];
    if (l.iso2) {
      l.entry = ng_strmap_get(&b->by_iso2, l.iso2);
    }
    if (l.entry < 0) {
      b->dropped++;
      continue;
    }
    l.entry = remap[l.entry];
    labels[nl++] = l;
  }
  qsort(labels, nl, sizeof(*labels), label_order);
  nl = drop_shared_initials(labels, nl);
  lrec = ng_calloc(nl ? nl : 1, sizeof(*lrec));
  if (!lrec) {
    goto done;
  }
  size_t out = 0;
  /* Runs of labels with the same first token, for the index. */
  typedef struct {
    const char *tok;
    size_t len;
    uint32_t lo, hi;
  } Run;
  Run *runs = NULL;
  size_t n_runs = 0, cap_runs = 0;
  for (size_t i = 0; i < nl; i++) {
    if (i > 0 && label_order(&labels[i - 1], &labels[i]) == 0) {
      continue; /* the same label from two tables or columns */
    }
    const BLabel *l = &labels[i];
    size_t ftl = strcspn(l->key, " ");
    if (n_runs == 0 || runs[n_runs - 1].len != ftl ||
        memcmp(runs[n_runs - 1].tok, l->key, ftl) != 0) {
      if (!ng_grow((void **)&runs, &cap_runs, n_runs + 1, sizeof(Run))) {
        ng_free(runs);
        goto done;
      }
      runs[n_runs++] = (Run){l->key, ftl, (uint32_t)out, (uint32_t)out};
    }
    runs[n_runs - 1].hi = (uint32_t)out + 1;
    lrec[out++] = (GazLabelRec){pool_add(&pool, l->key),
                                pool_add(&pool, l->form),
                                (uint32_t)l->entry,
                                pool_add(&pool, l->lang),
                                (uint8_t)l->kind,
                                l->flags,
                                l->ntok,
                                l->caps};
    if (l->ntok > max_tokens) {
      max_tokens = l->ntok;
    }
  }
  size_t n_buckets = 1;
  while (n_buckets < n_runs * 2) {
    n_buckets *= 2;
  }
  index = ng_calloc(n_buckets, sizeof(*index));
  if (!index) {
    ng_free(runs);
    goto done;
  }
  for (size_t i = 0; i < n_runs; i++) {
    /* The pool's map keeps the string: it lives in the builder's arena. */
    size_t len = runs[i].len;
    const char *tok = ng_arena_strndup(b->arena, runs[i].tok, len);
    if (!tok) {
      ng_free(runs);
      goto done;
    }
    size_t j = (size_t)ng_hash64(tok, len, 0) & (n_buckets - 1);
    while (index[j].key) {
      j = (j + 1) & (n_buckets - 1);
    }
    index[j] = (GazBucket){pool_add(&pool, tok), runs[i].lo, runs[i].hi};
  }
  ng_free(runs);
  while (pool.buf.len % 4 && !pool.buf.failed) {
    ng_buf_putc(&pool.buf, '\0');
  }
  if (pool.buf.failed) {
    goto done;
  }
  GazHeader h;
  memset(&h, 0, sizeof(h));
  memcpy(h.magic, GAZ_MAGIC, 6);
  h.version = GAZ_VERSION;
  h.bom = GAZ_BOM;
  h.n_entries = (uint32_t)ne;
  h.off_entries = (uint32_t)sizeof(h);
  h.n_labels = (uint32_t)out;
  uint64_t off_labels = h.off_entries + (uint64_t)ne * sizeof(GazEntryRec);
  uint64_t off_index = off_labels + (uint64_t)out * sizeof(GazLabelRec);
  uint64_t off_pool = off_index + (uint64_t)n_buckets * sizeof(GazBucket);
  uint64_t total = off_pool + pool.buf.len;
  if (total > UINT32_MAX) {
    st = NG_ERR_LIMIT;
    goto done;
  }
  h.off_labels = (uint32_t)off_labels;
  h.off_index = (uint32_t)off_index;
  h.n_buckets = (uint32_t)n_buckets;
  h.off_pool = (uint32_t)off_pool;
  h.pool_size = (uint32_t)pool.buf.len;
  h.file_size = (uint32_t)total;
  h.max_tokens = max_tokens;

  /* Write beside the target and rename, so a process that has the old
   * file mapped never sees a half-written one. */
  size_t plen = strlen(path);
  tmp = ng_malloc(plen + 5);
  if (!tmp) {
    goto done;
  }
  memcpy(tmp, path, plen);
  memcpy(tmp + plen, ".tmp", 5);
  f = fopen(tmp, "wb");
  st = NG_ERR_IO;
  if (!f) {
    goto done;
  }
  fwrite(&h, sizeof(h), 1, f);
  if (ne) {
    fwrite(erec, sizeof(*erec), ne, f);
  }
  if (out) {
    fwrite(lrec, sizeof(*lrec), out, f);
  }
  fwrite(index, sizeof(*index), n_buckets, f);
  fwrite(pool.buf.data, 1, pool.buf.len, f);
  bool bad = ferror(f) != 0;
  bad = fclose(f) != 0 || bad;
  f = NULL;
  if (bad || rename(tmp, path) != 0) {
    remove(tmp);
    goto done;
  }
  st = NG_SUCCESS;
done:
  if (f) {
    fclose(f);
    remove(tmp);
  }
  ng_free(tmp);
  ng_free(order);
  ng_free(remap);
  ng_free(labels);
  ng_free(city_pop);
  ng_free(erec);
  ng_free(lrec);
  ng_free(index);
  ng_buf_free(&pool.buf);
  ng_strmap_free(&pool.seen);
  return st;
}

NgStatus
ng_gaz_compile(const char *out_path, const char *const *tsv_paths, size_t n,
               const NgLexicon *lex, const NgLog *log)
{
  if (!out_path || (n && !tsv_paths)) {
    return NG_ERR_ARG;
  }
  NgGazBuilder *b = ng_gaz_builder_new(lex);
  if (!b) {
    return NG_ERR_NOMEM;
  }
  NgStatus st = NG_SUCCESS;
  for (size_t i = 0; st == NG_SUCCESS && i < n; i++) {
    st = ng_gaz_builder_load_tsv(b, tsv_paths[i], log);
  }
  if (st == NG_SUCCESS) {
    st = ng_gaz_builder_write(b, out_path);
    if (st != NG_SUCCESS) {
      ng_log(log, NG_LOG_ERROR, st, "gazetteer", out_path, 0, 0,
             "cannot write the compiled gazetteer: %s", ng_strerror(st));
    } else {
      if (b->dropped) {
        ng_log(log, NG_LOG_WARNING, NG_SUCCESS, "gazetteer", out_path, 0, 0,
               "%zu labels name a country code that no table defines",
               b->dropped);
      }
      ng_log(log, NG_LOG_INFO, NG_SUCCESS, "gazetteer", out_path, 0, 0,
             "%zu entries, %zu labels", b->n_entries, b->n_labels);
    }
  }
  ng_gaz_builder_free(b);
  return st;
}

/* ------------------------------------------------------------------ */
/* Using a compiled file                                               */

static bool
pool_ok(const NgGazetteer *g, uint32_t off)
{
  return off < g->h->pool_size;
}

/* Everything a lookup will dereference is checked once here, so a
 * truncated or corrupt file is an error and never a crash. The strings
 * themselves are not read: the order of the tables is the writer's
 * promise (an unsorted table gives wrong lookups, never a bad access,
 * since every string ends inside the pool), and reading them would page
 * in the whole pool, which at three million labels is most of the load
 * time (35 ms against 9). */
static bool
validate(NgGazetteer *g)
{
  const GazHeader *h;
  if (g->size < sizeof(GazHeader)) {
    return false;
  }
  h = g->h = (const GazHeader *)g->map;
  if (memcmp(h->magic, GAZ_MAGIC, 6) != 0 || h->version != GAZ_VERSION ||
      h->bom != GAZ_BOM || h->file_size != g->size) {
    return false;
  }
  uint64_t e_end = (uint64_t)h->off_entries +
                   (uint64_t)h->n_entries * sizeof(GazEntryRec);
  uint64_t l_end = (uint64_t)h->off_labels +
                   (uint64_t)h->n_labels * sizeof(GazLabelRec);
  uint64_t i_end = (uint64_t)h->off_index +
                   (uint64_t)h->n_buckets * sizeof(GazBucket);
  uint64_t p_end = (uint64_t)h->off_pool + h->pool_size;
  if (h->off_entries % 4 || h->off_labels % 4 ||
      h->off_entries < sizeof(GazHeader) || e_end > h->off_labels ||
      h->off_index % 4 || l_end > h->off_index || i_end > h->off_pool ||
      h->n_buckets == 0 || (h->n_buckets & (h->n_buckets - 1)) != 0 ||
      p_end > g->size || h->pool_size == 0 ||
      h->max_tokens == 0 || h->max_tokens > GAZ_MAX_TOKENS || h->reserved) {
    return false;
  }
  const char *base = (const char *)g->map;
  g->entries = (const GazEntryRec *)(const void *)(base + h->off_entries);
  g->labels = (const GazLabelRec *)(const void *)(base + h->off_labels);
  g->index = (const GazBucket *)(const void *)(base + h->off_index);
  g->pool = base + h->off_pool;
  if (g->pool[0] != '\0' || g->pool[h->pool_size - 1] != '\0') {
    return false;
  }
  for (uint32_t i = 0; i < h->n_entries; i++) {
    const GazEntryRec *e = &g->entries[i];
    if (!pool_ok(g, e->qid) || !pool_ok(g, e->label_en) ||
        !pool_ok(g, e->label_fr) || !pool_ok(g, e->country) ||
        e->type == NG_ENT_NONE || e->type >= NG_ENT_TYPE_COUNT) {
      return false;
    }
  }
  for (uint32_t i = 0; i < h->n_buckets; i++) {
    const GazBucket *b = &g->index[i];
    if (b->key ? (!pool_ok(g, b->key) || b->lo >= b->hi ||
                  b->hi > h->n_labels)
               : (b->lo || b->hi)) {
      return false;
    }
  }
  for (uint32_t i = 0; i < h->n_labels; i++) {
    const GazLabelRec *l = &g->labels[i];
    if (!pool_ok(g, l->key) || !pool_ok(g, l->form) || !pool_ok(g, l->lang) ||
        l->entry >= h->n_entries || l->kind > NG_LABEL_STATE_FORM ||
        l->ntok == 0 || l->ntok > h->max_tokens) {
      return false;
    }
  }
  return true;
}

unsigned
ng_gazetteer_format(void)
{
  return GAZ_VERSION;
}

unsigned
ng_gazetteer_file_format(const char *path)
{
  GazHeader h;
  FILE *f = path ? fopen(path, "rb") : NULL;
  if (!f) {
    return 0;
  }
  size_t got = fread(&h, 1, sizeof h, f);
  fclose(f);
  if (got != sizeof h || memcmp(h.magic, GAZ_MAGIC, 6) != 0 ||
      h.bom != GAZ_BOM) {
    return 0;
  }
  return h.version;
}

NgGazetteer *
ng_gazetteer_open(const char *path, NgStatus *st)
{
  NgStatus dummy;
  if (!st) {
    st = &dummy;
  }
  if (!path) {
    *st = NG_ERR_ARG;
    return NULL;
  }
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    *st = NG_ERR_IO;
    return NULL;
  }
  struct stat sb;
  if (fstat(fd, &sb) != 0) {
    close(fd);
    *st = NG_ERR_IO;
    return NULL;
  }
  if (sb.st_size < (off_t)sizeof(GazHeader) || (uint64_t)sb.st_size > UINT32_MAX) {
    close(fd);
    *st = NG_ERR_DATA;
    return NULL;
  }
  NgGazetteer *g = ng_calloc(1, sizeof(*g));
  if (!g) {
    close(fd);
    *st = NG_ERR_NOMEM;
    return NULL;
  }
  g->size = (size_t)sb.st_size;
  g->map = mmap(NULL, g->size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (g->map == MAP_FAILED) {
    g->map = NULL;
    ng_free(g);
    *st = NG_ERR_IO;
    return NULL;
  }
  if (!validate(g)) {
    ng_gazetteer_free(g);
    *st = NG_ERR_DATA;
    return NULL;
  }
  *st = NG_SUCCESS;
  return g;
}

void
ng_gazetteer_free(NgGazetteer *g)
{
  if (!g) {
    return;
  }
  if (g->map) {
    munmap(g->map, g->size);
  }
  ng_free(g);
}

size_t
ng_gazetteer_size(const NgGazetteer *g)
{
  return g ? g->h->n_entries : 0;
}

NgGazEntry
ng_gazetteer_entry(const NgGazetteer *g, uint32_t i)
{
  NgGazEntry out = {"", NG_ENT_NONE, "", "", "", 0, 0};
  if (!g || i >= g->h->n_entries) {
    return out;
  }
  const GazEntryRec *e = &g->entries[i];
  out.qid = g->pool + e->qid;
  out.type = (NgEntityType)e->type;
  out.label_en = g->pool + e->label_en;
  out.label_fr = g->pool + e->label_fr;
  out.country = g->pool + e->country;
  out.prior = e->prior;
  out.since = e->since;
  return out;
}

const char *
ng_gazetteer_entry_country(const NgGazEntry *e)
{
  return e->type == NG_ENT_COUNTRY ? e->qid : e->country;
}

int32_t
ng_gazetteer_find_qid(const NgGazetteer *g, const char *qid)
{
  if (!g || !qid) {
    return -1;
  }
  size_t lo = 0, hi = g->h->n_entries;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = qid_cmp(g->pool + g->entries[mid].qid, qid);
    if (c == 0) {
      return (int32_t)mid;
    }
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return -1;
}

/* The labels whose key starts with token @p w (the whole first token),
 * through the index; false when none does. */
static bool
first_token_range(const NgGazetteer *g, const char *w, size_t wl, size_t *lo,
                  size_t *hi)
{
  size_t mask = g->h->n_buckets - 1;
  size_t j = (size_t)ng_hash64(w, wl, 0) & mask;
  for (size_t probes = 0; probes <= mask; probes++, j = (j + 1) & mask) {
    const GazBucket *b = &g->index[j];
    if (!b->key) {
      return false;
    }
    if (strncmp(g->pool + b->key, w, wl) == 0 && !g->pool[b->key + wl]) {
      *lo = b->lo;
      *hi = b->hi;
      return true;
    }
  }
  return false;
}

/* First label in [lo, hi) whose key is > @p key. */
static size_t
upper_bound(const NgGazetteer *g, const char *key, size_t lo, size_t hi)
{
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(g->pool + g->labels[mid].key, key) <= 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/* First label in [lo, hi) whose key is >= @p key. */
static size_t
lower_bound(const NgGazetteer *g, const char *key, size_t lo, size_t hi)
{
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(g->pool + g->labels[mid].key, key) < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/* Whether the letters of text[b0, b1) agree with @p form's as @p flags
 * ask: GAZ_EXACT_CASE, the same upper/lower pattern ("Nice" vs "nice",
 * "AU" vs "Au"); GAZ_EXACT_MARKS, the same letters but for case ("Ísland"
 * vs "Island"). The folds are already known to be equal. */
static bool
same_letters(const char *text, size_t b0, size_t b1, const char *form,
             uint8_t flags)
{
  size_t i = b0, j = 0, fn = strlen(form);
  for (;;) {
    uint32_t a = 0, b = 0;
    bool ha = false, hb = false;
    while (i < b1 && !ha) {
      size_t len;
      a = ng_utf8_decode(text + i, b1 - i, &len);
      i += len;
      ha = ng_cp_is_letter(a);
    }
    while (j < fn && !hb) {
      size_t len;
      b = ng_utf8_decode(form + j, fn - j, &len);
      j += len;
      hb = ng_cp_is_letter(b);
    }
    if (!ha || !hb) {
      return ha == hb;
    }
    if ((flags & GAZ_EXACT_CASE) && ng_cp_is_upper(a) != ng_cp_is_upper(b)) {
      return false;
    }
    if ((flags & GAZ_EXACT_MARKS) && ng_cp_lower(a) != ng_cp_lower(b)) {
      return false;
    }
  }
}

size_t
ng_gazetteer_match_at(const NgGazetteer *g, const char *text,
                      const NgToken *toks, size_t n_toks, size_t t,
                      NgGazMatch *out, size_t max)
{
  if (!g || !toks || t >= n_toks || max == 0) {
    return 0;
  }
  char key[GAZ_MAX_KEY + 2];
  size_t klen = 0;
  size_t lo[GAZ_MAX_TOKENS], hi[GAZ_MAX_TOKENS];
  size_t n_len = 0;
  /* Extend the key one token at a time while some label continues it:
   * labels with a common prefix are contiguous in the sorted table. */
  size_t r_lo, r_hi;
  const char *w0 = toks[t].norm ? toks[t].norm : "";
  size_t l0 = strlen(w0);
  if (l0 > GAZ_MAX_KEY) {
    return 0;
  }
  key[key_words(w0, l0, key)] = '\0';
  if (!first_token_range(g, key, strcspn(key, " "), &r_lo, &r_hi)) {
    return 0; /* most tokens of a text start no name */
  }
  for (size_t k = t; k < n_toks && n_len < g->h->max_tokens; k++) {
    const char *w = toks[k].norm ? toks[k].norm : "";
    size_t wl = strlen(w);
    if (wl == 0 || klen + (k > t) + wl > GAZ_MAX_KEY) {
      break;
    }
    if (k > t) {
      key[klen++] = ' ';
    }
    klen += key_words(w, wl, key + klen);
    key[klen] = '\0';
    size_t a = lower_bound(g, key, r_lo, r_hi);
    size_t z = upper_bound(g, key, a, r_hi);
    lo[n_len] = a;
    hi[n_len] = z;
    n_len++;
    key[klen] = ' ';
    key[klen + 1] = '\0';
    size_t c = lower_bound(g, key, r_lo, r_hi);
    bool more = c < r_hi &&
                strncmp(g->pool + g->labels[c].key, key, klen + 1) == 0;
    key[klen] = '\0';
    if (!more) {
      break;
    }
  }
  size_t n_out = 0;
  bool lower = !(toks[t].flags & NG_TOK_CAP);
  for (size_t len = n_len; len > 0 && n_out < max; len--) {
    size_t t1 = t + len;
    size_t first = n_out;
    for (size_t i = lo[len - 1]; i < hi[len - 1] && n_out < max; i++) {
      const GazLabelRec *l = &g->labels[i];
      if (lower && needs_first_cap(l->flags, l->caps)) {
        break; /* so do all the labels after it with this key */
      }
      if ((l->flags & GAZ_NEED_CAP) && !(toks[t].flags & NG_TOK_CAP)) {
        continue;
      }
      bool caps_ok = true;
      for (size_t k = 0; k < len && caps_ok; k++) {
        caps_ok = !(l->caps & (1u << k)) || (toks[t + k].flags & NG_TOK_CAP);
      }
      if (!caps_ok) {
        continue;
      }
      if ((l->flags & GAZ_NOT_INITIAL) &&
          (toks[t].flags & (NG_TOK_SENT_START | NG_TOK_LINE_START))) {
        continue;
      }
      if ((l->flags & GAZ_AFTER_DEFINITE) &&
          (t == 0 || !(toks[t - 1].flags & NG_TOK_DEFINITE))) {
        continue;
      }
      /* Initials in a headline in capitals may spell a word ("CLAIR"). */
      if ((l->flags & GAZ_INITIALS) &&
          ((t > 0 && (toks[t - 1].flags & NG_TOK_UPPER)) ||
           (t1 < n_toks && (toks[t1].flags & NG_TOK_UPPER)))) {
        continue;
      }
      if ((l->flags & (GAZ_EXACT_CASE | GAZ_EXACT_MARKS)) &&
          (!text || !same_letters(text, toks[t].b0, toks[t1 - 1].b1,
                                  g->pool + l->form, l->flags))) {
        continue;
      }
      bool dup = false;
      for (size_t j = first; j < n_out && !dup; j++) {
        dup = out[j].entry == l->entry;
        /* The same entry by another label of this length: one hit, with
         * the kind that sorts first (a name before an acronym), and no
         * language when the labels have several ("Paris"). */
        if (dup && (int)l->kind < (int)out[j].kind) {
          out[j].kind = (NgLabelKind)l->kind;
        }
        if (dup && strcmp(out[j].lang, g->pool + l->lang) != 0) {
          out[j].lang = "";
        }
      }
      if (dup) {
        continue;
      }
      out[n_out++] = (NgGazMatch){(uint32_t)t, (uint32_t)t1, l->entry,
                                  (NgLabelKind)l->kind, g->pool + l->lang};
    }
    /* Hits of one length in entry (QID) order, whatever the order of
     * their labels in the table. */
    for (size_t i = first + 1; i < n_out; i++) {
      NgGazMatch m = out[i];
      size_t j = i;
      while (j > first && out[j - 1].entry > m.entry) {
        out[j] = out[j - 1];
        j--;
      }
      out[j] = m;
    }
  }
  return n_out;
}

size_t
ng_gazetteer_state_form(const NgGazetteer *g, const char *form, uint32_t *out,
                        size_t max)
{
  if (!g || !form || !*form || max == 0) {
    return 0;
  }
  NgBuf key;
  ng_buf_init(&key);
  state_form_key(form, &key);
  size_t lo, hi, n = 0;
  if (!key.failed && first_token_range(g, key.data, key.len, &lo, &hi)) {
    for (size_t i = lo; i < hi && n < max; i++) {
      const GazLabelRec *l = &g->labels[i];
      if (l->kind == NG_LABEL_STATE_FORM &&
          (n == 0 || out[n - 1] != l->entry)) {
        out[n++] = l->entry;
      }
    }
  }
  ng_buf_free(&key);
  return n;
}

size_t
ng_gazetteer_keep_existing(const NgGazetteer *g, int year, NgGazMatch *hits,
                           size_t n)
{
  if (!g || year == 0) {
    return n;
  }
  size_t kept = 0;
  for (size_t i = 0; i < n; i++) {
    int since = hits[i].entry < g->h->n_entries
                    ? g->entries[hits[i].entry].since
                    : 0;
    if (since == 0 || since <= year) {
      hits[kept++] = hits[i];
    }
  }
  return kept;
}

bool
ng_gazetteer_continues(const NgGazetteer *g, const NgToken *toks, size_t t0,
                       size_t t1)
{
  if (!g || !toks || t0 >= t1) {
    return false;
  }
  char key[GAZ_MAX_KEY + 2];
  size_t klen = 0;
  for (size_t k = t0; k < t1; k++) {
    const char *w = toks[k].norm ? toks[k].norm : "";
    size_t wl = strlen(w);
    if (wl == 0 || klen + (k > t0) + wl + 1 > GAZ_MAX_KEY) {
      return false;
    }
    if (k > t0) {
      key[klen++] = ' ';
    }
    klen += key_words(w, wl, key + klen);
  }
  key[klen] = '\0';
  size_t lo, hi;
  if (!first_token_range(g, key, strcspn(key, " "), &lo, &hi)) {
    return false;
  }
  key[klen] = ' ';
  key[klen + 1] = '\0';
  size_t c = lower_bound(g, key, lo, hi);
  return c < hi && strncmp(g->pool + g->labels[c].key, key, klen + 1) == 0;
}
