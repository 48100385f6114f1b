// Each value of the JSON array (second argument) sent by the generated client to the test app (first
// argument) as a [FromHeader] string (Binding.attributes' X-Tenant), with what the function received, the status it
// answered, or the TypeError the client refused it with before sending anything.
import { Binding, configure, ServerFunctionError } from "./client.mjs";

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
        return { error: `${error.name}: ${error.message} (${fetches - before} fetches)` };
    }
}

const results = {};
for (const value of JSON.parse(process.argv[3])) {
    results[value] = await outcome(() => Binding.attributes(7, null, value, 1));
}

console.log(JSON.stringify(results));
