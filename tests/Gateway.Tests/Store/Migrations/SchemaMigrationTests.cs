using System.Data.Common;
using DbUp.Engine;
using Gateway.Abstractions.Payments;
using Gateway.Store.Tests;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Store.Migrations.Tests;

/// <summary>Versioned migrations, run against each dialect: fresh, upgraded from release 1, raced, failing.</summary>
public abstract class SchemaMigrationTests
{
    internal abstract Task<string> CreateEmptyDatabaseAsync();

    internal abstract StoreDialect Open(string connectionString);

    internal abstract string Dialect { get; }

    internal abstract string IndexNamesSql { get; }

    [Fact]
    public async Task FreshDatabase_AppliesEveryScript_AndASecondStartAppliesNothing()
    {
        var dialect = Open(await CreateEmptyDatabaseAsync());

        await new SqlPaymentStore(dialect, TestEvents.Create).InitializeAsync(default);
        await new SqlPaymentStore(dialect, TestEvents.Create).InitializeAsync(default);

        var expected = SchemaMigrations.Scripts(Dialect).Select(s => s.Name).ToList();
        Assert.Contains("0001_release_1.sql", expected);
        Assert.Contains("0002_one_paid_payment_per_order.sql", expected);
        Assert.Equal(expected, await JournalAsync(dialect));
    }

    [Fact]
    public async Task Release1Database_UpgradesInPlace_KeepingItsRows()
    {
        var dialect = Open(await CreateEmptyDatabaseAsync());
        var (bigint, binary) = Dialect == "Sqlite" ? ("INTEGER", "BLOB") : ("BIGINT", "BYTEA");
        foreach (var statement in Release1Schema.Statements(bigint, binary))
        {
            await ExecuteAsync(dialect, statement);
        }

        var store = new SqlPaymentStore(dialect, TestEvents.Create);
        Assert.True(await store.TryInsertAsync(PaymentStoreContractTests.NewPayment("pay_old"), default));

        await store.InitializeAsync(default);

        Assert.Equal(SchemaMigrations.Scripts(Dialect).Select(s => s.Name), await JournalAsync(dialect));
        var indexes = await QueryStringsAsync(dialect, IndexNamesSql);
        Assert.Contains("ux_payments_merchant_order_paid", indexes);
        Assert.Contains("ux_payments_merchant_order_pending", indexes);
        Assert.DoesNotContain("ux_payments_client_merchant_order", indexes);
        Assert.Equal(PaymentStatus.Pending, (await store.GetAsync("pay_old", default))!.Status);
        Assert.False(await store.TryInsertAsync(PaymentStoreContractTests.NewPayment("pay_new"), default));
    }

    [Fact]
    public async Task ConcurrentStarts_MigrateOnce()
    {
        var connectionString = await CreateEmptyDatabaseAsync();

        // Separate dialects (separate connection pools), as separate gateway processes would have.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(
            () => new SqlPaymentStore(Open(connectionString), TestEvents.Create).InitializeAsync(default))));

        Assert.Equal(SchemaMigrations.Scripts(Dialect).Select(s => s.Name), await JournalAsync(Open(connectionString)));
    }

    [Fact]
    public async Task FailingScript_IsNotJournaled_AndStopsTheUpgrade()
    {
        var dialect = Open(await CreateEmptyDatabaseAsync());
        SqlScript[] scripts = [new("0001_good.sql", "CREATE TABLE good (x INTEGER);"), new("0002_bad.sql", "CREATE TABLE bad (;"), new("0003_after.sql", "CREATE TABLE after_bad (x INTEGER);")];

        var result = await dialect.UpgradeAsync(scripts, NullLogger.Instance, default);

        Assert.False(result.Successful);
        Assert.Equal("0002_bad.sql", result.ErrorScript?.Name);
        Assert.DoesNotContain("0002_bad.sql", await JournalAsync(dialect));
        Assert.DoesNotContain("0003_after.sql", await JournalAsync(dialect));
    }

    private static async Task<List<string>> JournalAsync(StoreDialect dialect)
    {
        try
        {
            return await QueryStringsAsync(dialect, $"SELECT scriptname FROM {SchemaMigrations.JournalTable} ORDER BY scriptname");
        }
        catch (DbException)
        {
            return []; // no journal table: nothing was ever journaled (or a failed upgrade rolled it back)
        }
    }

    private static async Task ExecuteAsync(StoreDialect dialect, string sql)
    {
        await using var connection = await dialect.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> QueryStringsAsync(StoreDialect dialect, string sql)
    {
        await using var connection = await dialect.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}

public sealed class SqliteSchemaMigrationTests : SchemaMigrationTests
{
    internal override Task<string> CreateEmptyDatabaseAsync()
        => Task.FromResult($"Data Source={Path.Combine(Path.GetTempPath(), $"gateway-migration-{Guid.NewGuid():N}.db")}");

    internal override StoreDialect Open(string connectionString) => new SqliteDialect(connectionString);

    internal override string Dialect => "Sqlite";

    internal override string IndexNamesSql => "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'";
}

public sealed class PostgreSqlSchemaMigrationTests : SchemaMigrationTests
{
    internal override Task<string> CreateEmptyDatabaseAsync() => TestPostgres.CreateDatabaseAsync();

    internal override StoreDialect Open(string connectionString) => new PostgreSqlDialect(connectionString);

    internal override string Dialect => "PostgreSql";

    internal override string IndexNamesSql => "SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema()";
}
