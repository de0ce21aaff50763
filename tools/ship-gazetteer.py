#!/usr/bin/env python3
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
"""Regenerate ontology/gazetteer/*.tsv from the verified source tables.

usage: ship-gazetteer.py SOURCE_DIR [OUT_DIR]

Needs the word lists of /usr/share/dict (or $DICT_DIR) that Debian's
wamerican, wbritish, wfrench, wspanish, wportuguese and witalian install.

SOURCE_DIR holds the verified Wikidata tables (countries.tsv, cities.tsv,
regions.tsv, continents.tsv, organizations.tsv, agencies.tsv, people.tsv)
described by its SOURCES.md. OUT_DIR defaults to ontology/gazetteer next
to this script. Only the verified tables are read; the *_unverified and
*_conflicts tables never are. Columns the compiler does not use
(coordinates, notes, roles, ...) are dropped, header rows are kept, and a
row whose only source is the non-commercial `peppercat` is left out,
unless another source confirms the person (tools/people-confirmed.tsv):
then its QID, names, country and date of birth come from there, nothing
else from the row. A person's birth date stays: a document published
before it names someone else.
demonyms.tsv and LICENSE.md are written by hand and are not touched.

Names that would link ordinary words are left out, because a wrong QID
is worse than none:
 - an Arabic name written in Latin capitals (a code: "EST" for a region
   of Burkina Faso, which matched every "EST" of a headline);
 - the `native` column of cities and regions (machine translations in the
   source: a town "natively" named "Non", "Her" or "It is");
 - a place's name that is a country's demonym ("Somali" for a region of
   Ethiopia, "Espagnol" for Espanola, Ontario) or a word of
   tools/not-place-names.tsv, cut from a longer name by the source
   ("Jewish", "Northern");
 - the French name of a place under 100,000 inhabitants when it is
   neither the English name nor close to it (machine translations such as
   "Tour" for Thurn or "Roi" for King, Ontario); a region, which the table
   gives no population for, keeps it when it is a constituent country
   (Angleterre) or when a word of it starts like one of the English name
   and it passes the checks of region_french_ok ("Bavière" stays,
   "Liège" for County Cork and "Mayonnaise" for Mayo go), or when
   tools/french-region-names.tsv, a second source, gives the same name for
   its ISO 3166-2 code ("Grisons", "Tessin");
 - for people, agencies and parties, names of one word ("Justice",
   "Forward", "Senate"), except acronyms of three letters or more and an
   agency's or party's label that is no word ("Hamas", "Likud",
   "Bundeswehr", "Eurostat"): of four letters or more, no word in lower
   case of the English, French, Spanish, Portuguese and Italian word lists
   of /usr/share/dict (Debian's wamerican, wbritish, wfrench, wspanish,
   wportuguese and witalian: "Unity", "Volt", "Renaissance", "Todos" go),
   no name of another entry of the tables ("Sherbrooke"), no word of a
   person's name in people.tsv ("Meri", "Safina"), no given name, no
   demonym, and not a legislature's (the word for a parliament in its
   language: "Landtag", "Majlis", "Skupština" name the parliaments of
   several countries); and names that two entries share (acronyms such
   as "PSD", namesakes);
   but the longer names that bodies of several countries share ("National
   Assembly", "Labour Party") stay for agencies and parties: resolve
   links such a name only to the one entry of the document's main
   country;
 - for people, names without a capital or with punctuation.

An international organisation also gets the short names of
tools/body-names.tsv, by its English label ("Nations unies"). A country
also gets, as aliases, the names tools/country-names.tsv gives
its ISO code (English and French common and official names, alternative
spellings: "Birmanie", "République fédérale d'Allemagne", "Holland";
Wikidata aliases: "Britain", "America"),
except names of another entry of the tables, names that start another
country's ("Virgin Islands" for the British ones, "Virgin Islands, U.S."
being the others), the source's spacing typos, and of the alternative
spellings the codes ("GB"; an acronym that is no country's code stays:
"UAE", "DRC"), words of four letters or less ("Mann"),
demonyms ("Togolese") and single words of a longer name of the country
("Emirates").
"""
import os
import sys
import unicodedata

# table -> columns kept, in order (all must exist in the source header)
TABLES = {
    "countries.tsv": ["qid", "iso2", "iso3", "label_en", "label_fr",
                      "label_ar", "demonym_en", "aliases", "sources"],
    "cities.tsv": ["qid", "label_en", "label_fr", "label_ar",
                   "aliases", "country_iso2", "population", "ne_pop_max",
                   "sources"],
    "regions.tsv": ["qid", "label_en", "label_fr", "label_ar",
                    "country_iso2", "type", "level", "sources"],
    "continents.tsv": ["qid", "label_en", "label_fr", "aliases", "kind",
                       "sources"],
    "organizations.tsv": ["qid", "label_en", "label_fr", "label_ar",
                          "aliases", "kind", "country_iso2", "sources"],
    "agencies.tsv": ["qid", "label_en", "label_fr", "aliases", "kind",
                     "country_iso2", "sources"],
    "people.tsv": ["qid", "label", "label_en", "label_fr", "aliases",
                   "country_iso2", "sources", "birth_date"],
}

# Below this population a place's French name must be its English one or
# close to it (see the docstring).
SMALL_PLACE = 100000

NC_ONLY = {"peppercat"}  # CC BY-NC: never shipped on its own
# the source tag of a person tools/people-confirmed.tsv confirms
CONFIRMING_SOURCE = "everypolitician-scrapers"

COMMENT = ("# newsgraph gazetteer table, derived from public data; "
           "sources, licences and attribution in LICENSE.md\n")


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def distance(a, b):
    """Levenshtein distance."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1,
                           prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def is_acronym(name):
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def words(s):
    return [w for w in "".join(c if c.isalnum() else " " for c in s).split()
            if len(w) >= 3]


# English words of regions' names that say what or where, not which:
# "North Bank" and "Rive Nord" share only such a word.
GENERIC = set("""north northern south southern east eastern west western
central centre center mid upper lower new great greater river bank coast
valley forest island islands province region territory territories state
district county city capital autonomous administrative governorate
oblast national borders peninsula""".split())


def region_french_ok(row, names):
    """The French name of a region the table gives no population for:
    kept when a word of it starts like a word of the English name
    ("Bavière", Bavaria; "Caroline du Nord"), unless it looks like a
    machine translation of an English word or a page title: it starts in
    lower case, is in capitals or has a bracket ("juif", "HNE", "Qusar
    (raion)"), is another place's or body's name
    ("Liège" for County Cork, "Menton" for Chin), a given name ("Marie"
    for Mary), or one word that only lengthens the English name
    ("Mayonnaise" for Mayo)."""
    label = row["label_fr"]
    fr, en = fold(label), fold(row["label_en"])
    if not label[0].isupper() or label.isupper() or "(" in label:
        return False  # "juif", "HNE", "Qusar (raion)"
    if names["labels"].get(fr, {row["qid"]}) - {row["qid"]}:
        return False
    if fr in names["given"]:
        return False
    if " " not in fr and "-" not in fr and fr.startswith(en) and fr != en:
        return False
    return any(f[:3] == e[:3] for f in words(fr) for e in words(en)
               if e not in GENERIC)


def keep_french(row, names):
    """The French name of a small place, unless it is a likely machine
    translation (neither the English name nor close to it)."""
    fr, en = fold(row["label_fr"]), fold(row["label_en"])
    if not fr or fr == en:
        return True
    try:
        pop = int(row.get("population") or 0) or int(row.get("ne_pop_max") or 0)
    except ValueError:
        pop = 0
    if pop >= SMALL_PLACE or row.get("type") == "country":
        return True
    if distance(fr, en) < 0.4 * max(len(fr), len(en)):
        return True
    if "population" in row:
        return False
    confirmed = names["confirmed_fr"].get(row.get("iso3166_2"))
    return confirmed == row["label_fr"] or region_french_ok(row, names)


def place_name_ok(name, names):
    """Whether a place's name may be a label: not a country's demonym nor a
    word of tools/not-place-names.tsv."""
    return fold(name) not in names["demonyms"] and \
        fold(name) not in names["not_place"]


def name_ok(name, table, shared, names, qid=None):
    """Whether a person's, agency's or party's name may be a label; @p qid
    is the entry's when @p name is one of its labels, not an alias."""
    if table == "people.tsv" and (not any(c.isupper() for c in name) or
                                  any(c in name for c in ",;()/.")):
        return False
    if fold(name) in shared and (table == "people.tsv" or is_acronym(name) or
                                 len(name.split()) < 2):
        return False  # a body's longer name shared across countries stays
    if len(name.split()) > 1:
        return True
    letters = sum(c.isalpha() for c in name)
    if is_acronym(name):
        return letters >= 3
    return table == "agencies.tsv" and qid is not None and \
        one_word_name_ok(name, qid, names)


def one_word_name_ok(name, qid, names):
    """Whether a body's label of one word is no word (see the docstring)."""
    f = fold(name)
    return names["kinds"].get(qid) != "legislature" and \
        f not in names["person_words"] and \
        sum(c.isalpha() for c in name) >= 4 and \
        name[:1].isupper() and not any(c.isupper() for c in name[1:]) and \
        f not in names["words"] and \
        not names["labels"].get(f, {qid}) - {qid} and \
        f not in names["given"] and f not in names["demonyms"]


def names_shared(rows, table):
    """Names (folded) naming more than one entry of the table: acronyms
    ("PSD"), the legislatures of many countries ("National Assembly",
    "House of Delegates"), namesakes."""
    seen = {}
    for row in rows:
        for name in names_of(row, table):
            seen.setdefault(fold(name), set()).add(row["qid"])
    return {a for a, q in seen.items() if len(q) > 1}


def names_of(row, table):
    cols = ["label", "label_en", "label_fr"] if table == "people.tsv" else \
        ["label_en", "label_fr"]
    out = [row[c] for c in cols if row.get(c)]
    return out + [a for a in row.get("aliases", "").split("|") if a]


def country_names_ok(row, name, kind, names):
    """Whether a name of tools/country-names.tsv may join a country's
    aliases (see the docstring)."""
    if " -" in name or "' " in name:
        return False  # the source's spacing typos: "Antigua -et-Barbuda"
    if names["labels"].get(fold(name), {row["qid"]}) - {row["qid"]}:
        return False  # another entry's name
    f = fold(name)
    for iso2, others in names["country_names"].items():
        if iso2 != row["iso2"] and any(
                fold(o).startswith(f) and fold(o)[len(f):len(f) + 1] in ", "
                for o in others):
            return False  # the start of another's: "Virgin Islands"
    if kind != "alt":
        return True
    letters = sum(c.isalpha() for c in name)
    if is_acronym(name) and letters >= 3 and \
            name.replace(".", "") not in names["codes"]:
        return True  # an acronym, not a code: "UAE", "DRC"
    if (is_acronym(name) and letters <= 4) or \
            (" " not in name and letters <= 4):
        return False  # a code ("GB", "AD") or a short word ("Mann")
    if fold(name) in names["demonyms"]:
        return False  # "Togolese", "Saudi"
    if " " not in name.strip():
        longer = [fold(n) for n in names_of(row, "countries.tsv") +
                  names["country_names"].get(row["iso2"], [])]
        if any(fold(name) in n.split() and fold(name) != n for n in longer):
            return False  # a word of a longer name: "Emirates", "Mexicanos"
    return True


def add_country_names(row, names):
    """The names of tools/country-names.tsv for the country's code that
    its row lacks, appended to its aliases."""
    have = {fold(n) for n in names_of(row, "countries.tsv")}
    added = []
    for lang, kind, name in names["country_rows"].get(row["iso2"], []):
        if fold(name) in have or not country_names_ok(row, name, kind, names):
            continue
        have.add(fold(name))
        added.append(name)
    row["aliases"] = "|".join([a for a in row["aliases"].split("|") if a] +
                              added)


def clean(row, table, shared, names):
    """Blank or drop the names a table must not ship (see the docstring)."""
    if table == "countries.tsv":
        add_country_names(row, names)
    if table == "organizations.tsv":
        have = {fold(n) for n in names_of(row, table)}
        extra = [n for n in names["body_names"].get(row["label_en"], [])
                 if fold(n) not in have]
        row["aliases"] = "|".join([a for a in row["aliases"].split("|") if a]
                                  + extra)
    if table in ("cities.tsv", "regions.tsv") and not keep_french(row, names):
        row["label_fr"] = ""
    if table in ("cities.tsv", "regions.tsv", "continents.tsv"):
        if row.get("label_en") and not place_name_ok(row["label_en"], names):
            row["label_en"] = ""
            row["label_ar"] = ""  # the same cut name: "يهودي", "Jewish"
        if row.get("label_fr") and not place_name_ok(row["label_fr"], names):
            row["label_fr"] = ""
        if "aliases" in row:
            row["aliases"] = "|".join(a for a in row["aliases"].split("|")
                                      if a and place_name_ok(a, names))
        if not any(row.get(c) for c in ("label_en", "label_fr", "label_ar",
                                         "aliases")):
            return None
    if is_acronym(row.get("label_ar", "")):
        row["label_ar"] = ""  # a code in the Arabic column: "EST"
    if table in ("people.tsv", "agencies.tsv"):
        cols = ["label", "label_en", "label_fr"]
        for c in cols:
            if row.get(c) and not name_ok(row[c], table, shared, names,
                                          row["qid"]):
                row[c] = ""
        row["aliases"] = "|".join(a for a in row["aliases"].split("|")
                                  if a and name_ok(a, table, shared, names))
        if not any(row.get(c) for c in cols + ["aliases"]):
            return None
    return row


def confirmed_person(row, table, names):
    """A person whose only source is non-commercial, as another source
    confirms them (tools/people-confirmed.tsv): its QID, its names, its
    country and its date of birth from there, nothing else of the row; or
    None."""
    conf = names["confirmed_people"].get(row["qid"])
    if table != "people.tsv" or not conf:
        return None
    out = {c: "" for c in row}
    out["qid"] = row["qid"]
    out["label"] = out["label_en"] = conf["names"][0]
    out["aliases"] = "|".join(conf["names"][1:])
    out["country_iso2"] = conf["country"]
    out["birth_date"] = conf["birth"]
    out["sources"] = CONFIRMING_SOURCE
    return out


def ship(src_path, out_path, keep, names):
    with open(src_path, encoding="utf-8", newline="\n") as f:
        lines = f.read().split("\n")
    header = lines[0].split("\t")
    missing = [c for c in keep if c not in header]
    if missing:
        sys.exit("%s: missing columns %s" % (src_path, ", ".join(missing)))
    src_col = header.index("sources")
    table = os.path.basename(src_path)
    rows, dropped, unnamed, confirmed = [], 0, 0, 0
    for n, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            sys.exit("%s:%d: %d columns, expected %d"
                     % (src_path, n, len(cells), len(header)))
        row = dict(zip(header, cells))
        if cells[src_col] in NC_ONLY:
            row = confirmed_person(row, table, names)
            if row is None:
                dropped += 1
                continue
            confirmed += 1
        rows.append(row)
    shared = names_shared(rows, table)
    kept = []
    for row in rows:
        row = clean(row, table, shared, names)
        if row is None:
            unnamed += 1
            continue
        kept.append("\t".join(row[c] for c in keep))
    rows = kept
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(COMMENT)
        f.write("\t".join(keep) + "\n")
        for r in rows:
            f.write(r + "\n")
    os.replace(tmp, out_path)
    print("%s: %d rows (%d non-commercial rows dropped, %d confirmed by "
          "another source, %d left without a usable name)"
          % (os.path.basename(out_path), len(rows), dropped, confirmed,
             unnamed))


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__.strip().splitlines()[2])
    src = argv[1]
    out = argv[2] if len(argv) == 3 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "ontology",
        "gazetteer")
    os.makedirs(out, exist_ok=True)
    names = {"labels": labels_of_tables(src), "given": given_names(),
             "confirmed_fr": confirmed_french_names(),
             "confirmed_people": confirmed_people(),
             "demonyms": demonyms(out)}
    names["country_rows"] = country_names()
    names["codes"] = country_codes(src)
    names["body_names"] = body_names()
    names["not_place"] = {fold(r[0]) for r in tool_table("not-place-names.tsv")}
    names["words"] = dictionary_words()
    names["kinds"] = {r["qid"]: r["kind"]
                      for r in source_rows(src, "agencies.tsv")}
    names["person_words"] = {
        fold(w) for r in source_rows(src, "people.tsv")
        for c in ("label", "label_en", "label_fr") for w in r[c].split()}
    names["country_names"] = {
        iso2: [n for _, _, n in rows]
        for iso2, rows in names["country_rows"].items()}
    for name, keep in TABLES.items():
        ship(os.path.join(src, name), os.path.join(out, name), keep, names)


def labels_of_tables(src):
    """Every name (folded) of the places and bodies of the source tables,
    with the QIDs it names."""
    out = {}
    for name in TABLES:
        if name == "people.tsv":
            continue
        with open(os.path.join(src, name), encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            for line in f:
                row = dict(zip(header, line.rstrip("\n").split("\t")))
                for n in names_of(row, name):
                    out.setdefault(fold(n), set()).add(row["qid"])
    return out


def tool_table(name):
    """The rows of the table tools/NAME, comments and header left out."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)
    with open(path, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f
                if l.strip() and not l.startswith("#")]
    return rows[1:]


def body_names():
    """English label -> [name], from tools/body-names.tsv."""
    out = {}
    for label_en, _lang, name in tool_table("body-names.tsv"):
        out.setdefault(label_en, []).append(name)
    return out


def source_rows(src, name):
    """The rows of the source table NAME, as dicts by its header."""
    with open(os.path.join(src, name), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        return [dict(zip(header, l.rstrip("\n").split("\t"))) for l in f]


def country_codes(src):
    """Every ISO 3166-1 alpha-2 and alpha-3 code of the source countries."""
    return {r[c] for r in source_rows(src, "countries.tsv")
            for c in ("iso2", "iso3") if r.get(c)}


def confirmed_people():
    """QID -> {"names": [name], "country": iso2, "birth": date}, from
    tools/people-confirmed.tsv (its first name of a QID first)."""
    out = {}
    for qid, name, iso2, birth, _repo, _path, _commit in tool_table(
            "people-confirmed.tsv"):
        p = out.setdefault(qid, {"names": [], "country": "", "birth": ""})
        if name not in p["names"]:
            p["names"].append(name)
        p["country"] = p["country"] or iso2
        p["birth"] = p["birth"] or birth
    return out


def confirmed_french_names():
    """ISO 3166-2 code -> French name, from tools/french-region-names.tsv."""
    return {r[0]: r[1] for r in tool_table("french-region-names.tsv")}


def country_names():
    """ISO 3166-1 code -> [(lang, kind, name)], from
    tools/country-names.tsv."""
    out = {}
    for iso2, lang, kind, name in tool_table("country-names.tsv"):
        out.setdefault(iso2, []).append((lang, kind, name))
    return out


def demonyms(out):
    """The forms of the hand-written demonyms.tsv (folded)."""
    with open(os.path.join(out, "demonyms.tsv"), encoding="utf-8") as f:
        return {fold(l.rstrip("\n").split("\t")[2]) for l in f
                if l.strip() and not l.startswith("#") and
                len(l.split("\t")) == 3 and not l.startswith("iso2\t")}


# The word lists a body's one-word label must not be in (see the
# docstring), as Debian's wamerican, wbritish and wfrench install them.
WORD_LISTS = ["american-english", "british-english", "french", "spanish",
              "portuguese", "italian"]


def dictionary_words(lists=WORD_LISTS):
    """The words in lower case (folded) of the word lists @p lists (names
    of files, WORD_LISTS by default) in $DICT_DIR, by default
    /usr/share/dict."""
    d = os.environ.get("DICT_DIR", "/usr/share/dict")
    out = set()
    for name in lists:
        path = os.path.join(d, name)
        if not os.path.exists(path):
            sys.exit("%s: missing; install the word lists (Debian: apt-get "
                     "install wamerican wbritish wfrench wspanish wportuguese witalian) "
                     "or set DICT_DIR"
                     % path)
        with open(path, encoding="utf-8", errors="replace") as f:
            for w in f:
                w = w.strip()
                if w[:1].islower():
                    out.add(fold(w[:-2] if w.endswith("'s") else w))
    return out


def given_names():
    """The given names of ontology/lexicon/first-names.tsv (folded)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "ontology", "lexicon", "first-names.tsv")
    with open(path, encoding="utf-8") as f:
        return {fold(l.split("\t")[1].strip()) for l in f
                if l.startswith("first_name\t")}


if __name__ == "__main__":
    main(sys.argv)
