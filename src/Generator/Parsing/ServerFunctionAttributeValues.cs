using Microsoft.CodeAnalysis;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// What a <c>[ServerFunction]</c> attribute says: its route and HTTP verb, read in one place for the generator and the
/// analyzers.
/// </summary>
/// <param name="Route">The route as written, trimmed; <see langword="null"/> for the default <c>/_server/{Type}/{Method}</c>.</param>
/// <param name="HttpMethod">The verb in upper case (POST unless set); <see langword="null"/> when <c>Method</c> is not an HTTP method name.</param>
internal readonly record struct ServerFunctionAttributeValues(string? Route, string? HttpMethod)
{
    /// <summary>Whether the function answers GET or HEAD, where a browser may call it from any page.</summary>
    public bool AnswersGet => HttpMethod is "GET" or "HEAD";

    public static ServerFunctionAttributeValues Read(AttributeData attribute)
    {
        var route = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var httpMethod = "POST";
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Method")
            {
                httpMethod = argument.Value.Value as string ?? string.Empty;
            }
        }

        httpMethod = httpMethod.Trim().ToUpperInvariant();
        return new(route?.Trim(), httpMethod.Length > 0 && httpMethod.All(static c => c is >= 'A' and <= 'Z') ? httpMethod : null);
    }
}
