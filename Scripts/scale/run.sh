#!/usr/bin/env bash
# The scale benchmark (issue 15): Scholion against the floor and the Python peer on generated
# corpora of N texts of about 10 KB, one after the other on this machine.
#
#   Scripts/benchmark.sh --scale [N ...]      default N: 1000 10000
#
# For each N: generates the corpus (deterministic; under .build/benchmark-data/scale-N, never
# committed), then times, each with /usr/bin/time: the floor (a literal scan for every name of
# the reference base, `rg -F -i -f`, and `xmllint --noout` on the imported TEI), the peer
# (Scripts/scale/peer.py in a virtual environment with spacy and lxml from PyPI, 2 processes),
# and `scholion report` (no layers yet), `annotate`, `report` after annotate (every text's review
# read from the cache annotate keeps), `report` with the layers but no cache (each layer parsed
# and each text annotated again), and `export` (reviews from the cache, then every text and layer
# read again as it is written).
# Prints wall time, CPU time, CPU/wall, peak RSS and what each step wrote.
# SCALE_SKIP="export report" leaves out the scholion steps named (one whose memory would not fit).
skip=" ${SCALE_SKIP:-} "
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in rg xmllint /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install ripgrep libxml2-utils time)" >&2; exit 1; }
done
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
data=.build/benchmark-data; mkdir -p "$data"
swift build -c release --product scholion >/dev/null
bin="$(swift build -c release --show-bin-path)/scholion"
venv="$data/peer-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import spacy, lxml" 2>/dev/null; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q spacy lxml
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; scholion $($bin --version); $("$venv/bin/python" -c 'import spacy; print("spacy", spacy.__version__)')"

row() { printf "| %-34s | %9s | %9s | %8s | %10s | %12s |\n" "$@"; }
# measure LABEL OUTPUT-PATH COMMAND...: one run, its figures as a row.
measure() {
  local label=$1 output=$2; shift 2
  for word in $skip; do
    case "$label" in "scholion $word"*) row "$label" "skipped" "" "" "" "SCALE_SKIP"; return;; esac
  done
  local log; log=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" >/dev/null 2>"$log.err" || { echo "failed: $label" >&2; tail -3 "$log.err" >&2; }
  read -r wall user sys rss < <(tail -1 "$log")
  local cpu; cpu=$(echo "$user + $sys" | bc)
  local ratio; ratio=$(echo "scale=2; $cpu / ($wall + 0.001)" | bc)
  local size="-"; [ -n "$output" ] && [ -e "$output" ] && size="$(du -sm "$output" | cut -f1) MB"
  row "$label" "${wall} s" "${cpu} s" "$ratio" "$((rss / 1024)) MB" "$size"
  rm -f "$log" "$log.err"
}

for n in "${sizes[@]}"; do
  corpus="$data/scale-$n"
  if [ ! -d "$corpus/Texts" ] || [ "$(ls "$corpus/Texts" | wc -l)" -ne "$n" ]; then
    rm -rf "$corpus"; python3 Scripts/scale/generate.py "$n" "$corpus" >/dev/null
  fi
  rm -rf "$corpus/Annotations" "$corpus/Exports" "$corpus/tei" "$corpus/peer" "$corpus/.scholion" "$corpus"/report.*
  mkdir -p "$corpus/tei"
  echo
  echo "## $n texts, $(du -sm "$corpus/Texts" | cut -f1) MB"
  row "step" "wall" "CPU" "CPU/wall" "peak RSS" "written"
  row "----" "----" "----" "----" "----" "----"
  # The floor's TEI: each text imported (not timed), then checked for well-formedness (timed).
  find "$corpus/Texts" -name '*.txt' -print0 | xargs -0 -P "$(nproc)" -I{} sh -c 'f="{}"; "$0" import "$f" -o "$1/$(basename "$f" .txt).xml" >/dev/null' "$bin" "$corpus/tei"
  measure "floor: rg -F -i -f (every name)" "" rg -F -i -c -f "$corpus/names.txt" "$corpus/Texts"
  measure "floor: xmllint --noout (TEI)" "" sh -c "find '$corpus/tei' -name '*.xml' -print0 | xargs -0 xmllint --noout"
  measure "peer: spaCy + lxml, 2 processes" "$corpus/peer" "$venv/bin/python" Scripts/scale/peer.py "$corpus" "$corpus/peer"
  measure "scholion report (no layers yet)" "$corpus/report.json" sh -c "'$bin' report --project '$corpus' --format json > '$corpus/report.json'"
  rm -rf "$corpus/.scholion"
  measure "scholion annotate" "$corpus/Annotations" "$bin" annotate --project "$corpus"
  measure "scholion report (after annotate, cache)" "$corpus/report.json" sh -c "'$bin' report --project '$corpus' --format json > '$corpus/report.json'"
  cp "$corpus/report.json" "$corpus/report-cached.json"
  rm -rf "$corpus/.scholion"
  measure "scholion report (layers, no cache)" "$corpus/report.json" sh -c "'$bin' report --project '$corpus' --format json > '$corpus/report.json'"
  same="the reports from the cache and without it are the same, byte for byte"
  cmp -s "$corpus/report.json" "$corpus/report-cached.json" || same="WARNING: the report from the cache differs from the one without"
  measure "scholion export" "$corpus/Exports" "$bin" export --project "$corpus" --date 2026-01-01
  echo
  echo "$same"
done
