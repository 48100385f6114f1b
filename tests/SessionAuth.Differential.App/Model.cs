namespace SessionAuth.Differential.App;

[SessionData]
public sealed record DiffSession(int Id);

public enum Color
{
    Red,
    Green,
    Blue,
}

[Flags]
public enum Access
{
    None = 0,
    Read = 1,
    Write = 2,
    All = Read | Write,
}

public sealed record Order(int Id, string Name);

/// <summary>A keyed service: registered under <see cref="Key"/> and under the number 7, never under any other key.</summary>
public sealed record Palette(string Name)
{
    public const string Key = "warm";
}
