// Replays what the site's real search.js loads for the FIRST query of a fresh page view, for each query.
//   node bench/search-bytes.js [--typed] SITE_DIR QUERY...
// --typed: the query typed letter by letter with every keystroke searched (each pause longer than the
// box's 120 ms debounce): the bytes of all the prefixes' queries in one page view, a worst case.
// Each query runs in a fresh context (as on a freshly opened page), so each figure is a first query.
// A "load" is a <script> search.js appends: the shim reads the file from SITE_DIR and runs it, as the
// browser would. Bytes are gzip -6 sizes (what a server with gzip on sends), plus search.js itself.
// Prints JSON: {searchJsGzip, queries: [{q, total, files, raw, gzip}]}.
"use strict";
const vm = require("vm");
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const typed = process.argv[2] === "--typed";
const [siteDir, ...queries] = process.argv.slice(typed ? 3 : 2);
const searchJs = fs.readFileSync(path.join(siteDir, "assets/search.js"));
const gz = (buf) => zlib.gzipSync(buf, { level: 6 }).length;

async function firstQuery(q) {
  const loads = [];
  const context = vm.createContext({ console });
  const document = {
    readyState: "complete",
    querySelector: () => null,
    getElementById: () => null,
    addEventListener() {},
    createElement: (tag) => ({ tagName: String(tag).toUpperCase() }),
    head: {
      appendChild(script) {
        setImmediate(() => {
          let code;
          try {
            code = fs.readFileSync(path.join(siteDir, script.src));
          } catch (e) {
            if (script.onerror) script.onerror(e);
            return;
          }
          loads.push({ file: script.src, raw: code.length, gzip: gz(code) });
          vm.runInContext(code.toString("utf8"), context, { filename: script.src });
          if (script.onload) script.onload();
        });
      },
    },
  };
  context.document = document;
  context.window = context;
  vm.runInContext(searchJs.toString("utf8"), context, { filename: "search.js" });
  const index = context.window.RunbookSearch.open("");
  if (typed) for (let i = 1; i < q.length; i++) await index.query(q.slice(0, i), {}, 10);
  const answer = await index.query(q, {}, 10);
  return {
    q,
    total: answer.total,
    files: loads.length,
    raw: loads.reduce((s, l) => s + l.raw, 0),
    gzip: loads.reduce((s, l) => s + l.gzip, 0),
  };
}

(async () => {
  const out = { searchJsGzip: gz(searchJs), queries: [] };
  for (const q of queries) out.queries.push(await firstQuery(q));
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  process.stderr.write(String((e && e.stack) || e));
  process.exit(2);
});
