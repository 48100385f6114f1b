// Calls one function of ClientProbes on the test app (first argument) with the arguments of the second (JSON: the
// function's name, then its arguments) and prints what it gave: its value (with what JSON type each member of an
// object arrived as), or the ServerFunctionError, and every URL the client navigated to. Navigation is recorded, not done.
import { ClientProbes, configure, ServerFunctionError } from "./client.mjs";

const navigations = [];
globalThis.location = { assign(url) { navigations.push(String(url)); } };
configure({ baseUrl: process.argv[2] });

const [name, ...args] = JSON.parse(process.argv[3]);
const typeOf = (value) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
let result;
try {
    const value = await ClientProbes[name](...args);
    const types = value !== null && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).map(([key, member]) => [key, typeOf(member)]))
        : null;
    result = { value: value === undefined ? "(undefined)" : value, type: typeOf(value), types };
} catch (error) {
    if (!(error instanceof ServerFunctionError)) {
        result = { thrown: `${error.name}: ${error.message}` };
    } else {
        result = { error: { status: error.status, title: error.title ?? null, parameter: error.parameter ?? null, retryAfter: error.retryAfter ?? null, redirect: error.redirect ?? null } };
    }
}

console.log(JSON.stringify({ ...result, navigations }));
