using NmiGate.Core.Registry;
using NmiGate.TestUtilities;

namespace NmiGate.Core.Tests.Registry;

/// <summary>A temp folder holding a registry at <c>.nmigate/</c>, with helpers to register small partitions.</summary>
internal sealed class RegistryWorkspace : IDisposable
{
    public const string Gate = "segments";

    private readonly TempWorkspace temp = new();

    public RegistryWorkspace()
    {
        RegistryFolder = System.IO.Path.Combine(temp.Root, ".nmigate");
        Registry = ReferenceRegistry.Open(RegistryFolder);
    }

    public string Path => temp.Root;

    public string RegistryFolder { get; }

    public ReferenceRegistry Registry { get; }

    public static RegistrationProvenance Provenance(string? note = null) => new("0.1.0-test", Note: note);

    public string Write(string name, string content) => temp.WriteText(name, content);

    /// <summary>Registers ids a, b, c, d with two clusters; <paramref name="salt"/> varies the labels.</summary>
    public RegistryVersion RegisterSmall(string salt = "", string gate = Gate) =>
        Registry.Register(gate, ["d", "b", "a", "c"], ["x" + salt, "y" + salt, "x" + salt, "y" + salt], Provenance());

    public string VersionFile(int number, string file, string gate = Gate) =>
        System.IO.Path.Combine(RegistryFolder, gate, "v" + number.ToString(System.Globalization.CultureInfo.InvariantCulture), file);

    public void Dispose() => temp.Dispose();
}
