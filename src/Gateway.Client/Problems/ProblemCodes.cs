namespace Gateway.Client.Problems;

/// <summary>The gateway's stable problem codes (<see cref="GatewayProblemException.Code"/>).</summary>
public static class ProblemCodes
{
    /// <summary>400: the body or a parameter is invalid; see <see cref="GatewayProblemException.Errors"/>.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>401: no or a wrong API key.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>404: no such payment or product code for this client.</summary>
    public const string NotFound = "not_found";

    /// <summary>409: a live payment already has this merchant order id.</summary>
    public const string DuplicateMerchantOrder = "duplicate_merchant_order";

    /// <summary>409: the payment is not in a state that allows this.</summary>
    public const string InvalidState = "invalid_state";

    /// <summary>409: another payment of this merchant order is already paid.</summary>
    public const string OrderAlreadyPaid = "order_already_paid";

    /// <summary>409: a product code with this product id exists.</summary>
    public const string DuplicateProductId = "duplicate_product_id";

    /// <summary>422: no route serves this channel for this client and amount.</summary>
    public const string ChannelNotRouted = "channel_not_routed";

    /// <summary>422: the provider refused; see <see cref="GatewayProblemException.ProviderCode"/>.</summary>
    public const string ProviderRejected = "provider_rejected";

    /// <summary>422: the routed instance cannot issue product codes.</summary>
    public const string ProductCodesNotSupported = "product_codes_not_supported";

    /// <summary>502: the provider could not be reached.</summary>
    public const string ProviderUnavailable = "provider_unavailable";

    /// <summary>413: the body is too large.</summary>
    public const string PayloadTooLarge = "payload_too_large";

    /// <summary>429: slow down; see <see cref="GatewayProblemException.RetryAfter"/>.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>409: the first request with this Idempotency-Key is still running.</summary>
    public const string IdempotencyConflict = "idempotency_conflict";

    /// <summary>422: this Idempotency-Key was used with another body.</summary>
    public const string IdempotencyKeyReused = "idempotency_key_reused";
}
