// The students page's script: switching house calls the Students.List server function through the generated client, as
// the seed's page calls getStudents, and rewrites the house in place; the logout form calls Account.logout() instead of
// posting. Without JavaScript the links load their pages and the form posts: this only improves on them.
//
// It is loaded by the layout, not the page: Blazor's enhanced navigation patches a page into the document without
// running the page's own scripts, so the listeners below are on the document and act only where the page's elements are.
import { Account, House, ServerFunctionError, Students } from "/_server/client.js";

// Only the last switch is shown: a slower answer to an earlier click must not overwrite a later one.
let latestSwitch = 0;

// Capturing, so that this runs before blazor.web.js, which would load the link's page (enhanced navigation): it leaves
// a click alone once its default is prevented.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("nav.houses a[href]") : null;
  if (link === null || event.button !== 0 || event.ctrlKey || event.shiftKey || event.altKey || event.metaKey) return;

  event.preventDefault();
  // The address follows, as a link's would, so that a reload or a copied address shows the same house.
  history.pushState(null, "", link.href);
  void showHouse(houseOf(link), location.href);
}, { capture: true });

// Back and forward, and the award form's redirect back to the page, are blazor.web.js's enhanced navigation: it loads
// the page and patches the document around the house (data-permanent), then this shows the house the page names.
window.Blazor?.addEventListener("enhancedload", () => {
  const house = document.getElementById("house");
  if (house !== null) void showHouse(house.dataset.house, location.href);
});

document.addEventListener("submit", async (event) => {
  if (!(event.target instanceof HTMLFormElement) || event.target.id !== "logout") return;

  event.preventDefault();
  // The server function throws ServerRedirect("/login") from a helper; the client answers it by going there. The call
  // rejects with the redirect (code after it does not run), which is no failure here.
  await Account.logout().catch((error) => {
    if (!(error instanceof ServerFunctionError) || error.redirect === undefined) throw error;
  });
});

// The links and the logout form are this script's from here on: a marker for styles, and for tests to wait on.
document.documentElement.dataset.houseSwitch = "client";

/**
 * Shows a house at the address the switch pushed: its heading, points and students, from Students.List; a refusal in
 * the page's alert. An answer that comes after the user moved on (another switch, back) is dropped.
 */
async function showHouse(name, address) {
  const thisSwitch = ++latestSwitch;
  const problem = document.getElementById("house-problem");
  try {
    // A name this client's House does not know is sent as no house at all: the server refuses it, and says which argument.
    const roll = await Students.list(Object.hasOwn(House, name) ? House[name] : undefined);
    if (thisSwitch !== latestSwitch || location.href !== address) return;
    render(roll);
    problem.hidden = true;
  } catch (error) {
    // A redirect (the session ended: the guard sends the browser to the login page) is being followed by the client.
    if (!(error instanceof ServerFunctionError)) throw error;
    if (error.redirect !== undefined || thisSwitch !== latestSwitch || location.href !== address) return;

    // A 400 names the argument the server's binder refused: error.parameter, beside the problem's title.
    problem.textContent = error.parameter === undefined ? error.message : `${error.title ?? error.message}: ${error.parameter}`;
    problem.hidden = false;
  }
}

/** Writes a house's roll into the page, where the server rendered the first one. */
function render(roll) {
  const name = Object.keys(House).find((key) => House[key] === roll.house);
  document.getElementById("house").dataset.house = name;
  document.getElementById("house-name").textContent = name;
  document.getElementById("house-points").textContent = String(roll.points);
  document.title = `${name} · Hogwarts`;
  // The live panel (a Blazor circuit, see live-house.js) follows the house on screen.
  document.dispatchEvent(new CustomEvent("hogwarts:house", { detail: name }));
  for (const link of document.querySelectorAll("nav.houses a[href]")) {
    link.classList.toggle("current", houseOf(link) === name);
  }

  // A prefect's award goes to the house on screen.
  const awardHouse = document.querySelector(".award input[name=house]");
  if (awardHouse !== null) awardHouse.value = name;

  const list = document.querySelector("ul.students");
  list.replaceChildren(...roll.students.map((student) => {
    const year = Object.assign(document.createElement("span"), { className: "year", textContent: `year ${student.year}` });
    const item = document.createElement("li");
    item.append(`${student.name} `, year);
    return item;
  }));
}

function houseOf(link) {
  return decodeURIComponent(new URL(link.href).pathname.split("/").pop());
}
