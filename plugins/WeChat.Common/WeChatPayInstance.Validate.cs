using Gateway.Abstractions.Payments;
using Gateway.WeChatPay;

namespace Gateway.Plugins.WeChat.Common;

internal abstract partial class WeChatPayInstance
{
    /// <summary><c>body</c> is String(128).</summary>
    protected const int MaxBodyLength = 128;

    private const int MaxOutTradeNoLength = 32;

    // WeChat's newer docs want time_expire at least 1 minute out (older text said 5); closer than that it refuses.
    private static readonly TimeSpan MinimumLifetime = TimeSpan.FromMinutes(1);

    /// <summary>The local checks every WeChat Pay order passes; channels add their own (e.g. an openid).</summary>
    protected virtual ProviderError? Precheck(CreatePaymentRequest request)
    {
        if (!string.Equals(request.Currency, WeChatPayCodes.Cny, StringComparison.OrdinalIgnoreCase))
        {
            return Invalid("UNSUPPORTED_CURRENCY", "WeChat Pay takes CNY only.");
        }

        if (request.Amount <= 0)
        {
            return Invalid("INVALID_AMOUNT", "The amount must be a positive number of fen.");
        }

        if (string.IsNullOrEmpty(request.PaymentId) || request.PaymentId.Length > MaxOutTradeNoLength)
        {
            return Invalid("INVALID_PAYMENT_ID", "out_trade_no must be 1 to 32 characters.");
        }

        if (string.IsNullOrWhiteSpace(request.Description) || string.IsNullOrWhiteSpace(request.ClientIp))
        {
            return Invalid("MISSING_FIELD", "Description and ClientIp are required.");
        }

        return request.ExpiresAt - Time.GetUtcNow() < MinimumLifetime
            ? Invalid("EXPIRES_TOO_SOON", "ExpiresAt must be at least 1 minute away.")
            : null;
    }

    /// <summary>A refusal before anything reaches WeChat (answered as 400 by the host).</summary>
    protected static ProviderError Invalid(string code, string message) => new(ProviderErrorKind.InvalidRequest, code, message);

    /// <summary>Cuts to at most <paramref name="max"/> UTF-16 units without splitting a surrogate pair.</summary>
    internal static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut];
    }
}
