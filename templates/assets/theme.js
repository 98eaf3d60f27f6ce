/* runbook default theme: applies the reader's colour theme (light, dark or as the system) before the page is
   painted, so no page flashes in the wrong one. Loaded synchronously in <head>; site.js holds the toggle. */
(function () {
  "use strict";
  var root = document.documentElement;
  var choice = "system";
  try {
    choice = window.localStorage.getItem("runbook-theme") || "system";
  } catch (e) {
    choice = "system"; // storage disabled: follow the system
  }
  if (choice !== "light" && choice !== "dark") { choice = "system"; }
  root.setAttribute("data-theme-choice", choice);
  if (choice !== "system") { root.setAttribute("data-theme", choice); }
  // Lets CSS show the controls that need a script (theme toggle, filters) from the first paint: no shift.
  root.className += (root.className ? " " : "") + "js";
})();
