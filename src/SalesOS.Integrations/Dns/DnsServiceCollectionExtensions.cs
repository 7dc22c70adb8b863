using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SalesOS.Prospecting.Ports;

namespace SalesOS.Integrations.Dns;

public static class DnsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IMailExchangeLookup"/> (one shared cache per process) configured from "SalesOS:Dns".</summary>
    public static IServiceCollection AddSalesOSDns(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DnsOptions>()
            .Bind(configuration.GetSection(DnsOptions.SectionName))
            .Validate(o => !o.Problems().Any(), "SalesOS:Dns is invalid: check NameServers (\"ip:port\"), Timeout, Retries and CacheSize")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMailExchangeLookup>(sp => new DnsMailExchangeLookup(sp.GetRequiredService<IOptions<DnsOptions>>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
