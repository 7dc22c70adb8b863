using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using SalesOS.Contracts;
using SalesOS.Contracts.Companies;
using SalesOS.Storage.ReadModel;

namespace SalesOS.Grains.ReadModel;

/// <summary>Projects one workspace's <see cref="CompanyChanged"/> stream into the companies table (newest version wins).</summary>
[ImplicitStreamSubscription(StreamIds.CompanyEvents)]
public sealed class CompanyProjectionGrain : Grain, IGrainWithStringKey, IStreamSubscriptionObserver, IAsyncObserver<CompanyChanged>
{
    private readonly ProjectionBatch<CompanySnapshot> batch;

    public CompanyProjectionGrain(CompanyReadModel readModel, IGrainFactory grainFactory, TimeProvider clock, ILogger<CompanyProjectionGrain> logger)
        => batch = new ProjectionBatch<CompanySnapshot>(this, "companies", c => c.Domain, c => c.Version, rows => readModel.UpsertAsync(rows), grainFactory, clock, logger);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
        => await handleFactory.Create<CompanyChanged>().ResumeAsync(this);

    public Task OnNextAsync(CompanyChanged item, StreamSequenceToken? token = null) => batch.AddAsync(item.Company, item.Activity.At);

    public Task OnCompletedAsync() => batch.FlushAsync();

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => batch.FlushAsync();
}
