using System.Globalization;
using NmiGate.Core.Configuration;
using NmiGate.Core.Registry;
using NmiGate.TestUtilities;

namespace NmiGate.Benchmarks;

/// <summary>
/// The files benchmark 4 runs on, built once and cached in a temp folder: a 10^6-row CSV (an id
/// column and 20 features from K = 10 Gaussian blobs), a KMeans model (K = 10) trained on a
/// separate 20,000-row sample and saved with its data loader, an <c>nmigate.yml</c> with an NMI
/// threshold, and a registry holding the model's own partition of the CSV as reference v1, so a
/// check does all its work (resolve and hash-verify the reference, score, align, metrics, thresholds).
/// </summary>
/// <remarks>
/// The folder name carries the data shape and a layout version: change either and a fresh
/// workspace is built. A <c>ready</c> marker is written last, so an interrupted build is redone.
/// </remarks>
internal static class CheckWorkspace
{
    public const int Rows = 1_000_000;
    public const int Features = 20;
    public const int Clusters = 10;
    public const int TrainingRows = 20_000;
    public const string GateName = "check-benchmark";

    private const int DataSeed = 42;
    private const int TrainingSeed = 7;
    private const string Layout = "v1";

    public static string Folder { get; } = Path.Combine(
        Path.GetTempPath(),
        string.Create(CultureInfo.InvariantCulture, $"nmigate-bench-check-{Rows}x{Features}-k{Clusters}-{Layout}"));

    public static string DataPath => Path.Combine(Folder, "holdout.csv");

    public static string ModelPath => Path.Combine(Folder, "kmeans.loader.zip");

    public static string ConfigPath => Path.Combine(Folder, GateConfiguration.DefaultFileName);

    private static string ReadyMarker => Path.Combine(Folder, "ready");

    /// <summary>Builds the workspace unless a complete one exists; returns the configuration file.</summary>
    public static string EnsureCreated()
    {
        if (File.Exists(ReadyMarker))
        {
            return ConfigPath;
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        Directory.CreateDirectory(Folder);
        Console.WriteLine($"// Building the check workspace in {Folder} (once; reruns reuse it)");

        // Training and held-out samples share their blob centres (same centre seed), not their rows.
        var trainingPath = Path.Combine(Folder, "train.csv");
        var training = SyntheticData.WriteBlobs(trainingPath, TrainingRows, Clusters, Features, TrainingSeed);
        SyntheticData.WriteBlobs(DataPath, Rows, Clusters, Features, DataSeed);
        var models = ModelFactory.TrainKMeans(trainingPath, SyntheticData.IdColumn, training.FeatureNames, Clusters, Folder);
        File.Delete(models.SchemaOnly);
        File.Delete(models.NoInputDescription);

        File.WriteAllText(ConfigPath, $$"""
            version: 1
            name: {{GateName}}
            model:
              path: {{Path.GetFileName(ModelPath)}}
            data:
              path: {{Path.GetFileName(DataPath)}}
              id-column: {{SyntheticData.IdColumn}}
            reference:
              registry: registry
            thresholds:
              nmi: { fail-below: 0.80, warn-below: 0.90 }

            """);

        // The reference is the model's own partition of the held-out file, registered as a user would.
        Registration.Run(GateConfiguration.Load(ConfigPath), new RegistrationRequest("benchmark", Note: "benchmark 4 workspace"));
        File.WriteAllText(ReadyMarker, "");
        return ConfigPath;
    }
}
