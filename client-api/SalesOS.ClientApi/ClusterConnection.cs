using Orleans.Configuration;

namespace SalesOS.ClientApi;

/// <summary>How the gateway finds the cluster (section <c>SalesOS:Cluster</c>).</summary>
public sealed class ClusterConnectionSettings
{
    public const string SectionName = "SalesOS:Cluster";

    public string ClusterId { get; set; } = "salesos";

    public string ServiceId { get; set; } = "salesos";

    /// <summary>Embedded: connect to silo gateways on this machine. Cluster: read the gateway list from PostgreSQL.</summary>
    public string Profile { get; set; } = "Embedded";

    /// <summary>Gateway ports of local silos (embedded profile); 30000 when none is configured.</summary>
    public int[] GatewayPorts { get; set; } = [];

    /// <summary>PostgreSQL holding the membership table (cluster profile); from configuration or environment only.</summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>Longest wait between two attempts to reach the cluster.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}

public static class ClusterConnection
{
    /// <summary>
    /// Connects as an Orleans client and keeps retrying, with capped back-off, while no silo answers.
    /// The host starts its services concurrently, so HTTP (and /health/live) is served meanwhile and
    /// /health/ready reports the missing cluster.
    /// </summary>
    public static void ConnectToSalesOSCluster(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ClusterConnectionSettings.SectionName).Get<ClusterConnectionSettings>()
            ?? new ClusterConnectionSettings();
        builder.Services.Configure<HostOptions>(options =>
        {
            options.ServicesStartConcurrently = true;
            options.ServicesStopConcurrently = true;
        });

        builder.UseOrleansClient(client =>
        {
            if (string.Equals(settings.Profile, "Cluster", StringComparison.OrdinalIgnoreCase))
            {
                if (string.IsNullOrWhiteSpace(settings.PostgreSqlConnectionString))
                {
                    throw new InvalidOperationException(
                        $"The cluster profile needs {ClusterConnectionSettings.SectionName}:PostgreSqlConnectionString " +
                        "(environment variable SalesOS__Cluster__PostgreSqlConnectionString).");
                }

                client.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = settings.ClusterId;
                    options.ServiceId = settings.ServiceId;
                });
                client.UseAdoNetClustering(options =>
                {
                    options.Invariant = "Npgsql";
                    options.ConnectionString = settings.PostgreSqlConnectionString;
                });
            }
            else
            {
                // The configuration binder appends to a non-empty default array, so the default is applied here.
                client.UseLocalhostClustering(settings.GatewayPorts.Length > 0 ? settings.GatewayPorts : [30000], settings.ServiceId, settings.ClusterId);
            }

            client.UseConnectionRetryFilter(new RetryForever(settings.MaxRetryDelay));
            // Storage errors of the cluster profile reach the gateway intact (see the silo's setting).
            client.Services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Npgsql"));
        });
    }

    private sealed class RetryForever(TimeSpan maxDelay) : IClientConnectionRetryFilter
    {
        private int attempt;

        public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
        {
            var delay = TimeSpan.FromMilliseconds(Math.Min(maxDelay.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(attempt++, 10))));
            await Task.Delay(delay, cancellationToken);
            return true;
        }
    }
}
