using NmiGate.Action.Tests.Support;

namespace NmiGate.Action.Tests.GitHub;

/// <summary>The sticky PR comment, driven through <c>nmigate check</c> and the real Octokit client against a loopback GitHub.</summary>
[Collection(TrainedModelsGroup.Name)]
public sealed class StickyCommentTests(TrainedModels models)
{
    private const string Marker = "<!-- nmigate:segments -->";

    [Fact]
    public void First_run_creates_one_comment_with_the_marker_as_the_actions_bot()
    {
        using var github = new GitHubGate(models);

        var run = github.CheckPassing();

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var comment = Assert.Single(github.Comments);
        Assert.Equal(LoopbackGitHub.BotLogin, comment.Login);
        Assert.StartsWith(Marker + "\n", comment.Body, StringComparison.Ordinal);
        Assert.Contains("Gate 'segments' PASS", comment.Body, StringComparison.Ordinal);
        Assert.Contains("<!-- nmigate-verdict:pass -->", comment.Body, StringComparison.Ordinal);
        Assert.Equal(comment.HtmlUrl, github.Runner.Outputs()["comment-url"]);
        Assert.Contains($"nmigate: PR comment created: {comment.HtmlUrl}", run.Stderr, StringComparison.Ordinal);
        // GITHUB_API_URL is used as given: every request went under /api/v3/, none was rewritten.
        Assert.All(github.Server.Requests, r => Assert.StartsWith("/api/v3/", r.Path, StringComparison.Ordinal));
        Assert.Contains(github.Server.Requests, r => r.Method == "GET" && r.Path.Contains("/issues/7/comments?", StringComparison.Ordinal) && r.Path.Contains("per_page=100", StringComparison.Ordinal));
    }

    [Fact]
    public void An_api_url_with_its_own_path_is_not_rewritten_to_api_v3()
    {
        using var github = new GitHubGate(models, basePath: "/enterprise/rest");

        var run = github.CheckPassing();

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Single(github.Comments);
        Assert.NotEmpty(github.Server.Requests);
        Assert.All(github.Server.Requests, r => Assert.StartsWith("/enterprise/rest/repos/", r.Path.Replace("/enterprise/rest/user", "/enterprise/rest/repos/", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public void Second_run_with_a_new_result_updates_the_same_comment_in_place()
    {
        using var github = new GitHubGate(models);
        Assert.Equal(0, github.CheckPassing().ExitCode);
        var first = Assert.Single(github.Comments);

        var run = github.CheckFailing();

        Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
        var sticky = github.Comments.Single(c => c.Body.Contains(Marker, StringComparison.Ordinal));
        Assert.Equal(first.Id, sticky.Id);
        Assert.Contains("Gate 'segments' FAIL", sticky.Body, StringComparison.Ordinal);
        Assert.Single(github.Server.Matching("PATCH", $"/issues/comments/{first.Id}"));
        Assert.Equal(sticky.HtmlUrl, github.Runner.Outputs()["comment-url"]);
    }

    [Fact]
    public void An_unchanged_body_is_not_sent_again()
    {
        using var github = new GitHubGate(models);
        Assert.Equal(0, github.CheckPassing().ExitCode);

        var run = github.CheckPassing();

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Single(github.Comments);
        Assert.Single(github.Server.Matching("POST", "/comments"));
        Assert.Empty(github.Server.Matching("PATCH", "/comments"));
        Assert.Contains("nmigate: PR comment unchanged:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_marker_on_page_3_of_250_comments_is_found_and_updated()
    {
        using var github = new GitHubGate(models);
        LoopbackGitHub.Comment? ours = null;
        for (var i = 0; i < 250; i++)
        {
            var comment = i == 230
                ? github.Server.AddComment(ActionsRunner.PullRequest, LoopbackGitHub.BotLogin, Marker + "\nan old report\n<!-- nmigate-verdict:fail -->")
                : github.Server.AddComment(ActionsRunner.PullRequest, i % 2 == 0 ? "alice" : LoopbackGitHub.BotLogin, $"review note {i}");
            ours ??= i == 230 ? comment : null;
        }

        var run = github.CheckPassing();

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(250, github.Comments.Count);
        Assert.Empty(github.Server.Matching("POST", "/comments"));
        Assert.Single(github.Server.Matching("PATCH", $"/issues/comments/{ours!.Id}"));
        Assert.Contains("Gate 'segments' PASS", github.Comments.Single(c => c.Id == ours.Id).Body, StringComparison.Ordinal);
        var pages = github.Server.Matching("GET", "/issues/7/comments").Select(r => r.Path).ToList();
        Assert.Equal(3, pages.Count);
        Assert.Contains(pages, p => p.Contains("page=3", StringComparison.Ordinal));
        Assert.All(pages, p => Assert.Contains("per_page=100", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Another_authors_comment_with_the_same_marker_is_not_touched()
    {
        using var github = new GitHubGate(models);
        var mallory = github.Server.AddComment(ActionsRunner.PullRequest, "mallory", Marker + "\nquoted or forged report");

        var run = github.CheckPassing();

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(2, github.Comments.Count);
        Assert.Equal(Marker + "\nquoted or forged report", github.Comments.Single(c => c.Id == mallory.Id).Body);
        Assert.Empty(github.Server.Matching("PATCH", "/comments"));
        Assert.Equal(LoopbackGitHub.BotLogin, github.Comments.Single(c => c.Id != mallory.Id).Login);
    }

    [Fact]
    public void With_a_personal_token_the_author_is_the_tokens_login()
    {
        using var github = new GitHubGate(models);
        github.Server.UserLogin = "release-bot";
        var botComment = github.Server.AddComment(ActionsRunner.PullRequest, LoopbackGitHub.BotLogin, Marker + "\nfrom the default token");
        Assert.Equal(0, github.CheckPassing().ExitCode);

        Assert.Equal(2, github.Comments.Count);
        Assert.Equal(Marker + "\nfrom the default token", github.Comments.Single(c => c.Id == botComment.Id).Body);
        Assert.Equal("release-bot", github.Comments.Single(c => c.Id != botComment.Id).Login);
    }

    [Fact]
    public void Two_gates_in_one_pull_request_keep_one_comment_each()
    {
        using var github = new GitHubGate(models);
        var other = github.Server.AddComment(ActionsRunner.PullRequest, LoopbackGitHub.BotLogin, "<!-- nmigate:fraud-patterns -->\nthe other gate\n<!-- nmigate-verdict:pass -->");

        Assert.Equal(0, github.CheckPassing().ExitCode);

        Assert.Equal(2, github.Comments.Count);
        Assert.Equal("<!-- nmigate:fraud-patterns -->\nthe other gate\n<!-- nmigate-verdict:pass -->", github.Comments.Single(c => c.Id == other.Id).Body);
    }

    [Fact]
    public void A_flip_from_pass_to_fail_posts_a_short_notice_linking_to_the_sticky_comment()
    {
        using var github = new GitHubGate(models);
        Assert.Equal(0, github.CheckPassing().ExitCode);
        var sticky = Assert.Single(github.Comments);

        var run = github.CheckFailing();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(2, github.Comments.Count);
        var notice = github.Comments.Single(c => c.Id != sticky.Id);
        Assert.Contains("now **fails**", notice.Body, StringComparison.Ordinal);
        Assert.Contains(sticky.HtmlUrl, notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, notice.Body, StringComparison.Ordinal);

        // Failing again is no flip: no further notice.
        Assert.Equal(1, github.CheckFailing().ExitCode);
        Assert.Equal(2, github.Comments.Count);
    }

    [Fact]
    public void A_read_only_token_403_becomes_a_warning_with_the_permission_fix_and_the_exit_code_stays_the_gates()
    {
        using var github = new GitHubGate(models);
        github.Server.Fail("POST", "/issues/7/comments", 403, """{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest/issues/comments#create-an-issue-comment","status":"403"}""");

        var run = github.CheckFailing();

        Assert.True(run.ExitCode == 1, run.Stdout + run.Stderr);
        Assert.Empty(github.Comments);
        Assert.Contains("::warning title=NmiGate PR comment::The token may not comment on pull request #7 in octo/models (403: Resource not accessible by integration).", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("permissions: { pull-requests: write, contents: read }", run.Stdout, StringComparison.Ordinal);
        var outputs = github.Runner.Outputs();
        Assert.Equal("fail", outputs["verdict"]);
        Assert.Equal(string.Empty, outputs["comment-url"]);
    }

    [Fact]
    public void A_404_becomes_a_warning_and_a_passing_gate_still_exits_0()
    {
        using var github = new GitHubGate(models);
        github.Server.Fail("GET", "/pulls/7", 404, """{"message":"Not Found"}""");

        var run = github.CheckPassing();

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("::warning title=NmiGate PR comment::GitHub answered 404 for pull request #7 in octo/models", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("pass", github.Runner.Outputs()["verdict"]);
    }

    [Fact]
    public void The_token_appears_in_no_output_log_summary_or_warning()
    {
        using var github = new GitHubGate(models);
        github.Server.Fail("POST", "/issues/7/comments", 403, $$"""{"message":"Bad credentials for {{ActionsRunner.Token}}"}""");

        var denied = github.CheckFailing();
        var created = github.CheckFailing();
        var updated = github.CheckPassing();

        // The token did reach GitHub, so the check below is about printing, not about never using it.
        Assert.Contains(github.Server.Requests, r => r.Headers.TryGetValue("Authorization", out var auth) && auth.EndsWith(ActionsRunner.Token, StringComparison.Ordinal));
        Assert.Contains("Bad credentials for ***", denied.Stdout, StringComparison.Ordinal);
        foreach (var text in new[] { denied.Stdout, denied.Stderr, created.Stdout, created.Stderr, updated.Stdout, updated.Stderr, File.ReadAllText(github.Runner.OutputPath), github.Runner.Summary() })
        {
            Assert.DoesNotContain(ActionsRunner.Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain("NmiGateSecretToken", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_pull_request_head_that_moved_on_gives_a_warning_naming_both_commits()
    {
        using var github = new GitHubGate(models);
        github.Server.PullHeadSha = new string('d', 40);

        var run = github.CheckPassing();

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("This report is for commit aaaaaaaaaaaa, but pull request #7's head is now dddddddddddd", run.Stdout, StringComparison.Ordinal);
        Assert.Single(github.Comments);
    }

    [Fact]
    public void Comment_false_posts_nothing_but_still_writes_outputs_and_summary()
    {
        using var github = new GitHubGate(models);

        var run = github.CheckPassing("--comment", "false");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Empty(github.Server.Requests);
        Assert.Equal("pass", github.Runner.Outputs()["verdict"]);
        Assert.Contains("Gate 'segments' PASS", github.Runner.Summary(), StringComparison.Ordinal);
    }
}
