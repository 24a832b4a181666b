using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace NmiGate.Core.Scoring;

/// <summary>
/// One pass over the data: ML.NET's cursor over the scored view and NmiGate's own reader over the
/// same file move in lockstep, row for row. The reader supplies ids and catches what ML.NET's text
/// loader would hide (ragged rows, unparseable numbers turned into NaN, columns read from the
/// wrong place); the cursor supplies the cluster key.
/// </summary>
internal sealed class ScoringRun : IDisposable
{
    private readonly ScoringRequest request;
    private readonly DelimitedReader reader;
    private readonly int idField;
    private readonly InputPlan plan;
    private readonly DataViewRowCursor cursor;
    private readonly ValueGetter<uint> predicted;
    private readonly ValueGetter<float>[] floatChecks;
    private readonly ValueGetter<double>[] doubleChecks;
    private readonly ValueGetter<VBuffer<float>>[] floatWatches;
    private readonly ValueGetter<VBuffer<double>>[] doubleWatches;
    private readonly string[] watchNames;
    private readonly List<string> ids = [];
    private readonly List<uint> clusterIds = [];

    // Id → row index (the duplicate check), and each row's line. The dictionary holds the same
    // string instances as ids and is handed on as the candidate partition's id index, so a check
    // builds one id index for the candidate, not two.
    private readonly Dictionary<string, int> rowById = new(StringComparer.Ordinal);
    private readonly List<long> lines = [];
    private readonly List<(string Id, long Line)> unassignedSample = [];
    private readonly long fileLength;
    private readonly long headerCharacters;
    private long unassignedCount;
    private uint key;
    private float floatValue;
    private double doubleValue;
    private VBuffer<float> floatVector;
    private VBuffer<double> doubleVector;

    public ScoringRun(ScoringRequest request, DelimitedReader reader, int idField, InputPlan plan, IDataView scored, DataViewSchema.Column predictedColumn)
    {
        this.request = request;
        this.reader = reader;
        this.idField = idField;
        this.plan = plan;
        fileLength = new FileInfo(reader.Path).Length;
        headerCharacters = reader.CharactersRead;

        // The model's output schema keeps its input columns at their indices (hidden when a
        // transform reuses the name), so source column i is scored column i.
        var sourceSchema = plan.Source.Schema;
        DataViewSchema.Column Scored(int index) =>
            index < scored.Schema.Count && scored.Schema[index].Name == sourceSchema[index].Name
                ? scored.Schema[index]
                : throw new InvalidOperationException($"Scored column {index} is not source column '{sourceSchema[index].Name}'.");

        var checkColumns = plan.CrossChecks.Select(c => Scored(c.SourceColumn)).ToArray();
        var watchColumns = plan.NaNWatches.Select(Scored).ToArray();
        cursor = scored.GetRowCursor([predictedColumn, .. checkColumns, .. watchColumns]);
        predicted = cursor.GetGetter<uint>(predictedColumn);
        floatChecks = new ValueGetter<float>[checkColumns.Length];
        doubleChecks = new ValueGetter<double>[checkColumns.Length];
        for (var i = 0; i < checkColumns.Length; i++)
        {
            if (plan.CrossChecks[i].IsDouble)
            {
                doubleChecks[i] = cursor.GetGetter<double>(checkColumns[i]);
            }
            else
            {
                floatChecks[i] = cursor.GetGetter<float>(checkColumns[i]);
            }
        }

        floatWatches = new ValueGetter<VBuffer<float>>[watchColumns.Length];
        doubleWatches = new ValueGetter<VBuffer<double>>[watchColumns.Length];
        watchNames = new string[watchColumns.Length];
        for (var i = 0; i < watchColumns.Length; i++)
        {
            var column = watchColumns[i];
            watchNames[i] = column.Name;
            var isDouble = InputBinder.ItemType(column.Type).RawType == typeof(double);
            var isVector = column.Type is VectorDataViewType;
            if (isDouble)
            {
                doubleWatches[i] = isVector ? cursor.GetGetter<VBuffer<double>>(column) : ScalarAsVector(cursor.GetGetter<double>(column));
            }
            else
            {
                floatWatches[i] = isVector ? cursor.GetGetter<VBuffer<float>>(column) : ScalarAsVector(cursor.GetGetter<float>(column));
            }
        }
    }

    public IReadOnlyList<string> Ids => ids;

    public IReadOnlyList<uint> ClusterIds => clusterIds;

    public long RowCount => ids.Count;

    /// <summary>The row index of each id read so far.</summary>
    public Dictionary<string, int> RowById => rowById;

    /// <summary>The line of each row read so far, aligned with <see cref="Ids"/>.</summary>
    public IReadOnlyList<long> Lines => lines;

    /// <summary>Scores the next row; false after the last one.</summary>
    public bool Next()
    {
        bool hasModelRow;
        try
        {
            hasModelRow = cursor.MoveNext();
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException or IOException or ArgumentException)
        {
            throw new ScoringException(
                ScoringErrorCodes.InputSchemaMismatch,
                $"{reader.Path}: ML.NET failed reading the file after line {reader.LineNumber}: {error.Message}",
                reader.Path,
                reader.LineNumber,
                innerException: error);
        }

        var hasFileRow = reader.ReadRow();
        if (!hasModelRow)
        {
            if (hasFileRow)
            {
                throw LoaderMismatch($"{reader.Path}({reader.LineNumber}): the model's input ended after {RowCount} rows, but the file goes on at this line.");
            }

            return false;
        }

        if (!hasFileRow)
        {
            throw LoaderMismatch($"{reader.Path}: the model's input has more rows than the file's {RowCount} data rows (is its loader reading the header as data?).");
        }

        var id = ValidateRow();
        CrossCheck(id);
        WatchForNaN(id);
        predicted(ref key);
        if (key == 0)
        {
            unassignedCount++;
            if (unassignedSample.Count < request.MaxReportedIds)
            {
                unassignedSample.Add((id, reader.LineNumber));
            }
        }

        ids.Add(id);
        clusterIds.Add(key);
        lines.Add(reader.LineNumber);
        if (ids.Count == SizingSample)
        {
            ReserveForEstimatedRows();
        }

        return true;
    }

    /// <summary>Rows with cluster key 0 are an error: they belong to no cluster and must not be folded into one.</summary>
    public void ThrowIfUnassigned()
    {
        if (unassignedCount == 0)
        {
            return;
        }

        var sample = string.Join(", ", unassignedSample.Select(u => string.Create(CultureInfo.InvariantCulture, $"'{u.Id}' (line {u.Line})")));
        var more = unassignedCount > unassignedSample.Count ? ", ..." : string.Empty;
        throw new ScoringException(
            ScoringErrorCodes.UnassignedRows,
            string.Create(CultureInfo.InvariantCulture, $"{reader.Path}: the model assigned {unassignedCount} of {RowCount} rows to no cluster (predicted key 0), e.g. ids {sample}{more}. This happens when their features are missing or NaN ('NaN', '?', values the model cannot use); fix or remove those rows."),
            reader.Path,
            unassignedSample[0].Line);
    }

    public void Dispose() => cursor.Dispose();

    private const int SizingSample = 1024;

    /// <summary>
    /// Sizes the id list, key list and id index once from the file length and the first rows'
    /// average length. Letting them double instead would, at 10^7 rows, briefly hold both the old
    /// and the new arrays (hundreds of MB for the id index alone) and leave up to half unused.
    /// </summary>
    private void ReserveForEstimatedRows()
    {
        var charactersPerRow = (double)(reader.CharactersRead - headerCharacters) / ids.Count;
        var remaining = Math.Max(0, fileLength - reader.CharactersRead);
        var estimate = ids.Count + (long)(remaining / charactersPerRow * 1.05);
        var capacity = (int)Math.Min(estimate, Array.MaxLength / 2);
        ids.EnsureCapacity(capacity);
        clusterIds.EnsureCapacity(capacity);
        lines.EnsureCapacity(capacity);
        rowById.EnsureCapacity(capacity);
    }

    private string ValidateRow()
    {
        var header = reader.Header;
        if (reader.FieldCount != header.Count)
        {
            var idText = idField < reader.FieldCount ? $" (id '{reader.GetString(idField)}')" : string.Empty;
            throw new ScoringException(
                ScoringErrorCodes.RaggedRow,
                string.Create(CultureInfo.InvariantCulture, $"{reader.Path}({reader.LineNumber}): the row{idText} has {reader.FieldCount} fields, the header has {header.Count} ({string.Join(", ", header)}). Fix the row: a missing or extra separator, or an unquoted separator inside a value."),
                reader.Path,
                reader.LineNumber);
        }

        var id = reader.GetString(idField);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ScoringException(
                ScoringErrorCodes.EmptyId,
                string.Create(CultureInfo.InvariantCulture, $"{reader.Path}({reader.LineNumber}): the id column '{header[idField]}' is empty. Every row needs a unique id."),
                reader.Path,
                reader.LineNumber,
                header[idField]);
        }

        if (!rowById.TryAdd(id, ids.Count))
        {
            throw new ScoringException(
                ScoringErrorCodes.DuplicateId,
                string.Create(CultureInfo.InvariantCulture, $"{reader.Path}({reader.LineNumber}): id '{id}' appears on line {lines[rowById[id]]} and again on line {reader.LineNumber}. Ids in column '{header[idField]}' must be unique; remove the duplicate row."),
                reader.Path,
                reader.LineNumber,
                header[idField]);
        }

        foreach (var field in plan.NumericFields)
        {
            var text = reader.GetField(field.FieldIndex);
            if (!NumberText.TryParse(text, out _))
            {
                throw NonNumeric(id, field.FieldIndex, field.ModelInput);
            }
        }

        return id;
    }

    /// <summary>A stored loader reads columns by position: check each value it read against the header column of the same name.</summary>
    private void CrossCheck(string id)
    {
        for (var i = 0; i < plan.CrossChecks.Count; i++)
        {
            var check = plan.CrossChecks[i];
            var text = reader.GetField(check.FieldIndex);
            if (!NumberText.TryParse(text, out var expected))
            {
                throw NonNumeric(id, check.FieldIndex, check.Name);
            }

            double loaded;
            if (check.IsDouble)
            {
                doubleChecks[i](ref doubleValue);
                loaded = doubleValue;
            }
            else
            {
                floatChecks[i](ref floatValue);
                loaded = floatValue;
                expected = (float)expected;
            }

            if (!NumberText.Agree(loaded, expected))
            {
                throw LoaderMismatch(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{reader.Path}({reader.LineNumber}): the loader stored in the model reads column '{check.Name}' of id '{id}' as {InputBinder.Format(loaded, check.IsDouble)}, but the file's column '{check.Name}' holds '{text}'. The file's columns are not where the model's loader expects them (another order, separator or header setting than the training data). Write the file with the training data's layout, or save the model with its input schema (mlContext.Model.Save(model, data.Schema, path)) so columns are matched by name."),
                    check.Name);
            }
        }
    }

    /// <summary>A NaN read by the stored loader is traced to the row's text: an unparseable value is an error, an explicit NaN / '?' is left to the key-0 check.</summary>
    private void WatchForNaN(string id)
    {
        for (var i = 0; i < watchNames.Length; i++)
        {
            bool hasNaN;
            if (floatWatches[i] is { } floats)
            {
                floats(ref floatVector);
                hasNaN = HasNaN(floatVector.GetValues());
            }
            else
            {
                doubleWatches[i](ref doubleVector);
                hasNaN = HasNaN(doubleVector.GetValues());
            }

            if (!hasNaN)
            {
                continue;
            }

            var explicitMissing = false;
            var firstBad = -1;
            for (var field = 0; field < reader.FieldCount; field++)
            {
                if (field == idField)
                {
                    continue;
                }

                var text = reader.GetField(field).Trim();
                if (NumberText.IsExplicitMissing(text))
                {
                    explicitMissing = true;
                }
                else if (firstBad < 0 && !NumberText.TryParse(text, out _))
                {
                    firstBad = field;
                }
            }

            if (!explicitMissing && firstBad >= 0)
            {
                throw NonNumeric(id, firstBad, watchNames[i]);
            }
        }
    }

    private static bool HasNaN(ReadOnlySpan<float> values)
    {
        foreach (var value in values)
        {
            if (float.IsNaN(value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasNaN(ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            if (double.IsNaN(value))
            {
                return true;
            }
        }

        return false;
    }

    private ScoringException NonNumeric(string id, int field, string modelInput)
    {
        var name = reader.Header[field];
        var text = reader.GetString(field);
        var what = text.Length == 0 ? "is empty" : $"holds '{text}', which is not a number";
        var feeds = string.Equals(modelInput, name, StringComparison.Ordinal) ? string.Empty : $" (it feeds model input '{modelInput}')";
        return new ScoringException(
            ScoringErrorCodes.NonNumericValue,
            string.Create(CultureInfo.InvariantCulture, $"{reader.Path}({reader.LineNumber}): column '{name}' of id '{id}' {what}{feeds}. The model reads this column as a number: write a number with '.' as the decimal point (NaN or ? for a deliberately missing value)."),
            reader.Path,
            reader.LineNumber,
            name);
    }

    private ScoringException LoaderMismatch(string message, string? column = null) =>
        new(ScoringErrorCodes.StoredLoaderMismatch, message, reader.Path, reader.LineNumber, column);

    private static ValueGetter<VBuffer<T>> ScalarAsVector<T>(ValueGetter<T> getter)
    {
        var values = new T[1];
        return (ref VBuffer<T> buffer) =>
        {
            getter(ref values[0]);
            buffer = new VBuffer<T>(1, values);
        };
    }
}
