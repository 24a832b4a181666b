using System.CommandLine;
using NmiGate.Action.Rendering;
using NmiGate.Core;
using NmiGate.Core.Registry;

namespace NmiGate.Action.Commands;

/// <summary><c>nmigate register</c>: write the next reference version, scored from the model or read from a labels file.</summary>
internal static class RegisterCommand
{
    public static Command Create()
    {
        var gate = GateOptionsArguments.ForScoring(withReferenceVersion: false);
        var labels = new Option<string?>("--labels")
        {
            Description = "Register this partition file (id,cluster; e.g. a hand-made taxonomy) instead of scoring the model.",
            HelpName = "FILE",
        };
        var note = new Option<string?>("--note") { Description = "A note for the manifest: why this reference.", HelpName = "TEXT" };

        var command = new Command("register", "Score the model (or read --labels) and write the next reference version to the registry; prints NMI and AMI against the previous version.");
        gate.AddTo(command);
        command.Options.Add(labels);
        command.Options.Add(note);
        // Ctrl+C cancels the token; scoring observes it every few thousand rows.
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(parseResult, cancellationToken)));
        return command;

        int Run(ParseResult parseResult, CancellationToken cancellationToken)
        {
            var options = gate.Load(parseResult);
            var labelsPath = parseResult.GetValue(labels);
            var progress = ScoringProgressReporter.For(parseResult.InvocationConfiguration.Error);
            var result = Registration.Run(
                options,
                new RegistrationRequest(GateOptionsArguments.ToolVersion, labelsPath is null ? null : Path.GetFullPath(labelsPath), parseResult.GetValue(note)),
                progress,
                cancellationToken);
            if (result.ScoringElapsed is { } elapsed)
            {
                progress.Finish(result.Version.Manifest.RowCount, elapsed);
            }

            RegistryTextRenderer.WriteRegistration(result, parseResult.InvocationConfiguration.Output);
            return (int)ExitCode.Passed;
        }
    }
}
