// Small comforts only: every page works without this file.
(function () {
  "use strict";
  // On a wide screen the queue's filters stay open; on a phone they fold away unless used.
  var filters = document.querySelector("details.filters");
  if (filters && window.matchMedia("(min-width: 641px)").matches) filters.open = true;
})();
