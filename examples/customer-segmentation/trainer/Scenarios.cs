using System.Diagnostics.CodeAnalysis;

namespace CustomerSegmentation.Trainer;

/// <summary>One reproducible retraining story.</summary>
public sealed record Scenario(string Description, TrainingOptions Options);

/// <summary>The example's stories: the reference model and three retrains the gate must judge.</summary>
public static class Scenarios
{
    private static readonly Dictionary<string, Scenario> All = new(StringComparer.Ordinal)
    {
        ["reference"] = new("the registered reference model (seed 2, K = 6)", new TrainingOptions(Seed: 2)),
        ["benign"] = new("a benign retrain on a fresh sample with a new seed (seed 1, K = 6): should pass", new TrainingOptions(Seed: 1, DataSeed: 13)),
        ["pipeline-bug"] = new("income multiplied by 1000 before the normaliser: should fail", new TrainingOptions(Seed: 2, IncomeBug: true)),
        ["different-k"] = new("a retrain with K = 7 (seed 2): one segment splits", new TrainingOptions(Seed: 2, Clusters: 7)),
    };

    /// <summary>The scenario names.</summary>
    public static IReadOnlyCollection<string> Names => All.Keys;

    /// <summary>Looks a scenario up by name.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out Scenario? scenario) => All.TryGetValue(name, out scenario);
}
