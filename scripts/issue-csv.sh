#!/usr/bin/env bash
# Issue passes from a CSV file (columns: docs/bulk-issuance.md) in chunks of 500 rows, with progress.
# Re-running after a crash resumes without duplicates: every row carries an idempotency key, taken
# from the idempotencyKey column or derived from the file's SHA-256 and the row number.
#   ACCESSPMC_URL=http://localhost:7071 ACCESSPMC_KEY=pmc_... scripts/issue-csv.sh staff.csv [OUTPUT_DIR]
# Writes next to the input (or in OUTPUT_DIR), mode 600 because they hold pass codes and names:
#   staff.results.csv    row,status,id,code,error: one line per row sent; row n is line n+1 of the file (blank lines count)
#   staff.failures.json  the full answers of chunks that had failed rows (index counts within a chunk)
# A refused request (bad file, bad key, too large...) stops the script with the service's problem detail; the
# output files of an earlier run are replaced only once a chunk has been answered (a wrong key loses nothing).
# CHARSET=windows-1252 for a file French Excel saved as "CSV (séparateur: point-virgule)"; DATES=day-first for
# dates written 31/01/2027 08:00 (docs/bulk-issuance.md). Fields may be separated by ',' or ';'.
# Needs curl and jq.
set -euo pipefail
file=${1:?usage: scripts/issue-csv.sh FILE.csv [OUTPUT_DIR]}
out=${2:-$(dirname "$file")}
url=${ACCESSPMC_URL:-http://localhost:7071}
key=${ACCESSPMC_KEY:?set ACCESSPMC_KEY to an issuer API key}
chunk=${CHUNK:-500}
type="text/csv${CHARSET:+; charset=$CHARSET}"
query=${DATES:+?dates=$DATES}
command -v jq >/dev/null || { echo "issue-csv: jq is required (apt-get install jq)" >&2; exit 2; }
[ -d "$out" ] || { echo "issue-csv: $out is not a directory" >&2; exit 2; }

digest=$(sha256sum "$file" | cut -c1-16)
header=$(head -n1 "$file" | tr -d '\r')
# The file's own separator: ';' when the header has ';' and no ',' (French spreadsheets), else ','.
sep=,
if [[ "$header" == *";"* && "$header" != *","* ]]; then sep=';'; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 077
name=$(basename "$file"); name=${name%.csv}
results="$out/$name.results.csv"
failures="$out/$name.failures.json"
# Written in $work, then put in place by publish: the files of an earlier run hold the codes handed out.
echo "row,status,id,code,error" > "$work/results.csv"
publish() {
  mv -f "$work/results.csv" "$results"
  if [ -f "$work/failures.json" ]; then mv -f "$work/failures.json" "$failures"; else rm -f "$failures"; fi
}

# The rows to send and, beside them, each row's number: row n is line n+1 of the file (the header is line 1), blank
# lines keep their number but are not sent, so results.csv and the derived keys name the same rows as the file.
# A missing key column is added: "<file digest>-<row number>" is stable across re-runs.
addkey=1
if grep -qi 'idempotencykey' <<<"$header"; then addkey=0; fi
awk -v d="$digest" -v s="$sep" -v add="$addkey" -v rows="$work/rows.csv" -v nums="$work/rows.num" '
  { sub(/\r$/, "") } NR == 1 { next } /^[,;[:space:]]*$/ { next }
  { print (add ? $0 s d "-" NR-1 : $0) > rows; print NR-1 > nums }' "$file"
[ "$addkey" -eq 0 ] || header="$header${sep}idempotencyKey"
touch "$work/rows.csv" "$work/rows.num"

total=$(wc -l < "$work/rows.num")
if [ "$total" -eq 0 ]; then
  publish
  echo "0 rows: $file has no data rows; nothing sent"
  echo "results: $results"
  exit 0
fi
split -l "$chunk" "$work/rows.csv" "$work/part-"
split -l "$chunk" "$work/rows.num" "$work/num-"
done_rows=0; created=0; existing=0; failed=0
for part in "$work"/part-*; do
  nums="$work/num-${part##*/part-}"
  rows=$(wc -l < "$part"); first=$(head -n1 "$nums"); last=$(tail -n1 "$nums")
  { echo "$header"; cat "$part"; } > "$part.csv"
  status=$(curl -sS -o "$work/reply.json" -w '%{http_code}' -X POST "$url/api/passes/batch$query" \
    -H "Authorization: Bearer $key" -H "Content-Type: $type" --data-binary "@$part.csv") \
    || { echo; [ "$done_rows" -eq 0 ] || publish; echo "issue-csv: rows $first-$last not sent (curl failed, see above); re-run the same file to resume" >&2; exit 1; }
  if [ "$status" != 200 ]; then
    echo
    echo "issue-csv: rows $first-$last refused, HTTP $status: $(jq -r '"\(.title // "") (\(.code // "no code")): \(.detail // "")"' "$work/reply.json" 2>/dev/null || cat "$work/reply.json")" >&2
    [ "$done_rows" -eq 0 ] || { publish; echo "issue-csv: the rows before row $first were sent (see $results); re-running the same, unchanged file resumes" >&2; }
    exit 1
  fi
  jq -r --rawfile nums "$nums" '($nums | split("\n")) as $n | .items[] | [($n[.index] | tonumber), .status, (.id // ""), (.code // ""), (.error.code // "")] | @csv' "$work/reply.json" >> "$work/results.csv"
  read -r c e f < <(jq -r '"\(.created) \(.existing) \(.failed)"' "$work/reply.json")
  created=$((created + c)); existing=$((existing + e)); failed=$((failed + f))
  done_rows=$((done_rows + rows))
  printf '\r%d/%d rows  created %d  existing %d  failed %d' "$done_rows" "$total" "$created" "$existing" "$failed"
  if [ "$f" -gt 0 ]; then cat "$work/reply.json" >> "$work/failures.json"; echo >> "$work/failures.json"; fi
done
publish
echo
echo "results: $results"
[ "$failed" -eq 0 ] || echo "failed rows: see $results (error column) and $failures"
