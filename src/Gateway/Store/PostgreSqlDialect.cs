using System.Data.Common;
using Npgsql;

namespace Gateway.Store;

/// <summary>PostgreSQL, for production and for several gateway instances sharing one store.</summary>
internal sealed class PostgreSqlDialect : StoreDialect, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlDialect(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override string Name => "PostgreSql";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
        => await _dataSource.OpenConnectionAsync(cancellationToken);

    public override IReadOnlyList<string> SchemaStatements { get; } = PaymentSchema.Statements("BIGINT", "BYTEA");

    // Two gateway instances claiming work at once skip each other's rows instead of waiting or double-claiming.
    public override string SkipLocked => "FOR UPDATE SKIP LOCKED";

    public override bool IsUniqueViolation(DbException exception)
        => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
