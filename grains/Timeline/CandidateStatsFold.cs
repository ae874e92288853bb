using IceWatch.Grains.Events;

namespace IceWatch.Grains.Timeline;

/// <summary>Merges one local-candidate or remote-candidate stats object into what is known of the candidate.</summary>
internal static class CandidateStatsFold
{
    public static CandidateInfo Merge(CandidateInfo? known, string statsId, ReadOnlySpan<StatField> values)
    {
        StatValue address = default, ip = default, type = default, protocol = default, relayProtocol = default,
            url = default, priority = default, port = default, tcpType = default;
        foreach (var (name, value) in values)
        {
            switch (name)
            {
                case "address": address = value; break;
                case "ip": ip = value; break;
                case "candidateType": type = value; break;
                case "protocol": protocol = value; break;
                case "relayProtocol": relayProtocol = value; break;
                case "url": url = value; break;
                case "priority": priority = value; break;
                case "port": port = value; break;
                case "tcpType": tcpType = value; break;
            }
        }

        var seenAddress = address.Str() ?? ip.Str();
        var (typeText, protocolText, relayText, urlText, priorityValue, addressText, portValue, tcpText) = (
            type.Str() ?? known?.Type, protocol.Str() ?? known?.Protocol, relayProtocol.Str() ?? known?.RelayProtocol,
            url.Str() ?? known?.Url, priority.Long() ?? known?.Priority, seenAddress ?? known?.Address,
            (int?)port.Long() ?? known?.Port, tcpType.Str() ?? known?.TcpType);
        var family = AddressFamilies.Of(addressText) ?? known?.AddressFamily;

        // Most points repeat what is known: keep that instance rather than a copy.
        return known is not null && known.Id == statsId && known.Type == typeText && known.Protocol == protocolText
            && known.RelayProtocol == relayText && known.Url == urlText && known.Priority == priorityValue && known.Address == addressText
            && known.Port == portValue && known.AddressFamily == family && known.TcpType == tcpText
                ? known
                : new CandidateInfo(statsId, typeText, protocolText, relayText, urlText, priorityValue, addressText, portValue, family, tcpText);
    }
}
