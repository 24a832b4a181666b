using System.Text.Json.Nodes;
using NmiGate.Action.GitHub;
using NmiGate.Action.Tests.Support;

namespace NmiGate.Action.Tests.GitHub;

/// <summary>
/// The fork-safe flow: <c>check --report-dir</c> in a read-only <c>pull_request</c> job, then
/// <c>publish --report-dir</c> in a <c>workflow_run</c> job that validates the untrusted folder.
/// </summary>
[Collection(TrainedModelsGroup.Name)]
public sealed class TwoPhaseTests(TrainedModels models)
{
    private static readonly string Head = new('a', 40);

    [Fact]
    public void Check_with_report_dir_writes_the_report_and_publish_posts_it_on_the_runs_pull_request()
    {
        using var github = new GitHubGate(models);
        var folder = github.Runner.PathOf("artifact");
        github.Runner.SetEvent("pull_request", ActionsRunner.PullRequestEvent(7, Head, "someone/models"));

        var check = github.CheckFailing("--report-dir", folder, "--comment", "false");

        Assert.Equal(1, check.ExitCode);
        Assert.Empty(github.Server.Requests);
        Assert.True(File.Exists(Path.Combine(folder, ReportDirectory.MarkdownFile)));
        Assert.True(File.Exists(Path.Combine(folder, "report.json")));
        var stored = ReportDirectory.Read(folder);
        Assert.Equal((7, Head), (stored.PullRequest!.Value, stored.HeadSha));

        github.Server.PullHeadRepository = "someone/models";
        github.Runner.SetEvent("workflow_run", ActionsRunner.WorkflowRunEvent(Head, "someone/models", "retrain"));
        var publish = github.Runner.Run("publish", "--report-dir", folder);

        Assert.True(publish.ExitCode == 0, publish.Stdout + publish.Stderr);
        var comment = Assert.Single(github.Comments);
        Assert.StartsWith("<!-- nmigate:segments -->", comment.Body, StringComparison.Ordinal);
        Assert.Contains("Gate 'segments' FAIL", comment.Body, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^::error file=nmigate\.yml,line=\d+", publish.Stdout);
        Assert.Equal("fail", github.Runner.Outputs()["verdict"]);
        Assert.Equal(comment.HtmlUrl, github.Runner.Outputs()["comment-url"]);
        Assert.Equal(Path.GetFullPath(Path.Combine(folder, ReportDirectory.JsonFile)), github.Runner.Outputs()["report-json"]);
    }

    [Theory]
    [InlineData("unknown", "has an unknown property 'extra' in $")]
    [InlineData("missing", "has no 'diff'")]
    [InlineData("version", "has no 'schemaVersion: 1'")]
    [InlineData("gate", "reports gate 'other' with verdict 'pass', but nmigate-publish.json says gate 'segments' with verdict 'pass'")]
    [InlineData("verdict", "reports gate 'segments' with verdict 'fail', but nmigate-publish.json says gate 'segments' with verdict 'pass'")]
    [InlineData("json", "is not valid JSON")]
    public void Publish_rejects_a_tampered_report_json_naming_the_file_and_the_problem(string tamper, string expected)
    {
        AssertPublishRefuses(ReportDirectory.JsonFile, expected, tamper == "json" ? "{\"schemaVersion\": 1," : null, json =>
        {
            switch (tamper)
            {
                case "unknown": json["extra"] = 1; break;
                case "missing": json.Remove("diff"); break;
                case "version": json["schemaVersion"] = 2; break;
                case "gate": json["gate"] = "other"; break;
                case "verdict": json["verdict"] = "fail"; break;
                default: break;
            }
        });
    }

    [Fact]
    public void Publish_refuses_to_comment_on_a_pull_request_that_is_not_the_runs()
    {
        using var github = new GitHubGate(models);
        var folder = github.Runner.PathOf("artifact");
        Assert.Equal(0, github.CheckPassing("--report-dir", folder, "--comment", "false").ExitCode);
        // The report claims PR 7, but PR 7's head is another fork's branch at another commit.
        github.Server.PullHeadSha = new string('e', 40);
        github.Server.PullHeadRepository = "victim/models";
        github.Runner.SetEvent("workflow_run", ActionsRunner.WorkflowRunEvent(Head, "attacker/models", "evil"));

        var publish = github.Runner.Run("publish", "--report-dir", folder);

        Assert.Equal(0, publish.ExitCode);
        Assert.Empty(github.Comments);
        Assert.Contains("is not the head of the workflow run that produced it", publish.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_rejects_a_report_for_another_commit_than_the_triggering_run()
    {
        using var github = new GitHubGate(models);
        var folder = github.Runner.PathOf("artifact");
        Assert.Equal(0, github.CheckPassing("--report-dir", folder, "--comment", "false").ExitCode);
        github.Runner.SetEvent("workflow_run", ActionsRunner.WorkflowRunEvent(new string('f', 40), "octo/models", "retrain", 7));

        var publish = github.Runner.Run("publish", "--report-dir", folder);

        Assert.Equal(2, publish.ExitCode);
        Assert.Contains($"is for commit {Head}, but the workflow run that triggered this one checked ffff", publish.Stderr, StringComparison.Ordinal);
        Assert.Empty(github.Server.Requests);
    }

    [Theory]
    [InlineData("unknown", "has an unknown property 'extra' in $")]
    [InlineData("gate", "has gate '../x', which is not a gate name")]
    [InlineData("verdict", "has a 'verdict' other than pass, warn, fail or error")]
    [InlineData("pull", "has a 'pull_request' that is not a positive whole number")]
    [InlineData("sha", "has a 'head_sha' that is not a 40- or 64-digit hexadecimal commit id")]
    [InlineData("annotations", "has 51 annotations; at most 50 are accepted")]
    [InlineData("json", "is not valid JSON")]
    public void Publish_rejects_a_tampered_report_file_naming_the_file_and_the_problem(string tamper, string expected)
    {
        AssertPublishRefuses(ReportDirectory.PublishFile, expected, tamper == "json" ? "{\"format\": 1," : null, json =>
        {
            switch (tamper)
            {
                case "unknown": json["extra"] = 1; break;
                case "gate": json["gate"] = "../x"; break;
                case "verdict": json["verdict"] = "PASS"; break;
                case "pull": json["pull_request"] = -3; break;
                case "sha": json["head_sha"] = "main"; break;
                case "annotations": json["annotations"] = new JsonArray([.. Enumerable.Range(0, 51).Select(_ => (JsonNode)new JsonObject { ["level"] = "error", ["message"] = "x" })]); break;
                default: break;
            }
        });
    }

    [Fact]
    public void Publish_rejects_an_oversized_report_body()
    {
        using var github = new GitHubGate(models);
        var folder = github.Runner.PathOf("artifact");
        Assert.Equal(0, github.CheckPassing("--report-dir", folder, "--comment", "false").ExitCode);
        File.WriteAllText(Path.Combine(folder, ReportDirectory.MarkdownFile), new string('x', (int)ReportDirectory.MaxMarkdownBytes + 1));

        var publish = github.Runner.Run("publish", "--report-dir", folder);

        Assert.Equal(2, publish.ExitCode);
        Assert.Contains("report.md' is 1048577 bytes; at most 1048576 are accepted", publish.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_that_cannot_evaluate_still_writes_an_error_report_that_publish_shows_without_commenting()
    {
        using var github = new GitHubGate(models);
        var folder = github.Runner.PathOf("artifact");
        var config = github.Gate.WriteText("broken.yml", "version: 1\nname: segments\nmodel:\n  path: missing.zip\n  colour: red\n");
        Assert.Equal(0, github.CheckPassing("--report-dir", folder, "--comment", "false").ExitCode); // an earlier run's report.json in the same folder

        var check = github.Runner.Run("check", "--config", config, "--report-dir", folder, "--comment", "false");
        github.Runner.SetEvent("workflow_run", ActionsRunner.WorkflowRunEvent(Head, "octo/models", "retrain", 7));
        var publish = github.Runner.Run("publish", "--report-dir", folder);

        Assert.Equal(2, check.ExitCode);
        Assert.True(publish.ExitCode == 0, publish.Stdout + publish.Stderr);
        Assert.Equal("error", github.Runner.Outputs()["verdict"]);
        Assert.Matches(@"(?m)^::error file=broken\.yml,line=\d+", publish.Stdout);
        Assert.False(File.Exists(Path.Combine(folder, ReportDirectory.JsonFile)));
        Assert.Empty(github.Comments);
        Assert.Equal(2, CountOf(github.Runner.Summary(), "ERROR"));
    }

    /// <summary>
    /// A passing check writes its report folder; <paramref name="tamper"/> edits one file of it, or
    /// <paramref name="replacement"/> replaces it as text; publish must then refuse with exit 2,
    /// naming the file and <paramref name="expected"/>, and call no API.
    /// </summary>
    private void AssertPublishRefuses(string file, string expected, string? replacement, Action<JsonObject> tamper)
    {
        using var github = new GitHubGate(models);
        var folder = github.Runner.PathOf("artifact");
        Assert.Equal(0, github.CheckPassing("--report-dir", folder, "--comment", "false").ExitCode);
        var path = Path.Combine(folder, file);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        tamper(json);
        File.WriteAllText(path, replacement ?? json.ToJsonString());
        github.Runner.SetEvent("workflow_run", ActionsRunner.WorkflowRunEvent(Head, "octo/models", "retrain", 7));

        var publish = github.Runner.Run("publish", "--report-dir", folder);

        Assert.Equal(2, publish.ExitCode);
        Assert.Contains($"report file '{path}' {expected}", publish.Stderr, StringComparison.Ordinal);
        Assert.Empty(github.Server.Requests);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
