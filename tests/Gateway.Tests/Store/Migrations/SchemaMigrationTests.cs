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

    /// <summary>The definition of the index named @name (its CREATE INDEX text).</summary>
    internal abstract string IndexDefinitionSql { get; }

    [Theory]
    [InlineData("ix_payments_client_product", "product_id IS NOT NULL")]
    [InlineData("ix_payments_instance_paid_at", "paid_at IS NOT NULL")]
    public async Task IndexesOfOptionalColumns_KeepOnlyTheRowsThatHaveThem(string index, string predicate)
    {
        var dialect = Open(await CreateEmptyDatabaseAsync());
        await new SqlPaymentStore(dialect, TestEvents.Create).InitializeAsync(default);

        await using var connection = await dialect.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = IndexDefinitionSql;
        command.Add("name", index);
        // SQLite keeps the script's text; PostgreSQL prints the predicate in parentheses.
        var where = new System.Text.RegularExpressions.Regex(@"WHERE \(?" + System.Text.RegularExpressions.Regex.Escape(predicate), System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        Assert.Matches(where, await command.ExecuteScalarAsync() as string ?? "");
    }

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

        // A row as release 1 wrote it (its own column list: later columns do not exist yet).
        await ExecuteAsync(dialect, """
            INSERT INTO payments (id, client_id, merchant_order_id, channel, provider_instance, plugin, merchant_id, amount, currency,
                description, client_ip, metadata, status, created_at, updated_at, expires_at)
            VALUES ('pay_old', 'shop', 'order-1', 'wechat.native', 'wx-a', 'WeChatNative', 'm1', 100, 'CNY', 'tea', '127.0.0.1', '{}',
                'pending', 1750000000000, 1750000000000, 1750007200000)
            """);
        var store = new SqlPaymentStore(dialect, TestEvents.Create);

        await store.InitializeAsync(default);

        Assert.Equal(SchemaMigrations.Scripts(Dialect).Select(s => s.Name), await JournalAsync(dialect));
        var indexes = await QueryStringsAsync(dialect, IndexNamesSql);
        Assert.Contains("ux_payments_merchant_order_paid", indexes);
        Assert.Contains("ux_payments_merchant_order_pending", indexes);
        Assert.Contains("ix_payments_client_merchant_order", indexes);
        Assert.DoesNotContain("ux_payments_client_merchant_order", indexes);
        var old = (await store.GetAsync("pay_old", default))!;
        Assert.Equal((PaymentStatus.Pending, 100L, (string?)null), (old.Status, old.Amount, old.ReviewDetail));
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

    internal override string IndexDefinitionSql => "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = @name";
}

public sealed class PostgreSqlSchemaMigrationTests : SchemaMigrationTests
{
    internal override Task<string> CreateEmptyDatabaseAsync() => TestPostgres.CreateDatabaseAsync();

    internal override StoreDialect Open(string connectionString) => new PostgreSqlDialect(connectionString);

    internal override string Dialect => "PostgreSql";

    internal override string IndexNamesSql => "SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema()";

    internal override string IndexDefinitionSql => "SELECT indexdef::text FROM pg_indexes WHERE schemaname = current_schema() AND indexname = @name";
}

public sealed class SchemaScriptsTests
{
    [Fact]
    public void EveryDialect_HasTheSameNumberedScripts()
    {
        var sqlite = SchemaMigrations.Scripts("Sqlite").Select(s => s.Name).ToList();

        Assert.Equal(sqlite, SchemaMigrations.Scripts("PostgreSql").Select(s => s.Name));
        Assert.All(sqlite, name => Assert.Matches(@"^\d{4}_[a-z0-9_]+\.sql$", name));
        Assert.Equal(sqlite.Count, sqlite.Select(name => name[..4]).Distinct().Count());
    }
}
