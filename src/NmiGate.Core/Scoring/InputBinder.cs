using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace NmiGate.Core.Scoring;

/// <summary>
/// Builds the model's input from a data file: through the model's stored loader, by mapping its
/// stored input schema onto the header by name (plus the column map for vectors), or from the
/// column map alone when the model stored no input description.
/// </summary>
internal static class InputBinder
{
    public static InputPlan Bind(MLContext context, LoadedModel model, ScoringRequest request, IReadOnlyList<string> header, char separator)
    {
        var headerIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            headerIndex[header[i]] = i;
        }

        if (model.Loader is not null)
        {
            return BindStoredLoader(model.Model, model.Loader, request.DataPath, headerIndex);
        }

        if (model.InputSchema is not null)
        {
            return BindInputSchema(context, model, model.InputSchema, request, header, headerIndex, separator);
        }

        return BindColumnMap(context, model.Model, request, header, headerIndex, separator);
    }

    private static InputPlan BindStoredLoader(ITransformer model, IDataLoader<IMultiStreamSource> loader, string dataPath, Dictionary<string, int> headerIndex)
    {
        var source = loader.Load(new MultiFileSource(dataPath));
        var crossChecks = new List<LoaderCrossCheck>();
        var watches = new List<int>();
        foreach (var column in source.Schema)
        {
            if (column.IsHidden)
            {
                continue;
            }

            var itemType = ItemType(column.Type);
            var isFloat = itemType.RawType == typeof(float);
            var isDouble = itemType.RawType == typeof(double);
            if ((!isFloat && !isDouble) || !ModelReads(model, source.Schema, column.Index))
            {
                continue;
            }

            if (column.Type is not VectorDataViewType && headerIndex.TryGetValue(column.Name, out var field))
            {
                crossChecks.Add(new LoaderCrossCheck(column.Index, field, column.Name, isDouble));
            }
            else
            {
                watches.Add(column.Index);
            }
        }

        return new InputPlan(source, ModelInputKind.StoredLoader, [], crossChecks, watches) { Loader = loader };
    }

    private static InputPlan BindInputSchema(
        MLContext context,
        LoadedModel model,
        DataViewSchema inputSchema,
        ScoringRequest request,
        IReadOnlyList<string> header,
        Dictionary<string, int> headerIndex,
        char separator)
    {
        var columns = new List<TextLoader.Column>();
        var numeric = new List<NumericField>();
        var missing = new List<string>();
        var missingNames = new List<string>();
        var used = new List<string>();
        foreach (var column in inputSchema)
        {
            if (column.IsHidden || !ModelReads(model.Model, inputSchema, column.Index))
            {
                continue;
            }

            used.Add(column.Name);

            var kind = ToDataKind(ItemType(column.Type));
            var isVector = column.Type is VectorDataViewType;
            if (request.ColumnMap is not null && request.ColumnMap.TryGetValue(column.Name, out var mapped))
            {
                var size = isVector ? ((VectorDataViewType)column.Type).Size : 1;
                if (kind is null || (size != 0 && size != mapped.Count))
                {
                    throw new ScoringException(
                        ScoringErrorCodes.InputSchemaMismatch,
                        $"{request.DataPath}: the column map gives model input '{column.Name}' {mapped.Count} column(s) ({string.Join(", ", mapped)}), but the model expects {column.Type}. Map exactly as many numeric columns as the vector holds, in the training order.",
                        request.DataPath,
                        column: column.Name);
                }

                columns.Add(new TextLoader.Column(column.Name, kind.Value, MappedRanges(column.Name, mapped, request.DataPath, header, headerIndex, numeric, kind.Value)));
                continue;
            }

            if (kind is null || (isVector && ((VectorDataViewType)column.Type).Size != 1) || !headerIndex.TryGetValue(column.Name, out var field))
            {
                missingNames.Add(column.Name);
                missing.Add(kind is null
                    ? $"'{column.Name}' ({column.Type}, a type NmiGate cannot read from text)"
                    : isVector ? $"'{column.Name}' ({column.Type}: give its columns in the column map)" : $"'{column.Name}' ({column.Type})");
                continue;
            }

            columns.Add(isVector
                ? new TextLoader.Column(column.Name, kind.Value, [new TextLoader.Range(field)])
                : new TextLoader.Column(column.Name, kind.Value, field));
            if (IsNumeric(kind.Value))
            {
                numeric.Add(new NumericField(field, column.Name, column.Name));
            }
        }

        if (request.ColumnMap?.Keys.FirstOrDefault(key => !used.Contains(key)) is { } unknown)
        {
            throw new ScoringException(
                ScoringErrorCodes.InputSchemaMismatch,
                $"{request.ModelPath}: the column map names model input '{unknown}', which the model does not read. Its inputs: {string.Join(", ", used)}. Fix the column map's key.",
                request.ModelPath,
                column: unknown);
        }

        // Only columns the model reads are considered above, so a missing one is always fatal.
        if (missing.Count > 0)
        {
            throw new ScoringException(
                ScoringErrorCodes.InputColumnMissing,
                $"{request.DataPath}: the model needs input column(s) {string.Join(", ", missing)} that the file does not have. The file's header: {string.Join(", ", header)}. Add or rename the columns to match the model's input, or map vector inputs with the column map.",
                request.DataPath,
                1,
                missingNames[0]);
        }

        if (columns.Count == 0)
        {
            throw new ScoringException(
                ScoringErrorCodes.InputSchemaMismatch,
                $"{request.ModelPath}: the model's input schema has no column the model reads, so NmiGate cannot build its input. Save the model with the schema of its training data.",
                request.ModelPath);
        }

        var loader = CreateLoader(context, columns, separator);
        return new InputPlan(loader.Load(new MultiFileSource(request.DataPath)), ModelInputKind.InputSchema, Distinct(numeric), [], []);
    }

    private static InputPlan BindColumnMap(MLContext context, ITransformer model, ScoringRequest request, IReadOnlyList<string> header, Dictionary<string, int> headerIndex, char separator)
    {
        if (request.ColumnMap is null || request.ColumnMap.Count == 0)
        {
            throw new ScoringException(
                ScoringErrorCodes.InputSchemaMismatch,
                $"{request.ModelPath}: the model stores neither its data loader nor its input schema, so NmiGate cannot tell which data columns it reads. Provide a column map (model input column → data columns), or save the model with its input schema: mlContext.Model.Save(model, data.Schema, path).",
                request.ModelPath);
        }

        var columns = new List<TextLoader.Column>();
        var numeric = new List<NumericField>();
        foreach (var (input, mapped) in request.ColumnMap)
        {
            columns.Add(new TextLoader.Column(input, DataKind.Single, MappedRanges(input, mapped, request.DataPath, header, headerIndex, numeric, DataKind.Single)));
        }

        var loader = CreateLoader(context, columns, separator);
        var schema = loader.GetOutputSchema();
        if (schema.FirstOrDefault(column => !ModelReads(model, schema, column.Index)) is { Name: not null } unused)
        {
            throw new ScoringException(
                ScoringErrorCodes.InputSchemaMismatch,
                $"{request.ModelPath}: the column map names model input '{unused.Name}', which the model does not read. Fix the column map's key (names are case-sensitive).",
                request.ModelPath,
                column: unused.Name);
        }

        return new InputPlan(loader.Load(new MultiFileSource(request.DataPath)), ModelInputKind.ColumnMap, Distinct(numeric), [], []);
    }

    private static TextLoader.Range[] MappedRanges(
        string input,
        IReadOnlyList<string> mapped,
        string dataPath,
        IReadOnlyList<string> header,
        Dictionary<string, int> headerIndex,
        List<NumericField> numeric,
        DataKind kind)
    {
        if (mapped.Count == 0)
        {
            throw new ScoringException(
                ScoringErrorCodes.InputSchemaMismatch,
                $"{dataPath}: the column map gives model input '{input}' no columns. List the data columns that make up '{input}', in the training order.",
                dataPath,
                column: input);
        }

        var ranges = new TextLoader.Range[mapped.Count];
        for (var i = 0; i < mapped.Count; i++)
        {
            if (!headerIndex.TryGetValue(mapped[i], out var field))
            {
                throw new ScoringException(
                    ScoringErrorCodes.InputColumnMissing,
                    $"{dataPath}: the column map builds model input '{input}' from column '{mapped[i]}', which the file does not have. The file's header: {string.Join(", ", header)}. Fix the column map or the header.",
                    dataPath,
                    1,
                    mapped[i]);
            }

            ranges[i] = new TextLoader.Range(field);
            if (IsNumeric(kind))
            {
                numeric.Add(new NumericField(field, mapped[i], input));
            }
        }

        return ranges;
    }

    private static TextLoader CreateLoader(MLContext context, List<TextLoader.Column> columns, char separator) =>
        context.Data.CreateTextLoader(new TextLoader.Options
        {
            Columns = [.. columns],
            Separators = [separator],
            HasHeader = true,
            AllowQuoting = true,
        });

    /// <summary>Whether the model can run on <paramref name="schema"/> (ML.NET propagates schemas without reading data).</summary>
    private static bool ModelAccepts(ITransformer model, DataViewSchema schema)
    {
        try
        {
            model.GetOutputSchema(schema);
            return true;
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether the model needs column <paramref name="index"/>: it cannot run on the schema without
    /// it. Training loaders often read columns the model ignores (a label, a weight); those are not checked.
    /// </summary>
    private static bool ModelReads(ITransformer model, DataViewSchema schema, int index)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var column in schema)
        {
            if (column.Index != index)
            {
                builder.AddColumn(column.Name, column.Type, column.Annotations);
            }
        }

        return !ModelAccepts(model, builder.ToSchema());
    }

    private static NumericField[] Distinct(List<NumericField> fields) =>
        [.. fields.GroupBy(f => f.FieldIndex).Select(g => g.First()).OrderBy(f => f.FieldIndex)];

    private static bool IsNumeric(DataKind kind) => kind is not (DataKind.String or DataKind.Boolean);

    private static DataKind? ToDataKind(DataViewType itemType) => itemType switch
    {
        TextDataViewType => DataKind.String,
        BooleanDataViewType => DataKind.Boolean,
        NumberDataViewType number => Type.GetTypeCode(number.RawType) switch
        {
            TypeCode.Single => DataKind.Single,
            TypeCode.Double => DataKind.Double,
            TypeCode.SByte => DataKind.SByte,
            TypeCode.Byte => DataKind.Byte,
            TypeCode.Int16 => DataKind.Int16,
            TypeCode.UInt16 => DataKind.UInt16,
            TypeCode.Int32 => DataKind.Int32,
            TypeCode.UInt32 => DataKind.UInt32,
            TypeCode.Int64 => DataKind.Int64,
            TypeCode.UInt64 => DataKind.UInt64,
            _ => null,
        },
        _ => null,
    };

    /// <summary>The item type of a vector type, or the type itself.</summary>
    public static DataViewType ItemType(DataViewType type) => type is VectorDataViewType vector ? vector.ItemType : type;

    /// <summary>Formats a loaded value for a message, as the float or double ML.NET read.</summary>
    public static string Format(double value, bool isDouble) =>
        isDouble ? value.ToString("R", CultureInfo.InvariantCulture) : ((float)value).ToString("R", CultureInfo.InvariantCulture);
}
