namespace SalesOS.Prospecting.Enrichment;

/// <summary>Collects signature hits for one website: first few pieces of evidence per technology.</summary>
internal sealed class TechnologyHits(IReadOnlyList<Technology> technologies)
{
    private const int MaxEvidencePerTechnology = 3;
    private readonly List<TechnologyEvidence>?[] evidence = new List<TechnologyEvidence>?[technologies.Count];

    public Uri Url { get; set; } = new("about:blank");

    public void Add(int technology, TechnologySignature signature, string value)
    {
        var list = evidence[technology] ??= [];
        if (list.Count >= MaxEvidencePerTechnology)
        {
            return;
        }

        var description = signature.Describe();
        foreach (var e in list)
        {
            if (e.Signature == description && e.Url == Url)
            {
                return;
            }
        }

        list.Add(new TechnologyEvidence(description, Url, value.Length <= 200 ? value : value[..200]));
    }

    public List<DetectedTechnology> Result()
    {
        var found = new List<DetectedTechnology>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var t = 0; t < technologies.Count; t++)
        {
            if (evidence[t] is { } list)
            {
                found.Add(new DetectedTechnology(technologies[t].Name, technologies[t].Category, list));
                names.Add(technologies[t].Name);
            }
        }

        // A framework built on another implies it (Next.js runs React), with the implying technology as evidence.
        for (var t = 0; t < technologies.Count; t++)
        {
            if (evidence[t] is not { } list)
            {
                continue;
            }

            foreach (var implied in technologies[t].Implies)
            {
                if (names.Add(implied) && TechnologySignatures.Find(implied) is { } tech)
                {
                    found.Add(new DetectedTechnology(tech.Name, tech.Category, [new TechnologyEvidence($"implied by {technologies[t].Name}", list[0].Url, technologies[t].Name)]));
                }
            }
        }

        return found;
    }
}
