using System.Text.Json.Nodes;
using NmiGate.Action.GitHub;
using NmiGate.Action.Tests.Support;
using NmiGate.TestUtilities;

namespace NmiGate.Action.Tests.GitHub;

/// <summary>
/// A simulated Actions step: the <c>GITHUB_*</c> variables a runner sets (event payload, output
/// and summary files, the loopback API), passed to <see cref="Program.RunWithEnvironment"/>.
/// </summary>
internal sealed class ActionsRunner : IDisposable
{
    /// <summary>A token shaped like an installation token; it must never be printed.</summary>
    public const string Token = "ghs_NmiGateSecretToken0123456789abcdefXYZ";

    public const int PullRequest = 7;

    private readonly TempWorkspace files = new("actions");

    public ActionsRunner(LoopbackGitHub server, string workspace)
    {
        OutputPath = files.WriteText("github_output", string.Empty);
        SummaryPath = files.WriteText("step_summary", string.Empty);
        Variables = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = $"{LoopbackGitHub.Owner}/{LoopbackGitHub.Repo}",
            ["GITHUB_API_URL"] = server.ApiUrl,
            ["GITHUB_SHA"] = new string('c', 40),
            ["GITHUB_OUTPUT"] = OutputPath,
            ["GITHUB_STEP_SUMMARY"] = SummaryPath,
            ["GITHUB_WORKSPACE"] = workspace,
            ["GITHUB_TOKEN"] = Token,
            ["RUNNER_TEMP"] = files.PathOf("runner-temp"),
        };
        SetEvent("pull_request", PullRequestEvent(PullRequest, server.PullHeadSha));
    }

    public Dictionary<string, string> Variables { get; }

    public string OutputPath { get; }

    public string SummaryPath { get; }

    public string PathOf(string relative) => files.PathOf(relative);

    public void SetEvent(string name, JsonObject payload)
    {
        Variables["GITHUB_EVENT_NAME"] = name;
        Variables["GITHUB_EVENT_PATH"] = files.WriteText($"event-{name}.json", payload.ToJsonString());
    }

    public static JsonObject PullRequestEvent(int number, string headSha, string headRepository = $"{LoopbackGitHub.Owner}/{LoopbackGitHub.Repo}") => new()
    {
        ["action"] = "synchronize",
        ["number"] = number,
        ["pull_request"] = new JsonObject
        {
            ["number"] = number,
            ["head"] = new JsonObject { ["sha"] = headSha, ["ref"] = "retrain", ["repo"] = new JsonObject { ["full_name"] = headRepository } },
            ["base"] = new JsonObject { ["sha"] = new string('b', 40), ["ref"] = "main", ["repo"] = new JsonObject { ["full_name"] = $"{LoopbackGitHub.Owner}/{LoopbackGitHub.Repo}" } },
        },
        ["repository"] = new JsonObject { ["full_name"] = $"{LoopbackGitHub.Owner}/{LoopbackGitHub.Repo}" },
    };

    public static JsonObject WorkflowRunEvent(string headSha, string headRepository, string headBranch, params int[] pullRequests) => new()
    {
        ["action"] = "completed",
        ["workflow_run"] = new JsonObject
        {
            ["id"] = 99,
            ["head_sha"] = headSha,
            ["head_branch"] = headBranch,
            ["head_repository"] = new JsonObject { ["full_name"] = headRepository },
            ["repository"] = new JsonObject { ["full_name"] = $"{LoopbackGitHub.Owner}/{LoopbackGitHub.Repo}" },
            ["pull_requests"] = new JsonArray([.. pullRequests.Select(n => (JsonNode)new JsonObject { ["number"] = n })]),
        },
        ["repository"] = new JsonObject { ["full_name"] = $"{LoopbackGitHub.Owner}/{LoopbackGitHub.Repo}" },
    };

    public NmigateRun Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Program.RunWithEnvironment(args, stdout, stderr, HostEnvironment.Of(Variables));
        return new NmigateRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The outputs written so far, parsed the way the runner parses <c>GITHUB_OUTPUT</c> (the last value of a name wins).</summary>
    public IReadOnlyDictionary<string, string> Outputs() => OutputFile.Parse(File.ReadAllText(OutputPath));

    public string Summary() => File.ReadAllText(SummaryPath);

    public void Dispose() => files.Dispose();
}
