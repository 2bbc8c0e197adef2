// PhoenixKit admin console: progressive enhancement only; every page works without this file.
(function () {
  "use strict";
  // Test connection without a full reload: the typed values stay in the form (they never travel back in HTML).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-test-connection]");
    if (!button || !window.fetch || !window.URLSearchParams) { return; }
    var form = button.form;
    var result = document.getElementById("test-result");
    if (!form || !result) { return; }
    event.preventDefault();
    var body = new URLSearchParams(new FormData(form));
    body.set("intent", "test");
    var label = button.textContent;
    button.disabled = true;
    button.textContent = button.getAttribute("data-busy") || label;
    fetch(form.action, {method: "POST", body: body, credentials: "same-origin",
        headers: {"Accept": "application/json"}})
      .then(function (response) { return response.json(); })
      .then(function (outcome) { show(result, outcome.ok ? "ok" : "error", outcome.message); })
      .catch(function () { show(result, "error", "The test could not be run; try again."); })
      .then(function () { button.disabled = false; button.textContent = label; });
  });
  function show(result, kind, text) {
    var notice = document.createElement("div");
    notice.className = "notice notice-" + kind;
    notice.textContent = text;
    result.replaceChildren(notice);
  }
  // Disable a form's buttons while it submits, labelled like "Saving…".
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || !button.hasAttribute("data-busy")) { return; }
    window.setTimeout(function () {
      button.disabled = true;
      button.textContent = button.getAttribute("data-busy");
    }, 0);
  });
})();
