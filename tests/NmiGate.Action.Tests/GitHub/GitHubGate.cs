using NmiGate.Action.Tests.Support;

namespace NmiGate.Action.Tests.GitHub;

/// <summary>A registered gate (<c>segments</c>, nmi fail-below 0.95), a loopback GitHub and a simulated Actions step.</summary>
internal sealed class GitHubGate : IDisposable
{
    public const string Thresholds = "  nmi: { fail-below: 0.95 }\n";

    private readonly TrainedModels models;

    public GitHubGate(TrainedModels models, string basePath = "/api/v3")
    {
        this.models = models;
        Server = new LoopbackGitHub(basePath);
        Gate = new GateWorkspace(models.ThreeClusters, models.DataPath, Thresholds);
        Assert.Equal(0, Gate.Run("register").ExitCode);
        Runner = new ActionsRunner(Server, Gate.Root);
    }

    public LoopbackGitHub Server { get; }

    public GateWorkspace Gate { get; }

    public ActionsRunner Runner { get; }

    /// <summary><c>nmigate check</c> on the registered model: NMI 1, pass.</summary>
    public NmigateRun CheckPassing(params string[] args) => Runner.Run(["check", "--config", Gate.ConfigPath, .. args]);

    /// <summary><c>nmigate check</c> on the six-cluster model: NMI below 0.95, fail.</summary>
    public NmigateRun CheckFailing(params string[] args) => Runner.Run(["check", "--config", Gate.ConfigPath, "--model", models.SixClusters, .. args]);

    public List<LoopbackGitHub.Comment> Comments => [.. Server.Comments.Where(c => c.PullRequest == ActionsRunner.PullRequest)];

    public void Dispose()
    {
        Runner.Dispose();
        Gate.Dispose();
        Server.Dispose();
    }
}
