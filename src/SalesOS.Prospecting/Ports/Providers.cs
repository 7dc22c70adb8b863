using SalesOS.Contracts.Markets;

namespace SalesOS.Prospecting.Ports;

/// <summary>
/// A vendor of company or people data (Apollo, Hunter, ZoomInfo, Crunchbase, G2, ...). Each connector is
/// a file implementing the capabilities it has; the waterfall and the agents pick them by capability.
/// </summary>
public interface IDataProvider
{
    /// <summary>Lowercase, stable: "apollo", "hunter". Used for provenance, rate limits and configuration.</summary>
    string Name { get; }

    /// <summary>False when the connector has no key configured: it is then skipped, never called.</summary>
    bool IsConfigured { get; }
}

/// <summary>Finds companies matching a market (a lead source).</summary>
public interface ICompanySearchProvider : IDataProvider
{
    IAsyncEnumerable<SourcedCompany> SearchCompaniesAsync(MarketDefinition market, int limit, CancellationToken cancellationToken);
}

/// <summary>Fills firmographic fields for a known domain (an enrichment waterfall step).</summary>
public interface IFirmographicsProvider : IDataProvider
{
    Task<ProviderAnswer<Firmographics>> EnrichCompanyAsync(string domain, CancellationToken cancellationToken);
}

/// <summary>Finds people at a company who match buyer personas.</summary>
public interface IPeopleSearchProvider : IDataProvider
{
    Task<ProviderAnswer<IReadOnlyList<PersonCandidate>>> FindPeopleAsync(string domain, IReadOnlyList<BuyerPersona> personas, int limit, CancellationToken cancellationToken);
}

/// <summary>Verifies a mailbox exists (Hunter email verifier and the like).</summary>
public interface IEmailVerificationProvider : IDataProvider
{
    Task<ProviderAnswer<EmailVerification>> VerifyEmailAsync(string email, CancellationToken cancellationToken);
}

/// <summary>A provider's answer, with what it cost (credits) so spend can be reported per call.</summary>
public sealed record ProviderAnswer<T>(string Provider, T? Value, decimal Cost, string? Error = null, bool Transient = false)
{
    public bool Succeeded => Error is null;
}

/// <summary>Raised when a provider's own quota is spent (distinct from a transient 429).</summary>
public sealed class ProviderQuotaExceededException(string provider, string message) : Exception(message)
{
    public string Provider { get; } = provider;
}

public sealed record SourcedCompany(
    string Domain,
    string? Name,
    string? Industry,
    int? EmployeeCount,
    decimal? AnnualRevenueUsd,
    string? Country,
    IReadOnlyList<string> Technologies,
    string? LinkedInUrl = null,
    string? City = null);

public sealed record Firmographics(
    string? Name = null,
    string? Industry = null,
    int? EmployeeCount = null,
    decimal? AnnualRevenueUsd = null,
    string? Country = null,
    string? City = null,
    int? FoundedYear = null,
    IReadOnlyList<string>? Technologies = null,
    string? LinkedInUrl = null,
    string? Phone = null);

/// <summary>A person a source says works at the company.</summary>
public sealed record PersonCandidate(
    string FirstName,
    string LastName,
    string? Title,
    string? Email,
    string? LinkedInUrl,
    string? Phone,
    string Source,
    double? SourceConfidence = null,
    string? EvidenceUrl = null);

public enum EmailVerdict
{
    Deliverable,
    Risky,
    Undeliverable,
    Unknown,
}

public sealed record EmailVerification(string Email, EmailVerdict Verdict, string Reason, double? Score = null);
