using SalesOS.Prospecting.Ports;

namespace SalesOS.Prospecting.Enrichment;

/// <summary>The firmographic fields a caller can ask the waterfall to fill.</summary>
[Flags]
public enum FirmographicFields
{
    None = 0,
    Name = 1,
    Industry = 1 << 1,
    EmployeeCount = 1 << 2,
    AnnualRevenue = 1 << 3,
    Country = 1 << 4,
    City = 1 << 5,
    FoundedYear = 1 << 6,
    Technologies = 1 << 7,
    LinkedInUrl = 1 << 8,
    Phone = 1 << 9,

    /// <summary>What scoring needs: name, industry, size, revenue, country and technologies.</summary>
    Core = Name | Industry | EmployeeCount | AnnualRevenue | Country | Technologies,
    All = Core | City | FoundedYear | LinkedInUrl | Phone,
}

/// <summary>Which provider filled a field, and when.</summary>
public sealed record FieldProvenance(string Provider, DateTimeOffset At);

public enum ProviderCallOutcome
{
    /// <summary>The provider filled at least one wanted field that was still empty.</summary>
    Filled,

    /// <summary>The provider answered but added nothing wanted.</summary>
    NothingNew,

    /// <summary>The provider knows nothing about the domain.</summary>
    NotFound,

    Failed,
}

/// <summary>One step of the waterfall, for the spend report and for diagnosing gaps.</summary>
public sealed record ProviderCall(
    string Provider,
    decimal Cost,
    ProviderCallOutcome Outcome,
    string? Error = null,
    bool Transient = false,
    FirmographicFields Filled = FirmographicFields.None);

public sealed record WaterfallResult(
    string Domain,
    Firmographics Firmographics,
    IReadOnlyDictionary<FirmographicFields, FieldProvenance> Provenance,
    IReadOnlyList<ProviderCall> Calls,
    decimal TotalCost,
    FirmographicFields Wanted,
    FirmographicFields Missing)
{
    public bool Complete => Missing == FirmographicFields.None;

    /// <summary>Every provider called failed transiently: nothing is known yet, and trying later may work.</summary>
    public bool AllFailedTransiently => Calls.Count > 0 && Calls.All(c => c.Outcome == ProviderCallOutcome.Failed && c.Transient);

    /// <summary>Fields are still missing and at least one provider failed transiently, so a later run may fill them.</summary>
    public bool RetryMayHelp => !Complete && Calls.Any(c => c.Transient);
}

/// <summary>
/// Enriches a domain by asking firmographics providers one after another, in the configured order, until
/// every wanted field is filled. The first provider to fill a field wins it; a failing provider is logged
/// and passed over. Providers without a key are skipped without a call.
/// </summary>
public sealed class FirmographicsWaterfall
{
    private readonly IFirmographicsProvider[] chain;
    private readonly TimeProvider time;

    /// <param name="order">Provider names, first tried first. Empty: the registration order. Otherwise only
    /// the named providers run, so adding a vendor to the waterfall is a deliberate configuration change.</param>
    public FirmographicsWaterfall(IEnumerable<IFirmographicsProvider> providers, IReadOnlyList<string> order, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(order);
        this.time = time ?? TimeProvider.System;
        var all = providers.ToList();
        if (order.Count == 0)
        {
            chain = [.. all];
            return;
        }

        var list = new List<IFirmographicsProvider>(order.Count);
        foreach (var name in order)
        {
            var provider = all.Find(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (provider is not null && !list.Contains(provider))
            {
                list.Add(provider);
            }
        }

        chain = [.. list];
    }

    /// <summary>The providers that will be tried, in order (configured ones only).</summary>
    public IEnumerable<string> ActiveProviders => chain.Where(p => p.IsConfigured).Select(p => p.Name);

    public async Task<WaterfallResult> EnrichAsync(string domain, FirmographicFields wantedFields, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        var wanted = wantedFields == FirmographicFields.None ? FirmographicFields.Core : wantedFields;
        var merged = new Firmographics();
        var filled = FirmographicFields.None;
        var provenance = new Dictionary<FirmographicFields, FieldProvenance>();
        var calls = new List<ProviderCall>(chain.Length);
        var cost = 0m;

        foreach (var provider in chain)
        {
            if ((wanted & ~filled) == FirmographicFields.None)
            {
                break;
            }

            if (!provider.IsConfigured)
            {
                continue;
            }

            ProviderAnswer<Firmographics> answer;
            try
            {
                answer = await provider.EnrichCompanyAsync(domain, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (ProviderQuotaExceededException e)
            {
                calls.Add(new(provider.Name, 0m, ProviderCallOutcome.Failed, "quota exhausted: " + e.Message));
                continue;
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or OperationCanceledException)
            {
                calls.Add(new(provider.Name, 0m, ProviderCallOutcome.Failed, e.Message, Transient: true));
                continue;
            }

            cost += answer.Cost;
            if (!answer.Succeeded)
            {
                calls.Add(new(provider.Name, answer.Cost, ProviderCallOutcome.Failed, answer.Error, answer.Transient));
                continue;
            }

            if (answer.Value is not { } found)
            {
                calls.Add(new(provider.Name, answer.Cost, ProviderCallOutcome.NotFound));
                continue;
            }

            var before = filled;
            merged = Merge(merged, found, wanted, ref filled);
            var added = filled & ~before;
            if (added != FirmographicFields.None)
            {
                var at = time.GetUtcNow();
                foreach (var field in Each(added))
                {
                    provenance[field] = new FieldProvenance(provider.Name, at);
                }
            }

            calls.Add(new(provider.Name, answer.Cost, added == FirmographicFields.None ? ProviderCallOutcome.NothingNew : ProviderCallOutcome.Filled, Filled: added));
        }

        return new WaterfallResult(domain, merged, provenance, calls, cost, wanted, wanted & ~filled);
    }

    /// <summary>Copies into <paramref name="current"/> each wanted field it lacks and <paramref name="found"/> has.</summary>
    private static Firmographics Merge(Firmographics current, Firmographics found, FirmographicFields wanted, ref FirmographicFields filled)
    {
        var open = wanted & ~filled;
        var taken = FirmographicFields.None;
        var merged = new Firmographics(
            Pick(current.Name, found.Name, FirmographicFields.Name, found.Name is not null),
            Pick(current.Industry, found.Industry, FirmographicFields.Industry, found.Industry is not null),
            Pick(current.EmployeeCount, found.EmployeeCount, FirmographicFields.EmployeeCount, found.EmployeeCount is not null),
            Pick(current.AnnualRevenueUsd, found.AnnualRevenueUsd, FirmographicFields.AnnualRevenue, found.AnnualRevenueUsd is not null),
            Pick(current.Country, found.Country, FirmographicFields.Country, found.Country is not null),
            Pick(current.City, found.City, FirmographicFields.City, found.City is not null),
            Pick(current.FoundedYear, found.FoundedYear, FirmographicFields.FoundedYear, found.FoundedYear is not null),
            Pick(current.Technologies, found.Technologies, FirmographicFields.Technologies, found.Technologies is { Count: > 0 }),
            Pick(current.LinkedInUrl, found.LinkedInUrl, FirmographicFields.LinkedInUrl, found.LinkedInUrl is not null),
            Pick(current.Phone, found.Phone, FirmographicFields.Phone, found.Phone is not null));
        filled |= taken;
        return taken == FirmographicFields.None ? current : merged;

        T Pick<T>(T mine, T theirs, FirmographicFields field, bool present)
        {
            if ((open & field) == 0 || !present)
            {
                return mine;
            }

            taken |= field;
            return theirs;
        }
    }

    private static IEnumerable<FirmographicFields> Each(FirmographicFields fields)
    {
        for (var bit = 1; bit <= (int)FirmographicFields.All; bit <<= 1)
        {
            if (((int)fields & bit) != 0)
            {
                yield return (FirmographicFields)bit;
            }
        }
    }
}
