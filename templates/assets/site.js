/* runbook default theme: copy buttons, index filters, TOC highlight, theme toggle, keyboard shortcuts.
   No network, no dependencies. theme.js (in <head>) applies the saved theme before the first paint. */
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return legacyCopy(text);
  }

  function legacyCopy(text) {
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function setUpCopyButtons() {
    document.querySelectorAll(".code-block .copy").forEach(function (button) {
      var label = button.textContent;
      var timer = null;
      button.addEventListener("click", function () {
        var code = button.closest(".code-block").querySelector("pre code, pre");
        copyText(code.textContent.replace(/\n$/, "")).then(function () {
          button.textContent = "Copied";
          button.classList.add("copied");
        }, function () {
          button.textContent = "Press Ctrl+C";
          var range = document.createRange();
          range.selectNodeContents(code);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }).then(function () {
          clearTimeout(timer);
          timer = setTimeout(function () {
            button.textContent = label;
            button.classList.remove("copied");
          }, 2000);
        });
      });
    });
  }

  function setUpFilters() {
    var panel = document.getElementById("filters");
    if (!panel) { return; }
    var tag = document.getElementById("filter-tag");
    var severity = document.getElementById("filter-severity");
    var status = document.getElementById("filter-status");
    var count = document.getElementById("filter-count");
    var empty = document.getElementById("filter-empty");
    var rows = Array.prototype.slice.call(document.querySelectorAll("table.runbooks tbody tr"));
    var groups = Array.prototype.slice.call(document.querySelectorAll(".service-group"));
    var toggle = document.getElementById("filters-toggle");
    var active = document.getElementById("filters-active");

    // On a phone the filters sit behind a button (CSS hides them until .open); on wider screens it is hidden.
    function setOpen(open) {
      panel.classList.toggle("open", open);
      if (toggle) { toggle.setAttribute("aria-expanded", String(open)); }
    }
    if (toggle) {
      toggle.addEventListener("click", function () {
        var open = !panel.classList.contains("open");
        setOpen(open);
        if (open) { tag.focus(); }
      });
    }

    function readHash() {
      var params = new URLSearchParams(location.hash.replace(/^#/, ""));
      if (params.has("tag")) { tag.value = params.get("tag"); }
      if (params.has("severity")) { severity.value = params.get("severity"); }
      if (params.has("status")) { status.value = params.get("status"); }
    }

    function apply() {
      var shown = 0;
      var seen = {};
      rows.forEach(function (row) {
        var ok = (!tag.value || row.getAttribute("data-tags").indexOf("," + tag.value + ",") >= 0)
          && (!severity.value || row.getAttribute("data-severity") === severity.value)
          && (!status.value || row.getAttribute("data-status") === status.value);
        row.hidden = !ok;
        var href = row.querySelector(".runbook-link").getAttribute("href");
        if (ok && !seen[href]) { seen[href] = true; shown++; }
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("tbody tr:not([hidden])");
      });
      var filtering = tag.value || severity.value || status.value;
      count.textContent = filtering ? shown + " runbook" + (shown === 1 ? "" : "s") + " match" : "";
      empty.hidden = !filtering || shown > 0;
      if (active) {
        var n = (tag.value ? 1 : 0) + (severity.value ? 1 : 0) + (status.value ? 1 : 0);
        active.textContent = n ? " (" + n + " on)" : "";
      }
    }

    function onChange() {
      var params = new URLSearchParams();
      if (tag.value) { params.set("tag", tag.value); }
      if (severity.value) { params.set("severity", severity.value); }
      if (status.value) { params.set("status", status.value); }
      var hash = params.toString();
      history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
      apply();
    }

    if (/(^#|&)(tag|severity|status)=/.test(location.hash)) { readHash(); setOpen(true); }
    [tag, severity, status].forEach(function (select) { select.addEventListener("change", onChange); });
    apply();
  }

  function setUpTocHighlight() {
    var links = document.querySelectorAll(".toc a");
    if (!links.length || !("IntersectionObserver" in window)) { return; }
    var byId = {};
    links.forEach(function (a) { byId[decodeURIComponent(a.getAttribute("href").slice(1))] = true; });
    var side = document.querySelector(".toc-side");
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting && byId[entry.target.id]) {
          links.forEach(function (a) { a.classList.remove("active"); });
          document.querySelectorAll(".toc a[href=\"#" + CSS.escape(entry.target.id) + "\"]").forEach(function (a) {
            a.classList.add("active");
          });
          keepInView(side, side && side.querySelector("a.active"));
        }
      });
    }, { rootMargin: "-70px 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) {
      var heading = document.getElementById(id);
      if (heading) { observer.observe(heading); }
    });
  }

  /** Scrolls the sticky TOC (only it, never the page) so its active entry is visible. */
  function keepInView(container, item) {
    if (!container || !item) { return; }
    var top = item.offsetTop - container.offsetTop;
    if (top < container.scrollTop) {
      container.scrollTop = top - 8;
    } else if (top + item.offsetHeight > container.scrollTop + container.clientHeight) {
      container.scrollTop = top + item.offsetHeight - container.clientHeight + 8;
    }
  }

  var THEMES = ["system", "light", "dark"];
  var THEME_WORDS = { system: "as the system", light: "light", dark: "dark" };

  function setUpThemeToggle() {
    var button = document.getElementById("theme-toggle");
    if (!button) { return; }
    var root = document.documentElement;
    function label(choice) {
      var next = THEMES[(THEMES.indexOf(choice) + 1) % THEMES.length];
      button.setAttribute("aria-label", "Colour theme: " + THEME_WORDS[choice] + " (switch to " + THEME_WORDS[next] + ")");
    }
    label(root.getAttribute("data-theme-choice") || "system");
    button.addEventListener("click", function () {
      var current = root.getAttribute("data-theme-choice") || "system";
      var choice = THEMES[(THEMES.indexOf(current) + 1) % THEMES.length];
      root.setAttribute("data-theme-choice", choice);
      if (choice === "system") { root.removeAttribute("data-theme"); } else { root.setAttribute("data-theme", choice); }
      try {
        if (choice === "system") { localStorage.removeItem("runbook-theme"); } else { localStorage.setItem("runbook-theme", choice); }
      } catch (e) {
        // storage disabled: the choice lasts for this page only
      }
      label(choice);
    });
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  /** Ctrl+K / Cmd+K focuses search from anywhere; "?" opens the shortcuts help. ("/" is search.js's.) */
  function setUpShortcuts() {
    var help = document.getElementById("shortcuts");
    var opener = document.getElementById("shortcuts-open");
    function showHelp() {
      if (help && typeof help.showModal === "function" && !help.open) { help.showModal(); }
    }
    if (opener) { opener.addEventListener("click", showHelp); }
    document.addEventListener("keydown", function (e) {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === "k" || e.key === "K")) {
        var input = document.getElementById("search-input");
        if (input) {
          e.preventDefault();
          if (help && help.open) { help.close(); }
          input.focus();
          input.select();
        }
      } else if (e.key === "?" && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target)) {
        e.preventDefault();
        showHelp();
      }
    });
  }

  function init() {
    setUpCopyButtons();
    setUpFilters();
    setUpTocHighlight();
    setUpThemeToggle();
    setUpShortcuts();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
