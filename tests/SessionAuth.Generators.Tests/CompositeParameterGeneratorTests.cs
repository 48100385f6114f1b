namespace SessionAuth.Generators.Tests;

/// <summary>Snapshots of <c>[AsParameters]</c> and complex <c>[FromForm]</c> parameters: their members bound one by one, the argument built in the call.</summary>
public sealed partial class ServerFunctionGeneratorTests
{
    [Fact]
    public void AsParameters_members_bind_as_parameters_and_build_the_argument() => MatchSnapshot(
        """
        namespace Shop;

        public enum Sort { Name, Price }

        public sealed record SearchArgs(
            [FromRoute] int Shelf,
            [FromQuery(Name = "q")] string? Text,
            [FromHeader(Name = "X-Tenant")] string Tenant,
            Sort Sort = Sort.Price,
            int Take = 20);

        public struct Paging
        {
            public int Page { get; set; }
            public int? Size { get; init; }
            public CancellationToken Aborted { get; set; }
            public int Computed => Page * 2;
        }

        public sealed class Upload
        {
            public required string Title { get; set; }
            [FromForm(Name = "tag")] public string[] Tags { get; set; } = [];
            public IFormFile? Picture { get; set; }
            [FromServices] public TimeProvider Clock { get; set; } = TimeProvider.System;
        }

        public static class Catalog
        {
            [ServerFunction("/api/shelves/{shelf}", Method = "GET")]
            public static string Search([AsParameters] SearchArgs args, [AsParameters] Paging paging, bool exact = false) => "";

            [ServerFunction]
            public static string Post(string note, [AsParameters] Upload upload) => "";
        }

        public sealed class Orders
        {
            [ServerFunction(Method = "GET")]
            public int Count([AsParameters] Paging target) => 0;
        }
        """,
        nameof(AsParameters_members_bind_as_parameters_and_build_the_argument));

    [Fact]
    public void FromForm_complex_types_bind_their_members_from_form_fields() => MatchSnapshot(
        """
        namespace Shop;

        public enum Color { Red, Green }

        public sealed record Contact(int Id, string? Name, Color Color);

        public sealed class Settings
        {
            public int Count { get; set; }
            public string? Note { get; set; }
            public DateOnly? Day { get; set; }
            public string Label { get; set; } = "";
            public int ReadOnly => Count;
        }

        public static class Forms
        {
            [ServerFunction]
            public static string Save([FromForm] Contact contact, [FromForm] Settings settings, [FromForm] int version) => "";
        }
        """,
        nameof(FromForm_complex_types_bind_their_members_from_form_fields));
}
