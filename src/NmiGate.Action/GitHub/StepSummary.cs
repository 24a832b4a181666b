using System.Globalization;
using System.Text;

namespace NmiGate.Action.GitHub;

/// <summary>Appends the report to <c>GITHUB_STEP_SUMMARY</c>, within GitHub's limit of 1 MiB per step.</summary>
internal static class StepSummary
{
    /// <summary>GitHub rejects (and shows an error for) a step summary over 1 MiB.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// Appends <paramref name="markdown"/>, or, when it would take the file past the limit, the
    /// headline and a note: a summary cut mid-table would mislead, a short one does not.
    /// </summary>
    /// <returns>True when the whole report was appended.</returns>
    public static bool Append(string path, string markdown, string headline)
    {
        var existing = File.Exists(path) ? new FileInfo(path).Length : 0;
        var text = markdown.EndsWith('\n') ? markdown + "\n" : markdown + "\n\n";
        var bytes = Encoding.UTF8.GetByteCount(text);
        var whole = existing + bytes <= MaxBytes;
        if (!whole)
        {
            text = string.Create(CultureInfo.InvariantCulture,
                $"{headline}\n\nThe full NmiGate report ({bytes} bytes) does not fit in the job summary's 1 MiB limit; see the report files of this run.\n\n");
            if (existing + Encoding.UTF8.GetByteCount(text) > MaxBytes)
            {
                return false;
            }
        }

        File.AppendAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return whole;
    }
}
