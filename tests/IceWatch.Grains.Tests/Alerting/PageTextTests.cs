using IceWatch.Grains.Alerting;

namespace IceWatch.Grains.Tests.Alerting;

public sealed class PageTextTests
{
    private static readonly WindowCounts Counts = new(TimeSpan.FromMinutes(5), 1_000, 21,
        new Dictionary<string, long> { ["turn_auth_failed"] = 15, ["no_turn_configured"] = 4, ["unknown"] = 2 })
    {
        Clients = 1_000,
        FailedClients = 21,
        FailedClientsByCategory = new Dictionary<string, long> { ["turn_auth_failed"] = 15, ["no_turn_configured"] = 4, ["unknown"] = 2 },
    };

    [Fact]
    public void The_page_names_the_top_causes_with_their_share_turn_url_and_fix()
    {
        var causes = PageText.TopCauses(Counts, new Dictionary<string, string> { ["turn_auth_failed"] = "turns:turn-eu.example.com:443" });

        Assert.Equal(["turn_auth_failed", "no_turn_configured", "unknown"], causes.Select(c => c.Category));
        Assert.StartsWith("71% turn_auth_failed on turns:turn-eu.example.com:443 — Check the TURN username", PageText.Cause(causes[0]));
    }

    [Fact]
    public void The_title_says_rate_scope_and_threshold()
    {
        Assert.Equal("ICE failure rate 2.10% in region eu-west (threshold 1.00%)", PageText.Title(IncidentScope.Region("eu-west"), Counts, 0.01));
    }
}
