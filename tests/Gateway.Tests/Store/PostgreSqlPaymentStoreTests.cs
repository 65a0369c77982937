using Npgsql;

namespace Gateway.Store.Tests;

/// <summary>
/// The same store behaviour on PostgreSQL. ./test.sh starts a server and sets GATEWAY_TEST_POSTGRES; each
/// test gets a fresh database. Without it the tests fail (never skip) when CI=true, and outside CI they
/// fail with a message saying how to run them.
/// </summary>
public sealed class PostgreSqlPaymentStoreTests : PaymentStoreContractTests
{
    internal override async Task<StoreDialect> CreateDialectAsync()
    {
        var dialect = new PostgreSqlDialect(await TestPostgres.CreateDatabaseAsync());
        await new SqlPaymentStore(dialect, TestEvents.Create).InitializeAsync(default);
        return dialect;
    }
}

/// <summary>Creates throw-away databases on the test PostgreSQL server.</summary>
public static class TestPostgres
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("GATEWAY_TEST_POSTGRES")
        ?? throw new InvalidOperationException("GATEWAY_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL.");

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "gw_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}"; // a generated identifier, not input
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }
}
