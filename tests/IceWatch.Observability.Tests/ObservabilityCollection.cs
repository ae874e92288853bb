namespace IceWatch.Observability.Tests;

[CollectionDefinition(Name)]
public sealed class ObservabilityCollection : ICollectionFixture<SeededIceWatch>
{
    public const string Name = "Seeded IceWatch";
}
