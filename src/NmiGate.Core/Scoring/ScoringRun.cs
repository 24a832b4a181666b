using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using NmiGate.Core.Partitions;

namespace NmiGate.Core.Scoring;

/// <summary>
/// One pass over the data: ML.NET's cursor over the scored view and NmiGate's own reader over the
/// same file move in lockstep, row for row. The reader supplies ids (kept as 64-bit hashes, see
/// <see cref="IdHash"/>) and catches what ML.NET's text loader would hide (ragged rows,
/// unparseable numbers turned into NaN, columns read from the wrong place); the cursor supplies
/// the cluster key.
/// </summary>
/// <remarks>
/// A stored loader's values are compared with the file's text on the first
/// <see cref="CrossCheckedRows"/> rows and on every row from the first quoted one on, through a
/// second cursor over the loader's output. Asking the scoring cursor for the source columns on
/// every row would cost ML.NET its parallel parsing (measured 1.3 s → 2.4 s for 10^6 rows × 20
/// columns). Columns read from the wrong place are a property of the file's layout, visible on
/// its first rows; only quoting (which a loader may read differently) varies row by row.
/// </remarks>
internal sealed class ScoringRun : IDisposable
{
    /// <summary>Rows whose loaded values are compared with the text whatever they hold.</summary>
    internal const int CrossCheckedRows = 4096;

    private readonly ScoringRequest request;
    private readonly DelimitedReader reader;
    private readonly int idField;
    private readonly InputPlan plan;
    private readonly DataViewRowCursor cursor;
    private readonly ValueGetter<uint> predicted;
    private readonly DataViewSchema.Column[] checkColumns;
    private readonly ValueGetter<VBuffer<float>>[] floatWatches;
    private readonly ValueGetter<VBuffer<double>>[] doubleWatches;
    private readonly string[] watchNames;
    private readonly List<(string Id, long Line)> unassignedSample = [];
    private readonly long fileLength;
    private readonly long headerCharacters;

    // False when the id column also feeds the model: its value must then be checked as a number.
    private readonly bool plainRowsSuffice;

    // Per row, file order: the id's hash and the cluster key. Arrays sized once (see ReserveForEstimatedRows).
    private ulong[] hashes = new ulong[SizingSample];
    private readonly ClusterKeys keys;
    private int count;

    private readonly IDataView? checkPrefix;
    private readonly DataViewSchema.Column[] prefixCheckColumns = [];
    private DataViewRowCursor? checkCursor;
    private bool checkCursorOnPrefix;
    private long checkCursorRows;
    private bool checkEveryRow;
    private ValueGetter<float>[] floatChecks = [];
    private ValueGetter<double>[] doubleChecks = [];
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
        plainRowsSuffice = plan.NumericFields.All(f => f.FieldIndex != idField) && plan.CrossChecks.All(c => c.FieldIndex != idField);

        // The model's output schema keeps its input columns at their indices (hidden when a
        // transform reuses the name), so source column i is scored column i.
        var sourceSchema = plan.Source.Schema;
        DataViewSchema.Column Scored(int index) =>
            index < scored.Schema.Count && scored.Schema[index].Name == sourceSchema[index].Name
                ? scored.Schema[index]
                : throw new InvalidOperationException($"Scored column {index} is not source column '{sourceSchema[index].Name}'.");

        checkColumns = plan.CrossChecks.Select(c => sourceSchema[c.SourceColumn]).ToArray();
        if (checkColumns.Length > 0 && plan.Loader is not null && FilePrefixSource.ForLines(reader.Path, CrossCheckedRows + 1) is { } prefix)
        {
            // The first rows through the same loader, but from a source that ends after them.
            checkPrefix = plan.Loader.Load(prefix);
            prefixCheckColumns = plan.CrossChecks.Select(c => checkPrefix.Schema[c.SourceColumn]).ToArray();
        }

        var watchColumns = plan.NaNWatches.Select(Scored).ToArray();
        cursor = scored.GetRowCursor([predictedColumn, .. watchColumns]);
        predicted = cursor.GetGetter<uint>(predictedColumn);
        keys = new ClusterKeys(((KeyDataViewType)predictedColumn.Type).Count, SizingSample);
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

    public long RowCount => count;

    /// <summary>A digest of the ids' hashes in file order: reading the ids back checks the file is the one scored.</summary>
    public ulong OrderDigest { get; private set; }

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

        var hasFileRow = reader.ReadRowUnsplit();
        if (!hasModelRow)
        {
            if (hasFileRow)
            {
                _ = reader.FieldCount; // a malformed row is reported as such first
                throw LoaderMismatch($"{reader.Path}({reader.LineNumber}): the model's input ended after {RowCount} rows, but the file goes on at this line.");
            }

            return false;
        }

        if (!hasFileRow)
        {
            throw LoaderMismatch($"{reader.Path}: the model's input has more rows than the file's {RowCount} data rows (is its loader reading the header as data?).");
        }

        // Nearly every row is quote-free plain numbers around the id: then every check of
        // ValidateRow and CrossCheck's number checks pass, and the row need not even be split.
        ReadOnlySpan<char> plainId = default;
        var plain = plainRowsSuffice && reader.TryReadPlainNumbers(idField, out plainId);
        var hash = plain ? IdHash.Of(plainId) : ValidateRow();
        CrossCheck(plain);
        WatchForNaN();
        predicted(ref key);
        if (key == 0)
        {
            unassignedCount++;
            if (unassignedSample.Count < request.MaxReportedIds)
            {
                unassignedSample.Add((reader.GetString(idField), reader.LineNumber));
            }
        }

        if (count == hashes.Length)
        {
            Grow();
        }

        hashes[count] = hash;
        keys.Add(key);
        OrderDigest = DataRows.Digest(OrderDigest, hash);
        count++;
        if (count == SizingSample)
        {
            ReserveForEstimatedRows();
        }

        return true;
    }

    /// <summary>
    /// Sorts the ids' hashes, each with a copy of its row's cluster key (1 byte a row for up to 255
    /// clusters, where a row index would take 4), and refuses duplicate ids, naming both lines (the
    /// first repeated id in file order, as a streaming check would). Rows whose hashes are equal
    /// are found again by re-reading the file, and told apart by their text.
    /// </summary>
    /// <returns>
    /// The hashes ascending (the array may be longer than <see cref="RowCount"/>: only its first
    /// <see cref="RowCount"/> entries count), the keys in the same order, and whether two different
    /// ids share a hash.
    /// </returns>
    public (ulong[] SortedHashes, ClusterKeys SortedKeys, bool HashCollision) SortAndThrowIfDuplicate()
    {
        var sortedKeys = keys.SortedWith(hashes);
        var shared = new HashSet<ulong>();
        for (var i = 1; i < count; i++)
        {
            if (hashes[i] == hashes[i - 1])
            {
                shared.Add(hashes[i]);
            }
        }

        var collision = false;
        if (shared.Count > 0)
        {
            var firstLineById = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (id, line) in DataRows.ReadWhere(reader.Path, reader.Separator, idField, shared.Contains))
            {
                if (!firstLineById.TryAdd(id, line))
                {
                    var name = reader.Header[idField];
                    throw new ScoringException(
                        ScoringErrorCodes.DuplicateId,
                        string.Create(CultureInfo.InvariantCulture, $"{reader.Path}({line}): id '{id}' appears on line {firstLineById[id]} and again on line {line}. Ids in column '{name}' must be unique; remove the duplicate row."),
                        reader.Path,
                        line,
                        name);
                }
            }

            collision = true;
        }

        // The hash array stays as sized (slightly over): copying it to the exact length would leave
        // 8 bytes a row of garbage on the large-object heap, which raises a check's peak memory.
        var sorted = hashes;
        hashes = [];
        return (sorted, sortedKeys, collision);
    }

    /// <summary>The cluster key of each row, in file order.</summary>
    public IReadOnlyList<uint> Keys => keys;

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

    public void Dispose()
    {
        checkCursor?.Dispose();
        cursor.Dispose();
    }

    private const int SizingSample = 1024;

    /// <summary>
    /// Sizes the hash and key arrays once from the file length and the first rows' average
    /// length. Letting them double instead would briefly hold both the old and the new arrays and
    /// leave up to half unused.
    /// </summary>
    private void ReserveForEstimatedRows()
    {
        var charactersPerRow = (double)(reader.CharactersRead - headerCharacters) / count;
        var remaining = Math.Max(0, fileLength - reader.CharactersRead);
        var estimate = count + (long)(remaining / charactersPerRow * 1.02) + 16;
        var capacity = (int)Math.Min(estimate, Array.MaxLength / 2);
        if (capacity > hashes.Length)
        {
            Array.Resize(ref hashes, capacity);
            keys.Resize(capacity);
        }
    }

    private void Grow()
    {
        var capacity = (int)Math.Min((long)hashes.Length * 5 / 4 + SizingSample, Array.MaxLength);
        Array.Resize(ref hashes, capacity);
        keys.Resize(capacity);
    }

    private ulong ValidateRow()
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

        var id = reader.GetField(idField);
        if (id.IsWhiteSpace())
        {
            throw new ScoringException(
                ScoringErrorCodes.EmptyId,
                string.Create(CultureInfo.InvariantCulture, $"{reader.Path}({reader.LineNumber}): the id column '{header[idField]}' is empty. Every row needs a unique id."),
                reader.Path,
                reader.LineNumber,
                header[idField]);
        }

        foreach (var field in plan.NumericFields)
        {
            if (!NumberText.IsNumber(reader.GetField(field.FieldIndex)))
            {
                throw NonNumeric(field.FieldIndex, field.ModelInput);
            }
        }

        return HashOfId(reader, idField);
    }

    /// <summary>
    /// A stored loader reads columns by position: each value must parse, and on the rows checked
    /// (see the class remarks) equal what the loader read from the header column of the same name.
    /// </summary>
    private void CrossCheck(bool plainRow)
    {
        var checks = plan.CrossChecks;
        if (checks.Count == 0)
        {
            return;
        }

        for (var i = 0; i < checks.Count && !plainRow; i++)
        {
            if (!NumberText.IsNumber(reader.GetField(checks[i].FieldIndex)))
            {
                throw NonNumeric(checks[i].FieldIndex, checks[i].Name);
            }
        }

        var row = count; // 0-based index of the current row
        if (!checkEveryRow && row >= CrossCheckedRows)
        {
            if (plainRow || !reader.LineHasQuote)
            {
                if (checkCursor is not null)
                {
                    checkCursor.Dispose();
                    checkCursor = null;
                }

                return;
            }

            checkEveryRow = true;
        }

        MoveCheckCursorTo(row);
        for (var i = 0; i < checks.Count; i++)
        {
            var check = checks[i];
            var text = reader.GetField(check.FieldIndex);
            _ = NumberText.TryParse(text, out var expected); // IsNumber above accepted it
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
                    $"{reader.Path}({reader.LineNumber}): the loader stored in the model reads column '{check.Name}' of id '{reader.GetString(idField)}' as {InputBinder.Format(loaded, check.IsDouble)}, but the file's column '{check.Name}' holds '{text}'. The file's columns are not where the model's loader expects them (another order, separator or header setting than the training data). Write the file with the training data's layout, or save the model with its input schema (mlContext.Model.Save(model, data.Schema, path)) so columns are matched by name."),
                    check.Name);
            }
        }
    }

    /// <summary>
    /// Opens the loader-only cursor when needed and moves it to <paramref name="row"/> (0-based),
    /// the scoring cursor's row. The first <see cref="CrossCheckedRows"/> rows are read from the
    /// file's prefix when it could be cut; should the prefix end first (the loader counts lines
    /// differently), the whole file is read from the top instead, and only its end is an error.
    /// </summary>
    private void MoveCheckCursorTo(long row)
    {
        if (checkCursor is null)
        {
            OpenCheckCursor(onPrefix: checkPrefix is not null && row < CrossCheckedRows);
        }

        while (checkCursorRows <= row)
        {
            if (!checkCursor!.MoveNext())
            {
                if (checkCursorOnPrefix)
                {
                    checkCursor.Dispose();
                    OpenCheckCursor(onPrefix: false);
                    continue;
                }

                throw LoaderMismatch($"{reader.Path}({reader.LineNumber}): the model's loader ended after {checkCursorRows} rows, but the file goes on at this line.");
            }

            checkCursorRows++;
        }
    }

    private void OpenCheckCursor(bool onPrefix)
    {
        var columns = onPrefix ? prefixCheckColumns : checkColumns;
        var opened = (onPrefix ? checkPrefix! : plan.Source).GetRowCursor(columns);
        checkCursor = opened;
        checkCursorOnPrefix = onPrefix;
        checkCursorRows = 0;
        floatChecks = new ValueGetter<float>[columns.Length];
        doubleChecks = new ValueGetter<double>[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            if (plan.CrossChecks[i].IsDouble)
            {
                doubleChecks[i] = opened.GetGetter<double>(columns[i]);
            }
            else
            {
                floatChecks[i] = opened.GetGetter<float>(columns[i]);
            }
        }
    }

    /// <summary>A NaN read by the stored loader is traced to the row's text: an unparseable value is an error, an explicit NaN / '?' is left to the key-0 check.</summary>
    private void WatchForNaN()
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
                throw NonNumeric(firstBad, watchNames[i]);
            }
        }
    }

    /// <summary>The hash of the current row's id, unquoted: the one function both passes over a file use.</summary>
    internal static ulong HashOfId(DelimitedReader reader, int idField) =>
        reader.IsEscaped(idField) ? IdHash.Of(reader.GetString(idField)) : IdHash.Of(reader.GetField(idField));

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

    private ScoringException NonNumeric(int field, string modelInput)
    {
        var id = reader.GetString(idField);
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
