using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Tests;

/// <summary>Which session data types requests may share: only those nothing can change, all the way down.</summary>
public sealed class ImmutableTypesTests
{
    [Theory]
    [InlineData("public sealed record Session(int UserId, string Name);")]
    [InlineData("public sealed record Session(long Id, decimal Credit, bool Admin, char Initial, double Score, Role Role, Guid Key, DateTimeOffset Since, DateOnly Born, TimeSpan Idle, Uri Home, int? Age);")]
    [InlineData("public sealed record Session(int UserId, ImmutableArray<string> Roles, ImmutableDictionary<string, int> Scores);")]
    [InlineData("public sealed record Session(int UserId, Profile Profile); public sealed record Profile(string Name, ImmutableList<Role> Roles);")]
    [InlineData("public sealed record Session(int UserId, Session? Previous);")]
    [InlineData("public sealed record Session(int UserId, string Name) { public string Upper => Name.ToUpperInvariant(); }")]
    [InlineData("public sealed class Session { public int UserId { get; init; } public string Name { get; init; } = \"\"; public string Upper => Name.ToUpperInvariant(); }")]
    [InlineData("public sealed class Session { public readonly int UserId; public const int Version = 2; public static List<string> Log = new(); }")]
    [InlineData("public sealed record Session(int UserId, Point Where); public readonly record struct Point(int X, int Y);")]
    [InlineData("public record Base(int UserId); public sealed record Session(int UserId, string Name) : Base(UserId);")]
    public void Types_nothing_can_change_are_immutable(string declarations) => Assert.True(IsImmutable(declarations));

    [Theory]
    [InlineData("public sealed record Session(int UserId, string[] Roles);", "an array")]
    [InlineData("public sealed record Session(int UserId, List<string> Roles);", "a list")]
    [InlineData("public sealed record Session(int UserId, IReadOnlyList<string> Roles);", "an interface, whatever is behind it")]
    [InlineData("public sealed record Session(int UserId, Dictionary<string, int> Scores);", "a dictionary")]
    [InlineData("public sealed record Session(int UserId, object Extra);", "object")]
    [InlineData("public sealed record Session(int UserId, ImmutableArray<Profile> Profiles); public sealed class Profile { public string Name { get; set; } = \"\"; }", "immutable collection of mutable items")]
    [InlineData("public sealed class Session { public int UserId { get; set; } }", "a setter")]
    [InlineData("public sealed class Session { public int UserId; }", "a writable field")]
    [InlineData("public sealed class Session { private int _hits; public int Hit() => ++_hits; }", "a private writable field")]
    [InlineData("public record Session(int UserId);", "not sealed: a derived type could add state")]
    [InlineData("public sealed record Session(int UserId, Profile Profile); public sealed record Profile(string Name) { public string Nick { get; set; } = Name; }", "a mutable nested record")]
    [InlineData("public sealed class Session(int userId) { public int UserId => userId; }", "a class's captured primary constructor parameter")]
    [InlineData("public sealed class Session { public event Action? Changed; }", "an event")]
    [InlineData("public sealed record Session(int UserId, Point Where); public struct Point { public int X; }", "a mutable struct")]
    [InlineData("public sealed record Session(int UserId, Version Version, System.Text.StringBuilder Notes);", "a StringBuilder")]
    [InlineData("public class Base { public int Hits { get; set; } } public sealed class Session : Base { public int UserId { get; init; } }", "a mutable base class")]
    [InlineData("public sealed record Session(int UserId, Exception Error);", "a type from another assembly, whose private fields are hidden")]
    public void Types_something_can_change_are_not(string declarations, string why) => Assert.False(IsImmutable(declarations), why);

    private static bool IsImmutable(string declarations)
    {
        var compilation = GeneratorHarness.CreateCompilation($$"""
            using System;
            using System.Collections.Generic;
            using System.Collections.Immutable;

            namespace Shop;

            public enum Role { Student, Prefect }

            {{declarations}}
            """);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return ImmutableTypes.IsDeeplyImmutable(compilation.GetTypeByMetadataName("Shop.Session")!, CancellationToken.None);
    }
}
