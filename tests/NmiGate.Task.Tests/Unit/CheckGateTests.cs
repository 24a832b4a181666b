using System.Globalization;
using Microsoft.Build.Framework;
using NmiGate.MSBuild.Tests.Support;

namespace NmiGate.MSBuild.Tests.Unit;

/// <summary><see cref="CheckGate"/> with a fake build engine on a real model, data and registry.</summary>
public sealed class CheckGateTests : IDisposable
{
    private readonly GateWorkspace gate = new("check-task");

    public void Dispose() => gate.Dispose();

    [Fact]
    public void A_passing_gate_returns_true_logs_the_verdict_line_at_high_importance_and_stores_the_verdict()
    {
        gate.RegisterModel();
        var engine = TaskFactory.Engine(gate);
        var task = TaskFactory.Check(gate, engine);

        Assert.True(task.Execute(), engine.Log);

        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.High && m.Message == "NmiGate: Gate 'segments' PASS: the rule holds against reference v1 (60 rows).");
        Assert.Equal("pass", task.Verdict);
        Assert.Equal(1.0, double.Parse(task.Nmi, CultureInfo.InvariantCulture), 12);
        Assert.True(File.Exists(TaskFactory.StampFile(gate)));
    }

    [Fact]
    public void A_failing_gate_is_NMIG2001_at_the_fail_below_value_in_nmigate_yml_with_a_help_link()
    {
        gate.RegisterMovedRows();
        var engine = TaskFactory.Engine(gate);
        var task = TaskFactory.Check(gate, engine);

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        var (line, column) = gate.PositionOf("0.80");
        Assert.Equal("NMIG2001", error.Code);
        Assert.Equal(gate.ConfigPath, error.File);
        Assert.Equal((line, column), (error.LineNumber, error.ColumnNumber));
        Assert.Matches(@"^nmi \(arithmetic\) = 0\.\d{4} is below fail-below 0\.8000 against reference v1\.$", error.Message);
        Assert.Equal(TaskFactory.HelpLinkBase + "#nmig2001", error.HelpLink);
        Assert.Equal("fail", task.Verdict);
        Assert.InRange(double.Parse(task.Nmi, CultureInfo.InvariantCulture), 0.0, 0.8);
        Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.High && m.Message!.StartsWith("NmiGate: Gate 'segments' FAIL: 1 of 1 rules failed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_warn_only_breach_is_warning_NMIG2002_and_passes_unless_FailOnWarning_makes_it_an_error()
    {
        gate.WriteConfig("  nmi: { fail-below: 0.30, warn-below: 0.90 }\n");
        gate.RegisterMovedRows();
        var warnedEngine = TaskFactory.Engine(gate);
        var failedEngine = TaskFactory.Engine(gate);
        var failing = TaskFactory.Check(gate, failedEngine);
        failing.FailOnWarning = true;

        var warned = TaskFactory.Check(gate, warnedEngine).Execute();
        var failed = failing.Execute();

        Assert.True(warned, warnedEngine.Log);
        var warning = Assert.Single(warnedEngine.Warnings);
        Assert.Equal("NMIG2002", warning.Code);
        Assert.Equal(gate.PositionOf("0.90"), (warning.LineNumber, warning.ColumnNumber));
        Assert.Empty(warnedEngine.Errors);
        Assert.False(failed);
        var error = Assert.Single(failedEngine.Errors);
        Assert.Equal("NMIG2002", error.Code);
        Assert.Contains("NmiGateFailOnWarning is set", error.Message, StringComparison.Ordinal);
        Assert.Equal("fail", failing.Verdict);
    }

    [Fact]
    public void Every_configuration_problem_is_an_error_with_its_code_line_and_column_and_no_stack_trace()
    {
        gate.RegisterModel();
        gate.WriteConfig("  nmi: { fail-bellow: 0.80 }\n  ami: { fail-below: high }\n");
        var engine = TaskFactory.Engine(gate);

        Assert.False(TaskFactory.Check(gate, engine).Execute());

        var codes = engine.Errors.Select(e => (e.Code, e.File, e.LineNumber, e.ColumnNumber)).ToList();
        Assert.Contains(("NMIG1001", gate.ConfigPath, gate.PositionOf("fail-bellow").Line, gate.PositionOf("fail-bellow").Column), codes);
        Assert.Contains(("NMIG1002", gate.ConfigPath, gate.PositionOf("high").Line, gate.PositionOf("high").Column), codes);
        Assert.Contains(engine.Errors, e => e.Code == "NMIG1001" && e.Message!.Contains("did you mean `fail-below`?", StringComparison.Ordinal));
        Assert.DoesNotContain(engine.Errors, e => e.Message!.Contains("   at ", StringComparison.Ordinal));
        Assert.False(File.Exists(TaskFactory.StampFile(gate)));
    }

    [Fact]
    public void An_empty_registry_is_NMIG4001_and_removes_an_earlier_stored_verdict()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(TaskFactory.StampFile(gate))!);
        File.WriteAllText(TaskFactory.StampFile(gate), "an earlier pass");
        var engine = TaskFactory.Engine(gate);

        Assert.False(TaskFactory.Check(gate, engine).Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("NMIG4001", error.Code);
        Assert.Equal(TaskFactory.HelpLinkBase + "#nmig4001", error.HelpLink);
        Assert.Contains(engine.Messages, m => m.Message!.Contains("could not be evaluated", StringComparison.Ordinal));
        Assert.False(File.Exists(TaskFactory.StampFile(gate)));
    }

    [Fact]
    public void A_scoring_error_points_at_the_data_file_line_with_its_NMIG3xxx_code()
    {
        gate.RegisterModel();
        var lines = File.ReadAllLines(gate.DataPath);
        lines[7] = lines[7].Split(',')[0] + ",not-a-number,1,2,3";
        File.WriteAllLines(gate.DataPath, lines);
        var engine = TaskFactory.Engine(gate);

        Assert.False(TaskFactory.Check(gate, engine).Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("NMIG3008", error.Code);
        Assert.Equal(gate.DataPath, error.File);
        Assert.Equal(8, error.LineNumber);
        Assert.DoesNotContain(gate.DataPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MSBuild_overrides_win_over_nmigate_yml_through_Core_precedence()
    {
        gate.RegisterModel();
        gate.RegisterMovedRows();
        var latestEngine = TaskFactory.Engine(gate);
        var pinnedEngine = TaskFactory.Engine(gate);
        var pinned = TaskFactory.Check(gate, pinnedEngine);
        pinned.ReferenceVersion = "v1";

        Assert.False(TaskFactory.Check(gate, latestEngine).Execute());
        Assert.True(pinned.Execute(), pinnedEngine.Log);

        Assert.Contains(pinnedEngine.Messages, m => m.Message == "NmiGate: Gate 'segments' PASS: the rule holds against reference v1 (60 rows).");
    }

    [Fact]
    public void A_bad_override_is_an_error_on_the_project_file()
    {
        var engine = TaskFactory.Engine(gate);
        var task = TaskFactory.Check(gate, engine);
        task.ReferenceVersion = "newest";

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.StartsWith("NMIG1", error.Code, StringComparison.Ordinal);
        Assert.Equal(engine.ProjectFileOfTaskNode, error.File);
        Assert.Contains("reference.version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_directory_gets_the_markdown_and_json_reports_relative_to_the_project()
    {
        gate.RegisterModel();
        var engine = TaskFactory.Engine(gate);
        var task = TaskFactory.Check(gate, engine);
        task.ReportDirectory = "reports";

        Assert.True(task.Execute(), engine.Log);

        var markdown = Path.Combine(task.BaseDirectory!, "reports", "report.md");
        Assert.Equal(markdown, task.ReportFile);
        Assert.StartsWith("<!-- nmigate:segments -->", File.ReadAllText(markdown), StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(task.BaseDirectory!, "reports", "report.json")));
        Assert.Equal("segments", json.RootElement.GetProperty("gate").GetString());
        Assert.Equal("pass", json.RootElement.GetProperty("verdict").GetString());
        Assert.True(File.Exists(TaskFactory.StampFile(gate)));
    }

    [Fact]
    public void Record_appends_the_result_to_the_gate_history_through_Core()
    {
        gate.RegisterModel();
        var engine = TaskFactory.Engine(gate);
        var task = TaskFactory.Check(gate, engine);
        task.Record = true;

        Assert.True(task.Execute(), engine.Log);

        var history = Path.Combine(gate.Root, ".nmigate", "segments", "history.jsonl");
        Assert.Single(File.ReadAllLines(history));
    }
}
