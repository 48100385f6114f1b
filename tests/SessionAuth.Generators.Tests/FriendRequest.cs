using System.Net;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Starts the loaded assemblies' app (<see cref="FriendAssemblyCompiler.StartAsync"/>) and sends it requests, one after
/// another, with an empty JSON object as the body of a POST.
/// </summary>
internal static class FriendRequest
{
    public static async Task<(Exception? Refused, HttpStatusCode? Answered)> SendAsync(byte[][] images, string startup, HttpMethod method, string path)
    {
        var (refused, answered) = await SendAllAsync(images, startup, (method, path));
        return (refused, answered.Count == 0 ? null : answered[0]);
    }

    /// <summary>The start's refusal, or the status each request was answered with, in order.</summary>
    public static async Task<(Exception? Refused, IReadOnlyList<HttpStatusCode> Answered)> SendAllAsync(byte[][] images, string startup, params (HttpMethod Method, string Path)[] requests)
    {
        var answered = new List<HttpStatusCode>();
        var refused = await FriendAssemblyCompiler.StartAsync(images, startup, static (_, _) => { }, async address =>
        {
            using var client = new HttpClient { BaseAddress = address };
            foreach (var (method, path) in requests)
            {
                using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
                if (method == HttpMethod.Post)
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                answered.Add(response.StatusCode);
            }
        });
        return (refused, answered);
    }
}
