// Each line marked "expect TSnnnn" calls the generated client with a wrong type; tsc must report exactly those errors
// on exactly those lines, and no other.
import { Broom, ClientShapes, House, Students, type Core, type Wand, type Wizard } from "./client.js";

export async function callWrongly(wand: Wand, wizard: Wizard): Promise<void> {
    await ClientShapes.byHouse("Gryffindor", null, 1, "Hogwarts"); // expect TS2345
    await Students.byHouse(7); // expect TS2345
    await ClientShapes.create("Harry", House.Gryffindor); // expect TS2554
    await ClientShapes.create("Harry", House.Gryffindor, wand, "Nimbus 2000"); // expect TS2345
    await ClientShapes.inspect({ wood: "holly", length: "eleven", core: wand.core }); // expect TS2322
    await ClientShapes.upload("portrait", [], "caption"); // expect TS2345
    await ClientShapes.motto(wizard); // expect TS2559
    await ClientShapes.find(1991); // expect TS2554
    await ClientShapes.motto({ signal: "stop" }); // expect TS2322
    await ClientShapes.motto({ headers: 7 }); // expect TS2322
    await ClientShapes.motto({}, {}); // expect TS2554
    const count: number = await ClientShapes.motto(); // expect TS2322
    const secret: string = wizard.secret; // expect TS2339
    const broom: Broom = wizard.broom; // expect TS2322
    const house: House = 4; // expect TS2322
    const nothing: string = await ClientShapes.forget("Lockhart"); // expect TS2322
    const lent: Wand = await ClientShapes.lend("elder"); // expect TS2322
    const either: Wand = await ClientShapes.either(true); // expect TS2322
    const registered: Core = await ClientShapes.register("unicorn"); // expect TS2322
    console.log(count, secret, broom, house, nothing, lent, either, registered);
}
