using NmiGate.Core.Configuration;

namespace NmiGate.Core.Tests.Configuration;

/// <summary>A temporary folder holding a configuration file, a placeholder model and a data file.</summary>
internal sealed class ConfigWorkspace : IDisposable
{
    public ConfigWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "nmigate-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        AddFile("artifacts/segmenter.zip", "placeholder");
        AddFile("data/holdout.csv", "customer_id,age\n1,30\n");
    }

    public string Root { get; }

    public string ConfigPath => Path.Combine(Root, GateConfiguration.DefaultFileName);

    public string AddFile(string relativePath, string content = "")
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public ConfigurationResult Build(string yaml, params GateOverrides[] overrides)
    {
        File.WriteAllText(ConfigPath, yaml);
        var builder = GateOptionsBuilder.ForFile(ConfigPath);
        foreach (var layer in overrides)
        {
            builder.WithOverrides(layer);
        }

        return builder.Build();
    }

    public GateOptions BuildValid(string yaml, params GateOverrides[] overrides)
    {
        var result = Build(yaml, overrides);
        Assert.True(result.Succeeded, ConfigurationProblemFormatter.Format(result.Problems));
        return result.Options!;
    }

    /// <summary>Builds a file expected to fail and returns its single problem.</summary>
    public ConfigurationProblem SingleProblem(string yaml, params GateOverrides[] overrides)
    {
        var result = Build(yaml, overrides);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Problems);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test over.
        }
    }
}
