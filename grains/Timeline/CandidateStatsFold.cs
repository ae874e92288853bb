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
        return new CandidateInfo(
            statsId,
            type.Str() ?? known?.Type,
            protocol.Str() ?? known?.Protocol,
            relayProtocol.Str() ?? known?.RelayProtocol,
            url.Str() ?? known?.Url,
            priority.Long() ?? known?.Priority,
            seenAddress ?? known?.Address,
            (int?)port.Long() ?? known?.Port,
            AddressFamilies.Of(seenAddress ?? known?.Address) ?? known?.AddressFamily,
            tcpType.Str() ?? known?.TcpType);
    }
}
