using SalesOS.Contracts.ReadModel;

namespace SalesOS.Grains.ReadModel;

/// <summary>Keeps the last lag samples of every projection (in memory: a measurement, not business state).</summary>
public sealed class ProjectionMonitorGrain(TimeProvider clock) : Grain, IProjectionMonitorGrain
{
    private const int Window = 10_000;
    private readonly Queue<double> samples = new();
    private long projected;
    private DateTimeOffset? lastProjectedAt;

    public Task Report(string projection, int events, IReadOnlyList<double> lagMilliseconds)
    {
        foreach (var lag in lagMilliseconds)
        {
            samples.Enqueue(lag);
            if (samples.Count > Window)
            {
                samples.Dequeue();
            }
        }

        projected += events;
        lastProjectedAt = clock.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task<ProjectionLag> GetLag()
    {
        var sorted = samples.Order().ToArray();
        return Task.FromResult(new ProjectionLag(projected, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1], lastProjectedAt));
    }

    private static double Percentile(double[] sorted, double p)
        => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
