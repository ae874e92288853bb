using IceWatch.Grains.Cluster;
using IceWatch.Grains.Events;
using IceWatch.Grains.Privacy;
using Microsoft.Extensions.Options;

namespace IceWatch.Silo;

/// <summary>Applies <see cref="PrivacyOptions"/> to the events of an upload before they reach the session's state.</summary>
public sealed class AddressPrivacy(InstanceSecrets secrets, IOptions<PrivacyOptions> options) : IUploadPrivacy
{
    private const string KeyName = "address_obfuscation";
    private EventRedactor? _redactor;

    public async Task<Func<IceEvent, IceEvent>> RedactorAsync(CancellationToken ct)
    {
        if (options.Value.KeepAddresses) return e => e;
        if (_redactor is null)
        {
            var key = await secrets.GetOrCreateAsync(KeyName, 32, ct);
            _redactor = new EventRedactor(new AddressObfuscator(key, options.Value.Ipv4PrefixBits, options.Value.Ipv6PrefixBits));
        }
        return _redactor.Redact;
    }
}
