using System.Globalization;
using System.Text;

namespace NmiGate.Action.GitHub;

/// <summary>
/// Workflow command lines (<c>::error file=..,line=..::message</c>), escaped by GitHub's rules so
/// that a message (possibly from an untrusted report) can never end the command or start another.
/// </summary>
internal static class WorkflowCommands
{
    public static string Format(Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        var properties = new List<string>();
        if (annotation.File is { Length: > 0 } file)
        {
            properties.Add("file=" + EscapeProperty(file));
            if (annotation.Line > 0)
            {
                properties.Add(string.Create(CultureInfo.InvariantCulture, $"line={annotation.Line}"));
                if (annotation.Column > 0)
                {
                    properties.Add(string.Create(CultureInfo.InvariantCulture, $"col={annotation.Column}"));
                }
            }
        }

        if (annotation.Title is { Length: > 0 } title)
        {
            properties.Add("title=" + EscapeProperty(title));
        }

        var command = annotation.Level switch
        {
            AnnotationLevel.Error => "error",
            AnnotationLevel.Warning => "warning",
            _ => "notice",
        };
        var head = properties.Count == 0 ? command : command + " " + string.Join(',', properties);
        return $"::{head}::{EscapeData(annotation.Message)}";
    }

    /// <summary>A message: <c>%</c>, CR and LF are percent-encoded.</summary>
    public static string EscapeData(string value) => new StringBuilder(value)
        .Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    /// <summary>A property value: as <see cref="EscapeData"/>, plus <c>:</c> and <c>,</c>, which separate properties.</summary>
    public static string EscapeProperty(string value) => new StringBuilder(EscapeData(value))
        .Replace(":", "%3A").Replace(",", "%2C").ToString();
}
