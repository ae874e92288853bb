using System.Security.Cryptography;
using System.Text;

namespace IceWatch.Silo;

/// <summary>API keys are 256 random bits; only their SHA-256 is stored, so a fast unsalted hash is enough.</summary>
internal static class ApiKeys
{
    private const string Prefix = "iw_";

    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string apiKey) => SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
}
