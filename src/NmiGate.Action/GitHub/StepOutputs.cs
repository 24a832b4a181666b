using System.Security.Cryptography;
using System.Text;

namespace NmiGate.Action.GitHub;

/// <summary>Writes step outputs to <c>GITHUB_OUTPUT</c> in the multiline form <c>name&lt;&lt;DELIMITER</c>.</summary>
internal static class StepOutputs
{
    /// <summary>
    /// Appends every output. Each value is framed by a fresh random delimiter that does not occur in
    /// it, so a value with newlines (or one crafted to look like another output) stays one value.
    /// </summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, string>> outputs)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in outputs)
        {
            if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            {
                throw new ArgumentException($"'{name}' is not a valid output name.", nameof(outputs));
            }

            string delimiter;
            do
            {
                delimiter = "ghadelimiter_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            }
            while (value.Contains(delimiter, StringComparison.Ordinal));

            text.Append(name).Append("<<").Append(delimiter).Append('\n')
                .Append(value).Append('\n')
                .Append(delimiter).Append('\n');
        }

        File.AppendAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
