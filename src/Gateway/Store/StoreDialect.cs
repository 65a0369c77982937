using System.Data.Common;
using DbUp.Engine;

namespace Gateway.Store;

/// <summary>What differs between the embedded SQLite store and PostgreSQL: connections, DDL and locking.</summary>
internal abstract class StoreDialect
{
    /// <summary>The dialect's configuration name.</summary>
    public abstract string Name { get; }

    /// <summary>Opens a new connection.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Runs one statement on its own connection (autocommit) and returns the rows it affected.</summary>
    public async Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Applies the migration <paramref name="scripts"/> not yet journaled, holding a lock that makes a second
    /// gateway process wait until the first has finished (then it finds nothing left to do).
    /// </summary>
    public abstract Task<DatabaseUpgradeResult> UpgradeAsync(IReadOnlyList<SqlScript> scripts, ILogger logger, CancellationToken cancellationToken);

    /// <summary>The row-locking clause for work-claiming sub-selects (empty where the engine serialises writers).</summary>
    public abstract string SkipLocked { get; }

    /// <summary>True when <paramref name="exception"/> is a unique-constraint violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>The dialect named by <c>Gateway:Store:Provider</c>.</summary>
    public static StoreDialect Create(string provider, string connectionString) => provider.ToLowerInvariant() switch
    {
        "sqlite" => new SqliteDialect(connectionString),
        "postgresql" or "postgres" => new PostgreSqlDialect(connectionString),
        _ => throw new InvalidOperationException($"Gateway:Store:Provider '{provider}' is not supported (Sqlite, PostgreSql)."),
    };
}
