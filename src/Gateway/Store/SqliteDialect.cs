using System.Data.Common;
using DbUp;
using DbUp.Engine;
using DbUp.Sqlite.Helpers;
using Gateway.Store.Migrations;
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

    /// <summary>
    /// The whole upgrade runs on one connection inside <c>BEGIN IMMEDIATE</c>: SQLite's write lock, taken
    /// before the journal is read, so a second process waits (busy_timeout) and then finds every script
    /// journaled; and a failed script leaves the database exactly as it was (SQLite DDL is transactional).
    /// </summary>
    public override async Task<DatabaseUpgradeResult> UpgradeAsync(IReadOnlyList<SqlScript> scripts, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = (SqliteConnection)await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL", cancellationToken); // not allowed inside a transaction
        await ExecuteAsync(connection, "BEGIN IMMEDIATE", cancellationToken);
        DatabaseUpgradeResult result;
        try
        {
            // A raw BEGIN is invisible to Microsoft.Data.Sqlite, so DbUp's commands on the shared connection run inside it.
            result = DeployChanges.To.SqliteDatabase(new SharedConnection(connection))
                .WithScripts(scripts)
                .JournalToSqliteTable(SchemaMigrations.JournalTable)
                .WithVariablesDisabled()
                .LogTo(logger)
                .Build()
                .PerformUpgrade();
        }
        catch
        {
            await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            throw;
        }

        await ExecuteAsync(connection, result.Successful ? "COMMIT" : "ROLLBACK", CancellationToken.None);
        return result;
    }

    // SQLite has one writer at a time, so a claim's UPDATE is already exclusive.
    public override string SkipLocked => "";

    public override bool IsUniqueViolation(DbException exception)
        => exception is SqliteException { SqliteErrorCode: 19 }; // SQLITE_CONSTRAINT

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
