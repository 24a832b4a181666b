using System.Globalization;
using NmiGate.Core.Configuration;
using NmiGate.Core.Registry;
using NmiGate.TestUtilities;

namespace NmiGate.MSBuild.Tests.Support;

/// <summary>
/// A temp project folder with a real gate: the committed 60-row ML.NET K-means fixture (model and
/// held-out data), an <c>nmigate.yml</c> for gate <c>segments</c> and its <c>.nmigate</c> registry.
/// </summary>
internal sealed class GateWorkspace : IDisposable
{
    public const string PassingThresholds = "  nmi: { fail-below: 0.80, warn-below: 0.90 }\n";

    private static readonly string Fixtures = Path.Combine(RepositoryPaths.Root, "tests", "NmiGate.Core.Tests", "Fixtures", "models");
    private readonly TempWorkspace workspace;

    public GateWorkspace(string prefix = "msbuild", string? root = null)
    {
        workspace = new TempWorkspace(prefix);
        Root = root is null ? workspace.Root : Path.Combine(workspace.Root, root);
        Directory.CreateDirectory(Root);
        ModelPath = Path.Combine(Root, "model.zip");
        DataPath = Path.Combine(Root, "holdout.csv");
        File.Copy(Path.Combine(Fixtures, "kmeans-3.zip"), ModelPath);
        File.Copy(Path.Combine(Fixtures, "kmeans-3.csv"), DataPath);
        ConfigPath = WriteConfig(PassingThresholds);
    }

    /// <summary>The project folder (holds nmigate.yml, model.zip, holdout.csv, .nmigate/).</summary>
    public string Root { get; }

    public string ConfigPath { get; }

    public string ModelPath { get; }

    public string DataPath { get; }

    public string ConfigText => File.ReadAllText(ConfigPath);

    /// <summary>Writes nmigate.yml with these <c>thresholds</c> lines (and optional extra keys before them).</summary>
    public string WriteConfig(string thresholds, string extra = "")
    {
        var path = Path.Combine(Root, "nmigate.yml");
        File.WriteAllText(path, $"""
            version: 1
            name: segments
            model:
              path: model.zip
            data:
              path: holdout.csv
              id-column: id
            {extra}thresholds:

            """ + thresholds);
        return path;
    }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Registers the model's own partition: checking the same model gives NMI 1.</summary>
    public void RegisterModel() => Registration.Run(GateConfiguration.Load(ConfigPath), new RegistrationRequest("test"));

    /// <summary>
    /// Registers the model's partition with every <paramref name="every"/>-th row moved to another
    /// cluster, so the unchanged model scores well below 1 against it (about 0.58 for every 5th row).
    /// </summary>
    public void RegisterMovedRows(int every = 5)
    {
        var lines = File.ReadAllLines(Path.Combine(Fixtures, "kmeans-3.partition.csv"));
        for (var i = 1; i < lines.Length; i += every)
        {
            var parts = lines[i].Split(',');
            lines[i] = string.Create(CultureInfo.InvariantCulture, $"{parts[0]},{(int.Parse(parts[1], CultureInfo.InvariantCulture) % 3) + 1}");
        }

        var labels = Path.Combine(workspace.Root, "moved-labels.csv");
        File.WriteAllText(labels, string.Join('\n', lines) + "\n");
        Registration.Run(GateConfiguration.Load(ConfigPath), new RegistrationRequest("test", LabelsPath: labels));
    }

    /// <summary>The 1-based (line, column) of the first occurrence of <paramref name="text"/> in nmigate.yml.</summary>
    public (int Line, int Column) PositionOf(string text)
    {
        var lines = File.ReadAllLines(ConfigPath);
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(text, StringComparison.Ordinal);
            if (column >= 0)
            {
                return (i + 1, column + 1);
            }
        }

        throw new InvalidOperationException($"`{text}` is not in {ConfigPath}.");
    }

    public void Dispose() => workspace.Dispose();
}
