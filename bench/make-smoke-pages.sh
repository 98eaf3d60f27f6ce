#!/usr/bin/env bash
# Generates runbooks whose smoke blocks make CHECKS HTTP checks against {{api}}, and the small JSON file
# a loopback server answers them with.
#   bench/make-smoke-pages.sh CHECKS OUT_DIR
# Writes OUT_DIR/content/smoke-NNNN.md (5 blocks per runbook, each a GET with three assertions) and
# OUT_DIR/server/health.json.
set -euo pipefail
checks=${1:?number of checks}; out=${2:?output folder}
rm -rf "$out"; mkdir -p "$out/content" "$out/server"
printf '{"status":"ok","version":"bench"}\n' > "$out/server/health.json"
per=5; books=$(( (checks + per - 1) / per )); n=0
for ((b = 1; b <= books; b++)); do
  f=$(printf '%s/content/smoke-%04d.md' "$out" "$b")
  {
    printf -- '---\ntitle: Smoke bench %d\nservices: [bench]\nseverity: P3\n---\n\n# Smoke bench %d\n\n' "$b" "$b"
    for ((k = 1; k <= per && n < checks; k++, n++)); do
      printf '## Check %d\n\n```smoke {name="health %d.%d" timeout=5s}\ncurl -fsS {{api}}/health.json\nexpect status == 200\nexpect json $.status == "ok"\nexpect time < 5s\n```\n\n' "$k" "$b" "$k"
    done
  } > "$f"
done
echo "$n checks in $books runbooks under $out/content"
