using System.Globalization;
using System.Text.Json;
using NmiGate.Action.Tests.Support;

namespace NmiGate.Action.Tests;

/// <summary><c>nmigate register</c> and <c>nmigate registry list|show|verify</c> end to end.</summary>
[Collection(TrainedModelsGroup.Name)]
public sealed class RegisterCommandTests(TrainedModels models)
{
    [Fact]
    public void Register_scores_the_model_and_writes_v1_with_no_comparison()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath);

        var run = gate.Run("register", "--note", "first reference");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("Registered segments v1: 300 rows, 3 clusters, partition sha256 ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("First version of this gate: nothing to compare with.", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"^nmigate: scored 300 rows in \d+\.\d\d s\s*$", run.Stderr);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(gate.VersionFolder(1), "manifest.json")));
        Assert.Equal("first reference", manifest.RootElement.GetProperty("note").GetString());
        Assert.Equal(300, manifest.RootElement.GetProperty("rowCount").GetInt64());
    }

    [Fact]
    public void Register_with_labels_writes_v1_from_the_labels_file()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath);
        var labels = gate.WriteText("taxonomy.csv", "id,cluster\n" + string.Concat(
            models.Sample.Ids.Select((id, i) => string.Create(CultureInfo.InvariantCulture, $"{id},segment-{models.Sample.Labels[i]}\n"))));

        var run = gate.Run("register", "--labels", labels);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("Registered segments v1: 300 rows, 3 clusters", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
        Assert.StartsWith("id,cluster\nrow-000000,segment-", File.ReadAllText(Path.Combine(gate.VersionFolder(1), "partition.csv")), StringComparison.Ordinal);

        // The model recovers the hand-made taxonomy of well-separated blobs exactly.
        var check = gate.Run("check");
        Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
        Assert.Matches(@"nmi \(arithmetic\)\s+1\.0000", check.Stdout);
    }

    [Fact]
    public void A_second_register_prints_nmi_and_ami_against_v1_and_records_the_comparison()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath);
        Assert.Equal(0, gate.Run("register").ExitCode);

        var run = gate.Run("register", "--model", models.FourClusters);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("Registered segments v2: 300 rows, 4 clusters", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"Against v1: NMI \(arithmetic\) 0\.\d{4}, AMI \(arithmetic\) 0\.\d{4}, ARI -?\d\.\d{4} \(300 rows\)", run.Stdout);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(gate.VersionFolder(2), "manifest.json")));
        var comparison = manifest.RootElement.GetProperty("comparison");
        Assert.Equal("v1", comparison.GetProperty("version").GetString());
        Assert.InRange(comparison.GetProperty("metrics").GetProperty("nmi_arithmetic").GetDouble(), 0.5, 0.9999);
    }

    [Fact]
    public void Registry_list_show_and_verify_describe_every_version()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath);
        Assert.Equal(0, gate.Run("register", "--note", "baseline").ExitCode);
        Assert.Equal(0, gate.Run("register", "--model", models.FourClusters).ExitCode);

        var list = gate.Run("registry", "list");
        var show = gate.Run("registry", "show", "--version", "v1");
        var latest = gate.Run("registry", "show");
        var verify = gate.Run("registry", "verify");

        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"  v1    \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  300 rows  3 clusters  sha256 [0-9a-f]{12}  ""baseline""", list.Stdout);
        Assert.Matches(@"  v2    .*  300 rows  4 clusters  sha256 [0-9a-f]{12}  nmi vs v1 0\.\d{4}", list.Stdout);
        Assert.Equal(0, show.ExitCode);
        Assert.StartsWith("segments v1: " + gate.VersionFolder(1), show.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"""note"":\s*""baseline""", show.Stdout);
        Assert.StartsWith("segments v2: ", latest.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("ok  segments v1  300 rows", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 version(s) verified, no problem found.", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_verify_exits_2_listing_every_damaged_version()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath);
        Assert.Equal(0, gate.Run("register").ExitCode);
        Assert.Equal(0, gate.Run("register").ExitCode);
        File.AppendAllText(Path.Combine(gate.VersionFolder(2), "partition.csv"), "row-999999,1\n");

        var run = gate.Run("registry", "verify");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ok  segments v1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 version(s) verified, 1 problem(s) found (listed on stderr).", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("error NMIG4005", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_list_of_an_empty_registry_says_how_to_register()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath);

        var run = gate.Run("registry", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No version of 'segments' is registered", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("nmigate register", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_of_other_rows_than_the_previous_version_is_written_without_a_comparison()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath);
        Assert.Equal(0, gate.Run("register").ExitCode);

        var run = gate.Run("register", "--data", models.LargerDataPath);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.StartsWith("Registered segments v2: 320 rows", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Not compared with v1: the two files do not have the same ids: 20 ids are only in", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\"comparison\"", File.ReadAllText(Path.Combine(gate.VersionFolder(2), "manifest.json")), StringComparison.Ordinal);
    }
}
