using System.Text.Json;
using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Tests.Parsing;

public class SmallReaderTests
{
    [Theory]
    [InlineData("1795327470808.258", "2026-11-22T06:04:30.808258Z")]
    [InlineData("2026-11-22T06:04:09.642Z", "2026-11-22T06:04:09.642Z")]
    [InlineData("11/22/2026, 6:04:09 AM", "2026-11-22T06:04:09Z")]
    [InlineData("11/22/2026, 6:04:09\u202fPM", "2026-11-22T18:04:09Z")]
    [InlineData("22.11.2026, 18:04:09", "2026-11-22T18:04:09Z")]
    [InlineData("22/11/2026, 18:04:09", "2026-11-22T18:04:09Z")]
    [InlineData("2026/11/22 18:04:09", "2026-11-22T18:04:09Z")]
    [InlineData("Sun Nov 22 2026 19:04:09 GMT+0100 (Central European Standard Time)", "2026-11-22T18:04:09Z")]
    public void Webrtc_internals_times_are_read_in_every_shape_chrome_wrote(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WebrtcInternalsTime.Parse(text));

    [Fact]
    public void A_numeric_time_in_json_is_milliseconds_since_the_epoch() =>
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795327470808), WebrtcInternalsTime.Parse(JsonDocument.Parse("1795327470808").RootElement));

    [Fact]
    public void An_unreadable_time_gives_null() => Assert.Null(WebrtcInternalsTime.Parse("yesterday-ish"));

    [Fact]
    public void Chromes_javascript_like_configuration_gives_urls_and_policy()
    {
        var config = RtcConfigurationString.Parse(
            "{ iceServers: [turn:turn.example.com:3478?transport=udp, stun:stun.example.com:19302], iceTransportPolicy: relay, bundlePolicy: max-bundle, rtcpMuxPolicy: require, iceCandidatePoolSize: 0 }");

        Assert.False(config.Malformed);
        Assert.Equal(["turn:turn.example.com:3478?transport=udp", "stun:stun.example.com:19302"], config.IceServers.SelectMany(s => s.Urls));
        Assert.Equal("relay", config.IceTransportPolicy);
        Assert.Equal("max-bundle", config.BundlePolicy);
    }

    [Fact]
    public void The_older_servers_and_ice_transport_type_names_are_understood()
    {
        var config = RtcConfigurationString.Parse("{ servers: [stun:stun.l.google.com:19302], iceTransportType: all, bundlePolicy: balanced }");

        Assert.Equal("stun:stun.l.google.com:19302", Assert.Single(config.IceServers).Urls[0]);
        Assert.Equal("all", config.IceTransportPolicy);
    }

    [Fact]
    public void A_json_configuration_as_newer_chrome_writes_it_is_read()
    {
        var config = RtcConfigurationString.Parse("{\"iceServers\":[{\"urls\":[\"turn:10.201.0.1:3478?transport=udp\"]}],\"iceTransportPolicy\":\"relay\"}");

        Assert.Equal("turn:10.201.0.1:3478?transport=udp", Assert.Single(config.IceServers).Urls[0]);
        Assert.Equal("relay", config.IceTransportPolicy);
        Assert.False(config.Malformed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("iceServers: turn:x")]
    [InlineData("{ iceServers: turn:x }")]
    [InlineData("{\"iceServers\": 5}")]
    public void An_unreadable_configuration_is_marked_malformed(string text) => Assert.True(RtcConfigurationString.Parse(text).Malformed);

    [Fact]
    public void An_empty_server_list_is_empty_not_malformed()
    {
        var config = RtcConfigurationString.Parse("{ iceServers: [], iceTransportPolicy: all }");

        Assert.Empty(config.IceServers);
        Assert.False(config.Malformed);
    }

    [Theory]
    [InlineData("1763794600:alice", 1763794600L)]
    [InlineData("1763794600", 1763794600L)]
    [InlineData("alice:1763794600", null)]
    [InlineData("42:bob", null)]
    public void A_turn_rest_username_tells_its_expiry(string username, long? seconds) =>
        Assert.Equal(seconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null, TurnUsernameExpiry.Parse(username));

    [Fact]
    public void Loose_log_values_split_into_fields_with_normalized_keys()
    {
        var fields = LogValueText.Fields("url: turn:a.example:3478?transport=udp\naddress: 10.0.0.x\nport: 5000\nerror_text: STUN host lookup received error.\nerror_code: 701");

        Assert.Equal("turn:a.example:3478?transport=udp", fields["url"]);
        Assert.Equal("701", fields["errorcode"]);
        Assert.Equal("STUN host lookup received error.", fields["errortext"]);
        Assert.Equal("5000", fields["port"]);
    }

    [Fact]
    public void A_json_encoded_state_is_unwrapped() => Assert.Equal("checking", LogValueText.Unwrap("\"checking\""));
}
