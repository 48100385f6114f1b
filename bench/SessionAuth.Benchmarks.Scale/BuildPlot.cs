using System.Globalization;
using ScottPlot;

namespace SessionAuth.Benchmarks.Scale;

/// <summary>Draws the build time each generator adds against N, from the CSV bench/scale.sh writes.</summary>
internal static class BuildPlot
{
    /// <param name="csvPath">
    /// Rows of <c>project,n,with_s,without_s,cold_with_s,cold_without_s</c>: median build seconds with and without the
    /// generator, with the compiler server warm and with a fresh compiler process per build.
    /// </param>
    /// <param name="pngPath">Where the plot goes.</param>
    public static void Write(string csvPath, string pngPath)
    {
        var rows = File.ReadLines(csvPath).Skip(1)
            .Select(line => line.Split(',').Select(cell => cell.Trim()).ToArray())
            .Select(cells => (
                Project: cells[0],
                N: Number(cells[1]),
                Warm: Number(cells[2]) - Number(cells[3]),
                Cold: Number(cells[4]) - Number(cells[5])))
            .ToList();

        var plot = new Plot();
        foreach (var project in rows.Select(row => row.Project).Distinct())
        {
            var points = rows.Where(row => row.Project == project).OrderBy(row => row.N).ToArray();
            var name = project switch
            {
                "serverfunctions" => "SessionAuth generator + analyzers (N server functions)",
                "minimalapis" => "Request Delegate Generator (N minimal API lambdas)",
                _ => project,
            };
            var color = project == "serverfunctions" ? Colors.C0 : Colors.C1;
            var warm = plot.Add.Scatter(points.Select(point => point.N).ToArray(), points.Select(point => point.Warm).ToArray());
            warm.LegendText = name + ", compiler server warm";
            warm.Color = color;
            warm.MarkerSize = 8;
            warm.LineWidth = 2;
            var cold = plot.Add.Scatter(points.Select(point => point.N).ToArray(), points.Select(point => point.Cold).ToArray());
            cold.LegendText = name + ", fresh compiler per build";
            cold.Color = color;
            cold.MarkerSize = 8;
            cold.LineWidth = 2;
            cold.LinePattern = LinePattern.Dashed;
        }

        plot.Title("Build time added by the generator (dotnet build, median)");
        plot.XLabel("endpoints in the project (N)");
        plot.YLabel("seconds added to the build");
        plot.Axes.SetLimitsY(Math.Min(0, rows.Min(row => Math.Min(row.Warm, row.Cold)) * 1.2), Math.Max(1, rows.Max(row => Math.Max(row.Warm, row.Cold)) * 1.2));
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(pngPath, 900, 520);
    }

    private static double Number(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);
}
