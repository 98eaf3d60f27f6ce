#!/usr/bin/env bash
# Takes the screenshots in docs/images/ anew from the demo site, so docs/site.md shows the site as it is.
# Builds the plugin and the demo site (offline), runs DocScreenshotsIT in headless Chromium (chromium and
# chromedriver on PATH, or CHROMIUM / CHROMEDRIVER), then copies its PNGs here.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -o -q verify -pl site -am -Dinvoker.skip \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DocScreenshotsIT
mkdir -p docs/images
for view in index page search phone phone-index dark; do
  cp "site/target/screenshots/$view.png" "docs/images/site-$view.png"
done
echo "docs/images: site-{index,page,search,phone,phone-index,dark}.png updated"
