using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace IceWatch.IngestApi.Ui;

/// <summary>The page frame and text helpers every UI page uses. Every value from data goes through <see cref="E"/>.</summary>
public static class HtmlPage
{
    private const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2430;background:#f4f6f9}
        header{background:#17324d;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:center}
        header a{color:#fff;text-decoration:none;font-weight:600}header form{margin-left:auto}
        main{padding:16px 24px;max-width:1200px}h1{font-size:22px;margin:8px 0 16px}h2{font-size:17px;margin:20px 0 8px}
        section.card{background:#fff;border:1px solid #d8dee6;border-radius:6px;padding:12px 16px;margin:0 0 16px}
        table{border-collapse:collapse;width:100%;margin:6px 0 10px}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e4e8ee;font-size:13px}
        th{background:#eef1f5}.num{text-align:right;font-variant-numeric:tabular-nums}
        .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;font-size:12px;color:#fff}
        .connected{background:#2e7d32}.failed{background:#c62828}.pending{background:#8a8f98}.firing{background:#c62828}.resolved{background:#2e7d32}
        .kpis{display:flex;gap:28px;flex-wrap:wrap}.kpi b{display:block;font-size:20px}.bad{color:#c62828}.muted{color:#69707a}
        .fix{background:#fff8e1;border-left:4px solid #f9a825;padding:6px 10px}
        input[type=password]{width:360px;padding:6px}button{padding:6px 14px}
        """;

    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Number(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.##", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.##", CultureInfo.InvariantCulture) + " MiB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "–";

    public static string Render(string title, string body, bool signedIn = true)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append(" · IceWatch</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><style>").Append(Style).Append("</style></head><body>")
            .Append("<header><a href=\"/ui\">IceWatch</a>");
        if (signedIn) html.Append("<a href=\"/ui\">Overview</a><form method=\"post\" action=\"/ui/logout\"><button type=\"submit\">Sign out</button></form>");
        html.Append("</header><main>").Append(body).Append("</main></body></html>");
        return html.ToString();
    }

    public static IResult Result(string title, string body, bool signedIn = true, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(Render(title, body, signedIn), "text/html; charset=utf-8", Encoding.UTF8, status);
}
