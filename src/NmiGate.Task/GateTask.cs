using System.Globalization;
using Microsoft.Build.Framework;
using NmiGate.Core.Configuration;

namespace NmiGate.MSBuild;

/// <summary>
/// The properties that define a gate for MSBuild: <c>nmigate.yml</c> and the host overrides, which
/// go through Core's <see cref="GateOptionsBuilder"/> (defaults &lt; nmigate.yml &lt; MSBuild properties).
/// </summary>
public abstract class GateTask : NmiGateTask
{
    /// <summary>The gate's configuration file (<c>$(NmiGateConfigFile)</c>).</summary>
    [Required]
    public string ConfigFile { get; set; } = string.Empty;

    /// <summary>The folder relative override paths resolve against (the project folder).</summary>
    public string? BaseDirectory { get; set; }

    /// <summary>Overrides <c>model.path</c> (<c>$(NmiGateModel)</c>), e.g. a model the build just produced.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Overrides <c>data.path</c> (<c>$(NmiGateData)</c>).</summary>
    public string? DataPath { get; set; }

    /// <summary>Overrides <c>reference.registry</c> (<c>$(NmiGateRegistry)</c>).</summary>
    public string? ReferenceRegistry { get; set; }

    /// <summary>Overrides <c>reference.version</c> (<c>$(NmiGateReferenceVersion)</c>).</summary>
    public string? ReferenceVersion { get; set; }

    /// <summary>A warning fails the build (<c>$(NmiGateFailOnWarning)</c>).</summary>
    public bool FailOnWarning { get; set; }

    /// <summary>Where to write the report files (<c>$(NmiGateReportDirectory)</c>).</summary>
    public string? ReportDirectory { get; set; }

    /// <summary>Append the result to the gate's history (<c>$(NmiGateRecord)</c>).</summary>
    public bool Record { get; set; }

    /// <summary>Every setting besides the files that changes the verdict, for the incremental fingerprint.</summary>
    internal IEnumerable<string> Settings() =>
    [
        "task " + TaskVersion,
        "config " + FullConfigFile,
        "model " + ModelPath,
        "data " + DataPath,
        "registry " + ReferenceRegistry,
        "reference-version " + ReferenceVersion,
        "fail-on-warning " + FailOnWarning.ToString(CultureInfo.InvariantCulture),
        "report-directory " + ReportDirectory,
        "record " + Record.ToString(CultureInfo.InvariantCulture),
    ];

    /// <summary>The configuration file's full path (relative to <see cref="BaseDirectory"/>).</summary>
    internal string FullConfigFile => Path.GetFullPath(ConfigFile, Root);

    private string Root => string.IsNullOrEmpty(BaseDirectory)
        ? Path.GetDirectoryName(BuildEngine?.ProjectFileOfTaskNode) is { Length: > 0 } projectDirectory ? projectDirectory : Environment.CurrentDirectory
        : Path.GetFullPath(BaseDirectory);

    /// <summary>Reads <c>nmigate.yml</c> with the MSBuild overrides applied; problems are in the result.</summary>
    internal ConfigurationResult BuildOptions() =>
        GateOptionsBuilder.ForFile(FullConfigFile)
            .WithOverrides(new GateOverrides
            {
                BaseDirectory = Root,
                // Problems with an override point at the project, where the property is set.
                Origin = BuildEngine?.ProjectFileOfTaskNode is { Length: > 0 } project ? project : "MSBuild",
                ModelPath = Blank(ModelPath),
                DataPath = Blank(DataPath),
                ReferenceRegistry = Blank(ReferenceRegistry),
                ReferenceVersion = Blank(ReferenceVersion),
            })
            .Build();

    // An empty MSBuild property means "not set": the file's value stays.
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
