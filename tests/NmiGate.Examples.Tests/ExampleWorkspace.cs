using CustomerSegmentation.Trainer;
using NmiGate.Core.Configuration;
using NmiGate.Core.Gating;
using NmiGate.TestUtilities;

namespace NmiGate.Examples.Tests;

/// <summary>
/// A private copy of examples/customer-segmentation (configuration, registry, held-out data), so
/// tests that train models or record history never write into the checkout. Scenario models are
/// trained once per test run and shared.
/// </summary>
public sealed class ExampleWorkspace : IDisposable
{
    private readonly TempWorkspace workspace = new("nmigate-example");
    private readonly Dictionary<string, string> models = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public ExampleWorkspace()
    {
        workspace.CopyDirectory(Source, string.Empty, "bin", "obj", "artifacts", "trainer");
        foreach (var file in Directory.EnumerateFiles(PathOf("data"), "train*.csv"))
        {
            File.Delete(file);
        }
    }

    /// <summary>The example in the checkout.</summary>
    public static string Source => Path.Combine(RepositoryPaths.Root, "examples", "customer-segmentation");

    public string Root => workspace.Root;

    public string ConfigPath => PathOf("nmigate.yml");

    public string PathOf(string relativePath) => workspace.PathOf(relativePath);

    /// <summary>The model of a named scenario (see the trainer's Scenarios), trained on first use.</summary>
    public string ModelOf(string scenario)
    {
        lock (gate)
        {
            if (!models.TryGetValue(scenario, out var path))
            {
                Assert.True(Scenarios.TryGet(scenario, out var definition), $"unknown scenario {scenario}");
                path = PathOf(Path.Combine("artifacts", "scenarios", scenario + ".zip"));
                SegmentTrainer.Train(CustomerGenerator.TrainingFile(PathOf("data"), definition.Options.DataSeed), path, definition.Options);
                models.Add(scenario, path);
            }

            return path;
        }
    }

    /// <summary>Runs the example's gate on a scenario's model, as <c>nmigate check --model</c> would.</summary>
    public GateResult Check(string scenario, GateCheckOptions? options = null) =>
        GateCheck.Run(GateConfiguration.Load(ConfigPath, new GateOverrides { BaseDirectory = Root, Origin = "test", ModelPath = ModelOf(scenario) }), options);

    public void Dispose() => workspace.Dispose();
}
