using System.Reflection;
using Octokit;
using Octokit.Internal;

namespace NmiGate.Action.GitHub;

/// <summary>
/// An Octokit client bound to <c>GITHUB_API_URL</c> exactly as given. <c>new GitHubClient(product, uri)</c>
/// rewrites any host but github.com to <c>/api/v3/</c>, which breaks GHE.com and test servers;
/// building the <see cref="Connection"/> ourselves keeps the URL, and adds the rate-limit retries.
/// </summary>
internal sealed class GitHubApi : IDisposable
{
    private readonly HttpClientAdapter http;

    public GitHubApi(Uri apiUrl, string token, TimeSpan maxRateLimitWait, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(apiUrl);
        RetryHandler = new RateLimitRetryHandler(maxRateLimitWait, time ?? TimeProvider.System)
        {
            InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false },
        };
        var handler = RetryHandler;
        http = new HttpClientAdapter(() => handler);
        var version = typeof(GitHubApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        var connection = new Connection(
            new ProductHeaderValue("NmiGate", version.Split('+')[0]),
            apiUrl,
            new InMemoryCredentialStore(new Credentials(token)),
            http,
            new SimpleJsonSerializer());
        Client = new GitHubClient(connection);
    }

    public IGitHubClient Client { get; }

    public RateLimitRetryHandler RetryHandler { get; }

    public void Dispose() => http.Dispose();
}
