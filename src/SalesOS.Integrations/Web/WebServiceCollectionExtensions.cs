using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesOS.Prospecting.Ports;

namespace SalesOS.Integrations.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>Registers the keyless website crawler (with its routes) as <see cref="IWebsiteCrawler"/>, options from "SalesOS:Crawler".</summary>
    public static IServiceCollection AddSalesOSWebsiteCrawler(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CrawlerOptions>()
            .Bind(configuration.GetSection(CrawlerOptions.SectionName))
            .Validate(o => o.Scheme is "http" or "https", "SalesOS:Crawler:Scheme must be http or https.")
            .Validate(o => o.MaxPages >= 1 && o.MaxPageBytes >= 1024 && o.MaxRedirects >= 0, "SalesOS:Crawler limits must be positive.")
            .Validate(o => o.PageTimeout > TimeSpan.Zero && o.CrawlTimeout > TimeSpan.Zero && o.PolitenessDelay >= TimeSpan.Zero, "SalesOS:Crawler timeouts must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CrawlerRouteOptions>().Bind(configuration.GetSection(CrawlerOptions.SectionName));
        services.TryAddSingleton<WebsiteCrawler>();
        services.TryAddSingleton<RoutedWebsiteCrawler>();
        services.TryAddSingleton<IWebsiteCrawler>(sp => sp.GetRequiredService<RoutedWebsiteCrawler>());
        return services;
    }
}
