// Times search queries in real headless Chromium, driven over WebDriver by /usr/bin/chromedriver.
//   node bench/search-chromium.js SITE_URL QUERY...      (SITE_URL: the site's index.html on a loopback server)
// One page view runs every query in turn through window.RunbookSearch (the code the search box uses), so
// the first query includes fetching and parsing the shards it needs, and later ones reuse what is loaded.
// Prints JSON: {queries: [{q, total, ms}], firstMs, medianMs, p95Ms, maxMs}.
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const net = require("net");

const [siteUrl, ...queries] = process.argv.slice(2);

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
    s.on("error", reject);
  });
}

async function wd(base, method, url, body) {
  const res = await fetch(base + url, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(method + " " + url + ": " + JSON.stringify(json.value));
  return json.value;
}

async function waitFor(check, what, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try { if (await check()) return; } catch (e) { /* not up yet */ }
    if (Date.now() > end) throw new Error("timed out waiting for " + what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

(async () => {
  const port = await freePort();
  const driver = spawn("/usr/bin/chromedriver", ["--port=" + port], { stdio: "ignore" });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "bench-chromium-"));
  const base = "http://127.0.0.1:" + port;
  let session;
  try {
    await waitFor(async () => (await wd(base, "GET", "/status")).ready, "chromedriver", 20000);
    const created = await wd(base, "POST", "/session", {
      capabilities: { alwaysMatch: {
        browserName: "chrome",
        "goog:chromeOptions": {
          binary: "/usr/bin/chromium",
          args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + profile],
        },
      } },
    });
    session = base + "/session/" + created.sessionId;
    await wd(session, "POST", "/timeouts", { script: 120000, pageLoad: 120000 });
    await wd(session, "POST", "/url", { url: siteUrl });
    await waitFor(async () => (await wd(session, "POST", "/execute/sync",
      { script: "return !!(window.RunbookSearch && window.RunbookSearch.open)", args: [] })), "search.js", 20000);
    const times = await wd(session, "POST", "/execute/async", {
      script: `const [queries, done] = arguments;
        const root = (document.querySelector("form.search") || {getAttribute: () => ""}).getAttribute("data-root") || "";
        const index = window.RunbookSearch.open(root);
        (async () => {
          const out = [];
          for (const q of queries) {
            const t0 = performance.now();
            const a = await index.query(q, {}, 10);
            out.push({ q, total: a.total, ms: performance.now() - t0 });
          }
          done(out);
        })().catch((e) => done({ error: String(e) }));`,
      args: [queries],
    });
    if (times.error) throw new Error(times.error);
    const ms = times.map((t) => t.ms).sort((a, b) => a - b);
    const pick = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
    process.stdout.write(JSON.stringify({ queries: times, firstMs: times[0].ms, medianMs: pick(0.5),
      p95Ms: pick(0.95), maxMs: ms[ms.length - 1] }));
  } finally {
    if (session) await wd(session, "DELETE", "").catch(() => {});
    driver.kill();
    fs.rmSync(profile, { recursive: true, force: true });
  }
})().catch((e) => {
  process.stderr.write(String((e && e.stack) || e));
  process.exit(2);
});
