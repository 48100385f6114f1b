// Like SolidStart's useAuth: start with the session the server preloaded into the page, then ask the server again to
// validate it (the cookie may have been cleared or replaced since the page was rendered).
(function () {
  const element = document.getElementById("session");
  window.session = element ? JSON.parse(element.textContent) : null;
  document.documentElement.dataset.session = window.session ? "preloaded" : "anonymous";

  fetch("/_session", { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then((response) => response.json())
    .then((view) => {
      window.session = view;
      document.documentElement.dataset.sessionValidated = view ? "signed-in" : "anonymous";
    });
})();
