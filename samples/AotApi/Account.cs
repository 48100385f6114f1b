using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using SessionAuth;

namespace AotApi;

[SessionData]
public sealed record UserSession(int UserId, string Name);

public sealed record Profile(int UserId, string Name, DateTimeOffset SignedInAt);

[JsonSerializable(typeof(UserSession))]
[JsonSerializable(typeof(Profile))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
internal sealed partial class AotJsonContext : JsonSerializerContext;

public static class Account
{
    [ServerFunction, AllowAnonymous]
    public static Task Login(string name, Session<UserSession> session) => session.UpdateAsync(new UserSession(name.Length, name));

    [ServerFunction, RequireSession]
    public static Profile Me(UserSession user, Session<UserSession> session) => new(user.UserId, user.Name, session.CreatedAt);

    [ServerFunction, RequireSession]
    public static Task Logout(Session<UserSession> session) => session.ClearAsync();
}
