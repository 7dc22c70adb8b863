using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesOS.Grains.Agents;
using SalesOS.Grains.Agents.ContactFinder;
using SalesOS.Grains.Agents.Enrichment;
using SalesOS.Grains.Agents.RateLimiting;
using SalesOS.Integrations.Dns;
using SalesOS.Integrations.Providers;
using SalesOS.Integrations.Web;
using SalesOS.Prospecting.Contacts;
using SalesOS.Prospecting.Demo;
using SalesOS.Prospecting.Ports;
using SalesOS.Storage.Imports;

namespace SalesOS.Grains.Prospecting;

public static class ProspectingServiceCollectionExtensions
{
    /// <summary>
    /// What the prospecting agents need in a silo: their options, the per-silo step slots and market
    /// cache, the cluster-wide provider rate limiter, and the outside services (website crawler, DNS,
    /// data providers) each configured from its own section.
    /// </summary>
    public static IServiceCollection AddSalesOSProspecting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProspectingOptions>().Bind(configuration.GetSection(ProspectingOptions.SectionName));
        services.AddOptions<EnrichmentOptions>().Bind(configuration.GetSection(EnrichmentOptions.SectionName));
        services.AddOptions<ContactFinderOptions>().Bind(configuration.GetSection(ContactFinderOptions.SectionName));
        services.AddOptions<ProviderRateLimitOptions>().Bind(configuration.GetSection(ProviderRateLimitOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AgentSlots>();
        services.AddSingleton<MarketDirectory>();
        services.AddSingleton<ImportFileStore>();
        services.AddSingleton<IProviderRateLimiter, ClusterProviderRateLimiter>();
        services.AddSalesOSWebsiteCrawler(configuration);
        services.AddSalesOSDns(configuration);
        services.AddSalesOSProviders(configuration);
        services.AddSingleton(sp => new ContactVerifier(
            new SampleDomainMailExchangeLookup(sp.GetRequiredService<IMailExchangeLookup>()),
            sp.GetServices<IEmailVerificationProvider>().FirstOrDefault(p => p.IsConfigured)));
        return services;
    }
}
