namespace NmiGate.Core.Configuration;

/// <summary>A configuration file as read: its values and the problems found in it.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Values">The values that passed their schema checks, paths already absolute.</param>
/// <param name="Problems">Every problem found while reading, in file order.</param>
/// <param name="IsParsed">
/// Whether a document was read. When not (missing, unreadable, empty, YAML syntax error), the reader
/// has nothing to say about keys, so the validator does not add a "missing key" for each.
/// </param>
internal sealed record ConfigFile(string Path, ConfigLayer Values, IReadOnlyList<ConfigurationProblem> Problems, bool IsParsed)
{
    /// <summary>The folder relative paths in the file resolve against.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path) ?? Path;
}
