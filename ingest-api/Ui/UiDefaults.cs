namespace IceWatch.IngestApi.Ui;

public static class UiDefaults
{
    /// <summary>The web UI's cookie scheme: an API key exchanged once for an HttpOnly cookie.</summary>
    public const string Scheme = "IceWatchUi";
    public const string Policy = "IceWatchUi";
    public const string CookieName = "icewatch_ui";
    public const string LoginPath = "/ui/login";
    public const string ReturnUrl = "returnUrl";
}
