using System.Data.Common;

namespace Gateway.Store;

/// <summary>What differs between the embedded SQLite store and PostgreSQL: connections and DDL.</summary>
internal abstract class StoreDialect
{
    /// <summary>Opens a new connection.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The statements that create the schema; each is idempotent.</summary>
    public abstract IReadOnlyList<string> SchemaStatements { get; }

    /// <summary>True when <paramref name="exception"/> is a unique-constraint violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);
}
