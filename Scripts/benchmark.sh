#!/usr/bin/env bash
# Prints Scholion's speed figures: import and validation throughput on the bundled corpus
# repeated to 50 MB, and the schema's compile time.
#
#   Scripts/benchmark.sh            the benchmark package (ordo-one/benchmark), release build
#   Scripts/benchmark.sh --cli      the scholion command itself, timed with hyperfine
#   Scripts/benchmark.sh --scale [N ...]  annotate, report and export on generated corpora of N
#                                   texts (default 1,000 and 10,000) beside the floor and the Python
#                                   peer: wall, CPU, peak RSS, output size (Scripts/scale/run.sh)
#   Scripts/benchmark.sh --pipeline annotate + check on a project of 40 texts made from the
#                                   bundled corpus and the blind set (about 1 MB), with hyperfine;
#                                   prints MB/s, the figure issue 12 holds within 20%
#
# Nothing it generates is committed: inputs are built in memory, or under .build/benchmark-data.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--scale" ]; then
  shift
  exec Scripts/scale/run.sh "$@"
fi

if [ "${1:-}" = "--pipeline" ]; then
  command -v hyperfine >/dev/null || { echo "hyperfine is not installed (apt-get install hyperfine)" >&2; exit 1; }
  swift build -c release --product scholion >/dev/null
  bin=$PWD/.build/release/scholion
  data=.build/benchmark-data/pipeline
  rm -rf "$data"; mkdir -p "$data/Texts" "$data/Annotations"
  # Each of the 10 texts repeated to about 25 KB (the size of a long article), four copies of each.
  i=0
  for copy in 1 2 3 4; do
    for f in Texts/*.txt Tests/Blind/Texts/*.txt; do
      i=$((i + 1)); out="$data/Texts/text-$i.txt"
      : > "$out"; while [ "$(stat -c %s "$out")" -lt 25000 ]; do cat "$f" >> "$out"; printf '\n\n' >> "$out"; done
    done
  done
  bytes=$(cat "$data"/Texts/*.txt | wc -c)
  echo "corpus: $i texts, $bytes bytes"
  hyperfine --warmup 1 --runs 5 --export-json "$data/times.json" \
    --prepare "rm -f $data/Annotations/*.xml" "$bin annotate --project $data" \
    --prepare "true" \
    "$bin check --project $data --fail-on never"
  python3 - "$data/times.json" "$bytes" <<'PY'
import json, sys
times = json.load(open(sys.argv[1]))["results"]; size = int(sys.argv[2]) / 1e6
for r in times:
    print(f"{r['command'].split()[1]:>9}: {r['mean']:.2f} s ± {r['stddev']:.2f}  ({size / r['mean']:.2f} MB/s)")
PY
  exit 0
fi

if [ "${1:-}" = "--cli" ]; then
  command -v hyperfine >/dev/null || { echo "hyperfine is not installed (apt-get install hyperfine)" >&2; exit 1; }
  swift build -c release --product scholion >/dev/null
  bin=.build/release/scholion
  data=.build/benchmark-data
  mkdir -p "$data/Texts"
  : > "$data/Texts/corpus-50MB.txt"
  while [ "$(stat -c %s "$data/Texts/corpus-50MB.txt")" -lt $((50 * 1024 * 1024)) ]; do
    for f in Texts/*.txt; do cat "$f"; printf '\n\n'; done >> "$data/Texts/corpus-50MB.txt"
  done
  ls -l "$data/Texts/corpus-50MB.txt"
  "$bin" import "$data/Texts/corpus-50MB.txt" -o "$data/corpus-50MB.xml"
  # Annotation: four 1 MB texts (annotated on both cores), in a project of their own.
  mkdir -p "$data/annotate/Texts" "$data/annotate/Annotations"
  for i in 1 2 3 4; do head -c 1048576 "$data/Texts/corpus-50MB.txt" > "$data/annotate/Texts/corpus-1MB-$i.txt"; done
  hyperfine --warmup 1 --runs 3 \
    "$bin import $data/Texts/corpus-50MB.txt -o $data/out.xml" \
    "$bin validate $data/corpus-50MB.xml" \
    "$bin validate --project $data" \
    --prepare "rm -f $data/annotate/Annotations/*.xml" "$bin annotate --project $data/annotate" \
    "$bin authorities show Narses" \
    "$bin authorities lint"
  exit 0
fi

cd Benchmarks
swift package --disable-sandbox benchmark --format markdown --no-progress
