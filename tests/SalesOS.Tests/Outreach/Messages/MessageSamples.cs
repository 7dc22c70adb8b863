using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Outreach;
using SalesOS.Contracts.Prospecting;
using SalesOS.Outreach.Messages;

namespace SalesOS.Tests.Outreach.Messages;

/// <summary>Contacts, companies and senders as the grains hand them to message composition.</summary>
internal static class MessageSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);

    public const string Unsubscribe = "https://t.salesos.example/u/abc123";

    public static ContactSnapshot Contact(
        string? first = "Jane", string? last = "Doe", string? title = "VP of Sales", string? department = "Sales",
        string? email = "jane.doe@acme.com", string? domain = "acme.com") =>
        new("acme-ws", "email:" + (email ?? "x@acme.com"), ContactState.Verified, email, null, first, last, title, "VicePresident", department,
            null, domain, null, 1, null, 0, null, ["import"], 3, Now, Now);

    public static ContactSnapshot BlankContact() => Contact(null, null, null, null, null, null);

    public static CompanySnapshot Company(
        string name = "Acme", string domain = "acme.com", string? industry = "Software", int? employees = 120, string? country = "DE",
        IReadOnlyList<string>? technologies = null, IReadOnlyList<CompanySignal>? signals = null) =>
        new("acme-ws", domain, CompanyState.Scored, null, name, industry, employees, null, country,
            technologies ?? ["HubSpot", "Slack", "Notion"], ["m1"], ["import"], null, 0.8, 0.6, 5, Now, Now,
            signals ?? [
                new CompanySignal(SignalKinds.Hiring, "Hiring 4 sales roles: SDR, Account Executive, RevOps Manager", "https://acme.com/careers", "SDR; Account Executive; RevOps Manager; Sales Engineer", Now.AddDays(-2)),
                new CompanySignal(SignalKinds.News, "Acme opens Berlin office", "https://acme.com/news/berlin", null, Now.AddDays(-20)),
                new CompanySignal(SignalKinds.WebsiteChange, "https://acme.com/pricing changed since the last crawl", "https://acme.com/pricing", null, Now.AddDays(-1)),
            ]);

    /// <summary>A company registered from its domain alone: the grain stores the domain as its name.</summary>
    public static CompanySnapshot BareCompany(string domain = "acme.com") =>
        new("acme-ws", domain, CompanyState.Sourced, null, domain, null, null, null, null, [], [], ["import"], null, null, null, 1, Now, Now);

    public static SenderProfile Sender(string? calendar = "https://cal.salesos.example/sam") =>
        new("Sam Carter", "sam@salesos.example", Title: "Account Executive", Company: "SalesOS",
            PostalAddress: "SalesOS Inc., 1 Market St, San Francisco, CA 94105, USA", CalendarLink: calendar);

    public static TemplateModel Model(ContactSnapshot? contact = null, CompanySnapshot? company = null, SenderProfile? sender = null,
        IReadOnlyDictionary<string, string>? links = null) =>
        new(contact ?? Contact(), company ?? Company(), sender ?? Sender(), new TemplateLinks(Unsubscribe, links));

    public static TemplateModel BlankModel() =>
        new(BlankContact(), null, new SenderProfile("Sam Carter", "sam@salesos.example"), new TemplateLinks(Unsubscribe));

    public static SequenceVariant Variant(string? subject, string body) => new("v1", subject, body);

    public const string TypicalSubject = "{{ company.name }} + {{ sender.company }}: {{ company.latest_signal }}";

    public const string TypicalBody = """
        Hi {{ contact.first_name }},

        I saw {{ company.name }} is {{ company.latest_signal }}. Teams at {{ company.size }} {{ company.industry }}
        companies often tell us that ramping new reps on {{ company.top_technology }} takes months.

        {% if contact.title %}As {{ contact.title }}, you{% else %}You{% endif %} might like how others cut that in half:
        https://salesos.example/customers/ramp-time

        Worth a 15-minute call? Grab a time here: {{ sender.calendar_link }}

        Best,
        {{ sender.first_name }}
        {{ sender.title }}, {{ sender.company }}

        Not interested? {{ unsubscribe_url }}
        """;
}
