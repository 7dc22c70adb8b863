namespace SalesOS.Contracts;

/// <summary>Grain storage names shared by grains and silo configuration.</summary>
public static class StorageNames
{
    /// <summary>Where entity grains keep their state.</summary>
    public const string Grains = "salesos";

    /// <summary>Orleans' own name for the stream pub/sub state.</summary>
    public const string PubSub = "PubSubStore";
}
