// Review 19b: route values the caller types as string, sent by the generated client to the test app (first argument).
import { Binding, configure, ServerFunctionError } from "./client.mjs";

globalThis.location = { assign() { } };
configure({ baseUrl: process.argv[2] });

async function outcome(call) {
    try {
        return { value: await call() };
    } catch (error) {
        if (!(error instanceof ServerFunctionError)) throw error;
        return { error: error.status };
    }
}

// Binding.constrained(id, code, ratio) answers "id|code|ratio"; code is any three characters (length(3)).
const results = {};
for (const code of ["a/b", "a?b", "a#b", "é/ü", "a%b", "abc"]) {
    results[code] = await outcome(() => Binding.constrained(1, code, 2));
}

console.log(JSON.stringify(results));
