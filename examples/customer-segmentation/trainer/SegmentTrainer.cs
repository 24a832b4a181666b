using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CustomerSegmentation.Trainer;

/// <summary>How to train one segmentation model.</summary>
/// <param name="Seed">The ML.NET seed (K-means++ initialisation).</param>
/// <param name="Clusters">K, the number of segments.</param>
/// <param name="DataSeed">The seed of the generated training sample (11 is <c>data/train.csv</c>).</param>
/// <param name="IncomeBug">
/// Reproduces a feature-pipeline bug: income is multiplied by 1000 before the normaliser. The
/// normaliser's statistics are those of the feature store, fitted once on clean data, so the bug
/// is not scaled away: income dominates every distance and the segments reshuffle.
/// </param>
public sealed record TrainingOptions(int Seed = 1, int Clusters = 6, int DataSeed = CustomerGenerator.TrainingSeed, bool IncomeBug = false);

/// <summary>The example's model: Concatenate → NormalizeMeanVariance → K-means, saved with its text loader.</summary>
public static class SegmentTrainer
{
    /// <summary>Trains on <paramref name="trainPath"/> and saves the model (with its loader) to <paramref name="modelPath"/>.</summary>
    public static void Train(string trainPath, string modelPath, TrainingOptions options)
    {
        var ml = new MLContext(seed: options.Seed);
        var loader = ml.Data.CreateTextLoader(
            [
                new TextLoader.Column("customer_id", DataKind.String, 0),
                new TextLoader.Column("region", DataKind.String, 1),
                .. CustomerGenerator.Features.Select((name, i) => new TextLoader.Column(name, DataKind.Single, 2 + i)),
            ],
            separatorChar: ',',
            hasHeader: true);
        var training = loader.Load(trainPath);

        // The feature store's normaliser: fitted on the clean columns, then frozen.
        var featurizer = ml.Transforms.Concatenate("Features", CustomerGenerator.Features)
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Fit(training);

        ITransformer features = featurizer;
        if (options.IncomeBug)
        {
            var scaleIncome = ml.Transforms.Expression("income", "x : x * 1000", "income").Fit(training);
            features = new TransformerChain<ITransformer>(scaleIncome, featurizer);
        }

        var kmeans = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = "Features",
            NumberOfClusters = options.Clusters,
            NumberOfThreads = 1, // deterministic
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
        }).Fit(features.Transform(training));

        var model = new TransformerChain<ITransformer>(features, kmeans);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelPath))!);
        ml.Model.Save(model, loader, modelPath);
    }
}
