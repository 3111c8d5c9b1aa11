#!/usr/bin/env bash
# Lighthouse mobile scores of a page (default: the home page) with Debian's chromium.
# Usage: start the app (npm start), then: bash bench/lighthouse.sh [url]
# Lighthouse 12.8 is the last release that runs on Node 20; it is fetched by npx, not a dependency.
set -euo pipefail
url="${1:-http://localhost:3000/}"
out="$(mktemp -d)/report.json"
CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" npx --yes lighthouse@12.8.2 "$url" --quiet --output=json --output-path="$out" \
  --form-factor=mobile --only-categories=performance,accessibility,best-practices,seo \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
node -e '
const r = require(process.argv[1]);
for (const [k, c] of Object.entries(r.categories)) console.log(`${k}: ${Math.round(c.score * 100)}`);
for (const a of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"]) console.log(`${a}: ${r.audits[a].displayValue}`);
' "$out"
