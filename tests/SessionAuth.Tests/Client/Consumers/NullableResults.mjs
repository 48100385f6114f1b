// Functions declared to resolve to Wand | null that return null, against the test app (first argument).
import { configure, ClientEdgeFunctions } from "./client.mjs";

globalThis.location = { assign() { } };
configure({ baseUrl: process.argv[2] });

const shown = (value) => (value === null ? "null" : value === undefined ? "undefined" : JSON.stringify(value));
console.log(JSON.stringify({ ok: shown(await ClientEdgeFunctions.noWand()), json: shown(await ClientEdgeFunctions.noWandAsJson()) }));
