// Calls any function of any object of the test app's client (first argument: the app's address; second, JSON: the declaring type's
// object, the function's name, then its arguments) and prints what it gave: the value, and the value as a TypeScript
// literal (undefined included) for tsc to check against the declared type; or the error; and every URL the client
// navigated to. Navigation is recorded, not done.
import * as client from "./client.mjs";

const navigations = [];
globalThis.location = { assign(url) { navigations.push(String(url)); } };
client.configure({ baseUrl: process.argv[2] });

const [objectName, name, ...args] = JSON.parse(process.argv[3]);
const typeOf = (value) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
let result;
try {
    const value = await client[objectName][name](...args);
    result = { value: value === undefined ? "(undefined)" : value, literal: value === undefined ? "undefined" : JSON.stringify(value), type: typeOf(value) };
} catch (error) {
    if (!(error instanceof client.ServerFunctionError)) {
        result = { thrown: `${error.name}: ${error.message}` };
    } else {
        result = { error: { status: error.status, title: error.title ?? null, parameter: error.parameter ?? null, retryAfter: error.retryAfter ?? null, redirect: error.redirect ?? null } };
    }
}

console.log(JSON.stringify({ ...result, navigations }));
