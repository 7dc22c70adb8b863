using SalesOS.Contracts.Companies;
using SalesOS.Contracts.Markets;
using SalesOS.Contracts.Prospecting;
using SalesOS.Domain.Markets;

namespace SalesOS.Prospecting.Scoring;

/// <summary>The facts about a company that fit is judged on.</summary>
public sealed record CompanyProfile(
    string Domain,
    string? Name,
    string? Industry,
    int? EmployeeCount,
    decimal? AnnualRevenueUsd,
    string? Country,
    IReadOnlyCollection<string> Technologies,
    IReadOnlyCollection<CompanySignal> Signals);

/// <summary>
/// How well a company matches a market, 0–1, criterion by criterion: industry, size, geography,
/// technology and growth signals, each weighted, each explained. A criterion the market does not set
/// is left out (its weight goes to the others); one the market sets but the company's data cannot
/// answer counts half, and says so. An exclusion the company matches caps the fit at 0.05.
/// </summary>
public static class FitScorer
{
    private const double IndustryWeight = 0.30;
    private const double SizeWeight = 0.25;
    private const double GeographyWeight = 0.20;
    private const double TechnologyWeight = 0.15;
    private const double SignalWeight = 0.10;
    private const double Unknown = 0.5;

    public static ScoreExplanation Score(CompanyProfile company, MarketDefinition market)
    {
        var criteria = new List<(string Criterion, double Weight, double Match, string Reason)>();
        if (market.Industries.Count > 0)
        {
            criteria.Add(Industry(company, market));
        }

        if (market.Employees is { } size && (size.Min is not null || size.Max is not null))
        {
            criteria.Add(Size(company, size));
        }

        if (market.Geographies.Count > 0)
        {
            criteria.Add(Geography(company, market));
        }

        if (market.Technologies.Count > 0)
        {
            criteria.Add(Technology(company, market));
        }

        if (market.GrowthSignals.Count > 0)
        {
            criteria.Add(Growth(company, market));
        }

        if (criteria.Count == 0)
        {
            return new ScoreExplanation(Unknown, [new ScoreFactor("market", Unknown, "The market sets no industry, size, geography, technology or signal to judge fit by.")]);
        }

        var totalWeight = criteria.Sum(c => c.Weight);
        var factors = criteria.Select(c => new ScoreFactor(c.Criterion, Math.Round(c.Weight / totalWeight * c.Match, 4), c.Reason)).ToList();
        var score = Math.Clamp(factors.Sum(f => f.Contribution), 0, 1);
        if (Excluded(company, market) is { } exclusion)
        {
            factors.Add(new ScoreFactor("exclusion", Math.Round(Math.Min(score, 0.05) - score, 4), $"Matches the exclusion \"{exclusion}\"."));
            score = Math.Min(score, 0.05);
        }

        return new ScoreExplanation(Math.Round(score, 4), factors);
    }

    private static (string, double, double, string) Industry(CompanyProfile company, MarketDefinition market)
    {
        if (string.IsNullOrWhiteSpace(company.Industry))
        {
            return ("industry", IndustryWeight, Unknown, "Industry unknown.");
        }

        var known = MarketVocabulary.IndustriesIn(company.Industry);
        var match = market.Industries.FirstOrDefault(wanted =>
            known.Contains(wanted, StringComparer.OrdinalIgnoreCase) || company.Industry.Contains(wanted, StringComparison.OrdinalIgnoreCase));
        return match is not null
            ? ("industry", IndustryWeight, 1, $"{company.Industry} is in {match}.")
            : ("industry", IndustryWeight, 0, $"{company.Industry} is not among {string.Join(", ", market.Industries)}.");
    }

    private static (string, double, double, string) Size(CompanyProfile company, EmployeeRange size)
    {
        var range = $"{size.Min?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "any"}–{size.Max?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "any"}";
        if (company.EmployeeCount is not { } employees)
        {
            return ("size", SizeWeight, Unknown, $"Head count unknown (market wants {range}).");
        }

        if ((size.Min is null || employees >= size.Min) && (size.Max is null || employees <= size.Max))
        {
            return ("size", SizeWeight, 1, $"{employees:N0} employees is within {range}.");
        }

        // Near misses count partly: within a factor of two of the range scores on a slope.
        var bound = employees < size.Min ? size.Min!.Value : size.Max!.Value;
        var ratio = employees < bound ? (double)employees / bound : (double)bound / employees;
        var match = Math.Clamp((ratio - 0.5) * 2, 0, 1) * 0.6;
        return ("size", SizeWeight, match, $"{employees:N0} employees is outside {range}.");
    }

    private static (string, double, double, string) Geography(CompanyProfile company, MarketDefinition market)
    {
        if (string.IsNullOrWhiteSpace(company.Country))
        {
            return ("geography", GeographyWeight, Unknown, "Country unknown.");
        }

        var match = market.Geographies.FirstOrDefault(g => Regions.Contains(g, company.Country));
        return match is not null
            ? ("geography", GeographyWeight, 1, $"{company.Country} is in {match}.")
            : ("geography", GeographyWeight, 0, $"{company.Country} is outside {string.Join(", ", market.Geographies)}.");
    }

    private static (string, double, double, string) Technology(CompanyProfile company, MarketDefinition market)
    {
        var used = market.Technologies.Where(t => company.Technologies.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        if (used.Count > 0)
        {
            return ("technology", TechnologyWeight, 1, $"Uses {string.Join(", ", used)}.");
        }

        return company.Technologies.Count == 0
            ? ("technology", TechnologyWeight, Unknown * 0.6, $"No technology known yet (market wants {string.Join(" or ", market.Technologies)}).")
            : ("technology", TechnologyWeight, 0, $"Uses none of {string.Join(", ", market.Technologies)}.");
    }

    private static (string, double, double, string) Growth(CompanyProfile company, MarketDefinition market)
    {
        var hiring = company.Signals.Count(s => s.Kind == SignalKinds.Hiring);
        var funding = company.Signals.Count(s => s.Kind == SignalKinds.Funding);
        var wantsHiring = market.GrowthSignals.Any(g => g.Contains("hiring", StringComparison.OrdinalIgnoreCase));
        var wantsFunding = market.GrowthSignals.Any(g => g.Contains("fund", StringComparison.OrdinalIgnoreCase) || g.Contains("raised", StringComparison.OrdinalIgnoreCase) || g.Contains("series", StringComparison.OrdinalIgnoreCase));
        var matched = new List<string>();
        if ((wantsHiring || !wantsFunding) && hiring > 0)
        {
            matched.Add("hiring");
        }

        if ((wantsFunding || !wantsHiring) && funding > 0)
        {
            matched.Add("recent funding");
        }

        return matched.Count > 0
            ? ("signals", SignalWeight, 1, $"Shows {string.Join(" and ", matched)} (market wants {string.Join(", ", market.GrowthSignals)}).")
            : ("signals", SignalWeight, 0.2, $"No sign yet of {string.Join(", ", market.GrowthSignals)}.");
    }

    private static string? Excluded(CompanyProfile company, MarketDefinition market)
    {
        foreach (var exclusion in market.Exclusions)
        {
            var excludedIndustries = MarketVocabulary.IndustriesIn(exclusion);
            var industries = MarketVocabulary.IndustriesIn(company.Industry);
            if (excludedIndustries.Intersect(industries, StringComparer.OrdinalIgnoreCase).Any()
                || (company.Industry is not null && company.Industry.Contains(exclusion, StringComparison.OrdinalIgnoreCase))
                || company.Domain.Equals(exclusion, StringComparison.OrdinalIgnoreCase))
            {
                return exclusion;
            }
        }

        return null;
    }
}
