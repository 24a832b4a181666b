using System.Diagnostics;
using System.Globalization;
using NmiGate.Benchmarks.Baselines;
using NmiGate.Core.Configuration;
using NmiGate.Core.Gating;

namespace NmiGate.Benchmarks;

/// <summary>
/// Benchmark 4's memory half: BenchmarkDotNet's MemoryDiagnoser counts allocated bytes, not the
/// peak resident set, so each side runs alone in a fresh child process (this program, started with
/// <see cref="ChildArgument"/>), which prints its peak resident set (<c>VmHWM</c> from
/// <c>/proc/self/status</c>) when done. The sides alternate, baseline first, so machine load
/// drifts over both alike; the report gives each side's median and the ratio of medians.
/// </summary>
internal static class PeakMemory
{
    /// <summary>The mode's argument: <c>dotnet run -c Release --project benchmarks/NmiGate.Benchmarks -- peak-memory [runs]</c>.</summary>
    public const string Argument = "peak-memory";

    /// <summary>The internal argument that makes the program one measured child: <c>peak-memory-child baseline|gate</c>.</summary>
    public const string ChildArgument = "peak-memory-child";

    private const string BaselineSide = "baseline";
    private const string GateSide = "gate";
    private const string ResultPrefix = "// PeakMemory ";

    public static int Run(IReadOnlyList<string> args)
    {
        var runs = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        CheckWorkspace.EnsureCreated();
        var peaks = new Dictionary<string, List<Measurement>>(StringComparer.Ordinal) { [BaselineSide] = [], [GateSide] = [] };
        Console.WriteLine($"// {runs} runs per side, alternating, one fresh process each; load average at start: {LoadAverage()}");
        for (var run = 1; run <= runs; run++)
        {
            foreach (var side in new[] { BaselineSide, GateSide })
            {
                var measurement = RunChild(side);
                peaks[side].Add(measurement);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// run {run} {side,-8}: peak RSS {measurement.PeakBytes / 1048576.0,8:F1} MiB, wall {measurement.Wall.TotalSeconds,6:F2} s"));
            }
        }

        var baseline = Median(peaks[BaselineSide], m => m.PeakBytes);
        var gate = Median(peaks[GateSide], m => m.PeakBytes);
        var baselineWall = Median(peaks[BaselineSide], m => m.Wall.TotalSeconds);
        var gateWall = Median(peaks[GateSide], m => m.Wall.TotalSeconds);
        Console.WriteLine();
        Console.WriteLine("| side | median peak RSS | median wall (process) |");
        Console.WriteLine("| --- | --- | --- |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ML.NET scoring alone | {baseline / 1048576.0:F1} MiB | {baselineWall:F2} s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| GateCheck.Run | {gate / 1048576.0:F1} MiB | {gateWall:F2} s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ratio | {gate / baseline:F2}× | {gateWall / baselineWall:F2}× |"));
        Console.WriteLine($"// load average at end: {LoadAverage()}");
        return 0;
    }

    /// <summary>One measured side, in this process; prints the peak resident set for the parent.</summary>
    public static int RunChild(IReadOnlyList<string> args)
    {
        var side = args.Count > 1 ? args[1] : "";
        switch (side)
        {
            case BaselineSide:
                MlNetScoreOnly.Run(CheckWorkspace.ModelPath, CheckWorkspace.DataPath, out _);
                break;
            case GateSide:
                GateCheck.Run(GateConfiguration.Load(CheckWorkspace.ConfigPath));
                break;
            default:
                Console.Error.WriteLine($"Unknown side '{side}': expected {BaselineSide} or {GateSide}.");
                return 2;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ResultPrefix}{PeakResidentBytes()}"));

        // For reading a run by hand (the parent ignores it): what the GC did, and this process's CPU time.
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// {side}: GCs gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pauses {GC.GetTotalPauseDuration().TotalSeconds:F3} s, CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F2} s, allocated {GC.GetTotalAllocatedBytes() / 1048576.0:F0} MiB"));
        return 0;
    }

    private static Measurement RunChild(string side)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // The same executable (apphost, or dotnet with this assembly) in a fresh process.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PeakMemory).Assembly.Location);
        }

        start.ArgumentList.Add(ChildArgument);
        start.ArgumentList.Add(side);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The {side} child failed (exit {process.ExitCode}): {output}");
        }

        return new Measurement(long.Parse(line[ResultPrefix.Length..].Trim(), CultureInfo.InvariantCulture), clock.Elapsed);
    }

    /// <summary>VmHWM, the peak resident set of this process, from Linux's /proc/self/status (in kB).</summary>
    private static long PeakResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new PlatformNotSupportedException("/proc/self/status has no VmHWM line: the peak-memory mode needs Linux.");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Median(List<Measurement> measurements, Func<Measurement, double> value)
    {
        var sorted = measurements.Select(value).Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private readonly record struct Measurement(long PeakBytes, TimeSpan Wall);
}
