/* runbook default theme: copy buttons, index filters, TOC highlight. No network, no dependencies. */
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
    panel.hidden = false;

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

    if (/(^#|&)(tag|severity|status)=/.test(location.hash)) { readHash(); }
    [tag, severity, status].forEach(function (select) { select.addEventListener("change", onChange); });
    apply();
  }

  function setUpTocHighlight() {
    var links = document.querySelectorAll(".toc a");
    if (!links.length || !("IntersectionObserver" in window)) { return; }
    var byId = {};
    links.forEach(function (a) { byId[decodeURIComponent(a.getAttribute("href").slice(1))] = a; });
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting && byId[entry.target.id]) {
          links.forEach(function (a) { a.classList.remove("active"); });
          byId[entry.target.id].classList.add("active");
        }
      });
    }, { rootMargin: "-70px 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) {
      var heading = document.getElementById(id);
      if (heading) { observer.observe(heading); }
    });
  }

  function init() {
    setUpCopyButtons();
    setUpFilters();
    setUpTocHighlight();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
