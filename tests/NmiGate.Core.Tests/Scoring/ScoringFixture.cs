using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Scoring;

/// <summary>Trains the models once for all scoring tests: 3 blobs in 4 dimensions, saved every way ML.NET can.</summary>
public sealed class ScoringFixture : IDisposable
{
    public const int Clusters = 3;

    public ScoringFixture()
    {
        Workspace = new TempWorkspace("scoring");
        TrainingPath = Workspace.PathOf("train.csv");
        var trainingPath = TrainingPath;
        var training = SyntheticData.WriteBlobs(trainingPath, rows: 300, Clusters, features: 4, seed: 42);
        FeatureNames = training.FeatureNames;
        Scalar = ModelFactory.TrainKMeans(trainingPath, SyntheticData.IdColumn, FeatureNames, Clusters, Workspace.PathOf("models"), "scalar");
        Vector = ModelFactory.TrainKMeans(trainingPath, SyntheticData.IdColumn, FeatureNames, Clusters, Workspace.PathOf("models"), "vector", ModelInputShape.VectorColumn);
        Holdout = SyntheticData.Blobs(rows: 60, Clusters, features: 4, seed: 7);
    }

    public TempWorkspace Workspace { get; }

    /// <summary>The 300 training rows (id, x1..x4).</summary>
    public string TrainingPath { get; }

    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Input: x1..x4 floats, concatenated by the pipeline.</summary>
    public KMeansModelFiles Scalar { get; }

    /// <summary>Input: one Features vector of 4 floats.</summary>
    public KMeansModelFiles Vector { get; }

    /// <summary>60 held-out rows from the same blobs (different draw).</summary>
    public BlobSample Holdout { get; }

    /// <summary>Writes the held-out rows to a new file named <paramref name="fileName"/> (in its own folder).</summary>
    public string WriteHoldout(string fileName, char separator = ',', IReadOnlyList<string>? columnOrder = null, IReadOnlyDictionary<int, string>? rowOverrides = null)
    {
        var path = Workspace.PathOf(Path.Combine(Guid.NewGuid().ToString("N"), fileName));
        SyntheticData.Write(path, Holdout, separator, columnOrder, rowOverrides);
        return path;
    }

    /// <summary>Writes raw text to a new file named <paramref name="fileName"/> (in its own folder).</summary>
    public string WriteText(string fileName, string content) =>
        Workspace.WriteText(Path.Combine(Guid.NewGuid().ToString("N"), fileName), content);

    public void Dispose() => Workspace.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SharedScoringModels : ICollectionFixture<ScoringFixture>
{
    public const string Name = "Scoring";
}
