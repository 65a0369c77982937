using Gateway.Abstractions.Payments;
using Gateway.WeChatPay;
using Gateway.WeChatPay.Models;

namespace Gateway.Plugins.WeChatNative;

internal sealed partial class WeChatNativeInstance
{
    private const int MaxBodyLength = 128;
    private const int MaxOutTradeNoLength = 32;

    // WeChat's newer docs want time_expire at least 1 minute out (older text said 5); closer than that it refuses.
    private static readonly TimeSpan MinimumLifetime = TimeSpan.FromMinutes(1);

    public async Task<ProviderResult<CreatePaymentResult>> CreateAsync(CreatePaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Precheck(request) is { } invalid)
        {
            return invalid;
        }

        var order = new UnifiedOrderRequest
        {
            Body = Truncate(request.Description, MaxBodyLength),
            OutTradeNo = request.PaymentId,
            TotalFee = request.Amount,
            SpbillCreateIp = request.ClientIp,
            NotifyUrl = _notifyUrl.AbsoluteUri,
            TradeType = WeChatPayCodes.TradeTypeNative,
            ProductId = request.ProductId ?? request.PaymentId,
            TimeStart = request.CreatedAt,
            TimeExpire = request.ExpiresAt,
        };

        var call = await CallAsync("unifiedorder", request.PaymentId, () => _client.UnifiedOrderAsync(order, cancellationToken))
            .ConfigureAwait(false);
        if (!call.Ok)
        {
            return call.Error;
        }

        if (call.Reply.CodeUrl is not { } codeUrl)
        {
            return new ProviderError(ProviderErrorKind.Transient, WeChatPayReplyException.InvalidResponse, "The reply has no code_url.");
        }

        Log.OrderPlaced(_logger, request.PaymentId, _instanceName);
        return ProviderResult<CreatePaymentResult>.Success(new CreatePaymentResult(PaymentAction.QrCode(codeUrl), call.Reply.PrepayId));
    }

    /// <summary>The same local checks as <see cref="CreateAsync"/>, run by the host before anything is stored.</summary>
    public ProviderError? Validate(CreatePaymentRequest request) => Precheck(request);

    private ProviderError? Precheck(CreatePaymentRequest request)
    {
        if (!string.Equals(request.Currency, WeChatPayCodes.Cny, StringComparison.OrdinalIgnoreCase))
        {
            return Invalid("UNSUPPORTED_CURRENCY", "WeChat Native takes CNY only.");
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

        return request.ExpiresAt - _time.GetUtcNow() < MinimumLifetime
            ? Invalid("EXPIRES_TOO_SOON", "ExpiresAt must be at least 1 minute away.")
            : null;
    }

    private static ProviderError Invalid(string code, string message) => new(ProviderErrorKind.InvalidRequest, code, message);

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
