#!/usr/bin/env bash
# Issue passes from a CSV file (columns: docs/bulk-issuance.md) in chunks of 500 rows, with progress.
# Re-running after a crash resumes without duplicates: every row carries an idempotency key, taken
# from the idempotencyKey column or derived from the file's SHA-256 and the row number.
#   ACCESSPMC_URL=http://localhost:7071 ACCESSPMC_KEY=pmc_... scripts/issue-csv.sh staff.csv
set -euo pipefail
file=${1:?usage: scripts/issue-csv.sh FILE.csv}
url=${ACCESSPMC_URL:-http://localhost:7071}
key=${ACCESSPMC_KEY:?set ACCESSPMC_KEY to an issuer API key}
chunk=${CHUNK:-500}

digest=$(sha256sum "$file" | cut -c1-16)
header=$(head -n1 "$file" | tr -d '\r')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Add the key column when absent: "<file digest>-<row number>" is stable across re-runs.
if ! grep -qi 'idempotencykey' <<<"$header"; then
  awk -v d="$digest" 'NR==1 { sub(/\r$/, ""); print $0 ",idempotencyKey"; next } { sub(/\r$/, ""); print $0 "," d "-" NR-1 }' "$file" > "$work/keyed.csv"
  header="$header,idempotencyKey"
else
  tr -d '\r' < "$file" > "$work/keyed.csv"
fi

total=$(( $(wc -l < "$work/keyed.csv") - 1 ))
tail -n +2 "$work/keyed.csv" | split -l "$chunk" - "$work/part-"
done_rows=0; created=0; existing=0; failed=0
for part in "$work"/part-*; do
  { echo "$header"; cat "$part"; } > "$part.csv"
  reply=$(curl -sS --fail-with-body -X POST "$url/api/passes/batch" \
    -H "Authorization: Bearer $key" -H "Content-Type: text/csv" --data-binary "@$part.csv")
  read -r c e f < <(grep -oE '"(created|existing|failed)":[0-9]+' <<<"$reply" | head -3 | cut -d: -f2 | paste -sd' ')
  created=$((created + c)); existing=$((existing + e)); failed=$((failed + f))
  done_rows=$((done_rows + $(wc -l < "$part")))
  printf '\r%d/%d rows  created %d  existing %d  failed %d' "$done_rows" "$total" "$created" "$existing" "$failed"
  if [ "$f" -gt 0 ]; then echo "$reply" >> "$work/../issue-csv-failures-$digest.json"; fi
done
echo
[ "$failed" -eq 0 ] || echo "failed rows: see ${TMPDIR:-/tmp}/issue-csv-failures-$digest.json"
