using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using SalesOS.Contracts;
using SalesOS.Storage;

namespace SalesOS.Silo.Hosting;

/// <summary>Points Orleans' clustering, grain storage and reminders at the database of the chosen profile.</summary>
public static class StorageProfileExtensions
{
    public static ISiloBuilder UseSalesOSStorage(this ISiloBuilder silo, StorageSettings storage, ClusterSettings cluster)
    {
        var connectionString = storage.ConnectionString;
        var invariant = storage.Invariant;

        if (storage.Profile == StorageProfile.Embedded)
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }
        else
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = invariant;
                options.ConnectionString = connectionString;
            });
            if (string.IsNullOrWhiteSpace(cluster.AdvertisedAddress))
            {
                silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.ConfigureEndpoints(System.Net.IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
            }
        }

        // Orleans' own serializer is version tolerant through [GenerateSerializer]/[Id]/[Alias]; the
        // provider's JSON default would store .NET type names and break on every rename.
        void ConfigureGrainStorage(OptionsBuilder<AdoNetGrainStorageOptions> options) =>
            options.Configure<Serializer>((o, serializer) =>
            {
                o.Invariant = invariant;
                o.ConnectionString = connectionString;
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                // Clearing a grain's state deletes its row: erasure must not leave the key (an email address) behind.
                o.DeleteStateOnClear = true;
            });

        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = invariant;
            options.ConnectionString = connectionString;
        });

        if (storage.Profile == StorageProfile.Embedded)
        {
            // SQLite has one writer: every grain-state and reminder write queues at the database's gate.
            var gate = SqliteWriteGate.For(storage.SqliteDatabasePath);
            foreach (var name in new[] { StorageNames.Grains, StorageNames.PubSub })
            {
                silo.AddAdoNetGrainStorage(name + "-sqlite", ConfigureGrainStorage);
                silo.Services.AddKeyedSingleton<IGrainStorage>(name, (services, _) =>
                    new SqliteGatedGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(name + "-sqlite"), gate));
            }

            var reminders = silo.Services.Last(d => d.ServiceType == typeof(IReminderTable));
            silo.Services.Remove(reminders);
            silo.Services.AddSingleton<IReminderTable>(services =>
                new SqliteGatedReminderTable((IReminderTable)(reminders.ImplementationFactory?.Invoke(services)
                    ?? ActivatorUtilities.CreateInstance(services, reminders.ImplementationType!)), gate));
        }
        else
        {
            silo.AddAdoNetGrainStorage(StorageNames.Grains, ConfigureGrainStorage);
            silo.AddAdoNetGrainStorage(StorageNames.PubSub, ConfigureGrainStorage);
        }

        return silo;
    }
}
