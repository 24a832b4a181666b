using NmiGate.TestUtilities;

namespace NmiGate.Action.Tests.Support;

/// <summary>A temp repository with a real <c>nmigate.yml</c> (gate <c>segments</c>) and its <c>.nmigate</c> registry.</summary>
internal sealed class GateWorkspace : IDisposable
{
    public const string Gate = "segments";

    private readonly TempWorkspace workspace = new("gate");

    public GateWorkspace(string modelPath, string dataPath, string thresholds = "  nmi: { fail-below: 0.80, warn-below: 0.90 }\n  ami: { fail-below: 0.70 }\n", string extra = "")
    {
        ConfigPath = workspace.WriteText("nmigate.yml", Config(modelPath, dataPath, thresholds, extra));
    }

    public string Root => workspace.Root;

    public string ConfigPath { get; }

    public string RegistryFolder => Path.Combine(workspace.Root, ".nmigate");

    public string VersionFolder(int number) => Path.Combine(RegistryFolder, Gate, $"v{number}");

    public string WriteText(string relativePath, string content) => workspace.WriteText(relativePath, content);

    public static string Config(string modelPath, string dataPath, string thresholds, string extra = "") =>
        $"""
        version: 1
        name: {Gate}
        model:
          path: {modelPath}
        data:
          path: {dataPath}
          id-column: id
        {extra}thresholds:

        """ + thresholds;

    /// <summary>Runs <c>nmigate</c> with <c>--config</c> pointing at this workspace's file.</summary>
    public NmigateRun Run(params string[] args) => NmigateRun.Of([.. args, "--config", ConfigPath]);

    public void Dispose() => workspace.Dispose();
}
