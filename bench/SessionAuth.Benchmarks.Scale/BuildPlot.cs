using System.Globalization;
using ScottPlot;

namespace SessionAuth.Benchmarks.Scale;

/// <summary>Draws the build time each generator adds against N, from the CSV bench/scale.sh writes.</summary>
internal static class BuildPlot
{
    /// <param name="csvPath">Rows of <c>project,n,with_s,without_s</c> (median build seconds with and without the generator).</param>
    /// <param name="pngPath">Where the plot goes.</param>
    public static void Write(string csvPath, string pngPath)
    {
        var rows = File.ReadLines(csvPath).Skip(1)
            .Select(line => line.Split(','))
            .Select(cells => (Project: cells[0], N: double.Parse(cells[1], CultureInfo.InvariantCulture), With: double.Parse(cells[2], CultureInfo.InvariantCulture), Without: double.Parse(cells[3], CultureInfo.InvariantCulture)))
            .ToList();

        var plot = new Plot();
        foreach (var project in rows.Select(row => row.Project).Distinct())
        {
            var points = rows.Where(row => row.Project == project).OrderBy(row => row.N).ToArray();
            var line = plot.Add.Scatter(points.Select(point => point.N).ToArray(), points.Select(point => point.With - point.Without).ToArray());
            line.LegendText = project switch
            {
                "serverfunctions" => "SessionAuth generator + analyzers (N server functions)",
                "minimalapis" => "Request Delegate Generator (N minimal API lambdas)",
                _ => project,
            };
            line.MarkerSize = 8;
            line.LineWidth = 2;
        }

        plot.Title("Build time added by the generator (dotnet build, median)");
        plot.XLabel("endpoints in the project (N)");
        plot.YLabel("seconds added to the build");
        plot.Axes.SetLimitsY(0, Math.Max(1, rows.Max(row => row.With - row.Without) * 1.2));
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(pngPath, 900, 520);
    }
}
