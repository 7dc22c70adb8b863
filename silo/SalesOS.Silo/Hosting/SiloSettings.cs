namespace SalesOS.Silo.Hosting;

/// <summary>Cluster identity and the silo's own endpoints (section <c>SalesOS:Cluster</c>).</summary>
public sealed class ClusterSettings
{
    public const string SectionName = "SalesOS:Cluster";

    /// <summary>Silos and clients with the same ClusterId form one cluster.</summary>
    public string ClusterId { get; set; } = "salesos";

    /// <summary>Part of every stored key: keep it stable for the life of the data.</summary>
    public string ServiceId { get; set; } = "salesos";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients (the REST gateway, integrations) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos and clients use to reach this silo; empty picks this machine's address.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Shortest reminder period allowed; Orleans' default is one minute.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a stopping silo may take to hand its grains over.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The silo's HTTP endpoints (section <c>SalesOS:Http</c>).</summary>
public sealed class HttpSettings
{
    public const string SectionName = "SalesOS:Http";

    /// <summary>Interface Kestrel listens on; 127.0.0.1 keeps a development machine closed, 0.0.0.0 opens it.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Port of the co-hosted REST gateway and the health endpoints.</summary>
    public int ApiPort { get; set; } = 5080;

    /// <summary>Port of the Orleans dashboard.</summary>
    public int DashboardPort { get; set; } = 8080;

    public bool DashboardEnabled { get; set; } = true;

    /// <summary>Serve the REST gateway from the silo itself. Null: on for the embedded profile, off for the cluster profile.</summary>
    public bool? CoHostGateway { get; set; }
}
