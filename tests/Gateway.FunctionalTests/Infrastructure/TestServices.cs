using Npgsql;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>
/// The real Redis and PostgreSQL that ./test.sh starts. A test that needs one fails loudly when it is
/// missing; it is never skipped.
/// </summary>
public static class TestServices
{
    public static string Redis => Environment.GetEnvironmentVariable("GATEWAY_TEST_REDIS")
        ?? throw new InvalidOperationException("GATEWAY_TEST_REDIS is not set: run the tests with ./test.sh, which starts redis-server.");

    public static string PostgresServer => Environment.GetEnvironmentVariable("GATEWAY_TEST_POSTGRES")
        ?? throw new InvalidOperationException("GATEWAY_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL.");

    /// <summary>A new, empty database on the test server.</summary>
    public static async Task<string> NewPostgresDatabaseAsync()
    {
        var name = "gwf_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}"; // generated identifier
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    /// <summary>Settings for a state backend: "memory" (embedded), "redis", or "redis+postgres".</summary>
    public static async Task<Dictionary<string, string?>> BackendAsync(string backend)
    {
        var settings = new Dictionary<string, string?>();
        if (backend.Contains("redis"))
        {
            settings["Gateway:Redis:Configuration"] = Redis + ",defaultDatabase=" + Random.Shared.Next(1, 15);
        }

        if (backend.Contains("postgres"))
        {
            settings["Gateway:Store:Provider"] = "PostgreSql";
            settings["Gateway:Store:ConnectionString"] = await NewPostgresDatabaseAsync();
        }

        return settings;
    }
}
