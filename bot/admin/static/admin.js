// Small comforts only: every page works without this file.
(function () {
  "use strict";
  // On a wide screen the queue's filters stay open; on a phone they fold away unless used.
  var filters = document.querySelector("details.filters");
  if (filters && window.matchMedia("(min-width: 641px)").matches) filters.open = true;
  // A refused correction comes back with its first wrong field marked (autofocus does the
  // rest where it can): bring that field to the middle of the screen, not its edge.
  var wrong = document.querySelector("[aria-invalid=true]");
  if (wrong) {
    wrong.focus({ preventScroll: true });
    wrong.scrollIntoView({ block: "center" });
  }
  // A link to hand on (an agent's referral link, an owner's link): copy, share.
  function copied(button, ok) {
    var status = button.parentNode.querySelector(".link-status");
    if (status) status.textContent = status.getAttribute(ok ? "data-copied" : "data-failed");
  }
  function legacyCopy(text) {
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
    return ok;
  }
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { copied(button, true); },
          function () { copied(button, legacyCopy(text)); });
      } else {
        copied(button, legacyCopy(text));
      }
    });
  });
  if (navigator.share) {
    document.querySelectorAll("[data-share]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.share({ url: button.getAttribute("data-share") }).catch(function () {});
      });
    });
  }
})();
