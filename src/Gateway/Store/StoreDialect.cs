using System.Data.Common;

namespace Gateway.Store;

/// <summary>What differs between the embedded SQLite store and PostgreSQL: connections, DDL and locking.</summary>
internal abstract class StoreDialect
{
    /// <summary>The dialect's configuration name.</summary>
    public abstract string Name { get; }

    /// <summary>Opens a new connection.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The statements that create the schema; each is idempotent.</summary>
    public abstract IReadOnlyList<string> SchemaStatements { get; }

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
