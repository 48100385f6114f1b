using System.Text;

namespace SessionAuth;

/// <summary>Names the endpoints a start-up check refuses, the first few of them, so the message stays readable.</summary>
internal static class EndpointNames
{
    private const int Named = 10;

    public static string Join<T>(IReadOnlyList<T> endpoints, Func<T, string> describe)
    {
        var names = new StringBuilder();
        for (var i = 0; i < endpoints.Count && i < Named; i++)
        {
            names.Append(i == 0 ? string.Empty : ", ").Append(describe(endpoints[i]));
        }

        if (endpoints.Count > Named)
        {
            names.Append(" and ").Append(endpoints.Count - Named).Append(" more");
        }

        return names.ToString();
    }
}
