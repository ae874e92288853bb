using IceWatch.Grains.Events;
using IceWatch.Grains.Privacy;
using IceWatch.Grains.Timeline;

namespace IceWatch.Grains.Tests.Privacy;

public sealed class AddressObfuscatorTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [Theory]
    [InlineData("203.0.113.77", 24, 48, "203.0.113.0/24#")]
    [InlineData("203.0.113.77", 0, 48, "0.0.0.0/0#")]
    [InlineData("203.0.113.77", 16, 48, "203.0.0.0/16#")]
    [InlineData("2001:db8:1:2::7", 24, 48, "2001:db8:1::/48#")]
    [InlineData("[2001:db8:1:2::7]", 24, 32, "2001:db8::/32#")]
    public void Keeps_the_configured_prefix_and_hides_the_rest(string address, int v4, int v6, string prefix)
    {
        var token = new AddressObfuscator(Key, v4, v6).Obfuscate(address)!;
        Assert.StartsWith(prefix, token, StringComparison.Ordinal);
        Assert.DoesNotContain("77", token[prefix.Length..].Replace("#", ""), StringComparison.Ordinal);
        Assert.Equal(AddressFamilies.Of(address.Trim('[', ']')), AddressFamilies.Of(token));
    }

    [Fact]
    public void Same_address_same_token_other_key_other_token_mdns_stays_mdns()
    {
        var a = new AddressObfuscator(Key, 24, 48);
        var b = new AddressObfuscator([.. Key.Reverse()], 24, 48);
        Assert.Equal(a.Obfuscate("198.51.100.9"), a.Obfuscate("198.51.100.9"));
        Assert.NotEqual(a.Obfuscate("198.51.100.9"), a.Obfuscate("198.51.100.10"));
        Assert.NotEqual(a.Obfuscate("198.51.100.9"), b.Obfuscate("198.51.100.9"));
        Assert.Equal("mdns", AddressFamilies.Of(a.Obfuscate("4f1b-aa.local")));
        Assert.Equal(a.Obfuscate("203.0.113.1"), a.Obfuscate(a.Obfuscate("203.0.113.1")));
        Assert.Null(a.Obfuscate(null));
    }

    [Fact]
    public void The_redactor_reaches_candidates_errors_and_stats_and_keeps_the_family()
    {
        var redactor = new EventRedactor(new AddressObfuscator(Key, 24, 48));
        var t = DateTimeOffset.UnixEpoch;
        var local = (LocalCandidateGathered)redactor.Redact(new LocalCandidateGathered("pc", t, new CandidateInfo("c", "srflx", "udp", Address: "203.0.113.77", Port: 1)));
        Assert.Equal("ipv4", local.Candidate.AddressFamily);
        Assert.StartsWith("203.0.113.0/24#", local.Candidate.Address, StringComparison.Ordinal);
        var error = (CandidateErrorOccurred)redactor.Redact(new CandidateErrorOccurred("pc", t, "turn:x", 701, "x", "192.168.1.5", 5));
        Assert.StartsWith("192.168.1.0/24#", error.Address, StringComparison.Ordinal);
        var stats = (StatsObserved)redactor.Redact(new StatsObserved("pc", t, "L1", "local-candidate",
            new Dictionary<string, object?> { ["ip"] = "10.1.2.3", ["address"] = "10.1.2.3", ["relatedAddress"] = "192.168.0.9", ["port"] = 5L }));
        Assert.All(new[] { "ip", "address", "relatedAddress" }, k => Assert.Contains("#", (string)stats.Values[k]!, StringComparison.Ordinal));
        Assert.Equal(5L, stats.Values["port"]);
    }
}
