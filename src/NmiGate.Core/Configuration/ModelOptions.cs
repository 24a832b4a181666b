namespace NmiGate.Core.Configuration;

/// <summary>The <c>model</c> section.</summary>
/// <param name="Path">Absolute path of the ML.NET model zip.</param>
/// <param name="PredictedColumn">The output column holding the cluster id (default <c>PredictedLabel</c>).</param>
public sealed record ModelOptions(Sourced<string> Path, Sourced<string> PredictedColumn)
{
    /// <summary>ML.NET's clustering trainers write the cluster id to this column.</summary>
    public const string DefaultPredictedColumn = "PredictedLabel";
}
