using System.Text.Json;

namespace NmiGate.Action.GitHub;

/// <summary>Reads the event payload at <c>GITHUB_EVENT_PATH</c> into a <see cref="GitHubEvent"/>.</summary>
internal static class GitHubEventReader
{
    /// <exception cref="GitHubHostException">The payload is missing or is not JSON.</exception>
    public static GitHubEvent Read(string? eventName, string? eventPath)
    {
        if (eventPath is null)
        {
            return GitHubEvent.None(eventName);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(eventPath));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new GitHubHostException($"GITHUB_EVENT_PATH '{eventPath}' could not be read as an event payload: {exception.Message}", exception);
        }

        using (document)
        {
            return Parse(eventName ?? "unknown", document.RootElement);
        }
    }

    public static GitHubEvent Parse(string eventName, JsonElement root)
    {
        var baseRepository = String(root, "repository", "full_name");
        switch (eventName)
        {
            case "pull_request":
            case "pull_request_target":
            case "pull_request_review":
            case "pull_request_review_comment":
                {
                    var pr = Child(root, "pull_request");
                    return new GitHubEvent(
                        eventName,
                        Int(pr, "number") ?? Int(root, "number"),
                        String(pr, "head", "sha"),
                        String(pr, "head", "repo", "full_name"),
                        String(pr, "head", "ref"),
                        String(pr, "base", "repo", "full_name") ?? baseRepository);
                }

            case "workflow_run":
                {
                    var run = Child(root, "workflow_run");
                    // GitHub lists the run's pull requests only when the head is in the base repository
                    // (never for forks); the publish command verifies a report's PR number against it or the API.
                    int? number = null;
                    if (Child(run, "pull_requests") is { ValueKind: JsonValueKind.Array } prs && prs.GetArrayLength() > 0)
                    {
                        number = Int(prs[0], "number");
                    }

                    return new GitHubEvent(
                        eventName,
                        number,
                        String(run, "head_sha"),
                        String(run, "head_repository", "full_name"),
                        String(run, "head_branch"),
                        String(run, "repository", "full_name") ?? baseRepository);
                }

            case "push":
                return new GitHubEvent(eventName, null, String(root, "after"), baseRepository, RefName(String(root, "ref")), baseRepository);

            default:
                return new GitHubEvent(eventName, null, null, null, null, baseRepository);
        }
    }

    private static string? RefName(string? gitRef) => gitRef is null ? null
        : gitRef.StartsWith("refs/heads/", StringComparison.Ordinal) ? gitRef["refs/heads/".Length..] : gitRef;

    private static JsonElement? Child(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var child) ? child : null;

    private static string? String(JsonElement? element, params string[] path)
    {
        foreach (var name in path)
        {
            element = Child(element, name);
        }

        return element is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;
    }

    private static int? Int(JsonElement? element, string name) =>
        Child(element, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var value) ? value : null;
}
