using System.Text;
using Gateway.Sandbox.Http;
using Gateway.Sandbox.Notify;
using Gateway.Sandbox.WeChatPay.Configuration;
using Gateway.Sandbox.WeChatPay.Merchants;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Protocol;
using Gateway.WeChatPay.Signing;
using Gateway.WeChatPay.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.WeChatPay.Payer;

/// <summary>
/// Plays WeChat for a scanned Native "mode 1" product link (docs/protocols.md §B10): checks the link's sign with the
/// merchant's key, posts the signed scan callback (appid, openid, mch_id, is_subscribe, nonce_str, product_id)
/// to the merchant's <c>ScanCallbackUrl</c>, checks the signed reply, then pays the order its prepay_id names.
/// </summary>
internal sealed partial class ProductCodeScanner(
    MerchantDirectory merchants, OrderBook orders, PaymentSimulator payer, IHttpClientFactory httpClients,
    IOptions<WeChatPaySandboxOptions> options, ILogger<ProductCodeScanner> logger)
{
    private const string BizPayUrl = "weixin://wxpay/bizpayurl?";
    private const int MaxReplyBytes = 64 * 1024;

    public async Task<IResult> ScanAsync(string codeUrl, CancellationToken cancellationToken, bool sendNotify = true)
    {
        var link = QueryHelpers.ParseQuery(codeUrl[(BizPayUrl.Length - 1)..])
            .ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        // A link that names no merchant cannot be verified, which to the payer is the same as a forged one.
        if (!link.TryGetValue("mch_id", out var mchId) || !merchants.TryFind(mchId, out var merchant)
            || !link.TryGetValue("appid", out var appId) || !merchant.AppIds.Contains(appId)
            || !SandboxSigner.VerifyAnyType(link, merchant.ApiKey))
        {
            LogRefusedLink();
            return PayerProblems.InvalidCodeUrlSignature();
        }

        if (merchant.ScanCallbackUrl is not { } callbackUrl)
        {
            return PayerProblems.NoScanCallback();
        }

        var callback = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["appid"] = appId,
            ["openid"] = SandboxIds.PayerOpenId(),
            ["mch_id"] = merchant.MchId,
            ["is_subscribe"] = "N",
            ["nonce_str"] = SandboxIds.NonceStr(),
            ["product_id"] = link["product_id"],
        };
        // The callback has no sign_type field: it is signed with the algorithm of the merchant's link (WeChat
        // knows the account's choice; the sandbox infers it from the link the merchant signed).
        var linkSignType = link["sign"].Length == 64 ? WeChatSignType.HmacSha256 : WeChatSignType.Md5;
        callback[SandboxSigner.SignField] = SandboxSigner.Sign(callback, merchant.ApiKey, linkSignType);

        Dictionary<string, string> reply;
        try
        {
            reply = await PostAsync(callbackUrl, WeChatXml.Write(callback), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or WeChatXmlException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return PayerProblems.ScanCallbackFailed($"The scan callback did not answer with WeChat XML: {ex.GetType().Name}.");
        }

        if (!reply.TryGetValue("return_code", out var returnCode) || returnCode != WeChatReplies.Success)
        {
            return PayerProblems.ScanCallbackFailed($"The scan callback answered return_code {returnCode ?? "(none)"}.");
        }

        if (!SandboxSigner.VerifyAnyType(reply, merchant.ApiKey))
        {
            return PayerProblems.ScanCallbackFailed("The scan callback's reply is not signed with the merchant's key.");
        }

        if (reply.GetValueOrDefault("result_code") != WeChatReplies.Success)
        {
            return PayerProblems.MerchantRefused(reply.GetValueOrDefault("err_code_des"));
        }

        var order = reply.TryGetValue("prepay_id", out var prepayId) ? orders.FindByPrepayId(prepayId) : null;
        return order is null ? PayerProblems.UnknownPrepayId() : payer.Pay(order, sendNotify);
    }

    private async Task<Dictionary<string, string>> PostAsync(Uri url, string xml, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.NotifyTimeout);
        using var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        using var response = await httpClients.CreateClient(NotifyPoster.HttpClientName).PostAsync(url, content, deadline.Token).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
        return WeChatXml.Parse(await BoundedBody.ReadAsync(stream, MaxReplyBytes, deadline.Token).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Sandbox payer refused a product link whose sign does not verify.")]
    private partial void LogRefusedLink();
}
