using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using IceWatch.Grains.Verdicts;

namespace IceWatch.IngestApi.Ui;

/// <summary>The page frame and text helpers every UI page uses. Every value from data goes through <see cref="E"/>.</summary>
public static class HtmlPage
{
    // Laptop first; under 640 px wide, tables marked "stack" turn each row into a block of labelled lines.
    private const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2430;background:#f4f6f9}
        header{background:#17324d;color:#fff;padding:10px 24px;display:flex;flex-wrap:wrap;gap:8px 24px;align-items:center}
        header a{color:#fff;text-decoration:none;font-weight:600}header form{margin-left:auto}
        main{padding:16px 24px;max-width:1200px}h1{font-size:22px;margin:8px 0 16px;overflow-wrap:anywhere}h2{font-size:17px;margin:20px 0 8px}
        h3{font-size:15px;margin:14px 0 6px}a{color:#0b57a4}
        section.card{background:#fff;border:1px solid #d8dee6;border-radius:6px;padding:12px 16px;margin:0 0 16px;min-width:0}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;margin:6px 0 10px}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e4e8ee;font-size:13px;vertical-align:top}
        th{background:#eef1f5}.num{text-align:right;font-variant-numeric:tabular-nums}td.empty{color:#5f6670;font-style:italic}
        .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;font-size:12px;color:#fff}
        .connected{background:#2e7d32}.failed{background:#c62828}.pending{background:#5f6670}.firing{background:#c62828}.resolved{background:#2e7d32}
        .kpis{display:flex;gap:8px 28px;flex-wrap:wrap}.kpi b{display:block;font-size:20px}.bad{color:#c62828}.muted{color:#5f6670}
        .fix{background:#fff8e1;border-left:4px solid #f9a825;padding:6px 10px}
        ul.causes{margin:0;padding-left:18px}ul.causes li{margin:0 0 4px}
        code{overflow-wrap:anywhere}svg{display:block;width:100%;max-width:720px;height:auto}svg.chart-narrow{display:none}
        nav.pager{display:flex;gap:16px;align-items:center;margin:8px 0}
        input[type=password]{width:100%;max-width:360px;padding:6px;box-sizing:border-box}button{padding:6px 14px}
        @media (max-width:640px){
          header,main{padding-left:12px;padding-right:12px}section.card{padding:10px}svg.chart-wide{display:none}svg.chart-narrow{display:block}
          table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:auto}table.stack tr:first-child{display:none}
          table.stack tr{border-bottom:1px solid #d8dee6;padding:6px 0}table.stack td{border:0;padding:2px 4px;text-align:left}
          table.stack td[data-label]::before{content:attr(data-label) ": ";color:#5f6670}
        }
        """;

    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Number(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>"1 upload", "2 uploads".</summary>
    public static string Count(long n, string singular, string? plural = null) => $"{Number(n)} {(n == 1 ? singular : plural ?? singular + "s")}";

    public static string Bytes(long bytes) => ByteSize.Text(bytes);

    public static string Ms(long? ms) => ms is { } t ? Number(t) + " ms" : "–";

    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "–";

    /// <summary>
    /// A table whose header and cells are HTML already encoded; with no rows it says <paramref name="empty"/>.
    /// Stacked tables show each row as labelled lines on a phone; the others scroll sideways.
    /// </summary>
    public static string Table(string cssClass, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string empty, bool stack = false,
        Func<IReadOnlyList<string>, string?>? rowClass = null)
    {
        // Focusable, so a keyboard can scroll a table that is wider than a phone.
        var html = new StringBuilder($"<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{cssClass.Replace('-', ' ')}\">")
            .Append($"<table class=\"{cssClass}{(stack ? " stack" : "")}\"><tr>");
        foreach (var header in headers) html.Append(header.StartsWith('#') ? $"<th class=\"num\">{header[1..]}</th>" : $"<th>{header}</th>");
        html.Append("</tr>");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            html.Append(rowClass?.Invoke(row) is { } css ? $"<tr class=\"{css}\">" : "<tr>");
            for (var i = 0; i < row.Count; i++)
                html.Append($"<td{(headers[i].StartsWith('#') ? " class=\"num\"" : "")}{(stack ? $" data-label=\"{headers[i].TrimStart('#')}\"" : "")}>{row[i]}</td>");
            html.Append("</tr>");
        }
        if (!any) html.Append($"<tr><td colspan=\"{headers.Count}\" class=\"empty\">{E(empty)}</td></tr>");
        return html.Append("</table></div>").ToString();
    }

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
