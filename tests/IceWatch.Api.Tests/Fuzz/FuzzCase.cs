namespace IceWatch.Api.Tests;

/// <summary>One hostile request: where it goes, what it carries and which family of attack it belongs to.</summary>
public sealed record FuzzCase(string Family, string Path, byte[] Body, string? ContentType = "application/json", string? ContentEncoding = null);
