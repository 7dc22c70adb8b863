using SalesOS.Prospecting.Ports;

namespace SalesOS.Prospecting.Demo;

/// <summary>
/// Answers MX lookups for the demo source's sample domains (reserved .example TLD, which no DNS
/// serves) as taking mail, saying they are sample data, so the demo's contacts verify the way real
/// ones would; every other domain goes to the real lookup.
/// </summary>
public sealed class SampleDomainMailExchangeLookup(IMailExchangeLookup inner) : IMailExchangeLookup
{
    public Task<MailExchangeResult> LookupAsync(string domain, CancellationToken cancellationToken)
        => domain.EndsWith(DemoCompanies.TopLevelDomain, StringComparison.OrdinalIgnoreCase)
            ? Task.FromResult(new MailExchangeResult(domain, MailExchangeStatus.AcceptsMail, [$"mx.{domain}"], "sample data domain (demo source): not looked up"))
            : inner.LookupAsync(domain, cancellationToken);
}
