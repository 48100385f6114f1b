namespace SessionAuth.Analyzers.Tests;

/// <summary>A group an extension-block property makes from a guarded receiver is a nested group of it, and guarded.</summary>
public sealed class ExtensionPropertyGroupTests
{
    // A group an extension-block property makes from its receiver (`g.MapGroup("/orders")`) is a nested group of the
    // receiver: guarded when the receiver is. The method form (`g.OrdersM()`) and a classic extension are read so.
    [Theory]
    [InlineData("extension properties chained", "app.SecureApi.Orders.MapGet(\"/x\", () => \"x\");")]
    [InlineData("extension property on a guarded group", "app.MapGroup(\"/api\").RequireAuthorization().Orders.MapGet(\"/x\", () => \"x\");")]
    public Task A_group_an_extension_property_makes_from_a_guarded_receiver_is_guarded(string shape, string program)
    {
        _ = shape;
        return UnfollowedRunAndExtensionMemberHeldShapesTests.VerifyAsync(program);
    }
}
