using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SalesOS.Integrations.Providers.Apollo;
using SalesOS.Integrations.Providers.Hunter;
using SalesOS.Prospecting.Ports;

namespace SalesOS.Integrations.Providers;

public static class ProviderServiceCollectionExtensions
{
    /// <summary>
    /// Registers every data-provider connector as itself and as each port it implements (so
    /// <c>IEnumerable&lt;IFirmographicsProvider&gt;</c> lists them all), their resilient HttpClients, and a
    /// process-local rate limiter unless an <see cref="IProviderRateLimiter"/> (the cluster's) is registered already.
    /// A connector without an ApiKey is registered but reports IsConfigured = false and is skipped.
    /// </summary>
    public static IServiceCollection AddSalesOSProviders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddProvider<ApolloConnector, ApolloOptions>(ApolloConnector.ProviderName, configuration.GetSection(ApolloOptions.SectionName));
        services.AddProvider<HunterConnector, HunterOptions>(HunterConnector.ProviderName, configuration.GetSection(HunterOptions.SectionName), HunterConnector.IsTransientStatus);

        services.TryAddSingleton<IProviderRateLimiter>(serviceProvider => new LocalProviderRateLimiter(serviceProvider.GetServices<ProviderRate>()));
        return services;
    }

    /// <summary>One line per vendor: options, HttpClient with its pipeline, the connector under each of its ports.</summary>
    public static IServiceCollection AddProvider<TConnector, TOptions>(
        this IServiceCollection services, string name, IConfiguration section, Func<HttpResponseMessage, bool>? isTransient = null)
        where TConnector : class, IDataProvider
        where TOptions : ProviderOptions
    {
        services.AddOptions<TOptions>().Bind(section);
        services.AddProviderHttpClient<TOptions>(name, isTransient);
        services.AddSingleton(serviceProvider =>
        {
            var options = serviceProvider.GetRequiredService<IOptions<TOptions>>().Value;
            return new ProviderRate(name, options.RequestsPerMinute, options.Burst);
        });

        services.TryAddSingleton<TConnector>();
        services.AddSingleton<IDataProvider>(serviceProvider => serviceProvider.GetRequiredService<TConnector>());
        if (typeof(ICompanySearchProvider).IsAssignableFrom(typeof(TConnector)))
        {
            services.AddSingleton(serviceProvider => (ICompanySearchProvider)serviceProvider.GetRequiredService<TConnector>());
        }

        if (typeof(IFirmographicsProvider).IsAssignableFrom(typeof(TConnector)))
        {
            services.AddSingleton(serviceProvider => (IFirmographicsProvider)serviceProvider.GetRequiredService<TConnector>());
        }

        if (typeof(IPeopleSearchProvider).IsAssignableFrom(typeof(TConnector)))
        {
            services.AddSingleton(serviceProvider => (IPeopleSearchProvider)serviceProvider.GetRequiredService<TConnector>());
        }

        if (typeof(IEmailVerificationProvider).IsAssignableFrom(typeof(TConnector)))
        {
            services.AddSingleton(serviceProvider => (IEmailVerificationProvider)serviceProvider.GetRequiredService<TConnector>());
        }

        return services;
    }
}
