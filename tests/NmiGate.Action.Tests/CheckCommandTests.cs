using System.Text.Json;
using NmiGate.Action.Tests.Support;

namespace NmiGate.Action.Tests;

/// <summary><c>nmigate check</c> end to end on real seeded KMeans models and a real registry.</summary>
[Collection(TrainedModelsGroup.Name)]
public sealed class CheckCommandTests(TrainedModels models)
{
    [Fact]
    public void Check_passes_with_nmi_1_when_the_registered_model_is_checked_again()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath);
        Assert.Equal(0, gate.Run("register").ExitCode);

        var run = gate.Run("check");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Matches(@"nmi \(arithmetic\)\s+1\.0000\s+0\.8000\s+0\.9000\s+PASS", run.Stdout);
        Assert.Contains("Gate 'segments': 300 rows compared with reference v1", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("Gate 'segments' PASS: all 2 rules hold against reference v1 (300 rows).", run.Stdout.TrimEnd(), StringComparison.Ordinal);
        Assert.Matches(@"^nmigate: scored 300 rows in \d+\.\d\d s\s*$", run.Stderr);
    }

    [Fact]
    public void Check_fails_with_exit_1_naming_the_metric_and_threshold_when_the_model_has_another_k()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath, "  nmi: { fail-below: 0.95 }\n");
        Assert.Equal(0, gate.Run("register").ExitCode);

        var run = gate.Run("check", "--model", models.SixClusters);

        Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
        Assert.Matches(@"nmigate\.yml\(9,22\): error NMIG2001: nmi \(arithmetic\) = 0\.\d{4} is below fail-below 0\.9500 against reference v1\.", run.Stdout);
        Assert.Contains("Gate 'segments' FAIL: 1 of 1 rules failed against reference v1 (300 rows).", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_warns_with_exit_0_on_a_warn_only_breach_and_fails_with_fail_on_warn()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath, "  nmi: { fail-below: 0.10, warn-below: 0.999 }\n");
        Assert.Equal(0, gate.Run("register").ExitCode);

        var warned = gate.Run("check", "--model", models.FourClusters);
        var failed = gate.Run("check", "--model", models.FourClusters, "--fail-on-warn");

        Assert.True(warned.ExitCode == 0, warned.Stdout + warned.Stderr);
        Assert.Matches(@"nmi \(arithmetic\)\s+0\.\d{4}\s+0\.1000\s+0\.9990\s+WARN", warned.Stdout);
        Assert.Contains("Gate 'segments' WARN: 1 of 1 rules warned", warned.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("Gate 'segments' FAIL: 1 of 1 rules warned and fail-on-warn is set", failed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_with_format_json_prints_gate_verdict_reference_rows_metrics_and_rules()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath);
        Assert.Equal(0, gate.Run("register").ExitCode);

        var run = gate.Run("check", "--model", models.FourClusters, "--format", "json");

        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("segments", root.GetProperty("gate").GetString());
        Assert.Contains(root.GetProperty("verdict").GetString(), new[] { "pass", "warn", "fail" });
        Assert.Equal(run.ExitCode == 1 ? "fail" : root.GetProperty("verdict").GetString(), root.GetProperty("verdict").GetString());
        Assert.Equal("v1", root.GetProperty("reference_version").GetString());
        Assert.Equal(300, root.GetProperty("rows").GetInt64());
        var metrics = root.GetProperty("metrics");
        foreach (var key in new[] { "nmi_arithmetic", "ami_arithmetic", "ari", "fmi", "v_measure" })
        {
            Assert.True(metrics.GetProperty(key).GetDouble() is > 0 and < 1, key);
        }

        var rules = root.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(2, rules.Count);
        Assert.Equal("nmi", rules[0].GetProperty("metric").GetString());
        Assert.Equal("arithmetic", rules[0].GetProperty("average").GetString());
        Assert.Equal(metrics.GetProperty("nmi_arithmetic").GetDouble(), rules[0].GetProperty("value").GetDouble());
        Assert.Equal(0.80, rules[0].GetProperty("fail_below").GetDouble());
        Assert.Equal(0.90, rules[0].GetProperty("warn_below").GetDouble());
        Assert.Equal(JsonValueKind.Null, rules[1].GetProperty("warn_below").ValueKind);
        Assert.False(string.IsNullOrEmpty(rules[1].GetProperty("verdict").GetString()));
        Assert.Contains("ami (arithmetic) = ", rules[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("threshold", rules[0].GetProperty("kind").GetString());
        Assert.True(root.GetProperty("evaluated").GetBoolean());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(rules.Count(r => r.GetProperty("verdict").GetString() != "pass"), findings.Count);
        Assert.All(findings, f => Assert.Matches("^NMIG200[12]$", f.GetProperty("code").GetString()));
        Assert.Equal(64, root.GetProperty("provenance").GetProperty("model_sha256").GetString()!.Length);
    }

    [Fact]
    public void Check_record_appends_history_and_a_later_max_drop_rule_compares_with_it()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath, "  nmi: { fail-below: 0.80 }\n  max-drop: { nmi: 0.05 }\n");
        Assert.Equal(0, gate.Run("register").ExitCode);

        var first = gate.Run("check", "--record");
        var second = gate.Run("check", "--format", "json");

        var history = Path.Combine(gate.RegistryFolder, GateWorkspace.Gate, "history.jsonl");
        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.Matches(@"nmi \(arithmetic\) max-drop 0\.0500\s+1\.0000\s+-\s+-\s+N/A", first.Stdout);
        Assert.Matches(@"nmigate\.yml\(10,20\): notice NMIG2007: max-drop 0\.0500 on nmi \(arithmetic\) does not apply: no result is recorded for reference v1", first.Stdout);
        Assert.Contains("Recorded the result in " + history, first.Stdout, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(history));
        using var json = JsonDocument.Parse(second.Stdout);
        var drop = json.RootElement.GetProperty("rules")[1];
        Assert.Equal(("max-drop", "pass", true), (drop.GetProperty("kind").GetString(), drop.GetProperty("verdict").GetString(), drop.GetProperty("applicable").GetBoolean()));
        Assert.Equal(1.0, drop.GetProperty("previous").GetDouble(), 12);
        Assert.Equal(0.0, drop.GetProperty("delta").GetDouble(), 12);
        Assert.Single(File.ReadAllLines(history));
    }

    [Fact]
    public void Check_exits_2_with_NMIG2013_when_no_rule_could_be_judged()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath, "  max-drop: { nmi: 0.05 }\n");
        Assert.Equal(0, gate.Run("register").ExitCode);

        var run = gate.Run("check");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error NMIG2013: no configured rule could be judged against reference v1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Gate 'segments' FAIL: could not evaluate (NMIG2013) (1 not applicable) against reference v1", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_exits_2_with_NMIG2014_at_the_slice_column_line_when_the_data_lacks_the_column()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath, extra: "slices:\n  - column: region\n");
        Assert.Equal(0, gate.Run("register").ExitCode);

        var run = gate.Run("check");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nmigate.yml(9,13): error NMIG2014: slice column `region` is not in the header of the data file " + models.DataPath, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void Check_exits_2_naming_the_path_when_the_config_file_is_missing()
    {
        var missing = Path.Combine(models.Workspace.Root, "absent", "nmigate.yml");

        var run = NmigateRun.Of("check", "--config", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("error NMIG1009", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_exits_2_with_NMIG1001_at_the_line_of_an_unknown_key()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath, extra: "colour: red\n");

        var run = gate.Run("check");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nmigate.yml(8,1): error NMIG1001: unknown key `colour`", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void Check_exits_2_with_NMIG4005_when_the_registered_partition_was_tampered_with()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath);
        Assert.Equal(0, gate.Run("register").ExitCode);
        var partition = Path.Combine(gate.VersionFolder(1), "partition.csv");
        File.WriteAllText(partition, File.ReadAllText(partition).Replace("row-000007,", "row-000007,9", StringComparison.Ordinal));

        var run = gate.Run("check");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error NMIG4005", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(partition, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_exits_2_with_NMIG4001_and_the_register_hint_when_nothing_is_registered()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath);

        var run = gate.Run("check");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error NMIG4001", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("nmigate register", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_exits_2_with_counts_and_examples_when_data_ids_are_not_in_the_reference()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath);
        Assert.Equal(0, gate.Run("register").ExitCode);

        var run = gate.Run("check", "--data", models.LargerDataPath);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("20 ids are only in " + models.LargerDataPath, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("'row-000300' (line 302), 'row-000301' (line 303)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_exits_2_with_NMIG4002_when_the_pinned_reference_version_does_not_exist()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath);
        Assert.Equal(0, gate.Run("register").ExitCode);

        var run = gate.Run("check", "--reference-version", "v7");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("command line: error NMIG4002", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_exits_2_with_NMIG3002_at_the_model_path_when_the_model_is_not_an_mlnet_zip()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath);
        Assert.Equal(0, gate.Run("register").ExitCode);
        var notAModel = gate.WriteText("model.zip", "not a zip");

        var run = gate.Run("check", "--model", notAModel);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(notAModel + ": error NMIG3002: ", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void Extra_data_ids_are_reported_at_their_real_line_when_the_data_has_blank_lines()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath);
        Assert.Equal(0, gate.Run("register").ExitCode);
        var lines = File.ReadAllLines(models.LargerDataPath).ToList();
        lines.Insert(1, string.Empty);
        lines.Insert(1, string.Empty);
        var data = gate.WriteText("blank-lines.csv", string.Join('\n', lines) + "\n");

        var run = gate.Run("check", "--data", data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'row-000300' (line 304)", run.Stderr, StringComparison.Ordinal);
    }
}
