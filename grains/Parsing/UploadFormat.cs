namespace IceWatch.Grains.Parsing;

public enum UploadFormat
{
    Unknown,
    WebrtcInternalsDump,
    RtcStatsDump,
    SdkReport,
}
