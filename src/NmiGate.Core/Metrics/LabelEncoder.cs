using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace NmiGate.Core.Metrics;

/// <summary>
/// Turns labels of any type into dense codes 0..K-1 once, so that counting never hashes twice.
/// Codes follow the labels' natural order (ordinal for text), which makes tables and reports
/// deterministic whatever order the rows came in.
/// </summary>
internal static class LabelEncoder
{
    // A lookup array over the label range is used when it costs no more than a few times the data.
    private const long MaxLookupRange = 1L << 26;

    public static (int[] Codes, string[] Names) Encode<T>(IReadOnlyList<T> labels)
        where T : notnull
    {
        var ids = new Dictionary<T, int>();
        var codes = new int[labels.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, labels[i], out var exists);
            if (!exists)
            {
                id = ids.Count - 1;
            }

            codes[i] = id;
        }

        var distinct = new T[ids.Count];
        foreach (var (label, id) in ids)
        {
            distinct[id] = label;
        }

        // Natural order where the type has one (numbers sort as numbers), ordinal text otherwise.
        var names = Array.ConvertAll(distinct, Format);
        var order = Enumerable.Range(0, distinct.Length).ToArray();
        if (typeof(IComparable<T>).IsAssignableFrom(typeof(T)) || typeof(IComparable).IsAssignableFrom(typeof(T)))
        {
            Array.Sort(distinct, order, Comparer<T>.Default);
            var unsorted = names;
            names = Array.ConvertAll(order, i => unsorted[i]);
        }
        else
        {
            Array.Sort(names, order, StringComparer.Ordinal);
        }

        Renumber(codes, Ranks(order));

        RequireDistinctNames(names);
        return (codes, names);
    }

    /// <summary>Encodes integer labels whose minimum and range are known.</summary>
    public static (int[] Codes, string[] Names) Encode(ReadOnlySpan<int> labels, int min, long range)
    {
        var codes = new int[labels.Length];
        if (range <= MaxLookupRange && range <= 4L * labels.Length)
        {
            var lookup = new int[range];
            foreach (var label in labels)
            {
                lookup[label - min] = 1;
            }

            var names = UsedNames(lookup, min);
            for (var i = 0; i < labels.Length; i++)
            {
                codes[i] = lookup[labels[i] - min];
            }

            return (codes, names);
        }

        var ids = new Dictionary<int, int>();
        for (var i = 0; i < labels.Length; i++)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, labels[i], out var exists);
            if (!exists)
            {
                id = ids.Count - 1;
            }

            codes[i] = id;
        }

        var values = new int[ids.Count];
        var order = new int[ids.Count];
        foreach (var (value, id) in ids)
        {
            values[id] = value;
            order[id] = id;
        }

        Array.Sort(values, order);
        Renumber(codes, Ranks(order));

        return (codes, values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>
    /// Rewrites a 0/1 "label occurs" map over a value range into value → code, and returns the
    /// names of the values that occur, in increasing order.
    /// </summary>
    public static string[] UsedNames(int[] used, int min)
    {
        var names = new List<string>();
        for (var i = 0; i < used.Length; i++)
        {
            if (used[i] != 0)
            {
                used[i] = names.Count;
                names.Add(((long)min + i).ToString(CultureInfo.InvariantCulture));
            }
        }

        return [.. names];
    }

    /// <summary>Sorts text labels ordinally; returns old id → new id and the sorted names.</summary>
    public static int[] SortedNames(Dictionary<string, int> ids, out string[] names)
    {
        names = new string[ids.Count];
        var order = new int[ids.Count];
        foreach (var (name, id) in ids)
        {
            names[id] = name;
            order[id] = id;
        }

        Array.Sort(names, order, StringComparer.Ordinal);
        return Ranks(order);
    }

    /// <summary>Inverts a sort permutation: order[i] is the old id of the i-th label, the result maps old id → i.</summary>
    private static int[] Ranks(int[] order)
    {
        var rank = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }

        return rank;
    }

    private static void Renumber(int[] codes, int[] rank)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = rank[codes[i]];
        }
    }

    public static (int Min, int Max) MinMax(ReadOnlySpan<int> values)
    {
        var i = 0;
        var min = int.MaxValue;
        var max = int.MinValue;
        if (Vector.IsHardwareAccelerated && values.Length >= 2 * Vector<int>.Count)
        {
            var vectors = MemoryMarshal.Cast<int, Vector<int>>(values);
            var vmin = vectors[0];
            var vmax = vectors[0];
            foreach (var v in vectors)
            {
                vmin = Vector.Min(vmin, v);
                vmax = Vector.Max(vmax, v);
            }

            for (var lane = 0; lane < Vector<int>.Count; lane++)
            {
                min = Math.Min(min, vmin[lane]);
                max = Math.Max(max, vmax[lane]);
            }

            i = vectors.Length * Vector<int>.Count;
        }

        for (; i < values.Length; i++)
        {
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }

        return (min, max);
    }

    private static string Format<T>(T value) where T : notnull =>
        Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    private static void RequireDistinctNames(string[] names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!seen.Add(name))
            {
                throw new ArgumentException(
                    $"Two different labels both print as \"{name}\". NmiGate identifies clusters by their text; give each cluster a distinct label.");
            }
        }
    }
}
