using System.Diagnostics;
using NmiGate.TestUtilities;

namespace NmiGate.Action.Tests;

/// <summary>Runs the built <c>nmigate.dll</c> as a child process: the real entry point and exit codes, end to end.</summary>
public sealed class BuiltProgramTests
{
    private static string ProgramPath => Path.Combine(AppContext.BaseDirectory, "nmigate.dll");

    [Fact]
    public void Built_program_exits_0_on_the_examples()
    {
        var (exitCode, stdout, stderr) = RunProgram(
            "compare",
            Path.Combine(RepositoryPaths.Root, "examples", "partitions", "reference.csv"),
            Path.Combine(RepositoryPaths.Root, "examples", "partitions", "candidate.csv"),
            "--format",
            "json");

        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        Assert.Contains("\"nmi_arithmetic\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Built_program_exits_2_on_a_missing_file()
    {
        using var temp = new TempWorkspace();
        var missing = Path.Combine(temp.Root, "missing.csv");

        var (exitCode, stdout, stderr) = RunProgram("compare", missing, missing);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith($"nmigate: error: {missing}: no such file", stderr, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Stdout, string Stderr) RunProgram(params string[] args)
    {
        // The SDK sets DOTNET_HOST_PATH for test runs; fall back to dotnet on the PATH.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ProgramPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("NMIGATE_DEBUG");
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("nmigate did not exit within a minute.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
