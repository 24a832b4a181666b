namespace NmiGate.Core.Configuration;

/// <summary>Which layer of the precedence rule (defaults &lt; file &lt; host overrides) a value came from.</summary>
public enum ValueOrigin
{
    /// <summary>The built-in default, declared in the configuration schema.</summary>
    Default,

    /// <summary>A key in <c>nmigate.yml</c>.</summary>
    File,

    /// <summary>A host override: a CLI flag, an MSBuild property, an Action input.</summary>
    Override,
}
