using System.Globalization;
using CustomerSegmentation.Trainer;

// The example's helper program: generates the synthetic customers and trains segmentation models.
//   generate                       data/train.csv (20,000 rows) and data/holdout.csv (5,000 rows with ids)
//   train [--seed N] [--clusters K] [--data-seed N] [--income-bug] [--out FILE]
//   scenario reference|benign|pipeline-bug|different-k [--out FILE]
// Paths are relative to the current folder (run it from examples/customer-segmentation).
var command = args.FirstOrDefault();
string Option(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

switch (command)
{
    case "generate":
        CustomerGenerator.Write("data/train.csv", CustomerGenerator.TrainingRows, CustomerGenerator.TrainingSeed, idPrefix: "T");
        CustomerGenerator.Write("data/holdout.csv", CustomerGenerator.HoldoutRows, CustomerGenerator.HoldoutSeed, idPrefix: "C");
        Console.WriteLine("wrote data/train.csv (20000 rows) and data/holdout.csv (5000 rows)");
        return 0;
    case "train":
        return Train(
            new TrainingOptions(
                Seed: int.Parse(Option("--seed", "2"), CultureInfo.InvariantCulture),
                Clusters: int.Parse(Option("--clusters", "6"), CultureInfo.InvariantCulture),
                DataSeed: int.Parse(Option("--data-seed", "11"), CultureInfo.InvariantCulture),
                IncomeBug: args.Contains("--income-bug")),
            Option("--out", "models/segmenter.zip"));
    case "scenario" when args.Length > 1 && Scenarios.TryGet(args[1], out var scenario):
        Console.WriteLine($"scenario {args[1]}: {scenario.Description}");
        return Train(scenario.Options, Option("--out", $"artifacts/scenarios/{args[1]}.zip"));
    default:
        Console.Error.WriteLine("usage: generate | train [--seed N] [--clusters K] [--data-seed N] [--income-bug] [--out FILE] | scenario "
            + string.Join('|', Scenarios.Names) + " [--out FILE]");
        return 2;
}

static int Train(TrainingOptions options, string output)
{
    SegmentTrainer.Train(CustomerGenerator.TrainingFile(options.DataSeed), output, options);
    Console.WriteLine($"trained K={options.Clusters} seed={options.Seed} data-seed={options.DataSeed}{(options.IncomeBug ? " with the income bug" : string.Empty)} -> {output}");
    return 0;
}
