using Microsoft.ML;
using Microsoft.ML.Data;

namespace NmiGate.Benchmarks.Baselines;

/// <summary>
/// The least a program can do to score a held-out file with a clustering model saved with its
/// loader: load the model and its loader, load the CSV through that loader, transform, and read
/// the <c>PredictedLabel</c> key of every row (summed, so the value depends on every row). No
/// checks, no ids kept, no reference, no metrics.
/// </summary>
internal static class MlNetScoreOnly
{
    public const string PredictedColumn = "PredictedLabel";

    /// <summary>Returns the sum of the predicted cluster keys and, through <paramref name="rows"/>, the row count.</summary>
    public static ulong Run(string modelPath, string dataPath, out long rows)
    {
        var context = new MLContext(seed: 1);
        var model = context.Model.LoadWithDataLoader(modelPath, out var loader);
        var scored = model.Transform(loader.Load(new MultiFileSource(dataPath)));
        var column = scored.Schema[PredictedColumn];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<uint>(column);
        uint key = 0;
        ulong sum = 0;
        rows = 0;
        while (cursor.MoveNext())
        {
            getter(ref key);
            sum += key;
            rows++;
        }

        return sum;
    }
}
