using Gateway.Abstractions.Payments;
using Gateway.Plugins.PaysApi.Models;

namespace Gateway.Plugins.PaysApi;

internal sealed partial class PaysApiInstance
{
    // Field lengths from PaysAPI's request table (docs/protocols.md §E2).
    private const int MaxOrderIdLength = 50;
    private const int MaxOrderUidLength = 100;
    private const int MaxGoodsNameLength = 100;
    private const int MaxUrlLength = 255;
    private const string Cny = "CNY";

    public async Task<ProviderResult<CreatePaymentResult>> CreateAsync(CreatePaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Precheck(request) is { } invalid)
        {
            return invalid;
        }

        var pay = BuildPayRequest(request);
        var fields = pay.ToSignedFields(_options.Token);
        if (_options.StartMode == StartMode.Json)
        {
            return await CreateQrCodeAsync(request.PaymentId, fields, cancellationToken).ConfigureAwait(false);
        }

        // The browser posts these fields itself; the key in them is an MD5, the token stays here.
        Log.FormIssued(_logger, request.PaymentId, _instanceName);
        var action = new PaymentAction(PaymentActionTypes.FormPost) { Url = _options.BaseUrl.AbsoluteUri, Parameters = fields };
        return ProviderResult<CreatePaymentResult>.Success(new CreatePaymentResult(action));
    }

    /// <summary>The same local checks as <see cref="CreateAsync"/>, run by the host before anything is stored.</summary>
    public ProviderError? Validate(CreatePaymentRequest request) => Precheck(request);

    internal PayRequest BuildPayRequest(CreatePaymentRequest request) => new()
    {
        Uid = _options.Uid,
        Price = Yuan.Format(request.Amount),
        IsType = IsTypes.ForChannel(request.Channel) ?? throw new InvalidOperationException($"Channel '{request.Channel}' is not served."),
        NotifyUrl = _notifyUrl.AbsoluteUri,
        ReturnUrl = ReturnUrlFor(request.PaymentId),
        OrderId = request.PaymentId,
        // The caller's order id: useful in PaysAPI's dashboard and not a secret.
        OrderUid = Truncate(request.MerchantOrderId, MaxOrderUidLength),
        GoodsName = Truncate(request.Description, MaxGoodsNameLength),
    };

    /// <summary>The gateway's return page; it shows the stored state, never trusts this query string.</summary>
    private string ReturnUrlFor(string paymentId)
        => new Uri(_pluginBaseUrl, "return?orderid=" + Uri.EscapeDataString(paymentId)).AbsoluteUri;

    private ProviderError? Precheck(CreatePaymentRequest request)
    {
        if (IsTypes.ForChannel(request.Channel) is null)
        {
            return Invalid("UNSUPPORTED_CHANNEL", $"PaysAPI serves {PaysApiPlugin.AlipayChannel} and {PaysApiPlugin.WeChatChannel} only.");
        }

        if (!string.Equals(request.Currency, Cny, StringComparison.OrdinalIgnoreCase))
        {
            return Invalid("UNSUPPORTED_CURRENCY", "PaysAPI takes CNY only.");
        }

        if (request.Amount <= 0)
        {
            return Invalid("INVALID_AMOUNT", "The amount must be a positive number of fen.");
        }

        if (string.IsNullOrEmpty(request.PaymentId) || request.PaymentId.Length > MaxOrderIdLength)
        {
            return Invalid("INVALID_PAYMENT_ID", "orderid must be 1 to 50 characters.");
        }

        return _notifyUrl.AbsoluteUri.Length > MaxUrlLength || ReturnUrlFor(request.PaymentId).Length > MaxUrlLength
            ? Invalid("URL_TOO_LONG", "notify_url and return_url must be at most 255 characters.")
            : null;
    }

    private static ProviderError Invalid(string code, string message) => new(ProviderErrorKind.InvalidRequest, code, message);

    /// <summary>Cuts to at most <paramref name="max"/> UTF-16 units without splitting a surrogate pair.</summary>
    internal static string Truncate(string? text, int max)
    {
        if (string.IsNullOrEmpty(text) || text.Length <= max)
        {
            return text ?? "";
        }

        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut];
    }
}
