// Like SolidStart's useAuth: start with the session the server preloaded into the page, then ask the server again to
// validate it (the cookie may have been cleared or replaced since the page was rendered): Account.Me, a server
// function, called through the generated client.
import { Account } from "/_server/client.js";

const element = document.getElementById("session");
window.session = element ? JSON.parse(element.textContent) : null;
document.documentElement.dataset.session = window.session ? "preloaded" : "anonymous";

const view = await Account.me();
window.session = view ?? null;
document.documentElement.dataset.sessionValidated = view ? "signed-in" : "anonymous";
