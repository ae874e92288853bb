using System.Security.Cryptography;
using System.Text;

namespace IceWatch.Silo;

/// <summary>
/// API keys are 256 random bits; only their SHA-256 is stored, so a fast unsalted hash is enough. The
/// prefix names the kind (iwp_ publishable, iwr_ read, iws_ admin; keys from before kinds start iw_),
/// so a secret key pasted into a web page is easy to spot.
/// </summary>
internal static class ApiKeys
{
    public static string Generate(string kind = KeyKinds.Admin) =>
        Prefix(kind) + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string apiKey) => SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));

    private static string Prefix(string kind) => kind switch
    {
        KeyKinds.Publishable => "iwp_",
        KeyKinds.Read => "iwr_",
        _ => "iws_",
    };
}
