using System.Buffers;
using System.Collections.Frozen;

namespace SalesOS.Outreach.Messages;

/// <summary>What a template variable holds, which decides how it reads when written out.</summary>
public enum TemplateValueKind
{
    Text,

    /// <summary>A whole number, written as digits ("1200"); comparable in {% if company.employees > 100 %}.</summary>
    Number,

    /// <summary>Several texts: written out as "HubSpot, Slack and Notion", iterable with {% for %}, joinable with | join.</summary>
    List,

    /// <summary>An absolute URL, written out bare (the HTML part makes it clickable).</summary>
    Link,
}

/// <summary>
/// One variable a template may use. <see cref="Fallback"/> is written when the data is missing; a template
/// can choose its own with the Liquid default filter (<c>{{ contact.first_name | default: "friend" }}</c>).
/// </summary>
public sealed record TemplateVariable(string Name, TemplateValueKind Kind, string Description, string Fallback, string Example);

/// <summary>
/// The variables a message template may use, documented for the people who write templates. Values taken from
/// data are trimmed and put on one line; a value that itself carries template markup ("{{", "{%") is taken as
/// missing, so scraped text can never smuggle markup into a mail.
/// </summary>
public static class TemplateVocabulary
{
    /// <summary>The prefix of links given for one send, e.g. <c>links.case_study</c>: a template naming a link the send does not carry is refused.</summary>
    public const string LinkPrefix = "links.";

    public const string UnsubscribeUrl = "unsubscribe_url";

    public static IReadOnlyList<TemplateVariable> Variables { get; } =
    [
        new("contact.first_name", TemplateValueKind.Text, "The contact's first name.", "there", "Jane"),
        new("contact.last_name", TemplateValueKind.Text, "The contact's last name.", "", "Doe"),
        new("contact.full_name", TemplateValueKind.Text, "First and last name; the first name alone when only that is known.", "there", "Jane Doe"),
        new("contact.title", TemplateValueKind.Text, "The contact's job title as found.", "your role", "VP of Sales"),
        new("contact.department", TemplateValueKind.Text, "The contact's department in words.", "your team", "Sales"),
        new("contact.email", TemplateValueKind.Text, "The address the message goes to.", "", "jane.doe@acme.com"),
        new("company.name", TemplateValueKind.Text, "The company's name (not its bare domain).", "your team", "Acme"),
        new("company.domain", TemplateValueKind.Text, "The company's web domain.", "your website", "acme.com"),
        new("company.industry", TemplateValueKind.Text, "The company's industry.", "your industry", "Software"),
        new("company.employees", TemplateValueKind.Number, "Number of employees.", "many", "120"),
        new("company.size", TemplateValueKind.Text,
            "The company's size in a word: early-stage (≤ 10), small (≤ 50), mid-sized (≤ 250), large (≤ 1,000), enterprise.", "growing", "mid-sized"),
        new("company.country", TemplateValueKind.Text, "The company's country in English (codes such as DE become Germany).", "your market", "Germany"),
        new("company.technologies", TemplateValueKind.List, "Technologies seen on the company's website or reported by providers.", "your current stack", "HubSpot, Slack and Notion"),
        new("company.top_technology", TemplateValueKind.Text, "The first technology known for the company.", "your current tools", "HubSpot"),
        new("company.latest_signal", TemplateValueKind.Text,
            "The most recent buying signal (hiring, funding, news), phrased to follow \"is\" or \"has\" where it can.", "growing", "hiring 4 sales roles"),
        new("company.hiring_roles", TemplateValueKind.List, "The job titles the company advertises.", "new roles", "SDR, Account Executive and RevOps Manager"),
        new("sender.first_name", TemplateValueKind.Text, "The sender's first name.", "", "Sam"),
        new("sender.name", TemplateValueKind.Text, "The sender's full name.", "", "Sam Carter"),
        new("sender.title", TemplateValueKind.Text, "The sender's job title.", "", "Account Executive"),
        new("sender.company", TemplateValueKind.Text, "The sender's company.", "", "SalesOS"),
        new("sender.calendar_link", TemplateValueKind.Link, "The sender's booking page.", "reply to this email", "https://cal.example.com/sam"),
        new(UnsubscribeUrl, TemplateValueKind.Link, "The one-click unsubscribe page of this message (always present).", "", "https://t.example.com/u/TOKEN"),
    ];

    private static readonly FrozenDictionary<string, TemplateVariable> ByName = Variables.ToFrozenDictionary(v => v.Name, StringComparer.Ordinal);

    /// <summary>The first segments a variable may start with.</summary>
    public static IReadOnlyList<string> Roots { get; } = ["contact", "company", "sender", "links", UnsubscribeUrl];

    public static TemplateVariable? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>True for a listed variable and for <c>links.NAME</c> with a name of letters, digits and underscores.</summary>
    public static bool IsKnown(string name) => ByName.ContainsKey(name) || IsLinkName(name);

    public static bool IsLinkName(string name) =>
        name.StartsWith(LinkPrefix, StringComparison.Ordinal) && name.Length > LinkPrefix.Length
        && name.AsSpan(LinkPrefix.Length).IndexOfAnyExcept(LinkNameCharacters) < 0;

    private static readonly SearchValues<char> LinkNameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    /// <summary>The listed variable closest to a misspelt one ("contact.frist_name" → "contact.first_name"), or null when none is close.</summary>
    public static string? Suggest(string unknown)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        string? best = null;
        var bestDistance = int.MaxValue;
        var written = unknown.ToLowerInvariant();
        foreach (var variable in Variables)
        {
            // "first_name" alone is contact.first_name with its root left out.
            var dot = variable.Name.IndexOf('.', StringComparison.Ordinal);
            var distance = written.Contains('.', StringComparison.Ordinal) || dot < 0
                ? EditDistance(written, variable.Name)
                : Math.Min(EditDistance(written, variable.Name), EditDistance(written, variable.Name[(dot + 1)..]));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (variable.Name, distance);
            }
        }

        // Within a third of the length: "frist_name" is a typo of "first_name", "zip" is not one of "title".
        return bestDistance <= Math.Max(2, unknown.Length / 3) ? best : null;
    }

    internal static int EditDistance(string a, string b)
    {
        // Optimal string alignment: a swapped pair of letters ("frist") counts as one edit.
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
