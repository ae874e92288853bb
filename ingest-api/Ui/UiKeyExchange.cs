using Microsoft.AspNetCore.WebUtilities;

namespace IceWatch.IngestApi.Ui;

/// <summary>
/// A UI link may carry <c>?key=</c> (for example from a dashboard): the key is exchanged for the
/// cookie and the browser is sent to the same page without it, so the key leaves the address bar.
/// </summary>
public sealed class UiKeyExchange(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/ui") || !context.Request.Query.TryGetValue("key", out var key))
        {
            await next(context);
            return;
        }
        var rest = context.Request.Query.Where(q => q.Key != "key").ToDictionary(q => q.Key, q => q.Value);
        var target = QueryHelpers.AddQueryString(context.Request.PathBase + context.Request.Path, rest);
        if (await UiSignIn.TrySignInAsync(context, key, context.RequestAborted))
            context.Response.Redirect(target);
        else
            context.Response.Redirect(QueryHelpers.AddQueryString(UiDefaults.LoginPath,
                new Dictionary<string, string?> { [UiDefaults.ReturnUrl] = target, ["failed"] = "1" }));
    }
}
