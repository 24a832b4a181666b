using NmiGate.TestUtilities;

namespace NmiGate.Action.Tests.Support;

/// <summary>
/// Seeded ML.NET KMeans models trained once per test class on 300 rows of three well-separated
/// blobs: the reference model (K=3), a model that splits one blob (K=4) and one that splits more (K=6).
/// Tests only read these files; each test writes its config and registry in its own workspace.
/// </summary>
public sealed class TrainedModels : IDisposable
{
    public const int Rows = 300;

    public TrainedModels()
    {
        Workspace = new TempWorkspace("gate-models");
        DataPath = Workspace.PathOf("holdout.csv");
        Sample = SyntheticData.WriteBlobs(DataPath, Rows, clusters: 3, features: 3);
        // The same generator with more rows repeats the first 300 rows exactly, then adds 20 new ids.
        LargerDataPath = Workspace.PathOf("holdout-larger.csv");
        SyntheticData.WriteBlobs(LargerDataPath, Rows + 20, clusters: 3, features: 3);
        var features = Sample.FeatureNames;
        ThreeClusters = ModelFactory.TrainKMeans(DataPath, SyntheticData.IdColumn, features, 3, Workspace.PathOf("models"), "k3").WithLoader;
        FourClusters = ModelFactory.TrainKMeans(DataPath, SyntheticData.IdColumn, features, 4, Workspace.PathOf("models"), "k4").WithLoader;
        SixClusters = ModelFactory.TrainKMeans(DataPath, SyntheticData.IdColumn, features, 6, Workspace.PathOf("models"), "k6").WithLoader;
    }

    public TempWorkspace Workspace { get; }

    public BlobSample Sample { get; }

    public string DataPath { get; }

    public string LargerDataPath { get; }

    public string ThreeClusters { get; }

    public string FourClusters { get; }

    public string SixClusters { get; }

    public void Dispose() => Workspace.Dispose();
}
