using System.Data.Common;

namespace Gateway.Store;

/// <summary>Parameter binding and reading shared by the SQL stores. Times are stored as Unix milliseconds.</summary>
internal static class DbCommandExtensions
{
    public static DbCommand Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value switch
        {
            null => DBNull.Value,
            DateTimeOffset time => time.ToUnixTimeMilliseconds(),
            _ => value,
        };
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Adds the parameter only when <paramref name="value"/> is set (its SQL fragment is then present too).</summary>
    public static DbCommand AddIf(this DbCommand command, string? value, string name) => value is null ? command : command.Add(name, value);

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
