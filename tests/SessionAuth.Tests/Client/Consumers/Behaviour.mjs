// Runs the generated client in node against the test app (its address is the first argument) with node's own fetch,
// FormData and Blob, and prints what each call gave as one JSON object. Navigation is recorded, not done.
import { Admin, Bodies, Broom, ClientShapes, configure, House, Redirects, ServerFunctionError, Students } from "./client.mjs";

const navigations = [];
globalThis.location = { assign(url) { navigations.push(url); } };
configure({ baseUrl: process.argv[2] });

async function outcome(call) {
    try {
        return { value: await call() };
    } catch (error) {
        if (!(error instanceof ServerFunctionError)) throw error;
        return { error: { status: error.status, title: error.title, parameter: error.parameter ?? null, redirect: error.redirect ?? null } };
    }
}

const wand = { wood: "holly", length: 11, core: { name: "phoenix", owls: [{ name: "Hedwig", colour: "snowy" }] } };
const results = {
    byHouse: await outcome(() => ClientShapes.byHouse(House.Ravenclaw, Broom.CleanSweep, 1, "Hogwarts", ["a", "b"])),
    find: await outcome(() => ClientShapes.find(1991, "luna", 3)),
    create: await outcome(() => ClientShapes.create("Harry", House.Gryffindor, wand, "Firebolt", "The Chosen One")),
    inspect: await outcome(() => ClientShapes.inspect(wand)),
    cores: await outcome(() => ClientShapes.cores(["phoenix"])),
    lent: await outcome(() => ClientShapes.lend("elder")),
    notLent: await outcome(() => ClientShapes.lend("")),
    eitherCore: await outcome(() => ClientShapes.either(false)),
    registered: await outcome(() => ClientShapes.register("unicorn")),
    registeredLater: await outcome(() => ClientShapes.register("later")),
    acknowledged: await outcome(() => ClientShapes.acknowledge("Hagrid")),
    forget: await outcome(() => ClientShapes.forget("Lockhart")),
    upload: await outcome(() => ClientShapes.upload(new Blob(["abc"]), [new Blob(["1"]), new Blob(["2"])], "caption")),
    badRequest: await outcome(() => Bodies.echo(null)),
};

results.sessionRedirect = await outcome(() => Admin.secret());
results.serverRedirect = await outcome(() => Redirects.throwFromVoid());
configure({ onRedirect: (url, kind) => { results.hooked = { url, kind }; return false; } });
results.interceptedRedirect = await outcome(() => Students.byHouse(House.Gryffindor));
results.navigations = navigations;
console.log(JSON.stringify(results));
