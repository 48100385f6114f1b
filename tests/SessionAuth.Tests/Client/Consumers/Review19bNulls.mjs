// Review 19b: functions declared to resolve to Wand | null that return null, against the test app (first argument).
import { configure, Review19bFunctions } from "./client.mjs";

globalThis.location = { assign() { } };
configure({ baseUrl: process.argv[2] });

const shown = (value) => (value === null ? "null" : value === undefined ? "undefined" : JSON.stringify(value));
console.log(JSON.stringify({ ok: shown(await Review19bFunctions.noWand()), json: shown(await Review19bFunctions.noWandAsJson()) }));
