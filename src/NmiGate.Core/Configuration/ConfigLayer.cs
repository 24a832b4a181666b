namespace NmiGate.Core.Configuration;

/// <summary>
/// One layer of the precedence rule: values by dotted key path, each with its source. The file and
/// each host override are layers; <see cref="Overlay"/> applies the rule once for every key.
/// </summary>
internal sealed class ConfigLayer
{
    private readonly Dictionary<string, ConfigEntry> entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> rejected = new(StringComparer.Ordinal);

    /// <summary>The entries, in the order they were set.</summary>
    public IEnumerable<ConfigEntry> Entries => entries.Values;

    /// <summary>Sets a value.</summary>
    public void Set(string path, object value, ValueSource source) => entries[path] = new(path, value, source);

    /// <summary>Marks a fixed-key mapping as present; the first marker's source is kept.</summary>
    public void MarkSection(string path, ValueSource source) => entries.TryAdd(path, new(path, ConfigSection.Present, source));

    /// <summary>Records that a key was present but its value (or the key itself) was refused (its problem is already reported), so it is not also "missing".</summary>
    public void Reject(string path) => rejected.Add(path);

    /// <summary>The entry at <paramref name="path"/>.</summary>
    public bool TryGet(string path, out ConfigEntry entry) => entries.TryGetValue(path, out entry);

    /// <summary>Whether the key was given, with a valid or a refused value.</summary>
    public bool IsGiven(string path) => entries.ContainsKey(path) || rejected.Contains(path);

    /// <summary>Whether any key strictly under <paramref name="path"/> was given, valid, refused or unknown.</summary>
    public bool HasAnyUnder(string path) =>
        entries.Keys.Concat(rejected).Any(p => p.StartsWith(path + ".", StringComparison.Ordinal));

    /// <summary>
    /// The precedence rule: a value in a later layer wins over the same key in an earlier one; a
    /// section keeps its earliest source, so messages about a mapping point at the file when they can.
    /// </summary>
    public static ConfigLayer Overlay(IEnumerable<ConfigLayer> layers)
    {
        var merged = new ConfigLayer();
        foreach (var layer in layers)
        {
            foreach (var entry in layer.entries.Values)
            {
                if (entry.Value is ConfigSection)
                {
                    merged.MarkSection(entry.Path, entry.Source);
                }
                else
                {
                    merged.entries[entry.Path] = entry;
                }
            }

            merged.rejected.UnionWith(layer.rejected);
        }

        return merged;
    }
}
