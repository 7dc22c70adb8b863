namespace SalesOS.Storage;

/// <summary>Where the cluster keeps its state.</summary>
public enum StorageProfile
{
    /// <summary>One silo, localhost clustering, grain state and reminders in a SQLite file. No set-up.</summary>
    Embedded,

    /// <summary>Many silos on many machines: membership, grain state and reminders in PostgreSQL.</summary>
    Cluster,
}
