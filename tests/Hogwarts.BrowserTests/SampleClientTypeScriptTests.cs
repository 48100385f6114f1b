using SessionAuth.Testing;

namespace Hogwarts.BrowserTests;

/// <summary>
/// The sample's generated client as a TypeScript page would use it: its declarations (<c>/_server/client.d.ts</c>, as
/// the running sample serves them) and a consumer calling the functions its scripts call, checked by
/// <c>tsc --noEmit --strict</c> (the version eng/test.sh installs into tools/typescript).
/// </summary>
[Collection(HogwartsInChromium.Name)]
public sealed class SampleClientTypeScriptTests(HogwartsFixture fixture)
{
    // What students.js and session.js call, typed: the server functions' service parameters (HogwartsDb) are no arguments.
    private const string Consumer = """
        import { Account, House, Students, type HouseRoll, type Student, type UserView } from "./client.js";

        const roll: HouseRoll = await Students.list(House.Slytherin);
        const names: string[] = roll.students.map((student: Student) => `${student.name} (year ${student.year})`);
        const points: number = roll.points;
        const house: House = roll.house;
        const view: UserView | null = await Account.me();
        await Account.logout();
        console.log(names, points, house, view?.name);
        """;

    [Fact]
    public async Task The_samples_client_declarations_and_a_consumer_of_its_functions_compile_under_strict()
    {
        var folder = Directory.CreateTempSubdirectory("hogwarts-client-").FullName;
        using var http = new HttpClient { BaseAddress = fixture.Address };
        await File.WriteAllTextAsync(Path.Combine(folder, "client.d.ts"), await http.GetStringAsync("/_server/client.d.ts"));
        await File.WriteAllTextAsync(Path.Combine(folder, "client.js"), await http.GetStringAsync("/_server/client.js"));
        await File.WriteAllTextAsync(Path.Combine(folder, "consumer.ts"), Consumer);

        var (exitCode, output) = await NodeTools.TypeCheckAsync(folder, "consumer.ts");

        Assert.True(exitCode == 0, "tsc refused the sample's client or its consumer:\n" + output);
    }
}
