namespace SalesOS.Grains.Outreach;

/// <summary>Reads the tracking key from configuration: hex or base64 text of at least 32 bytes.</summary>
public static class TrackingKeys
{
    public const int MinimumBytes = 32;

    public static bool TryDecode(string? text, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        try
        {
            key = trimmed.Length % 2 == 0 && trimmed.All(Uri.IsHexDigit) ? Convert.FromHexString(trimmed) : Convert.FromBase64String(trimmed);
        }
        catch (FormatException)
        {
            return false;
        }

        return key.Length >= MinimumBytes;
    }

    public static byte[] Decode(string? text)
        => TryDecode(text, out var key) ? key : throw new InvalidOperationException($"SalesOS:Outreach:TrackingKey must be hex or base64 of at least {MinimumBytes} bytes.");

    /// <summary>A new random key as hex, for the embedded profile's data folder.</summary>
    public static string NewKey() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(MinimumBytes));
}
