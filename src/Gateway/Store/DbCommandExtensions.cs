using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Gateway.Store;

/// <summary>Parameter binding and reading shared by the SQL stores. Times are stored as Unix milliseconds.</summary>
internal static class DbCommandExtensions
{
    public static DbCommand Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = ToDb(value);
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>
    /// Adds the next positional parameter, <c>$1</c>, <c>$2</c>… in the order added, for the hot statements: Npgsql
    /// sends SQL with unnamed parameters as written, where it rewrites named ones to <c>$n</c> on every execution
    /// (≈2 % of a first notify's gateway CPU). SQLite binds <c>$n</c> by name, so one SQL text serves both stores.
    /// </summary>
    public static DbCommand AddNext(this DbCommand command, object? value)
    {
        var parameter = command.CreateParameter();
        if (parameter is not NpgsqlParameter)
        {
            parameter.ParameterName = "$" + (command.Parameters.Count + 1).ToString(CultureInfo.InvariantCulture);
        }

        parameter.Value = ToDb(value);
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Adds the next positional parameter and returns its placeholder (<c>$n</c>), for SQL built with its parameters.</summary>
    public static string Next(this DbCommand command, object? value)
        => "$" + command.AddNext(value).Parameters.Count.ToString(CultureInfo.InvariantCulture);

    private static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset time => time.ToUnixTimeMilliseconds(),
        _ => value,
    };

    /// <summary>Runs the query and reads every row with <paramref name="read"/>.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(this DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static string? NullableString(this DbDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset Time(this DbDataReader reader, int ordinal)
        => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}
