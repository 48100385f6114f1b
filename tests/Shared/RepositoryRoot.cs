namespace SessionAuth.Testing;

/// <summary>The repository's root folder, found from the test's own output folder (linked into each test project that needs it).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SessionAuth.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with SessionAuth.Generators.sln) was not found above " + AppContext.BaseDirectory);
    }
}
