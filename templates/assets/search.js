/*
 * Runbook site search. No dependencies, no build step. ASCII only, so it reads right whatever charset
 * the page declares (non-ASCII text is written as \u escapes).
 *
 * The index is written at build time by dev.runbook.site.search.SearchIndexWriter as JavaScript files
 * under search/ that call window.RunbookSearch.register(part, data). We load them with <script> tags
 * because browsers refuse fetch()/XHR of file:// URLs, and this site must work opened from disk.
 * Nothing is loaded until the search box gets focus (or `/` is pressed): most page views never search.
 *
 * Small sites have everything in search/meta.js. Large ones split the index (see docs/search.md):
 *   d<i>  dictionary shards: sorted terms + document frequency (prefix expansion, typo candidates)
 *   p<i>  postings shards: term -> (doc gap, impact) pairs, impact = precomputed BM25F score
 *   t<i>  text shards: title, url, sections of a range of docs, loaded only for results shown
 *   facets: doc lists per service / tag / severity, loaded only when a filter is used
 * so a query loads only the shards its terms and its results live in.
 */
(function () {
  "use strict";

  // ---- Stemmer: Snowball English (Porter2), the algorithm of snowballstem.org's english.sbl, written out
  // by hand for this file. SearchTokenizer.java uses the Snowball-generated Java of the same algorithm
  // (Apache OpenNLP); SearchQueryTest checks that both give the same stem for every word of two real
  // runbook corpora. Works on UTF-16 code units, like the generated code; only a-z matter to it.

  const VOWEL = /[aeiouy]/;
  const isV = (c) => c !== undefined && VOWEL.test(c);
  const DOUBLES = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"];
  const LI_ENDING = "cdeghkmnrt";
  const EXCEPTIONS = { skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl",
    gently: "gentl", ugly: "ugli", early: "earli", only: "onli", singly: "singl",
    sky: "sky", news: "news", howe: "howe", atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes" };
  const AFTER_1A = new Set(["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"]);
  const STEP2 = [["ization", "ize"], ["ational", "ate"], ["fulness", "ful"], ["ousness", "ous"], ["iveness", "ive"],
    ["tional", "tion"], ["biliti", "ble"], ["lessli", "less"], ["entli", "ent"], ["ation", "ate"], ["alism", "al"],
    ["aliti", "al"], ["ousli", "ous"], ["iviti", "ive"], ["fulli", "ful"], ["enci", "ence"], ["anci", "ance"],
    ["abli", "able"], ["izer", "ize"], ["ator", "ate"], ["alli", "al"], ["bli", "ble"], ["ogi", "og"], ["li", ""]];
  const STEP3 = [["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"],
    ["ative", ""], ["ical", "ic"], ["ness", ""], ["ful", ""]];
  const STEP4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive",
    "ize", "ion", "al", "er", "ic"];

  /** Start of the region after the first non-vowel that follows a vowel, from `from` on (R1, R2). */
  function regionAfter(w, from) {
    let i = from;
    while (i < w.length && !isV(w[i])) i++;
    while (i < w.length && isV(w[i])) i++;
    return i < w.length ? i + 1 : w.length;
  }

  /** Ends in a short syllable: non-vowel, vowel, non-vowel other than w, x, Y; or vowel, non-vowel as the whole word. */
  function endsShort(w) {
    const n = w.length;
    if (n >= 3 && !isV(w[n - 3]) && isV(w[n - 2]) && !isV(w[n - 1]) && "wxY".indexOf(w[n - 1]) < 0) return true;
    return n === 2 && isV(w[0]) && !isV(w[1]);
  }

  /** The longest suffix of w among the list (strings, or [suffix, replacement] pairs, longest first), or null. */
  function longest(w, list) {
    for (const e of list) if (w.endsWith(typeof e === "string" ? e : e[0])) return e;
    return null;
  }

  function porter2(word) {
    if (Object.prototype.hasOwnProperty.call(EXCEPTIONS, word)) return EXCEPTIONS[word];
    if (word.length < 3) return word;
    // Prelude: y at the start or after a vowel is a consonant (Y).
    // Left to right on the word as changed so far: in "yyyy" only every other y follows a vowel.
    let w = "";
    for (let i = 0; i < word.length; i++) w += word[i] === "y" && (i === 0 || isV(w[i - 1])) ? "Y" : word[i];
    let p1;
    if (w.startsWith("gener") || w.startsWith("arsen")) p1 = 5;
    else if (w.startsWith("commun")) p1 = 6;
    else p1 = regionAfter(w, 0);
    const p2 = regionAfter(w, p1);

    // Step 1a
    if (w.endsWith("sses")) w = w.slice(0, -2);
    else if (w.endsWith("ied") || w.endsWith("ies")) w = w.slice(0, -3) + (w.length - 3 >= 2 ? "i" : "ie");
    else if (w.endsWith("us") || w.endsWith("ss")) { /* kept */ }
    else if (w.endsWith("s") && /[aeiouy]/.test(w.slice(0, -2))) w = w.slice(0, -1);
    if (AFTER_1A.has(w)) return w.replace(/Y/g, "y");

    // Step 1b
    const s1b = longest(w, ["eedly", "ingly", "edly", "eed", "ing", "ed"]);
    if (s1b === "eed" || s1b === "eedly") {
      if (w.length - s1b.length >= p1) w = w.slice(0, -s1b.length) + "ee";
    } else if (s1b) {
      const stem = w.slice(0, -s1b.length);
      if (/[aeiouy]/.test(stem)) {
        w = stem;
        if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) w += "e";
        else if (DOUBLES.some((d) => w.endsWith(d))) {
          if (!(w.length === 3 && "aeo".indexOf(w[0]) >= 0)) w = w.slice(0, -1); // add, egg, odd stay whole
        }
        else if (w.length === p1 && endsShort(w)) w += "e";
      }
    }
    // Step 1c
    const n = w.length;
    if (n > 2 && (w[n - 1] === "y" || w[n - 1] === "Y") && !isV(w[n - 2])) w = w.slice(0, -1) + "i";
    // Step 2
    const s2 = longest(w, STEP2);
    if (s2 && w.length - s2[0].length >= p1) {
      const before = w[w.length - s2[0].length - 1];
      if (s2[0] === "ogi") { if (before === "l") w = w.slice(0, -3) + "og"; }
      else if (s2[0] === "li") { if (before !== undefined && LI_ENDING.indexOf(before) >= 0) w = w.slice(0, -2); }
      else w = w.slice(0, -s2[0].length) + s2[1];
    }
    // Step 3
    const s3 = longest(w, STEP3);
    if (s3 && w.length - s3[0].length >= p1 && (s3[0] !== "ative" || w.length - 5 >= p2)) {
      w = w.slice(0, -s3[0].length) + s3[1];
    }
    // Step 4
    const s4 = longest(w, STEP4);
    if (s4 && w.length - s4.length >= p2) {
      const before = w[w.length - s4.length - 1];
      if (s4 !== "ion" || before === "s" || before === "t") w = w.slice(0, -s4.length);
    }
    // Step 5
    if (w.endsWith("e")) {
      const at = w.length - 1;
      if (at >= p2 || (at >= p1 && !endsShort(w.slice(0, at)))) w = w.slice(0, at);
    } else if (w.endsWith("l")) {
      const at = w.length - 1;
      if (at >= p2 && w[at - 1] === "l") w = w.slice(0, at);
    }
    return w.replace(/Y/g, "y");
  }

  // ---- Tokenizer: a twin of SearchTokenizer.java. Change both or neither. -------------------------

  const TOKEN = /[\p{L}\p{M}\p{Nd}]+/gu;
  const HAS_DIGIT = /\p{Nd}/u;
  const ALL_DIGITS = /^\p{Nd}+$/u;
  const MAX_INDEXED_LENGTH = 40;

  /** SearchTokenizer.stem: Porter2, but tokens with digits (k8s, 5xx, p1) stay as they are. */
  function stem(t) {
    return HAS_DIGIT.test(t) ? t : porter2(t);
  }

  /**
   * Tokens of `text` with their position in it: {raw (lower-cased), term (stemmed), start, end}. Used on
   * display text (excerpts), where positions must stay those of the text; queries go through queryTokens.
   */
  function tokens(text) {
    const out = [];
    for (const m of text.matchAll(TOKEN)) {
      const raw = m[0].toLowerCase();
      if (raw.length > 8 && ALL_DIGITS.test(raw)) continue;
      out.push({ raw, term: stem(raw), start: m.index, end: m.index + m[0].length });
    }
    return out;
  }

  /** Parts of a camel-case word, like SearchTokenizer.camelParts: the index also stores those. */
  function camelParts(word) {
    return word.split(/(?<=[\p{Ll}\p{Nd}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u);
  }

  /**
   * Like Java: lower-case the whole text first (Greek final sigma depends on what follows the token).
   * Each token also gets `parts`: the stemmed camel-case parts of the word as typed (KubeletDown ->
   * kubelet, down), used when the whole word is too long for the index or matches nothing.
   */
  function queryTokens(text) {
    const normalized = text.normalize("NFKC");
    const out = tokens(normalized.toLowerCase());
    const cased = [...normalized.matchAll(TOKEN)].map((m) => m[0]).filter((w) => !(w.length > 8 && ALL_DIGITS.test(w)));
    if (cased.length === out.length) {
      out.forEach((t, i) => {
        const parts = camelParts(cased[i]).map((p) => p.toLowerCase()).filter((p) => p.length >= 2);
        t.parts = parts.length > 1 ? parts : [];
      });
    } else {
      out.forEach((t) => { t.parts = []; });
    }
    return out;
  }

  function tokenize(text) {
    return queryTokens(text).map((t) => t.term);
  }

  // ---- Postings decoding: a twin of PostingsCodec.java. ---------------------------------------------

  const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  const DIGIT = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

  /** Every number in an encoded string; digits >= 32 continue a number, digits < 32 end it. */
  function decode(s) {
    const out = [];
    let v = 0;
    for (let i = 0; i < s.length; i++) {
      const d = DIGIT[s.charCodeAt(i)];
      v = v * 32 + (d & 31);
      if (d < 32) { out.push(v); v = 0; }
    }
    return out;
  }

  // ---- Loading index parts. ------------------------------------------------------------------------

  const parts = new Map(); // part name -> data, filled by register() as scripts run

  function register(name, data) {
    parts.set(name, data);
  }

  function fileOf(part) {
    if (part === "meta" || part === "facets") return "search/" + part + ".js";
    return "search/" + part[0] + "/" + part.slice(1) + ".js";
  }

  /** Index of the last shard whose first key is <= key (bounds are sorted). */
  function shardOf(bounds, key) {
    let lo = 0, hi = bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bounds[mid] <= key) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** First index in sorted `arr` whose value is >= key. */
  function lowerBound(arr, key) {
    let lo = 0, hi = arr.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (arr[mid] < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** Every spelling one edit (Damerau) from `w` that keeps its first letter, over a-z. */
  function oneEditSpellings(w) {
    const out = new Set();
    const abc = "abcdefghijklmnopqrstuvwxyz";
    for (let i = 1; i <= w.length; i++) {
      if (i < w.length) {
        out.add(w.slice(0, i) + w.slice(i + 1));
        if (i + 1 < w.length) out.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
      }
      for (const c of abc) {
        if (i < w.length) out.add(w.slice(0, i) + c + w.slice(i + 1));
        out.add(w.slice(0, i) + c + w.slice(i));
      }
    }
    out.delete(w);
    return out;
  }

  /** One-edit (Damerau: insert, delete, substitute, swap neighbours) test, a !== b assumed fine. */
  function withinOneEdit(a, b) {
    const la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    let i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (i === la || i === lb) return Math.abs(la - lb) <= 1;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  const PREFIX_WEIGHT = 0.75;
  /** A prefix expansion of a word that is itself in the index ("down" -> download) counts this much. */
  const PREFIX_OF_WORD_WEIGHT = 0.3;
  const TYPO_WEIGHT = 0.45;
  /** Question words (meta.weak: how, what, do, I, ...) count this much in the score and in the coverage. */
  const WEAK_WEIGHT = 0.2;
  /** Final score = score * coverage^COVERAGE_POWER, coverage = weighted share of query words matched. */
  const COVERAGE_POWER = 2;
  const MAX_PREFIX_TERMS = 30;
  const MAX_TYPO_TERMS = 10;
  const MIN_TYPO_LENGTH = 5;
  const FACETS = ["service", "tag", "severity", "status"];

  /** Thrown (and swallowed by the UI) when a newer query makes this one pointless: no more shards for it. */
  class Superseded extends Error {}

  /**
   * Opens the index of the site whose root is `root` ("" or "../"): nothing is loaded until the first
   * call. Returns {meta(), query(text, filters, limit, options)}. The page UI and the tests both use this.
   */
  function open(root) {
    const loading = new Map(); // file -> Promise, so a shard is requested once

    function loadFile(file) {
      if (!loading.has(file)) {
        loading.set(file, new Promise((resolve, reject) => {
          const s = document.createElement("script");
          s.src = root + file;
          s.async = true;
          s.onload = () => resolve();
          s.onerror = () => { loading.delete(file); reject(new Error("cannot load " + root + file)); };
          document.head.appendChild(s);
        }));
      }
      return loading.get(file);
    }

    async function need(names) {
      const unique = [...new Set(names)];
      await Promise.all(unique.filter((n) => !parts.has(n)).map((n) => loadFile(fileOf(n))));
      const missing = unique.filter((n) => !parts.has(n));
      if (missing.length) throw new Error("search index is incomplete: " + missing.join(", ") + " missing");
      return unique.map((n) => parts.get(n));
    }

    const meta = () => need(["meta"]).then((r) => r[0]);

    /** Dictionary entries [term, df] for terms in [from, to). */
    async function dictRange(m, from, to) {
      const bounds = m.shards.dict;
      const first = shardOf(bounds, from), last = shardOf(bounds, to);
      const names = [];
      for (let i = first; i <= last; i++) names.push("d" + i);
      const out = [];
      for (const d of await need(names)) {
        for (let i = lowerBound(d.t, from); i < d.t.length && d.t[i] < to; i++) out.push([d.t[i], d.f[i]]);
      }
      return out;
    }

    async function dfOf(m, term) {
      const hit = await dictRange(m, term, term + "\0");
      return hit.length ? hit[0][1] : 0;
    }

    /**
     * The index terms a query token stands for, with a weight: the term itself (1) and, while the word
     * is being typed, terms it is a prefix of (0.75; 0.3 when the word is itself in the index, so
     * "down" ranks pages about down above pages about downloads).
     */
    async function matches(m, tok) {
      const found = new Map(); // term -> {weight, df}
      const df = await dfOf(m, tok.term);
      if (df) found.set(tok.term, { weight: 1, df });
      if (tok.prefix && tok.raw.length >= 2) {
        // Both the stemmed and the typed form: "policies" stems to "polici", whose prefix it is not.
        const byTerm = new Map();
        for (const p of new Set([tok.term, tok.raw])) for (const [t, f] of await dictRange(m, p, p + "\uffff")) byTerm.set(t, f);
        const more = [...byTerm];
        more.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
        const weight = df ? PREFIX_OF_WORD_WEIGHT : PREFIX_WEIGHT;
        for (const [t, f] of more.slice(0, MAX_PREFIX_TERMS)) if (!found.has(t)) found.set(t, { weight, df: f, capDf: df });
      }
      return found;
    }

    /**
     * Terms one edit away from a word that matched nothing. Candidates are looked for among terms with
     * the same first letter, plus the two spellings that fix an error in the first letter (deleted extra
     * first letter, swapped first two letters).
     */
    async function typos(m, tok) {
      const found = new Map();
      const q = tok.term;
      if (q.length < MIN_TYPO_LENGTH) return found;
      const pool = await dictRange(m, q[0], q[0] + "\uffff");
      for (const v of [q.slice(1), q[1] + q[0] + q.slice(2)]) {
        const f = await dfOf(m, v);
        if (f) pool.push([v, f]);
      }
      const near = pool.filter(([t]) => withinOneEdit(q, t) || (tok.raw !== q && withinOneEdit(tok.raw, t))
        || (tok.prefix && [q.length - 1, q.length, q.length + 1].some((k) => k < t.length && withinOneEdit(q, t.slice(0, k)))));
      // The index holds stems: "schedluer" is one edit from "scheduler", whose stem "schedul" is two
      // edits from what was typed. So also stem every one-edit spelling of the word as typed.
      const inPool = new Map(pool);
      const seen = new Set(near.map(([t]) => t));
      for (const v of oneEditSpellings(tok.raw)) {
        const t = stem(v);
        if (!seen.has(t) && inPool.has(t)) { seen.add(t); near.push([t, inPool.get(t)]); }
      }
      near.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      for (const [t, f] of near.slice(0, MAX_TYPO_TERMS)) if (!found.has(t)) found.set(t, { weight: TYPO_WEIGHT, df: f });
      return found;
    }

    async function allowedDocs(m, filters) {
      const chosen = FACETS.filter((f) => filters && filters[f]);
      if (!chosen.length) return null;
      const [facets] = await need(["facets"]);
      let allowed = null;
      for (const f of chosen) {
        const ids = new Set();
        let doc = 0;
        for (const gap of decode((facets[f] && facets[f][filters[f]]) || "")) { doc += gap; ids.add(doc); }
        allowed = allowed ? new Set([...allowed].filter((d) => ids.has(d))) : ids;
      }
      return allowed;
    }

    /**
     * The query's words, each {raw, term, parts, prefix, weight}: stop words dropped (unless being
     * typed), repeats dropped, question words weighted low (unless the query has nothing else).
     */
    function queryWords(m, text, typing) {
      const stop = new Set(m.stop);
      const weak = new Set(m.weak || []);
      const normalized = (text || "").normalize("NFKC").toLowerCase();
      const all = queryTokens(text || "");
      // The last word is still being typed unless the text ends with a separator (or typing is false).
      const open = typing === undefined ? all.length > 0 && all[all.length - 1].end === normalized.length : typing;
      const seen = new Set();
      const words = [];
      all.forEach((t, i) => {
        const prefix = open && i === all.length - 1;
        if (seen.has(t.term) || (stop.has(t.raw) && !prefix)) return;
        seen.add(t.term);
        words.push(Object.assign({}, t, { prefix, weight: weak.has(t.raw) || stop.has(t.raw) ? WEAK_WEIGHT : 1 }));
      });
      if (words.every((w) => w.weight < 1)) words.forEach((w) => { w.weight = 1; });
      return words;
    }

    /**
     * Runs a query. Each query word stands for index terms (itself; prefixes while typed; its camel-case
     * parts when it is too long for the index or matches nothing; else terms one edit away). A page's
     * score is the sum over words of the word's weight times its best term's weight * idf * impact; the
     * final score multiplies it by the square of the share of query words (by weight) the page matches:
     * pages with all the words come first unless a page with fewer is much better, and question words
     * barely count. Returns {total, results, corrected} with at most `limit` results; `corrected` is
     * {text, original} when typo correction changed a word. Options: typing (is the last word still being
     * typed? default: the text does not end with a separator), exact (no typo correction), current (a
     * function; when it returns false the query stops loading and throws a Superseded error).
     */
    async function query(text, filters, limit = 10, options = {}) {
      const live = () => { if (options.current && !options.current()) throw new Superseded("superseded"); };
      const m = await meta();
      live();
      const allowed = await allowedDocs(m, filters);
      live();
      const words = queryWords(m, text, options.typing);
      if (!words.length) {
        if (!allowed) return { total: 0, results: [], corrected: null };
        const ids = [...allowed].sort((a, b) => a - b);
        return { total: ids.length, corrected: null,
          results: await present(m, ids.slice(0, limit).map((doc) => ({ doc, score: 0, coverage: 0 })), new Map()) };
      }

      // Each word -> its terms; an unmatched or over-long camel-case word becomes its parts.
      const units = []; // {word, cands, weight}
      const fixes = []; // {word, cands} words matched only through typo correction
      for (const w of words) {
        let cands = w.raw.length > MAX_INDEXED_LENGTH ? new Map() : await matches(m, w);
        live();
        if (!cands.size && w.parts.length > 1) {
          const parts = w.parts.map((p) => ({ raw: p, term: stem(p), parts: [], prefix: false }));
          const found = [];
          for (const p of parts) {
            const c = await matches(m, p);
            if (c.size) found.push({ word: p, cands: c });
          }
          live();
          if (found.length) {
            for (const f of found) units.push({ word: f.word, cands: f.cands, weight: w.weight / Math.sqrt(found.length) });
            continue;
          }
        }
        if (!cands.size && !options.exact) {
          cands = await typos(m, w);
          live();
          if (cands.size) fixes.push({ word: w, cands });
        }
        units.push({ word: w, cands, weight: w.weight });
      }

      const postBounds = m.shards.post;
      const shardNames = [];
      for (const u of units) for (const term of u.cands.keys()) shardNames.push("p" + shardOf(postBounds, term));
      const shards = new Map();
      const loaded = await need(shardNames);
      live();
      [...new Set(shardNames)].forEach((n, i) => shards.set(n, loaded[i]));

      const n = m.docs;
      const idfOf = (df) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const score = new Float64Array(n);
      const covered = new Float64Array(n);
      let totalWeight = 0;
      // term -> {w: weight * idf, token: index of the unit it stands for}; picks and marks excerpts
      const hitTerms = new Map();
      units.forEach((u, ui) => {
        totalWeight += u.weight;
        const best = new Float64Array(n);
        for (const [term, c] of u.cands) {
          const idf = c.capDf ? Math.min(idfOf(c.df), idfOf(c.capDf)) : idfOf(c.df);
          const w = c.weight * idf;
          const prev = hitTerms.get(term);
          if (!prev || prev.w < w) hitTerms.set(term, { w, token: ui });
          const list = decode(shards.get("p" + shardOf(postBounds, term))[term] || "");
          let doc = 0;
          for (let i = 0; i < list.length; i += 2) {
            doc += list[i];
            const s = w * list[i + 1];
            if (s > best[doc]) best[doc] = s;
          }
        }
        for (let d = 0; d < n; d++) {
          if (best[d] > 0) {
            score[d] += u.weight * best[d];
            covered[d] += u.weight;
          }
        }
      });
      const hits = [];
      for (let d = 0; d < n; d++) {
        if (score[d] > 0 && (!allowed || allowed.has(d))) {
          const coverage = covered[d] / totalWeight;
          hits.push({ doc: d, score: score[d] * Math.pow(coverage, COVERAGE_POWER), coverage });
        }
      }
      hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
      const results = await present(m, hits.slice(0, limit), hitTerms);
      return { total: hits.length, results, corrected: correction(text, fixes, results) };
    }

    /**
     * What typo correction changed, for "showing results for ...": each corrected word replaced by the
     * word as the results spell it (the index holds stems; the pages hold words), or null.
     */
    function correction(text, fixes, results) {
      if (!fixes.length) return null;
      let out = text;
      for (const f of fixes) {
        const best = [...f.cands].sort((a, b) => b[1].df - a[1].df)[0][0];
        let shown = null;
        for (const r of results) {
          for (const source of [r.title, r.heading, r.excerpt.map((p) => p[0]).join("")]) {
            const hit = tokens(source).find((t) => t.term === best);
            if (hit) { shown = source.slice(hit.start, hit.end).toLowerCase(); break; }
          }
          if (shown) break;
        }
        out = replaceWord(out, f.word.raw, shown || best);
      }
      return { text: out, original: text };
    }

    /** Loads the text of the shown hits and builds their display data. */
    async function present(m, hits, hitTerms) {
      const bounds = m.shards.text;
      const names = hits.map((h) => "t" + shardOf(bounds, h.doc));
      await need(names);
      return hits.map((h, i) => {
        const shardIndex = shardOf(bounds, h.doc);
        const [url, title, description, services, severity, tags, sections, status, overdue] = parts.get(names[i])[h.doc - bounds[shardIndex]];
        const best = bestSection(sections, hitTerms);
        const anchor = best ? best[0] : "";
        const excerptSource = best && best[2] ? best[2] : description || (sections[0] ? sections[0][2] : "");
        return {
          doc: h.doc, url, href: hrefOf(url, anchor), title, titleParts: highlight(title, hitTerms),
          services, severity, tags, status: status || null, overdue: !!overdue, anchor, heading: best ? best[1] : "",
          excerpt: excerpt(excerptSource, hitTerms), score: Math.round(h.score * 1000) / 1000,
          coverage: Math.round(h.coverage * 1000) / 1000,
        };
      });
    }

    return { meta, query, words: (text, typing) => meta().then((m) => queryWords(m, text, typing)) };
  }

  /** `text` with the word `word` (lower-cased, as typed) replaced by `by`; the rest kept as typed. */
  function replaceWord(text, word, by) {
    const normalized = text.normalize("NFKC");
    const lower = normalized.toLowerCase();
    if (lower.length !== normalized.length) return lower.split(word).join(by);
    for (const m of lower.matchAll(TOKEN)) {
      if (m[0] === word) return normalized.slice(0, m.index) + by + normalized.slice(m.index + m[0].length);
    }
    return normalized;
  }

  /**
   * A relative link to a page path and anchor. Each path segment is percent-encoded: a file name with
   * `#`, `?` or spaces still links right, and one like `javascript:x.html` cannot become a URL scheme.
   */
  function hrefOf(url, anchor) {
    const path = url.split("/").map(encodeURIComponent).join("/");
    return anchor ? path + "#" + encodeURIComponent(anchor) : path;
  }

  /**
   * The section that matches the most query words; among those, the one whose matches weigh most,
   * heading words counting double and repeats little.
   */
  function bestSection(sections, hitTerms) {
    let best = null, bestScore = 0;
    for (const s of sections) {
      let sc = 0;
      const seen = new Set(), covered = new Set();
      for (const [text, factor] of [[s[1], 2], [s[2], 1]]) {
        for (const t of tokens(text)) {
          const h = hitOf(text, t, hitTerms);
          if (!h) continue;
          sc += h.w * factor * (seen.has(t.term) ? 0.1 : 1);
          seen.add(t.term);
          covered.add(h.token);
        }
      }
      sc += covered.size * 1000;
      if (sc > bestScore) { best = s; bestScore = sc; }
    }
    return best;
  }

  /** The hit a text token is (itself, or by one of its camel-case parts, at half weight), or null. */
  function hitOf(text, t, hitTerms) {
    const direct = hitTerms.get(t.term);
    if (direct) return direct;
    const parts = camelParts(text.slice(t.start, t.end));
    if (parts.length < 2) return null;
    for (const p of parts) {
      const h = hitTerms.get(stem(p.toLowerCase()));
      if (h) return { w: h.w / 2, token: h.token };
    }
    return null;
  }

  /** Splits `text` into [[piece, isHit], ...] so the UI can wrap hits in <mark> without innerHTML. */
  function highlight(text, hitTerms) {
    const out = [];
    let at = 0;
    for (const t of tokens(text)) {
      if (!hitOf(text, t, hitTerms)) continue;
      if (t.start > at) out.push([text.slice(at, t.start), false]);
      out.push([text.slice(t.start, t.end), true]);
      at = t.end;
    }
    if (at < text.length) out.push([text.slice(at), false]);
    return out;
  }

  const EXCERPT_CHARS = 180;

  /** About EXCERPT_CHARS of `text` around its first hit, cut at spaces, with hits marked. */
  function excerpt(text, hitTerms) {
    const first = tokens(text).find((t) => hitOf(text, t, hitTerms));
    let start = first ? Math.max(0, first.start - 50) : 0;
    if (start > 0) {
      const space = text.indexOf(" ", start);
      start = space >= 0 && space < first.start ? space + 1 : start;
    }
    let end = Math.min(text.length, start + EXCERPT_CHARS);
    if (end < text.length) {
      const space = text.lastIndexOf(" ", end);
      if (space > start + EXCERPT_CHARS / 2) end = space;
    }
    const parts = highlight(text.slice(start, end), hitTerms);
    if (start > 0) parts.unshift(["\u2026", false]);
    if (end < text.length) parts.push(["\u2026", false]);
    return parts;
  }

  // ---- The page UI. ---------------------------------------------------------------------------------

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** Appends [[text, hit], ...] to parent; index text only ever goes through textContent. */
  function appendParts(parent, pieces) {
    for (const [text, hit] of pieces) parent.appendChild(hit ? el("mark", null, text) : document.createTextNode(text));
  }

  const STATUS_LABELS = { verified: "Verified", failing: "Failing", unverified: "Unverified", overdue: "Review overdue" };
  const FILTERS = [["service", "Any service"], ["tag", "Any tag"], ["severity", "Any severity"], ["status", "Any status"]];
  /** Wait this long after the last keystroke before searching: a word typed letter by letter is one query. */
  const DEBOUNCE_MS = 120;
  const PAGE = 10;
  const MORE = 100;

  /** The same badge markup as the site's status badges (layout.ftlh), so site.css styles both. */
  function badge(key) {
    const b = el("span", "badge badge-" + key);
    const dot = el("span", "badge-dot");
    dot.setAttribute("aria-hidden", "true");
    b.appendChild(dot);
    b.appendChild(document.createTextNode(STATUS_LABELS[key] || key));
    return b;
  }

  function initUi() {
    const form = document.querySelector("form.search");
    const input = document.getElementById("search-input");
    const list = document.getElementById("search-results");
    if (!form || !input || !list) return;
    const root = form.getAttribute("data-root") || "";
    // The form never submits (Enter opens the chosen result); an inline onsubmit would break the page's CSP.
    form.addEventListener("submit", (event) => event.preventDefault());
    const index = open(root);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("autocomplete", "off");
    // Everything but the box floats in one panel under it, so nothing in the page moves (no layout shift).
    const panel = el("div", "search-panel");
    panel.hidden = true;
    const filters = el("div", "search-filters");
    const note = el("div", "search-note");
    note.hidden = true;
    const more = el("button", "search-more");
    more.type = "button";
    more.hidden = true;
    const status = el("div", "search-status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    form.insertBefore(panel, list);
    panel.append(filters, note, list, more, status);
    list.hidden = false;

    const selects = {};
    let opened = null; // promise of the meta, once the index has been asked for
    let active = -1;
    let seq = 0;
    let timer = 0;
    let limit = PAGE;
    let exactFor = null; // the text the reader asked to search as typed, without typo correction
    let lastAnswer = null;

    function ensureOpen() {
      if (!opened) {
        opened = index.meta().then(buildFilters, (err) => { status.textContent = "Search is unavailable: " + err.message; opened = null; });
      }
      return opened;
    }

    function buildFilters(meta) {
      for (const [facet, any] of FILTERS) {
        const values = meta.facets[facet] || [];
        if (!values.length) continue;
        const select = el("select", "search-filter");
        select.setAttribute("aria-label", "Filter by " + facet);
        select.appendChild(el("option", null, any)).value = "";
        for (const [name, count] of values) {
          const label = facet === "status" ? STATUS_LABELS[name] || name : name;
          select.appendChild(el("option", null, label + " (" + count + ")")).value = name;
        }
        select.addEventListener("change", () => { limit = PAGE; run(); });
        selects[facet] = select;
        filters.appendChild(select);
      }
      filters.hidden = Object.keys(selects).length === 0;
    }

    function chosenFilters() {
      const f = {};
      for (const [facet, select] of Object.entries(selects)) if (select.value) f[facet] = select.value;
      return f;
    }

    function options() {
      return [...list.querySelectorAll("[role=option]")];
    }

    function setActive(i) {
      const opts = options();
      if (!opts.length) return;
      active = (i + opts.length) % opts.length;
      opts.forEach((o, j) => o.setAttribute("aria-selected", j === active ? "true" : "false"));
      input.setAttribute("aria-activedescendant", opts[active].id);
      opts[active].scrollIntoView({ block: "nearest" });
    }

    function isOpen() {
      return !panel.hidden;
    }

    function show(visible) {
      panel.hidden = !visible;
      input.setAttribute("aria-expanded", visible && options().length ? "true" : "false");
      if (!visible) { input.removeAttribute("aria-activedescendant"); active = -1; }
    }

    function renderNote(answer) {
      note.replaceChildren();
      note.hidden = !answer.corrected;
      if (!answer.corrected) return;
      note.append("Showing results for ", el("strong", null, answer.corrected.text.trim()), ". ");
      const original = el("button", "search-original", "Search for \u201c" + answer.corrected.original.trim() + "\u201d instead");
      original.type = "button";
      original.addEventListener("click", () => { exactFor = input.value; limit = PAGE; run(); input.focus(); });
      note.appendChild(original);
    }

    function render(answer, text) {
      lastAnswer = answer;
      list.replaceChildren();
      // What these results answer: lets a reader's tools (and the quality bench) tell a stale list from a fresh one.
      list.setAttribute("data-query", text);
      active = -1;
      input.removeAttribute("aria-activedescendant");
      answer.results.forEach((r, i) => {
        const option = el("div", "search-result");
        option.id = "search-result-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        const link = el("a", "search-link");
        link.href = root + r.href;
        link.tabIndex = -1;
        const title = el("span", "search-title");
        appendParts(title, r.titleParts);
        link.appendChild(title);
        const facts = el("span", "search-facts");
        if (r.status) facts.appendChild(badge(r.status));
        if (r.overdue) facts.appendChild(badge("overdue"));
        const words = [r.services.join(", "), r.severity].filter(Boolean).join(" \u00b7 ");
        if (words) facts.appendChild(el("span", "search-meta", words));
        if (facts.childNodes.length) link.appendChild(facts);
        if (r.heading) link.appendChild(el("span", "search-section", r.heading));
        const text = el("span", "search-excerpt");
        appendParts(text, r.excerpt);
        link.appendChild(text);
        option.appendChild(link);
        option.addEventListener("mousemove", () => { if (active !== i) setActive(i); });
        list.appendChild(option);
      });
      renderNote(answer);
      const shown = answer.results.length;
      const rest = answer.total - shown;
      more.hidden = rest <= 0;
      more.textContent = rest <= MORE ? "Show all " + answer.total + " runbooks" : "Show " + MORE + " more (" + shown + " of " + answer.total + ")";
      status.textContent = shown === 0 ? "No runbooks match."
        : rest > 0 ? shown + " of " + answer.total + " runbooks" : shown + (shown === 1 ? " runbook" : " runbooks");
      show(true);
    }

    /** Searches now; `typing` false when the reader has finished the last word (Enter). */
    function run(typing) {
      clearTimeout(timer);
      timer = 0;
      const mine = ++seq;
      const text = input.value;
      const f = chosenFilters();
      if (exactFor !== null && exactFor !== text) exactFor = null;
      if (!text.trim() && !Object.keys(f).length) {
        list.replaceChildren(); note.hidden = true; more.hidden = true; status.textContent = ""; lastAnswer = null;
        show(document.activeElement === input && !filters.hidden);
        return Promise.resolve(null);
      }
      const opts = { current: () => mine === seq, exact: exactFor !== null };
      if (typing === false) opts.typing = false;
      return ensureOpen()
        .then(() => index.query(text, f, limit, opts))
        .then((answer) => { if (mine === seq) { render(answer, text); return answer; } return null; })
        .catch((err) => {
          if (err instanceof Superseded || mine !== seq) return null;
          status.textContent = "Search failed: " + err.message;
          list.replaceChildren();
          show(true);
          return null;
        });
    }

    input.addEventListener("focus", () => {
      ensureOpen().then(() => { if (document.activeElement === input && (input.value.trim() || Object.keys(chosenFilters()).length || !filters.hidden)) show(true); });
    });
    input.addEventListener("input", () => {
      limit = PAGE;
      clearTimeout(timer);
      timer = setTimeout(() => run(), DEBOUNCE_MS);
    });
    more.addEventListener("click", () => {
      limit = lastAnswer ? Math.min(lastAnswer.total, lastAnswer.results.length + MORE) : PAGE;
      run().then(() => input.focus());
    });
    form.addEventListener("submit", (e) => e.preventDefault());
    input.addEventListener("keydown", (e) => {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (!isOpen() && options().length) show(true);
        setActive(active + (e.key === "ArrowDown" ? 1 : -1) + (active < 0 && e.key === "ArrowUp" ? 1 : 0));
      } else if (e.key === "Enter") {
        e.preventDefault();
        const chosen = active >= 0 && isOpen() ? options()[active] : null;
        if (chosen) { window.location.href = chosen.querySelector("a").href; return; }
        // Enter finishes the last word: search it as a whole word, then open the best result.
        run(false).then((answer) => {
          const first = options()[0];
          if (answer && first) window.location.href = first.querySelector("a").href;
        });
      } else if (e.key === "Escape") {
        // The box is type=search, whose own Escape clears it: first close the list, clear only on a second press.
        e.preventDefault();
        if (isOpen()) show(false);
        else if (input.value) { input.value = ""; exactFor = null; run(); }
        else input.blur();
      }
    });
    form.addEventListener("focusout", (e) => {
      if (form.contains(e.relatedTarget)) return;
      show(false);
    });
    document.addEventListener("keydown", (e) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName))) return;
      e.preventDefault();
      input.focus();
      input.select();
    });
  }

  window.RunbookSearch = Object.assign(window.RunbookSearch || {},
    { register, open, tokenize, stem, camelParts, hrefOf, decode, withinOneEdit, Superseded });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initUi);
  else initUi();
})();
