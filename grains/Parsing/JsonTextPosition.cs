namespace IceWatch.Grains.Parsing;

/// <summary>A place in a JSON text as Utf8JsonReader counts it: lines from 0, bytes into the line from 0.</summary>
public readonly record struct JsonTextPosition(long Line, long ByteInLine);
