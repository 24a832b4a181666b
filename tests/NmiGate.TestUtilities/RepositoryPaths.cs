namespace NmiGate.TestUtilities;

/// <summary>Finds the checkout root (the folder holding NmiGate.slnx) and the shared/ folder beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>shared/ sits beside the repository root (../shared), as in CI's clone.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NmiGate.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No NmiGate.slnx above {AppContext.BaseDirectory}; run the tests from a checkout.");
    }
}
