using System.Globalization;
using System.Text;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Random programs of methods passing a route group to each other (each maps an endpoint on a group made on the one it
/// was given, and passes that on), some entered from Map with an open group, some with a guarded one; the markup says
/// what the rule should answer, the greatest fixed point: a method's endpoint is decided when the method has callers and
/// each passes a decided group (a cycle adds no group of its own). Method order and call order are random too, so that
/// an answer that depends on the order questions are asked in shows.
/// </summary>
internal static class GeneratedCycles
{
    internal static string Program(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(4, 8);
        var calls = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            calls[i] = [];
            var k = random.Next(1, 4);
            for (var j = 0; j < k; j++)
            {
                calls[i].Add(random.Next(n));
            }
        }
        var main = new List<(int Target, bool Guarded)>();
        var m = random.Next(1, 3);
        for (var j = 0; j < m; j++)
        {
            main.Add((random.Next(n), random.Next(3) > 0));
        }

        // Greatest fixed point: a method's group is decided when it has callers and each passes a decided group.
        var decided = Enumerable.Repeat(true, n).ToArray();
        for (var changed = true; changed;)
        {
            changed = false;
            for (var x = 0; x < n; x++)
            {
                var callers = Enumerable.Range(0, n).SelectMany(c => calls[c].Where(t => t == x).Select(_ => decided[c])).ToList();
                callers.AddRange(main.Where(e => e.Target == x).Select(e => e.Guarded));
                var now = callers.Count > 0 && callers.All(b => b);
                if (now != decided[x])
                {
                    decided[x] = now;
                    changed = true;
                }
            }
        }

        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToList();
        var s = new StringBuilder("public static class Endpoints\n{\n");
        var mainText = string.Concat(main.Select(e => string.Create(CultureInfo.InvariantCulture, $" M{e.Target}(app.MapGroup(\"/e\"){(e.Guarded ? ".RequireAuthorization()" : string.Empty)}, 4);")));
        var mainAt = random.Next(n + 1);
        for (var p = 0; p <= n; p++)
        {
            if (p == mainAt)
            {
                s.Append("    public static void Map(WebApplication app) {" + mainText + " }\n");
            }

            if (p == n)
            {
                break;
            }

            var i = order[p];
            var arrow = decided[i] ? "=>" : "{|SAUTH0001:=>|}";
            s.Append(CultureInfo.InvariantCulture, $"    private static void M{i}(RouteGroupBuilder g, int d) {{ if (d == 0) return; var c = g.MapGroup(\"/m{i}\"); c.MapGet(\"/\", () {arrow} \"m{i}\");");
            foreach (var t in calls[i])
            {
                s.Append(CultureInfo.InvariantCulture, $" M{t}(c, d - 1);");
            }

            s.Append(" }\n");
        }
        s.Append("}\n");
        return s.ToString();
    }

    /// <summary>Guard helpers calling each other and guarding their group in a random row; the markup is the least fixed point.</summary>
    internal static string GuardHelperProgram(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(3, 8);
        var body = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            body[i] = [];
            var k = random.Next(1, 4);
            for (var j = 0; j < k; j++)
            {
                body[i].Add(random.Next(6) == 0 ? -1 : random.Next(n));
            }
        }

        var guarded = new bool[n];
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < n; i++)
            {
                var now = body[i].Any(t => t == -1 || guarded[t]);
                if (now != guarded[i])
                {
                    guarded[i] = now;
                    changed = true;
                }
            }
        }

        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToList();
        var s = new StringBuilder("public static class Endpoints\n{\n    public static void Map(WebApplication app)\n    {\n");
        foreach (var i in Enumerable.Range(0, n).OrderBy(_ => random.Next()))
        {
            var arrow = guarded[i] ? "=>" : "{|SAUTH0001:=>|}";
            s.Append(CultureInfo.InvariantCulture, $"        var g{i} = app.MapGroup(\"/g{i}\"); H{i}(g{i}); g{i}.MapGet(\"/\", () {arrow} \"g{i}\");\n");
        }

        s.Append("    }\n");
        foreach (var i in order)
        {
            s.Append(CultureInfo.InvariantCulture, $"    private static void H{i}(RouteGroupBuilder g) {{");
            foreach (var t in body[i])
            {
                s.Append(t == -1 ? " g.RequireAuthorization();" : string.Create(CultureInfo.InvariantCulture, $" H{t}(g);"));
            }

            s.Append(" }\n");
        }

        s.Append("}\n");
        return s.ToString();
    }

    /// <summary>
    /// Helpers taking two groups and returning one of them, each on its last call, or what another helper returns when
    /// passed the two (in either order, or one twice); Map guards what one of them returns for two groups of its own. The
    /// markup is the greatest fixed point per parameter: a helper returns its parameter p when every return gives back p,
    /// a call of another giving back what that one passes for each parameter it may still return.
    /// </summary>
    internal static string ReturningHelperProgram(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(2, 6);

        // Each helper is meant to return one parameter, and its returns mostly keep to it (a call passes that parameter
        // where the callee is meant to return its own); one return in five does anything, which may refute it.
        var meant = Enumerable.Range(0, n).Select(_ => random.Next(2)).ToArray();
        (int Target, int First, int Second)[][] returns = new (int, int, int)[n][];
        for (var i = 0; i < n; i++)
        {
            // Target -1 returns parameter First; every helper has such a return, so it returns at most one parameter.
            var k = random.Next(1, 4);
            returns[i] = new (int, int, int)[k + 1];
            for (var j = 0; j <= k; j++)
            {
                var any = random.Next(5) == 0;
                var target = j == 0 || random.Next(4) == 0 ? -1 : random.Next(n);
                var other = random.Next(2);
                returns[i][j] = target == -1 ? (-1, any ? random.Next(2) : meant[i], 0)
                    : any ? (target, random.Next(2), random.Next(2))
                    : meant[target] == 0 ? (target, meant[i], other) : (target, other, meant[i]);
            }
        }

        var returned = Enumerable.Range(0, n).Select(_ => new HashSet<int> { 0, 1 }).ToArray();
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < n; i++)
            {
                var now = new HashSet<int> { 0, 1 };
                foreach (var (target, first, second) in returns[i])
                {
                    now.IntersectWith(target == -1 ? [first] : returned[target].Select(p => p == 0 ? first : second));
                }

                if (!now.SetEquals(returned[i]))
                {
                    returned[i] = now;
                    changed = true;
                }
            }
        }

        var s = new StringBuilder("public static class Endpoints\n{\n    public static void Map(WebApplication app)\n    {\n");
        var entries = random.Next(1, 3);
        for (var e = 0; e < entries; e++)
        {
            var i = random.Next(n);
            string Arrow(int parameter) => returned[i].SetEquals([parameter]) ? "=>" : "{|SAUTH0001:=>|}";
            s.Append(CultureInfo.InvariantCulture, $"        var a{e} = app.MapGroup(\"/a{e}\"); var b{e} = app.MapGroup(\"/b{e}\"); H{i}(a{e}, b{e}, 4).RequireAuthorization();");
            s.Append(CultureInfo.InvariantCulture, $" a{e}.MapGet(\"/\", () {Arrow(0)} \"a\"); b{e}.MapGet(\"/\", () {Arrow(1)} \"b\");\n");
        }

        s.Append("    }\n");
        string Parameter(int p) => p == 0 ? "a" : "b";
        foreach (var i in Enumerable.Range(0, n).OrderBy(_ => random.Next()))
        {
            s.Append(CultureInfo.InvariantCulture, $"    private static RouteGroupBuilder H{i}(RouteGroupBuilder a, RouteGroupBuilder b, int d) {{");
            for (var j = 0; j < returns[i].Length; j++)
            {
                var (target, first, second) = returns[i][j];
                var value = target == -1 ? Parameter(first) : string.Create(CultureInfo.InvariantCulture, $"H{target}({Parameter(first)}, {Parameter(second)}, d - 1)");
                s.Append(j == returns[i].Length - 1 ? $" return {value};" : string.Create(CultureInfo.InvariantCulture, $" if (d == {j}) return {value};"));
            }

            s.Append(" }\n");
        }

        s.Append("}\n");
        return s.ToString();
    }
}
