// Route values sent by the generated client to the test app (first argument): each value of the JSON array (second
// argument) as a value of one segment, of a constrained segment and of a catch-all, with what the function received,
// the status it answered, or the TypeError the client refused it with before sending anything.
import { Binding, ClientEdgeFunctions, configure, ServerFunctionError } from "./client.mjs";

globalThis.location = { assign() { } };
configure({ baseUrl: process.argv[2] });

let fetches = 0;
const send = globalThis.fetch;
globalThis.fetch = (...args) => { fetches++; return send(...args); };

async function outcome(call) {
    const before = fetches;
    try {
        return { value: await call() };
    } catch (error) {
        if (error instanceof ServerFunctionError) return { status: error.status };
        if (error instanceof TypeError && fetches === before) return { refused: error.message };
        throw error;
    }
}

const results = {};
for (const value of JSON.parse(process.argv[3])) {
    results[value] = {
        name: await outcome(() => ClientEdgeFunctions.name(value)),
        constrained: await outcome(() => Binding.constrained(1, value, 2)),
        path: await outcome(() => ClientEdgeFunctions.path(value)),
    };
}

console.log(JSON.stringify(results));
