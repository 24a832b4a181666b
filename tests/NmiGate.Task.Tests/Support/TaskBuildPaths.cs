using System.Reflection;
using NmiGate.TestUtilities;

namespace NmiGate.MSBuild.Tests.Support;

/// <summary>Where the task under test and its targets are: the fresh build and the source tree.</summary>
internal static class TaskBuildPaths
{
    /// <summary>The task's output folder (the task, its dependency closure and its .deps.json).</summary>
    public static string TaskDirectory { get; } = Metadata("NmiGateTaskDirectory");

    /// <summary>The configuration the tests were built with (Debug or Release).</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    public static string TaskAssembly => Path.Combine(TaskDirectory, "NmiGate.MSBuild.dll");

    public static string TaskProject => Path.Combine(RepositoryPaths.Root, "src", "NmiGate.Task", "NmiGate.Task.csproj");

    /// <summary><c>build/</c> or <c>buildMultiTargeting/</c> in the source tree.</summary>
    public static string TargetsFolder(bool multiTargeting) =>
        Path.Combine(RepositoryPaths.Root, "src", "NmiGate.Task", multiTargeting ? "buildMultiTargeting" : "build");

    private static string Metadata(string key) =>
        typeof(TaskBuildPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"No {key} metadata.");
}
