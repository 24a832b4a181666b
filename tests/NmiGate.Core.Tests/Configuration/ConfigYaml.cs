namespace NmiGate.Core.Tests.Configuration;

/// <summary>Configuration texts shared by the tests; line numbers in the tests refer to these.</summary>
internal static class ConfigYaml
{
    /// <summary>The smallest valid file: only required keys.</summary>
    public const string Minimal = """
        version: 1
        name: gate
        model:
          path: artifacts/segmenter.zip
        data:
          path: data/holdout.csv
          id-column: customer_id
        thresholds:
          nmi:
            fail-below: 0.8
        """;

    /// <summary><see cref="Minimal"/> with <paramref name="replace"/> substituted by <paramref name="with"/>.</summary>
    public static string MinimalWith(string replace, string with)
    {
        Assert.Contains(replace, Minimal, StringComparison.Ordinal);
        return Minimal.Replace(replace, with, StringComparison.Ordinal);
    }
}
