using NmiGate.Core.Partitions;

namespace NmiGate.Core.Registry;

/// <summary>A verified reference as a gate check holds it: compact when it could be, else by text.</summary>
/// <param name="Version">The version resolved.</param>
/// <param name="Hashed">The partition by id hash; null when it must be aligned by text.</param>
/// <param name="Full">The partition by text (read on demand when <paramref name="Hashed"/> is set: for messages).</param>
internal sealed record CheckReference(RegistryVersion Version, HashedLabels? Hashed, Func<ReferencePartition> Full);
