using SalesOS.Domain.Identity;

namespace SalesOS.Prospecting.Import;

/// <summary>
/// Turns one row's raw values into a <see cref="LeadRow"/>: canonical fields from their columns, the
/// company domain from a domain column, else the website, else a business email; the contact from its
/// email or LinkedIn profile. A row without a usable domain is rejected; a bad contact is dropped with a
/// warning and the company kept, since the company is what the list is for.
/// </summary>
internal sealed class LeadRowMapper(LeadHeaderMap map)
{
    public LeadRow Map(int rowNumber, long lineNumber, string?[] values, int count)
    {
        List<string>? warnings = null;

        var domainText = Get(values, count, LeadField.Domain, out var domainColumn);
        var website = Get(values, count, LeadField.Website, out var websiteColumn);
        var email = Get(values, count, LeadField.Email, out var emailColumn);
        ContactIdentity? emailIdentity = null;
        var emailReason = "";
        if (email is not null && !ContactIdentity.TryFromEmail(email, out emailIdentity, out emailReason))
        {
            emailIdentity = null;
        }

        string? domain = null;
        var domainSource = LeadDomainSource.DomainColumn;
        string? failedColumn = null;
        string? failedReason = null;
        foreach (var (text, column, source) in (ReadOnlySpan<(string?, int, LeadDomainSource)>)[(domainText, domainColumn, LeadDomainSource.DomainColumn), (website, websiteColumn, LeadDomainSource.Website)])
        {
            if (text is null)
            {
                continue;
            }

            if (CompanyDomain.TryNormalize(text, out var normalized, out var reason))
            {
                (domain, domainSource) = (normalized, source);
                break;
            }

            if (failedColumn is null)
            {
                (failedColumn, failedReason) = (Header(column), reason);
            }
        }

        var mailDomain = emailIdentity?.EmailDomain;
        if (domain is null && mailDomain is not null && !Contacts.FreeMailDomains.IsFreeMail(mailDomain)
            && CompanyDomain.TryNormalize(mailDomain, out var fromEmail, out _))
        {
            (domain, domainSource) = (fromEmail, LeadDomainSource.Email);
        }

        if (domain is null)
        {
            return failedColumn is not null ? Reject(rowNumber, lineNumber, failedColumn, $"domain: {failedReason}")
                : email is not null && emailIdentity is null ? Reject(rowNumber, lineNumber, Header(emailColumn), $"email: {emailReason}; with no domain or website the row names no company")
                : mailDomain is not null ? Reject(rowNumber, lineNumber, Header(emailColumn), $"domain: is required; {mailDomain} is a free-mail provider, so the email does not name the company and the row has no domain or website")
                : Reject(rowNumber, lineNumber, nameof(LeadField.Domain), "domain: is required; the row has no domain, website or business email");
        }

        if (failedColumn is not null)
        {
            Warn(ref warnings, $"{failedColumn}: domain {failedReason}; the domain {domain} was taken from the {(domainSource == LeadDomainSource.Email ? "email" : "website")} instead");
        }

        var lead = new LeadRecord
        {
            Domain = domain,
            DomainSource = domainSource,
            CompanyName = Get(values, count, LeadField.CompanyName, out _),
            Website = website,
            Industry = Get(values, count, LeadField.Industry, out _),
            EmployeeCount = ReadEmployees(values, count, ref warnings),
            Technologies = Get(values, count, LeadField.Technologies, out _) is { } technologies ? LeadValues.SplitTechnologies(technologies) : [],
            CompanyLinkedInUrl = Get(values, count, LeadField.CompanyLinkedInUrl, out _),
            Owner = Get(values, count, LeadField.Owner, out _),
            Source = Get(values, count, LeadField.Source, out _),
            Contact = ReadContact(values, count, email, emailIdentity, emailReason, emailColumn, ref warnings),
            ExtraFields = ReadExtras(values, count),
        };

        lead = ReadRevenue(lead, values, count, ref warnings);
        lead = ReadPlace(lead, values, count, ref warnings);
        return new LeadRow(rowNumber, lineNumber, lead, null, null) { Warnings = (IReadOnlyList<string>?)warnings ?? [] };
    }

    public static LeadRow Reject(int rowNumber, long lineNumber, string field, string reason) => new(rowNumber, lineNumber, null, field, reason);

    private int? ReadEmployees(string?[] values, int count, ref List<string>? warnings)
    {
        var text = Get(values, count, LeadField.EmployeeCount, out var column);
        if (text is null)
        {
            return null;
        }

        if (LeadValues.TryParseEmployeeCount(text, out var employees))
        {
            return employees;
        }

        Warn(ref warnings, $"{Header(column)}: \"{text}\" is not a number of employees");
        return null;
    }

    private LeadRecord ReadRevenue(LeadRecord lead, string?[] values, int count, ref List<string>? warnings)
    {
        var text = Get(values, count, LeadField.AnnualRevenue, out var column);
        if (text is null)
        {
            return lead;
        }

        if (LeadValues.TryParseRevenue(text, out var amount, out var currency))
        {
            return lead with { AnnualRevenue = amount, RevenueCurrency = currency };
        }

        Warn(ref warnings, $"{Header(column)}: \"{text}\" is not an amount of revenue");
        return lead;
    }

    private LeadRecord ReadPlace(LeadRecord lead, string?[] values, int count, ref List<string>? warnings)
    {
        string? country = null;
        var countryText = Get(values, count, LeadField.Country, out var countryColumn);
        if (countryText is not null && !Countries.TryResolve(countryText, out country))
        {
            country = null;
            Warn(ref warnings, $"{Header(countryColumn)}: \"{countryText}\" is not a country SalesOS recognises");
        }

        var city = Get(values, count, LeadField.City, out _);
        var state = Get(values, count, LeadField.State, out _);

        // "San Francisco, California, United States": the last part is the country when it reads as one.
        if ((country is null || city is null) && Get(values, count, LeadField.Location, out _) is { } location)
        {
            var parts = location.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var places = parts.Length;
            if (places > 0 && Countries.TryResolve(parts[^1], out var locationCountry))
            {
                country ??= locationCountry;
                places--;
            }

            if (places >= 1 && (places >= 2 || parts.Length >= 2))
            {
                city ??= parts[0];
                state ??= places >= 2 ? parts[1] : null;
            }
        }

        return country is null && city is null && state is null ? lead : lead with { Country = country, City = city, State = state };
    }

    private LeadContact? ReadContact(string?[] values, int count, string? email, ContactIdentity? emailIdentity, string emailReason, int emailColumn, ref List<string>? warnings)
    {
        var first = Get(values, count, LeadField.FirstName, out _);
        var last = Get(values, count, LeadField.LastName, out _);
        if (first is null && last is null && Get(values, count, LeadField.FullName, out _) is { } fullName)
        {
            (first, last) = LeadValues.SplitFullName(fullName);
        }

        var title = Get(values, count, LeadField.Title, out _);
        var phone = Get(values, count, LeadField.Phone, out _);
        var linkedIn = Get(values, count, LeadField.LinkedInUrl, out var linkedInColumn);

        ContactIdentity? identity;
        if (email is not null)
        {
            identity = emailIdentity;
            if (identity is null)
            {
                Warn(ref warnings, $"{Header(emailColumn)}: email {emailReason}; the contact was left out, the company kept");
            }
        }
        else if (linkedIn is not null)
        {
            if (!ContactIdentity.TryFromLinkedIn(linkedIn, out identity, out var reason))
            {
                identity = null;
                Warn(ref warnings, $"{Header(linkedInColumn)}: LinkedIn URL {reason}; the contact was left out, the company kept");
            }
        }
        else
        {
            identity = null;
            if (first is not null || last is not null || title is not null)
            {
                Warn(ref warnings, "contact: has no email or LinkedIn profile URL to tell who it is; the contact was left out, the company kept");
            }
        }

        return identity is null ? null : new LeadContact(identity, first, last, title, phone, linkedIn);
    }

    private KeyValuePair<string, string>[] ReadExtras(string?[] values, int count)
    {
        List<KeyValuePair<string, string>>? extras = null;
        var columns = map.Columns;
        for (var i = 0; i < count && i < columns.Count; i++)
        {
            if (columns[i].Field is null && LeadValues.Clean(values[i]) is { } value)
            {
                (extras ??= []).Add(new(map.ExtraName(i), value));
            }
        }

        return extras is null ? [] : [.. extras];
    }

    /// <summary>The first value, in the field's column preference order, that is not blank or a placeholder.</summary>
    private string? Get(string?[] values, int count, LeadField field, out int column)
    {
        foreach (var candidate in map.ColumnsFor(field))
        {
            if (candidate < count && LeadValues.Clean(values[candidate]) is { } value)
            {
                column = candidate;
                return value;
            }
        }

        column = -1;
        return null;
    }

    private string Header(int column) => column >= 0 ? map.Columns[column].Header : "";

    private static void Warn(ref List<string>? warnings, string warning) => (warnings ??= []).Add(warning);
}
