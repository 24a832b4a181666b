using System.Diagnostics;
using NmiGate.Action.Tests.Support;

namespace NmiGate.Action.Tests;

/// <summary>
/// <c>check</c>'s text output when stdout is a real terminal: the built program runs under a
/// pseudo-terminal (util-linux <c>script</c>), so <see cref="Console.IsOutputRedirected"/> is false.
/// Redirected output (every other test) keeps the plain text.
/// </summary>
[Collection(TrainedModelsGroup.Name)]
public sealed class TerminalOutputTests(TrainedModels models)
{
    private static string ProgramPath => Path.Combine(AppContext.BaseDirectory, "nmigate.dll");

    [Fact]
    public void Check_on_a_terminal_prints_the_compact_colored_report_and_honours_no_color()
    {
        using var gate = new GateWorkspace(models.ThreeClusters, models.DataPath, "  nmi: { fail-below: 0.95 }\n");
        Assert.Equal(0, gate.Run("register").ExitCode);
        string[] args = ["check", "--config", gate.ConfigPath, "--model", models.SixClusters];

        var colored = RunOnTerminal(args, noColor: false);
        var plain = RunOnTerminal(args, noColor: true);
        var redirected = gate.Run("check", "--model", models.SixClusters);

        Assert.True(colored.ExitCode == 1, colored.Output);
        Assert.Contains("\u001b[31m\u001b[1mFAIL\u001b[0m gate segments · nmi (arithmetic) 0.", colored.Output, StringComparison.Ordinal);
        Assert.Contains("Gate 'segments' FAIL: 1 of 1 rules failed against reference v1", colored.Output, StringComparison.Ordinal);
        Assert.Equal(1, plain.ExitCode);
        // No colour (SGR) sequences; the runtime's own terminal set-up (keypad mode) may still appear.
        Assert.DoesNotMatch(@"\u001b\[[0-9;]*m", plain.Output);
        Assert.Matches(@"(?m)^FAIL gate segments · nmi \(arithmetic\) 0\.\d{4} < fail-below 0\.9500 · reference v1\r?$", plain.Output);
        Assert.Matches(@"(?m)^Moved [\d,]+ of [\d,]+ rows", plain.Output);
        // Redirected: today's plain text, unchanged.
        Assert.StartsWith("Gate 'segments': ", redirected.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Moved ", redirected.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Runs the built program with stdout and stderr on a pseudo-terminal; returns what the terminal showed.</summary>
    private static (int ExitCode, string Output) RunOnTerminal(string[] args, bool noColor)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var command = string.Join(' ', new[] { dotnet, ProgramPath }.Concat(args).Select(Quote));
        var start = new ProcessStartInfo("script")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -q: no banner; -e: the child's exit code; -c: the command; /dev/null: no typescript file.
        foreach (var arg in new[] { "-qec", command, "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TERM"] = "xterm";
        start.Environment.Remove("NO_COLOR");
        start.Environment.Remove("GITHUB_ACTIONS");
        start.Environment.Remove("NMIGATE_DEBUG");
        if (noColor)
        {
            start.Environment["NO_COLOR"] = "1";
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start script.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("nmigate did not exit within two minutes.");
        }

        return (process.ExitCode, stdout.Result.Replace("\r\n", "\n", StringComparison.Ordinal) + stderr.Result);
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
