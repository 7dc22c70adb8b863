using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Contacts;
using SalesOS.Contracts.Domain;
using SalesOS.Contracts.Errors;
using SalesOS.Contracts.Markets;
using SalesOS.Contracts.Prospecting;
using SalesOS.Domain.Identity;
using SalesOS.Domain.Markets;
using SalesOS.Prospecting.Contacts;
using SalesOS.Prospecting.Ports;
using SalesOS.Storage.ReadModel;
using Phones = SalesOS.Prospecting.Contacts.PhoneNumbers;

namespace SalesOS.Grains.Agents.ContactFinder;

[Alias("SalesOS.Agents.IContactFinderWorkerGrain")]
public interface IContactFinderWorkerGrain : IGrainWithIntegerKey
{
    [Alias("Find"), OneWay]
    Task Find(string companyKey, long version);
}

/// <summary>
/// Does the Contact Finder agent's work for one company: gathers candidates (people the website names,
/// contacts imported for the company, people-search providers when configured), completes missing
/// addresses from the domain's email pattern, verifies each address (syntax, disposable and role
/// accounts, MX, and a verification provider when configured), reads each title into seniority,
/// department and buying authority, and registers the best N for the market's personas with reasons.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class ContactFinderWorkerGrain(
    AgentSlots slots,
    MarketDirectory markets,
    ContactReadModel contacts,
    ContactVerifier verifier,
    IEnumerable<IPeopleSearchProvider> peopleProviders,
    IOptions<ContactFinderOptions> options,
    ILogger<ContactFinderWorkerGrain> logger) : CompanyStepWorker(slots, markets, logger), IContactFinderWorkerGrain
{
    protected override ProspectingStep Step => ProspectingStep.FindContacts;

    protected override string Actor => "agent:contact-finder";

    public Task Find(string companyKey, long version) => RunStepAsync(companyKey, version);

    protected override async Task RunAsync(ICompanyGrain companyGrain, CompanySnapshot company, MarketSnapshot market, int attempt, string? why, CancellationToken cancellationToken)
    {
        var personas = Personas(market.Definition);
        var candidates = await CandidatesAsync(companyGrain, company, personas, cancellationToken);
        var verifications = await VerifyAsync(candidates, cancellationToken);
        var picks = ContactSelector.Select(candidates, personas, verifications, market.Settings.ContactsPerCompany);
        var chosen = new List<ChosenContact>();
        foreach (var pick in picks)
        {
            if (await RegisterAsync(company, pick) is { } contact)
            {
                chosen.Add(contact);
            }
        }

        var summary = chosen.Count == 0
            ? $"No decision maker found among {candidates.Count} candidate(s)"
            : $"{chosen.Count} of {candidates.Count} candidate(s) chosen: {string.Join("; ", chosen.Select(c => $"{c.Name} ({c.Title})"))}";
        await companyGrain.RecordContacts(chosen, summary, new CommandContext(Actor));
    }

    private IReadOnlyList<BuyerPersona> Personas(MarketDefinition market)
        => market.Personas.Count > 0
            ? market.Personas
            : options.Value.DefaultPersonas.Select(title => BuyerTitles.TryRead(title, out var persona) ? persona : new BuyerPersona(title, null, null)).ToList();

    private async Task<List<PersonCandidate>> CandidatesAsync(ICompanyGrain companyGrain, CompanySnapshot company, IReadOnlyList<BuyerPersona> personas, CancellationToken cancellationToken)
    {
        var candidates = new List<PersonCandidate>();
        var web = await companyGrain.GetWebFindings();
        foreach (var person in web.People)
        {
            var (first, last) = SplitName(person.Name);
            if (first is not null)
            {
                candidates.Add(new PersonCandidate(first, last ?? "", person.Title, null, null, null, "website", 0.6, person.EvidenceUrl));
            }
        }

        var imported = await contacts.QueryAsync(new ContactQuery(company.WorkspaceId, CompanyDomain: company.Domain, Limit: 100), cancellationToken);
        foreach (var contact in imported.Items.Where(c => c.State is ContactState.Found or ContactState.Verified))
        {
            candidates.Add(new PersonCandidate(contact.FirstName ?? "", contact.LastName ?? "", contact.Title, contact.Email, null, null, "import", 0.9));
        }

        foreach (var provider in peopleProviders.Where(p => p.IsConfigured))
        {
            var answer = await provider.FindPeopleAsync(company.Domain, personas, options.Value.ProviderPeopleLimit, cancellationToken);
            if (answer.Succeeded && answer.Value is { } people)
            {
                candidates.AddRange(people);
            }
            else if (answer.Transient && candidates.Count == 0)
            {
                throw new InvalidOperationException($"{provider.Name} people search: {answer.Error}");
            }
        }

        // Addresses the site shows teach the domain's pattern, for the people it names without one.
        var samples = new List<EmailSample>();
        foreach (var email in web.EmailsSeen.Concat(candidates.Select(c => c.Email).OfType<string>()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var local = email.Split('@')[0];
            foreach (var candidate in candidates.Where(c => c.LastName.Length > 0))
            {
                if (local.Contains(EmailPatterns.FoldName(candidate.FirstName), StringComparison.OrdinalIgnoreCase)
                    || local.Contains(EmailPatterns.FoldName(candidate.LastName), StringComparison.OrdinalIgnoreCase))
                {
                    samples.Add(new EmailSample(candidate.FirstName, candidate.LastName, email));
                }
            }
        }

        var pattern = EmailPatterns.Infer(company.Domain, samples);
        return candidates.Select(c => c.Email is not null || c.LastName.Length == 0
                ? c
                : c with { Email = EmailPatterns.Generate(pattern.Pattern, c.FirstName, c.LastName, company.Domain, pattern.LastNameStyle), SourceConfidence = Math.Min(c.SourceConfidence ?? 0.5, pattern.Confidence) })
            .ToList();
    }

    private async Task<Dictionary<string, ContactVerification>> VerifyAsync(List<PersonCandidate> candidates, CancellationToken cancellationToken)
    {
        var verifications = new Dictionary<string, ContactVerification>(StringComparer.OrdinalIgnoreCase);
        foreach (var email in candidates.Select(c => c.Email).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            verifications[email] = await verifier.VerifyAsync(email, cancellationToken);
        }

        return verifications;
    }

    private async Task<ChosenContact?> RegisterAsync(CompanySnapshot company, ContactPick pick)
    {
        var person = pick.Person;
        string key;
        if (person.Email is not null && ContactIdentity.TryFromEmail(person.Email, out var byEmail, out _))
        {
            key = byEmail.Key;
        }
        else if (person.LinkedInUrl is not null && ContactIdentity.TryFromLinkedIn(person.LinkedInUrl, out var byProfile, out _))
        {
            key = byProfile.Key;
        }
        else
        {
            return null;
        }

        var title = pick.Title;
        var reason = $"score {pick.Score:0.00}: {string.Join("; ", pick.Reasons)}";
        var verdict = pick.Verification?.Verdict switch
        {
            EmailVerdict.Deliverable => "deliverable",
            EmailVerdict.Undeliverable => "undeliverable",
            _ when person.Email is null => "no address",
            _ => "risky",
        };

        // Phones in E.164, read in the company's country when written without one.
        string? phone = null, phoneVerification = null;
        if (!string.IsNullOrWhiteSpace(person.Phone))
        {
            phoneVerification = Phones.TryNormalize(person.Phone, company.Country, out var e164, out var phoneReason) ? "valid" : $"invalid: {phoneReason}";
            phone = phoneVerification == "valid" ? e164 : person.Phone;
        }
        try
        {
            await GrainFactory.GetGrain<IContactGrain>(WorkspaceKey.For(company.WorkspaceId, key)).Register(
                new ContactRegistration(person.Source, person.Email, person.LinkedInUrl, person.FirstName, person.LastName, person.Title,
                    title.Seniority.ToString(), title.Department.ToString(), phone, company.Domain, LawfulBasis: "legitimate interest (B2B prospecting)",
                    BuyingAuthority: title.BuyingAuthority, EmailVerification: verdict, PhoneVerification: phoneVerification),
                new CommandContext(Actor, $"find:{company.Domain}:{key}", reason));
        }
        catch (CommandRejectedException e) when (e.Field == "email")
        {
            // Suppressed (unsubscribed, erased): never stored, never chosen.
            return null;
        }

        return new ChosenContact(key, $"{person.FirstName} {person.LastName}".Trim(), person.Title, title.BuyingAuthority, reason);
    }

    private static (string? First, string? Last) SplitName(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            0 => (null, null),
            1 => (parts[0], null),
            _ => (parts[0], string.Join(' ', parts[1..])),
        };
    }
}
