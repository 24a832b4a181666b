using System.Globalization;
using System.Net;

namespace NmiGate.Action.GitHub;

/// <summary>
/// Retries a request GitHub rate-limited (429, or 403 with <c>retry-after</c>, an exhausted
/// <c>x-ratelimit-remaining</c> or a secondary-limit message), waiting as GitHub asks, within a
/// bounded total wait. Past the bound the limited response goes back to the caller, who turns it
/// into a warning: a gate step must not hang on a comment.
/// </summary>
internal sealed class RateLimitRetryHandler(TimeSpan maxTotalWait, TimeProvider time) : DelegatingHandler
{
    /// <summary>GitHub's advice when a secondary limit gives no header: wait at least a minute.</summary>
    private static readonly TimeSpan SecondaryLimitWait = TimeSpan.FromMinutes(1);

    /// <summary>Total time spent waiting so far.</summary>
    public TimeSpan Waited { get; private set; }

    /// <summary>The wait GitHub asked for on the last limited response that was not retried, if any.</summary>
    public TimeSpan? GaveUpOn { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        while (true)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var wait = await RequestedWaitAsync(response, cancellationToken).ConfigureAwait(false);
            if (wait is null)
            {
                return response;
            }

            if (Waited + wait.Value > maxTotalWait)
            {
                GaveUpOn = wait;
                return response;
            }

            response.Dispose();
            await Task.Delay(wait.Value, time, cancellationToken).ConfigureAwait(false);
            Waited += wait.Value;
        }
    }

    /// <summary>How long GitHub asks us to wait, or null when the response is not a rate limit.</summary>
    private async Task<TimeSpan?> RequestedWaitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            var delta = retryAfter.Delta ?? (retryAfter.Date - now) ?? TimeSpan.Zero;
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (Header(response, "x-ratelimit-remaining") == "0"
            && long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
        {
            // The reset is whole epoch seconds; one more second avoids arriving just before it.
            var delta = DateTimeOffset.FromUnixTimeSeconds(reset) - now + TimeSpan.FromSeconds(1);
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return SecondaryLimitWait;
        }

        // A 403 is a rate limit only when GitHub says so; otherwise it is a permission problem.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Contains("rate limit", StringComparison.OrdinalIgnoreCase) ? SecondaryLimitWait : null;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
