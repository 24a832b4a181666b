namespace NmiGate.Core.Registry;

/// <summary>The outcome of re-hashing every version: the versions that checked out and every problem found.</summary>
/// <param name="Verified">Versions whose manifest, hash, content and counts all check out.</param>
/// <param name="Problems">Every problem found, by gate and version.</param>
public sealed record RegistryVerification(IReadOnlyList<RegistryVersion> Verified, IReadOnlyList<RegistryProblem> Problems)
{
    /// <summary>Whether nothing is wrong.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>Throws a <see cref="RegistryException"/> carrying every problem, when there are any.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new RegistryException(Problems);
        }
    }
}
