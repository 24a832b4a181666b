using NmiGate.MSBuild.Tests.Support;

namespace NmiGate.MSBuild.Tests.Unit;

/// <summary>Tasks wired to a <see cref="FakeBuildEngine"/> and a <see cref="GateWorkspace"/>, as the targets wire them.</summary>
internal static class TaskFactory
{
    public const string HelpLinkBase = "file:///nmigate/docs/diagnostics.md";

    public static string StampFile(GateWorkspace gate) => Path.Combine(gate.Root, "obj", "nmigate", "verdict.json");

    public static string InputsCacheFile(GateWorkspace gate) => Path.Combine(gate.Root, "obj", "nmigate", "inputs.cache");

    public static FakeBuildEngine Engine(GateWorkspace gate) => new(Path.Combine(gate.Root, "app.csproj"));

    public static CheckGate Check(GateWorkspace gate, FakeBuildEngine engine) => new()
    {
        BuildEngine = engine,
        ConfigFile = "nmigate.yml",
        BaseDirectory = gate.Root,
        StampFile = StampFile(gate),
        HelpLinkBase = HelpLinkBase,
    };

    public static ResolveGateInputs Resolve(GateWorkspace gate, FakeBuildEngine engine) => new()
    {
        BuildEngine = engine,
        ConfigFile = "nmigate.yml",
        BaseDirectory = gate.Root,
        StampFile = StampFile(gate),
        InputsCacheFile = InputsCacheFile(gate),
        HelpLinkBase = HelpLinkBase,
    };

    public static ReplayGateVerdict Replay(GateWorkspace gate, FakeBuildEngine engine) => new()
    {
        BuildEngine = engine,
        StampFile = StampFile(gate),
        InputsCacheFile = InputsCacheFile(gate),
        HelpLinkBase = HelpLinkBase,
    };
}
