using System.Text.Json;
using NmiGate.Action.GitHub;

namespace NmiGate.Action.Tests.GitHub;

/// <summary>Event payloads (trimmed copies of GitHub's shapes) read into a <see cref="GitHubEvent"/>.</summary>
public sealed class GitHubEventReaderTests
{
    private static readonly string Head = new('a', 40);

    [Theory]
    [InlineData("pull_request")]
    [InlineData("pull_request_target")]
    public void A_pull_request_event_gives_the_number_and_head_and_tells_a_fork(string name)
    {
        var same = Parse(name, ActionsRunner.PullRequestEvent(12, Head));
        var fork = Parse(name, ActionsRunner.PullRequestEvent(13, Head, "someone/models"));

        Assert.Equal(new GitHubEvent(name, 12, Head, "octo/models", "retrain", "octo/models"), same);
        Assert.False(same.IsFork);
        Assert.Equal(13, fork.PullRequestNumber);
        Assert.True(fork.IsFork);
    }

    [Fact]
    public void A_push_event_gives_the_pushed_commit_and_no_pull_request()
    {
        var push = Parse("push", JsonDocument.Parse($$$"""{"ref":"refs/heads/main","after":"{{{Head}}}","repository":{"full_name":"octo/models"}}""").RootElement);

        Assert.Equal(new GitHubEvent("push", null, Head, "octo/models", "main", "octo/models"), push);
    }

    [Fact]
    public void A_workflow_run_event_gives_its_head_and_its_first_listed_pull_request()
    {
        var sameRepository = Parse("workflow_run", ActionsRunner.WorkflowRunEvent(Head, "octo/models", "retrain", 21, 22));
        var fromFork = Parse("workflow_run", ActionsRunner.WorkflowRunEvent(Head, "someone/models", "patch-1"));

        Assert.Equal(new GitHubEvent("workflow_run", 21, Head, "octo/models", "retrain", "octo/models"), sameRepository);
        Assert.Null(fromFork.PullRequestNumber);
        Assert.True(fromFork.IsFork);
        Assert.Equal("patch-1", fromFork.HeadBranch);
    }

    [Fact]
    public void Another_event_or_no_payload_has_no_pull_request()
    {
        Assert.Null(Parse("schedule", JsonDocument.Parse("""{"schedule":"0 0 * * *"}""").RootElement).PullRequestNumber);
        Assert.Equal(GitHubEvent.None("workflow_dispatch"), GitHubEventReader.Read("workflow_dispatch", null));
    }

    [Fact]
    public void An_unreadable_payload_is_an_error_naming_the_file()
    {
        using var workspace = new NmiGate.TestUtilities.TempWorkspace("event");
        var path = workspace.WriteText("event.json", "{ not json");

        var error = Assert.Throws<GitHubHostException>(() => GitHubEventReader.Read("pull_request", path));

        Assert.Contains($"GITHUB_EVENT_PATH '{path}' could not be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_url_keeps_its_path_and_gains_a_trailing_slash()
    {
        var ghes = GitHubContext.From(HostEnvironment.Of(new Dictionary<string, string> { ["GITHUB_API_URL"] = "https://ghes.example.com/api/v3" }));
        var ghec = GitHubContext.From(HostEnvironment.Of(new Dictionary<string, string> { ["GITHUB_API_URL"] = "https://api.acme.ghe.com" }));
        var none = GitHubContext.From(HostEnvironment.Of(new Dictionary<string, string>()));

        Assert.Equal("https://ghes.example.com/api/v3/", ghes.ApiUrl.AbsoluteUri);
        Assert.Equal("https://api.acme.ghe.com/", ghec.ApiUrl.AbsoluteUri);
        Assert.Equal("https://api.github.com/", none.ApiUrl.AbsoluteUri);
        Assert.Throws<GitHubHostException>(() => GitHubContext.From(HostEnvironment.Of(new Dictionary<string, string> { ["GITHUB_API_URL"] = "ftp://x" })));
    }

    private static GitHubEvent Parse(string name, System.Text.Json.Nodes.JsonObject payload) =>
        Parse(name, JsonDocument.Parse(payload.ToJsonString()).RootElement);

    private static GitHubEvent Parse(string name, JsonElement payload) => GitHubEventReader.Parse(name, payload);
}
