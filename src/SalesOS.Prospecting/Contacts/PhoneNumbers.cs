using Lib = global::PhoneNumbers;

namespace SalesOS.Prospecting.Contacts;

/// <summary>Phone numbers as written by people and providers, brought to E.164 ("+4930123456") with libphonenumber.</summary>
public static class PhoneNumbers
{
    // Building the metadata costs tens of milliseconds and megabytes: one instance for the process. It is thread-safe.
    private static readonly Lib.PhoneNumberUtil Util = Lib.PhoneNumberUtil.GetInstance();

    private const int MaxInputLength = 64;

    /// <summary>
    /// Normalises <paramref name="raw"/> to E.164. A number without a "+" or international prefix is read in
    /// <paramref name="defaultRegion"/> (ISO 3166 alpha-2, "UK" accepted for GB). On success the reason is empty,
    /// or names the extension E.164 cannot carry; on failure it says what is wrong.
    /// </summary>
    public static bool TryNormalize(string raw, string? defaultRegion, out string e164, out string reason)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(raw))
        {
            reason = "is empty";
            return false;
        }

        if (raw.Length > MaxInputLength)
        {
            reason = $"is longer than {MaxInputLength} characters";
            return false;
        }

        var region = defaultRegion?.Trim().ToUpperInvariant() switch
        {
            null or "" => "ZZ",
            "UK" => "GB",
            var code => code,
        };
        if (region != "ZZ" && !Util.GetSupportedRegions().Contains(region))
        {
            reason = $"cannot be read: '{defaultRegion}' is not a known ISO country code";
            return false;
        }

        Lib.PhoneNumber number;
        try
        {
            number = Util.Parse(raw, region);
        }
        catch (Lib.NumberParseException e)
        {
            reason = e.ErrorType switch
            {
                Lib.ErrorType.INVALID_COUNTRY_CODE when region == "ZZ" && !raw.TrimStart().StartsWith('+') => "has no country code, and no default country was given",
                Lib.ErrorType.INVALID_COUNTRY_CODE => "has an unknown country code",
                Lib.ErrorType.NOT_A_NUMBER => "is not a phone number",
                Lib.ErrorType.TOO_SHORT_AFTER_IDD => "is too short after the international prefix",
                Lib.ErrorType.TOO_SHORT_NSN => "is too short",
                Lib.ErrorType.TOO_LONG => "is too long",
                _ => "cannot be read",
            };
            return false;
        }

        if (!Util.IsValidNumber(number))
        {
            var where = Util.GetRegionCodeForNumber(number) ?? Util.GetRegionCodeForCountryCode(number.CountryCode);
            reason = Util.IsPossibleNumberWithReason(number) switch
            {
                Lib.PhoneNumberUtil.ValidationResult.TOO_SHORT => $"is too short for a number in {where}",
                Lib.PhoneNumberUtil.ValidationResult.TOO_LONG => $"is too long for a number in {where}",
                Lib.PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => "has an unknown country code",
                Lib.PhoneNumberUtil.ValidationResult.INVALID_LENGTH => $"has the wrong number of digits for a number in {where}",
                Lib.PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY => $"is too short for a number in {where}: a local number without its area code",
                _ => $"is not a valid number in {where} (no such area or operator prefix)",
            };
            return false;
        }

        e164 = Util.Format(number, Lib.PhoneNumberFormat.E164);
        reason = number.HasExtension ? $"extension {number.Extension} is not part of E.164 and was set aside" : "";
        return true;
    }

    /// <summary>The extension written after the number ("ext. 204", "x204", "#204"), or null.</summary>
    public static string? ExtensionOf(string raw, string? defaultRegion)
    {
        try
        {
            var number = Util.Parse(raw, string.IsNullOrWhiteSpace(defaultRegion) ? "ZZ" : defaultRegion.Trim().ToUpperInvariant());
            return number.HasExtension ? number.Extension : null;
        }
        catch (Lib.NumberParseException)
        {
            return null;
        }
    }
}
