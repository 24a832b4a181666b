namespace NmiGate.Core.Configuration;

/// <summary>The <c>confidence</c> section: bootstrap intervals around every gated metric, and whether the verdict uses them.</summary>
/// <param name="Level">Nominal coverage of the percentile interval, e.g. 0.95.</param>
/// <param name="Resamples">Bootstrap replicates per interval.</param>
/// <param name="Seed">The bootstrap seed: the same seed gives the same intervals, so a re-run gives the same verdict.</param>
/// <param name="GateOn">Whether rules judge the point value or the whole interval.</param>
/// <param name="Source">Where the <c>confidence</c> key is.</param>
public sealed record ConfidenceOptions(
    Sourced<double> Level,
    Sourced<int> Resamples,
    Sourced<ulong> Seed,
    Sourced<GateOn> GateOn,
    ValueSource Source);
