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
}
