#!/usr/bin/env bash
# check.sh — a CI check of the BaseX integration: runs contradicted-claims.sh on an export
# of the bundled corpus and fails unless the output has the expected header and at least
# one row naming Procopius (the bundled texts have claims Procopius contradicts, e.g. the
# eunuch Narses placed in the East in the 540s).
#
# Usage: check.sh [EXPORT-DIR | corpus.xml]     (default: Exports/corpus.xml)
#
# Exit status 0 when the check passes or when BaseX is not installed ("skipped"), 1 when
# it fails.
set -euo pipefail

me=$(basename "$0")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if ! command -v basex >/dev/null 2>&1; then
  echo "basex not installed: skipped"
  exit 0
fi

fail() {
  echo "$me: FAIL: $*" >&2
  exit 1
}

header=$'text_id\toffset\tclaim_id\ttext_title\tpredicates\tquote\tsource_id\tsource_author\tsource_title\tpassage\tcert\tfact_id\treason'
columns=13

out=$("$here/contradicted-claims.sh" "$@") || fail "contradicted-claims.sh exited with status $?"

first=$(printf '%s\n' "$out" | head -n 1)
[ "$first" = "$header" ] || fail "unexpected header: $first"

rows=$(printf '%s\n' "$out" | tail -n +2)
[ -n "$rows" ] || fail "no contradicted claims in the output"

bad=$(printf '%s\n' "$rows" | awk -F '\t' -v n="$columns" 'NF != n { c++ } END { print c + 0 }')
[ "$bad" -eq 0 ] || fail "$bad row(s) without exactly $columns tab-separated fields"

total=$(printf '%s\n' "$rows" | wc -l | tr -d ' ')
procopius=$(printf '%s\n' "$rows" | grep -ci 'procopius' || true)
[ "$procopius" -gt 0 ] || fail "no row names procopius ($total row(s))"

echo "ok: $total contradicting attribution(s), $procopius naming Procopius"
