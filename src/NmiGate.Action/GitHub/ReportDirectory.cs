using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NmiGate.Core.Reporting;

namespace NmiGate.Action.GitHub;

/// <summary>A report read back from a report folder, with the pull request and commit it was computed for.</summary>
internal sealed record StoredReport(PublishRequest Request, int? PullRequest, string? HeadSha);

/// <summary>
/// The folder the fork-safe first phase (<c>check --report-dir</c>) writes and the second phase
/// (<c>publish --report-dir</c>) reads. The second phase runs with a write token on an artifact a
/// fork's code produced, so every file is checked for size and shape before anything is used.
/// </summary>
internal static partial class ReportDirectory
{
    public const string MarkdownFile = ReportFiles.MarkdownFileName;
    public const string PublishFile = "nmigate-publish.json";

    /// <summary>The whole report for machines (<c>schemas/report.schema.json</c>); publish checks it and points the <c>report-json</c> output at it.</summary>
    public const string JsonFile = ReportFiles.JsonFileName;
    public const int FormatVersion = 1;

    /// <summary>A report body may not be longer than the job summary allows.</summary>
    public const long MaxMarkdownBytes = StepSummary.MaxBytes;
    public const long MaxPublishBytes = 256 * 1024;
    public const int MaxAnnotations = 50;
    public const int MaxText = 4_000;

    /// <summary>report.json holds the whole sparse contingency matrix: a few MB at K = 1000, so the bound is generous but finite.</summary>
    public const long MaxReportJsonBytes = 64L * 1024 * 1024;

    /// <summary>The top-level keys of report.json (<c>schemas/report.schema.json</c> requires exactly these).</summary>
    internal static IReadOnlyList<string> ReportJsonKeys { get; } =
        ["schemaVersion", "gate", "verdict", "failedOnWarn", "referenceVersion", "rows", "summary", "decisive", "metrics", "findings", "slices", "diff", "provenance", "notComputed"];

    public static void Write(string folder, PublishRequest request, int? pullRequest, string? headSha)
    {
        ArgumentNullException.ThrowIfNull(request);
        Directory.CreateDirectory(folder);
        var jsonPath = Path.Combine(folder, JsonFile);
        if (request.ReportJsonPath is null && File.Exists(jsonPath))
        {
            // A check that could not evaluate has no report.json; an earlier run's must not be published with this one.
            File.Delete(jsonPath);
        }

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(Path.Combine(folder, MarkdownFile), request.Markdown, utf8);
        using var stream = File.Create(Path.Combine(folder, PublishFile));
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("format", FormatVersion);
        json.WriteString("gate", request.GateName);
        json.WriteString("verdict", request.Verdict.ToWord());
        json.WriteString("headline", request.Headline);
        WriteNumber(json, "nmi", request.Nmi);
        WriteNumber(json, "ami", request.Ami);
        if (pullRequest is { } number)
        {
            json.WriteNumber("pull_request", number);
        }
        else
        {
            json.WriteNull("pull_request");
        }

        json.WriteString("head_sha", headSha);
        json.WriteStartArray("annotations");
        foreach (var a in request.Annotations)
        {
            json.WriteStartObject();
            json.WriteString("level", a.Level.ToString().ToLowerInvariant());
            json.WriteString("message", a.Message);
            json.WriteString("file", a.File);
            json.WriteNumber("line", a.Line);
            json.WriteNumber("column", a.Column);
            json.WriteString("title", a.Title);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <exception cref="GitHubHostException">A file is missing, too large, or not in the expected shape.</exception>
    public static StoredReport Read(string folder)
    {
        var markdownPath = Path.Combine(folder, MarkdownFile);
        var publishPath = Path.Combine(folder, PublishFile);
        var markdown = Encoding.UTF8.GetString(ReadBounded(markdownPath, MaxMarkdownBytes));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(ReadBounded(publishPath, MaxPublishBytes), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException exception)
        {
            throw Invalid(publishPath, $"is not valid JSON ({exception.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(publishPath, "must be a JSON object");
            }

            Known(publishPath, root, "$", "format", "gate", "verdict", "headline", "nmi", "ami", "pull_request", "head_sha", "annotations");
            if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.Number || !format.TryGetInt32(out var version) || version != FormatVersion)
            {
                throw Invalid(publishPath, $"has no 'format: {FormatVersion}' (it was written by another nmigate version; use the same version in both jobs)");
            }

            var gate = RequiredString(publishPath, root, "gate");
            if (!GateName().IsMatch(gate))
            {
                throw Invalid(publishPath, $"has gate '{Printable(gate)}', which is not a gate name ([a-z0-9-], at most 64 characters)");
            }

            var verdict = PublishVerdictNames.Parse(RequiredString(publishPath, root, "verdict"))
                ?? throw Invalid(publishPath, "has a 'verdict' other than pass, warn, fail or error");
            var headline = Bounded(publishPath, "headline", RequiredString(publishPath, root, "headline"));
            int? pullRequest = root.TryGetProperty("pull_request", out var pr) && pr.ValueKind != JsonValueKind.Null
                ? pr.ValueKind == JsonValueKind.Number && pr.TryGetInt32(out var n) && n > 0 ? n : throw Invalid(publishPath, "has a 'pull_request' that is not a positive whole number")
                : null;
            var headSha = OptionalString(publishPath, root, "head_sha");
            if (headSha is not null && !Sha().IsMatch(headSha))
            {
                throw Invalid(publishPath, "has a 'head_sha' that is not a 40- or 64-digit hexadecimal commit id");
            }

            var annotations = Annotations(publishPath, root);
            var reportJson = CheckReportJson(Path.Combine(folder, JsonFile), gate, verdict);
            var request = new PublishRequest(gate, verdict, headline, markdown, Number(publishPath, root, "nmi"), Number(publishPath, root, "ami"), annotations, reportJson);
            return new StoredReport(request, pullRequest, headSha);
        }
    }

    /// <summary>
    /// The full path of report.json when the folder has one (a check that could not evaluate writes none),
    /// after checking its size, its top-level shape, its schema version, and that it reports the same gate
    /// and verdict as the publish file: the <c>report-json</c> output must not point at another report.
    /// </summary>
    private static string? CheckReportJson(string path, string gate, PublishVerdict verdict)
    {
        if (!Path.Exists(path) && new FileInfo(path).LinkTarget is null)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(ReadBounded(path, MaxReportJsonBytes), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException exception)
        {
            throw Invalid(path, $"is not valid JSON ({exception.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "must be a JSON object");
            }

            Known(path, root, "$", [.. ReportJsonKeys]);
            if (ReportJsonKeys.FirstOrDefault(key => !root.TryGetProperty(key, out _)) is { } missing)
            {
                throw Invalid(path, $"has no '{missing}'");
            }

            var schemaVersion = root.GetProperty("schemaVersion");
            if (schemaVersion.ValueKind != JsonValueKind.Number || !schemaVersion.TryGetInt32(out var version) || version != JsonReportRenderer.SchemaVersion)
            {
                throw Invalid(path, $"has no 'schemaVersion: {JsonReportRenderer.SchemaVersion}' (it was written by another nmigate version; use the same version in both jobs)");
            }

            var reportGate = RequiredString(path, root, "gate");
            var reportVerdict = RequiredString(path, root, "verdict");
            if (!string.Equals(reportGate, gate, StringComparison.Ordinal) || !string.Equals(reportVerdict, verdict.ToWord(), StringComparison.Ordinal))
            {
                throw Invalid(path, $"reports gate '{Printable(reportGate)}' with verdict '{Printable(reportVerdict)}', but {PublishFile} says gate '{gate}' with verdict '{verdict.ToWord()}'; both must come from the same check");
            }
        }

        return Path.GetFullPath(path);
    }

    private static List<Annotation> Annotations(string path, JsonElement root)
    {
        if (!root.TryGetProperty("annotations", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(path, "has no 'annotations' array");
        }

        if (array.GetArrayLength() > MaxAnnotations)
        {
            throw Invalid(path, string.Create(CultureInfo.InvariantCulture, $"has {array.GetArrayLength()} annotations; at most {MaxAnnotations} are accepted"));
        }

        var list = new List<Annotation>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "has an annotation that is not an object");
            }

            Known(path, item, "annotations[]", "level", "message", "file", "line", "column", "title");
            var level = RequiredString(path, item, "level") switch
            {
                "error" => AnnotationLevel.Error,
                "warning" => AnnotationLevel.Warning,
                "notice" => AnnotationLevel.Notice,
                _ => throw Invalid(path, "has an annotation 'level' other than error, warning or notice"),
            };
            list.Add(new Annotation(
                level,
                Bounded(path, "message", RequiredString(path, item, "message")),
                OptionalString(path, item, "file") is { } file ? Bounded(path, "file", file) : null,
                Position(path, item, "line"),
                Position(path, item, "column"),
                OptionalString(path, item, "title") is { } title ? Bounded(path, "title", title) : null));
        }

        return list;
    }

    private static byte[] ReadBounded(string path, long maxBytes)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw Invalid(path, "is missing; 'nmigate check --report-dir' writes it (upload the whole folder as the artifact)");
        }

        if (info.LinkTarget is not null)
        {
            throw Invalid(path, "is a link; a report file must be a regular file");
        }

        if (info.Length > maxBytes)
        {
            throw Invalid(path, string.Create(CultureInfo.InvariantCulture, $"is {info.Length} bytes; at most {maxBytes} are accepted"));
        }

        return File.ReadAllBytes(path);
    }

    private static void Known(string path, JsonElement element, string where, params string[] names)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!names.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Invalid(path, $"has an unknown property '{Printable(property.Name)}' in {where}");
            }
        }
    }

    private static string RequiredString(string path, JsonElement element, string name) =>
        OptionalString(path, element, name) ?? throw Invalid(path, $"has no '{name}' string");

    private static string? OptionalString(string path, JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString() : throw Invalid(path, $"has a '{name}' that is not a string");

    private static double? Number(string path, JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number && value.GetDouble() is var d && double.IsFinite(d) ? d
        : throw Invalid(path, $"has a '{name}' that is not a finite number");

    private static int Position(string path, JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? 0
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= 0 ? n
        : throw Invalid(path, $"has an annotation '{name}' that is not a whole number >= 0");

    private static string Bounded(string path, string name, string text) => text.Length <= MaxText ? text
        : throw Invalid(path, string.Create(CultureInfo.InvariantCulture, $"has a '{name}' of {text.Length} characters; at most {MaxText} are accepted"));

    /// <summary>Untrusted text quoted in an error message: short, one line.</summary>
    private static string Printable(string text)
    {
        var clean = new string([.. text.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > 64 ? clean + "..." : clean;
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static GitHubHostException Invalid(string path, string problem) =>
        new($"report file '{path}' {problem}.");

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex GateName();

    [GeneratedRegex("^([0-9a-f]{40}|[0-9a-f]{64})$")]
    private static partial Regex Sha();
}
