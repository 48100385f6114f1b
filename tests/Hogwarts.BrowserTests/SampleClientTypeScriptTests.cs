using System.Diagnostics;

namespace Hogwarts.BrowserTests;

/// <summary>
/// The sample's generated client as a TypeScript page would use it: its declarations (<c>/_server/client.d.ts</c>, as
/// the running sample serves them) and a consumer calling the functions its scripts call, checked by
/// <c>tsc --noEmit --strict</c> (the version eng/test.sh installs into tools/typescript).
/// </summary>
public sealed class SampleClientTypeScriptTests(HogwartsFixture fixture) : IClassFixture<HogwartsFixture>
{
    private static readonly string Tsc = Path.Combine(HogwartsFixture.RepositoryRoot, "tools", "typescript", "node_modules", "typescript", "bin", "tsc");

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
        Assert.True(File.Exists(Tsc), $"TypeScript is not installed at {Tsc}; eng/test.sh installs it (npm install --prefix tools/typescript typescript@5.9.3).");
        var folder = Directory.CreateTempSubdirectory("hogwarts-client-").FullName;
        using var http = new HttpClient { BaseAddress = fixture.Address };
        await File.WriteAllTextAsync(Path.Combine(folder, "client.d.ts"), await http.GetStringAsync("/_server/client.d.ts"));
        await File.WriteAllTextAsync(Path.Combine(folder, "client.js"), await http.GetStringAsync("/_server/client.js"));
        await File.WriteAllTextAsync(Path.Combine(folder, "consumer.ts"), Consumer);

        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Tsc, "--noEmit", "--strict", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler", "--lib", "es2022,dom", "--skipLibCheck", "false", "--pretty", "false", "consumer.ts"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, "tsc refused the sample's client or its consumer:\n" + await output + await error);
    }
}
