namespace NmiGate.TestUtilities;

/// <summary>One trained model saved the three ways ML.NET can save it.</summary>
/// <param name="WithLoader">Saved with its data loader (<c>Model.Save(model, loader, path)</c>).</param>
/// <param name="SchemaOnly">Saved with its input schema only (<c>Model.Save(model, schema, path)</c>).</param>
/// <param name="NoInputDescription">Saved with neither (<c>Model.Save(model, null, path)</c>).</param>
public sealed record KMeansModelFiles(string WithLoader, string SchemaOnly, string NoInputDescription);
