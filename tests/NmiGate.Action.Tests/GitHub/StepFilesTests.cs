using System.Text;
using NmiGate.Action.GitHub;
using NmiGate.Action.Tests.Support;

namespace NmiGate.Action.Tests.GitHub;

/// <summary>Outputs, the job summary and annotations written by <c>nmigate check</c> on a runner.</summary>
[Collection(TrainedModelsGroup.Name)]
public sealed class StepFilesTests(TrainedModels models)
{
    [Fact]
    public void Check_writes_verdict_nmi_ami_report_json_and_comment_url_outputs_and_appends_the_summary()
    {
        using var github = new GitHubGate(models);

        var run = github.CheckFailing();

        Assert.Equal(1, run.ExitCode);
        var outputs = github.Runner.Outputs();
        Assert.Equal("fail", outputs["verdict"]);
        var nmi = double.Parse(outputs["nmi"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(nmi, 0.0, 0.95);
        Assert.Matches(@"^0\.\d+", outputs["ami"]);
        Assert.Equal(github.Comments.Single().HtmlUrl, outputs["comment-url"]);
        var reportJson = outputs["report-json"];
        Assert.True(File.Exists(reportJson), reportJson);
        using (var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(reportJson)))
        {
            Assert.Equal((1, "fail"), (json.RootElement.GetProperty("schemaVersion").GetInt32(), json.RootElement.GetProperty("verdict").GetString()));
            Assert.NotEmpty(json.RootElement.GetProperty("diff").GetProperty("movedIds").EnumerateArray());
        }

        Assert.StartsWith("<!-- nmigate:segments -->\n### ❌ FAIL · gate segments · ", github.Runner.Summary(), StringComparison.Ordinal);

        // A second step appends to the summary, and a later output of the same name wins.
        Assert.Equal(0, github.CheckPassing().ExitCode);
        Assert.Equal(2, CountOf(github.Runner.Summary(), "<!-- nmigate:segments -->"));
        Assert.Equal("pass", github.Runner.Outputs()["verdict"]);
    }

    [Fact]
    public void Report_charts_mermaid_reaches_the_job_summary_and_the_pr_comment()
    {
        using var github = new GitHubGate(models);
        github.Gate.WriteText("nmigate.yml", GateWorkspace.Config(models.ThreeClusters, models.DataPath, GitHubGate.Thresholds, "report: { charts: mermaid }\n"));

        var run = github.CheckFailing();

        Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
        Assert.Contains("```mermaid\nflowchart LR\n", github.Runner.Summary(), StringComparison.Ordinal);
        Assert.Contains("```mermaid\nflowchart LR\n", github.Comments.Single().Body, StringComparison.Ordinal);
        Assert.Contains("Sample of moved ids", github.Comments.Single().Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_rule_is_an_error_annotation_at_its_fail_below_in_nmigate_yml()
    {
        using var github = new GitHubGate(models);
        var lines = File.ReadAllLines(github.Gate.ConfigPath);
        var line = Array.FindIndex(lines, l => l.Contains("fail-below", StringComparison.Ordinal)) + 1;
        var column = lines[line - 1].IndexOf("fail-below", StringComparison.Ordinal) + 1 + "fail-below: ".Length;

        var run = github.CheckFailing();

        Assert.Matches($@"(?m)^::error file=nmigate\.yml,line={line},col={column},title=NmiGate NMIG2001::nmi \(arithmetic\) = 0\.\d{{4}} is below fail-below 0\.9500", run.Stdout);
    }

    [Fact]
    public void A_gate_that_cannot_evaluate_exits_2_with_verdict_error_and_an_error_annotation()
    {
        using var github = new GitHubGate(models);
        var config = github.Gate.WriteText("broken.yml", "version: 1\nname: segments\nmodel:\n  path: model.zip\n  colour: red\n");

        var run = github.Runner.Run("check", "--config", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error", github.Runner.Outputs()["verdict"]);
        Assert.Matches(@"(?m)^::error file=broken\.yml,line=\d+,col=\d+,title=NmiGate NMIG\d+::", run.Stdout);
        Assert.Contains("ERROR", github.Runner.Summary(), StringComparison.Ordinal);
        Assert.Contains("error", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_actions_check_writes_no_github_files_and_no_workflow_commands()
    {
        using var github = new GitHubGate(models);
        github.Runner.Variables.Remove("GITHUB_ACTIONS");

        var run = github.CheckFailing();

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("::", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, File.ReadAllText(github.Runner.OutputPath));
        Assert.Empty(github.Server.Requests);

        // --github turns it on explicitly.
        Assert.Equal(1, github.CheckFailing("--github").ExitCode);
        Assert.Equal("fail", github.Runner.Outputs()["verdict"]);
    }

    [Fact]
    public void Multiline_values_and_values_that_look_like_outputs_round_trip_through_github_output()
    {
        using var workspace = new NmiGate.TestUtilities.TempWorkspace("outputs");
        var path = workspace.WriteText("out", string.Empty);
        var tricky = "line one\nverdict=pass\nghadelimiter_0000\n\nlast";

        StepOutputs.Write(path, [new("summary", tricky), new("verdict", "fail"), new("empty", string.Empty)]);

        var parsed = OutputFile.Parse(File.ReadAllText(path));
        Assert.Equal(tricky, parsed["summary"]);
        Assert.Equal("fail", parsed["verdict"]);
        Assert.Equal(string.Empty, parsed["empty"]);
        var delimiters = File.ReadAllLines(path).Where(l => l.Contains("<<", StringComparison.Ordinal)).Select(l => l.Split("<<")[1]).ToList();
        Assert.Equal(3, delimiters.Distinct(StringComparer.Ordinal).Count());
        Assert.All(delimiters, d => Assert.Matches("^ghadelimiter_[0-9a-f]{32}$", d));
    }

    [Fact]
    public void A_report_that_would_pass_the_1_MiB_summary_limit_is_replaced_by_its_headline()
    {
        using var workspace = new NmiGate.TestUtilities.TempWorkspace("summary");
        var path = workspace.WriteText("summary", new string('x', StepSummary.MaxBytes - 2_000));

        var whole = StepSummary.Append(path, "# report\n" + new string('y', 5_000), "Gate 'segments' PASS: the rule holds.");

        Assert.False(whole);
        var text = File.ReadAllText(path);
        Assert.True(Encoding.UTF8.GetByteCount(text) <= StepSummary.MaxBytes);
        Assert.EndsWith("Gate 'segments' PASS: the rule holds.\n\nThe full NmiGate report (5011 bytes) does not fit in the job summary's 1 MiB limit; see the report files of this run.\n\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("yyyy", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotation_messages_and_properties_are_escaped_so_they_cannot_inject_commands()
    {
        var line = WorkflowCommands.Format(new Annotation(AnnotationLevel.Warning, "100% moved\r\n::error::injected", "dir,a/nmi:gate.yml", 3, 5, "t: a, b"));

        Assert.Equal("::warning file=dir%2Ca/nmi%3Agate.yml,line=3,col=5,title=t%3A a%2C b::100%25 moved%0D%0A::error::injected", line);
        Assert.DoesNotContain('\n', line);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
