using System.Net;
using IceWatch.IngestApi.Clients;

namespace IceWatch.Api.Tests;

public sealed class ClientNetworkTests
{
    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0/24")]
    [InlineData("::ffff:203.0.113.77", "203.0.113.0/24")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1::/48")]
    [InlineData("2001:db8:1:ffff::1", "2001:db8:1::/48")]
    public void Addresses_of_one_network_share_one_name(string address, string network) =>
        Assert.Equal(network, ClientNetwork.Of(IPAddress.Parse(address), 24, 48));

    [Fact]
    public void A_request_without_an_address_is_one_unknown_client() => Assert.Equal("unknown", ClientNetwork.Of(null, 24, 48));
}
