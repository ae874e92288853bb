namespace IceWatch.Grains.Parsing;

/// <summary>
/// The static tables of the rtcstats dump format (file format 3): method names, stats types and
/// stats property names may be replaced by small numbers. Only what ICE diagnosis reads is
/// listed; any other number is kept as it is.
/// </summary>
public static class RtcStatsCompression
{
    /// <summary>The stats property that carries a getStats snapshot's common timestamp.</summary>
    public const string TimestampKey = "t";

    public static string Method(string key) => key switch
    {
        "g" or "1" => "getStats",
        "2" => "createOffer",
        "3" => "createOfferOnSuccess",
        "4" => "createAnswer",
        "5" => "createAnswerOnSuccess",
        "6" => "setLocalDescription",
        "7" => "setLocalDescriptionOnSuccess",
        "8" => "setRemoteDescription",
        "9" => "setRemoteDescriptionOnSuccess",
        "10" => "addIceCandidate",
        "11" => "addIceCandidateOnSuccess",
        "12" => "createOfferOnFailure",
        "13" => "createAnswerOnFailure",
        "14" => "setLocalDescriptionOnFailure",
        "15" => "setRemoteDescriptionOnFailure",
        "16" => "addIceCandidateOnFailure",
        "20" => "onicecandidate",
        "21" => "onicecandidateerror",
        "22" => "ontrack",
        "23" => "onsignalingstatechange",
        "24" => "oniceconnectionstatechange",
        "25" => "onconnectionstatechange",
        "26" => "onicegatheringstatechange",
        "27" => "onnegotiationneeded",
        "28" => "ondatachannel",
        "36" => "close",
        "37" => "restartIce",
        "38" => "setConfiguration",
        "39" => "create",
        "40" => "constraints",
        _ => key,
    };

    public static string StatsType(string key) => key switch
    {
        "1" => "inbound-rtp",
        "2" => "outbound-rtp",
        "3" => "remote-inbound-rtp",
        "4" => "remote-outbound-rtp",
        "5" => "transport",
        "6" => "candidate-pair",
        "7" => "local-candidate",
        "8" => "remote-candidate",
        "9" => "data-channel",
        "10" => "peer-connection",
        "11" => "certificate",
        "12" => "media-source",
        "13" => "media-playout",
        "14" => "codec",
        _ => key,
    };

    private static readonly Dictionary<string, string> Properties = new(StringComparer.Ordinal)
    {
        [TimestampKey] = "timestamp",
        ["5"] = "transportId",
        ["6"] = "mimeType",
        ["10"] = "ssrc",
        ["11"] = "kind",
        ["12"] = "codecId",
        ["14"] = "packetsReceived",
        ["15"] = "packetsLost",
        ["18"] = "mid",
        ["34"] = "lastPacketReceivedTimestamp",
        ["41"] = "bytesReceived",
        ["75"] = "roundTripTime",
        ["76"] = "totalRoundTripTime",
        ["79"] = "packetsSent",
        ["80"] = "bytesSent",
        ["115"] = "label",
        ["116"] = "protocol",
        ["118"] = "state",
        ["121"] = "iceRole",
        ["122"] = "iceLocalUsernameFragment",
        ["123"] = "dtlsState",
        ["124"] = "iceState",
        ["125"] = "selectedCandidatePairId",
        ["128"] = "tlsVersion",
        ["130"] = "dtlsRole",
        ["132"] = "selectedCandidatePairChanges",
        ["134"] = "address",
        ["135"] = "port",
        ["136"] = "candidateType",
        ["137"] = "priority",
        ["138"] = "url",
        ["139"] = "relayProtocol",
        ["140"] = "foundation",
        ["141"] = "relatedAddress",
        ["142"] = "relatedPort",
        ["143"] = "usernameFragment",
        ["144"] = "tcpType",
        ["145"] = "networkType",
        ["148"] = "localCandidateId",
        ["149"] = "remoteCandidateId",
        ["150"] = "nominated",
        ["151"] = "lastPacketSentTimestamp",
        ["152"] = "currentRoundTripTime",
        ["153"] = "availableOutgoingBitrate",
        ["154"] = "availableIncomingBitrate",
        ["155"] = "requestsReceived",
        ["156"] = "requestsSent",
        ["157"] = "responsesReceived",
        ["158"] = "responsesSent",
        ["159"] = "consentRequestsSent",
        ["160"] = "packetsDiscardedOnSend",
        ["161"] = "bytesDiscardedOnSend",
    };

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PropertiesBySpan =
        Properties.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Property(string key) => Properties.GetValueOrDefault(key, key);

    /// <summary>The full name of a compressed property name, or null when the name is not compressed.</summary>
    public static string? Property(ReadOnlySpan<char> key) => PropertiesBySpan.TryGetValue(key, out var name) ? name : null;
}
