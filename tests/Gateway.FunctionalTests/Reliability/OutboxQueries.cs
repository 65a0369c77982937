using Npgsql;

namespace Gateway.FunctionalTests.Reliability;

/// <summary>Reads the outbox straight from PostgreSQL, not through the gateway.</summary>
internal static class OutboxQueries
{
    /// <summary>Every webhook event: id, payment id and type.</summary>
    public static async Task<List<(string Id, string PaymentId, string Type)>> EventsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, payment_id, type FROM webhook_events", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>Attempts recorded per event id, and how many of them got a 2xx.</summary>
    public static async Task<Dictionary<string, (int Attempts, int Delivered)>> AttemptsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT event_id, COUNT(*), COUNT(*) FILTER (WHERE status_code BETWEEN 200 AND 299) FROM webhook_attempts GROUP BY event_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, (int, int)>();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = ((int)reader.GetInt64(1), (int)reader.GetInt64(2));
        }

        return rows;
    }

    /// <summary>Payment statuses by id.</summary>
    public static async Task<Dictionary<string, string>> StatusesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, status FROM payments", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = reader.GetString(1);
        }

        return rows;
    }
}
