using System.Globalization;
using System.Text;
using NmiGate.Core.Registry;

namespace NmiGate.Core.Scoring;

/// <summary>
/// Streams a delimited text file with a header row, one line at a time, splitting fields in
/// place: a row costs no allocation beyond what the caller keeps (the id string).
/// </summary>
/// <remarks>
/// Follows what ML.NET's <c>TextLoader</c> does with the same file, so both see the same rows:
/// empty lines are skipped; a field may be quoted (<c>"a,b"</c>, <c>""</c> escapes a quote) but
/// may not span lines. Lines starting with <c>//</c> are comments to ML.NET, which would drop
/// them silently; they are an error here (<see cref="ScoringErrorCodes.CommentLine"/>).
/// </remarks>
internal sealed class DelimitedReader : IDisposable
{
    private const int InitialBufferSize = 1 << 16;

    private readonly StreamReader reader;
    private readonly char separator;
    private char[] buffer = new char[InitialBufferSize];
    private int bufferStart;
    private int bufferEnd;
    private bool endOfStream;
    private int lineStart;
    private int lineLength;
    private int[] fieldStarts = new int[16];
    private int[] fieldLengths = new int[16];
    private bool[] fieldEscaped = new bool[16];
    private bool isSplit;
    private int fieldCount;

    private readonly HashingReadStream? hashing;

    /// <param name="path">The file.</param>
    /// <param name="separator">The field separator.</param>
    /// <param name="sha256">Whether to SHA-256 the file's bytes as they are read (see <see cref="FinishSha256"/>), saving a second read for provenance.</param>
    public DelimitedReader(string path, char separator, bool sha256 = false)
    {
        Path = path;
        this.separator = separator;
        Stream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: sha256 ? 1 : 1 << 16, FileOptions.SequentialScan);
        if (sha256)
        {
            // StreamReader reads 64 KiB at a time itself: the FileStream needs no buffer of its own.
            file = hashing = new HashingReadStream(file);
        }

        reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    /// <summary>The field separator.</summary>
    public char Separator => separator;

    /// <summary>The file being read.</summary>
    public string Path { get; }

    /// <summary>The header's column names (trimmed), once <see cref="ReadHeader"/> has run.</summary>
    public IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>Characters consumed so far, line ends included (≈ bytes for ASCII files).</summary>
    public long CharactersRead { get; private set; }

    /// <summary>1-based line number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Number of fields in the current line.</summary>
    public int FieldCount
    {
        get
        {
            EnsureSplit();
            return fieldCount;
        }
    }

    /// <summary>Reads the header row; false when the file has no non-empty line.</summary>
    public bool ReadHeader()
    {
        if (!ReadLine())
        {
            return false;
        }

        EnsureSplit();
        var names = new string[fieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = GetString(i).Trim();
        }

        Header = names;
        return true;
    }

    /// <summary>Advances to the next data row and splits it; false at the end of the file.</summary>
    public bool ReadRow()
    {
        if (!ReadLine())
        {
            return false;
        }

        EnsureSplit();
        return true;
    }

    /// <summary>
    /// Advances to the next data row without splitting it yet: the first look at its fields splits
    /// it (and reports a malformed quote then), so a row that <see cref="TryReadPlainNumbers"/>
    /// accepts is never split. False at the end of the file.
    /// </summary>
    public bool ReadRowUnsplit() => ReadLine();

    /// <summary>
    /// Whether the current row is the common, cheap case: no quote anywhere, <see cref="Header"/>'s
    /// number of fields, a non-blank id in field <paramref name="idField"/> and a plain decimal
    /// number (<see cref="PlainNumberRun"/>) in every other field. Every check made field by field
    /// passes on such a row; false only means the row must be read field by field.
    /// </summary>
    public bool TryReadPlainNumbers(int idField, out ReadOnlySpan<char> id)
    {
        id = default;
        if (!PlainNumberRun.Supports(separator))
        {
            return false;
        }

        var line = buffer.AsSpan(lineStart, lineLength);
        var idStart = 0;
        for (var field = 0; field < idField; field++)
        {
            var next = line[idStart..].IndexOf(separator);
            if (next < 0)
            {
                return false;
            }

            idStart += next + 1;
        }

        var idLength = line[idStart..].IndexOf(separator);
        var idEnd = idLength < 0 ? line.Length : idStart + idLength;
        id = line[idStart..idEnd];
        if (id.IsWhiteSpace() || id.Contains('"'))
        {
            return false;
        }

        var fields = idField + 1;
        if (idField > 0 && !PlainNumberRun.TryMatch(line[..(idStart - 1)], separator, out _))
        {
            return false;
        }

        if (idEnd < line.Length)
        {
            if (!PlainNumberRun.TryMatch(line[(idEnd + 1)..], separator, out var separators))
            {
                return false;
            }

            fields += separators + 1;
        }

        return fields == Header.Count;
    }

    /// <summary>The i-th field without its surrounding quotes (escaped quotes still doubled).</summary>
    public ReadOnlySpan<char> GetField(int index)
    {
        EnsureSplit();
        return buffer.AsSpan(fieldStarts[index], fieldLengths[index]);
    }

    /// <summary>The i-th field as a string, quotes removed and unescaped.</summary>
    public string GetString(int index)
    {
        var field = GetField(index);
        return fieldEscaped[index] ? field.ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : field.ToString();
    }

    /// <summary>Whether field <paramref name="index"/> was quoted with an escaped quote inside (<see cref="GetField"/> still shows it doubled).</summary>
    public bool IsEscaped(int index)
    {
        EnsureSplit();
        return fieldEscaped[index];
    }

    /// <summary>Whether the current line holds a quote character anywhere.</summary>
    public bool LineHasQuote => buffer.AsSpan(lineStart, lineLength).Contains('"');

    /// <summary>The current line as written (for messages).</summary>
    public string CurrentLineText => buffer.AsSpan(lineStart, lineLength).ToString();

    /// <summary>
    /// The SHA-256 of the whole file (lower-case hex), reading whatever is left unread; only for a
    /// reader opened with <c>sha256: true</c>, and only once.
    /// </summary>
    public string FinishSha256() =>
        (hashing ?? throw new InvalidOperationException("The reader was not opened to hash the file.")).FinishHex();

    public void Dispose() => reader.Dispose();

    private bool ReadLine()
    {
        while (true)
        {
            if (!NextLine())
            {
                return false;
            }

            var line = buffer.AsSpan(lineStart, lineLength);
            if (line.IsEmpty)
            {
                continue;
            }

            if (line.StartsWith("//", StringComparison.Ordinal))
            {
                throw new ScoringException(
                    ScoringErrorCodes.CommentLine,
                    string.Create(CultureInfo.InvariantCulture, $"{Path}({LineNumber}): the line starts with '//', which ML.NET's text loader treats as a comment and would skip, losing the row silently. Remove the line, or quote the first field (\"//...\")."),
                    Path,
                    LineNumber);
            }

            isSplit = false;
            return true;
        }
    }

    private void EnsureSplit()
    {
        if (!isSplit)
        {
            Split();
            isSplit = true;
        }
    }

    /// <summary>Finds the next line in the buffer, refilling it as needed; strips a trailing '\r'.</summary>
    private bool NextLine()
    {
        var searchFrom = bufferStart;
        while (true)
        {
            var newline = buffer.AsSpan(searchFrom, bufferEnd - searchFrom).IndexOf('\n');
            if (newline >= 0)
            {
                var end = searchFrom + newline;
                SetLine(bufferStart, end);
                bufferStart = end + 1;
                return true;
            }

            if (endOfStream)
            {
                if (bufferStart == bufferEnd)
                {
                    return false;
                }

                SetLine(bufferStart, bufferEnd);
                bufferStart = bufferEnd;
                return true;
            }

            // Keep the unfinished line, make room (grow only when one line fills the buffer), refill.
            var pending = bufferEnd - bufferStart;
            if (pending == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            else if (bufferStart > 0)
            {
                Array.Copy(buffer, bufferStart, buffer, 0, pending);
            }

            bufferStart = 0;
            bufferEnd = pending;
            searchFrom = pending;
            var read = reader.Read(buffer, bufferEnd, buffer.Length - bufferEnd);
            if (read == 0)
            {
                endOfStream = true;
            }

            bufferEnd += read;
        }
    }

    private void SetLine(int start, int end)
    {
        CharactersRead += end - start + 1;
        if (end > start && buffer[end - 1] == '\r')
        {
            end--;
        }

        lineStart = start;
        lineLength = end - start;
        LineNumber++;
    }

    private void Split()
    {
        var count = 0;
        var position = lineStart;
        var end = lineStart + lineLength;
        while (true)
        {
            if (count == fieldStarts.Length)
            {
                Array.Resize(ref fieldStarts, count * 2);
                Array.Resize(ref fieldLengths, count * 2);
                Array.Resize(ref fieldEscaped, count * 2);
            }

            if (position < end && buffer[position] == '"')
            {
                position = SplitQuoted(count, position + 1, end);
            }
            else
            {
                var next = buffer.AsSpan(position, end - position).IndexOf(separator);
                var fieldEnd = next < 0 ? end : position + next;
                fieldStarts[count] = position;
                fieldLengths[count] = fieldEnd - position;
                fieldEscaped[count] = false;
                position = fieldEnd;
            }

            count++;
            if (position >= end)
            {
                break;
            }

            position++; // skip the separator
            if (position == end)
            {
                // A trailing separator ends with one more (empty) field.
                fieldStarts[count] = end;
                fieldLengths[count] = 0;
                fieldEscaped[count] = false;
                count++;
                break;
            }
        }

        fieldCount = count;
    }

    /// <summary>Splits a quoted field whose content starts at <paramref name="start"/>; returns the position after the closing quote.</summary>
    private int SplitQuoted(int index, int start, int end)
    {
        var escaped = false;
        var position = start;
        while (position < end)
        {
            if (buffer[position] == '"')
            {
                if (position + 1 < end && buffer[position + 1] == '"')
                {
                    escaped = true;
                    position += 2;
                    continue;
                }

                if (position + 1 < end && buffer[position + 1] != separator)
                {
                    throw Malformed(index, "has text after its closing quote");
                }

                fieldStarts[index] = start;
                fieldLengths[index] = position - start;
                fieldEscaped[index] = escaped;
                return position + 1;
            }

            position++;
        }

        throw Malformed(index, "opens a quote that the line never closes (quoted fields may not span lines)");
    }

    private ScoringException Malformed(int index, string problem) => new(
        ScoringErrorCodes.RaggedRow,
        string.Create(CultureInfo.InvariantCulture, $"{Path}({LineNumber}): field {index + 1} {problem}. Close the quote, or escape a quote inside a quoted field as \"\"."),
        Path,
        LineNumber);
}
