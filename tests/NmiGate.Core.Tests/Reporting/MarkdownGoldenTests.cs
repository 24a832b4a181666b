using NmiGate.Core.Reporting;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Reporting;

/// <summary>
/// The Markdown of representative cases, compared with the files under <c>Golden/</c>. After an
/// intended change, regenerate them with <c>NMIGATE_UPDATE_GOLDEN=1 dotnet test tests/NmiGate.Core.Tests
/// --filter FullyQualifiedName~MarkdownGoldenTests</c> and review the diff like any other change.
/// </summary>
public sealed class MarkdownGoldenTests
{
    private static readonly string GoldenFolder = Path.Combine(RepositoryPaths.Root, "tests", "NmiGate.Core.Tests", "Reporting", "Golden");

    public static TheoryData<string> Cases => [.. ReportCases.Names];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Markdown_matches_its_golden_file(string name)
    {
        var markdown = MarkdownReportRenderer.Render(ReportCases.Build(name, name == "one-split" ? ReportCharts.Mermaid : ReportCharts.None));

        var path = Path.Combine(GoldenFolder, name + ".md");
        if (Environment.GetEnvironmentVariable("NMIGATE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, markdown);
        }

        Assert.True(File.Exists(path), $"No golden file {path}; run with NMIGATE_UPDATE_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(
            expected == markdown,
            $"The Markdown of '{name}' differs from {path} (first difference at character {FirstDifference(expected, markdown)}). " +
            "If the change is intended, regenerate with NMIGATE_UPDATE_GOLDEN=1.");
    }

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }
}
