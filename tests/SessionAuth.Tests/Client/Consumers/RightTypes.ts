// Calls every function of ClientShapes (and a few others of the test app) with the types the generated client declares;
// tsc --strict must accept every line.
import {
    Account,
    Binding,
    Broom,
    ClientShapes,
    CompositeBinding,
    configure,
    Greetings,
    House,
    ServerFunctionError,
    Students,
    type Core,
    type RedirectKind,
    type ServerFunctionCallOptions,
    type Student,
    type Wand,
    type Wizard,
} from "./client.js";

export async function callEverything(): Promise<void> {
    // Route, query (nullable enum, optional number, array), header; an optional before a required one takes undefined.
    const byHouse: Wizard[] = await ClientShapes.byHouse(House.Gryffindor, Broom.Firebolt, 10, "Hogwarts", ["brave"]);
    const byNumber: Wizard[] = await ClientShapes.byHouse(2, null, undefined, "Hogwarts");

    // [AsParameters] members, flat: route, query under its own name, an optional one with a default.
    const found: Wizard[] = await ClientShapes.find(1991, "luna");
    const foundFew: Wizard[] = await ClientShapes.find(1991, "luna", 5);

    // JSON body members: a nested record, an enum with a default, a nullable string with a default.
    const wand: Wand = { wood: "holly", length: 11, core: { name: "phoenix", owls: [{ name: "Hedwig", colour: "snowy" }] } };
    const created: Wizard = await ClientShapes.create("Harry", House.Gryffindor, wand);
    const createdFully: Wizard = await ClientShapes.create("Harry", 0, wand, "clean-sweep", null);

    // Records as JSON writes them: camelCase, [JsonPropertyName], [JsonIgnore(WhenWritingNull)] optional, a cycle.
    const mentorsMentor: string | undefined = created.mentor?.mentor?.name;
    const broom: Broom | null = created.broom;
    const marks: Record<string, number> = created.marks;
    const spells: string[] = created.spells;
    const bornOn: string = created.born_on;
    const nickname: string | null | undefined = created.nickname;
    const owls: string[] = created.wand.core.owls.map((owl) => owl.colour);

    // [FromBody] the whole value; Results<Ok<T>, NotFound> resolves to T; Ok<T> to T; a bare IResult to unknown.
    const inspected: Wand = await ClientShapes.inspect(wand);
    const cores: Record<string, Core> = await ClientShapes.cores(["phoenix", "unicorn"]);
    const anything: unknown = await ClientShapes.anything(7);

    // Results<...> resolve to each value they may write, and undefined for an outcome without a body.
    const lent: Wand | undefined = await ClientShapes.lend("elder");
    const either: Wand | Core = await ClientShapes.either(true);
    const registeredLater: Core | undefined = await ClientShapes.register("later");
    const acknowledged: void = await ClientShapes.acknowledge("Hagrid");

    // void, Task, ValueTask<T>; files as Blobs; the session and the cancellation token are no arguments.
    const forgotten: void = await ClientShapes.forget("Lockhart");
    await ClientShapes.forgetLater("Lockhart");
    const uploaded: number = await ClientShapes.upload(new Blob(["portrait"]), [new Blob(["letter"])], "caption");
    const motto: string | null = await ClientShapes.motto();

    // Other binding kinds of the test app: optional parameters, arrays of nullable values, a raw form, a header.
    const students: Student[] = await Students.byHouse(House.Slytherin);
    const enrolled: Student = await Students.enroll("Neville", House.Gryffindor);
    const signedIn: Account_Result = await Account.login("harry", "alohomora");
    const described: string = await Greetings.describe(undefined, "9780747532699", [1, null, 3]);
    const formed: string = await Binding.form(new FormData());
    const attributes: string = await Binding.attributes(1, null, "tenant");
    const searched: string = await CompositeBinding.search(3, "owls", "tenant", undefined, undefined, 1);

    // The call's options, last: a signal and headers, after the optional parameters left out or passed.
    const controller = new AbortController();
    const aborted: Student[] = await Students.byHouse(House.Slytherin, undefined, { signal: controller.signal });
    const traced: Wizard[] = await ClientShapes.byHouse(House.Gryffindor, null, 10, "Hogwarts", ["brave"], { headers: { "X-Trace": "t" }, signal: null });
    const traceHeaders: ServerFunctionCallOptions = { headers: new Headers([["X-Trace", "t"]]) };
    const mottoTraced: string | null = await ClientShapes.motto(traceHeaders);

    // The hook and the error.
    configure({ onRedirect: (url: string, kind: RedirectKind) => (kind === "session" ? false : url.length > 0) });
    configure({ onRedirect: null, baseUrl: "https://example.test/app/" });
    try {
        await Students.enroll("", House.Hufflepuff, 1);
    } catch (error) {
        if (error instanceof ServerFunctionError) {
            const status: number = error.status;
            const parameter: string | undefined = error.parameter;
            const retryAfter: number | undefined = error.retryAfter;
            const errors: Record<string, string[]> | undefined = error.errors;
            const title: string | undefined = error.title;
            const redirectedTo: string | undefined = error.redirect?.url;
            console.log(status, parameter, retryAfter, errors, title, redirectedTo);
        }
    }

    console.log(byHouse, byNumber, found, foundFew, createdFully, mentorsMentor, broom, marks, spells, bornOn, nickname, owls,
        inspected, cores, anything, lent, either, registeredLater, acknowledged, forgotten, uploaded, motto, students, enrolled, signedIn, described, formed, attributes, searched,
        aborted, traced, mottoTraced);
}

type Account_Result = Awaited<ReturnType<typeof Account.login>>;
