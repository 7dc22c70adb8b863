using System.Collections.Frozen;
using System.Text;

namespace SalesOS.Prospecting.Import;

/// <summary>
/// Header aliases of the lead-list exports SalesOS reads, matched after <see cref="Normalize"/> (case,
/// spaces, underscores and punctuation ignored). A lower rank wins when several columns feed one field.
/// Checked against published material (2025): Apollo people export headers ("Company Name for Emails",
/// "# Employees", "Person Linkedin Url", "Company Linkedin Url", "Work Direct Phone", "Corporate Phone",
/// "Seniority", "Departments", "Company City/State/Country", "Technologies"); HubSpot export headers
/// ("Record ID", "Company name", "Company Domain Name", "Country/Region", "Annual Revenue"); Salesforce
/// Lead field labels ("Company", "Annual Revenue", "Lead Source", "Industry", "City", "Country").
/// Assumed from the brief and common practice, not checked: the remaining HubSpot contact headers
/// ("Contact owner", "Website URL", "Job Title", "Phone Number", "State/Region"), Salesforce report
/// headers ("Lead Owner", "Company / Account", "No. of Employees", "Billing Country"), and all Sales
/// Navigator headers: LinkedIn has no lead export of its own, so those files come from third-party
/// exporters whose names vary ("Profile URL", "Company Headcount", "Geography", "Current Title").
/// </summary>
public static class LeadHeaders
{
    private static readonly (LeadField Field, int Rank, string[] Aliases)[] Table =
    [
        (LeadField.CompanyName, 0, ["Company", "Company Name", "Account Name", "Company / Account", "Organization", "Organisation", "Organization Name", "Associated Company", "Firma", "Firmenname", "Unternehmen"]),
        (LeadField.CompanyName, 1, ["Company Name for Emails", "Account"]),
        (LeadField.Domain, 0, ["Domain", "Company Domain", "Company Domain Name", "Website Domain", "Account Domain", "Email Domain"]),
        (LeadField.Website, 0, ["Website", "Website URL", "Company Website", "Company URL", "Account Website", "Homepage", "Web", "URL", "Webseite", "Internetseite"]),
        (LeadField.Industry, 0, ["Industry", "Company Industry", "Account Industry", "Sector", "Branche"]),
        (LeadField.EmployeeCount, 0, ["# Employees", "Number of Employees", "No. of Employees", "Employee Count", "Company Headcount", "Headcount", "Company Size", "Employee Range", "Size", "Mitarbeiter", "Mitarbeiterzahl", "Anzahl Mitarbeiter"]),
        (LeadField.AnnualRevenue, 0, ["Annual Revenue", "Revenue", "Company Revenue", "Umsatz", "Jahresumsatz"]),
        (LeadField.Country, 0, ["Company Country", "Billing Country", "HQ Country", "Account Country"]),
        (LeadField.Country, 1, ["Country", "Country/Region", "Country Code", "Land"]),
        (LeadField.Country, 2, ["Mailing Country"]),
        (LeadField.City, 0, ["Company City", "Billing City", "HQ City", "Account City"]),
        (LeadField.City, 1, ["City", "Stadt", "Ort"]),
        (LeadField.City, 2, ["Mailing City"]),
        (LeadField.State, 0, ["Company State", "Billing State", "Billing State/Province", "HQ State"]),
        (LeadField.State, 1, ["State", "State/Region", "State/Province", "Province", "Bundesland"]),
        (LeadField.State, 2, ["Mailing State", "Mailing State/Province"]),
        (LeadField.Location, 0, ["Company Location", "Headquarters", "HQ Location"]),
        (LeadField.Location, 1, ["Location", "Geography", "Person Location"]),
        (LeadField.Technologies, 0, ["Technologies", "Technology", "Tech Stack", "Technologies Used"]),
        (LeadField.FirstName, 0, ["First Name", "First", "Given Name", "Vorname"]),
        (LeadField.LastName, 0, ["Last Name", "Last", "Surname", "Family Name", "Nachname"]),
        (LeadField.FullName, 0, ["Full Name", "Name", "Contact Name", "Contact", "Lead Name"]),
        (LeadField.Title, 0, ["Title", "Job Title", "Current Title", "Position", "Role"]),
        (LeadField.Email, 0, ["Email", "Email Address", "Work Email", "Business Email", "Contact Email", "E-Mail-Adresse", "Mail"]),
        (LeadField.Phone, 0, ["Phone", "Phone Number", "Direct Phone", "Work Direct Phone", "Telephone", "Telefon"]),
        (LeadField.Phone, 1, ["Corporate Phone", "Mobile Phone", "Mobile", "Mobil"]),
        (LeadField.Phone, 2, ["Company Phone", "Other Phone"]),
        (LeadField.LinkedInUrl, 0, ["LinkedIn URL", "Person Linkedin Url", "LinkedIn Profile URL", "LinkedIn Profile", "Contact LinkedIn URL", "LinkedIn"]),
        (LeadField.LinkedInUrl, 1, ["Profile URL"]),
        (LeadField.CompanyLinkedInUrl, 0, ["Company Linkedin Url", "Company LinkedIn", "LinkedIn Company URL", "Company LinkedIn Page", "Account LinkedIn URL"]),
        (LeadField.Owner, 0, ["Owner", "Contact owner", "Lead Owner", "Account Owner", "Record Owner", "Company owner"]),
        (LeadField.Source, 0, ["Lead Source", "Source", "Original Source", "Contact Source"]),
    ];

    // Headers that occur in one tool's export and rarely elsewhere, matched exactly (case-insensitive).
    private static readonly (LeadExportStyle Style, string[] Headers)[] Signatures =
    [
        (LeadExportStyle.HubSpot, ["Record ID", "Company Domain Name", "Contact owner", "Country/Region", "State/Region", "Website URL", "Phone Number", "Job Title", "Lifecycle Stage", "Lead Status", "Associated Company", "Create Date"]),
        (LeadExportStyle.Salesforce, ["Lead Owner", "Lead Source", "Lead Status", "Account Name", "Account Owner", "Billing Country", "Billing City", "Billing State/Province", "Company / Account", "No. of Employees", "Rating", "Mailing Country"]),
        (LeadExportStyle.Apollo, ["Company Name for Emails", "# Employees", "Person Linkedin Url", "Company Linkedin Url", "Corporate Phone", "Work Direct Phone", "Seniority", "Departments", "Email Status", "Apollo Contact Id", "Apollo Account Id", "Company Country", "Technologies", "Keywords"]),
        (LeadExportStyle.SalesNavigator, ["Company Headcount", "Geography", "Profile URL", "Current Title", "LinkedIn URL", "Employee Count", "Company Website", "Location", "Connection Degree", "Sales Navigator URL"]),
    ];

    private static readonly FrozenDictionary<string, (LeadField Field, int Rank)> ByAlias = BuildAliases();

    private static readonly FrozenDictionary<string, LeadExportStyle[]> StylesByHeader = Signatures
        .SelectMany(s => s.Headers.Select(h => (Header: h, s.Style)))
        .GroupBy(p => p.Header, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Style).ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Lowercase letters and digits only: "Country/Region" and "country_region" both read "countryregion".</summary>
    public static string Normalize(string header)
    {
        var builder = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    public static bool TryMatch(string header, out LeadField field, out int rank)
    {
        if (ByAlias.TryGetValue(Normalize(header), out var match))
        {
            (field, rank) = match;
            return true;
        }

        field = default;
        rank = 0;
        return false;
    }

    /// <summary>The tool with the most of its characteristic headers present; <see cref="LeadExportStyle.Generic"/> below two.</summary>
    public static LeadExportStyle DetectStyle(IEnumerable<string> headers)
    {
        var scores = new int[Enum.GetValues<LeadExportStyle>().Length];
        foreach (var header in headers)
        {
            if (StylesByHeader.TryGetValue(header.Trim(), out var styles))
            {
                foreach (var style in styles)
                {
                    scores[(int)style]++;
                }
            }
        }

        var best = LeadExportStyle.Generic;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] >= 2 && scores[i] > scores[(int)best])
            {
                best = (LeadExportStyle)i;
            }
        }

        return best;
    }

    private static FrozenDictionary<string, (LeadField, int)> BuildAliases()
    {
        var aliases = new Dictionary<string, (LeadField, int)>();
        foreach (var (field, rank, names) in Table)
        {
            foreach (var name in names)
            {
                // A duplicate alias would make the mapping depend on table order: refuse it at start-up.
                if (!aliases.TryAdd(Normalize(name), (field, rank)))
                {
                    throw new InvalidOperationException($"The header alias \"{name}\" is listed twice.");
                }
            }
        }

        return aliases.ToFrozenDictionary();
    }
}
