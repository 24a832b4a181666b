using System.CommandLine;
using NmiGate.Action.Rendering;
using NmiGate.Core;
using NmiGate.Core.Registry;

namespace NmiGate.Action.Commands;

/// <summary><c>nmigate registry list|show|verify</c>: the registered versions of a gate.</summary>
internal static class RegistryCommand
{
    public static Command Create() => new("registry", "Inspect the gate's reference registry.")
    {
        List(),
        Show(),
        Verify(),
    };

    private static Command List()
    {
        var gate = GateOptionsArguments.ForRegistry();
        var command = new Command("list", "List every registered version with its rows, clusters, creation time and note.");
        gate.AddTo(command);
        command.SetAction(parseResult =>
        {
            var options = gate.Load(parseResult);
            var versions = ReferenceRegistry.Open(options.Reference.Registry.Value).List(options.Name.Value);
            RegistryTextRenderer.WriteList(options.Name.Value, options.Reference.Registry.Value, versions, parseResult.InvocationConfiguration.Output);
            return (int)ExitCode.Passed;
        });
        return command;
    }

    private static Command Show()
    {
        var gate = GateOptionsArguments.ForRegistry();
        var version = new Option<string>("--version")
        {
            Description = "The version to show: latest or vN.",
            DefaultValueFactory = _ => "latest",
            HelpName = "latest|vN",
        };
        var command = new Command("show", "Print one version's manifest (JSON).");
        gate.AddTo(command);
        command.Options.Add(version);
        command.SetAction(parseResult =>
        {
            var options = gate.Load(parseResult);
            var shown = ReferenceRegistry.Open(options.Reference.Registry.Value).Show(options.Name.Value, parseResult.GetRequiredValue(version));
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine($"{shown.Gate} {shown.Name}: {shown.FolderPath}");
            output.WriteLine(shown.Manifest.ToJson());
            return (int)ExitCode.Passed;
        });
        return command;
    }

    private static Command Verify()
    {
        var gate = GateOptionsArguments.ForRegistry();
        var command = new Command("verify", "Re-hash and re-read every version of the gate; exit 2 when any problem is found.");
        gate.AddTo(command);
        command.SetAction(parseResult =>
        {
            var options = gate.Load(parseResult);
            var verification = ReferenceRegistry.Open(options.Reference.Registry.Value).Verify(options.Name.Value);
            RegistryTextRenderer.WriteVerification(verification, parseResult.InvocationConfiguration.Output);
            verification.ThrowIfInvalid();
            return (int)ExitCode.Passed;
        });
        return command;
    }
}
