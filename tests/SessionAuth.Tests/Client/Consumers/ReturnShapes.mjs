// What the generated client resolves to for return shapes, against the test app (first argument).
import { Binding, ClientShapes, configure } from "./client.mjs";

globalThis.location = { assign() { } };
configure({ baseUrl: process.argv[2] });

// ClientShapes.motto(): ValueTask<string?>, declared Promise<string | null>; anonymous, the function returns null.
const motto = await ClientShapes.motto();
// Binding.attributes(productId, text?, tenant, page?): the optional text left out in the middle.
const attributes = await Binding.attributes(1, undefined, "t");
console.log(JSON.stringify({ motto: motto === null ? "null" : motto === undefined ? "undefined" : `"${motto}"`, attributes }));
