using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SessionAuth;

/// <summary>
/// Lets a sample run out of the box: in Development, a missing password becomes a random one, with a warning that says
/// sessions end at every restart. Elsewhere a missing password stays missing and the validator stops the start.
/// </summary>
internal sealed class DevelopmentPasswordGenerator(IHostEnvironment? environment, ILoggerFactory loggerFactory) : IPostConfigureOptions<SessionAuthOptions>
{
    public void PostConfigure(string? name, SessionAuthOptions options)
    {
        if (!string.IsNullOrEmpty(options.Password) || environment is null || !environment.IsDevelopment())
        {
            return;
        }

        options.Password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        SessionAuthLog.GeneratedDevelopmentPassword(loggerFactory.CreateLogger("SessionAuth"));
    }
}
