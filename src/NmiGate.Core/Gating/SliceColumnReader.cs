using System.Globalization;
using System.Text;
using NmiGate.Core.Configuration;
using NmiGate.Core.Diagnostics;
using NmiGate.Core.Metrics;
using NmiGate.Core.Partitions;

namespace NmiGate.Core.Gating;

/// <summary>
/// Reads the <c>slices</c> columns of the held-out data in a pass of its own (the id column and the slice
/// columns only), and splits aligned rows by slice value. Kept apart from scoring, which reads the model's
/// input columns; running before scoring, it reports a missing slice column before minutes of scoring.
/// </summary>
internal sealed class SliceColumnReader
{
    /// <summary>More distinct values than this is not a slice column (an id, a timestamp) and would flood every report.</summary>
    internal const int MaxSliceValues = 1000;

    private readonly Dictionary<string, int> rowById;
    private readonly int[][] codes;
    private readonly string[][] values;
    private readonly IReadOnlyList<SliceOptions> slices;
    private readonly string dataPath;

    private SliceColumnReader(string dataPath, IReadOnlyList<SliceOptions> slices, Dictionary<string, int> rowById, int[][] codes, string[][] values)
    {
        this.dataPath = dataPath;
        this.slices = slices;
        this.rowById = rowById;
        this.codes = codes;
        this.values = values;
    }

    /// <summary>
    /// Reads the slice columns of <paramref name="options"/>' data file; <see langword="null"/> when no slice is
    /// configured, or when the file has no header or id column (scoring reports those with their own codes).
    /// </summary>
    /// <exception cref="GateException"><see cref="DiagnosticCode.SliceColumnMissing"/> or <see cref="DiagnosticCode.TooManySlices"/>, at the <c>column</c> key.</exception>
    public static SliceColumnReader? Read(GateOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Slices.Count == 0)
        {
            return null;
        }

        var path = options.Data.Path.Value;
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null; // scoring reports an unreadable data file with its own code
        }

        using var owned = stream;
        using var text = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var reader = new DelimitedRecordReader(text, path, options.Data.Separator.Value);
        if (!reader.Read())
        {
            return null;
        }

        var header = reader.FieldsToArray();
        var idIndex = Array.IndexOf(header, options.Data.IdColumn.Value);
        if (idIndex < 0)
        {
            return null;
        }

        var columnIndex = new int[options.Slices.Count];
        for (var s = 0; s < columnIndex.Length; s++)
        {
            var column = options.Slices[s].Column;
            columnIndex[s] = Array.IndexOf(header, column.Value);
            if (columnIndex[s] < 0)
            {
                throw AtColumn(
                    DiagnosticCode.SliceColumnMissing,
                    column,
                    $"slice column `{column.Value}` is not in the header of the data file {path}; its columns are: {string.Join(", ", header.Take(20))}{(header.Length > 20 ? ", ..." : string.Empty)}. Name a column of the data file, or add it to the held-out data.");
            }
        }

        var rowById = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new List<int>[columnIndex.Length];
        var lookups = new Dictionary<string, int>[columnIndex.Length];
        for (var s = 0; s < columnIndex.Length; s++)
        {
            codes[s] = [];
            lookups[s] = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        var needed = Math.Max(idIndex, columnIndex.Max()) + 1;
        while (reader.Read())
        {
            if (rowById.Count % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (reader.FieldCount < needed)
            {
                throw new NmiGateInputException(path, reader.RecordLine, string.Create(CultureInfo.InvariantCulture, $"the row has {reader.FieldCount} fields; the header has {header.Length}. Every row needs a value for each column."));
            }

            // A duplicate id is reported by scoring with its own code; the first row wins here.
            if (!rowById.TryAdd(reader.Field(idIndex).ToString(), rowById.Count))
            {
                continue;
            }

            for (var s = 0; s < columnIndex.Length; s++)
            {
                var lookup = lookups[s].GetAlternateLookup<ReadOnlySpan<char>>();
                var value = reader.Field(columnIndex[s]);
                if (!lookup.TryGetValue(value, out var code))
                {
                    code = lookups[s].Count;
                    if (code >= MaxSliceValues)
                    {
                        var column = options.Slices[s].Column;
                        throw AtColumn(
                            DiagnosticCode.TooManySlices,
                            column,
                            string.Create(CultureInfo.InvariantCulture, $"slice column `{column.Value}` of the data file {path} has more than {MaxSliceValues} distinct values; a slice column groups rows (a region, a plan), it is not an id. Slice by a coarser column."));
                    }

                    lookup[value] = code;
                }

                codes[s].Add(code);
            }
        }

        var names = lookups.Select(l => l.OrderBy(p => p.Value).Select(p => p.Key).ToArray()).ToArray();
        return new SliceColumnReader(path, options.Slices, rowById, [.. codes.Select(c => c.ToArray())], names);
    }

    /// <summary>Splits the aligned rows by slice value: one entry per (slice item, value), values in ordinal order.</summary>
    public IReadOnlyList<SliceTable> Split(IReadOnlyList<string> ids, IReadOnlyList<string> referenceLabels, IReadOnlyList<string> candidateLabels)
    {
        var rowOf = new int[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            if (!rowById.TryGetValue(ids[i], out rowOf[i]))
            {
                throw new NmiGateInputException(dataPath, null, $"the id {MessageText.Quote(ids[i])} was scored but not found when reading the slice columns; check that the data file did not change during the check.");
            }
        }

        var tables = new List<SliceTable>();
        for (var s = 0; s < slices.Count; s++)
        {
            var counts = new int[values[s].Length];
            foreach (var row in rowOf)
            {
                counts[codes[s][row]]++;
            }

            var reference = new string[values[s].Length][];
            var candidate = new string[values[s].Length][];
            var filled = new int[values[s].Length];
            for (var v = 0; v < counts.Length; v++)
            {
                if (counts[v] >= slices[s].MinRows.Value)
                {
                    reference[v] = new string[counts[v]];
                    candidate[v] = new string[counts[v]];
                }
            }

            for (var i = 0; i < rowOf.Length; i++)
            {
                var v = codes[s][rowOf[i]];
                if (reference[v] is { } labels)
                {
                    labels[filled[v]] = referenceLabels[i];
                    candidate[v][filled[v]++] = candidateLabels[i];
                }
            }

            foreach (var v in Enumerable.Range(0, counts.Length).OrderBy(v => values[s][v], StringComparer.Ordinal))
            {
                // A value present in the data file but on no aligned row does not exist for the gate.
                if (counts[v] == 0)
                {
                    continue;
                }

                var table = reference[v] is { } r ? ContingencyTable.FromLabels<string>(r, candidate[v]) : null;
                tables.Add(new SliceTable(slices[s], values[s][v], counts[v], table));
            }
        }

        return tables;
    }

    private static GateException AtColumn(DiagnosticCode code, Sourced<string> column, string message) => column.Source.Origin == ValueOrigin.File
        ? new GateException(code, column.Source.File!, column.Source.Line, column.Source.Column, message)
        : new GateException(code, column.Source.File ?? "override", 0, 0, message);
}
