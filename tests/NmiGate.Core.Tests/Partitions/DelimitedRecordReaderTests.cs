using System.Text;
using NmiGate.Core.Partitions;

namespace NmiGate.Core.Tests.Partitions;

public sealed class DelimitedRecordReaderTests
{
    [Fact]
    public void Mixed_plain_quoted_and_multi_line_records_read_back_as_written_across_buffer_refills()
    {
        // Plain lines take the whole-line path, the rest the character path; records straddle the
        // 64 Ki-character buffer many times over. Every field and start line must come back.
        var random = new Random(7);
        var expected = new List<(long Line, string[] Fields)>();
        var text = new StringBuilder();
        var line = 1L;
        for (var record = 0; record < 30_000; record++)
        {
            if (random.Next(20) == 0)
            {
                text.Append('\n'); // a blank line, skipped
                line++;
            }

            var fields = new string[random.Next(1, 4)];
            var start = line;
            for (var f = 0; f < fields.Length; f++)
            {
                var value = random.Next(6) switch
                {
                    0 => string.Empty,
                    1 => "a,\"b\"",
                    2 => "two\nlines",
                    _ => "id-" + random.Next(1_000_000),
                };
                fields[f] = value;
                if (f > 0)
                {
                    text.Append(',');
                }

                var quoted = value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal);
                text.Append(quoted ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value);
                line += value.Count(c => c == '\n');
            }

            if (fields is [""])
            {
                fields[0] = "x"; // a lone empty field would be a blank line
                text.Append('x');
            }

            text.Append(random.Next(4) == 0 ? "\r\n" : "\n");
            line++;
            expected.Add((start, fields));
        }

        var reader = new DelimitedRecordReader(new StringReader(text.ToString()), "mixed.csv", ',');
        foreach (var (startLine, fields) in expected)
        {
            Assert.True(reader.Read());
            Assert.Equal(startLine, reader.RecordLine);
            Assert.Equal(fields, reader.FieldsToArray());
        }

        Assert.False(reader.Read());
    }

    [Theory]
    [InlineData("a,b\"c\n", "double quote inside an unquoted value")]
    [InlineData("a,b\0c\n", "NUL character")]
    [InlineData("a,b\uFFFDc\n", "not valid UTF-8")]
    public void Plain_looking_lines_with_a_bad_character_are_still_refused(string line, string problem)
    {
        var reader = new DelimitedRecordReader(new StringReader("id,cluster\n" + line), "bad.csv", ',');
        Assert.True(reader.Read());

        var error = Assert.Throws<NmiGateInputException>(() => reader.Read());

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal("bad.csv", error.FilePath);
        Assert.Equal(2, error.Line);
    }
}
