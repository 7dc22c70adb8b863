using SalesOS.Contracts.Markets;
using SalesOS.Domain.Identity;
using SalesOS.Prospecting.Ports;

namespace SalesOS.Prospecting.Contacts;

/// <summary>One person chosen to contact at a company, with the score and what made it.</summary>
public sealed record ContactPick(
    PersonCandidate Person,
    TitleProfile Title,
    BuyerPersona? Persona,
    ContactVerification? Verification,
    double Score,
    IReadOnlyList<string> Reasons);

/// <summary>
/// Picks the people to contact at a company from what the sources found. Each person scores
/// 0.45 × persona fit (the best of the market's personas; buying authority alone when the market names none)
/// + 0.25 × buying authority (a quarter of it when no persona wants the person's department) + 0.20 × email (a verified address counts its confidence, a risky one less,
/// an undeliverable one nothing) + 0.10 × the source's own confidence (0.5 when it gave none).
/// One person is never picked twice: candidates sharing an address, or a normalised name, are one person,
/// scored by their best record. Department diversity only breaks ties (scores within 0.01).
/// </summary>
public static class ContactSelector
{
    public const int DefaultCount = 3;

    private const double PersonaWeight = 0.45;
    private const double AuthorityWeight = 0.25;
    private const double EmailWeight = 0.20;
    private const double SourceWeight = 0.10;
    private const double Tie = 0.01;
    private const double OutsideRelevance = 0.25;

    /// <param name="verifications">Verification results keyed by email address (any case).</param>
    public static IReadOnlyList<ContactPick> Select(
        IReadOnlyList<PersonCandidate> candidates,
        IReadOnlyList<BuyerPersona> personas,
        IReadOnlyDictionary<string, ContactVerification> verifications,
        int count = DefaultCount)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(personas);
        ArgumentNullException.ThrowIfNull(verifications);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0 || candidates.Count == 0)
        {
            return [];
        }

        var byEmail = new Dictionary<string, ContactVerification>(verifications.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (email, verification) in verifications)
        {
            byEmail[email.Trim()] = verification;
        }

        var people = Merge(candidates.Select(c => Score(c, personas, byEmail)).Where(p => p is not null).Select(p => p!));
        var remaining = people.OrderByDescending(p => p.Score).ToList();
        var picks = new List<ContactPick>(Math.Min(count, remaining.Count));
        var departments = new HashSet<Department>();
        while (picks.Count < count && remaining.Count > 0)
        {
            var best = remaining[0];
            var chosen = remaining.TakeWhile(p => p.Score >= best.Score - Tie).FirstOrDefault(p => !departments.Contains(p.Title.Department)) ?? best;
            if (!ReferenceEquals(chosen, best))
            {
                chosen = chosen with
                {
                    Reasons = [.. chosen.Reasons, $"tied with {Name(best.Person)}; picked for a department not yet covered ({chosen.Title.Department})"],
                };
            }

            remaining.RemoveAll(p => ReferenceEquals(p, chosen) || ReferenceEquals(p.Person, chosen.Person));
            departments.Add(chosen.Title.Department);
            picks.Add(chosen);
        }

        return picks;
    }

    private static ContactPick? Score(PersonCandidate candidate, IReadOnlyList<BuyerPersona> personas, Dictionary<string, ContactVerification> verifications)
    {
        if (string.IsNullOrWhiteSpace(candidate.FirstName) && string.IsNullOrWhiteSpace(candidate.LastName))
        {
            return null;
        }

        var reasons = new List<string>(5);
        var title = TitleClassifier.Classify(candidate.Title);

        double personaFit;
        BuyerPersona? persona = null;
        if (TitleClassifier.BestPersona(title, personas) is { } best)
        {
            persona = best.Persona;
            personaFit = best.Score;
            reasons.Add($"persona fit {best.Score:0.00}: {best.Reason}");
        }
        else
        {
            personaFit = title.BuyingAuthority;
            reasons.Add("the market names no persona; rank alone decides");
        }

        // Authority to buy for another department is worth little: a VP of Engineering does not buy a sales tool.
        var relevance = personas.Count > 0 && personaFit <= 0 ? OutsideRelevance : 1.0;
        reasons.Add($"buying authority {title.BuyingAuthority:0.00} ({title.Seniority}, {title.Department}: {title.Reason})"
            + (relevance < 1 ? $"; counted at {relevance:0.00} as no persona wants this department" : ""));

        ContactVerification? verification = null;
        double emailScore;
        if (string.IsNullOrWhiteSpace(candidate.Email))
        {
            emailScore = 0.1;
            reasons.Add("no email address yet");
        }
        else if (verifications.TryGetValue(candidate.Email.Trim(), out verification))
        {
            emailScore = verification.Verdict switch
            {
                EmailVerdict.Deliverable => verification.Confidence,
                EmailVerdict.Risky => 0.4 * verification.Confidence,
                EmailVerdict.Unknown => 0.2,
                _ => 0.0,
            };
            reasons.Add($"email {verification.Verdict} ({verification.Confidence:0.00})");
        }
        else
        {
            emailScore = 0.2;
            reasons.Add("email not verified");
        }

        var sourceConfidence = Math.Clamp(candidate.SourceConfidence ?? 0.5, 0, 1);
        reasons.Add($"source {candidate.Source} confidence {sourceConfidence:0.00}");

        var score = (PersonaWeight * personaFit) + (AuthorityWeight * relevance * title.BuyingAuthority) + (EmailWeight * emailScore) + (SourceWeight * sourceConfidence);
        return new ContactPick(candidate, title, persona, verification, Math.Round(score, 4), reasons);
    }

    // People found twice (two sources, or one source twice) are one person: union by address and by name, best record kept.
    private static List<ContactPick> Merge(IEnumerable<ContactPick> scored)
    {
        var people = new List<ContactPick>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pick in scored)
        {
            var keys = Keys(pick.Person);
            var existing = keys.Select(k => index.TryGetValue(k, out var i) ? i : -1).FirstOrDefault(i => i >= 0, -1);
            if (existing < 0)
            {
                people.Add(pick);
                existing = people.Count - 1;
            }
            else
            {
                var kept = people[existing];
                var (better, other) = pick.Score > kept.Score ? (pick, kept) : (kept, pick);
                var note = $"also found by {other.Person.Source}" + (other.Person.Email is { } e && !e.Equals(better.Person.Email, StringComparison.OrdinalIgnoreCase) ? $" as {e}" : "");
                people[existing] = better with { Reasons = [.. better.Reasons, note] };
            }

            foreach (var key in keys.Concat(Keys(people[existing].Person)))
            {
                index.TryAdd(key, existing);
            }
        }

        return people;
    }

    private static List<string> Keys(PersonCandidate person)
    {
        var keys = new List<string>(2);
        if (ContactIdentity.TryFromEmail(person.Email, out var identity, out _))
        {
            keys.Add(identity.Key);
        }

        var name = EmailPatterns.FoldName(person.FirstName).Replace("-", "", StringComparison.Ordinal) + " "
            + EmailPatterns.FoldName(person.LastName).Replace("-", "", StringComparison.Ordinal);
        if (name.Trim().Length > 0)
        {
            keys.Add("name:" + name);
        }

        return keys;
    }

    private static string Name(PersonCandidate person) => $"{person.FirstName} {person.LastName}".Trim();
}
