/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * dates (part of recognise): date expressions in French and English,
 * resolved against the document's publication date.
 *
 * Recognised (the words come from the lexicon classes "month", "weekday",
 * "date_past" ("dernier", "last"), "date_next" ("prochain", "next"),
 * "date_range_from"/"date_range_to" ("du"/"au", "from"/"to"/"until"),
 * "date_and" ("et", "and")):
 *   3 septembre 2025, le 3 septembre, September 3, 2025, 3 September,
 *   du 3 au 4 septembre, les 3 et 4 septembre, 3-4 September,
 *   September 3-4, from 3 to 4 September, en septembre 2025, en mai
 *   dernier, last May, in May, en 2025, in 2025, mardi / on Tuesday,
 *   2025-09-03, 03/09/2025 (day first in French, month first in English).
 * A date without a year takes the publication year, moved back a year
 * when that would put a past-tense ("dernier", "last") date after
 * publication. Weekdays resolve to the latest such day on or before the
 * publication date. Without a publication date, dates lacking a year are
 * not resolved (and not reported).
 */
#ifndef NG_DATES_H
#define NG_DATES_H

#include "common.h"
#include "lexicon.h"
#include "segment.h"

typedef struct {
  uint32_t t0, t1; /* token range of the whole expression */
  NgDate start;
  NgDate end;      /* equals start for a single date */
} NgDateMention;

/* Find the date expressions among tokens [t0, t1) (one sentence), longest
 * first and not overlapping. @p lang is "fr", "en" or NULL (both).
 * Results are appended to *out (array of *n, capacity *cap, ng_malloc'd;
 * ng_free when done). */
NgStatus ng_dates_find(const NgToken *toks, size_t t0, size_t t1,
                       const NgLexicon *lex, const char *lang,
                       const NgDate *pub, NgDateMention **out, size_t *n,
                       size_t *cap);

/* Days in month (1-12) of year; 0 for a bad month. */
int ng_date_days_in_month(int year, int month);
/* Compare by (year, month, day), missing parts as 0. */
int ng_date_cmp(const NgDate *a, const NgDate *b);
/* The year of @p d, or 0 when it has no date (NG_DATE_NONE). */
int ng_date_year(const NgDate *d);

#endif
