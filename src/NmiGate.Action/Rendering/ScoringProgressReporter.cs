using System.Diagnostics;
using System.Globalization;
using NmiGate.Core.Scoring;

namespace NmiGate.Action.Rendering;

/// <summary>
/// Scoring progress on stderr: a self-overwriting line after two seconds, only when stderr is a
/// terminal (a CI log would fill with it); always a last line with rows and elapsed time.
/// </summary>
internal sealed class ScoringProgressReporter(TextWriter stderr, bool interactive) : IProgress<ScoringProgress>
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);
    private readonly Stopwatch sinceLastDraw = Stopwatch.StartNew();
    private bool drawn;

    /// <summary>A reporter for <paramref name="stderr"/>; interactive only for the real console's stderr when it is not redirected.</summary>
    public static ScoringProgressReporter For(TextWriter stderr) =>
        new(stderr, ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);

    public void Report(ScoringProgress value)
    {
        if (!interactive || value.Elapsed < Delay || (drawn && sinceLastDraw.ElapsedMilliseconds < 250))
        {
            return;
        }

        stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\rnmigate: scoring... {value.Rows:N0} rows, {value.Elapsed.TotalSeconds:0} s"));
        drawn = true;
        sinceLastDraw.Restart();
    }

    /// <summary>Ends the progress line and writes the final one.</summary>
    public void Finish(long rows, TimeSpan elapsed)
    {
        if (drawn)
        {
            stderr.Write('\r');
            stderr.Write(new string(' ', 60));
            stderr.Write('\r');
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nmigate: scored {rows} rows in {elapsed.TotalSeconds:0.00} s"));
    }
}
