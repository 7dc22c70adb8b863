using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Orleans.Configuration;
using Orleans.Dashboard;
using SalesOS.Contracts;
using SalesOS.Gateway;
using SalesOS.Gateway.Infrastructure;
using SalesOS.Gateway.Security;
using SalesOS.Grains;
using SalesOS.Grains.Eventing;
using SalesOS.Grains.Outreach;
using SalesOS.Grains.Outreach.Mailboxes;
using SalesOS.Grains.Infrastructure;
using SalesOS.Grains.Prospecting;
using SalesOS.Storage;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Silo.Hosting;

/// <summary>
/// Builds the silo process: an ASP.NET Core app that runs the Orleans silo, serves the dashboard on
/// its own port, answers health checks and, on the embedded profile, co-hosts the REST gateway.
/// Configuration comes from appsettings.json, environment variables (<c>SalesOS__Storage__Profile</c>)
/// and the command line (<c>--SalesOS:Storage:Profile=Cluster</c>), in that order of precedence.
/// </summary>
public static class SiloHost
{
    /// <param name="args">Command-line settings.</param>
    /// <param name="configureSilo">Extra silo configuration from the code that hosts SalesOS (extensions, test fault injection).</param>
    public static WebApplication Build(string[] args, Action<ISiloBuilder>? configureSilo = null)
    {
        // Inbound mail comes in every charset (ISO-2022-JP, Shift_JIS, windows-125x): MimeKit needs the code pages registered first.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var builder = WebApplication.CreateBuilder(args);
        var storage = builder.Configuration.GetSection(StorageSettings.SectionName).Get<StorageSettings>() ?? new StorageSettings();
        var cluster = builder.Configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();
        var http = builder.Configuration.GetSection(HttpSettings.SectionName).Get<HttpSettings>() ?? new HttpSettings();
        var coHostGateway = http.CoHostGateway ?? storage.Profile == StorageProfile.Embedded;

        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton<ReadModelDatabase>();
        builder.Services.AddSingleton<CompanyReadModel>();
        builder.Services.AddSingleton<ContactReadModel>();
        builder.Services.AddSingleton<GrainKeyCatalog>();
        builder.Services.AddSingleton<PipelineReadModel>();
        builder.Services.AddSingleton(cluster);
        builder.Services.AddSingleton(http);
        builder.Services.AddKeyedSingleton(DomainClock.Key, TimeProvider.System);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = cluster.ShutdownTimeout);
        builder.Services.AddSalesOSProspecting(builder.Configuration);
        SampleWebRoute(builder, http);
        OutreachDefaults(builder, storage, http);
        builder.Services.AddSalesOSOutreach(builder.Configuration);
        builder.Services.AddOptions<EventDeliveryOptions>()
            .BindConfiguration(EventDeliveryOptions.SectionName)
            .Validate(options => options.RedeliveryDelay >= cluster.MinimumReminderPeriod,
                $"{EventDeliveryOptions.SectionName}:RedeliveryDelay must not be shorter than {ClusterSettings.SectionName}:MinimumReminderPeriod (a reminder drives it).")
            .ValidateOnStart();

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            Listen(kestrel, http.ListenAddress, http.ApiPort);
            if (http.DashboardEnabled && http.DashboardPort != http.ApiPort)
            {
                Listen(kestrel, http.ListenAddress, http.DashboardPort);
            }
        });

        // Registered before Orleans so the schema is current when the providers read their queries.
        if (storage.Profile == StorageProfile.Embedded || storage.MigrateOnStart)
        {
            builder.Services.AddHostedService<SchemaMigrationService>();
        }

        builder.UseOrleans(silo =>
        {
            silo.UseSalesOSStorage(storage, cluster);
            silo.AddMemoryStreams(StreamIds.Provider);
            silo.AddIncomingGrainCallFilter<StorageFailureFilter>();
            // A grain that cannot load its state fails with the driver's exception; it must reach the
            // calling silo intact so the gateway can tell an outage (503) from a fault (500).
            silo.Services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Npgsql"));
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = cluster.MinimumReminderPeriod);
            silo.Configure<SiloOptions>(options => options.SiloName = $"{Environment.MachineName}-{cluster.SiloPort}");
            // Failure detection can be tuned per deployment (and tightened by the fault tests).
            silo.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection(ClusterSettings.SectionName + ":Membership"));
            if (http.DashboardEnabled)
            {
                silo.AddDashboard();
            }

            // Configured mailboxes start reading their inboxes with the silo (each then keeps itself going by reminder).
            silo.AddStartupTask(async (services, _) =>
            {
                var grains = services.GetRequiredService<IGrainFactory>();
                foreach (var mailbox in services.GetRequiredService<MailboxDirectory>().Configured)
                {
                    await grains.GetGrain<SalesOS.Contracts.Outreach.IMailboxGrain>(mailbox.Key).KeepReading();
                }
            });

            configureSilo?.Invoke(silo);
        });

        if (coHostGateway)
        {
            EnsureAdminApiKey(builder, storage);
            builder.Services.AddSalesOSGateway();
        }
        else
        {
            builder.Services.AddHealthChecks().AddCheck<ClusterReadinessCheck>("cluster", tags: [GatewayEndpoints.ReadyTag]);
        }

        var app = builder.Build();
        app.UseSampleWeb();

        if (coHostGateway)
        {
            app.MapSalesOSGateway();
        }
        else
        {
            app.MapSalesOSHealth();
        }

        if (http.DashboardEnabled)
        {
            var dashboardHost = $"*:{http.DashboardPort}";
            app.MapOrleansDashboard(routePrefix: "/dashboard").RequireHost(dashboardHost);
            app.MapGet("/", () => Results.Redirect("/dashboard/")).RequireHost(dashboardHost).ExcludeFromDescription();
        }

        app.Lifetime.ApplicationStarted.Register(() => AnnounceUrls(app, storage, http, coHostGateway));
        return app;
    }

    /// <summary>
    /// The crawler reaches the demo source's sample websites (*.example) on this silo's own HTTP port,
    /// unless configuration routes them elsewhere.
    /// </summary>
    private static void SampleWebRoute(WebApplicationBuilder builder, HttpSettings http)
    {
        var key = "SalesOS:Crawler:Routes:0:Suffix";
        if (builder.Configuration[key] is null)
        {
            var address = http.ListenAddress is "0.0.0.0" or "::" or "localhost" ? "127.0.0.1" : http.ListenAddress;
            builder.Configuration.AddInMemoryCollection([
                new(key, SalesOS.Prospecting.Demo.DemoCompanies.TopLevelDomain),
                new("SalesOS:Crawler:Routes:0:ConnectTo", $"{address}:{http.ApiPort}"),
                new("SalesOS:Crawler:Routes:0:Scheme", "http"),
            ]);
        }
    }

    /// <summary>
    /// Outreach links point at this silo's gateway unless configured otherwise, and the embedded profile
    /// makes its tracking key once, beside its data (owner-readable only), when none is configured.
    /// </summary>
    private static void OutreachDefaults(WebApplicationBuilder builder, StorageSettings storage, HttpSettings http)
    {
        var defaults = new List<KeyValuePair<string, string?>>();
        if (builder.Configuration[$"{OutreachOptions.SectionName}:PublicBaseUrl"] is null)
        {
            var host = http.ListenAddress is "0.0.0.0" or "::" or "localhost" ? "127.0.0.1" : http.ListenAddress;
            defaults.Add(new($"{OutreachOptions.SectionName}:PublicBaseUrl", $"http://{host}:{http.ApiPort}"));
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{OutreachOptions.SectionName}:TrackingKey"]) && storage.Profile == StorageProfile.Embedded)
        {
            var path = Path.Combine(Path.GetFullPath(storage.DataDirectory), "tracking-key");
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, TrackingKeys.NewKey() + "\n");
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            defaults.Add(new($"{OutreachOptions.SectionName}:TrackingKey", File.ReadAllText(path).Trim()));
        }

        if (defaults.Count > 0)
        {
            builder.Configuration.AddInMemoryCollection(defaults);
        }
    }

    /// <summary>
    /// The embedded profile needs no set-up, so when no admin key is configured it makes one, once,
    /// and keeps it beside the data (readable by the owner only) where the README points.
    /// </summary>
    private static void EnsureAdminApiKey(WebApplicationBuilder builder, StorageSettings storage)
    {
        var configured = builder.Configuration[$"{SecurityOptions.SectionName}:AdminApiKey"];
        if (!string.IsNullOrWhiteSpace(configured) || storage.Profile != StorageProfile.Embedded)
        {
            return;
        }

        var path = Path.Combine(Path.GetFullPath(storage.DataDirectory), "admin-api-key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "sos_admin_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)) + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        builder.Configuration.AddInMemoryCollection([new($"{SecurityOptions.SectionName}:AdminApiKey", File.ReadAllText(path).Trim())]);
        builder.Services.AddSingleton(new AdminKeyLocation(path));
    }

    /// <summary>Where the generated admin key is, so the start-up message can say.</summary>
    public sealed record AdminKeyLocation(string Path);

    private static void Listen(KestrelServerOptions kestrel, string address, int port)
    {
        if (string.Equals(address, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(port);
        }
        else
        {
            kestrel.Listen(IPAddress.Parse(address), port);
        }
    }

    private static void AnnounceUrls(WebApplication app, StorageSettings storage, HttpSettings http, bool coHostGateway)
    {
        var host = http.ListenAddress is "0.0.0.0" or "::" ? "localhost" : http.ListenAddress;
        var where = storage.Profile == StorageProfile.Embedded ? $"data in {storage.SqliteDatabasePath}" : "PostgreSQL";
        app.Logger.LogInformation("SalesOS silo is up ({Profile} profile, {Where})", storage.Profile, where);
        if (coHostGateway)
        {
            app.Logger.LogInformation("REST gateway:  http://{Host}:{Port}/api  (OpenAPI: /openapi/v1.json, ready: /health/ready)", host, http.ApiPort);
            if (app.Services.GetService<AdminKeyLocation>() is { } adminKey)
            {
                app.Logger.LogInformation("Admin API key: in {Path}", adminKey.Path);
            }
        }
        else
        {
            app.Logger.LogInformation("Health:        http://{Host}:{Port}/health/ready", host, http.ApiPort);
        }

        if (http.DashboardEnabled)
        {
            app.Logger.LogInformation("Dashboard:     http://{Host}:{Port}/dashboard/", host, http.DashboardPort);
        }
    }
}
