using IceWatch.Grains.Verdicts;

namespace IceWatch.Grains.Classification;

/// <summary>One sentence per category that an on-call engineer can act on.</summary>
public static class Fixes
{
    public static string? For(string? category) => category switch
    {
        Categories.NoTurnConfigured => "Add TURN servers (turn: over UDP and TCP, and turns: on port 443) to the ICE configuration your app hands to clients.",
        Categories.TurnAuthFailed => "Check the TURN username and credential your app hands to clients against the TURN server's user database or shared secret.",
        Categories.TurnCredentialExpired => "Generate TURN REST credentials right before the call and give them a lifetime longer than the longest session; check the clock of the credential generator.",
        Categories.TurnUnreachable => "Check that the TURN servers are running and reachable at the configured host and port from client networks (firewall, DNS, listening address).",
        Categories.TurnUdpOnly => "Add TURN over TCP and TLS (turn:...?transport=tcp and turns:...:443) so clients on networks that block UDP still get a relay.",
        Categories.TurnTls443Missing => "Add a turns: URL on port 443 (TURN over TLS); this network lets only TLS on 443 out.",
        Categories.StunUnreachable => "UDP or STUN is blocked on this network; add TURN over TCP/TLS on 443 so such clients can still connect.",
        Categories.StunTurnBlocked => "Every STUN and TURN server failed on this network (often a VPN or a strict firewall); offer turns: on port 443 and tell the user to try without the VPN.",
        Categories.IceConfigInvalid => "Fix the ICE server configuration your app's server hands out: it was empty or malformed.",
        Categories.SignalingIncomplete => "Check the signaling path: the offer/answer or the remote candidates never reached this peer, so ICE never started.",
        Categories.GatheringTimeout => "Candidate gathering never finished and produced nothing usable; set a gathering deadline and check the network interfaces and ICE servers.",
        Categories.ConnectionLost => "The connection dropped after it worked (network change or NAT timeout); restart ICE on disconnection and keep TURN available as a fallback.",
        Categories.DtlsFailed => "ICE worked but the DTLS handshake failed; check certificate fingerprints in the SDP and middleboxes that alter DTLS packets.",
        Categories.Unknown => "No known cause matched; read the evidence and the candidate pairs of this peer connection.",
        _ => null,
    };
}
