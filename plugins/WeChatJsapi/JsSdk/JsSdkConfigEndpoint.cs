using Gateway.Plugins.WeChat.Common;
using Gateway.Plugins.WeChat.Common.Http;
using Gateway.Plugins.WeChat.Common.Tokens;
using Gateway.WeChatPay;
using Gateway.WeChatPay.Jsapi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.WeChatJsapi.JsSdk;

/// <summary>
/// <c>GET jssdk/config?url=…</c>: what a page passes to <c>wx.config</c> — <c>{ appId, timestamp, nonceStr, signature }</c>,
/// signed on the server over the page URL without its <c>#fragment</c> (docs/protocols.md §C4). The ticket never leaves.
/// </summary>
internal sealed partial class JsSdkConfigEndpoint(WeChatAppSettings app, JsapiTicketSource tickets, TimeProvider time, ILogger logger, string instanceName)
{
    private const int MaxUrlLength = 2048;

    public void Map(IEndpointRouteBuilder endpoints)
        => endpoints.MapGet("/jssdk/config", (string? url, CancellationToken cancellationToken) => GetAsync(url, cancellationToken));

    public async Task<IResult> GetAsync(string? url, CancellationToken cancellationToken)
    {
        if (url is null || url.Length > MaxUrlLength || !WeChatAppSettings.IsHttpUrl(url))
        {
            return WeChatProblems.Invalid("invalid_url", "url must be the page's absolute http(s) URL.");
        }

        string ticket;
        try
        {
            ticket = await tickets.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WeChatApiException ex)
        {
            Log.TicketRefused(logger, instanceName, ex.Operation, ex.ErrCode);
            return WeChatProblems.From(ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or WeChatPayReplyException or TokenUnavailableException)
        {
            Log.TicketUnavailable(logger, instanceName, ex.GetType().Name);
            return WeChatProblems.Unavailable("The jsapi_ticket could not be obtained; try again.");
        }

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var nonce = WeChatPayClient.NewNonce()[..16];
        return Results.Json(new JsSdkConfig(app.AppId, timestamp, nonce, JsSdkSignature.Compute(ticket, nonce, timestamp, url)));
    }

    private static partial class Log
    {
        [LoggerMessage(40, LogLevel.Warning, "wx.config on {Instance}: WeChat {Operation} refused with errcode {ErrCode}.")]
        public static partial void TicketRefused(ILogger logger, string instance, string operation, int errCode);

        [LoggerMessage(41, LogLevel.Warning, "wx.config on {Instance}: no jsapi_ticket ({ErrorType}).")]
        public static partial void TicketUnavailable(ILogger logger, string instance, string errorType);
    }
}

/// <summary>The <c>wx.config</c> fields (plus <c>jsApiList</c>, which the page chooses).</summary>
internal sealed record JsSdkConfig(string AppId, long Timestamp, string NonceStr, string Signature);
