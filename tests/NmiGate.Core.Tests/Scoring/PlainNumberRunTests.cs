using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NmiGate.Core.Scoring;

namespace NmiGate.Core.Tests.Scoring;

public sealed partial class PlainNumberRunTests
{
    [Theory]
    [InlineData("1", true, 0)]
    [InlineData("-1.5,2,+3.25", true, 2)]
    [InlineData("72.38844,1.2478203,-0.33989972", true, 2)]
    [InlineData("1.2.3", false, 0)]
    [InlineData("1,,2", false, 0)]
    [InlineData("1,2,", false, 0)]
    [InlineData(",1", false, 0)]
    [InlineData("1.,2", false, 0)]
    [InlineData(".5", false, 0)]
    [InlineData("--1", false, 0)]
    [InlineData("1-2", false, 0)]
    [InlineData("-", false, 0)]
    [InlineData("1e5", false, 0)]
    [InlineData("NaN", false, 0)]
    [InlineData("1, 2", false, 0)]
    [InlineData("\"1\"", false, 0)]
    [InlineData("1,١", false, 0)]
    [InlineData("", false, 0)]
    public void Accepts_only_plain_numbers_joined_by_single_separators(string text, bool expected, int separators)
    {
        Assert.Equal(expected, PlainNumberRun.TryMatch(text, ',', out var counted));
        if (expected)
        {
            Assert.Equal(separators, counted);
        }
    }

    [Fact]
    public void Agrees_with_a_field_by_field_reading_across_block_boundaries()
    {
        // Rows of plain numbers, each possibly damaged by one edit, at every length up to a few
        // 64-character blocks: the vector test must say what a field-by-field regex says.
        var random = new Random(12345);
        const string alphabet = "0123456789.-+,e ;\"";
        var accepted = 0;
        for (var trial = 0; trial < 20_000; trial++)
        {
            var text = new StringBuilder();
            var fields = random.Next(1, 30);
            for (var f = 0; f < fields; f++)
            {
                if (f > 0)
                {
                    text.Append(',');
                }

                var value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 6));
                text.Append(value.ToString(random.Next(3) == 0 ? "F0" : "R", CultureInfo.InvariantCulture));
            }

            for (var edits = random.Next(3) == 0 ? 0 : random.Next(1, 3); edits > 0 && text.Length > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0:
                        text[at] = alphabet[random.Next(alphabet.Length)];
                        break;
                    case 1:
                        text.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                    default:
                        text.Remove(at, 1);
                        break;
                }
            }

            var line = text.ToString();
            var parts = line.Split(',');
            var expected = line.Length > 0 && parts.All(p => Plain().IsMatch(p));
            var actual = PlainNumberRun.TryMatch(line, ',', out var separators);

            Assert.True(expected == actual, $"'{line}': expected {expected}");
            if (actual)
            {
                accepted++;
                Assert.Equal(parts.Length - 1, separators);
                Assert.All(parts, p => Assert.True(NumberText.IsNumber(p), p));
            }
        }

        Assert.InRange(accepted, 2_000, 18_000); // both outcomes well exercised
    }

    [Theory]
    [InlineData('.')]
    [InlineData('-')]
    [InlineData('5')]
    [InlineData('é')]
    public void Separators_that_can_be_part_of_a_number_are_not_supported(char separator) =>
        Assert.False(PlainNumberRun.Supports(separator));

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();
}
