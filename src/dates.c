/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * dates (part of recognise): date expressions in token streams, resolved
 * against the publication date, and the xsd lexical forms of NgDate.
 *
 * Every word comes from the lexicon (ontology/lexicon/<lang>-dates.tsv);
 * this file only knows the shapes of date expressions. Each matcher below
 * tries one shape at one token and returns the end of what it matched (0
 * when nothing), already resolved to dates; ng_dates_find keeps, for each
 * start token, the longest match, then picks the longest matches first
 * without overlap.
 *
 * Span conventions (NgDateMention.t0/t1):
 *   - words that merely introduce a date ("en", "in", "le", "les", "on",
 *     "depuis", "since": lexicon class date_in) are never in the span, even
 *     when they are what licenses a bare month or year: "en mai" -> "mai",
 *     "en 2025" -> "2025";
 *   - range openers (date_range_from: "du", "entre", "from", "between") are
 *     in the span when a range follows, since without them "au 4" has no
 *     start: "du 3 au 4 septembre", "from 3 to 5 September";
 *   - modifiers are in the span: "mai dernier", "last May", "mardi
 *     prochain", "le 3 septembre dernier" -> "3 septembre dernier";
 *   - a weekday (and its comma) right before a day-month is in the span:
 *     "mardi 3 septembre", "Tuesday, September 3, 2025";
 *   - a year, and the comma before it in the month-first order, is in the
 *     span: "September 3, 2025".
 *
 * Years without a number: see resolve_year().
 */
#include "dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A bare 4-digit number is read as a year only in this range (and only
 * next to a month or after a word of class date_in), so that "1500
 * policiers" or "en 1500 exemplaires" stay numbers. */
#define NG_YEAR_MIN 1800
#define NG_YEAR_MAX 2100

/* Longest multiword phrase looked up in the lexicon, in tokens. */
#define NG_PHRASE_MAX 6

/* How a date without its year is placed around the publication date. */
typedef enum {
  NG_PLACE_NEAREST, /* no modifier: the nearest such date */
  NG_PLACE_PAST,    /* "dernier", "last": strictly before publication */
  NG_PLACE_NEXT     /* "prochain", "next": strictly after publication */
} NgPlace;

typedef struct {
  const NgToken *toks;
  size_t t0, t1; /* the sentence */
  const NgLexicon *lex;
  const char *lang;
  const NgDate *pub;         /* NULL when unknown */
  bool day_month, month_day; /* "3 septembre" / "September 3" */
  bool dmy, mdy;             /* numeric orders */
} Ctx;

/* ---- calendar ---- */

static bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int ng_date_days_in_month(int year, int month) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && is_leap(year)) return 29;
  return days[month - 1];
}

int ng_date_year(const NgDate *d) {
  return d->prec != NG_DATE_NONE ? d->year : 0;
}

int ng_date_cmp(const NgDate *a, const NgDate *b) {
  if (a == b) return 0;
  if (!a) return -1;
  if (!b) return 1;
  if (a->year != b->year) return a->year < b->year ? -1 : 1;
  if (a->month != b->month) return a->month < b->month ? -1 : 1;
  if (a->day != b->day) return a->day < b->day ? -1 : 1;
  return 0;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil); exact for any year an int holds comfortably. */
static long days_from_civil(int y, int m, int d) {
  long yy = (long)y - (m <= 2);
  long era = (yy >= 0 ? yy : yy - 399) / 400;
  long yoe = yy - era * 400;
  long mp = (m + 9) % 12;
  long doy = (153 * mp + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* 1 = Monday .. 7 = Sunday; 1970-01-01 was a Thursday. */
static int weekday_of(long days) {
  long w = (days + 3) % 7;
  if (w < 0) w += 7;
  return (int)w + 1;
}

static NgDate make_day(int y, int m, int d) {
  NgDate r = {y, m, d, NG_DATE_DAY};
  return r;
}

static NgDate make_month(int y, int m) {
  NgDate r = {y, m, 0, NG_DATE_MONTH};
  return r;
}

static NgDate make_year(int y) {
  NgDate r = {y, 0, 0, NG_DATE_YEAR};
  return r;
}

static NgDate date_from_days(long days) {
  int y, m, d;
  civil_from_days(days, &y, &m, &d);
  return make_day(y, m, d);
}

static bool valid_day(int y, int m, int d) {
  return d >= 1 && d <= ng_date_days_in_month(y, m);
}

/* ---- ng_date_parse / ng_date_format ---- */

static bool digits(const char *s, size_t n, int *out) {
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

/* The time part of an ISO date-time after its 'T': hh:mm[:ss[.fff]] and an
 * optional zone (Z or +hh:mm / -hh:mm / +hhmm). Checked so that junk after
 * a date is not mistaken for a time. */
static bool iso_time(const char *s) {
  int h, mi, sec;
  if (!digits(s, 2, &h) || s[2] != ':' || !digits(s + 3, 2, &mi) || h > 24 ||
      mi > 59)
    return false;
  s += 5;
  if (*s == ':') {
    if (!digits(s + 1, 2, &sec) || sec > 60) return false;
    s += 3;
    if (*s == '.' || *s == ',') {
      s++;
      if (*s < '0' || *s > '9') return false;
      while (*s >= '0' && *s <= '9') s++;
    }
  }
  if (*s == 'Z') return s[1] == '\0';
  if (*s == '+' || *s == '-') {
    int zh, zm;
    s++;
    if (!digits(s, 2, &zh) || zh > 14) return false;
    s += 2;
    if (*s == ':') s++;
    if (!digits(s, 2, &zm) || zm > 59) return false;
    return s[2] == '\0';
  }
  return *s == '\0';
}

NgStatus ng_date_parse(const char *s, NgDate *out) {
  if (!s || !out) return NG_ERR_ARG;
  NgDate d = {0, 0, 0, NG_DATE_NONE};
  if (!digits(s, 4, &d.year) || d.year == 0) return NG_ERR_SYNTAX;
  d.prec = NG_DATE_YEAR;
  const char *p = s + 4;
  if (*p == '-') {
    if (!digits(p + 1, 2, &d.month) || d.month < 1 || d.month > 12)
      return NG_ERR_SYNTAX;
    d.prec = NG_DATE_MONTH;
    p += 3;
    if (*p == '-') {
      if (!digits(p + 1, 2, &d.day) || !valid_day(d.year, d.month, d.day))
        return NG_ERR_SYNTAX;
      d.prec = NG_DATE_DAY;
      p += 3;
      if (*p == 'T' && iso_time(p + 1)) p += strlen(p);
    }
  }
  if (*p != '\0') return NG_ERR_SYNTAX;
  *out = d;
  return NG_SUCCESS;
}

/* Returns NULL (buf unchanged beyond its first byte) when the date's parts
 * do not agree with its precision, so a bad date never reaches RDF. */
const char *ng_date_format(const NgDate *d, char *buf, size_t size) {
  if (!buf || size == 0) return NULL;
  buf[0] = '\0';
  if (!d || d->year < 0 || d->year > 9999) return NULL;
  int n = -1;
  switch (d->prec) {
  case NG_DATE_NONE:
    return NULL;
  case NG_DATE_YEAR:
    n = snprintf(buf, size, "%04d", d->year);
    break;
  case NG_DATE_MONTH:
    if (d->month < 1 || d->month > 12) return NULL;
    n = snprintf(buf, size, "%04d-%02d", d->year, d->month);
    break;
  case NG_DATE_DAY:
    if (!valid_day(d->year, d->month, d->day)) return NULL;
    n = snprintf(buf, size, "%04d-%02d-%02d", d->year, d->month, d->day);
    break;
  }
  if (n < 0 || (size_t)n >= size) {
    buf[0] = '\0';
    return NULL;
  }
  return buf;
}

/* ---- tokens ---- */

static bool parse_int(const char *s, int *out) {
  int sign = 1, v = 0;
  if (*s == '+' || *s == '-') sign = *s++ == '-' ? -1 : 1;
  if (!*s) return false;
  for (; *s; s++) {
    if (*s < '0' || *s > '9' || v > 100000) return false;
    v = v * 10 + (*s - '0');
  }
  *out = sign * v;
  return true;
}

static const NgToken *tok(const Ctx *c, size_t i) {
  return i < c->t1 ? &c->toks[i] : NULL;
}

static bool tok_is(const Ctx *c, size_t i, const char *s) {
  const NgToken *t = tok(c, i);
  return t && t->norm && strcmp(t->norm, s) == 0;
}

static bool tok_space_before(const Ctx *c, size_t i) {
  return (c->toks[i].flags & NG_TOK_SPACE_BEFORE) != 0;
}

/* Lexicon lookup of token i in class cls. An abbreviation's final dot may
 * have been kept in the token ("sept."), so it is tried without it too. */
static const NgLexEntry *tok_class(const Ctx *c, size_t i, const char *cls) {
  const NgToken *t = tok(c, i);
  if (!t || !t->norm || !*t->norm) return NULL;
  const NgLexEntry *e = ng_lexicon_get(c->lex, cls, t->norm, c->lang);
  if (e) return e;
  size_t n = strlen(t->norm);
  char buf[32];
  if (n < 2 || n >= sizeof buf || t->norm[n - 1] != '.') return NULL;
  memcpy(buf, t->norm, n - 1);
  buf[n - 1] = '\0';
  return ng_lexicon_get(c->lex, cls, buf, c->lang);
}

static bool tok_class_int(const Ctx *c, size_t i, const char *cls, int lo,
                          int hi, int *out) {
  const NgLexEntry *e = tok_class(c, i, cls);
  int v;
  if (!e || !parse_int(e->value, &v) || v < lo || v > hi) return false;
  *out = v;
  return true;
}

static bool tok_number(const Ctx *c, size_t i, size_t max_digits, int *out) {
  const NgToken *t = tok(c, i);
  if (!t || !(t->flags & NG_TOK_NUMBER) || !t->norm) return false;
  if (strlen(t->norm) > max_digits) return false;
  *out = t->num;
  return true;
}

/* A day of the month: "3", "03", "1er", "3rd". */
static bool tok_day(const Ctx *c, size_t i, int *d) {
  const NgToken *t = tok(c, i);
  if (!t) return false;
  int v;
  if (t->flags & NG_TOK_ORDINAL)
    v = t->num;
  else if (!tok_number(c, i, 2, &v))
    return false;
  if (v < 1 || v > 31) return false;
  *d = v;
  return true;
}

static bool tok_year(const Ctx *c, size_t i, int *y) {
  int v;
  const NgToken *t = tok(c, i);
  if (!t || !t->norm || strlen(t->norm) != 4 || !tok_number(c, i, 4, &v) ||
      v < NG_YEAR_MIN || v > NG_YEAR_MAX)
    return false;
  *y = v;
  return true;
}

/* Whether token i is in class cls in the language of entry e: with both
 * languages loaded, the English "dec" must not constrain the French
 * "déc". */
static bool same_lang_class(const Ctx *c, size_t i, const NgLexEntry *e,
                            const char *cls) {
  Ctx one = *c;
  one.lang = e->lang;
  return tok_class(&one, i, cls) != NULL;
}

/* A month name, then its abbreviation dot when that was left as a
 * separate token and a number follows. Returns the end, or 0. With
 * @p bare (no day or year next to it), abbreviations (class month_short:
 * "sept" is also the French seven) are refused. */
static size_t p_month_ex(const Ctx *c, size_t i, bool bare, int *m) {
  const NgLexEntry *e = tok_class(c, i, "month");
  if (!e || !parse_int(e->value, m) || *m < 1 || *m > 12) return 0;
  if (same_lang_class(c, i, e, "month_cap") && !(c->toks[i].flags & NG_TOK_CAP))
    return 0;
  if (bare && same_lang_class(c, i, e, "month_short")) return 0;
  if (tok_is(c, i + 1, ".") && !tok_space_before(c, i + 1) && tok(c, i + 2) &&
      (c->toks[i + 2].flags & NG_TOK_NUMBER))
    return i + 2;
  return i + 1;
}

static size_t p_month(const Ctx *c, size_t i, int *m) {
  return p_month_ex(c, i, false, m);
}

static bool tok_weekday(const Ctx *c, size_t i, int *w) {
  return tok_class_int(c, i, "weekday", 1, 7, w);
}

static bool tok_dash(const Ctx *c, size_t i) {
  const NgToken *t = tok(c, i);
  return t && (t->flags & NG_TOK_PUNCT) && tok_is(c, i, "-");
}

/* Whether token i licenses what follows: the previous token is of class
 * date_in with @p what ('m' or 'y') in its value. */
static bool licensed(const Ctx *c, size_t i, char what) {
  if (i <= c->t0) return false;
  const NgLexEntry *e = tok_class(c, i - 1, "date_in");
  return e && strchr(e->value, what) != NULL;
}

/* After a range opener or connector, an article may come first ("entre le
 * 3 et le 5", "between the 3rd and the 5th"). */
static size_t skip_article(const Ctx *c, size_t i) {
  const NgLexEntry *e = tok_class(c, i, "date_in");
  return e && !*e->value ? i + 1 : i;
}

/* A range connector between two days: a dash, "au"/"to", "et"/"and". */
static size_t p_conn(const Ctx *c, size_t i) {
  if (tok_dash(c, i) || tok_class(c, i, "date_range_to") ||
      tok_class(c, i, "date_and"))
    return skip_article(c, i + 1);
  return 0;
}

/* A modifier ("dernier", "next") at i; NG_PLACE_NEAREST when none. */
static NgPlace tok_place(const Ctx *c, size_t i) {
  if (tok_class(c, i, "date_past")) return NG_PLACE_PAST;
  if (tok_class(c, i, "date_next")) return NG_PLACE_NEXT;
  return NG_PLACE_NEAREST;
}

/* Phrase of class cls starting at i, matched token by token. */
static size_t p_phrase(const Ctx *c, size_t i, const char *cls, int *value) {
  const char *words[NG_PHRASE_MAX];
  size_t n = 0;
  while (n < NG_PHRASE_MAX && i + n < c->t1) {
    words[n] = c->toks[i + n].norm;
    n++;
  }
  if (n == 0) return 0;
  const NgLexEntry *e = NULL;
  size_t k = ng_lexicon_match_lang(c->lex, cls, c->lang, words, n, &e);
  if (k == 0 || !e || !parse_int(e->value, value))
    return 0;
  return i + k;
}

/* ---- resolution against the publication date ---- */

static bool pub_has(const Ctx *c, NgDatePrecision p) {
  return c->pub && c->pub->prec >= p && c->pub->year > 0;
}

/* The year of month m, day d (0 for a whole month) that has no year in the
 * text.
 *   - "dernier"/"last": the latest such date strictly before publication;
 *     "prochain"/"next": the first strictly after.
 *   - no modifier: the candidate year (publication year, one before, one
 *     after) that puts the date nearest to publication, ties going to the
 *     publication year. So "15 décembre" in a January article is last
 *     December, "10 janvier" in a late-December article is next January,
 *     and "en mai" in September is this May: news mostly refers to the
 *     recent past and the near future, and nothing is more than ~6 months
 *     away.
 * With a publication date known only to the year, only the unmodified
 * form is resolved (to that year). Without a modifier only years where the
 * day exists are candidates ("29 février" finds the nearest leap year);
 * with one, a day missing from the year it points to fails. */
static bool resolve_year(const Ctx *c, int m, int d, NgPlace place, int *year) {
  if (!pub_has(c, NG_DATE_YEAR)) return false;
  int py = c->pub->year;
  if (!pub_has(c, NG_DATE_MONTH)) {
    if (place != NG_PLACE_NEAREST) return false;
    *year = py;
    return d == 0 || valid_day(py, m, d);
  }
  int pm = c->pub->month;
  int pd = c->pub->prec >= NG_DATE_DAY ? c->pub->day : 0;
  /* A whole month compares by month alone: "mai dernier" on 20 May is
   * the May before. */
  int key = m * 32 + d, pkey = pm * 32 + (d ? pd : 0);
  int y = py;
  switch (place) {
  case NG_PLACE_PAST:
    y = key < pkey ? py : py - 1;
    break;
  case NG_PLACE_NEXT:
    y = key > pkey ? py : py + 1;
    break;
  case NG_PLACE_NEAREST: {
    static const int order[3] = {0, -1, 1};
    bool found = false;
    long best = 0;
    for (size_t k = 0; k < NG_COUNTOF(order); k++) {
      int cy = py + order[k];
      long dist;
      if (d == 0) {
        dist = (long)(cy - py) * 12 + (m - pm);
      } else {
        if (!valid_day(cy, m, d)) continue;
        dist = days_from_civil(cy, m, d) - days_from_civil(py, pm, pd ? pd : 1);
      }
      if (dist < 0) dist = -dist;
      if (!found || dist < best) {
        found = true;
        best = dist;
        y = cy;
      }
    }
    if (!found) return false;
    break;
  }
  }
  if (d != 0 && !valid_day(y, m, d)) return false;
  *year = y;
  return true;
}

/* A day range (d1/m1/y1 .. d2/m2/y2, years 0 when not written) resolved
 * into m. A range with a year on one side only takes it for both (the
 * start moving a year back when it would come after the end: "du 28
 * décembre au 3 janvier 2026"); with no year, the end is placed for "last"
 * and the start otherwise, the other side following it. */
static bool resolve_range(const Ctx *c, int d1, int m1, int y1, int d2, int m2,
                          int y2, NgPlace place, NgDateMention *out) {
  bool start_after_end = m1 * 32 + d1 > m2 * 32 + d2;
  if (y1 == 0 && y2 == 0) {
    if (place == NG_PLACE_PAST) {
      if (!resolve_year(c, m2, d2, place, &y2)) return false;
      y1 = start_after_end ? y2 - 1 : y2;
    } else {
      if (!resolve_year(c, m1, d1, place, &y1)) return false;
      y2 = start_after_end ? y1 + 1 : y1;
    }
  } else if (y1 == 0) {
    y1 = start_after_end ? y2 - 1 : y2;
  } else if (y2 == 0) {
    y2 = start_after_end ? y1 + 1 : y1;
  }
  if (!valid_day(y1, m1, d1) || !valid_day(y2, m2, d2)) return false;
  out->start = make_day(y1, m1, d1);
  out->end = make_day(y2, m2, d2);
  return ng_date_cmp(&out->start, &out->end) < 0;
}

static bool resolve_single(const Ctx *c, int d, int m, int y, NgPlace place,
                           NgDateMention *out) {
  if (y == 0 && !resolve_year(c, m, d, place, &y)) return false;
  if (!valid_day(y, m, d)) return false;
  out->start = out->end = make_day(y, m, d);
  return true;
}

/* ---- matchers: each returns the end of its match at i, or 0 ---- */

/* A day-month shape that cannot be resolved ("du 5 au 3 septembre", "31
 * septembre", or no publication date for "3 septembre") still claims its
 * tokens, so that no shorter piece of it ("3 septembre", "septembre
 * dernier") is reported instead. Marked by NG_DATE_NONE; never output. */
static size_t blocked(NgDateMention *out, size_t end) {
  memset(out, 0, sizeof *out);
  return end;
}

/* An optional year after a day-month: "3 septembre 2025", and in the
 * month-first order "September 3, 2025". */
static size_t p_year_tail(const Ctx *c, size_t i, bool comma, int *y) {
  *y = 0;
  if (tok_year(c, i, y)) return i + 1;
  if (comma && tok_is(c, i, ",") && tok_year(c, i + 1, y)) return i + 2;
  *y = 0;
  return i;
}

/* A modifier after a date without a year: "le 3 septembre dernier". */
static size_t p_place_tail(const Ctx *c, size_t i, bool has_year,
                           NgPlace *place) {
  *place = NG_PLACE_NEAREST;
  if (has_year) return i;
  *place = tok_place(c, i);
  return *place == NG_PLACE_NEAREST ? i : i + 1;
}

/* Day-first forms: "3 septembre [2025]", "du 3 au 4 septembre", "les 3
 * et 4 septembre", "3-4 September", "du 30 août au 2 septembre [2025]". */
static size_t m_day_month(const Ctx *c, size_t i, NgDateMention *out) {
  if (!c->day_month) return 0;
  size_t j = i;
  bool from = tok_class(c, j, "date_range_from") != NULL;
  if (from) j = skip_article(c, j + 1);
  int d1, m1, y1, d2, m2, y2;
  if (!tok_day(c, j, &d1)) return 0;
  j++;
  size_t k, e;
  NgPlace place;
  /* A list of days ending in "et"/"and" ("les 2, 3 et 4 septembre") is
   * read as the span from the first to the last. */
  size_t list = j;
  int dl = d1, dn;
  while (tok_is(c, list, ",") && tok_day(c, list + 1, &dn) && dn > dl) {
    dl = dn;
    list += 2;
  }
  if (list > j && tok_class(c, list, "date_and")) j = list;
  /* shared month: D1 CONN D2 MONTH [YEAR] */
  if ((k = p_conn(c, j)) && tok_day(c, k, &d2) &&
      (e = p_month(c, k + 1, &m1))) {
    e = p_year_tail(c, e, false, &y1);
    e = p_place_tail(c, e, y1 != 0, &place);
    if (d1 >= d2 || !resolve_range(c, d1, m1, y1, d2, m1, y1, place, out))
      return blocked(out, e);
    return e;
  }
  if (!(e = p_month(c, j, &m1))) return 0;
  e = p_year_tail(c, e, false, &y1);
  /* two day-months: D1 M1 [Y1] CONN D2 M2 [Y2] */
  if ((k = p_conn(c, e)) && tok_day(c, k, &d2) &&
      (k = p_month(c, k + 1, &m2))) {
    k = p_year_tail(c, k, false, &y2);
    k = p_place_tail(c, k, y1 || y2, &place);
    if (resolve_range(c, d1, m1, y1, d2, m2, y2, place, out)) return k;
    return blocked(out, k);
  }
  if (from) return 0; /* a single date: matched without the opener */
  e = p_place_tail(c, e, y1 != 0, &place);
  return resolve_single(c, d1, m1, y1, place, out) ? e : blocked(out, e);
}

/* Month-first forms: "September 3[, 2025]", "September 3-4, 2025",
 * "from August 30 to September 2". */
static size_t m_month_day(const Ctx *c, size_t i, NgDateMention *out) {
  if (!c->month_day) return 0;
  size_t j = i;
  bool from = tok_class(c, j, "date_range_from") != NULL;
  if (from) j = skip_article(c, j + 1);
  int d1, m1, y1, d2, m2, y2;
  size_t k, e;
  NgPlace place;
  if (!(j = p_month(c, j, &m1)) || !tok_day(c, j, &d1)) return 0;
  j++;
  /* shared month: M D1 CONN D2 [, YEAR] */
  if ((k = p_conn(c, j)) && tok_day(c, k, &d2) &&
      !tok_class(c, k + 1, "month")) {
    e = p_year_tail(c, k + 1, true, &y1);
    e = p_place_tail(c, e, y1 != 0, &place);
    if (d1 >= d2 || !resolve_range(c, d1, m1, y1, d2, m1, y1, place, out))
      return blocked(out, e);
    return e;
  }
  e = p_year_tail(c, j, true, &y1);
  /* M1 D1 [, Y1] CONN M2 D2 [, Y2] */
  if ((k = p_conn(c, e)) && (k = p_month(c, k, &m2)) && tok_day(c, k, &d2)) {
    k = p_year_tail(c, k + 1, true, &y2);
    k = p_place_tail(c, k, y1 || y2, &place);
    if (resolve_range(c, d1, m1, y1, d2, m2, y2, place, out)) return k;
    return blocked(out, k);
  }
  if (from) return 0;
  e = p_place_tail(c, e, y1 != 0, &place);
  return resolve_single(c, d1, m1, y1, place, out) ? e : blocked(out, e);
}

/* Numeric dates: "2025-09-03" always; "03/09/2025" day first or month first
 * as the language writes them (with both languages possible, only when the
 * two readings agree or one is impossible). No spaces inside. */
static size_t m_numeric(const Ctx *c, size_t i, NgDateMention *out) {
  int a, b, y;
  for (size_t k = i + 1; k < i + 5; k++)
    if (!tok(c, k) || tok_space_before(c, k)) return 0;
  if (tok_year(c, i, &y) && tok_dash(c, i + 1) && tok_dash(c, i + 3) &&
      tok_number(c, i + 2, 2, &a) && strlen(c->toks[i + 2].norm) == 2 &&
      tok_number(c, i + 4, 2, &b) && strlen(c->toks[i + 4].norm) == 2) {
    if (!valid_day(y, a, b)) return 0;
    out->start = out->end = make_day(y, a, b);
    return i + 5;
  }
  if (!tok_number(c, i, 2, &a) || !tok_is(c, i + 1, "/") ||
      !tok_number(c, i + 2, 2, &b) || !tok_is(c, i + 3, "/") ||
      !tok_year(c, i + 4, &y))
    return 0;
  bool dmy = c->dmy && valid_day(y, b, a);
  bool mdy = c->mdy && valid_day(y, a, b);
  if (dmy && mdy && a != b) return 0;
  if (dmy)
    out->start = make_day(y, b, a);
  else if (mdy)
    out->start = make_day(y, a, b);
  else
    return 0;
  out->end = out->start;
  return i + 5;
}

/* Month without a day: "septembre 2025", "mai dernier", "last May", "en
 * mai" (the "en" licensing it, outside the span). */
static size_t m_month(const Ctx *c, size_t i, NgDateMention *out) {
  int m, y;
  size_t e;
  NgPlace before = tok_place(c, i);
  if (before != NG_PLACE_NEAREST) {
    if (!(e = p_month_ex(c, i + 1, true, &m)) || tok_day(c, e, &y)) return 0;
    if (!resolve_year(c, m, 0, before, &y)) return 0;
    out->start = out->end = make_month(y, m);
    return e;
  }
  if (!(e = p_month(c, i, &m))) return 0;
  if (tok_year(c, e, &y)) {
    out->start = out->end = make_month(y, m);
    return e + 1;
  }
  if (!p_month_ex(c, i, true, &m)) return 0;
  NgPlace after = tok_place(c, e);
  if (after == NG_PLACE_NEAREST && !licensed(c, i, 'm')) return 0;
  if (!resolve_year(c, m, 0, after, &y)) return 0;
  out->start = out->end = make_month(y, m);
  return after == NG_PLACE_NEAREST ? e : e + 1;
}

/* A year after a licensing word ("en 2025", "in 2025"), or a range of
 * years after an opener ("entre 2020 et 2025", "from 2020 to 2025"). */
static size_t m_year(const Ctx *c, size_t i, NgDateMention *out) {
  int y1, y2;
  size_t k;
  if (tok_class(c, i, "date_range_from")) {
    if (tok_year(c, i + 1, &y1) && (k = p_conn(c, i + 2)) &&
        tok_year(c, k, &y2) && y1 < y2) {
      out->start = make_year(y1);
      out->end = make_year(y2);
      return k + 1;
    }
    return 0;
  }
  if (!licensed(c, i, 'y') || !tok_year(c, i, &y1)) return 0;
  out->start = out->end = make_year(y1);
  /* "en 2020-2025": a range the licensing word covers as a whole */
  if ((k = p_conn(c, i + 1)) && tok_year(c, k, &y2) && y1 < y2) {
    out->end = make_year(y2);
    return k + 1;
  }
  return i + 1;
}

/* "mardi", "on Tuesday", "mardi dernier", "next Tuesday": the latest such
 * day on or before publication; "dernier"/"last" strictly before,
 * "prochain"/"next" strictly after. */
static size_t m_weekday(const Ctx *c, size_t i, NgDateMention *out) {
  int w;
  size_t e;
  NgPlace place = tok_place(c, i);
  if (place != NG_PLACE_NEAREST) {
    if (!tok_weekday(c, i + 1, &w)) return 0;
    e = i + 2;
  } else {
    if (!tok_weekday(c, i, &w)) return 0;
    place = tok_place(c, i + 1);
    e = place == NG_PLACE_NEAREST ? i + 1 : i + 2;
  }
  if (!pub_has(c, NG_DATE_DAY)) return 0;
  long p = days_from_civil(c->pub->year, c->pub->month, c->pub->day);
  int pw = weekday_of(p);
  long delta;
  switch (place) {
  case NG_PLACE_NEAREST:
    delta = -(long)((pw - w + 7) % 7);
    break;
  case NG_PLACE_PAST:
    delta = -(long)((pw - w + 7) % 7);
    if (delta == 0) delta = -7;
    break;
  case NG_PLACE_NEXT:
    delta = (w - pw + 7) % 7;
    if (delta == 0) delta = 7;
    break;
  }
  out->start = out->end = date_from_days(p + delta);
  return e;
}

/* "hier", "aujourd'hui", "tomorrow"; "cette année", "last year". */
static size_t m_relative(const Ctx *c, size_t i, NgDateMention *out) {
  int v;
  size_t e;
  if ((e = p_phrase(c, i, "date_relative_day", &v))) {
    if (!pub_has(c, NG_DATE_DAY)) return 0;
    long p = days_from_civil(c->pub->year, c->pub->month, c->pub->day);
    out->start = out->end = date_from_days(p + v);
    return e;
  }
  if ((e = p_phrase(c, i, "date_relative_year", &v))) {
    if (!pub_has(c, NG_DATE_YEAR)) return 0;
    out->start = out->end = make_year(c->pub->year + v);
    return e;
  }
  return 0;
}

typedef size_t (*Matcher)(const Ctx *c, size_t i, NgDateMention *out);

/* The longest match starting at i, in *best; its end or 0. A weekday (and
 * a comma) may precede a day-month: "mardi 3 septembre". */
static size_t match_at(const Ctx *c, size_t i, NgDateMention *best) {
  static const Matcher all[] = {m_day_month, m_month_day, m_numeric, m_month,
                                m_year,      m_weekday,   m_relative};
  static const Matcher with_weekday[] = {m_day_month, m_month_day};
  size_t best_end = 0;
  NgDateMention m;
  for (size_t k = 0; k < NG_COUNTOF(all); k++) {
    memset(&m, 0, sizeof m);
    size_t e = all[k](c, i, &m);
    if (e > best_end ||
        (e && e == best_end && best->start.prec == NG_DATE_NONE &&
         m.start.prec != NG_DATE_NONE)) {
      best_end = e;
      *best = m;
    }
  }
  int w;
  if (tok_weekday(c, i, &w)) {
    size_t j = tok_is(c, i + 1, ",") ? i + 2 : i + 1;
    for (size_t k = 0; k < NG_COUNTOF(with_weekday); k++) {
      memset(&m, 0, sizeof m);
      size_t e = with_weekday[k](c, j, &m);
      if (e > best_end && m.start.prec != NG_DATE_NONE) {
        best_end = e;
        *best = m;
      }
    }
  }
  if (best_end) {
    best->t0 = (uint32_t)i;
    best->t1 = (uint32_t)best_end;
  }
  return best_end;
}

static int cmp_longest(const void *a, const void *b) {
  const NgDateMention *x = a, *y = b;
  uint32_t lx = x->t1 - x->t0, ly = y->t1 - y->t0;
  if (lx != ly) return lx > ly ? -1 : 1;
  return x->t0 < y->t0 ? -1 : x->t0 > y->t0;
}

static int cmp_position(const void *a, const void *b) {
  const NgDateMention *x = a, *y = b;
  return x->t0 < y->t0 ? -1 : x->t0 > y->t0;
}

static void lang_patterns(Ctx *c) {
  c->day_month = ng_lexicon_get(c->lex, "date_pattern", "day_month", c->lang);
  c->month_day = ng_lexicon_get(c->lex, "date_pattern", "month_day", c->lang);
  c->dmy = ng_lexicon_get(c->lex, "date_pattern", "dmy", c->lang);
  c->mdy = ng_lexicon_get(c->lex, "date_pattern", "mdy", c->lang);
}

NgStatus ng_dates_find(const NgToken *toks, size_t t0, size_t t1,
                       const NgLexicon *lex, const char *lang,
                       const NgDate *pub, NgDateMention **out, size_t *n,
                       size_t *cap) {
  if (!out || !n || !cap || (t1 > t0 && (!toks || !lex))) return NG_ERR_ARG;
  if (t1 <= t0) return NG_SUCCESS;
  if (t1 > UINT32_MAX) return NG_ERR_LIMIT;
  Ctx c = {toks, t0, t1, lex, lang, NULL, false, false, false, false};
  if (pub && pub->prec != NG_DATE_NONE) c.pub = pub;
  lang_patterns(&c);

  /* One candidate per start token, then the longest first, no overlap. */
  NgDateMention *cand = NULL;
  size_t n_cand = 0, cap_cand = 0;
  NgStatus st = NG_SUCCESS;
  for (size_t i = t0; i < t1; i++) {
    NgDateMention m;
    if (!match_at(&c, i, &m)) continue;
    if (!ng_grow((void **)&cand, &cap_cand, n_cand + 1, sizeof *cand)) {
      st = NG_ERR_NOMEM;
      goto done;
    }
    cand[n_cand++] = m;
  }
  if (n_cand == 0) goto done;
  qsort(cand, n_cand, sizeof *cand, cmp_longest);
  bool *used = ng_calloc(t1 - t0, sizeof *used);
  if (!used) {
    st = NG_ERR_NOMEM;
    goto done;
  }
  size_t kept = 0;
  for (size_t k = 0; k < n_cand; k++) {
    bool free_span = true;
    for (uint32_t t = cand[k].t0; t < cand[k].t1 && free_span; t++)
      free_span = !used[t - t0];
    if (!free_span) continue;
    for (uint32_t t = cand[k].t0; t < cand[k].t1; t++) used[t - t0] = true;
    if (cand[k].start.prec != NG_DATE_NONE) cand[kept++] = cand[k];
  }
  ng_free(used);
  if (kept == 0) goto done;
  qsort(cand, kept, sizeof *cand, cmp_position);
  if (!ng_grow((void **)out, cap, *n + kept, sizeof **out)) {
    st = NG_ERR_NOMEM;
    goto done;
  }
  memcpy(*out + *n, cand, kept * sizeof *cand);
  *n += kept;
done:
  ng_free(cand);
  return st;
}
