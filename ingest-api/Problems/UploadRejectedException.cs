namespace IceWatch.IngestApi.Problems;

/// <summary>A request the API refuses; becomes a problem response with this status and the message as detail.</summary>
public sealed class UploadRejectedException(int statusCode, string title, string detail) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;
    public string Title { get; } = title;

    public static UploadRejectedException BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "Bad Request", detail);
    public static UploadRejectedException TooLarge(string detail) => new(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", detail);
    public static UploadRejectedException UnsupportedMediaType(string detail) => new(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type", detail);
}
