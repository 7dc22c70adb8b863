using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.TestingHost;
using SalesOS.Contracts;
using SalesOS.Grains;
using SalesOS.Grains.Eventing;
using SalesOS.Grains.Prospecting;
using SalesOS.Storage;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Tests.Infrastructure;

/// <summary>
/// One in-process Orleans test cluster (in-memory transport, storage and reminders) shared by the
/// grain tests of a collection. Time is a <see cref="FakeTimeProvider"/> that tests move by hand.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .Build();

    public IClusterClient Client => Cluster.Client;

    /// <summary>The read model's SQLite database (one per test run), shared by the test silo and the tests.</summary>
    public static readonly StorageSettings ReadModelStorage = new()
    {
        Profile = StorageProfile.Embedded,
        DataDirectory = Path.Combine(Path.GetTempPath(), $"salesos-cluster-fixture-{Guid.NewGuid():N}"),
    };

    public async Task InitializeAsync()
    {
        await new SchemaMigrator(ReadModelStorage).MigrateAsync();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(ReadModelStorage.DataDirectory, recursive: true);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorage(StorageNames.Grains);
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.AddMemoryStreams(StreamIds.Provider);
            silo.UseInMemoryReminderService();
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, Time);
            silo.Services.Configure<EventDeliveryOptions>(options => options.RedeliveryDelay = TimeSpan.FromSeconds(1));
            silo.Services.AddSingleton(ReadModelStorage);
            silo.Services.AddSingleton<ReadModelDatabase>();
            silo.Services.AddSingleton<CompanyReadModel>();
            silo.Services.AddSingleton<ContactReadModel>();
            silo.Services.AddSingleton<GrainKeyCatalog>();
            silo.Services.AddSingleton<PipelineReadModel>();
            silo.Services.AddSingleton<OutreachReadModel>();
            silo.Services.AddSalesOSProspecting(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
            silo.Services.Configure<ProspectingOptions>(options => options.WatchdogPeriod = TimeSpan.FromSeconds(1));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Orleans test cluster";
}
