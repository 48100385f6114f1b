namespace SessionAuth.TestApp;

[SessionData]
public sealed record UserSession(int UserId, string Name);

/// <summary>What the browser may see of a session: the name, not the id.</summary>
public sealed record UserView(string Name);

public enum House
{
    Gryffindor,
    Hufflepuff,
    Ravenclaw,
    Slytherin,
}

public sealed record Student(string Name, House House, int Year);

public sealed record Owl(string Name, string Colour);

public interface IStudentDirectory
{
    IReadOnlyList<Student> All { get; }
}

public sealed class StudentDirectory : IStudentDirectory
{
    public IReadOnlyList<Student> All { get; } =
    [
        new("Harry Potter", House.Gryffindor, 1),
        new("Hermione Granger", House.Gryffindor, 1),
        new("Ron Weasley", House.Gryffindor, 1),
        new("Cedric Diggory", House.Hufflepuff, 4),
        new("Luna Lovegood", House.Ravenclaw, 1),
        new("Draco Malfoy", House.Slytherin, 1),
    ];
}

public sealed class Greeter
{
    public string Greeting { get; init; } = "Hello";
}
