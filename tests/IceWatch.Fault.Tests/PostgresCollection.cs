using IceWatch.Testing;

namespace IceWatch.Fault.Tests;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL (fault tests)";
}
