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
