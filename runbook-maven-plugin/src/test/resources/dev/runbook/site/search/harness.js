// Runs queries through the real search.js in Node, for SearchQueryTest.
// usage: node harness.js <search.js> <siteDir> <requests.json>
// requests: {"tokenize": ["text", ...], "stem": ["word", ...],
//            "queries": [{"q": "...", "filters": {...}, "limit": 10, "options": {"typing": false, "exact": true}}, ...]}
// prints: {"tokens": [[...], ...], "stems": [...],
//          "answers": [{"total", "results", "corrected", "loads": [files loaded for this query]}]}
//
// The shim gives search.js the two things it touches outside the UI: document.createElement("script")
// and document.head.appendChild(script). "Loading" a script reads the file from siteDir and runs it in
// the same context, asynchronously like a browser, then fires onload (or onerror if it is missing).
"use strict";
const vm = require("vm");
const fs = require("fs");
const path = require("path");

const [searchJs, siteDir, requestsFile] = process.argv.slice(2);
const requests = JSON.parse(fs.readFileSync(requestsFile, "utf8"));
const loads = [];

const document = {
  readyState: "complete",
  querySelector: () => null,
  getElementById: () => null,
  addEventListener() {},
  createElement: (tag) => ({ tagName: String(tag).toUpperCase() }),
  head: {
    appendChild(script) {
      setImmediate(() => {
        loads.push(script.src);
        let code;
        try {
          code = fs.readFileSync(path.join(siteDir, script.src), "utf8");
        } catch (e) {
          if (script.onerror) script.onerror(e);
          return;
        }
        vm.runInContext(code, context, { filename: script.src });
        if (script.onload) script.onload();
      });
    },
  },
};
const context = vm.createContext({ document, console });
context.window = context;
vm.runInContext(fs.readFileSync(searchJs, "utf8"), context, { filename: "search.js" });
const search = context.window.RunbookSearch;

(async () => {
  const out = { tokens: (requests.tokenize || []).map((t) => Array.from(search.tokenize(t))),
    stems: (requests.stem || []).map((w) => search.stem(w)), answers: [] };
  const index = search.open("");
  for (const r of requests.queries || []) {
    const before = loads.length;
    try {
      const options = Object.assign({}, r.options || {});
      // A newer query arrives once this one has loaded n files: the UI's seq check, simulated.
      if (options.supersededAfterLoads) options.current = () => loads.length - before < r.options.supersededAfterLoads;
      const answer = await index.query(r.q, r.filters || {}, r.limit || 10, options);
      out.answers.push({ q: r.q, total: answer.total, results: answer.results, corrected: answer.corrected,
        loads: loads.slice(before) });
    } catch (e) {
      out.answers.push({ q: r.q, error: String(e && e.message || e), loads: loads.slice(before) });
    }
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(2);
});
