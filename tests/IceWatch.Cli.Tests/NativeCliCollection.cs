namespace IceWatch.Cli.Tests;

/// <summary>The test classes that run the native program: it is published once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class NativeCliCollection : ICollectionFixture<NativeCli>
{
    public const string Name = "native CLI";
}
