#!/usr/bin/env bash
# Benchmarks runbook-maven-plugin against Hugo and MkDocs on the same pages, in one run.
#   bench/run.sh CORPUS_DIR COPIES [RESULTS_FILE]
# e.g. bench/run.sh ../shared/corpora/openshift-runbooks 37     (≈10,000 pages)
# Needs: the repo's Maven wrapper; installs hyperfine, hugo, mkdocs and GNU time from Debian if missing.
# Writes raw numbers to bench/out/ and prints a Markdown table for bench/RESULTS.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/.." && pwd)
corpus=$(cd "${1:?corpus folder}" && pwd); copies=${2:?copies}
work=${BENCH_WORK:-/tmp/runbook-bench}; out="$here/out"; mkdir -p "$out" "$work"
runs=${BENCH_RUNS:-3}

need=()
for tool in hyperfine hugo mkdocs; do command -v $tool >/dev/null 2>&1 || need+=($tool); done
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "== building and installing the plugin"
(cd "$repo" && ./mvnw -q -B install -pl runbook-maven-plugin -DskipTests -Dinvoker.skip=true)
version=$(grep -m1 -oP "(?<=<version>)[^<]+" "$repo/runbook-maven-plugin/pom.xml")

echo "== laying out pages"
"$here/make-pages.sh" "$corpus" "$copies" "$work/content" | tee "$out/pages.txt"
pages=$(find "$work/content" -name '*.md' | wc -l)

# A user's project: nothing but the plugin pointed at the pages.
mkdir -p "$work/project"
cat > "$work/project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bench</artifactId><version>1</version><packaging>pom</packaging>
  <properties><project.build.outputTimestamp>2026-11-22T00:00:00Z</project.build.outputTimestamp></properties>
  <build><plugins><plugin>
    <groupId>dev.runbook</groupId><artifactId>runbook-maven-plugin</artifactId><version>$version</version>
    <configuration><contentDirectory>$work/content</contentDirectory></configuration>
  </plugin></plugins></build>
</project>
POM
mvn_bench="$repo/mvnw -q -B -o -f $work/project/pom.xml"
site_goal="dev.runbook:runbook-maven-plugin:$version:site"
validate_goal="dev.runbook:runbook-maven-plugin:$version:validate -Drunbook.offline=true -Drunbook.failOn=none"
touch_one=$(find "$work/content" -name '*.md' | sort | head -1)

echo "== Maven's own start (the floor under every plugin figure)"
hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/maven-start.json" "$repo/mvnw -q -B -o -f $work/project/pom.xml validate"

echo "== runbook:site full build, no-op rebuild, one page touched"
hyperfine --warmup 0 --runs "$runs" --export-json "$out/site-full.json" \
  --prepare "rm -rf $work/project/target" "$mvn_bench $site_goal"
hyperfine --warmup 1 --runs "$runs" --export-json "$out/site-noop.json" "$mvn_bench $site_goal"
hyperfine --warmup 0 --runs "$runs" --export-json "$out/site-touch.json" \
  --prepare "echo >> $touch_one" "$mvn_bench $site_goal"

echo "== peak RSS of a full build, and the same build with the heap capped at 512 MiB"
rm -rf "$work/project/target"
/usr/bin/time -v $mvn_bench $site_goal 2> "$out/site-full.time" >/dev/null
rm -rf "$work/project/target"
if MAVEN_OPTS="-Xmx512m" /usr/bin/time -v $mvn_bench $site_goal 2> "$out/site-512m.time" >/dev/null; then xmx=ok; else xmx=FAILED; fi

echo "== search index size"
site="$work/project/target/runbook-site"
index_bytes=$(du -cb "$site"/search/* 2>/dev/null | tail -1 | cut -f1)
index_gz=$(for f in "$site"/search/*; do gzip -c "$f" | wc -c; done | awk '{s+=$1} END {print s+0}')

echo "== runbook:validate offline"
hyperfine --warmup 1 --runs "$runs" --export-json "$out/validate.json" "$mvn_bench $validate_goal"

echo "== Hugo on the same pages"
rm -rf "$work/hugo"; mkdir -p "$work/hugo/layouts/_default"
cp -r "$work/content" "$work/hugo/content"
cat > "$work/hugo/config.toml" <<'TOML'
baseURL = "http://localhost/"
title = "bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
refLinksErrorLevel = "WARNING"
[markup.goldmark.renderer]
unsafe = false
TOML
cat > "$work/hugo/layouts/_default/baseof.html" <<'HTML'
<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>
HTML
echo '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}{{ end }}' > "$work/hugo/layouts/_default/single.html"
echo '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}' > "$work/hugo/layouts/_default/list.html"
hyperfine --warmup 1 --runs "$runs" --export-json "$out/hugo.json" \
  --prepare "rm -rf $work/hugo/public $work/hugo/resources" "hugo --quiet -s $work/hugo"
/usr/bin/time -v hugo --quiet -s "$work/hugo" 2> "$out/hugo.time" >/dev/null

echo "== MkDocs on the same pages (built-in theme and search)"
rm -rf "$work/mkdocs"; mkdir -p "$work/mkdocs"
cp -r "$work/content" "$work/mkdocs/docs"
printf 'site_name: bench\nuse_directory_urls: false\nplugins:\n  - search\n' > "$work/mkdocs/mkdocs.yml"
hyperfine --warmup 0 --runs 1 --export-json "$out/mkdocs.json" \
  --prepare "rm -rf $work/mkdocs/site" "mkdocs build -q -f $work/mkdocs/mkdocs.yml"
mkdocs_index=$(stat -c %s "$work/mkdocs/site/search/search_index.json" 2>/dev/null || echo 0)
mkdocs_index_gz=$(gzip -c "$work/mkdocs/site/search/search_index.json" 2>/dev/null | wc -c || echo 0)

mean() { python3 -c "import json,sys; print('%.2f' % json.load(open(sys.argv[1]))['results'][0]['mean'])" "$1"; }
rss() { awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$1"; }
maven=$(mean "$out/maven-start.json"); full=$(mean "$out/site-full.json"); noop=$(mean "$out/site-noop.json")
touch1=$(mean "$out/site-touch.json"); validate=$(mean "$out/validate.json"); hugo=$(mean "$out/hugo.json"); mkdocs=$(mean "$out/mkdocs.json")
ratio=$(python3 -c "print('%.2f' % ($full / $hugo))")
noop_over=$(python3 -c "print('%.2f' % ($noop - $maven))")
validate_over=$(python3 -c "print('%.2f' % ($validate - $maven))")

cat > "$out/table.md" <<TABLE
Pages: $pages ($copies copies of $(basename "$corpus")); runs per figure: $runs; machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB.

| figure | measured | target |
|---|---|---|
| Maven start alone (\`mvn validate\` on the bench project) | ${maven} s | (floor) |
| runbook:site full build | ${full} s | ≤ 0.7 × Hugo |
| Hugo full build, same pages | ${hugo} s | |
| ratio plugin / Hugo | ${ratio} | ≤ 0.70 |
| MkDocs full build, same pages | ${mkdocs} s | |
| runbook:site no-op rebuild | ${noop} s (${noop_over} s over Maven start) | ≤ 1 s over Maven start |
| runbook:site after touching one page | ${touch1} s | |
| peak RSS, full build (whole Maven JVM) | $(rss "$out/site-full.time") MiB | |
| full build with -Xmx512m | ${xmx} | succeeds |
| Hugo peak RSS | $(rss "$out/hugo.time") MiB | |
| search index, all files | ${index_bytes} B (${index_gz} B gzipped) | |
| MkDocs search_index.json | ${mkdocs_index} B (${mkdocs_index_gz} B gzipped) | |
| runbook:validate offline | ${validate} s (${validate_over} s over Maven start) | ≤ 5 s |
TABLE
cat "$out/table.md"
