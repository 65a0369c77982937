using System.Data.Common;
using System.Text.Json;
using Gateway.Store;

namespace Gateway.ProductCodes;

/// <summary>The <c>product_codes</c> table, plus the payments made from a product code.</summary>
internal sealed class ProductCodeStore
{
    private const string Columns =
        "id, client_id, product_id, channel, provider_instance, amount, currency, description, notify_url, metadata, code_url, status, created_at, updated_at";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly StoreDialect _dialect;

    public ProductCodeStore(StoreDialect dialect)
    {
        _dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));
    }

    /// <summary>Inserts a new product code; false when the product id is already taken (by this client, or on this instance).</summary>
    public async Task<bool> TryInsertAsync(ProductCodeRecord code, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO product_codes ({Columns}) VALUES (
            @id, @client_id, @product_id, @channel, @provider_instance, @amount, @currency, @description, @notify_url, @metadata,
            @code_url, @status, @created_at, @updated_at)
            """;
        command.Add("id", code.Id).Add("client_id", code.ClientId).Add("product_id", code.ProductId).Add("channel", code.Channel)
            .Add("provider_instance", code.ProviderInstance).Add("amount", code.Amount).Add("currency", code.Currency)
            .Add("description", code.Description).Add("notify_url", code.NotifyUrl).Add("metadata", JsonSerializer.Serialize(code.Metadata, Json))
            .Add("code_url", code.CodeUrl).Add("status", code.Status).Add("created_at", code.CreatedAt).Add("updated_at", code.UpdatedAt);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (DbException ex) when (_dialect.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task<ProductCodeRecord?> GetAsync(string id, CancellationToken cancellationToken)
        => (await QueryAsync($"SELECT {Columns} FROM product_codes WHERE id = @id", c => c.Add("id", id), cancellationToken)).FirstOrDefault();

    /// <summary>The product code a provider callback names: by the instance that received it and the product id.</summary>
    public async Task<ProductCodeRecord?> FindByProductAsync(string instance, string productId, CancellationToken cancellationToken)
        => (await QueryAsync(
            $"SELECT {Columns} FROM product_codes WHERE provider_instance = @instance AND product_id = @product_id",
            c => c.Add("instance", instance).Add("product_id", productId), cancellationToken)).FirstOrDefault();

    /// <summary>Sets the status; false when the product code does not exist.</summary>
    public async Task<bool> SetStatusAsync(string id, string status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE product_codes SET status = @status, updated_at = @now WHERE id = @id";
        command.Add("status", status).Add("now", now).Add("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Ids of the client's payments made from <paramref name="productId"/>, newest first.</summary>
    public async Task<List<string>> PaymentIdsAsync(string clientId, string productId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM payments WHERE client_id = @client_id AND product_id = @product_id ORDER BY created_at DESC, id DESC LIMIT @limit";
        command.Add("client_id", clientId).Add("product_id", productId).Add("limit", (long)limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task<List<ProductCodeRecord>> QueryAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var codes = new List<ProductCodeRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            codes.Add(new ProductCodeRecord
            {
                Id = reader.GetString(0),
                ClientId = reader.GetString(1),
                ProductId = reader.GetString(2),
                Channel = reader.GetString(3),
                ProviderInstance = reader.GetString(4),
                Amount = reader.GetInt64(5),
                Currency = reader.GetString(6),
                Description = reader.GetString(7),
                NotifyUrl = reader.NullableString(8),
                Metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(9), Json) ?? [],
                CodeUrl = reader.GetString(10),
                Status = reader.GetString(11),
                CreatedAt = reader.Time(12),
                UpdatedAt = reader.Time(13),
            });
        }

        return codes;
    }
}
