#!/usr/bin/env bash
# Search quality on real runbooks: our search, MkDocs' lunr search and Pagefind, on the same pages, with
# the judged queries of queries.txt typed into each site in headless Chromium.
#   bench/search-quality/run.sh [CORPORA_DIR]        (default: ../shared/corpora beside the repository)
# Environment: SQ_WORK (scratch folder, default /tmp/search-quality), CHROMIUM, CHROMEDRIVER (else found
# on PATH). Needs: node, python3, chromium + chromedriver; installs Debian's mkdocs and npm's pagefind
# (pinned) into the scratch folder when missing.
# Writes bench/search-quality/out/results.json and out/table.md (not committed; copy the table into
# bench/RESULTS.md by hand, with the date and the commit).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/../.." && pwd)
corpora=$(cd "${1:-$repo/../shared/corpora}" && pwd)
work=${SQ_WORK:-/tmp/search-quality}; out="$here/out"
mkdir -p "$work" "$out"

command -v mkdocs >/dev/null 2>&1 || { SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq mkdocs >/dev/null; }
[ -x "$work/npm/node_modules/.bin/pagefind" ] || npm install --no-save --no-audit --no-fund --prefix "$work/npm" pagefind@1.6.0 >/dev/null

echo "== laying out the two corpora as one content folder"
content="$work/content"; rm -rf "$content"; mkdir -p "$content/openshift" "$content/prometheus-operator"
(cd "$corpora/openshift-runbooks" && find . -name '*.md' ! -name README.md -print0 | xargs -0 cp --parents -t "$content/openshift/")
(cd "$corpora/prometheus-operator-runbooks" && find content -name '*.md' -print0 | xargs -0 cp --parents -t "$content/prometheus-operator/")
echo "$(find "$content" -name '*.md' | wc -l) pages"

echo "== runbook:site (the plugin's classes, built offline)"
(cd "$repo" && ./mvnw -q -B -o compile -pl runbook-maven-plugin \
  && ./mvnw -q -B -o dependency:build-classpath -pl runbook-maven-plugin -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/cp.txt")
cp="$repo/runbook-maven-plugin/target/classes:$(cat "$work/cp.txt")"
javac -d "$work/classes" -cp "$cp" "$here/BuildSite.java"
rm -rf "$work/site"; java -cp "$cp:$work/classes" BuildSite "$content" "$work/site"

echo "== Pagefind $("$work/npm/node_modules/.bin/pagefind" --version) on the same site's runbook pages"
"$work/npm/node_modules/.bin/pagefind" --site "$work/site" --glob "{openshift,prometheus-operator}/**/*.html" >/dev/null

echo "== MkDocs $(mkdocs --version | cut -d' ' -f3) (built-in theme and search plugin, lunr) on the same Markdown"
rm -rf "$work/mkdocs"; mkdir -p "$work/mkdocs"
cat > "$work/mkdocs/mkdocs.yml" <<YML
site_name: Runbooks
docs_dir: $content
site_dir: $work/mkdocs/site
use_directory_urls: false
theme: mkdocs
plugins: [search]
YML
(cd "$work/mkdocs" && mkdocs build -q 2>/dev/null)

echo "== typing the queries in headless Chromium"
rm -f "$work/port"; python3 "$repo/bench/serve.py" "$work" "$work/port" >/dev/null 2>&1 & server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 200); do [ -s "$work/port" ] && break; sleep 0.05; done
node "$here/quality.js" "http://127.0.0.1:$(cat "$work/port")" "$here/queries.txt" "$out"
cat "$out/table.md"
