// Calls ClientProbes.untilAborted on the test app (first argument) with a signal aborted before the call, and with one
// aborted while the call runs (once the server function has started), and prints what each call rejected with and
// what the server saw: whether the first call reached the function, and that the second one's request was aborted.
import { ClientProbes, configure, ServerFunctionError } from "./client.mjs";

globalThis.location = { assign() { } };
configure({ baseUrl: process.argv[2] });
const id = process.argv[3];

async function rejection(call) {
    try {
        return { resolved: await call };
    } catch (error) {
        return { name: error.name, domException: error instanceof DOMException, serverFunctionError: error instanceof ServerFunctionError };
    }
}

const early = new AbortController();
early.abort();
const before = await rejection(ClientProbes.untilAborted(`${id}-before`, { signal: early.signal }));
before.reachedTheFunction = await ClientProbes.wasStarted(`${id}-before`);

const late = new AbortController();
const running = rejection(ClientProbes.untilAborted(`${id}-during`, { signal: late.signal }));
await ClientProbes.started(`${id}-during`);
late.abort();
const during = await running;
during.serverSaw = await ClientProbes.aborted(`${id}-during`);

console.log(JSON.stringify({ before, during }));
