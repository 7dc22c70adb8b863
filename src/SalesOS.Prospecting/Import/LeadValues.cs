using System.Collections.Frozen;
using System.Globalization;

namespace SalesOS.Prospecting.Import;

/// <summary>Readers for the loosely written values of lead lists: placeholders, head counts, revenue, names, tech lists.</summary>
public static class LeadValues
{
    // Not "NA" or "None": Namibia's country code is NA, and Na is a surname.
    private static readonly FrozenSet<string> Placeholders = FrozenSet.ToFrozenSet(
        ["n/a", "#n/a", "-", "--", "null", "(none)"], StringComparer.OrdinalIgnoreCase);

    private static readonly (string Suffix, decimal Factor)[] Multipliers =
    [
        ("thousand", 1e3m), ("tsd.", 1e3m), ("tsd", 1e3m), ("k", 1e3m),
        ("millions", 1e6m), ("million", 1e6m), ("mio.", 1e6m), ("mio", 1e6m), ("mn", 1e6m), ("mm", 1e6m), ("m", 1e6m),
        ("billions", 1e9m), ("billion", 1e9m), ("mrd.", 1e9m), ("mrd", 1e9m), ("bn", 1e9m), ("b", 1e9m),
    ];

    private static readonly (string Mark, string Code)[] CurrencyMarks =
    [
        ("US$", "USD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₹", "INR"),
    ];

    private static readonly FrozenSet<string> CurrencyCodes = FrozenSet.ToFrozenSet(
        ["USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "INR", "PLN", "CZK", "NZD", "SGD", "BRL", "MXN", "CNY", "ZAR"], StringComparer.OrdinalIgnoreCase);

    private static readonly string[] RangeSeparators = [" to ", " bis ", "–", "—", "-"];

    private static readonly FrozenSet<string> Honorifics = FrozenSet.ToFrozenSet(
        ["dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "herr", "frau"], StringComparer.OrdinalIgnoreCase);

    private static readonly char[] TechnologySeparators = [';', ',', '|'];

    /// <summary>The value trimmed, or null for blanks and placeholders such as "N/A", "-", "null".</summary>
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Trim();
        return text.Length == 0 || (text.Length <= 6 && Placeholders.Contains(text)) ? null : text;
    }

    /// <summary>"1,200", "1.200", "51-200", "51 to 200", "10001+", "2.5k". A range reads as its midpoint rounded down, an open range as its lower bound.</summary>
    public static bool TryParseEmployeeCount(string text, out int count)
    {
        count = 0;
        if (!TryParseQuantity(text, out var value, out _) || value < 0 || value > int.MaxValue)
        {
            return false;
        }

        count = (int)decimal.Floor(value);
        return true;
    }

    /// <summary>"$5M", "5,000,000", "€2.5m", "1B", "2,5 Mio. €", "USD 1,000,000.00"; a range reads as its midpoint.</summary>
    public static bool TryParseRevenue(string text, out decimal amount, out string? currency)
        => TryParseQuantity(text, out amount, out currency) && amount >= 0;

    /// <summary>Split on ; , and |, trimmed, blanks and repeats dropped.</summary>
    public static IReadOnlyList<string> SplitTechnologies(string text)
    {
        var parts = text.Split(TechnologySeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length <= 1)
        {
            return parts;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return parts.Where(seen.Add).ToArray();
    }

    /// <summary>"Jane Doe" → Jane / Doe; "Doe, Jane" → Jane / Doe; "Dr. Mary Ann Smith" → Mary Ann / Smith; "Cher" → Cher / null.</summary>
    public static (string? First, string? Last) SplitFullName(string fullName)
    {
        var comma = fullName.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && fullName.IndexOf(',', comma + 1) < 0)
        {
            return (NullIfEmpty(fullName[(comma + 1)..].Trim()), NullIfEmpty(fullName[..comma].Trim()));
        }

        var words = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var start = 0;
        while (start < words.Length - 1 && Honorifics.Contains(words[start]))
        {
            start++;
        }

        return (words.Length - start) switch
        {
            0 => (null, null),
            1 => (words[start], null),
            _ => (string.Join(' ', words, start, words.Length - start - 1), words[^1]),
        };
    }

    private static bool TryParseQuantity(string text, out decimal value, out string? currency)
    {
        value = 0;
        var span = StripCurrency(text.Trim(), out currency);
        if (span.Length == 0)
        {
            return false;
        }

        // Open ranges: "10001+", "10,000 +", "> 5000", "over 5000".
        if (span.EndsWith('+') || span.StartsWith('>'))
        {
            return TryParseScaled(span.Trim('+').Trim('>').Trim(), out value, out _);
        }

        if (span.StartsWith("over ", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseScaled(span[5..].Trim(), out value, out _);
        }

        foreach (var separator in RangeSeparators)
        {
            var at = span.IndexOf(separator, StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                var low = StripCurrency(span[..at].Trim(), out _);
                var high = StripCurrency(span[(at + separator.Length)..].Trim(), out var highCurrency);
                currency ??= highCurrency;
                if (!TryParseScaled(high, out var highValue, out var highFactor) || !TryParseScaled(low, out var lowValue, out var lowFactor))
                {
                    return false;
                }

                // "1-10M" means one to ten million: a bare low end takes the high end's scale.
                if (lowFactor == 1 && highFactor != 1)
                {
                    lowValue *= highFactor;
                }

                value = (lowValue + highValue) / 2;
                return true;
            }
        }

        return TryParseScaled(span, out value, out _);
    }

    private static ReadOnlySpan<char> StripCurrency(ReadOnlySpan<char> text, out string? currency)
    {
        currency = null;
        foreach (var (mark, code) in CurrencyMarks)
        {
            if (text.StartsWith(mark, StringComparison.Ordinal))
            {
                currency = code;
                return text[mark.Length..].Trim();
            }

            if (text.EndsWith(mark, StringComparison.Ordinal))
            {
                currency = code;
                return text[..^mark.Length].Trim();
            }
        }

        if (text.Length > 4)
        {
            if (text[3] == ' ' && CurrencyCodes.Contains(text[..3].ToString()))
            {
                currency = text[..3].ToString().ToUpperInvariant();
                return text[4..].Trim();
            }

            if (text[^4] == ' ' && CurrencyCodes.Contains(text[^3..].ToString()))
            {
                currency = text[^3..].ToString().ToUpperInvariant();
                return text[..^4].Trim();
            }
        }

        return text;
    }

    private static bool TryParseScaled(ReadOnlySpan<char> text, out decimal value, out decimal factor)
    {
        value = 0;
        factor = 1;
        foreach (var (suffix, multiplier) in Multipliers)
        {
            if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && !char.IsLetter(text[^(suffix.Length + 1)]))
            {
                factor = multiplier;
                text = text[..^suffix.Length].TrimEnd();
                break;
            }
        }

        if (!TryParseNumber(text, hasScale: factor != 1, out value))
        {
            return false;
        }

        value *= factor;
        return true;
    }

    /// <summary>
    /// Reads digits with either convention: the last of mixed separators is the decimal one ("1,200.50",
    /// "1.200,50"); a lone separator followed by exactly three digits groups thousands ("1.200", "5,000")
    /// unless a scale word follows ("2.500M" is 2.5 million); any other lone separator is decimal ("2,5").
    /// </summary>
    private static bool TryParseNumber(ReadOnlySpan<char> text, bool hasScale, out decimal value)
    {
        value = 0;
        Span<char> digits = stackalloc char[Math.Min(text.Length, 64)];
        if (text.Length == 0 || text.Length > 64)
        {
            return false;
        }

        var lastDot = text.LastIndexOf('.');
        var lastComma = text.LastIndexOf(',');
        char? decimalMark = null;
        if (lastDot >= 0 && lastComma >= 0)
        {
            decimalMark = lastDot > lastComma ? '.' : ',';
        }
        else if (lastDot >= 0 || lastComma >= 0)
        {
            var mark = lastDot >= 0 ? '.' : ',';
            var at = Math.Max(lastDot, lastComma);
            var single = text.IndexOf(mark) == at;
            var groupsThousands = !single || (!hasScale && text.Length - at - 1 == 3 && at is >= 1 and <= 3 && text[0] != '0');
            decimalMark = groupsThousands ? null : mark;
        }

        var length = 0;
        var seenDigit = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[length++] = c;
                seenDigit = true;
            }
            else if (c == decimalMark)
            {
                digits[length++] = '.';
            }
            else if (c is '.' or ',' or '\'' or ' ' or '\u00A0' or '\u202F')
            {
                // A grouping separator: skipped.
            }
            else
            {
                return false;
            }
        }

        return seenDigit && decimal.TryParse(digits[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
