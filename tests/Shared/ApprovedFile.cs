using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit;

namespace SessionAuth.Testing;

/// <summary>
/// Approved files: the approved text is committed beside the tests. On a mismatch the test fails with a line diff and
/// writes <c>*.received.*</c> beside it; set <c>SESSIONAUTH_ACCEPT_SNAPSHOTS=1</c> to write the new text as approved instead.
/// </summary>
internal static class ApprovedFile
{
    public const string AcceptVariable = "SESSIONAUTH_ACCEPT_SNAPSHOTS";

    /// <param name="actual">The text under test.</param>
    /// <param name="directory">The folder of approved files, found from the repository root (CI maps source paths to <c>/_/</c>).</param>
    /// <param name="name">The file name without <c>.approved</c> and its extension.</param>
    /// <param name="extension">The extension, with its dot (<c>.cs</c>, <c>.json</c>).</param>
    public static void Match(string actual, string directory, string name, string extension)
    {
        var approvedPath = Path.Combine(directory, name + ".approved" + extension);
        var receivedPath = Path.Combine(directory, name + ".received" + extension);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(approvedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, actual);
        Assert.Fail(approved is null
            ? $"No approved file {approvedPath}. The output is in {receivedPath}; review it and rerun with {AcceptVariable}=1 to approve."
            : $"The output differs from {approvedPath} (- approved, + received; written to {receivedPath}, rerun with {AcceptVariable}=1 to approve):\n{Diff(approved, actual)}");
    }

    private static string Diff(string approved, string actual)
    {
        var builder = new StringBuilder();
        var shown = 0;
        foreach (var line in InlineDiffBuilder.Diff(approved, actual).Lines)
        {
            var marker = line.Type switch
            {
                ChangeType.Deleted => "- ",
                ChangeType.Inserted => "+ ",
                _ => null,
            };
            if (marker is null)
            {
                continue;
            }

            builder.Append(line.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(5) ?? "     ").Append(' ').Append(marker).AppendLine(line.Text);
            if (++shown == 60)
            {
                builder.AppendLine("   ... more lines differ");
                break;
            }
        }

        return builder.ToString();
    }
}
