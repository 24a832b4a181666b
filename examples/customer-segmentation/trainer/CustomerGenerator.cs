using System.Globalization;
using System.Text;

namespace CustomerSegmentation.Trainer;

/// <summary>
/// A deterministic synthetic customer base: six segments with their own age, income, visit, spend
/// and tenure profiles, and a region that leans by segment. The same seed writes the same bytes on
/// every machine (System.Random with a seed is a fixed algorithm; numbers are written invariantly).
/// </summary>
public static class CustomerGenerator
{
    /// <summary>The seed of <c>data/train.csv</c>.</summary>
    public const int TrainingSeed = 11;

    /// <summary>The seed of <c>data/holdout.csv</c>.</summary>
    public const int HoldoutSeed = 12;

    /// <summary>Rows of a training sample.</summary>
    public const int TrainingRows = 20_000;

    /// <summary>Rows of the held-out set.</summary>
    public const int HoldoutRows = 5_000;

    /// <summary>The training sample for <paramref name="seed"/>: <c>data/train.csv</c> for the usual seed, <c>data/train-SEED.csv</c> otherwise; written when missing.</summary>
    public static string TrainingFile(int seed)
    {
        var path = seed == TrainingSeed ? "data/train.csv" : $"data/train-{seed}.csv";
        if (!File.Exists(path))
        {
            Write(path, TrainingRows, seed, idPrefix: "T");
        }

        return path;
    }

    /// <summary>The feature columns, in file order.</summary>
    public static readonly string[] Features = ["age", "income", "visits", "spend", "tenure"];

    /// <summary>The regions a customer may live in.</summary>
    public static readonly string[] Regions = ["north", "south", "east", "west", "central"];

    // Per segment: mean and spread of age, income, visits per month, spend per visit, tenure in years;
    // its share of customers; the region it leans to.
    private static readonly Segment[] Segments =
    [
        new("students", 0.14, [(22, 3), (14_000, 4_000), (17, 4), (20, 6), (1, 0.6)], Region: 4),
        new("young-budget", 0.20, [(28, 4), (32_000, 6_000), (8, 2.5), (38, 9), (2.5, 1.2)], Region: 0),
        new("families", 0.24, [(40, 5), (70_000, 10_000), (12, 3), (115, 22), (7, 2.5)], Region: 1),
        new("affluent", 0.12, [(50, 6), (150_000, 22_000), (5, 2), (310, 55), (11, 3.5)], Region: 3),
        new("frequent", 0.14, [(34, 5), (55_000, 8_000), (24, 4), (80, 16), (4.5, 2)], Region: 2),
        new("retired", 0.16, [(68, 5), (33_000, 6_000), (13, 3), (52, 12), (18, 4)], Region: 1),
    ];

    /// <summary>The segment names, for documentation and tests.</summary>
    public static IReadOnlyList<string> SegmentNames => [.. Segments.Select(s => s.Name)];

    /// <summary>
    /// Writes <paramref name="rows"/> customers to <paramref name="path"/> as CSV with a header
    /// <c>customer_id,region,age,income,visits,spend,tenure,segment</c>. Ids are
    /// <c>{idPrefix}{n:000000}</c>. The <c>segment</c> column is the generating segment (ground truth,
    /// never a model input).
    /// </summary>
    public static void Write(string path, int rows, int seed, string idPrefix)
    {
        var random = new Random(seed);
        var text = new StringBuilder(rows * 64);
        text.Append("customer_id,region,").Append(string.Join(',', Features)).Append(",segment\n");
        for (var i = 0; i < rows; i++)
        {
            var segment = Pick(random);
            var region = random.NextDouble() < 0.5 ? segment.Region : random.Next(Regions.Length);
            text.Append(CultureInfo.InvariantCulture, $"{idPrefix}{i + 1:000000},{Regions[region]}");
            for (var f = 0; f < Features.Length; f++)
            {
                var (mean, spread) = segment.Profile[f];
                var value = Math.Max(0, mean + (spread * Normal(random)));
                text.Append(',').Append(Round(f, value).ToString(CultureInfo.InvariantCulture));
            }

            text.Append(',').Append(segment.Name).Append('\n');
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static double Round(int feature, double value) => feature switch
    {
        0 or 2 => Math.Round(value), // age, visits: whole numbers
        1 => Math.Round(value / 100) * 100, // income: to the hundred
        _ => Math.Round(value, 1),
    };

    private static Segment Pick(Random random)
    {
        var u = random.NextDouble();
        foreach (var segment in Segments)
        {
            if ((u -= segment.Share) < 0)
            {
                return segment;
            }
        }

        return Segments[^1];
    }

    // Box-Muller; one of the pair is enough here.
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed record Segment(string Name, double Share, (double Mean, double Spread)[] Profile, int Region);
}
