/* Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
 *
 * gazetteer build (part of recognise): a gazetteer from a Wikidata dump,
 * `newsgraph gazetteer build`. Two dump formats are read, streaming:
 *
 *  - the JSON dump (latest-all.json[.gz|.bz2]): a JSON array written one
 *    entity per line ("[", then "{...}," lines, the last without its
 *    comma, then "]"), or the same lines without the array (NDJSON, as
 *    dump filters write them); each line is parsed on its own with json-c;
 *  - the truthy N-Triples dump (latest-truthy.nt[.gz|.bz2]), parsed by
 *    raptor's N-Triples parser fed from the decompressor.
 *
 * Input may be plain, gzip (zlib, any number of members) or bzip2
 * (libbz2, any number of streams), told apart by their magic bytes; "-"
 * is standard input.
 *
 * An item is kept when one of its P31 (instance of) values is a class of
 * the class table (ontology/gazetteer/build-classes.tsv, or --class
 * QID=Type); the first matching row of the table gives its type. Labels
 * and aliases in the chosen languages become gazetteer labels; its
 * country is its P17 (country), else its P27 (country of citizenship);
 * its prior is its number of sitelinks (pages about it on Wikimedia
 * sites), the popularity that ranks "Paris" the capital above "Paris" the
 * town in Texas. Subclasses (P279) are not followed: the dump's class
 * graph is not available while streaming, so a table lists every class
 * it wants (a precomputed subclass list can be appended to it).
 *
 * Memory: the JSON dump holds one line (one entity) at a time besides the
 * kept entries. In the N-Triples dump the triples of an item are
 * contiguous, but the sitelinks of an item (schema:about triples whose
 * subject is a page) may come outside its block: counts for items not
 * seen yet wait in a table bounded by max_pending (16 bytes each), and
 * counts for items already kept update their entry. So memory is the
 * gazetteer being built (about 350 bytes per label at its peak, when it
 * is sorted and written) plus 32 bytes per kept item plus the bounded
 * pending table.
 */
#ifndef NG_GAZETTEER_BUILD_H
#define NG_GAZETTEER_BUILD_H

#include "common.h"
#include "gazetteer.h"

#include <stdio.h>

/* ---- decompressing reader ---- */

typedef enum {
  NG_DUMP_PLAIN = 0,
  NG_DUMP_GZIP,
  NG_DUMP_BZIP2
} NgDumpCompression;

/* "plain", "gzip", "bzip2". */
const char *ng_dump_compression_name(NgDumpCompression c);

typedef struct NgDumpReader NgDumpReader;

/* Open @p path ("-" for standard input) and detect its compression from
 * its first bytes. NULL with *st = NG_ERR_IO when it cannot be opened. */
NgDumpReader *ng_dump_reader_open(const char *path, NgStatus *st);
void ng_dump_reader_free(NgDumpReader *r);
NgDumpCompression ng_dump_reader_compression(const NgDumpReader *r);

/* The next decompressed bytes, borrowed until the next call on @p r.
 * NG_FAILURE at the end of the input; NG_ERR_DATA when the compressed
 * stream is corrupt or truncated (ng_dump_reader_error says which);
 * NG_ERR_IO on a read error; NG_ERR_NOMEM. */
NgStatus ng_dump_reader_read(NgDumpReader *r, const char **data, size_t *len);

/* The next line (without its '\n') into @p line (cleared first); the
 * same returns as ng_dump_reader_read. A last line without '\n' counts. */
NgStatus ng_dump_reader_getline(NgDumpReader *r, NgBuf *line);

/* The first decompressed bytes without consuming them (at most the
 * reader's buffer); NG_FAILURE when the input is empty. */
NgStatus ng_dump_reader_peek(NgDumpReader *r, const char **data, size_t *len);

/* What went wrong, for the last NG_ERR_DATA or NG_ERR_IO ("" if nothing). */
const char *ng_dump_reader_error(const NgDumpReader *r);

/* ---- class table ---- */

typedef struct NgGazClasses NgGazClasses;

NgGazClasses *ng_gaz_classes_new(void);
void ng_gaz_classes_free(NgGazClasses *c);
/* Add a class; a class added earlier keeps its type and ranks first.
 * NG_ERR_ARG for an invalid QID or type NONE; NG_ERR_NOMEM. */
NgStatus ng_gaz_classes_add(NgGazClasses *c, const char *qid,
                            NgEntityType type);
/* Add "QID=Type" (a command-line --class): Type is an entity type name
 * ("Person", "City", "GovernmentAgency"...). NG_ERR_ARG when malformed. */
NgStatus ng_gaz_classes_add_arg(NgGazClasses *c, const char *arg);
/* Load a table of "class_qid<TAB>type[<TAB>label]" rows ('#' comments,
 * a header row "class_qid type ..." allowed). Bad rows are file:line
 * warnings and skipped; NG_ERR_IO when it cannot be read. */
NgStatus ng_gaz_classes_load(NgGazClasses *c, const char *path,
                             const NgLog *log);
size_t ng_gaz_classes_count(const NgGazClasses *c);
/* The type of class @p qid ("Q515"), NG_ENT_NONE when not in the table. */
NgEntityType ng_gaz_classes_type(const NgGazClasses *c, const char *qid);

/* ---- building ---- */

typedef enum {
  NG_DUMP_AUTO = 0, /* from the first byte: '[' or '{' is JSON */
  NG_DUMP_JSON,
  NG_DUMP_NTRIPLES
} NgDumpFormat;

/* "auto", "json", "ntriples" -> format; NG_ERR_ARG otherwise. */
NgStatus ng_dump_format_parse(const char *name, NgDumpFormat *out);

typedef struct {
  NgDumpFormat format;
  const char *const *langs; /* label languages, e.g. {"fr", "en"} */
  size_t n_langs;
  const NgGazClasses *classes; /* borrowed */
  size_t max_pending; /* N-Triples: early sitelink counts held; 0: 1M */
  FILE *tsv; /* borrowed; when set, every kept item is written as a row */
} NgGazBuildOptions;

typedef struct {
  NgDumpFormat format;           /* the format read */
  NgDumpCompression compression; /* the compression read */
  uint64_t lines;     /* JSON: lines read */
  uint64_t items;     /* items seen */
  uint64_t kept;      /* items that passed the class filter */
  uint64_t labels;    /* labels and aliases added */
  uint64_t bad;       /* malformed lines or statements skipped */
  uint64_t pending_dropped; /* sitelink counts lost to max_pending */
} NgGazBuildStats;

/* Header row of the TSV written with NgGazBuildOptions.tsv; `gazetteer
 * compile` reads the table back ("labels" is "lang:text|lang:text"). */
#define NG_GAZ_BUILD_TSV_HEADER \
  "qid\ttype\tprior\tcountry\tsince\tlabel_en\tlabel_fr\tlabels\n"

/* Read the dump at @p path ("-": standard input) into @p b (borrowed).
 * Malformed lines or statements are reported through @p log with their
 * line number (warnings) and skipped. Returns NG_ERR_DATA for a corrupt
 * or truncated compressed stream or a JSON dump that is not an array of
 * entities, NG_ERR_IO for a read or TSV write error, NG_ERR_ARG for bad
 * options (no class, no language), NG_ERR_NOMEM. @p stats (may be NULL)
 * is filled in any case. */
NgStatus ng_gaz_build_from_dump(NgGazBuilder *b, const char *path,
                                const NgGazBuildOptions *o,
                                NgGazBuildStats *stats, const NgLog *log);

#endif
