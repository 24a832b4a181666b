using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Gating;
using NmiGate.Core.Partitions;
using NmiGate.Core.Registry;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Gating;

/// <summary>
/// <see cref="GateCheck.Run"/>'s join by id hash with the reference read on another thread: its
/// result equals the join by text, and every error of the text path still comes out, reference first.
/// </summary>
public sealed class CheckAlignmentTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(RepositoryPaths.Root, "tests", "NmiGate.Core.Tests", "Fixtures", "models");
    private readonly TempWorkspace workspace = new("check-alignment");

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void The_table_equals_the_one_aligned_by_text()
    {
        var options = Options();
        var labels = workspace.WriteText("labels.csv", string.Join('\n', File.ReadAllLines(Path.Combine(Fixtures, "kmeans-3.partition.csv"))
            .Select((line, i) => i == 0 || i % 4 != 0 ? line : line.Split(',')[0] + ",other")) + "\n");
        var registered = Registration.Run(options, new RegistrationRequest("test", LabelsPath: labels));

        var result = GateCheck.Run(options);

        var (candidate, _) = GateCheck.Score(options, null, CancellationToken.None);
        var expected = AlignedPartitions.Align(PartitionFile.Read(registered.Version.PartitionPath), candidate).ToContingencyTable();
        Assert.Equal(expected.ReferenceLabels, result.Table.ReferenceLabels);
        Assert.Equal(expected.CandidateLabels, result.Table.CandidateLabels);
        Assert.Equal(expected.Cells, result.Table.Cells);
        Assert.Contains("other", result.Table.ReferenceLabels);
    }

    [Fact]
    public void An_id_missing_from_the_reference_is_listed_with_its_data_line()
    {
        var options = Options();
        var lines = File.ReadAllLines(Path.Combine(Fixtures, "kmeans-3.partition.csv"));
        var dropped = lines[7].Split(',')[0];
        Registration.Run(options, new RegistrationRequest("test", LabelsPath: workspace.WriteText("labels.csv", string.Join('\n', lines.Where((_, i) => i != 7)) + "\n")));
        var dataLine = Array.FindIndex(File.ReadAllLines(Path.Combine(Fixtures, "kmeans-3.csv")), line => line.StartsWith(dropped + ",", StringComparison.Ordinal)) + 1;

        var error = Assert.Throws<NmiGateInputException>(() => GateCheck.Run(options));

        Assert.Contains($"1 id is only in {Path.Combine(Fixtures, "kmeans-3.csv")} ('{dropped}' (line {dataLine}))", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_reference_fails_with_NMIG4005_before_a_scoring_error()
    {
        var options = Options();
        var version = Registration.Run(options, new RegistrationRequest("test")).Version;
        File.AppendAllText(version.PartitionPath, "zzz,1\n");
        var header = File.ReadLines(Path.Combine(Fixtures, "kmeans-3.csv")).First();
        var broken = Options(dataPath: workspace.WriteText("ragged.csv", header + "\nonly-an-id\n"));

        var error = Assert.Throws<RegistryException>(() => GateCheck.Run(broken));

        Assert.Equal(DiagnosticCode.PartitionHashMismatch, error.Code);
        Assert.Equal(version.PartitionPath, error.FilePath);
    }

    private GateOptions Options(string? dataPath = null)
    {
        var config = workspace.WriteText("nmigate.yml", $"""
            version: 1
            name: segments
            model:
              path: {Path.Combine(Fixtures, "kmeans-3.zip")}
            data:
              path: {dataPath ?? Path.Combine(Fixtures, "kmeans-3.csv")}
              id-column: id
            thresholds:
              nmi: {"{"} fail-below: 0.1 {"}"}

            """);
        return GateConfiguration.Load(config);
    }
}
