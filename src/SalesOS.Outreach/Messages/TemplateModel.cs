using System.Globalization;
using System.Text;
using Fluid;
using Fluid.Values;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Prospecting;

namespace SalesOS.Outreach.Messages;

/// <summary>
/// Who a message comes from. <see cref="Address"/> is the From mailbox; <see cref="PostalAddress"/> is the
/// sender's physical address, which CAN-SPAM requires in every commercial message.
/// </summary>
public sealed record SenderProfile(
    string Name,
    string Address,
    string? FirstName = null,
    string? Title = null,
    string? Company = null,
    string? PostalAddress = null,
    string? CalendarLink = null);

/// <summary>The links of one send: its unsubscribe page and any named links the template may use as <c>links.NAME</c>.</summary>
public sealed record TemplateLinks(string UnsubscribeUrl, IReadOnlyDictionary<string, string>? Named = null);

/// <summary>
/// The values one message is rendered with, taken from the contact, the company and the sender. Missing data
/// stays missing here (the template writes the variable's fallback); <see cref="Facts"/> holds only what data
/// filled, for a rewrite that must not invent anything. Immutable: one model may render many templates at once.
/// </summary>
public sealed class TemplateModel
{
    // A value longer than this is not a name or a title but scraped text; it is cut at a word.
    private const int MaxValueLength = 200;
    private const int MaxListItems = 12;

    private readonly Dictionary<string, object> values;
    private readonly ScopeValue contactScope;
    private readonly ScopeValue companyScope;
    private readonly ScopeValue senderScope;
    private readonly ScopeValue linksScope;
    private readonly StringValue unsubscribeValue;

    public TemplateModel(ContactSnapshot contact, CompanySnapshot? company, SenderProfile sender, TemplateLinks links)
        : this(Collect(contact, company, sender), links, signals: Signals(company))
    {
    }

    private TemplateModel(Dictionary<string, object> values, TemplateLinks links, IReadOnlyList<string> signals)
    {
        ArgumentNullException.ThrowIfNull(links);
        this.values = values;
        UnsubscribeUrl = RequireLink(links.UnsubscribeUrl, "unsubscribe URL");
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, url) in links.Named ?? new Dictionary<string, string>())
        {
            if (!TemplateVocabulary.IsLinkName(TemplateVocabulary.LinkPrefix + name))
            {
                throw new ArgumentException($"Link name '{name}' must be letters, digits and underscores.", nameof(links));
            }

            named[name] = RequireLink(url, $"link '{name}'");
        }

        LinkNames = named.Keys.ToArray();
        contactScope = Scope("contact.");
        companyScope = Scope("company.");
        senderScope = Scope("sender.");
        linksScope = new ScopeValue(named.ToDictionary(p => p.Key, p => (FluidValue)StringValue.Create(p.Value), StringComparer.Ordinal));
        unsubscribeValue = StringValue.Create(UnsubscribeUrl);

        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in TemplateVocabulary.Variables)
        {
            if (variable.Kind != TemplateValueKind.Link || variable.Name == "sender.calendar_link")
            {
                if (Value(variable.Name) is { } text)
                {
                    facts[variable.Name] = text;
                }
            }
        }

        if (signals.Count > 0)
        {
            facts["company.signals"] = string.Join("; ", signals);
        }

        Facts = facts;
    }

    /// <summary>The values data filled, by variable name ("contact.first_name" → "Jane"), plus "company.signals": what an LLM rewrite may use.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; }

    public string UnsubscribeUrl { get; }

    /// <summary>The names this send answers as <c>links.NAME</c>.</summary>
    public IReadOnlyList<string> LinkNames { get; }

    /// <summary>The text data filled for a variable (lists as "A, B and C"), or null when the template will write the fallback.</summary>
    public string? Value(string name) => name == TemplateVocabulary.UnsubscribeUrl
        ? UnsubscribeUrl
        : values.GetValueOrDefault(name) switch
        {
            string text => text,
            int number => number.ToString(CultureInfo.InvariantCulture),
            IReadOnlyList<string> { Count: > 0 } list => TextListValue.Prose(list),
            _ => null,
        };

    /// <summary>A model for trying a template out at save time: every variable filled with its example, or none.</summary>
    internal static TemplateModel ForTrial(bool filled, IEnumerable<string> linkNames)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        if (filled)
        {
            foreach (var variable in TemplateVocabulary.Variables)
            {
                values[variable.Name] = variable.Kind switch
                {
                    TemplateValueKind.Number => int.Parse(variable.Example, CultureInfo.InvariantCulture),
                    TemplateValueKind.List => variable.Example.Replace(" and ", ", ", StringComparison.Ordinal).Split(", "),
                    _ => variable.Example,
                };
            }
        }

        var links = linkNames.Distinct(StringComparer.Ordinal).ToDictionary(n => n, n => $"https://links.example.com/{n}", StringComparer.Ordinal);
        return new TemplateModel(values, new TemplateLinks("https://links.example.com/unsubscribe", links), []);
    }

    internal bool HasLink(string name) => linksScope.Members.ContainsKey(name);

    internal void Populate(TemplateContext context)
    {
        context.SetValue("contact", contactScope);
        context.SetValue("company", companyScope);
        context.SetValue("sender", senderScope);
        context.SetValue("links", linksScope);
        context.SetValue(TemplateVocabulary.UnsubscribeUrl, unsubscribeValue);
    }

    private ScopeValue Scope(string prefix)
    {
        var members = new Dictionary<string, FluidValue>(StringComparer.Ordinal);
        foreach (var variable in TemplateVocabulary.Variables.Where(v => v.Name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var value = values.GetValueOrDefault(variable.Name);
            members[variable.Name[prefix.Length..]] = variable.Kind switch
            {
                TemplateValueKind.List => new TextListValue(value as IReadOnlyList<string> ?? [], variable.Fallback),
                TemplateValueKind.Number when value is int number => NumberValue.Create(number),
                _ when value is string text => StringValue.Create(text),
                _ => new MissingTextValue(variable.Fallback),
            };
        }

        return new ScopeValue(members);
    }

    private static Dictionary<string, object> Collect(ContactSnapshot contact, CompanySnapshot? company, SenderProfile sender)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(sender);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        void Put(string name, object? value)
        {
            if (value is not null and not IReadOnlyList<string> { Count: 0 })
            {
                values[name] = value;
            }
        }

        var first = Clean(contact.FirstName);
        var last = Clean(contact.LastName);
        Put("contact.first_name", first);
        Put("contact.last_name", last);
        // "Hi Doe" reads worse than the fallback: a full name needs the first name.
        Put("contact.full_name", first is null ? null : last is null ? first : $"{first} {last}");
        Put("contact.title", Clean(contact.Title));
        Put("contact.department", Words(Clean(contact.Department)));
        Put("contact.email", Clean(contact.Email));

        var domain = Clean(company?.Domain) ?? Clean(contact.CompanyDomain);
        Put("company.domain", domain);
        if (company is not null)
        {
            // A company registered without a name carries its domain as the name: that is not a name to greet.
            var name = Clean(company.Name);
            Put("company.name", name is null || string.Equals(name, domain, StringComparison.OrdinalIgnoreCase) ? null : name);
            Put("company.industry", Clean(company.Industry));
            if (company.EmployeeCount is { } employees && employees > 0)
            {
                Put("company.employees", employees);
                Put("company.size", SizeWord(employees));
            }

            Put("company.country", CountryName(Clean(company.Country)));
            var technologies = CleanList(company.Technologies);
            Put("company.technologies", technologies);
            Put("company.top_technology", technologies.Count > 0 ? technologies[0] : null);
            var signals = (company.Signals ?? []).OrderByDescending(s => s.ObservedAt).ToList();
            Put("company.latest_signal", signals.Select(SignalPhrase).FirstOrDefault(p => p is not null));
            Put("company.hiring_roles", CleanList(signals.Where(s => s.Kind == SignalKinds.Hiring).SelectMany(HiringRoles)));
        }

        var senderName = Clean(sender.Name);
        Put("sender.name", senderName);
        Put("sender.first_name", Clean(sender.FirstName) ?? senderName?.Split(' ')[0]);
        Put("sender.title", Clean(sender.Title));
        Put("sender.company", Clean(sender.Company));
        Put("sender.calendar_link", IsLink(sender.CalendarLink) ? sender.CalendarLink!.Trim() : null);
        return values;
    }

    private static List<string> Signals(CompanySnapshot? company) =>
        (company?.Signals ?? []).OrderByDescending(s => s.ObservedAt).Select(s => Clean(s.Summary)).OfType<string>().Take(5).ToList();

    /// <summary>Data as a template may show it: on one line, trimmed, without markup, at most 200 characters.</summary>
    internal static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = new StringBuilder(Math.Min(value.Length, MaxValueLength + 1));
        var space = false;
        foreach (var c in value.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                text.Append(' ');
                space = false;
            }

            text.Append(c);
        }

        var clean = text.ToString();
        if (ContainsMarkup(clean))
        {
            return null;
        }

        if (clean.Length > MaxValueLength)
        {
            var cut = clean.LastIndexOf(' ', MaxValueLength);
            clean = clean[..(cut > MaxValueLength / 2 ? cut : MaxValueLength)];
            clean = char.IsHighSurrogate(clean[^1]) ? clean[..^1] : clean;
        }

        return clean;
    }

    internal static bool ContainsMarkup(ReadOnlySpan<char> text) =>
        text.Contains("{{", StringComparison.Ordinal) || text.Contains("}}", StringComparison.Ordinal)
        || text.Contains("{%", StringComparison.Ordinal) || text.Contains("%}", StringComparison.Ordinal);

    private static List<string> CleanList(IEnumerable<string>? items)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var list = new List<string>();
        foreach (var item in items ?? [])
        {
            if (Clean(item) is { } clean && seen.Add(clean) && list.Count < MaxListItems)
            {
                list.Add(clean);
            }
        }

        return list;
    }

    /// <summary>"CustomerSuccess" → "Customer Success"; departments come as enum names from the title classifier.</summary>
    private static string? Words(string? value)
    {
        if (value is null || value.Contains(' ', StringComparison.Ordinal))
        {
            return value;
        }

        var words = new StringBuilder(value.Length + 4);
        for (var i = 0; i < value.Length; i++)
        {
            if (i > 0 && char.IsUpper(value[i]) && char.IsLower(value[i - 1]))
            {
                words.Append(' ');
            }

            words.Append(value[i]);
        }

        return words.ToString();
    }

    private static string SizeWord(int employees) => employees switch
    {
        <= 10 => "early-stage",
        <= 50 => "small",
        <= 250 => "mid-sized",
        <= 1000 => "large",
        _ => "enterprise",
    };

    private static string? CountryName(string? country)
    {
        if (country is not { Length: 2 } || !char.IsAsciiLetter(country[0]) || !char.IsAsciiLetter(country[1]))
        {
            return country;
        }

        var code = country.ToUpperInvariant();
        if (code == "UK")
        {
            code = "GB";
        }

        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return country;
        }
    }

    /// <summary>
    /// A signal as it can follow "is"/"has" in a sentence: "Hiring 4 sales roles: SDR, AE" → "hiring 4 sales roles",
    /// "Raised $5M Series A" → "raised $5M Series A". News headlines stay as written; website changes are no talking point.
    /// </summary>
    private static string? SignalPhrase(CompanySignal signal)
    {
        if (signal.Kind == SignalKinds.WebsiteChange || Clean(signal.Summary) is not { } summary)
        {
            return null;
        }

        if (signal.Kind == SignalKinds.Hiring && summary.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
        {
            summary = summary[..colon].TrimEnd();
        }

        if (signal.Kind is SignalKinds.Hiring or SignalKinds.Funding && summary.Length > 1 && char.IsUpper(summary[0]) && char.IsLower(summary[1]))
        {
            summary = char.ToLowerInvariant(summary[0]) + summary[1..];
        }

        return summary;
    }

    private static IEnumerable<string> HiringRoles(CompanySignal signal)
    {
        // The enrichment agent lists the roles in the snippet ("SDR; AE"), and the first three after the summary's colon.
        if (!string.IsNullOrWhiteSpace(signal.Snippet))
        {
            return signal.Snippet.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }

        var colon = signal.Summary.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? [] : signal.Summary[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool IsLink(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !ContainsMarkup(url) && !url!.Trim().Any(char.IsWhiteSpace);

    private static string RequireLink(string? url, string what) =>
        IsLink(url) ? url!.Trim() : throw new ArgumentException($"The {what} must be an absolute http(s) URL without spaces: '{url}'.");
}
