using Gateway.Abstractions.Payments;

namespace Gateway.Plugins.WeChatPayV3;

internal sealed partial class WeChatPayV3Instance
{
    // description is string(127); out_trade_no 6-32 characters; openid string(128); payer_client_ip string(45).
    private const int MaxDescriptionLength = 127;
    private const int MinOutTradeNoLength = 6;
    private const int MaxOutTradeNoLength = 32;
    private const int MaxOpenIdLength = 128;
    private const int MaxClientIpLength = 45;

    // Newer docs move a time_expire closer than 1 minute to +1 minute; refuse it here rather than be surprised.
    private static readonly TimeSpan MinimumLifetime = TimeSpan.FromMinutes(1);

    private ProviderError? Precheck(CreatePaymentRequest request)
    {
        if (!string.Equals(request.Currency, "CNY", StringComparison.OrdinalIgnoreCase))
        {
            return V3Errors.Invalid("UNSUPPORTED_CURRENCY", "WeChat Pay takes CNY only.");
        }

        if (request.Amount <= 0)
        {
            return V3Errors.Invalid("INVALID_AMOUNT", "The amount must be a positive number of fen.");
        }

        if (request.PaymentId is not { Length: >= MinOutTradeNoLength and <= MaxOutTradeNoLength })
        {
            return V3Errors.Invalid("INVALID_PAYMENT_ID", "out_trade_no must be 6 to 32 characters.");
        }

        if (string.IsNullOrWhiteSpace(request.Description))
        {
            return V3Errors.Invalid("MISSING_FIELD", "Description is required.");
        }

        if (request.Channel == Channels.H5 && request.ClientIp is not { Length: > 0 and <= MaxClientIpLength })
        {
            return V3Errors.Invalid("MISSING_CLIENT_IP", "clientIp (the payer's browser IP) is required for H5, at most 45 characters.");
        }

        if (request.Channel is Channels.Jsapi or Channels.MiniProgram && request.PayerOpenId is not { Length: > 0 and <= MaxOpenIdLength })
        {
            return V3Errors.Invalid("MISSING_OPENID", "payer.openId is required: the payer's openid under this instance's app id (at most 128 characters).");
        }

        return request.ExpiresAt - _time.GetUtcNow() < MinimumLifetime
            ? V3Errors.Invalid("EXPIRES_TOO_SOON", "ExpiresAt must be at least 1 minute away.")
            : null;
    }

    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut];
    }
}
