namespace IceWatch.Silo;

internal sealed record Migration(int Version, string Name, string Sql);
