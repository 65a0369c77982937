using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Gateway.Store;

/// <summary>The embedded default: one SQLite file, WAL journal so readers never block the writer.</summary>
internal sealed class SqliteDialect : StoreDialect
{
    private readonly string _connectionString;

    public SqliteDialect(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 };
        _connectionString = builder.ToString();
    }

    public override string Name => "Sqlite";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // busy_timeout makes concurrent writers wait for the lock instead of failing at once.
        pragma.CommandText = "PRAGMA busy_timeout = 30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public override IReadOnlyList<string> SchemaStatements { get; } = ["PRAGMA journal_mode = WAL", .. PaymentSchema.Statements("INTEGER", "BLOB")];

    // SQLite has one writer at a time, so a claim's UPDATE is already exclusive.
    public override string SkipLocked => "";

    public override bool IsUniqueViolation(DbException exception)
        => exception is SqliteException { SqliteErrorCode: 19 }; // SQLITE_CONSTRAINT
}
