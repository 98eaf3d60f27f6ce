// Scores three site searches on the judged queries, typing each query into the built site in headless
// Chromium (WebDriver, driven by chromedriver), and prints one table.
//   node bench/search-quality/quality.js BASE_URL QUERIES_FILE OUT_DIR
// BASE_URL serves the scratch folder of run.sh: site/ (our site, with pagefind/ inside) and mkdocs/site/.
//   runbook  : our box. Real key presses into #search-input; the results are read once the list says it
//              answers the text in the box (data-query). The last word counts as still being typed.
//   lunr     : (on openshift/example.html, MkDocs has no index page here) MkDocs' built-in search (lunr in a web worker): the query is put into its search box and
//              a keyup fires its own handler, as typing does; results read from #mkdocs-search-results.
//   pagefind : Pagefind's JS API (what its UI calls), on our site's runbook pages.
// Metrics per query on the first 10 distinct pages: reciprocal rank of the first relevant page (MRR@10),
// recall@5 (share of the relevant pages in the first 5), found@5 (any relevant page in the first 5).
"use strict";
const { spawn, execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const net = require("net");

const [base, queriesFile, outDir] = process.argv.slice(2);
const ENGINES = ["runbook", "lunr", "pagefind"];
const KINDS = ["keyword", "question", "alert", "typo", "phrase"];

function which(name, env) {
  if (process.env[env]) return process.env[env];
  try { return execFileSync("sh", ["-c", "command -v " + name], { encoding: "utf8" }).trim(); }
  catch (e) { throw new Error(name + " is not on the PATH: install it (Debian: chromium chromium-driver) or set " + env); }
}

function readQueries(file) {
  const out = [];
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [kind, q, relevant] = line.split("\t");
    if (!KINDS.includes(kind) || !q || !relevant) throw new Error("bad line in " + file + ": " + line);
    out.push({ kind, q, relevant: relevant.trim().split(/\s+/) });
  }
  return out;
}

/** A result URL as the page key of queries.txt (O/..., P/...), or null for anything else. */
function pageKey(href) {
  let p = decodeURIComponent(new URL(href, "http://x/").pathname);
  p = p.replace(/^\/(site|mkdocs\/site)\//, "").replace(/\.html$/, "");
  if (p.startsWith("openshift/alerts/")) return "O/" + p.slice("openshift/alerts/".length);
  if (p.startsWith("prometheus-operator/content/runbooks/")) return "P/" + p.slice("prometheus-operator/content/runbooks/".length);
  return null;
}

function distinctPages(hrefs) {
  const out = [];
  for (const h of hrefs) {
    const k = pageKey(h);
    if (k && !out.includes(k)) out.push(k);
  }
  return out.slice(0, 10);
}

function score(pages, relevant) {
  const rank = pages.findIndex((p) => relevant.includes(p));
  const top5 = pages.slice(0, 5);
  return { rr: rank >= 0 ? 1 / (rank + 1) : 0, recall5: relevant.filter((r) => top5.includes(r)).length / relevant.length,
    found5: relevant.some((r) => top5.includes(r)) ? 1 : 0 };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
    s.on("error", reject);
  });
}

async function wd(url, method, body) {
  const res = await fetch(url, { method, headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(method + " " + url + ": " + JSON.stringify(json.value));
  return json.value;
}

async function waitFor(check, what, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    let ok = false;
    try { ok = await check(); } catch (e) { /* not yet */ }
    if (ok) return ok;
    if (Date.now() > end) throw new Error("timed out waiting for " + what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

(async () => {
  const queries = readQueries(queriesFile);
  const port = await freePort();
  const driver = spawn(which("chromedriver", "CHROMEDRIVER"), ["--port=" + port], { stdio: "ignore" });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "search-quality-"));
  const wdBase = "http://127.0.0.1:" + port;
  let session;
  try {
    await waitFor(async () => (await wd(wdBase + "/status", "GET")).ready, "chromedriver", 20000);
    const created = await wd(wdBase + "/session", "POST", { capabilities: { alwaysMatch: { browserName: "chrome",
      "goog:chromeOptions": { binary: which("chromium", "CHROMIUM"), args: ["--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-background-networking", "--disable-sync", "--user-data-dir=" + profile] } } } });
    session = wdBase + "/session/" + created.sessionId;
    await wd(session + "/timeouts", "POST", { script: 120000, pageLoad: 120000 });
    const js = (script, args = []) => wd(session + "/execute/sync", "POST", { script, args });
    const jsAsync = (script, args = []) => wd(session + "/execute/async", "POST", { script, args });
    const results = [];

    // runbook: real key presses into the box.
    await wd(session + "/url", "POST", { url: base + "/site/index.html" });
    await waitFor(() => js("return !!(window.RunbookSearch && document.getElementById('search-input'))"), "search.js", 30000);
    const input = await wd(session + "/element", "POST", { using: "css selector", value: "#search-input" });
    const inputId = Object.values(input)[0];
    for (const q of queries) {
      await js("const i = document.getElementById('search-input'); i.value = ''; i.dispatchEvent(new Event('input'));"
        + " document.getElementById('search-results').removeAttribute('data-query');");
      await wd(session + "/element/" + inputId + "/value", "POST", { text: q.q });
      const hrefs = await waitFor(() => js("const l = document.getElementById('search-results');"
        + " if (l.getAttribute('data-query') !== document.getElementById('search-input').value) return null;"
        + " return [...l.querySelectorAll('[role=option] a')].map(a => a.href);"), "results for " + q.q, 60000);
      results.push({ engine: "runbook", q: q.q, pages: distinctPages(hrefs) });
    }

    // lunr (MkDocs): its own search box and keyup handler.
    await wd(session + "/url", "POST", { url: base + "/mkdocs/site/openshift/example.html" });
    await waitFor(() => js("return !!document.getElementById('mkdocs-search-query')"), "mkdocs page", 30000);
    for (const q of queries) {
      const hrefs = await jsAsync(`const [q, done] = arguments;
        const box = document.getElementById('mkdocs-search-query'), out = document.getElementById('mkdocs-search-results');
        const attempt = () => {
          out.replaceChildren();
          box.value = q;
          box.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));
          const start = Date.now();
          const poll = () => {
            if (out.childNodes.length) return done([...out.querySelectorAll('article a')].map(a => a.href));
            if (Date.now() - start > 3000) return attempt(); // the worker was still loading its index
            setTimeout(poll, 25);
          };
          poll();
        };
        attempt();`, [q.q]);
      results.push({ engine: "lunr", q: q.q, pages: distinctPages(hrefs) });
    }

    // Pagefind: its API, on our site's pages.
    await wd(session + "/url", "POST", { url: base + "/site/index.html" });
    for (const q of queries) {
      const hrefs = await jsAsync(`const [q, done] = arguments;
        import('/site/pagefind/pagefind.js').then(async (pf) => {
          const s = await pf.search(q);
          const data = await Promise.all(s.results.slice(0, 10).map((r) => r.data()));
          done(data.map((d) => new URL(d.url, location.href).href));
        }).catch((e) => done({ error: String(e) }));`, [q.q]);
      if (hrefs.error) throw new Error("pagefind: " + hrefs.error);
      results.push({ engine: "pagefind", q: q.q, pages: distinctPages(hrefs) });
    }

    // Score.
    const rows = [];
    for (const r of results) {
      const q = queries.find((x) => x.q === r.q);
      rows.push(Object.assign({ kind: q.kind, relevant: q.relevant }, r, score(r.pages, q.relevant)));
    }
    const agg = (engine, kind) => {
      const sel = rows.filter((r) => r.engine === engine && (!kind || r.kind === kind));
      const mean = (f) => sel.reduce((s, r) => s + r[f], 0) / sel.length;
      return { n: sel.length, mrr: mean("rr"), recall5: mean("recall5"), found5: mean("found5") };
    };
    const f2 = (x) => x.toFixed(2);
    let table = "| kind (queries) | " + ENGINES.map((e) => e + " MRR@10 / recall@5 / found@5").join(" | ") + " |\n";
    table += "|---|" + ENGINES.map(() => "---").join("|") + "|\n";
    for (const kind of [...KINDS, null]) {
      const n = agg("runbook", kind).n;
      table += "| " + (kind || "**all**") + " (" + n + ") | " + ENGINES.map((e) => {
        const a = agg(e, kind);
        const cell = f2(a.mrr) + " / " + f2(a.recall5) + " / " + f2(a.found5);
        return kind ? cell : "**" + cell + "**";
      }).join(" | ") + " |\n";
    }
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, "results.json"), JSON.stringify(rows, null, 1));
    fs.writeFileSync(path.join(outDir, "table.md"), table);
    const misses = rows.filter((r) => r.engine === "runbook" && r.rr < 1)
      .map((r) => r.kind + "\t" + r.q + "\trank " + (r.rr ? Math.round(1 / r.rr) : "-") + "\t" + r.pages.slice(0, 3).join(" "));
    fs.writeFileSync(path.join(outDir, "runbook-misses.txt"), misses.join("\n") + "\n");
  } finally {
    if (session) await wd(session, "DELETE").catch(() => {});
    driver.kill();
    fs.rmSync(profile, { recursive: true, force: true });
  }
})().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + "\n");
  process.exit(2);
});
