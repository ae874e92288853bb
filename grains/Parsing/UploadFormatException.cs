namespace IceWatch.Grains.Parsing;

/// <summary>The upload is not in a format IceWatch reads; the message says what is wrong, for a 400.</summary>
public sealed class UploadFormatException(string message, Exception? inner = null) : Exception(message, inner);
