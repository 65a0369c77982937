using System.Text.Json;
using Gateway.Abstractions.Payments;
using Gateway.PaymentChanges;
using Gateway.Plugins;
using Gateway.Store;

namespace Gateway.Checkout;

/// <summary>
/// The writes of an aggregated checkout's channel choice, each conditional on the instance the payment is at, so
/// two tabs choosing at once, a late provider answer or a merchant's close can never apply to the wrong order.
/// </summary>
internal sealed class CheckoutChoiceStore(StoreDialect dialect, IPaymentChangePublisher changes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Moves a pending aggregated payment from <paramref name="fromInstance"/> (empty: no choice yet) to the payer's
    /// choice, BEFORE its provider order is placed; false when the payment moved or ended meanwhile.
    /// </summary>
    public Task<bool> TryChooseAsync(PaymentRecord payment, string channel, ProviderInstanceState to, DateTimeOffset nextSyncAt, DateTimeOffset now, CancellationToken cancellationToken)
        => ExecuteAsync(payment.Id, """
            UPDATE payments SET channel = @channel, provider_instance = @instance, plugin = @plugin, app_id = @app_id, merchant_id = @merchant_id,
                action = NULL, provider_reference = NULL, error_code = NULL, error_message = NULL, payer_open_id = @open_id,
                next_sync_at = @next, sync_attempts = 0, updated_at = @now
            WHERE id = @id AND status = 'pending' AND requested_channel IS NOT NULL AND provider_instance = @from
            """,
            c => c.Add("channel", channel).Add("instance", to.Name).Add("plugin", to.PluginName).Add("app_id", to.Instance.Account.AppId)
                .Add("merchant_id", to.Instance.Account.MerchantId).Add("open_id", payment.PayerOpenId).Add("next", nextSyncAt).Add("now", now)
                .Add("from", payment.ProviderInstance),
            cancellationToken);

    /// <summary>Records the placed order's payer action, if the payment is still at that instance.</summary>
    public Task<bool> TrySetActionAsync(string id, string instance, PaymentAction action, string? providerReference, DateTimeOffset now, CancellationToken cancellationToken)
        => ExecuteAsync(id, """
            UPDATE payments SET action = @action, provider_reference = @reference, updated_at = @now
            WHERE id = @id AND status = 'pending' AND provider_instance = @instance
            """,
            c => c.Add("action", JsonSerializer.Serialize(action, Json)).Add("reference", providerReference).Add("now", now).Add("instance", instance),
            cancellationToken);

    /// <summary>
    /// The provider refused the order outright (nothing was placed): the payment awaits a choice again, expiring on
    /// its own. Only while it is still at that instance without an action.
    /// </summary>
    public Task<bool> TryReopenAsync(string id, string instance, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
        => ExecuteAsync(id, """
            UPDATE payments SET channel = requested_channel, provider_instance = '', plugin = '', app_id = NULL, merchant_id = '',
                next_sync_at = @next, updated_at = @now
            WHERE id = @id AND status = 'pending' AND provider_instance = @instance AND action IS NULL
            """,
            c => c.Add("next", expiresAt).Add("now", now).Add("instance", instance),
            cancellationToken);

    private async Task<bool> ExecuteAsync(string id, string sql, Action<System.Data.Common.DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Add("id", id);
        bind(command);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }

        changes.Publish(id);
        return true;
    }
}
