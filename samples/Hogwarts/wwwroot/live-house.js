// Lets the LiveHouse component (interactive, in a circuit) follow the house students.js shows. A switch through the
// generated client rewrites the page in place without navigating, so Blazor gives the component no new parameter:
// students.js announces the house it shows, and this passes the name to the component.
export function followHouse(component) {
  const listener = (event) => void component.invokeMethodAsync("ShowHouse", event.detail);
  document.addEventListener("hogwarts:house", listener);
  // A switch made before the circuit was up announced its house to nobody: start from the house on screen.
  const shown = document.getElementById("house")?.dataset.house;
  if (shown !== undefined) void component.invokeMethodAsync("ShowHouse", shown);
  return { stop: () => document.removeEventListener("hogwarts:house", listener) };
}
