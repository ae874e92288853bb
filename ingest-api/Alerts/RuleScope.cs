using IceWatch.Grains.Alerting;
using IceWatch.Grains.Classification;
using IceWatch.IngestApi.Uploads;
using IceWatch.Silo;

namespace IceWatch.IngestApi.Alerts;

/// <summary>The {scope} of /v1/alert-rules: <c>default</c>, <c>region:NAME</c> or <c>turn_url:URL</c> (URL-encoded).</summary>
public static class RuleScope
{
    public const string Default = "default";

    public static bool TryParse(string text, out string kind, out string value, out string error)
    {
        (kind, value, error) = (AlertRuleOverride.TenantKind, "", "");
        if (text == Default) return true;
        var colon = text.IndexOf(':');
        var (prefix, rest) = colon < 0 ? (text, "") : (text[..colon], text[(colon + 1)..]);
        if (prefix == IncidentScope.RegionKind && Identifiers.IsRegion(rest)) (kind, value) = (IncidentScope.RegionKind, rest);
        else if (prefix == IncidentScope.TurnUrlKind && IceUrl.Parse(rest) is not null && rest.Length <= 512) (kind, value) = (IncidentScope.TurnUrlKind, rest);
        else error = $"scope '{text}' must be 'default', 'region:<region>' or 'turn_url:<turn or turns URL>'.";
        return error.Length == 0;
    }

    public static string Format(string kind, string value) => kind == AlertRuleOverride.TenantKind ? Default : $"{kind}:{value}";
}
