using System.Globalization;
using Gateway.Abstractions.Payments;
using Gateway.WeChatPayV3.Models;

namespace Gateway.Plugins.WeChatPayV3;

internal sealed partial class WeChatPayV3Instance
{
    // time_expire is RFC 3339 with an offset; WeChat writes Beijing time, any offset is accepted.
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>The body every prepay shares: out_trade_no is the payment id, notify_url the instance's route.</summary>
    private PrepayRequest PrepayBody(CreatePaymentRequest request, PrepayPayer? payer = null, SceneInfo? scene = null) => new()
    {
        AppId = _settings.AppId,
        MchId = _settings.Options.MchId,
        Description = Truncate(request.Description, MaxDescriptionLength),
        OutTradeNo = request.PaymentId,
        TimeExpire = request.ExpiresAt.ToOffset(Beijing).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        NotifyUrl = _notifyUrl.GetLeftPart(UriPartial.Path),
        Amount = new PrepayAmount(request.Amount, "CNY"),
        Payer = payer,
        SceneInfo = scene,
    };

    private async Task<ProviderResult<PrepayResponse>> PrepayAsync(
        string operation, CreatePaymentRequest request, Func<Task<Gateway.WeChatPayV3.WeChatPayV3Result<PrepayResponse>>> call)
    {
        if (Precheck(request) is { } invalid)
        {
            return invalid;
        }

        return await CallAsync(operation, request.PaymentId, call).ConfigureAwait(false);
    }
}
