using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using SessionAuth.Infrastructure;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.Rules;

/// <summary>
/// A two-argument rule on an endpoint guarded through metadata reads its argument from the request itself, with the
/// binding a server function parameter of that type would use, and makes no arguments object to do it: once the
/// request's query is parsed (which the framework caches), asking the rule allocates nothing. Its answers over HTTP are
/// in <see cref="SessionRuleHttpTests"/>.
/// </summary>
public sealed class SessionRuleArgumentTests
{
    [Theory]
    [InlineData("route")]
    [InlineData("query")]
    public void A_two_argument_rule_reads_its_argument_from_the_request_without_allocating_once_warm(string from)
    {
        SessionRules.Register<Ravenclaws, UserSession, House>(static (name, source) => ParameterBinding.Enum<House>(name, source));
        var attribute = new RequireSessionAttribute<Ravenclaws> { Argument = "house" };
        var evaluator = attribute.RuleEvaluator!;
        var httpContext = new DefaultHttpContext();
        if (from == "route")
        {
            httpContext.SetEndpoint(new RouteEndpoint(static _ => Task.CompletedTask, RoutePatternFactory.Parse("/houses/{house}"), 0, EndpointMetadataCollection.Empty, "houses"));
            httpContext.Request.RouteValues["house"] = "Ravenclaw";
        }
        else
        {
            httpContext.Request.QueryString = new QueryString("?house=Ravenclaw");
        }

        var luna = new UserSession(4, "luna");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(SessionRuleOutcome.Allowed, evaluator.Evaluate(attribute, luna, httpContext, out _));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var outcome = evaluator.Evaluate(attribute, luna, httpContext, out _);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(SessionRuleOutcome.Allowed, outcome);
        Assert.Equal(0, allocated);
    }

    public sealed class Ravenclaws : ISessionRule<UserSession, House>
    {
        public static bool Allows(UserSession user, House house) => house == House.Ravenclaw;
    }
}
