using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace NmiGate.Core.Scoring;

/// <summary>
/// Scores held-out data with an ML.NET clustering model into the candidate partition
/// (id → 1-based cluster key), streaming: only ids and cluster keys are kept, never the features.
/// </summary>
public static class PartitionScorer
{
    private const int ProgressInterval = 1 << 16;
    private const int CancellationInterval = 1 << 12;

    /// <summary>Scores <see cref="ScoringRequest.DataPath"/> with <see cref="ScoringRequest.ModelPath"/>.</summary>
    /// <param name="request">The model, the data and how to read it.</param>
    /// <param name="progress">Receives rows scored so far; Core never writes to the console.</param>
    /// <param name="cancellationToken">Stops scoring between rows.</param>
    /// <returns>Ids and cluster keys in file order.</returns>
    /// <exception cref="ScoringException">The model or the data is unusable; the message says where and how to fix it.</exception>
    public static ScoredPartition Score(ScoringRequest request, IProgress<ScoringProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ModelPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.DataPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.IdColumn);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.PredictedColumn);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.MaxReportedIds);
        if (request.Separator is '"' or '\r' or '\n')
        {
            throw new ArgumentException("The separator cannot be a quote or a line break.", nameof(request));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        var context = new MLContext(seed: 1);
        var model = ModelLoader.Load(context, request.ModelPath);
        var dataPath = request.DataPath;
        if (!File.Exists(dataPath))
        {
            throw new ScoringException(
                ScoringErrorCodes.DataFileNotFound,
                $"{dataPath}: the data file does not exist. Check the data path (relative paths are resolved against {Environment.CurrentDirectory}).",
                dataPath);
        }

        var separator = ResolveSeparator(request);
        using var reader = new DelimitedReader(dataPath, separator, sha256: request.HashData);
        if (!reader.ReadHeader())
        {
            throw new ScoringException(
                ScoringErrorCodes.EmptyDataFile,
                $"{dataPath}: the file is empty; it needs a header row naming its columns, then one row per id.",
                dataPath);
        }

        var idField = FindIdColumn(reader, request.IdColumn, separator);
        var plan = InputBinder.Bind(context, model, request, reader.Header, separator);
        var scored = Transform(model.Model, plan, request, reader.Header);
        var predicted = PredictedColumn(scored, request);

        cancellationToken.ThrowIfCancellationRequested();
        using var run = new ScoringRun(request, reader, idField, plan, scored, predicted);
        while (run.Next())
        {
            var rows = run.RowCount;
            if (rows % CancellationInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (rows % ProgressInterval == 0)
            {
                progress?.Report(new ScoringProgress(rows, clock.Elapsed));
            }
        }

        var (sortedHashes, sortedKeys, collision) = run.SortAndThrowIfDuplicate();
        run.ThrowIfUnassigned();
        if (run.RowCount == 0)
        {
            throw new ScoringException(
                ScoringErrorCodes.NoDataRows,
                $"{dataPath}: the file has a header but no data rows. Export the held-out set with one row per id.",
                dataPath,
                reader.LineNumber);
        }

        progress?.Report(new ScoringProgress(run.RowCount, clock.Elapsed));
        var hashedRows = new ScoredRows(dataPath, separator, idField, sortedHashes, sortedKeys, collision, run.OrderDigest);
        return new ScoredPartition(hashedRows, run.Keys, clock.Elapsed, plan.Kind)
        {
            DataSha256 = request.HashData ? reader.FinishSha256() : null,
        };
    }

    private static char ResolveSeparator(ScoringRequest request)
    {
        if (request.Separator is { } separator)
        {
            return separator;
        }

        var extension = Path.GetExtension(request.DataPath);
        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return ',';
        }

        if (extension.Equals(".tsv", StringComparison.OrdinalIgnoreCase) || extension.Equals(".tab", StringComparison.OrdinalIgnoreCase))
        {
            return '\t';
        }

        throw new ScoringException(
            ScoringErrorCodes.UnknownSeparator,
            $"{request.DataPath}: cannot tell the field separator from the extension '{extension}'. Name the file .csv (comma) or .tsv (tab), or set the separator.",
            request.DataPath);
    }

    private static int FindIdColumn(DelimitedReader reader, string idColumn, char separator)
    {
        var header = reader.Header;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (!seen.TryAdd(header[i], i))
            {
                throw new ScoringException(
                    ScoringErrorCodes.DuplicateColumnName,
                    $"{reader.Path}({reader.LineNumber}): the header names column '{header[i]}' twice (fields {seen[header[i]] + 1} and {i + 1}), so columns cannot be matched by name. Rename one of them.",
                    reader.Path,
                    reader.LineNumber,
                    header[i]);
            }
        }

        if (seen.TryGetValue(idColumn, out var index))
        {
            return index;
        }

        var hint = header.Count == 1 && header[0].Contains(separator == ',' ? '\t' : ',', StringComparison.Ordinal)
            ? $" The header has one column only: is the separator right (it is {(separator == '\t' ? "tab" : $"'{separator}'")})?"
            : string.Empty;
        throw new ScoringException(
            ScoringErrorCodes.IdColumnMissing,
            $"{reader.Path}({reader.LineNumber}): the id column '{idColumn}' is not in the header. The header: {string.Join(", ", header)}. Set the id column to one of these (names are case-sensitive).{hint}",
            reader.Path,
            reader.LineNumber,
            idColumn);
    }

    private static IDataView Transform(ITransformer model, InputPlan plan, ScoringRequest request, IReadOnlyList<string> header)
    {
        try
        {
            return model.Transform(plan.Source);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            var inputs = string.Join(", ", plan.Source.Schema.Where(c => !c.IsHidden).Select(c => $"{c.Name} ({c.Type})"));
            throw new ScoringException(
                ScoringErrorCodes.InputSchemaMismatch,
                $"{request.DataPath}: the model cannot run on the input built from this file: {error.Message} Input given to the model: {inputs}. The file's header: {string.Join(", ", header)}. Make the columns (names, count and types) match the training data.",
                request.DataPath,
                innerException: error);
        }
    }

    private static DataViewSchema.Column PredictedColumn(IDataView scored, ScoringRequest request)
    {
        var column = scored.Schema.GetColumnOrNull(request.PredictedColumn);
        var outputs = string.Join(", ", scored.Schema.Where(c => !c.IsHidden).Select(c => $"{c.Name} ({c.Type})"));
        if (column is null)
        {
            throw new ScoringException(
                ScoringErrorCodes.PredictedColumnInvalid,
                $"{request.ModelPath}: the model's output has no column '{request.PredictedColumn}'. Its outputs: {outputs}. Set the predicted column to the clustering trainer's key output (PredictedLabel by default).",
                request.ModelPath);
        }

        if (column.Value.Type is not KeyDataViewType key || key.RawType != typeof(uint))
        {
            throw new ScoringException(
                ScoringErrorCodes.PredictedColumnInvalid,
                $"{request.ModelPath}: the model's output column '{request.PredictedColumn}' is {column.Value.Type}, not a cluster key (Key<UInt32>). Its outputs: {outputs}. Set the predicted column to the clustering trainer's key output (PredictedLabel by default).",
                request.ModelPath);
        }

        return column.Value;
    }
}
