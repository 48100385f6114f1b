// Calls ClientProbes.headers on the test app (first argument) with the tenant and the call options of the second
// argument (JSON: [tenant, headers]) and prints what the function received.
import { ClientProbes, configure } from "./client.mjs";

globalThis.location = { assign() { } };
configure({ baseUrl: process.argv[2] });

const [tenant, headers] = JSON.parse(process.argv[3]);
console.log(JSON.stringify({ value: await ClientProbes.headers(tenant ?? undefined, { headers }) }));
