#!/usr/bin/env bash
# contradicted-claims.sh — list the contradicted claims of a Scholion TEI export, with the
# sources that contradict them, by loading the export into a temporary BaseX database and
# running contradicted-claims.xq on it.
#
# Usage: contradicted-claims.sh [EXPORT-DIR | corpus.xml]     (default: Exports/corpus.xml)
#
# Prints tab-separated values (a header line, then one line per contradicting attribution)
# on stdout. Runs BaseX standalone (no server), with its home, configuration, database and
# logs in a temporary directory that is removed on exit: nothing is written elsewhere.
set -euo pipefail

me=$(basename "$0")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
query="$here/contradicted-claims.xq"

case "${1-}" in
  -h|--help)
    echo "usage: $me [EXPORT-DIR | corpus.xml]   (default: Exports/corpus.xml)"
    exit 0 ;;
esac
if [ $# -gt 1 ]; then
  echo "usage: $me [EXPORT-DIR | corpus.xml]   (default: Exports/corpus.xml)" >&2
  exit 2
fi

input=${1:-Exports/corpus.xml}
if [ -d "$input" ]; then
  input="${input%/}/corpus.xml"
fi

if ! command -v basex >/dev/null 2>&1; then
  echo "$me: basex not found on PATH (install BaseX, e.g. apt-get install basex)" >&2
  exit 127
fi
if [ ! -f "$input" ]; then
  echo "$me: no such file: $input (make it with: scholion export)" >&2
  exit 1
fi
if [ ! -r "$input" ]; then
  echo "$me: cannot read: $input" >&2
  exit 1
fi
if [ ! -f "$query" ]; then
  echo "$me: the query is missing: $query" >&2
  exit 1
fi

input_abs="$(cd "$(dirname "$input")" && pwd)/$(basename "$input")"

# BaseX's command strings and the JVM options below know no quoting, so everything BaseX is
# given lives in a temporary directory with a plain path: the export and the query are
# linked into it.
tmp_base=${TMPDIR:-/tmp}
case "$tmp_base" in *[!A-Za-z0-9/._-]*) tmp_base=/tmp ;; esac
tmp=$(mktemp -d "${tmp_base%/}/scholion-basex.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
ln -s "$input_abs" "$tmp/corpus.xml"
ln -s "$query" "$tmp/contradicted-claims.xq"

# org.basex.path: BaseX's home (its .basex configuration, DBPATH, REPOPATH, logs) is the
#   temporary directory; it takes precedence over a .basex in the working directory or in
#   ~/basex. (`SET DBPATH` does not work: DBPATH is a global option, fixed at start-up.)
# org.basex.CHOP=false: keep whitespace as it is in the file (BaseX 9 trims text nodes by
#   default, which would eat the spaces in quotes and reasons). Ignored by BaseX 10+,
#   which does not strip whitespace by default.
# JAVA_ARGS is read by Debian's /usr/bin/basex, BASEX_JVM by the launcher of BaseX's zip.
jvm_opts="-Dorg.basex.path=$tmp/home/ -Dorg.basex.CHOP=false"
export JAVA_ARGS="${JAVA_ARGS:+$JAVA_ARGS }$jvm_opts"
export BASEX_JVM="${BASEX_JVM:+$BASEX_JVM }$jvm_opts"

db="scholion-contradicted-$$"

# BaseX's informational messages and Debian's launcher warnings about optional jars go to
# stderr; keep real errors, drop that noise.
status=0
# One -c per command: CREATE DB takes the rest of its string as the input, so commands
# cannot be chained with ";" after it. RUN's context is the database CREATE DB opened.
basex -c "CREATE DB $db $tmp/corpus.xml" \
      -c "RUN $tmp/contradicted-claims.xq" \
      -c "DROP DB $db" 2>"$tmp/stderr" || status=$?
grep -v -E '^\[warning\] .*: Unable to locate .*\.jar in |: writing new configuration file\.$' \
  "$tmp/stderr" >&2 || true
if [ "$status" -ne 0 ]; then
  echo "$me: basex failed (exit status $status) on $input" >&2
  exit "$status"
fi
