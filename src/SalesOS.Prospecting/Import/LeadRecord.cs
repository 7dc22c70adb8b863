using System.Text;
using SalesOS.Domain.Identity;

namespace SalesOS.Prospecting.Import;

/// <summary>
/// One data row of a lead list: the lead when the row could be read, otherwise the field that made it
/// unusable and why. <see cref="RowNumber"/> counts data rows from 1 (the header is not a row), so it is
/// the number to resume after; <see cref="LineNumber"/> is the physical line the row starts on in a CSV
/// file (0 for JSON).
/// </summary>
public sealed record LeadRow(int RowNumber, long LineNumber, LeadRecord? Lead, string? RejectedField, string? RejectReason)
{
    /// <summary>Things dropped or not understood on a row that was still read (a bad contact email, an unknown country).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool IsRejected => Lead is null;
}

/// <summary>A company from a lead list, its values trimmed and in canonical form, with at most one contact.</summary>
public sealed record LeadRecord
{
    /// <summary>Normalised by <see cref="CompanyDomain.TryNormalize"/>: "acme.com".</summary>
    public required string Domain { get; init; }

    public required LeadDomainSource DomainSource { get; init; }

    public string? CompanyName { get; init; }

    public string? Website { get; init; }

    public string? Industry { get; init; }

    /// <summary>Exact when the file had a number; for a range such as "51-200" the midpoint rounded down, for "10001+" the lower bound.</summary>
    public int? EmployeeCount { get; init; }

    /// <summary>In units of <see cref="RevenueCurrency"/> (not converted): "$5M" is 5,000,000 USD. A range gives its midpoint.</summary>
    public decimal? AnnualRevenue { get; init; }

    /// <summary>ISO 4217 code when the value named one ("$", "€", "EUR"); null when it did not.</summary>
    public string? RevenueCurrency { get; init; }

    /// <summary>ISO 3166 alpha-2 code ("DE"); null when the file had none or an unrecognised one (then a warning says so).</summary>
    public string? Country { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public IReadOnlyList<string> Technologies { get; init; } = [];

    public string? CompanyLinkedInUrl { get; init; }

    public string? Owner { get; init; }

    public string? Source { get; init; }

    public LeadContact? Contact { get; init; }

    /// <summary>Non-empty values of the columns no canonical field took, in column order (header → value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraFields { get; init; } = [];

    public string? Extra(string header)
    {
        foreach (var pair in ExtraFields)
        {
            if (string.Equals(pair.Key, header, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        return null;
    }
}

/// <summary>The person on a lead row, identified by email or else by LinkedIn profile.</summary>
public sealed record LeadContact(
    ContactIdentity Identity,
    string? FirstName,
    string? LastName,
    string? Title,
    string? Phone,
    string? LinkedInUrl);

/// <summary>A column of the file and the canonical field it feeds (null: kept as an extra field).</summary>
public sealed record LeadColumn(int Index, string Header, LeadField? Field);

public sealed record LeadFileOptions
{
    /// <summary>Null: sniffed from the first non-blank character ('[' array, '{' JSON lines, anything else CSV).</summary>
    public LeadFileFormat? Format { get; init; }

    /// <summary>Null: byte order mark, else UTF-8 when the sample is valid UTF-8, else Windows-1252.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Null: sniffed among , ; tab | from the first records.</summary>
    public char? Delimiter { get; init; }

    /// <summary>Bytes read ahead to detect encoding, format and delimiter.</summary>
    public int SampleBytes { get; init; } = 64 * 1024;
}
