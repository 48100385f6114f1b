// Calls one function of ArrayItemPlaces on the test app (first argument) with the items of the second (JSON: the
// function's name, then its items) and prints what the function received, or the TypeError the client refused the
// items with before sending anything; and what the function's minimal API twin (the same method under /minimal)
// received from the very request the client sent, as ASP.NET Core binds it.
import { ArrayItemPlaces, configure, ServerFunctionError } from "./client.mjs";

globalThis.location = { assign() { } };
configure({ baseUrl: process.argv[2] });

const send = globalThis.fetch;
let twin;
globalThis.fetch = async (url, init) => {
    const twinUrl = new URL(url);
    twinUrl.pathname = "/minimal" + twinUrl.pathname;
    const answer = await send(twinUrl, init);
    twin = { status: answer.status, value: await answer.text() };
    return send(url, init);
};

const [name, items] = JSON.parse(process.argv[3]);
let result;
try {
    result = { value: await ArrayItemPlaces[name](items) };
} catch (error) {
    if (error instanceof ServerFunctionError) result = { status: error.status, title: error.title ?? null };
    else if (error instanceof TypeError && twin === undefined) result = { refused: error.message };
    else result = { thrown: `${error.name}: ${error.message}` };
}

console.log(JSON.stringify({ ...result, twin: twin ?? null }));
