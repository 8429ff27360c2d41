#!/usr/bin/env bash
# Fuzzes the XML reader and the plain-text importer with libFuzzer (the harness is the package in
# Fuzz/; what each target checks is in Fuzz/README.md).
#
#   Scripts/fuzz.sh [xml|text|all] [SECONDS]      default: all, 600 seconds per target
#
# Builds the harness with the fuzzer and AddressSanitizer under .build-fuzz, copies the seed
# corpus (Fuzz/Corpus/<target>, never written to) into the working corpus .build-fuzz/corpus/<target>
# (which keeps what earlier runs found), and runs each target in turn for SECONDS, one worker,
# going on after a crash so that every one is counted. Crashing inputs go to
# .build-fuzz/artifacts/<Target>/, the fuzzer's output to .build-fuzz/logs/<Target>.log.
# Prints one line per target and exits 1 when any target crashed (2 on a usage or build error).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: Scripts/fuzz.sh [xml|text|all] [SECONDS]" >&2; exit 2; }
which="${1:-all}"
seconds="${2:-600}"
case "$which" in
  xml) targets=(xml) ;;
  text) targets=(text) ;;
  all) targets=(xml text) ;;
  *) usage ;;
esac
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || usage

root="$PWD"
scratch="$root/.build-fuzz"
# SwiftPM's --sanitize fuzzer keeps libFuzzer's main (it does not rename the executable's entry
# point to <Module>_main); -sanitize=fuzzer,address must come as one flag after it, since the
# Swift driver keeps only the last -sanitize= it is given.
build=(swift build -c release --package-path Fuzz --scratch-path "$scratch"
       --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address)

echo "Building the fuzz targets (release, -sanitize=fuzzer,address)..." >&2
built=0
for attempt in 1 2 3; do
  # A source edited during the build fails it; try again.
  if "${build[@]}" >&2; then built=1; break; fi
  echo "build failed (attempt $attempt)" >&2
  sleep 5
done
(( built )) || { echo "fuzz.sh: the fuzz targets do not build" >&2; exit 2; }
bin="$("${build[@]}" --show-bin-path)"

mkdir -p "$scratch/logs" "$scratch/tmp"
export SWIFT_BACKTRACE=enable=no          # let libFuzzer, not the Swift backtracer, catch a trap
export LSAN_OPTIONS="suppressions=$root/Fuzz/lsan.supp:print_suppressions=0"
export TMPDIR="$scratch/tmp"              # libFuzzer's fork mode keeps its job files there

summary=()
failed=0
for target in "${targets[@]}"; do
  case "$target" in
    xml) name=FuzzXMLReader; dict=(-dict="$root/Fuzz/xml.dict") ;;
    text) name=FuzzPlainTextImport; dict=() ;;
  esac
  corpus="$scratch/corpus/$target"
  artifacts="$scratch/artifacts/$name"
  log="$scratch/logs/$name.log"
  mkdir -p "$corpus" "$artifacts"
  cp -- "$root/Fuzz/Corpus/$target"/* "$corpus/"
  marker="$scratch/tmp/$name.start"
  touch "$marker"

  echo "Fuzzing $name for ${seconds}s (log: ${log#"$root/"})..." >&2
  status=0
  "$bin/$name" \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    "${dict[@]}" -artifact_prefix="$artifacts/" -print_final_stats=1 \
    "$corpus" >"$log" 2>&1 || status=$?

  # The fork-mode status lines: "#<runs>: cov: <n> ft: <n> corp: <n> exec/s: <n> oom/timeout/crash: a/b/c time: <s>s ...".
  last="$(grep -E '^#[0-9]+: cov: ' "$log" | tail -n 1 || true)"
  if [ -z "$last" ]; then
    echo "fuzz.sh: $name did not run (exit $status); see $log" >&2
    tail -n 20 "$log" >&2
    summary+=("$(printf '%-20s did not run (exit %s)' "$name" "$status")")
    failed=1
    continue
  fi
  runs="$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")"
  cov="$(sed -E 's/.* cov: ([0-9]+).*/\1/' <<<"$last")"
  ft="$(sed -E 's/.* ft: ([0-9]+).*/\1/' <<<"$last")"
  elapsed="$(sed -E 's/.* time: ([0-9]+)s.*/\1/' <<<"$last")"
  rate=$(( runs / (elapsed > 0 ? elapsed : 1) ))

  # Crashes, leaks, timeouts and out-of-memory inputs of this run, each replayed once for its cause.
  mapfile -t found < <(find "$artifacts" -type f -newer "$marker" \
    \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | sort)
  count=${#found[@]}
  if (( count > 0 )); then
    failed=1
    echo "$name: $count failing input(s) in ${artifacts#"$root/"}/:" >&2
    for input in "${found[@]:0:20}"; do
      cause="$("$bin/$name" -timeout=10 -rss_limit_mb=2048 "$input" 2>&1 \
        | grep -m 1 -E 'Fatal error|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)' || true)"
      echo "  ${input#"$root/"}: ${cause:-does not reproduce alone}" >&2
    done
  fi
  summary+=("$(printf '%-20s executions %s (%s/s over %ss)  cov %s  ft %s  crashes %s' \
    "$name" "$runs" "$rate" "$elapsed" "$cov" "$ft" "$count")")
done

printf '%s\n' "${summary[@]}"
exit "$failed"
