namespace SessionAuth.PackageTests;

/// <summary>
/// A <c>[ServerFunction]</c> in a Razor component's <c>@code</c>, built by the real Razor SDK (the Web SDK compiles
/// <c>.razor</c> files with its source generator, whose output SessionAuth's generator never sees): the build fails with
/// SAUTH0003 at the function's line in the <c>.razor</c> file, never "Build succeeded" with the function unmapped
/// (review 22e, finding 5).
/// </summary>
[Collection(ConsumerBuilds.Name)]
public sealed class RazorComponentBuildTests(ConsumerFixture fixture)
{
    [Fact]
    public void A_server_function_in_a_components_code_block_fails_the_build_at_its_line_in_the_razor_file()
    {
        var project = fixture.CopyConsumer("consumer-razor-function");
        File.WriteAllText(Path.Combine(project, "Counter.razor"), """
            <p>Count: @count</p>

            @code {
                [SessionAuth.ServerFunction, Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static int Increment(int by) => by + 1;

                private int count = 1;
            }
            """);

        var (exitCode, log) = fixture.Build(project);

        Assert.True(exitCode != 0, "The build succeeded with a server function in a Razor component:\n" + log);
        Assert.Contains("Counter.razor(5,", log, StringComparison.Ordinal);
        Assert.Contains("error SAUTH0003: Server function Counter.Increment cannot be generated: it is declared in the Razor file Counter.razor", log, StringComparison.Ordinal);
    }
}
