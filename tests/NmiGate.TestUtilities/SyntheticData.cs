using System.Globalization;
using System.Text;

namespace NmiGate.TestUtilities;

/// <summary>Deterministic Gaussian-blob data and delimited files written from it.</summary>
public static class SyntheticData
{
    /// <summary>The id column name written by <see cref="Write"/>.</summary>
    public const string IdColumn = "id";

    /// <summary>
    /// Draws <paramref name="rows"/> rows from <paramref name="clusters"/> unit-variance blobs in
    /// <paramref name="features"/> dimensions. Blob c is centred at 12·c on x1 (so every pair is
    /// at least 12 standard deviations apart) and at offsets in [0, 8) on the others drawn from
    /// <paramref name="centerSeed"/>, so samples with different <paramref name="seed"/>s share their blobs.
    /// </summary>
    public static BlobSample Blobs(int rows, int clusters, int features = 4, int seed = 42, int centerSeed = 17)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(clusters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        var centerRandom = new Random(centerSeed);
        var centers = new double[clusters][];
        for (var c = 0; c < clusters; c++)
        {
            centers[c] = new double[features];
            centers[c][0] = 12.0 * c;
            for (var d = 1; d < features; d++)
            {
                centers[c][d] = centerRandom.NextDouble() * 8;
            }
        }

        var random = new Random(seed);
        var ids = new string[rows];
        var labels = new int[rows];
        var values = new float[rows][];
        for (var i = 0; i < rows; i++)
        {
            var label = random.Next(clusters);
            ids[i] = string.Create(CultureInfo.InvariantCulture, $"row-{i:D6}");
            labels[i] = label;
            values[i] = new float[features];
            for (var d = 0; d < features; d++)
            {
                values[i][d] = (float)(centers[label][d] + Gaussian(random));
            }
        }

        var names = Enumerable.Range(1, features).Select(d => string.Create(CultureInfo.InvariantCulture, $"x{d}")).ToArray();
        return new BlobSample(ids, labels, values, names);
    }

    /// <summary>
    /// Writes the sample as delimited text with a header: the id column, then the features, or the
    /// columns in <paramref name="columnOrder"/>. <paramref name="rowOverrides"/> replaces data row i
    /// (0-based) with a raw line, to plant bad rows.
    /// </summary>
    public static void Write(string path, BlobSample sample, char separator = ',', IReadOnlyList<string>? columnOrder = null, IReadOnlyDictionary<int, string>? rowOverrides = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var columns = columnOrder ?? [IdColumn, .. sample.FeatureNames];
        var featureIndex = sample.FeatureNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.NewLine = "\n";
        writer.WriteLine(string.Join(separator, columns));
        var line = new StringBuilder();
        for (var row = 0; row < sample.Ids.Count; row++)
        {
            if (rowOverrides is not null && rowOverrides.TryGetValue(row, out var raw))
            {
                writer.WriteLine(raw);
                continue;
            }

            line.Clear();
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                {
                    line.Append(separator);
                }

                if (string.Equals(columns[c], IdColumn, StringComparison.Ordinal))
                {
                    line.Append(sample.Ids[row]);
                }
                else
                {
                    line.Append(sample.Features[row][featureIndex[columns[c]]].ToString("R", CultureInfo.InvariantCulture));
                }
            }

            writer.WriteLine(line);
        }
    }

    /// <summary>Draws a sample and writes it; returns the sample (its labels are the true partition).</summary>
    public static BlobSample WriteBlobs(string path, int rows, int clusters, int features = 4, int seed = 42, char separator = ',')
    {
        var sample = Blobs(rows, clusters, features, seed);
        Write(path, sample, separator);
        return sample;
    }

    /// <summary>Replaces 1-based line <paramref name="lineNumber"/> of a text file.</summary>
    public static void ReplaceLine(string path, int lineNumber, string text)
    {
        var lines = File.ReadAllLines(path);
        lines[lineNumber - 1] = text;
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
    }

    // Box-Muller: two uniforms give one standard normal (the second is discarded; speed is irrelevant here).
    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
