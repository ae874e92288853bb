using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace IceWatch.Silo;

/// <summary>Reads a key ring entry written by <see cref="MasterKeyXmlEncryptor"/>, with the master key it names.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var id = (string?)encryptedElement.Attribute("masterKey") ?? "";
        var key = services.GetRequiredService<MasterKeys>().Find(id)
            ?? throw new CryptographicException($"The Data Protection key ring entry needs master key {id}, which is neither ICEWATCH_SECRETS_KEY nor in ICEWATCH_SECRETS_PREVIOUS_KEYS.");
        var data = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var nonce = data.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        var tag = data.AsSpan(nonce.Length, AesGcm.TagByteSizes.MaxSize);
        var cipher = data.AsSpan(nonce.Length + tag.Length);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(key, tag.Length)) aes.Decrypt(nonce, cipher, tag, plain);
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
