/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * `make bench`: the gazetteer at Wikidata scale. Not a test (nothing here
 * passes or fails on time); it prints figures:
 *
 *  1. a synthetic Wikidata JSON dump (gzip, one entity per line, as in
 *     latest-all.json.gz) of N items with three labels each (French,
 *     English, an alias), deterministic pseudo-random names of one to four
 *     words, is built through `gazetteer build`'s code path and written
 *     as a compiled gazetteer: build and write time, file size;
 *  2. load time of that file and of the shipped gazetteer (mapping and
 *     validating it);
 *  3. matching throughput over a synthetic text (one token in 50 starts a
 *     gazetteer name), and over the sample articles for the shipped
 *     gazetteer: a longest-match pass over every token, reported in
 *     tokens/s and relative to tokenising the same text (the reference
 *     run of the same process, so figures from different machines
 *     compare as ratios).
 *
 *   bench_gazetteer [ITEMS [KEEP.ngz]]
 *
 * (default 1000000 items = 3 million labels; KEEP.ngz keeps the synthetic
 * gazetteer there instead of removing it).
 *
 * Needs NEWSGRAPH_DATA_PATH (lexicons, the shipped gazetteer.ngz, the
 * class table) and NG_SRCDIR (the samples), as set by `make bench`.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "gazetteer_build.h"
#include "lexicon.h"

static double
now_s(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* xorshift64*: the same names on every machine. */
static uint64_t
rnd(uint64_t *s)
{
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  return *s * 2685821657736338717ull;
}

/* Syllables of made-up names, with accented letters as in real labels. */
static const char *const SYL[] = {
    "ba", "bel", "ca", "cor", "da", "dan", "é", "el", "fa", "fer", "ga",
    "gor", "ha", "i", "ja", "ka", "kar", "la", "len", "ma", "mar", "mé",
    "na", "nor", "o", "pa", "per", "ra", "ri", "ro", "sa", "sel", "ta",
    "tor", "u", "va", "vel", "za", "zé", "lu", "mon", "ste", "bra", "ün",
    "qu", "ix", "yo", "wa", "ça", "dri"};

/* One word of 1 to 4 syllables into @p b; capitalised when @p cap. */
static void
word(uint64_t *s, NgBuf *b, bool cap)
{
  int r = (int)(rnd(s) % 100);
  int n = r < 20 ? 1 : r < 65 ? 2 : r < 90 ? 3 : 4;
  size_t start = b->len;
  for (int i = 0; i < n; i++) {
    const char *syl = SYL[rnd(s) % (sizeof SYL / sizeof SYL[0])];
    ng_buf_puts(b, syl);
  }
  if (cap && b->len > start && !b->failed) {
    /* the first letter, accented ones too ("é" -> "É", same length) */
    size_t len;
    uint32_t cp = ng_utf8_decode(b->data + start, b->len - start, &len);
    char up[4];
    if (ng_utf8_encode(ng_cp_upper(cp), up) == len) {
      memcpy(b->data + start, up, len);
    }
  }
}

/* Name number @p i of kind @p k (0: fr, 1: en, 2: alias): 1 to 4 words,
 * most often 2, a lowercase particle now and then ("de", "of"). */
static void
name(uint64_t i, int k, NgBuf *b)
{
  uint64_t s = (i + 1) * 0x9E3779B97F4A7C15ull + (uint64_t)k * 7919u + 1;
  ng_buf_clear(b);
  int r = (int)(rnd(&s) % 100);
  int words = r < 30 ? 1 : r < 75 ? 2 : r < 93 ? 3 : 4;
  for (int w = 0; w < words; w++) {
    if (w) {
      ng_buf_putc(b, ' ');
      if (w == words - 1 && words > 2 && rnd(&s) % 3 == 0) {
        ng_buf_puts(b, k == 1 ? "of " : "de ");
      }
    }
    word(&s, b, true);
  }
  if (k == 2 && rnd(&s) % 4 == 0) {
    /* An acronym alias. */
    ng_buf_clear(b);
    int n = 2 + (int)(rnd(&s) % 4);
    for (int j = 0; j < n; j++) {
      ng_buf_putc(b, (char)('A' + rnd(&s) % 26));
    }
  }
}

static const char *const CLASSES[] = {"Q5", "Q515", "Q6256", "Q327333",
                                      "Q43229"};

/* The synthetic dump: exactly the JSON dump's line format. Every other
 * item is an instance of a class that is not in the table (a made-up
 * number), as most items of a real dump are: those lines are skipped
 * unparsed. Returns the uncompressed size. */
static uint64_t
write_dump(const char *path, uint64_t items)
{
  uint64_t bytes = 0;
  gzFile z = gzopen(path, "wb1");
  if (!z) {
    fprintf(stderr, "bench: cannot write %s\n", path);
    exit(1);
  }
  NgBuf line, fr, en, al;
  ng_buf_init(&line);
  ng_buf_init(&fr);
  ng_buf_init(&en);
  ng_buf_init(&al);
  gzputs(z, "[\n");
  for (uint64_t j = 0; j < 2 * items; j++) {
    uint64_t i = j % 2 ? items + j / 2 : j / 2; /* kept items: 0..items-1 */
    name(i, 0, &fr);
    name(i, 1, &en);
    name(i, 2, &al);
    char other[24];
    snprintf(other, sizeof other, "Q%u", 900000000u + (unsigned)(j % 7));
    const char *cls = j % 2 ? other : CLASSES[i % 5];
    uint64_t q = 1000000 + j;
    ng_buf_clear(&line);
    ng_buf_printf(
        &line,
        "{\"type\":\"item\",\"id\":\"Q%llu\",\"labels\":{\"fr\":{"
        "\"language\":\"fr\",\"value\":\"%s\"},\"en\":{\"language\":\"en\","
        "\"value\":\"%s\"}},\"descriptions\":{},\"aliases\":{\"en\":[{"
        "\"language\":\"en\",\"value\":\"%s\"}]},\"claims\":{\"P31\":[{"
        "\"mainsnak\":{\"snaktype\":\"value\",\"property\":\"P31\","
        "\"datavalue\":{\"value\":{\"entity-type\":\"item\",\"numeric-id\":"
        "%s,\"id\":\"%s\"},\"type\":\"wikibase-entityid\"},\"datatype\":"
        "\"wikibase-item\"},\"type\":\"statement\",\"id\":\"Q%llu$1\","
        "\"rank\":\"normal\"}]},\"sitelinks\":{\"frwiki\":{\"site\":"
        "\"frwiki\",\"title\":\"%s\",\"badges\":[]}}}%s\n",
        (unsigned long long)q, fr.data, en.data, al.data, cls + 1, cls,
        (unsigned long long)q, fr.data, j + 1 < 2 * items ? "," : "");
    gzwrite(z, line.data, (unsigned)line.len);
    bytes += line.len;
  }
  gzputs(z, "]\n");
  gzclose(z);
  ng_buf_free(&line);
  ng_buf_free(&fr);
  ng_buf_free(&en);
  ng_buf_free(&al);
  return bytes;
}

/* Text of about @p bytes: lowercase filler words, and every 50th token a
 * gazetteer name (of the first @p items) or an unknown capitalised one. */
static void
synthetic_text(uint64_t items, size_t bytes, NgBuf *out)
{
  uint64_t s = 42;
  NgBuf nm;
  ng_buf_init(&nm);
  size_t tok = 0;
  while (out->len < bytes) {
    if (tok % 50 == 49) {
      if (rnd(&s) % 2) {
        name(rnd(&s) % items, (int)(rnd(&s) % 2), &nm);
        ng_buf_puts(out, nm.data);
      } else {
        word(&s, out, true);
      }
    } else {
      word(&s, out, false);
    }
    tok++;
    ng_buf_puts(out, tok % 20 == 19 ? ". " : " ");
  }
  ng_buf_free(&nm);
}

typedef struct {
  double tok_s, match_s;
  size_t tokens, hits;
} MatchRun;

/* Tokenise @p text, then a longest-match pass over the tokens; best of
 * three runs each. */
static MatchRun
match_run(const NgGazetteer *g, const NgLexicon *lex, const NgBuf *text)
{
  MatchRun r = {1e9, 1e9, 0, 0};
  NgArena *arena = ng_arena_new(1 << 20);
  for (int rep = 0; rep < 3; rep++) {
    ng_arena_reset(arena);
    NgToken *toks = NULL;
    size_t n = 0;
    double t0 = now_s();
    if (ng_tokenize(text->data, text->len, lex, arena, &toks, &n) !=
        NG_SUCCESS) {
      fprintf(stderr, "bench: tokenize failed\n");
      exit(1);
    }
    double t1 = now_s();
    size_t hits = 0;
    NgGazMatch m[16];
    for (size_t t = 0; t < n;) {
      size_t k = ng_gazetteer_match_at(g, text->data, toks, n, t, m, 16);
      if (k) {
        hits++;
        t = m[0].t1; /* longest first: go on after it */
      } else {
        t++;
      }
    }
    double t2 = now_s();
    if (t1 - t0 < r.tok_s) {
      r.tok_s = t1 - t0;
    }
    if (t2 - t1 < r.match_s) {
      r.match_s = t2 - t1;
    }
    r.tokens = n;
    r.hits = hits;
  }
  ng_arena_free(arena);
  return r;
}

static void
report_match(const char *what, const MatchRun *r, size_t bytes)
{
  printf("  match %-10s %zu tokens (%.1f MB), %zu hits: tokenise %.3f s "
         "(%.2f M tokens/s), match %.3f s (%.2f M tokens/s, %.1f MB/s), "
         "match/tokenise time %.2f\n",
         what, r->tokens, (double)bytes / 1e6, r->hits, r->tok_s,
         (double)r->tokens / r->tok_s / 1e6, r->match_s,
         (double)r->tokens / r->match_s / 1e6,
         (double)bytes / r->match_s / 1e6, r->match_s / r->tok_s);
}

static double
load_time(const char *path, NgGazetteer **keep)
{
  double best = 1e9;
  for (int i = 0; i < 5; i++) {
    NgStatus st;
    double t0 = now_s();
    NgGazetteer *g = ng_gazetteer_open(path, &st);
    double t1 = now_s();
    if (!g) {
      fprintf(stderr, "bench: cannot open %s: %s\n", path, ng_strerror(st));
      exit(1);
    }
    if (t1 - t0 < best) {
      best = t1 - t0;
    }
    if (i == 4) {
      *keep = g;
    } else {
      ng_gazetteer_free(g);
    }
  }
  return best;
}

static long
file_size(const char *path)
{
  struct stat sb;
  return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

int
main(int argc, char **argv)
{
  uint64_t items = argc > 1 ? strtoull(argv[1], NULL, 10) : 1000000;
  if (items == 0) {
    items = 1000000;
  }
  NgStatus st;
  NgLexicon *lex = ng_lexicon_load_default(NULL, NULL, &st);
  char *classes_path = ng_data_find(NULL, "gazetteer/build-classes.tsv");
  char *shipped = ng_data_find(NULL, "gazetteer.ngz");
  if (!lex || !classes_path || !shipped) {
    fprintf(stderr, "bench: set NEWSGRAPH_DATA_PATH (lexicons, "
                    "gazetteer.ngz, gazetteer/build-classes.tsv)\n");
    return 1;
  }
  char dir[] = "bench_gazetteer.XXXXXX";
  if (!mkdtemp(dir)) {
    return 1;
  }
  char dump[64], out[64];
  snprintf(dump, sizeof dump, "%s/dump.json.gz", dir);
  snprintf(out, sizeof out, "%s/synthetic.ngz", dir);

  printf("gazetteer benchmark: %llu synthetic items (%llu labels)\n",
         (unsigned long long)items, (unsigned long long)items * 3);
  double t0 = now_s();
  uint64_t dump_bytes = write_dump(dump, items);
  double t1 = now_s();
  printf("  dump       %llu items (half of them of other classes), %.1f s to "
         "write, %.0f MB JSON, %.1f MB gzip\n",
         (unsigned long long)items * 2, t1 - t0, (double)dump_bytes / 1e6,
         (double)file_size(dump) / 1e6);

  NgGazClasses *classes = ng_gaz_classes_new();
  if (ng_gaz_classes_load(classes, classes_path, NULL) != NG_SUCCESS) {
    return 1;
  }
  NgGazBuilder *b = ng_gaz_builder_new(lex);
  static const char *const langs[] = {"fr", "en"};
  NgGazBuildOptions o = {NG_DUMP_AUTO, langs, 2, classes, 0, NULL};
  NgGazBuildStats stats;
  t0 = now_s();
  st = ng_gaz_build_from_dump(b, dump, &o, &stats, NULL);
  t1 = now_s();
  if (st != NG_SUCCESS) {
    fprintf(stderr, "bench: build failed: %s\n", ng_strerror(st));
    return 1;
  }
  st = ng_gaz_builder_write(b, out);
  double t2 = now_s();
  /* The same dump with a class that no item has: the rate at which lines
   * that name no class are skipped, which sets the pace on a real dump. */
  NgGazClasses *none = ng_gaz_classes_new();
  NgGazBuilder *nb = ng_gaz_builder_new(lex);
  if (!none || !nb ||
      ng_gaz_classes_add(none, "Q900000099", NG_ENT_PLACE) != NG_SUCCESS) {
    return 1;
  }
  NgGazBuildOptions no = {NG_DUMP_AUTO, langs, 2, none, 0, NULL};
  NgGazBuildStats nstats;
  double t3 = now_s();
  if (ng_gaz_build_from_dump(nb, dump, &no, &nstats, NULL) != NG_SUCCESS) {
    return 1;
  }
  double t4 = now_s();
  ng_gaz_builder_free(nb);
  ng_gaz_classes_free(none);
  if (st != NG_SUCCESS) {
    fprintf(stderr, "bench: write failed: %s\n", ng_strerror(st));
    return 1;
  }
  ng_gaz_builder_free(b);
  remove(dump);
  printf("  build      %.1f s (%llu items read, %llu kept, %llu labels; "
         "%.0f items/s, %.1f MB/s of JSON), write %.1f s\n",
         t1 - t0, (unsigned long long)stats.items,
         (unsigned long long)stats.kept, (unsigned long long)stats.labels,
         (double)stats.items / (t1 - t0), (double)dump_bytes / 1e6 / (t1 - t0),
         t2 - t1);
  printf("  scan       %.1f s for the same dump keeping nothing (%.0f MB/s of "
         "JSON, gzip included)\n",
         t4 - t3, (double)dump_bytes / 1e6 / (t4 - t3));
  printf("  file       %.1f MB (%.0f bytes per label)\n",
         (double)file_size(out) / 1e6,
         (double)file_size(out) / (double)stats.labels);

  NgGazetteer *syn = NULL, *ship = NULL;
  double ls = load_time(out, &syn);
  double lh = load_time(shipped, &ship);
  printf("  load       synthetic %.1f ms (%zu entries), shipped %.2f ms "
         "(%zu entries, %.1f MB)\n",
         ls * 1e3, ng_gazetteer_size(syn), lh * 1e3, ng_gazetteer_size(ship),
         (double)file_size(shipped) / 1e6);

  NgBuf text;
  ng_buf_init(&text);
  synthetic_text(items, 4000000, &text);
  MatchRun r = match_run(syn, lex, &text);
  report_match("synthetic", &r, text.len);

  /* The shipped gazetteer over real news text: the sample articles,
   * repeated to about 4 MB. */
  const char *root = getenv("NG_SRCDIR");
  NgBuf p;
  ng_buf_init(&p);
  ng_buf_printf(&p, "%s/samples/interpol-mena-lyon.fr.txt",
                root && *root ? root : ".");
  char *sample = NULL;
  size_t slen = 0;
  if (ng_read_file(p.data, &sample, &slen) == NG_SUCCESS && slen) {
    NgBuf news;
    ng_buf_init(&news);
    while (news.len < 4000000) {
      ng_buf_append(&news, sample, slen);
      ng_buf_putc(&news, '\n');
    }
    r = match_run(ship, lex, &news);
    report_match("shipped", &r, news.len);
    r = match_run(syn, lex, &news);
    report_match("syn/news", &r, news.len);
    ng_buf_free(&news);
  }
  ng_free(sample);
  ng_buf_free(&p);
  ng_buf_free(&text);
  ng_gazetteer_free(syn);
  ng_gazetteer_free(ship);
  if (argc > 2 && rename(out, argv[2]) != 0) {
    fprintf(stderr, "bench: cannot keep %s\n", argv[2]);
  }
  remove(out);
  rmdir(dir);
  ng_gaz_classes_free(classes);
  ng_lexicon_free(lex);
  ng_free(classes_path);
  ng_free(shipped);
  return 0;
}
