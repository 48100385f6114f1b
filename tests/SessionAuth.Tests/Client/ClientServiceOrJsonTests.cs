using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Infrastructure;

namespace SessionAuth.Tests.Client;

/// <summary>
/// The client's guess for a parameter DI or the JSON body answers, checked against the app's services as the endpoint
/// decides (IServiceProviderIsService): a disagreement stops the start with the attribute to add.
/// </summary>
public sealed class ClientServiceOrJsonTests
{
    [Fact]
    public void A_registered_type_the_client_sends_as_json_fails_the_start_naming_FromServices()
    {
        using var services = new ServiceCollection().AddScoped<Ping>().BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => ClientServiceOrJson.Check([ClientServiceOrJson.Json(typeof(Ping), "Inbox.post", "message")], services));

        Assert.Contains("Inbox.post(message)", error.Message, StringComparison.Ordinal);
        Assert.Contains("[FromServices]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unregistered_type_the_client_leaves_to_DI_fails_the_start_naming_what_to_register()
    {
        using var services = new ServiceCollection().BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => ClientServiceOrJson.Check([ClientServiceOrJson.Service(typeof(ShopDb), "Orders.count", "db")], services));

        Assert.Contains("Orders.count(db)", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not register", error.Message, StringComparison.Ordinal);
        Assert.Contains("[FromBody]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Guesses_the_services_agree_with_start_as_do_a_list_and_an_unregistered_interface()
    {
        // DI answers every IEnumerable<T>, yet the endpoint reads a list from JSON; an unregistered interface is read from
        // JSON too, which can make none of it, so the client leaving it out changes nothing.
        using var services = new ServiceCollection().AddScoped<ShopDb>().BuildServiceProvider();

        ClientServiceOrJson.Check(
            [
                ClientServiceOrJson.Service(typeof(ShopDb), "Orders.count", "db"),
                ClientServiceOrJson.Json(typeof(Ping), "Inbox.post", "message"),
                ClientServiceOrJson.Json(typeof(IEnumerable<Ping>), "Inbox.postAll", "messages"),
                ClientServiceOrJson.Service(typeof(IClock), "Inbox.post", "clock"),
            ],
            services);
    }

    private interface IClock;

    private sealed class ShopDb;

    private sealed record Ping;
}
