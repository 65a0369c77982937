using System.Data.Common;
using DbUp;
using DbUp.Engine;
using Gateway.Store.Migrations;
using Npgsql;

namespace Gateway.Store;

/// <summary>PostgreSQL, for production and for several gateway instances sharing one store.</summary>
internal sealed class PostgreSqlDialect : StoreDialect, IAsyncDisposable
{
    // pg_advisory_lock key for schema migrations: any fixed number; "gwschema" in ASCII.
    private const long MigrationLockKey = 0x6777736368656D61;
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _connectionString;

    public PostgreSqlDialect(string connectionString)
    {
        _connectionString = connectionString;
        _dataSource = NpgsqlDataSource.Create(Tuned(connectionString));
    }

    public override string Name => "PostgreSql";

    /// <summary>
    /// The pool settings of the hot paths, unless the connection string sets them. No Reset On Close: the
    /// gateway never changes session state (no SET, temporary tables, LISTEN or session locks; <see cref="UpgradeAsync"/>
    /// takes its lock on an unpooled connection), so the DISCARD ALL Npgsql sends on every checkout
    /// by default is pure cost: a statement per checkout, and it drops the prepared statements. Max Auto
    /// Prepare: the statements of create and notify are few and fixed, so each is prepared once per
    /// connection after a couple of uses and then skips parsing and planning.
    /// </summary>
    internal static string Tuned(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey answers whether a keyword is known, not whether it was
        // given: what the string itself says is read through the plain builder, keywords compared without spaces.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
        => await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// A session advisory lock, held on its own connection for the whole upgrade, serialises gateway
    /// processes: the second waits, then finds every script journaled. Each script runs in its own
    /// transaction (PostgreSQL DDL is transactional), so a failed script leaves no half-applied change.
    /// The lock's connection is not pooled: closing it ends the session, so the lock cannot outlive the
    /// upgrade in a pooled connection (the pool no longer resets connections, see <see cref="Tuned"/>).
    /// </summary>
    public override async Task<DatabaseUpgradeResult> UpgradeAsync(IReadOnlyList<SqlScript> scripts, ILogger logger, CancellationToken cancellationToken)
    {
        await using var lockConnection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            take.Parameters.AddWithValue("key", MigrationLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            return DeployChanges.To.PostgresqlDatabase(_connectionString)
                .WithScripts(scripts)
                .JournalToPostgresqlTable(null, SchemaMigrations.JournalTable)
                .WithTransactionPerScript()
                .WithVariablesDisabled()
                .LogTo(logger)
                .Build()
                .PerformUpgrade();
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    // Two gateway instances claiming work at once skip each other's rows instead of waiting or double-claiming.
    public override string SkipLocked => "FOR UPDATE SKIP LOCKED";

    public override bool IsUniqueViolation(DbException exception)
        => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
