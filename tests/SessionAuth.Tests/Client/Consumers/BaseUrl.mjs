// Calls ClientProbes.letter() from a page of the test app (first argument) with the client configured with the baseUrl of
// the second argument, and prints the URL the client fetched and what the call gave. A request to another host than the
// test app's is answered 204 here, without leaving node.
import { ClientProbes, configure } from "./client.mjs";

const [address, baseUrl] = process.argv.slice(2);
globalThis.location = { href: new URL("students/page", address).href, origin: new URL(address).origin, assign() { } };
const fetched = [];
const realFetch = globalThis.fetch;
globalThis.fetch = (url, init) => {
    fetched.push(String(url));
    return new URL(String(url)).origin === new URL(address).origin ? realFetch(url, init) : Promise.resolve(new Response(null, { status: 204 }));
};
configure({ baseUrl });

let result;
try {
    const value = await ClientProbes.letter();
    result = { value: value === undefined ? "(undefined)" : value };
} catch (error) {
    result = { thrown: `${error.name}: ${error.message}` };
}

console.log(JSON.stringify({ ...result, fetched }));
