namespace NmiGate.Core.Configuration;

/// <summary>The one entry point hosts call to turn <c>nmigate.yml</c> and their overrides into options.</summary>
public static class GateConfiguration
{
    /// <summary>The configuration file's conventional name.</summary>
    public const string DefaultFileName = "nmigate.yml";

    /// <summary>
    /// Reads <paramref name="configurationFile"/>, applies <paramref name="overrides"/> over it and validates.
    /// </summary>
    /// <exception cref="ConfigurationException">Carries every problem found, in file order.</exception>
    public static GateOptions Load(string configurationFile, GateOverrides? overrides = null)
    {
        var builder = GateOptionsBuilder.ForFile(configurationFile);
        if (overrides is not null)
        {
            builder.WithOverrides(overrides);
        }

        return builder.BuildOrThrow();
    }
}
