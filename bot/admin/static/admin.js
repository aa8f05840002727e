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
})();
