using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NmiGate.Action.Tests.GitHub;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (port 0) that speaks the GitHub REST endpoints the
/// Action uses: <c>GET /user</c>, <c>GET pulls/N</c>, list issue comments with <c>Link</c>
/// pagination, create and update a comment. Scripted failures (403, 429, rate limits) are
/// served before the normal answer. Every request is recorded.
/// </summary>
internal sealed partial class LoopbackGitHub : IDisposable
{
    public const string Owner = "octo";
    public const string Repo = "models";
    public const string BotLogin = "github-actions[bot]";

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Lock gate = new();
    private readonly List<Failure> failures = [];
    private long nextId = 1000;

    public LoopbackGitHub(string basePath = "/api/v3")
    {
        BasePath = basePath;
        listener.Start();
        _ = Task.Run(AcceptLoopAsync);
    }

    public string BasePath { get; }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The API URL as the runner would give it (no trailing slash).</summary>
    public string ApiUrl => $"http://127.0.0.1:{Port}{BasePath}";

    /// <summary>The token's login for <c>GET /user</c>; null answers 403 like an installation token.</summary>
    public string? UserLogin { get; set; }

    /// <summary>The pull request's head, as <c>GET pulls/N</c> answers.</summary>
    public string PullHeadSha { get; set; } = new('a', 40);

    public string PullHeadRepository { get; set; } = $"{Owner}/{Repo}";

    public string PullHeadRef { get; set; } = "retrain";

    public List<Comment> Comments { get; } = [];

    public ConcurrentQueue<Request> Requests { get; } = new();

    public IEnumerable<Request> Matching(string method, string pathContains) =>
        Requests.Where(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.Ordinal));

    public Comment AddComment(int pullRequest, string login, string body)
    {
        lock (gate)
        {
            var comment = new Comment(nextId++, pullRequest, login, body);
            Comments.Add(comment);
            return comment;
        }
    }

    /// <summary>Answers the next <paramref name="times"/> requests whose method and path match with this response instead.</summary>
    public void Fail(string method, string pathContains, int status, string body, int times = 1, params (string Name, string Value)[] headers)
    {
        lock (gate)
        {
            failures.Add(new Failure(method, pathContains, status, body, headers) { Remaining = times });
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                int headerEnd;
                while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
                {
                    var read = await stream.ReadAsync(chunk, stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    buffer.AddRange(chunk.AsSpan(0, read));
                }

                var head = Encoding.ASCII.GetString([.. buffer.Take(headerEnd)]);
                var lines = head.Split("\r\n");
                var requestLine = lines[0].Split(' ');
                var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
                    .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
                var length = headers.TryGetValue("Content-Length", out var cl) ? int.Parse(cl, CultureInfo.InvariantCulture) : 0;
                buffer.RemoveRange(0, headerEnd + 4);
                while (buffer.Count < length)
                {
                    var read = await stream.ReadAsync(chunk, stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    buffer.AddRange(chunk.AsSpan(0, read));
                }

                var body = Encoding.UTF8.GetString([.. buffer.Take(length)]);
                buffer.RemoveRange(0, length);
                var request = new Request(requestLine[0], requestLine[1], headers, body);
                Requests.Enqueue(request);
                var response = Handle(request);
                var payload = Encoding.UTF8.GetBytes(response.Body);
                var text = new StringBuilder()
                    .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {((HttpStatusCode)response.Status)}\r\n")
                    .Append("Content-Type: application/json; charset=utf-8\r\n")
                    .Append(CultureInfo.InvariantCulture, $"Content-Length: {payload.Length}\r\n");
                foreach (var (name, value) in response.Headers)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
                }

                text.Append("\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()), stop.Token);
                await stream.WriteAsync(payload, stop.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client closed the connection, or the server is stopping.
        }
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private Response Handle(Request request)
    {
        lock (gate)
        {
            var failure = failures.FirstOrDefault(f => f.Remaining > 0 && f.Method == request.Method && request.Path.Contains(f.PathContains, StringComparison.Ordinal));
            if (failure is not null)
            {
                failure.Remaining--;
                return new Response(failure.Status, failure.Body, failure.Headers);
            }

            if (!request.Path.StartsWith(BasePath + "/", StringComparison.Ordinal))
            {
                return NotFound();
            }

            var path = request.Path[BasePath.Length..];
            var query = string.Empty;
            if (path.IndexOf('?', StringComparison.Ordinal) is var q and >= 0)
            {
                query = path[(q + 1)..];
                path = path[..q];
            }

            if (request.Method == "GET" && path == "/user")
            {
                return UserLogin is { } login
                    ? Json(200, new JsonObject { ["login"] = login, ["id"] = 7, ["type"] = "User" })
                    : new Response(403, """{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest/users/users#get-the-authenticated-user"}""", []);
            }

            if (PullPath().Match(path) is { Success: true } pull && request.Method == "GET")
            {
                var number = int.Parse(pull.Groups[1].Value, CultureInfo.InvariantCulture);
                return Json(200, new JsonObject
                {
                    ["number"] = number,
                    ["state"] = "open",
                    ["head"] = new JsonObject { ["sha"] = PullHeadSha, ["ref"] = PullHeadRef, ["repo"] = new JsonObject { ["full_name"] = PullHeadRepository } },
                    ["base"] = new JsonObject { ["sha"] = new string('b', 40), ["ref"] = "main", ["repo"] = new JsonObject { ["full_name"] = $"{Owner}/{Repo}" } },
                });
            }

            if (IssueCommentsPath().Match(path) is { Success: true } list)
            {
                var number = int.Parse(list.Groups[1].Value, CultureInfo.InvariantCulture);
                if (request.Method == "POST")
                {
                    var body = JsonNode.Parse(request.Body)!["body"]!.GetValue<string>();
                    var login = UserLogin ?? BotLogin;
                    return Json(201, ToJson(AddCommentLocked(number, login, body)));
                }

                var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty);
                var perPage = parameters.TryGetValue("per_page", out var pp) ? int.Parse(pp, CultureInfo.InvariantCulture) : 30;
                var page = parameters.TryGetValue("page", out var pg) ? int.Parse(pg, CultureInfo.InvariantCulture) : 1;
                var all = Comments.Where(c => c.PullRequest == number).ToList();
                var pages = Math.Max(1, (all.Count + perPage - 1) / perPage);
                var array = new JsonArray([.. all.Skip((page - 1) * perPage).Take(perPage).Select(c => (JsonNode)ToJson(c))]);
                var links = new List<string>();
                string PageUrl(int p) => $"<http://127.0.0.1:{Port}{BasePath}{path}?per_page={perPage}&page={p}>";
                if (page < pages)
                {
                    links.Add($"{PageUrl(page + 1)}; rel=\"next\"");
                    links.Add($"{PageUrl(pages)}; rel=\"last\"");
                }

                return new Response(200, array.ToJsonString(), links.Count > 0 ? [("Link", string.Join(", ", links))] : []);
            }

            if (CommentPath().Match(path) is { Success: true } one && request.Method == "PATCH")
            {
                var id = long.Parse(one.Groups[1].Value, CultureInfo.InvariantCulture);
                var index = Comments.FindIndex(c => c.Id == id);
                if (index < 0)
                {
                    return NotFound();
                }

                Comments[index] = Comments[index] with { Body = JsonNode.Parse(request.Body)!["body"]!.GetValue<string>() };
                return Json(200, ToJson(Comments[index]));
            }

            return NotFound();
        }
    }

    private Comment AddCommentLocked(int pullRequest, string login, string body)
    {
        var comment = new Comment(nextId++, pullRequest, login, body);
        Comments.Add(comment);
        return comment;
    }

    private static JsonObject ToJson(Comment c) => new()
    {
        ["id"] = c.Id,
        ["node_id"] = "IC_" + c.Id.ToString(CultureInfo.InvariantCulture),
        ["url"] = $"https://api.github.test/repos/{Owner}/{Repo}/issues/comments/{c.Id}",
        ["html_url"] = c.HtmlUrl,
        ["body"] = c.Body,
        ["user"] = new JsonObject { ["login"] = c.Login, ["id"] = 41898282, ["type"] = c.Login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User" },
        ["created_at"] = "2026-11-23T10:00:00Z",
        ["updated_at"] = "2026-11-23T10:00:00Z",
        ["author_association"] = "NONE",
    };

    private static Response Json(int status, JsonNode node) => new(status, node.ToJsonString(new JsonSerializerOptions { WriteIndented = false }), []);

    private static Response NotFound() => new(404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}""", []);

    [GeneratedRegex($@"^/repos/{Owner}/{Repo}/pulls/(\d+)$")]
    private static partial Regex PullPath();

    [GeneratedRegex($@"^/repos/{Owner}/{Repo}/issues/(\d+)/comments$")]
    private static partial Regex IssueCommentsPath();

    [GeneratedRegex($@"^/repos/{Owner}/{Repo}/issues/comments/(\d+)$")]
    private static partial Regex CommentPath();

    internal sealed record Comment(long Id, int PullRequest, string Login, string Body)
    {
        public string HtmlUrl => string.Create(CultureInfo.InvariantCulture, $"https://github.test/{Owner}/{Repo}/pull/{PullRequest}#issuecomment-{Id}");
    }

    internal sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    private sealed record Response(int Status, string Body, IReadOnlyList<(string Name, string Value)> Headers);

    private sealed record Failure(string Method, string PathContains, int Status, string Body, IReadOnlyList<(string Name, string Value)> Headers)
    {
        public int Remaining { get; set; }
    }
}
