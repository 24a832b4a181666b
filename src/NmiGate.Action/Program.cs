using System.CommandLine;
using System.CommandLine.Parsing;
using NmiGate.Action.Commands;
using NmiGate.Action.GitHub;
using NmiGate.Core;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Action;

/// <summary>The <c>nmigate</c> entry point: builds the command tree, runs one command, maps the outcome to an <see cref="ExitCode"/>.</summary>
internal static class Program
{
    /// <summary>Set to 1 to print the stack trace of an unexpected error.</summary>
    internal const string DebugVariable = "NMIGATE_DEBUG";

    public static int Main(string[] args) => RunWithEnvironment(args, Console.Out, Console.Error, HostEnvironment.Process);

    /// <summary>
    /// Runs <c>nmigate</c> in-process with the given output streams; returns the exit code. It sees
    /// no <c>GITHUB_*</c> variables, so a test suite that itself runs on GitHub Actions never
    /// writes to the real job's outputs or comments with its token.
    /// </summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunWithEnvironment(args, stdout, stderr, HostEnvironment.Of(new Dictionary<string, string>()));

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, reading <c>GITHUB_*</c> variables from <paramref name="environment"/>.</summary>
    internal static int RunWithEnvironment(string[] args, TextWriter stdout, TextWriter stderr, HostEnvironment environment)
    {
        try
        {
            var parseResult = CreateRootCommand(environment).Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                // System.CommandLine would exit 1, which means "gate failed"; a usage error is "could not evaluate".
                foreach (var error in parseResult.Errors)
                {
                    var message = string.Join(' ', error.Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    stderr.WriteLine($"nmigate: error: {message}");
                }

                stderr.WriteLine($"Run '{CommandPath(parseResult.CommandResult)} --help' for usage.");
                return (int)ExitCode.CouldNotEvaluate;
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (NmiGateException exception)
        {
            // Coded lines are already in the compiler shape; an input error (no code) keeps the CLI's prefix.
            var prefix = exception is NmiGateInputException ? "nmigate: error: " : string.Empty;
            foreach (var line in exception.FormatLines())
            {
                stderr.WriteLine(prefix + line);
            }

            return (int)ExitCode.CouldNotEvaluate;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("nmigate: error: cancelled before the gate was evaluated.");
            return (int)ExitCode.CouldNotEvaluate;
        }
#pragma warning disable CA1031 // Any other exception is a bug; it must still end in one clear line and exit code 2, never a pass.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"nmigate: error: unexpected {exception.GetType().Name}: {exception.Message} "
                + $"This is a bug in nmigate; please report it (set {DebugVariable}=1 for the stack trace).");
            if (Environment.GetEnvironmentVariable(DebugVariable) == "1")
            {
                stderr.WriteLine(exception.ToString());
            }

            return (int)ExitCode.CouldNotEvaluate;
        }
    }

    /// <summary>The command as typed, e.g. <c>nmigate compare</c>.</summary>
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (var current = result; current is not null; current = current.Parent as CommandResult)
        {
            names.Add(current.Command is RootCommand ? "nmigate" : current.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>The command tree; each command lives in <c>Commands/</c>.</summary>
    internal static RootCommand CreateRootCommand(HostEnvironment? environment = null) => new("nmigate: a CI gate for ML.NET clustering models.")
    {
        CheckCommand.Create(environment),
        PublishCommand.Create(environment ?? HostEnvironment.Process),
        RegisterCommand.Create(),
        RegistryCommand.Create(),
        CompareCommand.Create(),
        CompareCountsCommand.Create(),
    };
}
