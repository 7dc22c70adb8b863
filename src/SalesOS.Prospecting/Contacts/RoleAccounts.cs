using System.Collections.Frozen;

namespace SalesOS.Prospecting.Contacts;

/// <summary>
/// Mailboxes that belong to a function, not a person (info@, sales@, no-reply@): a team or a ticket queue
/// reads them, so they are poor first-touch addresses and often on suppression lists. The mailbox name is
/// compared without its plus-tag and separators ("no-reply", "no_reply" and "noreply" are one role), and
/// a role followed only by a short region or number suffix still counts ("sales-uk", "support2", "info.de").
/// </summary>
public static class RoleAccounts
{
    private static readonly FrozenSet<string> Roles = new[]
    {
        // General inboxes
        "info", "information", "hello", "hey", "contact", "contactus", "contacts", "enquiries", "enquiry", "inquiries", "inquiry",
        "general", "office", "mail", "email", "team", "all", "everyone", "staff", "reception", "frontdesk", "welcome", "ask", "questions",
        "feedback", "company", "main", "headoffice", "admin", "administrator", "administration", "webmaster", "hostmaster",
        // Sales and marketing
        "sales", "salesteam", "sale", "newbusiness", "bizdev", "business", "partners", "partner", "partnerships", "marketing", "press",
        "media", "pr", "news", "newsletter", "newsletters", "events", "social", "sponsorship", "affiliates", "advertising", "ads",
        "orders", "order", "shop", "store", "quotes", "quote", "demo", "trial", "pricing", "deals",
        // Support and operations
        "support", "help", "helpdesk", "service", "services", "customerservice", "customersupport", "customercare", "care", "success",
        "customersuccess", "tech", "techsupport", "it", "ops", "operations", "logistics", "shipping", "returns", "warranty",
        "booking", "bookings", "reservations", "appointments", "dispatch", "orders", "status",
        // Finance, legal, people
        "billing", "accounts", "accounting", "accountspayable", "accountsreceivable", "invoice", "invoices", "invoicing",
        "finance", "payments", "payroll", "purchasing", "procurement", "legal", "compliance", "privacy", "gdpr", "dpo", "security",
        "trust", "hr", "humanresources", "people", "talent", "careers", "career", "jobs", "job", "recruiting", "recruitment", "hiring",
        "apply", "applications", "resumes", "internships", "investors", "investorrelations",
        // Machine mailboxes (RFC 2142 and friends)
        "noreply", "donotreply", "dontreply", "noreplies", "noresponse", "notifications", "notification", "notify", "alerts", "alert",
        "postmaster", "abuse", "mailerdaemon", "bounce", "bounces", "root", "daemon", "nobody", "system", "automated", "auto",
        "unsubscribe", "listserv", "majordomo", "spam", "devnull", "test", "testing", "dev", "www", "ftp", "usenet", "uucp", "noc",
    }.ToFrozenSet(StringComparer.Ordinal);

    // A role's suffix may name a region, a desk number or a language: at most three letters or digits.
    private const int MaxSuffixLength = 3;

    /// <summary>True when the address's mailbox (or the mailbox name given alone) is a function, not a person.</summary>
    public static bool IsRole(string addressOrLocalPart) => Match(addressOrLocalPart) is not null;

    /// <summary>The role the mailbox names ("noreply" for "No-Reply+x@acme.com"); null for a personal mailbox.</summary>
    public static string? Match(string addressOrLocalPart)
    {
        var local = addressOrLocalPart.AsSpan();
        var at = local.LastIndexOf('@');
        if (at >= 0)
        {
            local = local[..at];
        }

        var plus = local.IndexOf('+');
        if (plus >= 0)
        {
            local = local[..plus];
        }

        if (local.IsEmpty || local.Length > 40)
        {
            return null;
        }

        // Separators dropped, lowercased, on the stack: the hot path allocates nothing.
        Span<char> compact = stackalloc char[local.Length];
        Span<int> tokenEnds = stackalloc int[local.Length];
        var length = 0;
        var tokens = 0;
        foreach (var c in local)
        {
            if (c is '.' or '-' or '_')
            {
                if (length > 0 && (tokens == 0 || tokenEnds[tokens - 1] != length))
                {
                    tokenEnds[tokens++] = length;
                }

                continue;
            }

            compact[length++] = char.ToLowerInvariant(c);
        }

        if (length == 0)
        {
            return null;
        }

        if (tokens == 0 || tokenEnds[tokens - 1] != length)
        {
            tokenEnds[tokens++] = length;
        }

        var lookup = Roles.GetAlternateLookup<ReadOnlySpan<char>>();
        var word = compact[..length];
        if (lookup.TryGetValue(word, out var whole))
        {
            return whole;
        }

        // "sales-uk", "info.de", "support.2": every token but the first few form a role, the rest is a short suffix.
        for (var t = tokens - 2; t >= 0; t--)
        {
            if (length - tokenEnds[t] > MaxSuffixLength)
            {
                break;
            }

            if (lookup.TryGetValue(compact[..tokenEnds[t]], out var role))
            {
                return role;
            }
        }

        // "support2", "sales01": a role followed by digits only.
        var digits = length;
        while (digits > 0 && char.IsAsciiDigit(compact[digits - 1]))
        {
            digits--;
        }

        return digits < length && digits > 0 && length - digits <= MaxSuffixLength && lookup.TryGetValue(compact[..digits], out var numbered)
            ? numbered
            : null;
    }
}
