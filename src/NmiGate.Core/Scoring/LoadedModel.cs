using Microsoft.ML;
using Microsoft.ML.Data;

namespace NmiGate.Core.Scoring;

/// <summary>A loaded ML.NET model and what it stored about its input.</summary>
/// <param name="Model">The trained transformer.</param>
/// <param name="Loader">The data loader saved with the model, if any.</param>
/// <param name="InputSchema">The input schema saved with the model (or the loader's output schema), if any.</param>
internal sealed record LoadedModel(ITransformer Model, IDataLoader<IMultiStreamSource>? Loader, DataViewSchema? InputSchema);
