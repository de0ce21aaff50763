/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * newsgraph: the command-line tool.
 *
 *   newsgraph extract [OPTION]... [FILE|-]...
 *   newsgraph query [--store STORE | FILE...] [OPTION]... SPARQL
 *   newsgraph load --endpoint URL [OPTION]... [FILE|-]...
 *   newsgraph gazetteer compile -o OUT.ngz [OPTION]... TSV...
 *   newsgraph gazetteer build [-o OUT.ngz] [OPTION]... DUMP
 *
 * Data goes to standard output (or -o FILE), diagnostics to standard error
 * as "newsgraph: FILE:LINE:COL: LEVEL: MESSAGE". Exit codes: 0 ok, 1 data
 * or processing error, 2 usage error, 3 I/O error (3 wins over 1).
 *
 * The CLI never calls setlocale(): every number it prints or parses goes
 * through the C locale, so a French LC_NUMERIC cannot turn 0.5 into 0,5.
 */
#define _POSIX_C_SOURCE 200809L

#include "newsgraph.h"

#include "common.h"
#include "emit.h"
#include "gazetteer.h"
#include "gazetteer_build.h"
#include "lexicon.h"
#include "load.h"
#include "store.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef NG_PKGDATADIR
#  define NG_PKGDATADIR "/usr/local/share/newsgraph"
#endif

/* The documented exit codes (see EXIT STATUS in doc/newsgraph.1). */
enum {
  NG_EXIT_OK = 0,
  NG_EXIT_DATA = 1,
  NG_EXIT_USAGE = 2,
  NG_EXIT_IO = 3,
  /* Not an exit code: "option parsing done, go on and run". */
  NG_EXIT_CONTINUE = -1
};

static const char *const ng_prog = "newsgraph";

#define DEFAULT_MIN_LINK_CONFIDENCE 0.6
#define DEFAULT_MIN_LINK_CONFIDENCE_STR "0.6"

/* Long-only options take values past the char range. */
enum {
  OPT_DATE = 256,
  OPT_BASE,
  OPT_DATA_PATH,
  OPT_MIN_LINK_CONFIDENCE,
  OPT_STORE,
  OPT_RESULTS,
  /* The endpoint options of load and extract. */
  OPT_ENDPOINT,
  OPT_SPARQL_UPDATE,
  OPT_GRAPH,
  OPT_APPEND,
  OPT_USER,
  OPT_PASSWORD,
  OPT_PASSWORD_FILE,
  OPT_CACERT,
  OPT_INSECURE,
  OPT_TIMEOUT,
  OPT_RETRIES,
  OPT_RETRY_WAIT,
  OPT_BATCH_SIZE,
  OPT_FAILED,
  OPT_FROM_LIST,
  OPT_TSV,
  OPT_CLASSES,
  OPT_CLASS,
  OPT_MAX_PENDING
};

/* The environment variable that holds the endpoint password. */
#define PASSWORD_ENV "NEWSGRAPH_PASSWORD"

/* ------------------------------------------------------------------ */
/* Exit codes                                                          */

/* The more serious of two exit codes. The codes are numbered by
 * seriousness: an I/O failure (3) outranks a usage error (2, which only a
 * library NG_ERR_ARG can bring this late), a data error (1) and success. */
static int
exit_worse(int a, int b)
{
  return b > a ? b : a;
}

static int
exit_for_status(NgStatus st)
{
  switch (st) {
  case NG_SUCCESS:
  case NG_FAILURE:
    return NG_EXIT_OK;
  case NG_ERR_IO:
  case NG_ERR_NETWORK:
    return NG_EXIT_IO;
  case NG_ERR_ARG:
    return NG_EXIT_USAGE;
  case NG_ERR_NOMEM:
  case NG_ERR_ENCODING:
  case NG_ERR_SYNTAX:
  case NG_ERR_LIMIT:
  case NG_ERR_RDF:
  case NG_ERR_DATA:
    return NG_EXIT_DATA;
  }
  return NG_EXIT_DATA;
}

/* ------------------------------------------------------------------ */
/* Progress line and diagnostics                                       */

/* The progress line shown on a terminal during long runs. */
typedef struct {
  bool enabled; /* stderr is a terminal and not --quiet */
  bool shown;   /* a line is on the screen now */
  struct timespec start, last;
  size_t docs, triples;
  unsigned long long bytes;
} CliProgress;

/* The CLI's log sink state (the handle of cli_log). */
typedef struct {
  bool quiet;   /* drop warnings */
  bool verbose; /* show informational messages */
  size_t errors;
  CliProgress *progress; /* cleared before a message is printed, or NULL */
} CliLog;

static double
seconds_since(const struct timespec *t0)
{
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - t0->tv_sec) +
         (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

static void
progress_init(CliProgress *p, bool quiet)
{
  memset(p, 0, sizeof *p);
  p->enabled = !quiet && isatty(fileno(stderr));
  clock_gettime(CLOCK_MONOTONIC, &p->start);
  p->last = p->start;
}

static void
progress_clear(CliProgress *p)
{
  if (p && p->shown) {
    fputs("\r\033[K", stderr);
    p->shown = false;
  }
}

/* Count one document; redraw at most four times a second, and only once
 * the run has lasted a second, so short runs print nothing. */
static void
progress_update(CliProgress *p, size_t doc_bytes, size_t triples)
{
  p->docs++;
  p->bytes += doc_bytes;
  p->triples += triples;
  if (!p->enabled) {
    return;
  }
  double elapsed = seconds_since(&p->start);
  if (elapsed < 1.0 || seconds_since(&p->last) < 0.25) {
    return;
  }
  clock_gettime(CLOCK_MONOTONIC, &p->last);
  double mb = (double)p->bytes / 1e6;
  fprintf(stderr, "\r%s: %zu documents, %.1f MB (%.1f MB/s), %zu triples\033[K",
          ng_prog, p->docs, mb, mb / elapsed, p->triples);
  p->shown = true;
}

static const char *
level_name(NgLogLevel level)
{
  switch (level) {
  case NG_LOG_ERROR:
    return "error";
  case NG_LOG_WARNING:
    return "warning";
  case NG_LOG_INFO:
    return "info";
  }
  return "error";
}

/* Print "newsgraph: FILE[:LINE[:COL]]: LEVEL: MESSAGE". */
static void
print_diag(CliLog *log, NgLogLevel level, const char *file, unsigned line,
           unsigned col, const char *message)
{
  switch (level) {
  case NG_LOG_ERROR:
    log->errors++;
    break;
  case NG_LOG_WARNING:
    if (log->quiet) {
      return;
    }
    break;
  case NG_LOG_INFO:
    if (!log->verbose) {
      return;
    }
    break;
  }
  progress_clear(log->progress);
  fprintf(stderr, "%s: ", ng_prog);
  if (file && *file) {
    fputs(file, stderr);
    if (line) {
      fprintf(stderr, ":%u", line);
      if (col) {
        fprintf(stderr, ":%u", col);
      }
    }
    fputs(": ", stderr);
  }
  fprintf(stderr, "%s: %s\n", level_name(level), message ? message : "");
}

/* The NgLogFunc handed to the library. */
static void
cli_log(void *handle, const NgDiag *d)
{
  print_diag((CliLog *)handle, d->level, d->file, d->line, d->col,
             d->message);
}

/* A diagnostic of the CLI itself, about @p file (or NULL). */
static void cli_error(CliLog *log, const char *file, const char *fmt, ...)
    NG_PRINTF(3, 4);

static void
cli_error(CliLog *log, const char *file, const char *fmt, ...)
{
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  print_diag(log, NG_LOG_ERROR, file, 0, 0, msg);
}

/* A usage error: the message, the hint, exit code 2. */
static int usage_error(const char *fmt, ...) NG_PRINTF(1, 2);

static int
usage_error(const char *fmt, ...)
{
  va_list ap;
  fprintf(stderr, "%s: ", ng_prog);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\nTry '%s --help'.\n", ng_prog);
  return NG_EXIT_USAGE;
}

/* Explain why getopt_long returned '?' or ':' for argv[optind - 1]. */
static int
bad_option(int c, char **argv, const struct option *longopts)
{
  const char *arg = argv[optind - 1];
  if (c == ':') {
    return usage_error("option '%s' requires an argument", arg);
  }
  if (strncmp(arg, "--", 2) != 0) {
    return usage_error("unknown option '-%c'", optopt);
  }
  const char *name = arg + 2;
  size_t len = strcspn(name, "=");
  for (const struct option *o = longopts; o->name; o++) {
    if (strlen(o->name) == len && strncmp(o->name, name, len) == 0 &&
        o->has_arg == no_argument) {
      return usage_error("option '--%s' takes no argument", o->name);
    }
  }
  return usage_error("unknown or ambiguous option '%.*s'", (int)len + 2, arg);
}

/* ------------------------------------------------------------------ */
/* Help                                                                 */

static void
help_usage(FILE *f)
{
  fputs("Usage: newsgraph extract [OPTION]... [FILE|-]...\n"
        "       newsgraph query [--store STORE | FILE...] [OPTION]... "
        "SPARQL\n"
        "       newsgraph load --endpoint URL [OPTION]... [FILE|-]...\n"
        "       newsgraph gazetteer compile -o OUT.ngz [OPTION]... TSV...\n"
        "       newsgraph gazetteer build [-o OUT.ngz] [OPTION]... DUMP\n"
        "       newsgraph --help | --version\n",
        f);
}

static void
help_extract(FILE *f)
{
  fprintf(
      f,
      "\n"
      "newsgraph extract [OPTION]... [FILE|-]...\n"
      "  Read news documents from each FILE (no FILE, or '-': standard\n"
      "  input), find the people, organisations, places and events they\n"
      "  report, link them to Wikidata, and write one RDF graph for all of\n"
      "  them. A bad document is reported and skipped; the others are\n"
      "  processed. So is a document whose id (or file name) an earlier\n"
      "  one of the run has with another text.\n"
      "\n"
      "  -l, --lang=LANG          language of documents that do not declare\n"
      "                           one: fr, en (or any language added to\n"
      "                           lexicon/languages.tsv) or auto (default: auto)\n"
      "      --date=DATE          publication date of documents that do not\n"
      "                           declare one, YYYY, YYYY-MM or YYYY-MM-DD;\n"
      "                           \"3 septembre\" or \"last May\" are resolved\n"
      "                           against it, and nothing is linked to an\n"
      "                           entity that began later (a person born\n"
      "                           after it) (default: none)\n"
      "  -i, --input-format=FMT   auto, text, html, xml, rss or ndjson\n"
      "                           (default: auto)\n"
      "  -f, --format=FMT         turtle, ntriples, nquads, rdfxml, json or\n"
      "                           dot (default: turtle)\n"
      "  -o, --output=FILE        write to FILE instead of standard output; an\n"
      "                           incomplete FILE is removed (default: -)\n"
      "      --store=STORE        also add each document's graph to STORE,\n"
      "                           sqlite:PATH (a Redland sqlite database,\n"
      "                           created when missing), one named graph per\n"
      "                           document: runs accumulate, and extracting a\n"
      "                           document again replaces its facts. With\n"
      "                           --store, RDF is written only when -o or -f\n"
      "                           is given (-o - for standard output)\n"
      "      --endpoint=URL       also send each document's graph to the\n"
      "                           SPARQL store at URL (its Graph Store\n"
      "                           endpoint), replacing it; --sparql-update,\n"
      "                           --user and the other options of load\n"
      "                           apply (see newsgraph load --help). With\n"
      "                           --endpoint, RDF is written only when -o or\n"
      "                           -f is given\n"
      "      --base=IRI           base of every minted IRI\n"
      "                           (default: %s)\n"
      "      --data-path=DIRS     colon-separated directories searched for the\n"
      "                           gazetteer, rules and lexicons, before\n"
      "                           %s\n"
      "                           (default: $NEWSGRAPH_DATA_PATH)\n"
      "      --min-link-confidence=X\n"
      "                           keep a Wikidata link only when its\n"
      "                           confidence is at least X, from 0 to 1:\n"
      "                           0.9 one entry has the name, 0.8 one\n"
      "                           clearly outranks the others or the text\n"
      "                           around picks it (a list, a region after\n"
      "                           a town, a parent body, a post before a\n"
      "                           person), 0.85 the\n"
      "                           document's countries decide or it names\n"
      "                           the entry in full elsewhere, 0.55 a\n"
      "                           near tie, or a one-word minor place, a\n"
      "                           state body or a person whose country the\n"
      "                           document does not name nor is about\n"
      "                           (its sure links' country) (0.85 a body\n"
      "                           named by one word: \"Hamas\"; 0.9 a\n"
      "                           region after an article: \"dans\n"
      "                           l'Aude\"); a name\n"
      "                           the bodies of several countries share\n"
      "                           links only to the one of the country\n"
      "                           written next to it or the document is\n"
      "                           about (0.85); the names a document links\n"
      "                           to one entry share the surest one's\n"
      "                           (default: %s)\n"
      "  -s, --summary            print what was found, per document and in\n"
      "                           total, to standard error (default: off)\n"
      "  -q, --quiet              no warnings and no progress line (default:\n"
      "                           warnings, and a progress line when standard\n"
      "                           error is a terminal and the run is long)\n"
      "  -v, --verbose            also print informational messages\n"
      "  -h, --help               print this help and exit\n"
      "\n"
      "Input formats (-i):\n"
      "  auto     guessed from the file name and its first bytes\n"
      "  text     plain UTF-8 text, one document per input, a paragraph a\n"
      "           line; text wrapped at a fixed width (OCR, mail) is told\n"
      "           apart and read by its punctuation\n"
      "  html     a web article: only its main text is read\n"
      "  xml      XML news: RSS 2.0 and Atom items, NITF and NewsML bodies\n"
      "  rss      an RSS 2.0 or Atom feed, one document per item\n"
      "  ndjson   one JSON object per line: \"text\" and optional \"id\",\n"
      "           \"url\", \"date\", \"lang\", \"title\", \"publisher\"\n"
      "\n"
      "Output formats (-f):\n"
      "  turtle   Turtle\n"
      "  ntriples N-Triples, one triple per line\n"
      "  nquads   N-Quads: each document's facts in a graph named after it\n"
      "  rdfxml   RDF/XML\n"
      "  json     RDF/JSON\n"
      "  dot      Graphviz DOT, to draw small graphs\n",
      NG_EMIT_DEFAULT_BASE, NG_PKGDATADIR, DEFAULT_MIN_LINK_CONFIDENCE_STR);
}

static void
help_query(FILE *f)
{
  fputs("\n"
        "newsgraph query [--store STORE | FILE...] [OPTION]... SPARQL\n"
        "  Run a SPARQL query (rasqal's SPARQL 1.1: no FILTER NOT EXISTS or\n"
        "  MINUS; use OPTIONAL and !BOUND) over a store written by extract\n"
        "  --store, or over RDF files (Turtle, N-Triples, N-Quads, TriG,\n"
        "  RDF/XML, guessed from the file name). SPARQL is the query itself,\n"
        "  or @FILE to read it from FILE. The default graph is the union of\n"
        "  all documents; GRAPH ?g names each document's graph. SELECT\n"
        "  results are printed in the --results format; ASK prints true or\n"
        "  false (a boolean result in json and xml); CONSTRUCT prints Turtle.\n"
        "\n"
        "      --store=STORE        query STORE, sqlite:PATH (must exist)\n"
        "      --results=FMT        table, csv, tsv, json or xml (default:\n"
        "                           table when standard output is a terminal,\n"
        "                           csv otherwise)\n"
        "  -q, --quiet              no warnings\n"
        "  -v, --verbose            also print informational messages\n"
        "  -h, --help               print this help and exit\n"
        "\n"
        "Results formats (--results):\n"
        "  table    aligned columns of values, for reading\n"
        "  csv      SPARQL 1.1 Query Results CSV\n"
        "  tsv      SPARQL 1.1 Query Results TSV\n"
        "  json     SPARQL 1.1 Query Results JSON\n"
        "  xml      SPARQL Query Results XML\n",
        f);
}

static void
help_load(FILE *f)
{
  fprintf(
      f,
      "\n"
      "newsgraph load --endpoint URL [OPTION]... [FILE|-]...\n"
      "newsgraph load --sparql-update URL [OPTION]... [FILE|-]...\n"
      "  Send RDF files (no FILE, or '-': standard input) to a SPARQL store,\n"
      "  one named graph per document: each graph of N-Quads or TriG is a\n"
      "  document; the triples of a Turtle, N-Triples or RDF/XML file are\n"
      "  one document, named by the ng:Document they describe (the graph\n"
      "  extract --store gives it). A document replaces its graph, so a\n"
      "  document loaded twice is there once.\n"
      "\n"
      "      --endpoint=URL       the store's SPARQL 1.1 Graph Store HTTP\n"
      "                           Protocol endpoint (Virtuoso:\n"
      "                           http://HOST:8890/sparql-graph-crud-auth):\n"
      "                           PUT replaces a graph, POST adds to it\n"
      "      --sparql-update=URL  the store's SPARQL 1.1 Update endpoint\n"
      "                           (Virtuoso: .../sparql-auth). Alone: INSERT\n"
      "                           DATA in batches, for stores without the\n"
      "                           Graph Store Protocol. With --endpoint:\n"
      "                           documents are written to a staging graph\n"
      "                           and moved over their graph (MOVE), so a\n"
      "                           failure never leaves a half-replaced graph\n"
      "      --graph=IRI          load everything into the one graph IRI\n"
      "      --append             add to the graphs instead of replacing them\n"
      "                           (POST, or INSERT DATA without MOVE)\n"
      "  -i, --input-syntax=SYN   guess, turtle, ntriples, nquads, trig or\n"
      "                           rdfxml (default: guess, from the file name\n"
      "                           and content)\n"
      "      --user=NAME          authenticate as NAME (HTTP digest or basic);\n"
      "                           the password comes from $%s or\n"
      "                           --password-file, never the command line\n"
      "      --password-file=FILE read the password from the first line of\n"
      "                           FILE\n"
      "      --cacert=FILE        trust the CA certificates in FILE for https\n"
      "      --insecure           do not verify the endpoint's TLS certificate\n"
      "                           (verified by default)\n"
      "      --timeout=SECONDS    time limit of one request (default: %d)\n"
      "      --retries=N          retries of a document after a connection\n"
      "                           error or a 5xx answer (default: %d)\n"
      "      --retry-wait=SECONDS wait before the first retry, doubled after\n"
      "                           each (default: 1)\n"
      "      --batch-size=N       statements per INSERT DATA request\n"
      "                           (default: %d)\n"
      "      --failed=FILE        write the inputs that were not completely\n"
      "                           loaded to FILE, one a line (an empty FILE\n"
      "                           when all were)\n"
      "      --from-list=FILE     also read the inputs from FILE, one a line,\n"
      "                           such as a --failed list: a rerun with\n"
      "                           --from-list FILE --failed FILE finishes the\n"
      "                           job\n"
      "  -s, --summary            print the documents and triples loaded\n"
      "  -q, --quiet              no warnings and no progress line\n"
      "  -v, --verbose            also print informational messages\n"
      "  -h, --help               print this help and exit\n"
      "\n"
      "  A malformed document is reported and skipped (exit status 1). When\n"
      "  the endpoint cannot be reached after the retries, or refuses the\n"
      "  credentials or updates, the run stops (exit status 3); every\n"
      "  input not completely loaded is listed.\n",
      PASSWORD_ENV, NG_LOAD_DEFAULT_TIMEOUT, NG_LOAD_DEFAULT_RETRIES,
      NG_LOAD_DEFAULT_BATCH);
}

static void
help_gazetteer(FILE *f)
{
  fputs("\n"
        "newsgraph gazetteer compile -o OUT.ngz [OPTION]... TSV...\n"
        "  Compile gazetteer tables (countries.tsv, cities.tsv, ...: every\n"
        "  row a Wikidata QID with its labels) into the binary gazetteer\n"
        "  that extract loads (gazetteer.ngz). The lexicons that tokenise\n"
        "  the labels are found through --data-path.\n"
        "\n"
        "  -o, --output=FILE        the file to write (required)\n"
        "      --data-path=DIRS     as for extract\n"
        "  -q, --quiet              no warnings\n"
        "  -v, --verbose            also print informational messages\n"
        "  -h, --help               print this help and exit\n"
        "\n"
        "newsgraph gazetteer build [-o OUT.ngz] [OPTION]... DUMP\n"
        "  Build a gazetteer from a Wikidata dump (DUMP, or '-' for standard\n"
        "  input), streaming: the JSON dump (latest-all.json, or NDJSON with\n"
        "  one entity per line) or the truthy N-Triples dump\n"
        "  (latest-truthy.nt), plain, gzip or bzip2 (told by\n"
        "  their first bytes). An item is kept when one of its P31 (instance\n"
        "  of) values is a listed class, typed as the first class row it\n"
        "  matches; its labels and aliases in the chosen languages become\n"
        "  gazetteer labels, its number of sitelinks its prior, and the\n"
        "  earliest year of its birth (P569) or inception (P571) the year\n"
        "  it began: documents published before it are not linked to it.\n"
        "  Subclasses (P279) are not followed: list every class to keep.\n"
        "  Malformed lines are reported with their line number and skipped\n"
        "  (the gazetteer is written, and the exit status is 1).\n"
        "\n"
        "  -o, --output=FILE        the gazetteer to write\n"
        "      --tsv=FILE           also write the kept items as a table\n"
        "                           ('-': standard output) that gazetteer\n"
        "                           compile reads; -o or --tsv is required\n"
        "  -f, --format=FORMAT      json, ntriples or auto (default: auto,\n"
        "                           from the first byte of the dump)\n"
        "  -l, --lang=LANGS         label languages, comma-separated\n"
        "                           (default: fr,en)\n"
        "      --classes=FILE       the class table (default:\n"
        "                           gazetteer/build-classes.tsv in the data\n"
        "                           path); rows \"class QID<TAB>type\"\n"
        "      --class=QID=TYPE     keep instances of class QID as TYPE\n"
        "                           (Person, Country, City, Region,\n"
        "                           Organization, GovernmentAgency, ...);\n"
        "                           repeatable, ranked before the table\n"
        "      --max-pending=N      N-Triples: sitelink counts kept for items\n"
        "                           not read yet (default: 1000000)\n"
        "      --data-path=DIRS     as for extract\n"
        "  -q, --quiet              no warnings\n"
        "  -v, --verbose            also print informational messages\n"
        "  -h, --help               print this help and exit\n",
        f);
}

static void
help_trailer(FILE *f)
{
  fprintf(f,
          "\n"
          "Exit status:\n"
          "  0  success\n"
          "  1  a document or resource could not be processed (the other\n"
          "     documents were), or a query or RDF file is malformed\n"
          "  2  usage error: unknown command or option, or a bad value\n"
          "  3  an input, store or query file could not be read, the\n"
          "     output could not be written, or the SPARQL endpoint could\n"
          "     not be reached or refused the credentials or updates (3\n"
          "     wins over 1)\n"
          "\n"
          "Environment:\n"
          "  NEWSGRAPH_DATA_PATH  colon-separated resource directories,\n"
          "                       searched in order when --data-path is not\n"
          "                       given; %s is searched last\n"
          "  %s   the password of --user for load and\n"
          "                       extract --endpoint\n"
          "\n"
          "Examples:\n"
          "  newsgraph extract --lang fr --date 2025-09-05 --summary "
          "article.txt\n"
          "  newsgraph extract -i ndjson -f nquads -o graph.nq batch.ndjson\n"
          "  newsgraph extract --lang fr --store sqlite:news.db *.txt\n"
          "  newsgraph query --store sqlite:news.db "
          "@samples/queries/representation.rq\n"
          "  newsgraph query --results json graph.ttl "
          "'SELECT * WHERE { ?s ?p ?o } LIMIT 5'\n"
          "  curl -s URL | newsgraph extract -i html -f ntriples - | "
          "LC_ALL=C sort\n"
          "  NEWSGRAPH_PASSWORD=... newsgraph load --user newsgraph \\\n"
          "    --endpoint http://localhost:8890/sparql-graph-crud-auth "
          "graph.nq\n"
          "  newsgraph gazetteer compile -o gazetteer.ngz "
          "ontology/gazetteer/*.tsv\n"
          "  newsgraph gazetteer build --lang fr,en -o wikidata.ngz "
          "latest-all.json.gz\n"
          "\n"
          "Full documentation: man newsgraph\n",
          NG_PKGDATADIR, PASSWORD_ENV);
}

static void
help_all(FILE *f)
{
  help_usage(f);
  fputs("\nTurn news articles (French, English) into an RDF knowledge graph: "
        "the\npeople, organisations, places and events they report, linked "
        "to\nWikidata, with the evidence for every fact.\n"
        "\nCommands:\n"
        "  extract            read documents and write their graph as RDF\n"
        "                     (and/or add it to a store)\n"
        "  query              run a SPARQL query over a store or RDF files\n"
        "  load               send RDF files to a SPARQL store over HTTP\n"
        "  gazetteer compile  compile gazetteer tables into gazetteer.ngz\n"
        "  gazetteer build    build a gazetteer from a Wikidata dump\n",
        f);
  help_extract(f);
  help_query(f);
  help_load(f);
  help_gazetteer(f);
  help_trailer(f);
}

/* ------------------------------------------------------------------ */
/* Option values                                                        */

/* A decimal from 0 to 1 ("0.5", ".75", "1"), parsed by hand so that no
 * locale can change what a decimal point is. */
static bool
parse_unit_decimal(const char *s, double *out)
{
  double v = 0.0;
  size_t digits = 0;
  const char *p = s;
  for (; *p >= '0' && *p <= '9'; p++, digits++) {
    v = v * 10.0 + (double)(*p - '0');
  }
  if (*p == '.') {
    double scale = 0.1;
    for (p++; *p >= '0' && *p <= '9'; p++, digits++) {
      v += scale * (double)(*p - '0');
      scale /= 10.0;
    }
  }
  if (digits == 0 || *p != '\0' || v > 1.0) {
    return false;
  }
  *out = v;
  return true;
}

/* ------------------------------------------------------------------ */
/* Endpoints (load, extract --endpoint)                                 */

/* The options of a run that sends graphs to a SPARQL store. */
typedef struct {
  NgLoadOptions load; /* the password is read at run time, never argv */
  const char *password_file;
  const char *graph;     /* --graph IRI (load only), or NULL */
  const char *failed;    /* --failed FILE, or NULL */
  const char *from_list; /* --from-list FILE, or NULL */
} CliEndpoint;

#define ENDPOINT_LONGOPTS                                              \
  {"endpoint", required_argument, NULL, OPT_ENDPOINT},                 \
  {"sparql-update", required_argument, NULL, OPT_SPARQL_UPDATE},       \
  {"append", no_argument, NULL, OPT_APPEND},                           \
  {"user", required_argument, NULL, OPT_USER},                         \
  {"password", required_argument, NULL, OPT_PASSWORD},                 \
  {"password-file", required_argument, NULL, OPT_PASSWORD_FILE},       \
  {"cacert", required_argument, NULL, OPT_CACERT},                     \
  {"insecure", no_argument, NULL, OPT_INSECURE},                       \
  {"timeout", required_argument, NULL, OPT_TIMEOUT},                   \
  {"retries", required_argument, NULL, OPT_RETRIES},                   \
  {"retry-wait", required_argument, NULL, OPT_RETRY_WAIT},             \
  {"batch-size", required_argument, NULL, OPT_BATCH_SIZE},             \
  {"failed", required_argument, NULL, OPT_FAILED},                     \
  {"from-list", required_argument, NULL, OPT_FROM_LIST}

/* A whole number from @p min to @p max, digits only. */
static bool
parse_count(const char *s, unsigned long min, unsigned long max,
            unsigned long *out)
{
  unsigned long v = 0;
  if (!*s) {
    return false;
  }
  for (; *s; s++) {
    if (*s < '0' || *s > '9' || v > (max - (unsigned long)(*s - '0')) / 10) {
      return false;
    }
    v = v * 10 + (unsigned long)(*s - '0');
  }
  if (v < min) {
    return false;
  }
  *out = v;
  return true;
}

/* Seconds as a decimal ("0.5", "2"), at most @p max, parsed by hand so
 * that no locale changes the decimal point. */
static bool
parse_seconds(const char *s, double max, double *out)
{
  double v = 0.0;
  size_t digits = 0;
  const char *p = s;
  for (; *p >= '0' && *p <= '9' && v <= max; p++, digits++) {
    v = v * 10.0 + (double)(*p - '0');
  }
  if (*p == '.') {
    double scale = 0.1;
    for (p++; *p >= '0' && *p <= '9'; p++, digits++) {
      v += scale * (double)(*p - '0');
      scale /= 10.0;
    }
  }
  if (digits == 0 || *p != '\0' || v > max) {
    return false;
  }
  *out = v;
  return true;
}

/* Handle @p c if it is an endpoint option (*handled), with @p arg its
 * value. NG_EXIT_CONTINUE, or a usage error. */
static int
endpoint_option(int c, const char *arg, CliEndpoint *e, bool *handled)
{
  const char *why = NULL;
  unsigned long n = 0;
  double secs = 0.0;
  *handled = true;
  switch (c) {
  case OPT_ENDPOINT:
  case OPT_SPARQL_UPDATE:
    /* The URL is not repeated: it might hold a password. */
    if (ng_load_url_check(arg, &why) != NG_SUCCESS) {
      return usage_error("invalid %s URL: %s",
                         c == OPT_ENDPOINT ? "--endpoint" : "--sparql-update",
                         why);
    }
    if (c == OPT_ENDPOINT) {
      e->load.gsp_url = arg;
    } else {
      e->load.update_url = arg;
    }
    break;
  case OPT_GRAPH:
    if (!ng_iri_is_valid(arg)) {
      return usage_error("invalid graph IRI '%s' (expected an absolute IRI)",
                         arg);
    }
    e->graph = arg;
    break;
  case OPT_APPEND:
    e->load.append = true;
    break;
  case OPT_USER:
    if (!*arg) {
      return usage_error("empty user name");
    }
    e->load.user = arg;
    break;
  case OPT_PASSWORD:
    /* Not even repeated: the value is the secret. */
    return usage_error("passwords are not taken on the command line, where "
                       "other users of the machine can read them: set %s "
                       "or give --password-file FILE",
                       PASSWORD_ENV);
  case OPT_PASSWORD_FILE:
    e->password_file = arg;
    break;
  case OPT_CACERT:
    e->load.ca_file = arg;
    break;
  case OPT_INSECURE:
    e->load.insecure = true;
    break;
  case OPT_TIMEOUT:
    if (!parse_count(arg, 1, 86400, &n)) {
      return usage_error("invalid timeout '%s' (expected whole seconds, 1 to "
                         "86400)",
                         arg);
    }
    e->load.timeout = (long)n;
    break;
  case OPT_RETRIES:
    if (!parse_count(arg, 0, 100, &n)) {
      return usage_error("invalid number of retries '%s' (expected 0 to 100)",
                         arg);
    }
    e->load.retries = (unsigned)n;
    break;
  case OPT_RETRY_WAIT:
    if (!parse_seconds(arg, 3600.0, &secs)) {
      return usage_error("invalid retry wait '%s' (expected seconds, such as "
                         "1 or 0.5, at most 3600)",
                         arg);
    }
    e->load.retry_wait = secs;
    break;
  case OPT_BATCH_SIZE:
    if (!parse_count(arg, 1, 1000000, &n)) {
      return usage_error("invalid batch size '%s' (expected 1 to 1000000 "
                         "statements)",
                         arg);
    }
    e->load.batch = (size_t)n;
    break;
  case OPT_FAILED:
    if (!*arg) {
      return usage_error("empty --failed file name");
    }
    e->failed = arg;
    break;
  case OPT_FROM_LIST:
    e->from_list = arg;
    break;
  default:
    *handled = false;
    break;
  }
  return NG_EXIT_CONTINUE;
}

/* Check the endpoint options as a whole (after parsing). */
static int
endpoint_check(const CliEndpoint *e, const char *cmd)
{
  bool sending = e->load.gsp_url || e->load.update_url;
  if (!sending && (e->load.user || e->password_file || e->failed ||
                   e->graph || e->load.append)) {
    return usage_error("%s: --user, --password-file, --graph, --append and "
                       "--failed need --endpoint or --sparql-update",
                       cmd);
  }
  if (e->password_file && !e->load.user) {
    return usage_error("%s: --password-file needs --user NAME", cmd);
  }
  return NG_EXIT_CONTINUE;
}

/* Wipe and free a password. Accepts NULL. */
static void
password_free(char *p)
{
  if (p) {
    for (volatile char *q = p; *q; q++) {
      *q = '\0';
    }
    ng_free(p);
  }
}

/* The password of --user in *out (owned: password_free), from
 * --password-file (its first line) or $NEWSGRAPH_PASSWORD; NULL without
 * --user. NG_EXIT_CONTINUE, or the exit code of the failure (reported
 * without the secret). */
static int
endpoint_password(const CliEndpoint *e, CliLog *log, char **out)
{
  *out = NULL;
  if (!e->load.user) {
    return NG_EXIT_CONTINUE;
  }
  if (e->password_file) {
    char *text = NULL;
    size_t len = 0;
    errno = 0;
    NgStatus st = ng_read_file(e->password_file, &text, &len);
    if (st != NG_SUCCESS) {
      cli_error(log, e->password_file, "cannot read the password: %s",
                st == NG_ERR_IO ? strerror(errno ? errno : EIO)
                                : ng_strerror(st));
      return exit_for_status(st);
    }
    size_t n = strcspn(text, "\r\n");
    memset(text + n, 0, len - n);
    *out = text;
    return NG_EXIT_CONTINUE;
  }
  const char *env = getenv(PASSWORD_ENV);
  if (!env) {
    return usage_error("--user %s needs a password: set %s or give "
                       "--password-file FILE",
                       e->load.user, PASSWORD_ENV);
  }
  *out = ng_strdup(env);
  if (!*out) {
    cli_error(log, NULL, "%s", ng_strerror(NG_ERR_NOMEM));
    return NG_EXIT_DATA;
  }
  return NG_EXIT_CONTINUE;
}

/* A loader for @p e, or NULL with the exit code in *rc. */
static NgLoader *
endpoint_open(const CliEndpoint *e, CliLog *log, NgLog *nglog, int *rc)
{
  char *password = NULL;
  *rc = endpoint_password(e, log, &password);
  if (*rc != NG_EXIT_CONTINUE) {
    return NULL;
  }
  NgLoadOptions lo = e->load;
  lo.password = password;
  size_t errors_before = log->errors;
  NgStatus st;
  NgLoader *l = ng_loader_new(&lo, nglog, &st);
  password_free(password);
  if (!l) {
    if (log->errors == errors_before) {
      cli_error(log, NULL, "cannot start the loader: %s", ng_strerror(st));
    }
    *rc = exit_worse(NG_EXIT_DATA, exit_for_status(st));
  }
  return l;
}

/* The inputs of a run: the FILE arguments, then the lines of --from-list
 * (each line one input; empty lines skipped); standard input when there
 * are neither. */
typedef struct {
  const char **items;
  size_t n;
  char *list; /* the text of --from-list, which items point into */
} CliInputs;

static void
inputs_free(CliInputs *in)
{
  ng_free(in->items);
  ng_free(in->list);
}

static int
inputs_init(CliInputs *in, const char *const *files, size_t n_files,
            const char *from_list, CliLog *log)
{
  memset(in, 0, sizeof *in);
  size_t len = 0, lines = 0;
  if (from_list) {
    errno = 0;
    NgStatus st = ng_read_file(from_list, &in->list, &len);
    if (st != NG_SUCCESS) {
      cli_error(log, from_list, "cannot read the list of inputs: %s",
                st == NG_ERR_IO ? strerror(errno ? errno : EIO)
                                : ng_strerror(st));
      return exit_for_status(st);
    }
    for (size_t i = 0; i < len; i++) {
      lines += in->list[i] == '\n';
    }
    lines++;
  }
  bool use_stdin = n_files == 0 && !from_list;
  in->items = ng_calloc(n_files + lines + 1, sizeof *in->items);
  if (!in->items) {
    cli_error(log, NULL, "%s", ng_strerror(NG_ERR_NOMEM));
    return NG_EXIT_DATA;
  }
  for (size_t i = 0; i < n_files; i++) {
    in->items[in->n++] = files[i];
  }
  if (use_stdin) {
    in->items[in->n++] = "-";
  }
  for (char *line = in->list; line && *line;) {
    char *nl = strchr(line, '\n');
    char *next = nl ? nl + 1 : line + strlen(line);
    if (nl) {
      *nl = '\0';
    }
    size_t n = strlen(line);
    if (n && line[n - 1] == '\r') {
      line[--n] = '\0';
    }
    if (n) {
      in->items[in->n++] = line;
    }
    line = next;
  }
  return NG_EXIT_CONTINUE;
}

/* The inputs some of whose documents did not reach the endpoint. */
typedef struct {
  const char **items; /* borrowed from CliInputs */
  size_t n, cap;
  size_t docs; /* documents not loaded */
} CliFailed;

static bool
failed_add(CliFailed *f, const char *input)
{
  if (f->n && strcmp(f->items[f->n - 1], input) == 0) {
    return true;
  }
  if (!ng_grow((void **)&f->items, &f->cap, f->n + 1, sizeof *f->items)) {
    return false;
  }
  f->items[f->n++] = input;
  return true;
}

/* Report the inputs not loaded, and write them to --failed FILE (an
 * empty list when all went well, so that an old list is not rerun).
 * Returns the exit code so far, made worse if FILE cannot be written. */
static int
failed_finish(CliFailed *f, const char *path, CliLog *log, int rc)
{
  if (path) {
    NgBuf tmp;
    ng_buf_init(&tmp);
    ng_buf_printf(&tmp, "%s.tmp", path);
    FILE *out = tmp.failed ? NULL : fopen(tmp.data, "wb");
    bool ok = out != NULL;
    for (size_t i = 0; ok && i < f->n; i++) {
      ok = fprintf(out, "%s\n", f->items[i]) >= 0;
    }
    if (out && fclose(out) != 0) {
      ok = false;
    }
    if (ok && rename(tmp.data, path) != 0) {
      ok = false;
    }
    if (!ok) {
      cli_error(log, path, "cannot write the list of failed inputs: %s",
                strerror(errno ? errno : EIO));
      if (out) {
        remove(tmp.data);
      }
      rc = exit_worse(rc, NG_EXIT_IO);
    }
    ng_buf_free(&tmp);
  }
  if (f->n) {
    cli_error(log, NULL,
              "%zu %s not loaded, from %zu %s%s%s%s", f->docs,
              f->docs == 1 ? "document" : "documents", f->n,
              f->n == 1 ? "input" : "inputs",
              path ? ", listed in " : ":",
              path ? path : "",
              path ? " (load them again with --from-list FILE)" : "");
    if (!path) {
      for (size_t i = 0; i < f->n; i++) {
        fprintf(stderr, "  %s\n", f->items[i]);
      }
    }
    for (size_t i = 0; i < f->n; i++) {
      if (strcmp(f->items[i], "-") == 0) {
        cli_error(log, NULL, "standard input cannot be read twice: give it "
                             "again to the rerun");
        break;
      }
    }
  }
  ng_free(f->items);
  memset(f, 0, sizeof *f);
  return rc;
}

/* ------------------------------------------------------------------ */
/* extract                                                              */

typedef struct {
  const char *lang; /* NULL: auto */
  NgDate date;
  NgInputFormat input_format;
  NgFormat format;
  const char *output; /* NULL: standard output */
  const char *base;
  const char *data_path; /* NULL: $NEWSGRAPH_DATA_PATH */
  double min_link_confidence;
  const char *store; /* --store STORE, or NULL */
  CliEndpoint ep;    /* --endpoint URL and its options */
  /* Whether RDF is written: always without --store or --endpoint; with
   * them, only when -o or -f asks for it. */
  bool write_rdf;
  bool quiet, verbose, summary;
  const char *const *files; /* borrowed from argv */
  size_t n_files;
} CliExtractOptions;

/* The documents of a run by id: a hash of each id and one of its text,
 * pairs in an open-addressing table (two ids share a 64-bit hash with
 * odds of one in 2^64), 16 bytes a document. Two documents of one id
 * would be one document node with two texts, its mentions' offsets
 * pointing into either. */
typedef struct {
  uint64_t *slot; /* 2 * cap: id hash (0: empty), text hash */
  size_t cap, n;  /* cap a power of two */
} CliSeen;

static void
seen_free(CliSeen *s)
{
  ng_free(s->slot);
  memset(s, 0, sizeof *s);
}

/* Note @p doc; *clash is whether an earlier document had its id and
 * another text. NG_ERR_NOMEM when the table cannot grow. */
static NgStatus
seen_add(CliSeen *s, const NgDoc *doc, bool *clash)
{
  *clash = false;
  if (2 * (s->n + 1) > s->cap) {
    size_t cap = s->cap ? 2 * s->cap : 1024;
    uint64_t *slot = ng_calloc(2 * cap, sizeof *slot);
    if (!slot) {
      return NG_ERR_NOMEM;
    }
    for (size_t i = 0; i < s->cap; i++) {
      if (s->slot[2 * i]) {
        size_t j = (size_t)s->slot[2 * i] & (cap - 1);
        while (slot[2 * j]) {
          j = (j + 1) & (cap - 1);
        }
        slot[2 * j] = s->slot[2 * i];
        slot[2 * j + 1] = s->slot[2 * i + 1];
      }
    }
    ng_free(s->slot);
    s->slot = slot;
    s->cap = cap;
  }
  uint64_t id = ng_hash64(doc->id, strlen(doc->id), 0);
  uint64_t text = ng_hash64(doc->text, doc->len, 0);
  id += !id; /* 0 marks an empty slot */
  size_t j = (size_t)id & (s->cap - 1);
  while (s->slot[2 * j] && s->slot[2 * j] != id) {
    j = (j + 1) & (s->cap - 1);
  }
  if (s->slot[2 * j]) {
    *clash = s->slot[2 * j + 1] != text;
    return NG_SUCCESS;
  }
  s->slot[2 * j] = id;
  s->slot[2 * j + 1] = text;
  s->n++;
  return NG_SUCCESS;
}

/* Everything one extract run shares across its inputs. */
typedef struct {
  const CliExtractOptions *opts;
  CliLog *log;
  NgLog nglog;
  CliProgress progress;
  NgEngine *engine;
  NgEmitter *emitter; /* NULL when no RDF is written */
  NgStore *store;     /* NULL without --store */
  NgLoader *loader;   /* NULL without --endpoint */
  CliFailed failed;   /* inputs not completely sent to the endpoint */
  bool input_failed;  /* a document of the current input was not sent */
  bool endpoint_down; /* the endpoint cannot be used any more */
  NgGraph *graph;
  FILE *out;          /* NULL when no RDF is written */
  NgStats total;
  CliSeen seen; /* the documents so far, by id */
  size_t docs_done, docs_skipped;
  int rc;               /* exit code so far */
  bool fatal;           /* stop: out of memory, or the output is broken */
  bool output_reported; /* an output failure has been reported */
} CliExtract;

static int
parse_extract_args(int argc, char **argv, CliExtractOptions *o)
{
  static const struct option longopts[] = {
      {"lang", required_argument, NULL, 'l'},
      {"date", required_argument, NULL, OPT_DATE},
      {"input-format", required_argument, NULL, 'i'},
      {"format", required_argument, NULL, 'f'},
      {"output", required_argument, NULL, 'o'},
      {"base", required_argument, NULL, OPT_BASE},
      {"data-path", required_argument, NULL, OPT_DATA_PATH},
      {"min-link-confidence", required_argument, NULL,
       OPT_MIN_LINK_CONFIDENCE},
      {"store", required_argument, NULL, OPT_STORE},
      ENDPOINT_LONGOPTS,
      {"summary", no_argument, NULL, 's'},
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};

  memset(o, 0, sizeof *o);
  o->input_format = NG_INPUT_AUTO;
  o->format = NG_FORMAT_TURTLE;
  o->date.prec = NG_DATE_NONE;
  o->min_link_confidence = DEFAULT_MIN_LINK_CONFIDENCE;
  ng_load_options_init(&o->ep.load);
  bool rdf_asked = false;

  opterr = 0;
  int c;
  while ((c = getopt_long(argc, argv, ":l:i:f:o:sqvh", longopts, NULL)) !=
         -1) {
    bool handled = false;
    int rc = endpoint_option(c, optarg, &o->ep, &handled);
    if (handled) {
      if (rc != NG_EXIT_CONTINUE) {
        return rc;
      }
      continue;
    }
    switch (c) {
    case 'l':
      /* Which languages exist is the data path's business (checked once
       * the engine is loaded); here only "auto". */
      o->lang = strcmp(optarg, "auto") == 0 ? NULL : optarg;
      break;
    case OPT_DATE:
      if (ng_date_parse(optarg, &o->date) != NG_SUCCESS) {
        return usage_error("invalid date '%s' (expected a real date as "
                           "YYYY, YYYY-MM or YYYY-MM-DD)",
                           optarg);
      }
      break;
    case 'i':
      if (ng_input_format_parse(optarg, &o->input_format) != NG_SUCCESS) {
        return usage_error("unknown input format '%s' (expected auto, text, "
                           "html, xml, rss or ndjson)",
                           optarg);
      }
      break;
    case 'f':
      if (ng_format_parse(optarg, &o->format) != NG_SUCCESS) {
        return usage_error("unknown output format '%s' (expected turtle, "
                           "ntriples, nquads, rdfxml, json or dot)",
                           optarg);
      }
      rdf_asked = true;
      break;
    case 'o':
      rdf_asked = true;
      o->output = strcmp(optarg, "-") == 0 ? NULL : optarg;
      if (o->output && !*o->output) {
        return usage_error("empty output file name");
      }
      break;
    case OPT_BASE:
      if (!ng_iri_is_valid(optarg)) {
        return usage_error("invalid base IRI '%s' (expected an absolute IRI "
                           "such as %s)",
                           optarg, NG_EMIT_DEFAULT_BASE);
      }
      o->base = optarg;
      break;
    case OPT_DATA_PATH:
      o->data_path = optarg;
      break;
    case OPT_STORE:
      if (strncmp(optarg, "sqlite:", 7) != 0 || !optarg[7]) {
        return usage_error("unknown store '%s' (expected sqlite:PATH)",
                           optarg);
      }
      o->store = optarg;
      break;
    case OPT_MIN_LINK_CONFIDENCE:
      if (!parse_unit_decimal(optarg, &o->min_link_confidence)) {
        return usage_error("invalid link confidence '%s' (expected a decimal "
                           "from 0 to 1, such as 0.5)",
                           optarg);
      }
      break;
    case 's':
      o->summary = true;
      break;
    case 'q':
      o->quiet = true;
      break;
    case 'v':
      o->verbose = true;
      break;
    case 'h':
      help_usage(stdout);
      help_extract(stdout);
      help_trailer(stdout);
      return NG_EXIT_OK;
    default:
      return bad_option(c, argv, longopts);
    }
  }
  int rc = endpoint_check(&o->ep, "extract");
  if (rc != NG_EXIT_CONTINUE) {
    return rc;
  }
  o->files = (const char *const *)(argv + optind);
  o->n_files = (size_t)(argc - optind);
  bool sending = o->ep.load.gsp_url || o->ep.load.update_url;
  o->write_rdf = !(o->store || sending) || rdf_asked;
  return NG_EXIT_CONTINUE;
}

static const char *
plural(size_t n, const char *one, const char *many)
{
  return n == 1 ? one : many;
}

static void
stats_add(NgStats *sum, const NgStats *s)
{
  sum->sentences += s->sentences;
  sum->tokens += s->tokens;
  sum->mentions += s->mentions;
  sum->linked += s->linked;
  sum->entities += s->entities;
  sum->events += s->events;
  sum->participations += s->participations;
  sum->positions += s->positions;
  sum->triples += s->triples;
}

static void
summary_document(CliExtract *x, const NgDoc *doc, const NgStats *s)
{
  progress_clear(&x->progress);
  const char *name = doc->id ? doc->id : doc->source ? doc->source : "-";
  fprintf(stderr,
          "%s: %zu %s, %zu %s (%zu linked), %zu %s, %zu %s, %zu %s, "
          "%zu %s, %zu %s\n",
          name, s->sentences, plural(s->sentences, "sentence", "sentences"),
          s->mentions, plural(s->mentions, "mention", "mentions"), s->linked,
          s->entities, plural(s->entities, "entity", "entities"), s->events,
          plural(s->events, "event", "events"), s->participations,
          plural(s->participations, "participation", "participations"),
          s->positions, plural(s->positions, "position", "positions"),
          s->triples, plural(s->triples, "triple", "triples"));
}

static void
summary_total(CliExtract *x)
{
  const NgStats *t = &x->total;
  progress_clear(&x->progress);
  fprintf(stderr, "\nSummary: %zu %s processed", x->docs_done,
          plural(x->docs_done, "document", "documents"));
  if (x->docs_skipped) {
    fprintf(stderr, ", %zu skipped (see the errors above)", x->docs_skipped);
  }
  fputs("\n", stderr);
  fprintf(stderr, "  sentences       %10zu\n", t->sentences);
  fprintf(stderr, "  tokens          %10zu\n", t->tokens);
  fprintf(stderr, "  mentions        %10zu\n", t->mentions);
  if (t->mentions) {
    fprintf(stderr, "    linked        %10zu  (%zu%% of mentions)\n",
            t->linked, t->linked * 100 / t->mentions);
  } else {
    fprintf(stderr, "    linked        %10zu\n", t->linked);
  }
  fprintf(stderr, "  entities        %10zu\n", t->entities);
  fprintf(stderr, "  events          %10zu\n", t->events);
  fprintf(stderr, "  participations  %10zu\n", t->participations);
  fprintf(stderr, "  positions       %10zu\n", t->positions);
  fprintf(stderr, "  triples         %10zu  (before merging documents)\n",
          t->triples);
}

/* A library call failed with @p st; say so unless the library already
 * reported an error since @p errors_before. */
static void
report_failure(CliExtract *x, size_t errors_before, const char *file,
               const char *what, NgStatus st)
{
  if (x->log->errors == errors_before) {
    cli_error(x->log, file, "%s: %s", what, ng_strerror(st));
  }
}

/* Report a failed write to the output once. @p err is errno right after
 * the failing call (0 when unknown). */
static void
output_error(CliExtract *x, int err)
{
  if (x->output_reported) {
    return;
  }
  x->output_reported = true;
  const char *msg = strerror(err ? err : EIO);
  if (x->opts->output) {
    cli_error(x->log, x->opts->output, "cannot write: %s", msg);
  } else {
    cli_error(x->log, NULL, "cannot write to standard output: %s", msg);
  }
}

/* The serializer failed: its stream is in an unknown state, so the run
 * stops. A failure of the stream itself is an I/O error (exit 3). */
static void
output_failed(CliExtract *x, size_t errors_before, NgStatus st, int err)
{
  x->fatal = true;
  if (ferror(x->out)) {
    st = NG_ERR_IO;
    output_error(x, err);
  } else {
    report_failure(x, errors_before, x->opts->output, "cannot write output",
                   st);
    x->output_reported = true;
  }
  x->rc = exit_worse(x->rc, exit_for_status(st));
}

static void
extract_document(CliExtract *x, const NgDoc *doc)
{
  const char *where = doc->source ? doc->source : doc->id;
  size_t errors_before = x->log->errors;
  NgStats s;
  memset(&s, 0, sizeof s);

  /* A document repeated is harmless (its triples again); another text
   * under an id already used would make one document of two. */
  bool clash;
  NgStatus st = seen_add(&x->seen, doc, &clash);
  if (st == NG_SUCCESS && clash) {
    cli_error(x->log, where,
              "document %s: an earlier document of this run has this id "
              "and another text, skipped (give each document its own id, "
              "or each file its own name)",
              doc->id);
    x->docs_skipped++;
    x->rc = exit_worse(x->rc, NG_EXIT_DATA);
    return;
  }
  if (st == NG_SUCCESS) {
    st = ng_graph_reset(x->graph, NULL);
  }
  if (st == NG_SUCCESS) {
    st = ng_engine_process(x->engine, doc, x->graph, &s);
  }
  if (st != NG_SUCCESS && st != NG_FAILURE) {
    report_failure(x, errors_before, where, "cannot process document", st);
    x->docs_skipped++;
    x->rc = exit_worse(x->rc, exit_for_status(st));
    x->fatal = st == NG_ERR_NOMEM;
    return;
  }

  if (x->store) {
    st = ng_store_put_graph(x->store, x->graph);
    if (st != NG_SUCCESS) {
      /* A store that refuses one document (a full disk, a locked or
       * corrupt database) would refuse the next ones too. */
      report_failure(x, errors_before, x->opts->store + 7,
                     "cannot add the graph to the store", st);
      x->rc = exit_worse(x->rc, exit_for_status(st));
      x->fatal = true;
      return;
    }
  }

  if (x->loader) {
    if (x->endpoint_down) {
      x->input_failed = true;
      x->failed.docs++;
    } else {
      st = ng_loader_put_graph(x->loader, x->graph, where);
      if (st != NG_SUCCESS) {
        x->input_failed = true;
        x->failed.docs++;
        x->rc = exit_worse(x->rc, exit_for_status(st));
        /* Unreachable, or refusing every update: the next documents
         * are listed without trying. */
        x->endpoint_down = st == NG_ERR_NETWORK;
        x->fatal = st == NG_ERR_NOMEM;
      }
    }
  }

  if (x->emitter) {
    errno = 0;
    st = ng_emitter_write(x->emitter, x->graph);
    if (st != NG_SUCCESS) {
      output_failed(x, errors_before, st, errno);
      return;
    }
  }

  x->docs_done++;
  stats_add(&x->total, &s);
  if (x->opts->summary) {
    summary_document(x, doc, &s);
  }
  progress_update(&x->progress, doc->len, s.triples);
}

static void extract_input_documents(CliExtract *x, const char *name);

/* Read every document of one input; problems are reported and recorded in
 * x->rc, and only out-of-memory or a broken output stops the run. Inputs
 * some of whose documents did not reach the endpoint are listed in
 * x->failed. */
static void
extract_input(CliExtract *x, const char *name)
{
  x->input_failed = false;
  extract_input_documents(x, name);
  if (x->loader && x->input_failed && !failed_add(&x->failed, name)) {
    cli_error(x->log, NULL, "%s", ng_strerror(NG_ERR_NOMEM));
    x->fatal = true;
  }
}

static void
extract_input_documents(CliExtract *x, const char *name)
{
  bool is_stdin = strcmp(name, "-") == 0;
  FILE *in = is_stdin ? stdin : fopen(name, "rb");
  if (!in) {
    cli_error(x->log, name, "cannot open: %s", strerror(errno));
    x->rc = exit_worse(x->rc, NG_EXIT_IO);
    return;
  }
  struct stat sb;
  if (fstat(fileno(in), &sb) == 0 && S_ISDIR(sb.st_mode)) {
    cli_error(x->log, name, "cannot read: %s", strerror(EISDIR));
    x->rc = exit_worse(x->rc, NG_EXIT_IO);
    if (!is_stdin) {
      fclose(in);
    }
    return;
  }

  const CliExtractOptions *o = x->opts;
  NgReaderOptions ro;
  memset(&ro, 0, sizeof ro);
  ro.format = o->input_format;
  ro.data_path = o->data_path;
  ro.lang = o->lang;
  ro.date = o->date;
  ro.log = cli_log;
  ro.log_handle = x->log;

  size_t errors_before = x->log->errors;
  NgStatus st;
  NgReader *r = ng_reader_new(in, name, &ro, &st);
  if (!r) {
    report_failure(x, errors_before, name, "cannot read", st);
    x->rc = exit_worse(x->rc, exit_for_status(st));
    x->fatal = st == NG_ERR_NOMEM;
  } else {
    while (!x->fatal) {
      NgDoc *doc = NULL;
      errors_before = x->log->errors;
      st = ng_reader_next(r, &doc);
      if (st == NG_FAILURE) {
        break;
      }
      if (st != NG_SUCCESS) {
        /* The rest of this input is unreadable; go on with the next one. */
        report_failure(x, errors_before, name, "cannot read", st);
        x->rc = exit_worse(x->rc, exit_for_status(st));
        x->fatal = st == NG_ERR_NOMEM;
        break;
      }
      extract_document(x, doc);
      ng_doc_free(doc);
    }
    size_t bad = ng_reader_errors(r);
    if (bad) {
      x->docs_skipped += bad;
      x->rc = exit_worse(x->rc, NG_EXIT_DATA);
    }
    ng_reader_free(r);
  }

  if (is_stdin) {
    clearerr(stdin); /* a later "-" reads what is left, if anything */
  } else {
    fclose(in);
  }
}

/* Whether the output file is also one of the inputs: opening it for
 * writing would truncate the article before it is read. */
static const char *
output_is_input(const CliExtractOptions *o)
{
  struct stat os, is;
  if (!o->output || stat(o->output, &os) != 0 || !S_ISREG(os.st_mode)) {
    return NULL;
  }
  for (size_t i = 0; i < o->n_files; i++) {
    if (strcmp(o->files[i], "-") != 0 && stat(o->files[i], &is) == 0 &&
        is.st_dev == os.st_dev && is.st_ino == os.st_ino) {
      return o->files[i];
    }
  }
  return NULL;
}

/* Open the output; *regular tells whether an incomplete output may be
 * removed (never a device such as /dev/full, never a pipe). */
static FILE *
open_output(CliExtract *x, bool *regular)
{
  *regular = false;
  if (!x->opts->output) {
    return stdout;
  }
  FILE *f = fopen(x->opts->output, "wb");
  if (!f) {
    cli_error(x->log, x->opts->output, "cannot open for writing: %s",
              strerror(errno));
    return NULL;
  }
  struct stat sb;
  *regular = fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode);
  return f;
}

/* Flush the output and close it (standard output is closed by main, which
 * stays silent when the failure has been reported here). */
static bool
close_output(CliExtract *x)
{
  if (!x->out) {
    return true;
  }
  bool ok = !ferror(x->out);
  int err = 0;
  if (fflush(x->out) != 0) {
    ok = false;
    err = errno;
  }
  if (x->out != stdout) {
    if (fclose(x->out) != 0 && ok) {
      ok = false;
      err = errno;
    }
    x->out = NULL;
  }
  if (!ok) {
    output_error(x, err);
  }
  return ok;
}

static int
extract_run(const CliExtractOptions *o)
{
  CliLog log = {o->quiet, o->verbose, 0, NULL};
  CliExtract x;
  memset(&x, 0, sizeof x);
  x.opts = o;
  x.log = &log;
  x.nglog.func = cli_log;
  x.nglog.handle = &log;
  progress_init(&x.progress, o->quiet);
  log.progress = &x.progress;

  NgEngineOptions eo;
  memset(&eo, 0, sizeof eo);
  eo.data_path = o->data_path;
  eo.base = o->base;
  eo.min_link_confidence = o->min_link_confidence;
  eo.log = cli_log;
  eo.log_handle = &log;

  NgStatus st;
  x.engine = ng_engine_new(&eo, &st);
  if (!x.engine) {
    if (log.errors == 0) {
      cli_error(&log, NULL, "cannot load the language resources: %s",
                ng_strerror(st));
    }
    return exit_worse(NG_EXIT_DATA, exit_for_status(st));
  }
  if (o->lang && !ng_engine_has_language(x.engine, o->lang)) {
    ng_engine_free(x.engine);
    return usage_error("unknown language '%s' (expected auto or a language "
                       "of lexicon/languages.tsv: fr, en as shipped)",
                       o->lang);
  }

  if (o->store) {
    size_t errors_before = log.errors;
    x.store = ng_store_open(o->store, true, &x.nglog, &st);
    if (!x.store) {
      if (log.errors == errors_before) {
        cli_error(&log, o->store + 7, "cannot open the store: %s",
                  ng_strerror(st));
      }
      ng_engine_free(x.engine);
      return exit_worse(NG_EXIT_DATA, exit_for_status(st));
    }
  }

  CliInputs in;
  memset(&in, 0, sizeof in);
  if (o->ep.load.gsp_url || o->ep.load.update_url) {
    int rc = inputs_init(&in, o->files, o->n_files, o->ep.from_list, &log);
    if (rc == NG_EXIT_CONTINUE) {
      x.loader = endpoint_open(&o->ep, &log, &x.nglog, &rc);
    }
    if (!x.loader) {
      inputs_free(&in);
      ng_store_free(x.store);
      ng_engine_free(x.engine);
      return rc;
    }
  } else if (o->ep.from_list) {
    int rc = inputs_init(&in, o->files, o->n_files, o->ep.from_list, &log);
    if (rc != NG_EXIT_CONTINUE) {
      inputs_free(&in);
      ng_store_free(x.store);
      ng_engine_free(x.engine);
      return rc;
    }
  }

  bool regular = false;
  if (o->write_rdf) {
    x.out = open_output(&x, &regular);
    if (!x.out) {
      inputs_free(&in);
      ng_loader_free(x.loader);
      ng_store_free(x.store);
      ng_engine_free(x.engine);
      return NG_EXIT_IO;
    }
    x.emitter = ng_emitter_new(x.out, o->format,
                               o->base ? o->base : NG_EMIT_DEFAULT_BASE, &st);
    if (x.emitter) {
      ng_emitter_set_log(x.emitter, &x.nglog);
    }
  }
  x.graph = ng_graph_new(NULL);
  if ((o->write_rdf && !x.emitter) || !x.graph) {
    NgStatus why = o->write_rdf && !x.emitter ? st : NG_ERR_NOMEM;
    cli_error(&log, NULL, "cannot start the output: %s", ng_strerror(why));
    x.rc = exit_worse(NG_EXIT_DATA, exit_for_status(why));
    x.fatal = true;
  }

  static const char *const stdin_only[] = {"-", NULL};
  const char *const *files = o->n_files ? o->files : stdin_only;
  size_t n_files = o->n_files ? o->n_files : 1;
  if (in.items) {
    files = in.items;
    n_files = in.n;
  }
  /* Sending is all there is to do: once the endpoint is down, the
   * remaining inputs are listed, not read. */
  bool only_sending = x.loader && !o->write_rdf && !o->store;
  size_t untried = 0;
  for (size_t i = 0; i < n_files && !x.fatal; i++) {
    if (x.endpoint_down && only_sending) {
      untried++;
      (void)failed_add(&x.failed, files[i]);
      continue;
    }
    extract_input(&x, files[i]);
  }
  if (untried) {
    cli_error(&log, NULL, "stopped: %zu more %s not read", untried,
              untried == 1 ? "input was" : "inputs were");
  }

  if (!x.fatal && x.emitter) {
    size_t errors_before = log.errors;
    errno = 0;
    st = ng_emitter_finish(x.emitter);
    if (st != NG_SUCCESS) {
      output_failed(&x, errors_before, st, errno);
    }
  }
  ng_emitter_free(x.emitter);
  ng_store_free(x.store);
  if (x.loader) {
    progress_clear(&x.progress);
    x.rc = failed_finish(&x.failed, o->ep.failed, &log, x.rc);
    ng_loader_free(x.loader);
  }
  inputs_free(&in);
  seen_free(&x.seen);
  ng_graph_free(x.graph);
  ng_engine_free(x.engine);

  bool closed = close_output(&x);
  if (!closed) {
    x.rc = exit_worse(x.rc, NG_EXIT_IO);
  }
  if (!closed || x.fatal) {
    if (regular && remove(o->output) == 0) {
      cli_error(&log, o->output, "removed the incomplete output");
    }
  }
  if (o->summary) {
    summary_total(&x);
  }
  progress_clear(&x.progress);
  return x.rc;
}

static int
cmd_extract(int argc, char **argv)
{
  CliExtractOptions o;
  int rc = parse_extract_args(argc, argv, &o);
  if (rc != NG_EXIT_CONTINUE) {
    return rc;
  }
  const char *same = output_is_input(&o);
  if (same) {
    return usage_error("'%s' is both an input and the output", same);
  }
  return extract_run(&o);
}

/* ------------------------------------------------------------------ */
/* query                                                                */

typedef struct {
  const char *store; /* sqlite:PATH, or NULL: the files */
  NgResultsFormat results;
  bool quiet, verbose;
  const char *query; /* the argument: a query, or @FILE */
  const char *const *files; /* borrowed from argv */
  size_t n_files;
} CliQueryOptions;

static int
parse_query_args(int argc, char **argv, CliQueryOptions *o)
{
  static const struct option longopts[] = {
      {"store", required_argument, NULL, OPT_STORE},
      {"results", required_argument, NULL, OPT_RESULTS},
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};

  memset(o, 0, sizeof *o);
  /* People read a terminal; programs read the standard CSV. */
  o->results = isatty(fileno(stdout)) ? NG_RESULTS_TABLE : NG_RESULTS_CSV;
  opterr = 0;
  int c;
  while ((c = getopt_long(argc, argv, ":qvh", longopts, NULL)) != -1) {
    switch (c) {
    case OPT_STORE:
      if (strncmp(optarg, "sqlite:", 7) != 0 || !optarg[7]) {
        return usage_error("unknown store '%s' (expected sqlite:PATH)",
                           optarg);
      }
      o->store = optarg;
      break;
    case OPT_RESULTS:
      if (ng_results_format_parse(optarg, &o->results) != NG_SUCCESS) {
        return usage_error("unknown results format '%s' (expected table, "
                           "csv, tsv, json or xml)",
                           optarg);
      }
      break;
    case 'q':
      o->quiet = true;
      break;
    case 'v':
      o->verbose = true;
      break;
    case 'h':
      help_usage(stdout);
      help_query(stdout);
      help_trailer(stdout);
      return NG_EXIT_OK;
    default:
      return bad_option(c, argv, longopts);
    }
  }
  if (optind >= argc) {
    return usage_error("query: no SPARQL query given");
  }
  o->query = argv[argc - 1];
  o->files = (const char *const *)(argv + optind);
  o->n_files = (size_t)(argc - 1 - optind);
  if (o->store && o->n_files) {
    return usage_error("query: give either --store or RDF files, not both");
  }
  if (!o->store && !o->n_files) {
    return usage_error("query: nothing to query (give --store STORE or RDF "
                       "files before the query)");
  }
  return NG_EXIT_CONTINUE;
}

static int
query_run(const CliQueryOptions *o)
{
  CliLog log = {o->quiet, o->verbose, 0, NULL};
  NgLog nglog = {cli_log, &log};
  NgStatus st;

  char *text = NULL;
  if (o->query[0] == '@') {
    size_t len = 0;
    st = ng_read_file(o->query + 1, &text, &len);
    if (st != NG_SUCCESS) {
      cli_error(&log, o->query + 1, "cannot read the query: %s",
                st == NG_ERR_IO ? strerror(errno ? errno : EIO)
                                : ng_strerror(st));
      return exit_for_status(st);
    }
  }
  const char *sparql = text ? text : o->query;

  size_t errors_before = log.errors;
  NgStore *store =
      ng_store_open(o->store ? o->store : "memory", false, &nglog, &st);
  if (!store) {
    if (log.errors == errors_before) {
      cli_error(&log, o->store ? o->store + 7 : NULL,
                "cannot open the store: %s", ng_strerror(st));
    }
    ng_free(text);
    return exit_worse(NG_EXIT_DATA, exit_for_status(st));
  }
  int rc = NG_EXIT_OK;
  for (size_t i = 0; i < o->n_files; i++) {
    errors_before = log.errors;
    st = ng_store_load_file(store, o->files[i]);
    if (st != NG_SUCCESS) {
      if (log.errors == errors_before) {
        cli_error(&log, o->files[i], "cannot load: %s", ng_strerror(st));
      }
      rc = exit_worse(rc, exit_for_status(st));
    }
  }
  /* An answer over part of the data would look complete: no query then. */
  if (rc == NG_EXIT_OK) {
    errors_before = log.errors;
    st = ng_store_query(store, sparql, o->results, stdout);
    if (st == NG_ERR_IO) {
      cli_error(&log, NULL, "cannot write to standard output: %s",
                strerror(EIO));
    } else if (st != NG_SUCCESS && log.errors == errors_before) {
      cli_error(&log, NULL, "query failed: %s", ng_strerror(st));
    }
    rc = exit_for_status(st);
  }
  ng_store_free(store);
  ng_free(text);
  return rc;
}

static int
cmd_query(int argc, char **argv)
{
  CliQueryOptions o;
  int rc = parse_query_args(argc, argv, &o);
  if (rc != NG_EXIT_CONTINUE) {
    return rc;
  }
  return query_run(&o);
}

/* ------------------------------------------------------------------ */
/* load                                                                 */

typedef struct {
  CliEndpoint ep;
  const char *syntax; /* a raptor parser name, or "guess" */
  bool quiet, verbose, summary;
  const char *const *files; /* borrowed from argv */
  size_t n_files;
} CliLoadOptions;

static int
parse_load_args(int argc, char **argv, CliLoadOptions *o)
{
  static const struct option longopts[] = {
      ENDPOINT_LONGOPTS,
      {"graph", required_argument, NULL, OPT_GRAPH},
      {"input-syntax", required_argument, NULL, 'i'},
      {"summary", no_argument, NULL, 's'},
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  static const char *const syntaxes[] = {"guess",  "turtle", "ntriples",
                                         "nquads", "trig",   "rdfxml"};

  memset(o, 0, sizeof *o);
  ng_load_options_init(&o->ep.load);
  o->syntax = "guess";
  opterr = 0;
  int c;
  while ((c = getopt_long(argc, argv, ":i:sqvh", longopts, NULL)) != -1) {
    bool handled = false;
    int rc = endpoint_option(c, optarg, &o->ep, &handled);
    if (handled) {
      if (rc != NG_EXIT_CONTINUE) {
        return rc;
      }
      continue;
    }
    switch (c) {
    case 'i': {
      bool known = false;
      for (size_t i = 0; i < NG_COUNTOF(syntaxes); i++) {
        known |= strcmp(optarg, syntaxes[i]) == 0;
      }
      if (!known) {
        return usage_error("unknown input syntax '%s' (expected guess, "
                           "turtle, ntriples, nquads, trig or rdfxml)",
                           optarg);
      }
      o->syntax = optarg;
      break;
    }
    case 's':
      o->summary = true;
      break;
    case 'q':
      o->quiet = true;
      break;
    case 'v':
      o->verbose = true;
      break;
    case 'h':
      help_usage(stdout);
      help_load(stdout);
      help_trailer(stdout);
      return NG_EXIT_OK;
    default:
      return bad_option(c, argv, longopts);
    }
  }
  if (!o->ep.load.gsp_url && !o->ep.load.update_url) {
    return usage_error("load: no endpoint given (--endpoint URL for the "
                       "Graph Store Protocol, --sparql-update URL for "
                       "SPARQL Update)");
  }
  int rc = endpoint_check(&o->ep, "load");
  if (rc != NG_EXIT_CONTINUE) {
    return rc;
  }
  o->files = (const char *const *)(argv + optind);
  o->n_files = (size_t)(argc - optind);
  return NG_EXIT_CONTINUE;
}

/* The progress of one load run, updated after each document. */
typedef struct {
  CliProgress progress;
  size_t docs_ok, docs_failed, triples;
  bool input_failed; /* a document of the current input failed */
} CliLoadRun;

static void
load_document_done(void *handle, const NgLoadDoc *d, NgStatus st)
{
  CliLoadRun *r = handle;
  if (st == NG_SUCCESS) {
    r->docs_ok++;
    r->triples += d->triples;
    progress_update(&r->progress, d->bytes, d->triples);
  } else {
    r->docs_failed++;
    r->input_failed = true;
  }
}

static int
load_run(const CliLoadOptions *o)
{
  CliLog log = {o->quiet, o->verbose, 0, NULL};
  NgLog nglog = {cli_log, &log};
  CliLoadRun run;
  memset(&run, 0, sizeof run);
  progress_init(&run.progress, o->quiet);
  log.progress = &run.progress;

  CliInputs in;
  int rc = inputs_init(&in, o->files, o->n_files, o->ep.from_list, &log);
  if (rc != NG_EXIT_CONTINUE) {
    inputs_free(&in);
    return rc;
  }
  NgLoader *loader = endpoint_open(&o->ep, &log, &nglog, &rc);
  if (!loader) {
    inputs_free(&in);
    return rc;
  }
  rc = NG_EXIT_OK;
  CliFailed failed;
  memset(&failed, 0, sizeof failed);
  bool stopped = false;
  size_t untried = 0;
  for (size_t i = 0; i < in.n; i++) {
    if (stopped) {
      untried++;
      failed_add(&failed, in.items[i]);
      continue;
    }
    run.input_failed = false;
    size_t before = run.docs_failed;
    size_t errors_before = log.errors;
    NgStatus st = ng_loader_load_file(loader, in.items[i], o->syntax,
                                      o->ep.graph, load_document_done, &run);
    if (st != NG_SUCCESS) {
      if (log.errors == errors_before) {
        cli_error(&log, in.items[i], "cannot load: %s", ng_strerror(st));
      }
      if (run.docs_failed == before) {
        run.docs_failed++; /* unreadable: its documents are unknown */
      }
      run.input_failed = true;
      rc = exit_worse(rc, exit_for_status(st));
      if (st == NG_ERR_NETWORK || st == NG_ERR_NOMEM) {
        stopped = true;
      }
    }
    if (run.input_failed && !failed_add(&failed, in.items[i])) {
      cli_error(&log, NULL, "%s", ng_strerror(NG_ERR_NOMEM));
      rc = exit_worse(rc, NG_EXIT_DATA);
      stopped = true;
    }
  }
  if (untried) {
    cli_error(&log, NULL, "stopped: %zu more %s not tried", untried,
              untried == 1 ? "input was" : "inputs were");
  }
  failed.docs = run.docs_failed;
  progress_clear(&run.progress);
  if (o->summary) {
    fprintf(stderr, "%s: loaded %zu %s (%zu %s)", ng_prog, run.docs_ok,
            plural(run.docs_ok, "document", "documents"), run.triples,
            plural(run.triples, "triple", "triples"));
    if (run.docs_failed) {
      fprintf(stderr, "; %zu not loaded", run.docs_failed);
    }
    fputs("\n", stderr);
  }
  rc = failed_finish(&failed, o->ep.failed, &log, rc);
  ng_loader_free(loader);
  inputs_free(&in);
  return rc;
}

static int
cmd_load(int argc, char **argv)
{
  CliLoadOptions o;
  int rc = parse_load_args(argc, argv, &o);
  if (rc != NG_EXIT_CONTINUE) {
    return rc;
  }
  return load_run(&o);
}

/* ------------------------------------------------------------------ */
/* gazetteer compile                                                    */

typedef struct {
  const char *output;
  const char *data_path;
  bool quiet, verbose;
  const char *const *tsv;
  size_t n_tsv;
} CliGazetteerOptions;

static int
parse_gazetteer_args(int argc, char **argv, CliGazetteerOptions *o)
{
  static const struct option longopts[] = {
      {"output", required_argument, NULL, 'o'},
      {"data-path", required_argument, NULL, OPT_DATA_PATH},
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};

  memset(o, 0, sizeof *o);
  opterr = 0;
  int c;
  while ((c = getopt_long(argc, argv, ":o:qvh", longopts, NULL)) != -1) {
    switch (c) {
    case 'o':
      o->output = optarg;
      break;
    case OPT_DATA_PATH:
      o->data_path = optarg;
      break;
    case 'q':
      o->quiet = true;
      break;
    case 'v':
      o->verbose = true;
      break;
    case 'h':
      help_usage(stdout);
      help_gazetteer(stdout);
      help_trailer(stdout);
      return NG_EXIT_OK;
    default:
      return bad_option(c, argv, longopts);
    }
  }
  if (!o->output || !*o->output) {
    return usage_error("gazetteer compile: the output file is required "
                       "(-o OUT.ngz)");
  }
  if (optind >= argc) {
    return usage_error("gazetteer compile: no TSV table given");
  }
  /* argv is char **; the compiler takes the paths read-only. */
  o->tsv = (const char *const *)(argv + optind);
  o->n_tsv = (size_t)(argc - optind);
  return NG_EXIT_CONTINUE;
}

/* Compile into OUT.tmp and rename it over OUT only when complete, so a
 * failed run never leaves a truncated gazetteer that make would take for
 * up to date. */
static int
gazetteer_compile_run(const CliGazetteerOptions *o)
{
  CliLog log = {o->quiet, o->verbose, 0, NULL};
  NgLog nglog = {cli_log, &log};
  NgStatus st;

  NgLexicon *lex = ng_lexicon_load_default(o->data_path, &nglog, &st);
  if (!lex) {
    if (log.errors == 0) {
      cli_error(&log, NULL, "cannot load the lexicons: %s", ng_strerror(st));
    }
    return exit_worse(NG_EXIT_DATA, exit_for_status(st));
  }

  NgBuf tmp;
  ng_buf_init(&tmp);
  ng_buf_printf(&tmp, "%s.tmp", o->output);
  int rc = NG_EXIT_OK;
  if (tmp.failed) {
    cli_error(&log, NULL, "%s", ng_strerror(NG_ERR_NOMEM));
    rc = NG_EXIT_DATA;
  } else {
    size_t errors_before = log.errors;
    st = ng_gaz_compile(tmp.data, o->tsv, o->n_tsv, lex, &nglog);
    if (st != NG_SUCCESS) {
      if (log.errors == errors_before) {
        cli_error(&log, o->output, "cannot compile the gazetteer: %s",
                  ng_strerror(st));
      }
      rc = exit_worse(NG_EXIT_DATA, exit_for_status(st));
      remove(tmp.data);
    } else if (rename(tmp.data, o->output) != 0) {
      cli_error(&log, o->output, "cannot write: %s", strerror(errno));
      rc = NG_EXIT_IO;
      remove(tmp.data);
    }
  }
  ng_buf_free(&tmp);
  ng_lexicon_free(lex);
  return rc;
}

/* ------------------------------------------------------------------ */
/* gazetteer build                                                      */

typedef struct {
  const char *output, *tsv, *data_path, *classes_file, *dump;
  const char *langs_arg;
  NgDumpFormat format;
  size_t max_pending;
  bool quiet, verbose;
  const char *class_args[64];
  size_t n_class_args;
} CliBuildOptions;

static int
parse_build_args(int argc, char **argv, CliBuildOptions *o)
{
  static const struct option longopts[] = {
      {"output", required_argument, NULL, 'o'},
      {"tsv", required_argument, NULL, OPT_TSV},
      {"format", required_argument, NULL, 'f'},
      {"lang", required_argument, NULL, 'l'},
      {"classes", required_argument, NULL, OPT_CLASSES},
      {"class", required_argument, NULL, OPT_CLASS},
      {"max-pending", required_argument, NULL, OPT_MAX_PENDING},
      {"data-path", required_argument, NULL, OPT_DATA_PATH},
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};

  memset(o, 0, sizeof *o);
  o->langs_arg = "fr,en";
  opterr = 0;
  int c;
  while ((c = getopt_long(argc, argv, ":o:f:l:qvh", longopts, NULL)) != -1) {
    switch (c) {
    case 'o':
      o->output = optarg;
      break;
    case OPT_TSV:
      o->tsv = optarg;
      break;
    case 'f':
      if (ng_dump_format_parse(optarg, &o->format) != NG_SUCCESS) {
        return usage_error("gazetteer build: unknown dump format '%s' "
                           "(expected json, ntriples or auto)",
                           optarg);
      }
      break;
    case 'l':
      o->langs_arg = optarg;
      break;
    case OPT_CLASSES:
      o->classes_file = optarg;
      break;
    case OPT_CLASS:
      if (o->n_class_args >= NG_COUNTOF(o->class_args)) {
        return usage_error("gazetteer build: too many --class options");
      }
      o->class_args[o->n_class_args++] = optarg;
      break;
    case OPT_MAX_PENDING: {
      char *end = NULL;
      errno = 0;
      unsigned long long v = strtoull(optarg, &end, 10);
      if (errno || !end || *end || optarg[0] < '0' || optarg[0] > '9' ||
          v == 0 || v > 1000000000ull) {
        return usage_error("gazetteer build: --max-pending needs a number "
                           "from 1 to 1000000000, not '%s'",
                           optarg);
      }
      o->max_pending = (size_t)v;
      break;
    }
    case OPT_DATA_PATH:
      o->data_path = optarg;
      break;
    case 'q':
      o->quiet = true;
      break;
    case 'v':
      o->verbose = true;
      break;
    case 'h':
      help_usage(stdout);
      help_gazetteer(stdout);
      help_trailer(stdout);
      return NG_EXIT_OK;
    default:
      return bad_option(c, argv, longopts);
    }
  }
  if ((!o->output || !*o->output) && (!o->tsv || !*o->tsv)) {
    return usage_error("gazetteer build: an output is required "
                       "(-o OUT.ngz and/or --tsv FILE)");
  }
  if (optind >= argc) {
    return usage_error("gazetteer build: no dump given");
  }
  if (optind + 1 < argc) {
    return usage_error("gazetteer build: one dump at a time");
  }
  o->dump = argv[optind];
  return NG_EXIT_CONTINUE;
}

/* Split "fr,en" into @p langs (pointers into @p copy); false when empty
 * or a language is not a plain code. */
static bool
split_langs(char *copy, const char **langs, size_t max, size_t *n)
{
  *n = 0;
  for (char *p = strtok(copy, ","); p; p = strtok(NULL, ",")) {
    size_t len = strlen(p);
    if (len == 0 || len > 12 || strspn(p, "abcdefghijklmnopqrstuvwxyz-") != len ||
        *n >= max) {
      return false;
    }
    langs[(*n)++] = p;
  }
  return *n > 0;
}

static int
gazetteer_build_run(const CliBuildOptions *o)
{
  CliLog log = {o->quiet, o->verbose, 0, NULL};
  NgLog nglog = {cli_log, &log};
  NgStatus st;
  int rc = NG_EXIT_OK;
  char *langs_copy = ng_strdup(o->langs_arg);
  const char *langs[32];
  size_t n_langs = 0;
  if (!langs_copy) {
    cli_error(&log, NULL, "%s", ng_strerror(NG_ERR_NOMEM));
    return NG_EXIT_DATA;
  }
  if (!split_langs(langs_copy, langs, NG_COUNTOF(langs), &n_langs)) {
    ng_free(langs_copy);
    return usage_error("gazetteer build: --lang needs language codes such "
                       "as 'fr,en', not '%s'",
                       o->langs_arg);
  }
  NgGazClasses *classes = ng_gaz_classes_new();
  NgLexicon *lex = NULL;
  NgGazBuilder *b = NULL;
  FILE *tsv = NULL;
  NgBuf tmp;
  ng_buf_init(&tmp);
  if (!classes) {
    cli_error(&log, NULL, "%s", ng_strerror(NG_ERR_NOMEM));
    rc = NG_EXIT_DATA;
    goto done;
  }
  for (size_t i = 0; i < o->n_class_args; i++) {
    if (ng_gaz_classes_add_arg(classes, o->class_args[i]) != NG_SUCCESS) {
      rc = usage_error("gazetteer build: --class needs QID=Type (Type one "
                       "of Person, Country, City, Region, Organization, "
                       "GovernmentAgency, ...), not '%s'",
                       o->class_args[i]);
      goto done;
    }
  }
  if (o->classes_file || o->n_class_args == 0) {
    char *path = o->classes_file
                     ? ng_strdup(o->classes_file)
                     : ng_data_find(o->data_path,
                                    "gazetteer/build-classes.tsv");
    if (!path) {
      cli_error(&log, NULL, "cannot find gazetteer/build-classes.tsv in the "
                            "data path (give --classes FILE or --class)");
      rc = NG_EXIT_DATA;
      goto done;
    }
    st = ng_gaz_classes_load(classes, path, &nglog);
    ng_free(path);
    if (st != NG_SUCCESS) {
      rc = exit_worse(NG_EXIT_DATA, exit_for_status(st));
      goto done;
    }
  }
  lex = ng_lexicon_load_default(o->data_path, &nglog, &st);
  if (!lex) {
    if (log.errors == 0) {
      cli_error(&log, NULL, "cannot load the lexicons: %s", ng_strerror(st));
    }
    rc = exit_worse(NG_EXIT_DATA, exit_for_status(st));
    goto done;
  }
  b = ng_gaz_builder_new(lex);
  if (!b) {
    cli_error(&log, NULL, "%s", ng_strerror(NG_ERR_NOMEM));
    rc = NG_EXIT_DATA;
    goto done;
  }
  if (o->tsv) {
    tsv = strcmp(o->tsv, "-") == 0 ? stdout : fopen(o->tsv, "w");
    if (!tsv) {
      cli_error(&log, o->tsv, "cannot write: %s", strerror(errno));
      rc = NG_EXIT_IO;
      goto done;
    }
  }
  NgGazBuildOptions bo = {o->format, langs, n_langs, classes, o->max_pending,
                          tsv};
  NgGazBuildStats stats;
  st = ng_gaz_build_from_dump(b, o->dump, &bo, &stats, &nglog);
  if (tsv && tsv != stdout) {
    if (fclose(tsv) != 0 && st == NG_SUCCESS) {
      st = NG_ERR_IO;
    }
    tsv = NULL;
  }
  if (st != NG_SUCCESS) {
    if (log.errors == 0) {
      cli_error(&log, o->dump, "cannot build the gazetteer: %s",
                ng_strerror(st));
    }
    rc = exit_worse(NG_EXIT_DATA, exit_for_status(st));
    goto done;
  }
  if (!o->quiet) {
    fprintf(stderr,
            "%s: %s: %s dump (%s): %llu entities read, %llu kept, %llu "
            "labels, %llu malformed skipped\n",
            ng_prog, strcmp(o->dump, "-") == 0 ? "<stdin>" : o->dump,
            stats.format == NG_DUMP_JSON ? "JSON" : "N-Triples",
            ng_dump_compression_name(stats.compression),
            (unsigned long long)stats.items, (unsigned long long)stats.kept,
            (unsigned long long)stats.labels, (unsigned long long)stats.bad);
  }
  if (stats.bad) {
    /* As extract does for a skipped document: the output is written, and
     * the exit status says that something was left out. */
    rc = NG_EXIT_DATA;
  }
  if (o->output) {
    /* As for compile: write beside, rename when complete. */
    ng_buf_printf(&tmp, "%s.tmp", o->output);
    if (tmp.failed) {
      cli_error(&log, NULL, "%s", ng_strerror(NG_ERR_NOMEM));
      rc = NG_EXIT_DATA;
      goto done;
    }
    st = ng_gaz_builder_write(b, tmp.data);
    if (st != NG_SUCCESS) {
      cli_error(&log, o->output, "cannot write the gazetteer: %s",
                ng_strerror(st));
      rc = exit_worse(NG_EXIT_DATA, exit_for_status(st));
      remove(tmp.data);
    } else if (rename(tmp.data, o->output) != 0) {
      cli_error(&log, o->output, "cannot write: %s", strerror(errno));
      rc = NG_EXIT_IO;
      remove(tmp.data);
    }
  }
done:
  if (tsv && tsv != stdout) {
    fclose(tsv);
  }
  ng_buf_free(&tmp);
  ng_gaz_builder_free(b);
  ng_lexicon_free(lex);
  ng_gaz_classes_free(classes);
  ng_free(langs_copy);
  return rc;
}

static int
cmd_gazetteer(int argc, char **argv)
{
  if (argc < 2) {
    return usage_error("gazetteer: missing subcommand (compile or build)");
  }
  if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
    help_usage(stdout);
    help_gazetteer(stdout);
    help_trailer(stdout);
    return NG_EXIT_OK;
  }
  if (strcmp(argv[1], "build") == 0) {
    CliBuildOptions bo;
    int brc = parse_build_args(argc - 1, argv + 1, &bo);
    if (brc != NG_EXIT_CONTINUE) {
      return brc;
    }
    return gazetteer_build_run(&bo);
  }
  if (strcmp(argv[1], "compile") != 0) {
    return usage_error("gazetteer: unknown subcommand '%s' (expected "
                       "compile or build)",
                       argv[1]);
  }
  CliGazetteerOptions o;
  int rc = parse_gazetteer_args(argc - 1, argv + 1, &o);
  if (rc != NG_EXIT_CONTINUE) {
    return rc;
  }
  return gazetteer_compile_run(&o);
}

/* ------------------------------------------------------------------ */
/* main                                                                 */

/* "newsgraph help [COMMAND]". */
static int
cmd_help(int argc, char **argv)
{
  if (argc < 2) {
    help_all(stdout);
  } else if (strcmp(argv[1], "extract") == 0) {
    help_usage(stdout);
    help_extract(stdout);
    help_trailer(stdout);
  } else if (strcmp(argv[1], "query") == 0) {
    help_usage(stdout);
    help_query(stdout);
    help_trailer(stdout);
  } else if (strcmp(argv[1], "gazetteer") == 0) {
    help_usage(stdout);
    help_gazetteer(stdout);
    help_trailer(stdout);
  } else if (strcmp(argv[1], "load") == 0) {
    help_usage(stdout);
    help_load(stdout);
    help_trailer(stdout);
  } else {
    return usage_error("help: unknown command '%s'", argv[1]);
  }
  return NG_EXIT_OK;
}

/* Standard output is where the data goes: a full disk or a closed pipe
 * must not end in exit code 0. */
static int
close_stdout(int rc)
{
  bool failed = ferror(stdout) != 0;
  int err = EIO;
  if (fflush(stdout) != 0) {
    failed = true;
    err = errno;
  }
  if (fclose(stdout) != 0 && !failed) {
    failed = true;
    err = errno;
  }
  if (!failed) {
    return rc;
  }
  if (rc != NG_EXIT_IO) {
    fprintf(stderr, "%s: error: cannot write to standard output: %s\n",
            ng_prog, strerror(err));
  }
  return NG_EXIT_IO;
}

static int
dispatch(int argc, char **argv)
{
  if (argc < 2) {
    return usage_error("missing command (extract, query, load or "
                       "gazetteer)");
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
    help_all(stdout);
    return NG_EXIT_OK;
  }
  if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
    printf("%s %s\n", ng_prog, ng_version());
    return NG_EXIT_OK;
  }
  /* Each command parses its own options from argv + 1, so getopt runs
   * once per process and its error messages name the right argument. */
  if (strcmp(cmd, "extract") == 0) {
    return cmd_extract(argc - 1, argv + 1);
  }
  if (strcmp(cmd, "query") == 0) {
    return cmd_query(argc - 1, argv + 1);
  }
  if (strcmp(cmd, "gazetteer") == 0) {
    return cmd_gazetteer(argc - 1, argv + 1);
  }
  if (strcmp(cmd, "load") == 0) {
    return cmd_load(argc - 1, argv + 1);
  }
  if (strcmp(cmd, "help") == 0) {
    return cmd_help(argc - 1, argv + 1);
  }
  if (cmd[0] == '-') {
    return usage_error("unknown option '%s' (options follow the command)",
                       cmd);
  }
  return usage_error("unknown command '%s' (expected extract, query, load "
                     "or gazetteer)",
                     cmd);
}

int
main(int argc, char **argv)
{
  return close_stdout(dispatch(argc, argv));
}
