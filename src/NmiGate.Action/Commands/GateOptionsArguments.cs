using System.CommandLine;
using System.Reflection;
using NmiGate.Core.Configuration;

namespace NmiGate.Action.Commands;

/// <summary>
/// The options every gate command shares: <c>--config</c> and the host overrides. Overrides go
/// through <see cref="GateOverrides"/>, so the one precedence rule (defaults &lt; nmigate.yml &lt;
/// command line) lives in Core.
/// </summary>
internal sealed class GateOptionsArguments
{
    /// <summary>The origin named in problems about a command-line override.</summary>
    public const string Origin = "command line";

    private GateOptionsArguments(bool withOverrides, bool withReferenceVersion)
    {
        Config = new Option<string>("--config", "-c")
        {
            Description = "The gate's configuration file (relative paths in it resolve against its folder).",
            DefaultValueFactory = _ => GateConfiguration.DefaultFileName,
            HelpName = "FILE",
        };
        if (withOverrides)
        {
            Model = new Option<string?>("--model") { Description = "Overrides model.path: the ML.NET model zip to score.", HelpName = "FILE" };
            Data = new Option<string?>("--data") { Description = "Overrides data.path: the held-out data file.", HelpName = "FILE" };
        }

        Registry = new Option<string?>("--registry") { Description = "Overrides reference.registry: the registry folder.", HelpName = "FOLDER" };
        if (withReferenceVersion)
        {
            ReferenceVersion = new Option<string?>("--reference-version") { Description = "Overrides reference.version: latest or vN.", HelpName = "latest|vN" };
        }
    }

    public Option<string> Config { get; }

    public Option<string?>? Model { get; }

    public Option<string?>? Data { get; }

    public Option<string?> Registry { get; }

    public Option<string?>? ReferenceVersion { get; }

    /// <summary>The running tool's version, recorded in manifests.</summary>
    public static string ToolVersion =>
        typeof(GateOptionsArguments).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static GateOptionsArguments ForScoring(bool withReferenceVersion) => new(withOverrides: true, withReferenceVersion);

    public static GateOptionsArguments ForRegistry() => new(withOverrides: false, withReferenceVersion: false);

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        foreach (var option in new[] { Model, Data, Registry, ReferenceVersion })
        {
            if (option is not null)
            {
                command.Options.Add(option);
            }
        }
    }

    /// <summary>Loads the configuration with the command-line overrides applied.</summary>
    /// <exception cref="ConfigurationException">Any configuration or override problem.</exception>
    public GateOptions Load(ParseResult parseResult)
    {
        var overrides = new GateOverrides
        {
            BaseDirectory = Environment.CurrentDirectory,
            Origin = Origin,
            ModelPath = Model is null ? null : parseResult.GetValue(Model),
            DataPath = Data is null ? null : parseResult.GetValue(Data),
            ReferenceRegistry = parseResult.GetValue(Registry),
            ReferenceVersion = ReferenceVersion is null ? null : parseResult.GetValue(ReferenceVersion),
        };
        return GateConfiguration.Load(parseResult.GetRequiredValue(Config), overrides);
    }
}
