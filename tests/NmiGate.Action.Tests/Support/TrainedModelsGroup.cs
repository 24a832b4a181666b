namespace NmiGate.Action.Tests.Support;

/// <summary>Trains <see cref="TrainedModels"/> once for every gate test class.</summary>
[CollectionDefinition(Name)]
public sealed class TrainedModelsGroup : ICollectionFixture<TrainedModels>
{
    public const string Name = "trained models";
}
