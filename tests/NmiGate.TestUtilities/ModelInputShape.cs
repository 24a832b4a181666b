namespace NmiGate.TestUtilities;

/// <summary>How a trained model's input looks.</summary>
public enum ModelInputShape
{
    /// <summary>One float column per feature, concatenated by the pipeline (x1, x2, ... → Features).</summary>
    ScalarColumns,

    /// <summary>One float vector column <c>Features</c> read straight from the feature columns.</summary>
    VectorColumn,
}
