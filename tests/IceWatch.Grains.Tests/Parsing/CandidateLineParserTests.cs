using IceWatch.Grains.Parsing;

namespace IceWatch.Grains.Tests.Parsing;

public class CandidateLineParserTests
{
    [Fact]
    public void A_relay_line_gives_its_type_protocol_priority_and_the_turn_transport_from_the_url()
    {
        var c = CandidateLineParser.Parse(
            "candidate:2868742608 1 udp 58662911 10.201.0.1 49158 typ relay raddr 0.0.0.0 rport 0 generation 0 ufrag zobD network-id 1",
            url: "turn:10.201.0.1:3478?transport=udp")!;

        Assert.Equal("relay", c.Type);
        Assert.Equal("udp", c.Protocol);
        Assert.Equal(58662911, c.Priority);
        Assert.Equal("10.201.0.1", c.Address);
        Assert.Equal(49158, c.Port);
        Assert.Equal("ipv4", c.AddressFamily);
        Assert.Equal("udp", c.RelayProtocol);
        Assert.Equal("turn:10.201.0.1:3478?transport=udp", c.Url);
    }

    [Fact]
    public void A_tcp_host_line_with_an_mdns_name_and_an_a_equals_prefix_is_read()
    {
        var c = CandidateLineParser.Parse("a=candidate:1 1 TCP 1518280447 4f1c.local 9 typ host tcptype active generation 0")!;

        Assert.Equal("host", c.Type);
        Assert.Equal("tcp", c.Protocol);
        Assert.Equal("active", c.TcpType);
        Assert.Equal("mdns", c.AddressFamily);
        Assert.Null(c.RelayProtocol);
    }

    [Fact]
    public void An_ipv6_srflx_line_is_ipv6()
    {
        var c = CandidateLineParser.Parse("candidate:9 1 udp 1686052607 2001:db8::1 4000 typ srflx raddr :: rport 0")!;

        Assert.Equal("srflx", c.Type);
        Assert.Equal("ipv6", c.AddressFamily);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a candidate")]
    [InlineData("candidate:1 1 udp 5 1.2.3.4")]
    public void Text_that_is_no_candidate_line_gives_null(string line) => Assert.Null(CandidateLineParser.Parse(line));

    [Theory]
    [InlineData("turns:turn.example.com:443?transport=tcp", "tls")]
    [InlineData("turn:turn.example.com:3478?transport=tcp", "tcp")]
    [InlineData("turn:turn.example.com:3478", "udp")]
    [InlineData("stun:stun.example.com", null)]
    public void The_relay_protocol_follows_the_turn_url(string url, string? expected) =>
        Assert.Equal(expected, CandidateLineParser.RelayProtocolOf(url));
}
