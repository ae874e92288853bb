using System.Text;

namespace IceWatch.Load;

/// <summary>
/// SDK report batches of about the requested size: one report per batch, the first of a peer
/// connection with its ICE events, every one with a getStats() snapshot shaped like Chrome's
/// (candidate pair, candidates, transport, RTP streams, codecs, certificates).
/// </summary>
public sealed class ReportBodies(LoadOptions options)
{
    private static readonly long Epoch = DateTimeOffset.UtcNow.AddSeconds(-60).ToUnixTimeMilliseconds();

    public (string SessionId, string Region, long Seq) Identify(long index) =>
        ($"{options.RunId}-s{index % options.Sessions}", $"region-{index % options.Sessions % options.Regions}", index / options.Sessions);

    public byte[] Build(long index)
    {
        var (session, region, seq) = Identify(index);
        var t = Epoch + seq * 1000;
        var json = new StringBuilder(options.ReportBytes + 2048);
        json.Append($$"""{"sessionId":"{{session}}","region":"{{region}}","sdk":{"name":"icewatch-load","version":"1.0.0"},"reports":[{"peerConnectionId":"pc-1","seq":{{seq}},"events":[""");
        if (seq == 0) json.Append(FirstEvents(t));
        json.Append($$"""],"stats":[{"t":{{t + 900}},"reports":{""");
        json.Append(PairAndTransport(seq));
        var filler = 0;
        while (json.Length < options.ReportBytes) json.Append(RtpStream(filler++, seq));
        json.Append("}}]}]}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private static string FirstEvents(long t) => $$$"""
        {"t":{{{t}}},"type":"create","configuration":{"iceServers":[{"urls":["stun:stun.example.com:3478"]},{"urls":["turn:turn.example.com:3478?transport=udp"],"hasCredential":true}],"iceTransportPolicy":"all","bundlePolicy":"max-bundle"}},
        {"t":{{{t + 10}}},"type":"setLocalDescription","sdpType":"offer"},
        {"t":{{{t + 20}}},"type":"icegatheringstatechange","state":"gathering"},
        {"t":{{{t + 30}}},"type":"icecandidate","candidate":{"type":"host","protocol":"udp","address":"192.168.1.23","port":50000,"priority":2122260223}},
        {"t":{{{t + 35}}},"type":"icecandidate","candidate":{"type":"srflx","protocol":"udp","address":"203.0.113.77","port":61000,"priority":1686052607}},
        {"t":{{{t + 40}}},"type":"setRemoteDescription","sdpType":"answer"},
        {"t":{{{t + 50}}},"type":"addIceCandidate","candidate":{"type":"srflx","protocol":"udp","address":"198.51.100.9","port":4000,"priority":1686052607}},
        {"t":{{{t + 60}}},"type":"iceconnectionstatechange","state":"checking"},
        {"t":{{{t + 200}}},"type":"iceconnectionstatechange","state":"connected"},
        {"t":{{{t + 210}}},"type":"connectionstatechange","state":"connected"}
        """;

    private static string PairAndTransport(long seq) => $$"""
        "CP1":{"type":"candidate-pair","transportId":"T1","localCandidateId":"L2","remoteCandidateId":"R1","state":"succeeded","priority":7241540810645061000,"nominated":true,"writable":true,"packetsSent":{{seq * 500}},"packetsReceived":{{seq * 480}},"bytesSent":{{seq * 61234}},"bytesReceived":{{seq * 59876}},"totalRoundTripTime":{{seq * 0.04}},"currentRoundTripTime":0.021,"availableOutgoingBitrate":2450000,"requestsReceived":{{seq * 2}},"requestsSent":{{seq * 2 + 1}},"responsesReceived":{{seq * 2}},"responsesSent":{{seq * 2}},"consentRequestsSent":{{seq}},"packetsDiscardedOnSend":0,"bytesDiscardedOnSend":0,"lastPacketReceivedTimestamp":1763791000000,"lastPacketSentTimestamp":1763791000000},
        "L2":{"type":"local-candidate","transportId":"T1","isRemote":false,"networkType":"wifi","ip":"203.0.113.77","address":"203.0.113.77","port":61000,"protocol":"udp","candidateType":"srflx","priority":1686052607,"url":"stun:stun.example.com:3478","foundation":"3405217651","relatedAddress":"192.168.1.23","relatedPort":50000,"usernameFragment":"Xb3k","vpn":false,"networkAdapterType":"wifi"},
        "R1":{"type":"remote-candidate","transportId":"T1","isRemote":true,"ip":"198.51.100.9","address":"198.51.100.9","port":4000,"protocol":"udp","candidateType":"srflx","priority":1686052607,"foundation":"1921371098","usernameFragment":"q9Zt"},
        "T1":{"type":"transport","bytesSent":{{seq * 61234}},"packetsSent":{{seq * 500}},"bytesReceived":{{seq * 59876}},"packetsReceived":{{seq * 480}},"dtlsState":"connected","selectedCandidatePairId":"CP1","localCertificateId":"CF1","remoteCertificateId":"CF2","tlsVersion":"FEFD","dtlsCipher":"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256","dtlsRole":"client","srtpCipher":"AES_CM_128_HMAC_SHA1_80","selectedCandidatePairChanges":1,"iceRole":"controlling","iceLocalUsernameFragment":"Xb3k","iceState":"connected"}
        """;

    private static string RtpStream(int n, long seq) => $$"""
        ,"IT{{n}}":{"type":"inbound-rtp","ssrc":{{3_000_000 + n}},"kind":"{{(n % 2 == 0 ? "audio" : "video")}}","transportId":"T1","codecId":"C{{n}}","trackIdentifier":"track-{{n}}","mid":"{{n}}","packetsReceived":{{seq * 50 + n}},"packetsLost":{{n}},"jitter":0.003,"bytesReceived":{{seq * 6000 + n}},"headerBytesReceived":{{seq * 600}},"lastPacketReceivedTimestamp":1763791000000,"jitterBufferDelay":{{seq * 1.5}},"jitterBufferTargetDelay":{{seq * 1.6}},"jitterBufferMinimumDelay":{{seq * 1.2}},"jitterBufferEmittedCount":{{seq * 48}},"totalSamplesReceived":{{seq * 48000}},"concealedSamples":12,"silentConcealedSamples":3,"concealmentEvents":2,"insertedSamplesForDeceleration":40,"removedSamplesForAcceleration":30,"audioLevel":0.02,"totalAudioEnergy":0.4,"totalSamplesDuration":{{seq}},"fecPacketsReceived":0,"fecPacketsDiscarded":0,"nackCount":{{n}},"playoutId":"AP"},
        "OT{{n}}":{"type":"outbound-rtp","ssrc":{{4_000_000 + n}},"kind":"{{(n % 2 == 0 ? "audio" : "video")}}","transportId":"T1","codecId":"C{{n}}","mediaSourceId":"SO{{n}}","mid":"{{n}}","packetsSent":{{seq * 50}},"bytesSent":{{seq * 6100}},"headerBytesSent":{{seq * 610}},"retransmittedPacketsSent":0,"retransmittedBytesSent":0,"targetBitrate":32000,"totalPacketSendDelay":{{seq * 0.01}},"nackCount":0,"active":true},
        "C{{n}}":{"type":"codec","transportId":"T1","payloadType":{{96 + n}},"mimeType":"{{(n % 2 == 0 ? "audio/opus" : "video/VP8")}}","clockRate":{{(n % 2 == 0 ? 48000 : 90000)}},"channels":2,"sdpFmtpLine":"minptime=10;useinbandfec=1"}
        """;
}
