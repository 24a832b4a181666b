using System.Globalization;
using System.Runtime.CompilerServices;

namespace NmiGate.Core.Partitions;

/// <summary>
/// A streaming RFC 4180 record reader: fields separated by one delimiter, optionally enclosed in
/// double quotes (a doubled quote inside is one quote), records ended by CRLF, LF or CR. Quoted
/// fields may span lines. Fully blank lines are skipped. The current record's fields live in one
/// reused buffer, so reading allocates nothing per row.
/// </summary>
/// <remarks>
/// Hand-written rather than a package because a partition file is untrusted input and every error
/// must name the physical line: the line a record starts on, the line an unclosed quote opened on,
/// the line with a NUL byte or invalid UTF-8. It is also a dependency fewer in the MSBuild task's
/// closure.
/// </remarks>
internal sealed class DelimitedRecordReader
{
    /// <summary>A longer record is not a partition row: binary junk or a quote that never closes.</summary>
    internal const int MaxRecordLength = 1 << 20;

    private const char Quote = '"';

    // What a StreamReader decodes invalid UTF-8 to; text files carry it only after a bad conversion.
    private const char ReplacementCharacter = '\uFFFD';

    private readonly TextReader reader;
    private readonly string path;
    private readonly char delimiter;

    private readonly char[] buffer = new char[1 << 16];
    private int bufferLength;
    private int bufferPosition;
    private char[] record = new char[256];
    private int recordLength;
    private int[] fieldEnds = new int[16];
    private int fieldCount;
    private long line = 1;

    public DelimitedRecordReader(TextReader reader, string path, char delimiter)
    {
        this.reader = reader;
        this.path = path;
        this.delimiter = delimiter;
    }

    /// <summary>The 1-based line the current record starts on.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Number of fields in the current record.</summary>
    public int FieldCount => fieldCount;

    /// <summary>The unquoted text of field <paramref name="index"/> of the current record.</summary>
    public ReadOnlySpan<char> Field(int index)
    {
        var start = index == 0 ? 0 : fieldEnds[index - 1];
        return record.AsSpan(start, fieldEnds[index] - start);
    }

    /// <summary>Reads the next non-blank record; false at the end of the file.</summary>
    /// <exception cref="NmiGateInputException">The text is not well-formed delimited text.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        var c = Next();
        while (c is '\r' or '\n')
        {
            EndLine(c);
            c = Next();
        }

        if (c < 0)
        {
            return false;
        }

        RecordLine = line;
        recordLength = 0;
        fieldCount = 0;
        if (c != Quote && TryReadPlainLine())
        {
            return true;
        }

        while (true)
        {
            if (c == Quote)
            {
                c = ReadQuotedField();
            }
            else
            {
                c = ReadUnquotedField(c);
            }

            EndField();
            if (c == delimiter)
            {
                c = Next();
                continue;
            }

            EndLine(c);
            return true;
        }
    }

    /// <summary>
    /// Reads the common record at once: one line, already whole in the buffer, with no quote, NUL or
    /// replacement character. Its first character was just consumed. False (nothing consumed)
    /// sends the record through the character-by-character path, which reports what is wrong.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryReadPlainLine()
    {
        var start = bufferPosition - 1;
        var rest = buffer.AsSpan(start, bufferLength - start);
        var length = rest.IndexOfAny('\n', '\r');
        if (length < 0 || length > MaxRecordLength)
        {
            return false; // runs past the buffer (or is far too long): let the slow path refill or refuse
        }

        var text = rest[..length];
        if (text.IndexOfAny(Quote, '\0', ReplacementCharacter) >= 0)
        {
            return false;
        }

        if (record.Length < length)
        {
            Array.Resize(ref record, Math.Min(Math.Max(length, record.Length * 2), MaxRecordLength));
        }

        var position = 0;
        while (true)
        {
            var next = text[position..].IndexOf(delimiter);
            var fieldEnd = next < 0 ? text.Length : position + next;
            text[position..fieldEnd].CopyTo(record.AsSpan(recordLength));
            recordLength += fieldEnd - position;
            EndField();
            if (next < 0)
            {
                break;
            }

            position = fieldEnd + 1;
        }

        bufferPosition = start + length;
        EndLine(Next());
        return true;
    }

    /// <summary>The current record's fields as strings (for the header).</summary>
    public string[] FieldsToArray()
    {
        var fields = new string[fieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = Field(i).ToString();
        }

        return fields;
    }

    /// <summary>Reads an unquoted field from its first character <paramref name="c"/>; returns the character after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ReadUnquotedField(int c)
    {
        while (c >= 0 && c != delimiter && c != '\r' && c != '\n')
        {
            if (c == Quote)
            {
                throw Error(line, $"field {fieldCount + 1} has a double quote inside an unquoted value. "
                    + "Enclose a field that contains quotes in double quotes and double each quote inside it (\"a \"\"b\"\"\").");
            }

            Append((char)c);

            // Fast path: copy the run of ordinary characters that follows straight from the buffer
            // (a vectorised search), instead of one call per character.
            // Two three-character searches rather than one over SearchValues: those are precompiled,
            // where SearchValues' search runs unoptimised for most of a fresh process's first pass.
            var rest = buffer.AsSpan(bufferPosition, bufferLength - bufferPosition);
            var end = rest.IndexOfAny(delimiter, '\r', '\n');
            var run = end < 0 ? rest : rest[..end];
            var odd = run.IndexOfAny(Quote, '\0', ReplacementCharacter);
            AppendRun(odd < 0 ? run : run[..odd]);
            c = Next();
        }

        return c;
    }

    /// <summary>Reads a quoted field after its opening quote; returns the character after the closing quote.</summary>
    private int ReadQuotedField()
    {
        var openedOn = line;
        while (true)
        {
            var c = Next();
            if (c < 0)
            {
                throw Error(openedOn, $"a quoted field (field {fieldCount + 1}) opens on this line and is never closed. "
                    + "Add the closing double quote, or double any quote that is part of the value (\"\").");
            }

            if (c == Quote)
            {
                c = Next();
                if (c != Quote)
                {
                    if (c >= 0 && c != delimiter && c != '\r' && c != '\n')
                    {
                        throw Error(line, $"unexpected text after the closing quote of field {fieldCount + 1}. "
                            + "A quoted field must end at a delimiter or line end; double any quote that is part of the value (\"\").");
                    }

                    return c;
                }
            }
            else if (c == '\n' || (c == '\r' && Peek() != '\n'))
            {
                line++;
            }

            if (recordLength >= MaxRecordLength)
            {
                throw Error(openedOn, $"a quoted field (field {fieldCount + 1}) opens on this line and runs past "
                    + $"{MaxRecordLength.ToString("N0", CultureInfo.InvariantCulture)} characters: its closing quote is probably missing.");
            }

            Append((char)c);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Append(char c)
    {
        if (c == '\0')
        {
            throw Error(line, "this line contains a NUL character: this looks like a binary file, not delimited text. Pass a UTF-8 .csv or .tsv file.");
        }

        if (c == ReplacementCharacter)
        {
            throw Error(line, "this line contains bytes that are not valid UTF-8 (or a U+FFFD replacement character). Save the file as UTF-8.");
        }

        if (recordLength == record.Length)
        {
            if (recordLength >= MaxRecordLength)
            {
                throw Error(RecordLine, $"the row starting on this line is longer than {MaxRecordLength.ToString("N0", CultureInfo.InvariantCulture)} characters; "
                    + "this is not a partition file (binary data, or a different format).");
            }

            Array.Resize(ref record, Math.Min(record.Length * 2, MaxRecordLength));
        }

        record[recordLength++] = c;
    }

    /// <summary>Appends characters already known to be ordinary (no NUL, no replacement character) and consumes them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendRun(ReadOnlySpan<char> run)
    {
        var needed = recordLength + run.Length;
        if (needed > record.Length)
        {
            if (needed > MaxRecordLength)
            {
                throw Error(RecordLine, $"the row starting on this line is longer than {MaxRecordLength.ToString("N0", CultureInfo.InvariantCulture)} characters; "
                    + "this is not a partition file (binary data, or a different format).");
            }

            Array.Resize(ref record, Math.Min(Math.Max(needed, record.Length * 2), MaxRecordLength));
        }

        run.CopyTo(record.AsSpan(recordLength));
        recordLength = needed;
        bufferPosition += run.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EndField()
    {
        if (fieldCount == fieldEnds.Length)
        {
            Array.Resize(ref fieldEnds, fieldEnds.Length * 2);
        }

        fieldEnds[fieldCount++] = recordLength;
    }

    /// <summary>Consumes a line end whose first character <paramref name="c"/> was just read (CRLF counts once).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EndLine(int c)
    {
        if (c == '\r' && Peek() == '\n')
        {
            Next();
        }

        if (c >= 0)
        {
            line++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Next()
    {
        if (bufferPosition == bufferLength && !Fill())
        {
            return -1;
        }

        return buffer[bufferPosition++];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Peek()
    {
        if (bufferPosition == bufferLength && !Fill())
        {
            return -1;
        }

        return buffer[bufferPosition];
    }

    private bool Fill()
    {
        bufferLength = reader.Read(buffer, 0, buffer.Length);
        bufferPosition = 0;
        return bufferLength > 0;
    }

    private NmiGateInputException Error(long at, string problem) => new(path, at, problem);
}
