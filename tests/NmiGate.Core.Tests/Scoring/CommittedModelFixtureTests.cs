using System.Globalization;
using NmiGate.Core.Scoring;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Scoring;

/// <summary>
/// A model saved by an earlier build must keep scoring to the same partition: catches a model
/// format break or a behaviour change from a Microsoft.ML bump. Regenerate deliberately with
/// NMIGATE_REGENERATE_FIXTURES=1 (then review and commit the diff).
/// </summary>
public sealed class CommittedModelFixtureTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "NmiGate.Core.Tests", "Fixtures", "models");
    private static readonly string ModelPath = Path.Combine(Folder, "kmeans-3.zip");
    private static readonly string DataPath = Path.Combine(Folder, "kmeans-3.csv");
    private static readonly string PartitionPath = Path.Combine(Folder, "kmeans-3.partition.csv");

    [Fact]
    public void Committed_kmeans_model_scores_its_data_into_the_recorded_partition()
    {
        if (Environment.GetEnvironmentVariable("NMIGATE_REGENERATE_FIXTURES") == "1")
        {
            Regenerate();
        }

        var partition = PartitionScorer.Score(new ScoringRequest(ModelPath, DataPath, SyntheticData.IdColumn));

        var recorded = File.ReadLines(PartitionPath).Skip(1).Select(line => line.Split(',')).ToArray();
        Assert.Equal(ModelInputKind.StoredLoader, partition.InputKind);
        Assert.Equal(recorded.Select(r => r[0]), partition.Ids);
        Assert.Equal(recorded.Select(r => uint.Parse(r[1], CultureInfo.InvariantCulture)), partition.ClusterIds);
        Assert.Equal(3, partition.ClusterIds.Distinct().Count());
    }

    private static void Regenerate()
    {
        using var workspace = new TempWorkspace("fixture");
        var sample = SyntheticData.WriteBlobs(DataPath, rows: 60, clusters: 3, features: 4, seed: 5);
        var models = ModelFactory.TrainKMeans(DataPath, SyntheticData.IdColumn, sample.FeatureNames, 3, workspace.Root, "kmeans-3");
        File.Copy(models.WithLoader, ModelPath, overwrite: true);
        var partition = PartitionScorer.Score(new ScoringRequest(ModelPath, DataPath, SyntheticData.IdColumn));
        File.WriteAllLines(PartitionPath, ["id,cluster", .. partition.Ids.Select((id, i) => string.Create(CultureInfo.InvariantCulture, $"{id},{partition.ClusterIds[i]}"))]);
    }
}
