using System.Text;

namespace IceWatch.Fault.Tests;

/// <summary>Small SDK report batches: report <c>seq</c> of peer connection pc-1 of one session; every body differs.</summary>
internal static class ReportBodies
{
    private static readonly long T0 = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds();

    public static byte[] Build(string sessionId, string region, int seq)
    {
        var t = T0 + seq * 1000;
        var events = seq > 0 ? "" : $$$"""
            {"t":{{{t}}},"type":"create","configuration":{"iceServers":[{"urls":["stun:stun.example.com:3478"]}]}},
            {"t":{{{t + 10}}},"type":"icecandidate","candidate":{"type":"host","protocol":"udp","address":"192.168.7.{{{seq % 200}}}","port":50000}},
            {"t":{{{t + 20}}},"type":"addIceCandidate","candidate":{"type":"srflx","protocol":"udp","address":"198.51.100.9","port":4000}},
            {"t":{{{t + 30}}},"type":"iceconnectionstatechange","state":"checking"},
            {"t":{{{t + 90}}},"type":"connectionstatechange","state":"connected"}
            """;
        var json = $$$"""
            {"sessionId":"{{{sessionId}}}","region":"{{{region}}}","reports":[{"peerConnectionId":"pc-1","seq":{{{seq}}},"events":[{{{events}}}],
             "stats":[{"t":{{{t + 500}}},"reports":{
               "CP1":{"type":"candidate-pair","localCandidateId":"L1","remoteCandidateId":"R1","state":"succeeded","nominated":true,"bytesSent":{{{1000 * (seq + 1)}}},"bytesReceived":{{{900 * (seq + 1)}}}},
               "L1":{"type":"local-candidate","candidateType":"host","protocol":"udp","address":"192.168.7.1","port":50000},
               "R1":{"type":"remote-candidate","candidateType":"srflx","protocol":"udp","address":"198.51.100.9","port":4000},
               "T1":{"type":"transport","selectedCandidatePairId":"CP1","iceState":"connected","dtlsState":"connected"}
            """ + "}}]}]}";
        return Encoding.UTF8.GetBytes(json);
    }
}
