using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SessionAuth;

/// <summary>
/// Lets a sample run out of the box: in Development, a missing password becomes a random one, with a warning that says
/// sessions end at every restart. Elsewhere a missing password stays missing and the validator stops the start.
/// </summary>
/// <remarks>
/// The options are built more than once (for <c>IOptions</c> and for the start-up validation), so the password is made
/// once per app: every instance must seal and open with the same key.
/// </remarks>
internal sealed class DevelopmentPasswordGenerator(IHostEnvironment? environment, ILoggerFactory loggerFactory) : IPostConfigureOptions<SessionAuthOptions>
{
    private readonly Lazy<string> _password = new(() =>
    {
        SessionAuthLog.GeneratedDevelopmentPassword(loggerFactory.CreateLogger("SessionAuth"));
        return Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    });

    public void PostConfigure(string? name, SessionAuthOptions options)
    {
        if (string.IsNullOrEmpty(options.Password) && environment?.IsDevelopment() == true)
        {
            options.Password = _password.Value;
        }
    }
}
