using SalesOS.Prospecting.Demo;

namespace SalesOS.Silo.Hosting;

/// <summary>
/// Serves the demo source's sample websites (hosts under the reserved .example TLD) from the silo's
/// own HTTP port, so the crawler reads them like any site when the demo runs without internet. Only
/// requests whose Host header is a sample host are answered here; everything else passes on.
/// </summary>
public static class SampleWeb
{
    public static IApplicationBuilder UseSampleWeb(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var host = context.Request.Host.Host;
        if (!host.EndsWith(DemoCompanies.TopLevelDomain, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var profile = DemoCompanies.WebsiteFor(host, TimeProvider.System.GetUtcNow());
        var page = profile is null ? null : SampleWebsite.Render(profile, context.Request.Path.Value ?? "/");
        if (page is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.StatusCode = page.StatusCode;
        context.Response.ContentType = page.ContentType;
        foreach (var (name, value) in page.Headers)
        {
            context.Response.Headers.Append(name, value);
        }

        await context.Response.WriteAsync(page.Body);
    });
}
