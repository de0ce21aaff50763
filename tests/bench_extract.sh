#!/bin/sh
# Copyright 2026 the newsgraph authors. SPDX-License-Identifier: Apache-2.0
#
# `make bench` (part two): extraction time against document length. A
# deterministic synthetic French dispatch (made-up persons, bodies and
# acronyms, real countries and cities, event wordings) is cut into one
# document of SIZE kilobytes and one of 4 x SIZE, and each is extracted
# to N-Triples; the figure that matters is the ratio of the two times,
# which stays near 4 when extraction is linear in the document's length,
# and the throughput of the many-article batch next to it.
#
#   tests/bench_extract.sh NEWSGRAPH [SIZE_KB]
set -eu
bin=${1:?usage: tests/bench_extract.sh NEWSGRAPH [SIZE_KB]}
size=${2:-200}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

python3 - "$dir" "$size" <<'PY'
import json, random, sys
out, size = sys.argv[1], int(sys.argv[2]) * 1024
rnd = random.Random(7)
syl = ["ka", "ro", "mi", "de", "lu", "ta", "no", "vi", "sa", "bel", "tor", "man"]
def word():
    return "".join(rnd.choice(syl) for _ in range(rnd.randint(2, 3))).capitalize()
countries = ["Maroc", "Sénégal", "France", "Espagne", "Tunisie", "Kenya"]
cities = ["Rabat", "Dakar", "Lyon", "Madrid", "Tunis", "Nairobi"]
templates = [
    "Le ministre {c1} de l'Intérieur, {p}, a rencontré {q} à {city} le 3 mars.",
    "La {a} ({acr}) a salué la coopération entre le {c} et l'Espagne.",
    "M. {s} s'est rendu à {city} pour une réunion de la {a}.",
    "Selon la {acr}, {p} a été nommé directeur général de la police.",
    "En marge du sommet, {p} s'est entretenu avec son homologue {q}.",
]
demonyms = ["marocain", "sénégalais", "français", "espagnol", "tunisien"]
def sentence():
    p = "%s %s" % (rnd.choice(["Karim", "Anne", "Omar", "Marie", "Jean"]), word())
    q = "%s %s" % (rnd.choice(["Leila", "Paul", "Sara", "Ali", "Luc"]), word())
    a = "Agence %s des %s" % (rnd.choice(["nationale", "centrale"]), word().lower() + "s")
    acr = "A" + "".join(rnd.choice("BCDFGHJKLMNPRST") for _ in range(3))
    return rnd.choice(templates).format(c1=rnd.choice(demonyms), p=p, q=q,
        city=rnd.choice(cities), a=a, acr=acr, c=rnd.choice(countries),
        s=word())
def text(n):
    parts, length = [], 0
    while length < n:
        s = sentence()
        parts.append(s)
        length += len(s.encode()) + 1
    return " ".join(parts)
open(out + "/one.txt", "w").write(text(size))
open(out + "/four.txt", "w").write(text(4 * size))
with open(out + "/batch.jsonl", "w") as f:
    for i in range(4 * size // 3000):
        f.write(json.dumps({"id": "b%d" % i, "lang": "fr", "date": "2025-09-05",
                            "text": text(3000)}) + "\n")
PY

run() {
  start=$(date +%s.%N)
  "$bin" extract --quiet "$@" --format ntriples --output /dev/null
  end=$(date +%s.%N)
  echo "$start $end" | awk '{ printf "%.3f", $2 - $1 }'
}

t1=$(run --lang fr --date 2025-09-05 "$dir/one.txt")
t4=$(run --lang fr --date 2025-09-05 "$dir/four.txt")
tb=$(run --input-format ndjson "$dir/batch.jsonl")
echo "extraction benchmark: one document of ${size} KB and one of $((4 * size)) KB"
echo "  one document   ${size} KB: ${t1} s"
echo "  one document  $((4 * size)) KB: ${t4} s" \
  "(ratio to ${size} KB: $(echo "$t4 $t1" | awk '{ printf "%.2f", $1 / ($2 > 0 ? $2 : 0.001) }');" \
  "4.00 is linear)"
echo "  articles of 3 KB, $((4 * size)) KB in all: ${tb} s" \
  "($(echo "$size $tb" | awk '{ printf "%.0f", 4 * $1 / ($2 > 0 ? $2 : 0.001) }') KB/s)"
