using System.Net;
using System.Text;

namespace SessionAuth.Generators.Tests;

/// <summary>What the raw-body differential tests share: the compiled helper that counts what a function left unread, and the request they send.</summary>
internal static class RawBodyRequests
{
    /// <summary>
    /// Source compiled beside a test's functions: <c>RawBody.LeftAsync(body)</c> counts the bytes a <c>Stream</c> or
    /// <c>PipeReader</c> still holds when the function runs.
    /// </summary>
    public const string LeftAsyncSource = """

        namespace Shop.App
        {
            internal static class RawBody
            {
                public static async System.Threading.Tasks.Task<int> LeftAsync(System.IO.Stream body)
                {
                    var buffer = new byte[256];
                    int total = 0, read;
                    while ((read = await body.ReadAsync(buffer)) > 0)
                    {
                        total += read;
                    }

                    return total;
                }

                public static async System.Threading.Tasks.Task<int> LeftAsync(System.IO.Pipelines.PipeReader body)
                {
                    var total = 0;
                    while (true)
                    {
                        var result = await body.ReadAsync();
                        total += (int)result.Buffer.Length;
                        body.AdvanceTo(result.Buffer.End);
                        if (result.IsCompleted)
                        {
                            return total;
                        }
                    }
                }
            }
        }
        """;

    /// <summary>POSTs <paramref name="body"/> with <paramref name="contentType"/> (no header when null); the status and the answer's text.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string path, string? contentType, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        request.Content = content;
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
