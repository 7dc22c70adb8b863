using SalesOS.Testing;

namespace SalesOS.Tests.Infrastructure;

/// <summary>One throw-away PostgreSQL server shared by the tests of the PostgreSQL collection.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; } = new();

    public Task InitializeAsync() => Server.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public string ConnectionString(string database) => Server.ConnectionString(database);
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
