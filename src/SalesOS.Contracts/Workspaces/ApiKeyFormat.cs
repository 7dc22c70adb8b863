using System.Security.Cryptography;
using System.Text;

namespace SalesOS.Contracts.Workspaces;

/// <summary>
/// API keys look like <c>sos_&lt;key id&gt;_&lt;secret&gt;</c>: the id finds the key's grain, the secret
/// (256 random bits) is checked against its stored SHA-256. A fast hash suffices for random secrets.
/// </summary>
public static class ApiKeyFormat
{
    private const string Prefix = "sos_";

    public static (string KeyId, string Secret, string Key) New()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (keyId, secret, $"{Prefix}{keyId}_{secret}");
    }

    public static bool TryParse(string? key, out string keyId, out string secret)
    {
        keyId = secret = "";
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 200)
        {
            return false;
        }

        var separator = key.IndexOf('_', Prefix.Length);
        if (separator <= Prefix.Length || separator == key.Length - 1)
        {
            return false;
        }

        keyId = key[Prefix.Length..separator];
        secret = key[(separator + 1)..];
        return keyId.All(char.IsAsciiHexDigitLower);
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
