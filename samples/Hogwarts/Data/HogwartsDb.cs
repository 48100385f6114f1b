using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace Hogwarts.Data;

public enum House
{
    Gryffindor,
    Hufflepuff,
    Ravenclaw,
    Slytherin,
}

public sealed record Student(string Name, House House, int Year);

public sealed record HogwartsUser(int Id, string Username, string Name, House House, bool IsPrefect, string PasswordHash);

/// <summary>The school's SQLite database: created and seeded on first use, read with plain SQL.</summary>
public sealed class HogwartsDb(string connectionString, IPasswordHasher<HogwartsUser> passwordHasher)
{
    /// <summary>The users the seed creates, with their passwords, which are stored only as hashes. Prefects may award house points.</summary>
    public static readonly IReadOnlyList<(string Username, string Name, House House, bool IsPrefect, string Password)> SeedUsers =
    [
        ("harry", "Harry Potter", House.Gryffindor, false, "expelliarmus"),
        ("hermione", "Hermione Granger", House.Gryffindor, true, "wingardium-leviosa"),
        ("luna", "Luna Lovegood", House.Ravenclaw, false, "nargles"),
        ("cedric", "Cedric Diggory", House.Hufflepuff, true, "hufflepuff-honour"),
    ];

    /// <summary>The schema this code reads; an older database (from an earlier version of the sample) is rebuilt.</summary>
    private const int SchemaVersion = 2;

    private static readonly Student[] SeedStudents =
    [
        new("Harry Potter", House.Gryffindor, 1),
        new("Hermione Granger", House.Gryffindor, 1),
        new("Ron Weasley", House.Gryffindor, 1),
        new("Neville Longbottom", House.Gryffindor, 1),
        new("Cedric Diggory", House.Hufflepuff, 4),
        new("Hannah Abbott", House.Hufflepuff, 1),
        new("Luna Lovegood", House.Ravenclaw, 2),
        new("Cho Chang", House.Ravenclaw, 3),
        new("Padma Patil", House.Ravenclaw, 1),
        new("Draco Malfoy", House.Slytherin, 1),
        new("Pansy Parkinson", House.Slytherin, 1),
    ];

    /// <summary>Creates the tables and the seed data unless they are already there.</summary>
    public void EnsureCreated()
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        if (Scalar(connection, transaction, "PRAGMA user_version") < SchemaVersion)
        {
            Execute(connection, transaction, "DROP TABLE IF EXISTS users; DROP TABLE IF EXISTS students; DROP TABLE IF EXISTS house_points;");
        }

        Execute(connection, transaction, $"""
            CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, name TEXT NOT NULL, house INTEGER NOT NULL, prefect INTEGER NOT NULL, password_hash TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS students (id INTEGER PRIMARY KEY, name TEXT NOT NULL, house INTEGER NOT NULL, year INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS house_points (house INTEGER PRIMARY KEY, points INTEGER NOT NULL);
            PRAGMA user_version = {SchemaVersion};
            """);

        if (Scalar(connection, transaction, "SELECT COUNT(*) FROM users") > 0)
        {
            transaction.Commit();
            return;
        }

        foreach (var (username, name, house, isPrefect, password) in SeedUsers)
        {
            var hash = passwordHasher.HashPassword(new HogwartsUser(0, username, name, house, isPrefect, string.Empty), password);
            Execute(
                connection,
                transaction,
                "INSERT INTO users (username, name, house, prefect, password_hash) VALUES ($username, $name, $house, $prefect, $hash)",
                ("$username", username), ("$name", name), ("$house", (int)house), ("$prefect", isPrefect ? 1 : 0), ("$hash", hash));
        }

        foreach (var house in Enum.GetValues<House>())
        {
            Execute(connection, transaction, "INSERT INTO house_points (house, points) VALUES ($house, 0)", ("$house", (int)house));
        }

        foreach (var student in SeedStudents)
        {
            Execute(connection, transaction, "INSERT INTO students (name, house, year) VALUES ($name, $house, $year)", ("$name", student.Name), ("$house", (int)student.House), ("$year", student.Year));
        }

        transaction.Commit();
    }

    /// <summary>The user when <paramref name="password"/> is theirs; <see langword="null"/> for an unknown user or a wrong password alike.</summary>
    public async Task<HogwartsUser?> VerifyAsync(string username, string password, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, username, name, house, prefect, password_hash FROM users WHERE username = $username";
        command.Parameters.AddWithValue("$username", username.Trim().ToLowerInvariant());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var user = new HogwartsUser(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), (House)reader.GetInt32(3), reader.GetInt32(4) != 0, reader.GetString(5));
        return passwordHasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    public async Task<IReadOnlyList<Student>> GetStudentsAsync(House house, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, house, year FROM students WHERE house = $house ORDER BY name";
        command.Parameters.AddWithValue("$house", (int)house);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var students = new List<Student>();
        while (await reader.ReadAsync(cancellationToken))
        {
            students.Add(new Student(reader.GetString(0), (House)reader.GetInt32(1), reader.GetInt32(2)));
        }

        return students;
    }

    /// <summary>The house's points.</summary>
    public async Task<int> GetPointsAsync(House house, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT points FROM house_points WHERE house = $house";
        command.Parameters.AddWithValue("$house", (int)house);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Raised after a house's points change, with the house: interactive pages show the new total at once.</summary>
    public event Action<House>? PointsChanged;

    /// <summary>Adds <paramref name="points"/> (negative to take points away) to the house's points.</summary>
    public async Task AwardPointsAsync(House house, int points, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE house_points SET points = points + $points WHERE house = $house";
        command.Parameters.AddWithValue("$house", (int)house);
        command.Parameters.AddWithValue("$points", points);
        await command.ExecuteNonQueryAsync(cancellationToken);
        PointsChanged?.Invoke(house);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
