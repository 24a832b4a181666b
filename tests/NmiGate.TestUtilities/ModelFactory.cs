using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace NmiGate.TestUtilities;

/// <summary>
/// Trains real, seeded ML.NET KMeans pipelines (Concatenate → NormalizeMinMax → KMeans) on a
/// delimited file and saves them. Deterministic: seeded context, one training thread.
/// </summary>
public static class ModelFactory
{
    /// <summary>The vector column the pipeline clusters (and the vector input of <see cref="ModelInputShape.VectorColumn"/> models).</summary>
    public const string FeaturesColumn = "Features";

    /// <summary>
    /// Trains K-means with <paramref name="clusters"/> clusters on <paramref name="dataPath"/> (a .csv
    /// or .tsv with a header, holding <paramref name="idColumn"/> and <paramref name="featureColumns"/>)
    /// and saves it to <paramref name="directory"/> as <c>{name}.loader.zip</c>, <c>{name}.schema.zip</c>
    /// and <c>{name}.bare.zip</c>. <paramref name="ignoredColumns"/> are loaded as floats but not
    /// used by the pipeline (like a training label).
    /// </summary>
    public static KMeansModelFiles TrainKMeans(
        string dataPath,
        string idColumn,
        IReadOnlyList<string> featureColumns,
        int clusters,
        string directory,
        string name = "kmeans",
        ModelInputShape shape = ModelInputShape.ScalarColumns,
        int seed = 1,
        IReadOnlyList<string>? ignoredColumns = null)
    {
        ArgumentNullException.ThrowIfNull(featureColumns);
        var context = new MLContext(seed: seed);
        var separator = Path.GetExtension(dataPath).Equals(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
        var header = File.ReadLines(dataPath).First().Split(separator);
        int IndexOf(string column) => Array.IndexOf(header, column) is var i and >= 0
            ? i
            : throw new ArgumentException($"Column '{column}' is not in {dataPath}'s header ({string.Join(", ", header)}).", nameof(featureColumns));

        var columns = new List<TextLoader.Column> { new(idColumn, DataKind.String, IndexOf(idColumn)) };
        columns.AddRange((ignoredColumns ?? []).Select(c => new TextLoader.Column(c, DataKind.Single, IndexOf(c))));
        if (shape == ModelInputShape.ScalarColumns)
        {
            columns.AddRange(featureColumns.Select(f => new TextLoader.Column(f, DataKind.Single, IndexOf(f))));
        }
        else
        {
            columns.Add(new TextLoader.Column(FeaturesColumn, DataKind.Single, [.. featureColumns.Select(f => new TextLoader.Range(IndexOf(f)))]));
        }

        var loader = context.Data.CreateTextLoader(new TextLoader.Options
        {
            Columns = [.. columns],
            Separators = [separator],
            HasHeader = true,
        });
        var data = loader.Load(new MultiFileSource(dataPath));
        var kmeans = context.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = FeaturesColumn,
            NumberOfClusters = clusters,
            NumberOfThreads = 1,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
        });
        var normalizeAndCluster = context.Transforms.NormalizeMinMax(FeaturesColumn).Append(kmeans);
        ITransformer model = shape == ModelInputShape.ScalarColumns
            ? context.Transforms.Concatenate(FeaturesColumn, [.. featureColumns]).Append(normalizeAndCluster).Fit(data)
            : normalizeAndCluster.Fit(data);

        Directory.CreateDirectory(directory);
        var files = new KMeansModelFiles(
            Path.Combine(directory, $"{name}.loader.zip"),
            Path.Combine(directory, $"{name}.schema.zip"),
            Path.Combine(directory, $"{name}.bare.zip"));
        context.Model.Save(model, loader, files.WithLoader);
        context.Model.Save(model, data.Schema, files.SchemaOnly);
        context.Model.Save(model, null, files.NoInputDescription);
        return files;
    }
}
