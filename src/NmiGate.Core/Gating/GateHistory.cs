using System.Globalization;
using System.Text;
using System.Text.Json;
using NmiGate.Core.Diagnostics;

namespace NmiGate.Core.Gating;

/// <summary>
/// The gate's history, <c>&lt;registry&gt;/&lt;gate&gt;/history.jsonl</c>: JSON Lines, one <see cref="HistoryRecord"/>
/// per line, appended by <c>nmigate check --record</c> (typically a main-branch job that commits it).
/// Append-only text keeps merges trivial and the review diff one line per run.
/// </summary>
public static class GateHistory
{
    /// <summary>The history file's name inside the gate's registry folder.</summary>
    public const string FileName = "history.jsonl";

    /// <summary>The history file of <paramref name="gate"/> in the registry folder <paramref name="registryFolder"/>.</summary>
    public static string PathFor(string registryFolder, string gate) => Path.Combine(registryFolder, gate, FileName);

    /// <summary>Every record in file order; empty when the file does not exist. Blank lines are ignored.</summary>
    /// <exception cref="GateException"><see cref="DiagnosticCode.HistoryCorrupted"/>, naming the file and line of the first bad record.</exception>
    public static IReadOnlyList<HistoryRecord> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            return [];
        }

        var records = new List<HistoryRecord>();
        var number = 0;
        try
        {
            foreach (var line in File.ReadLines(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                records.Add(Parse(path, number, line));
            }
        }
        catch (DecoderFallbackException error)
        {
            throw Corrupted(path, number + 1, "it is not valid UTF-8 text", error);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new GateException(DiagnosticCode.HistoryCorrupted, path, 0, 0, $"the history cannot be read: {error.Message}", error);
        }

        return records;
    }

    /// <summary>The last record of <paramref name="referenceVersion"/>, or <see langword="null"/> when none is recorded.</summary>
    public static HistoryRecord? LastFor(IReadOnlyList<HistoryRecord> records, string referenceVersion)
    {
        ArgumentNullException.ThrowIfNull(records);
        for (var i = records.Count - 1; i >= 0; i--)
        {
            if (string.Equals(records[i].ReferenceVersion, referenceVersion, StringComparison.Ordinal))
            {
                return records[i];
            }
        }

        return null;
    }

    /// <summary>Appends <paramref name="record"/> as one line, creating the file (and its folder) when needed.</summary>
    /// <exception cref="GateException"><see cref="DiagnosticCode.HistoryWriteFailed"/> when the file cannot be written.</exception>
    public static void Append(string path, HistoryRecord record)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(record);
        var line = JsonSerializer.Serialize(record, HistoryJsonContext.Default.HistoryRecord) + "\n";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);

            // A file whose last line lacks its newline (an editor, a merge) would glue two records together.
            if (stream.Position > 0 && !EndsWithNewline(path))
            {
                stream.Write("\n"u8);
            }

            stream.Write(Encoding.UTF8.GetBytes(line));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new GateException(DiagnosticCode.HistoryWriteFailed, path, 0, 0, $"the result cannot be appended to the history: {error.Message}. Check that the registry folder is writable.", error);
        }
    }

    private static bool EndsWithNewline(string path)
    {
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        reader.Seek(-1, SeekOrigin.End);
        return reader.ReadByte() == '\n';
    }

    private static HistoryRecord Parse(string path, int number, string line)
    {
        HistoryRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(line, HistoryJsonContext.Default.HistoryRecord);
        }
        catch (JsonException error)
        {
            throw Corrupted(path, number, $"it is not a valid history record ({error.Message})", error);
        }

        if (record is null)
        {
            throw Corrupted(path, number, "it is `null`, not a history record");
        }

        if (record.SchemaVersion != HistoryRecord.CurrentSchemaVersion)
        {
            throw Corrupted(path, number, string.Create(CultureInfo.InvariantCulture, $"its schemaVersion {record.SchemaVersion} is not supported (expected {HistoryRecord.CurrentSchemaVersion})"));
        }

        if (string.IsNullOrWhiteSpace(record.ReferenceVersion) || string.IsNullOrWhiteSpace(record.Gate))
        {
            throw Corrupted(path, number, "its gate or referenceVersion is empty");
        }

        return record;
    }

    private static GateException Corrupted(string path, int line, string why, Exception? inner = null) =>
        new(
            DiagnosticCode.HistoryCorrupted,
            path,
            line,
            1,
            string.Create(CultureInfo.InvariantCulture, $"line {line} of the gate's history is corrupted: {why}. The file holds one JSON result per line, appended by `nmigate check --record`; restore the line from version control or delete it."),
            inner);
}
