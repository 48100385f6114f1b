namespace SessionAuth.PackageTests;

/// <summary>
/// A team that runs <c>dotnet pack</c> at the repository root (which packs the solution) gets exactly the one SessionAuth
/// package: the generator and code fixes travel inside it, and samples, tests and benchmarks are not packages. The pack
/// is the one <see cref="ConsumerFixture"/> makes for every consumer test.
/// </summary>
[Collection(ConsumerBuilds.Name)]
public sealed class RootPackTests(ConsumerFixture fixture)
{
    [Fact]
    public void Packing_the_repository_root_makes_the_one_SessionAuth_package_without_an_error_or_a_warning()
    {
        var problems = fixture.PackOutput.Split('\n').Where(line => line.Contains(" warning ", StringComparison.Ordinal) || line.Contains(" error ", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Equal([$"SessionAuth.{fixture.Version}.nupkg", $"SessionAuth.{fixture.Version}.snupkg"], fixture.PackageFiles.Order(StringComparer.Ordinal));
    }
}
