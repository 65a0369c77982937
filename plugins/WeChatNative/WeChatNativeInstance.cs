using System.Diagnostics;
using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Plugins;
using Gateway.WeChatPay;
using Gateway.WeChatPay.Models;
using Gateway.WeChatPay.Xml;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.WeChatNative;

/// <summary>One WeChat merchant account serving <c>wechat.native</c>. The operations live in the partial files.</summary>
internal sealed partial class WeChatNativeInstance : IProviderInstance
{
    private readonly WeChatPayClient _client;
    private readonly WeChatPayOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _instanceName;
    private readonly Uri _notifyUrl;

    public WeChatNativeInstance(ProviderInstanceContext context, WeChatPayOptions options, HttpClient http, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _instanceName = context.InstanceName;
        _notifyUrl = context.NotifyUrl;
        _client = new WeChatPayClient(http, options, time);
        Account = new ProviderAccount(options.AppId, options.MchId);
    }

    public ProviderAccount Account { get; }

    public NotifyAck CreateAck(bool success, string? reason = null)
    {
        var body = WeChatXml.Write(
        [
            new("return_code", success ? WeChatPayCodes.Success : WeChatPayCodes.Fail),
            new("return_msg", success ? "OK" : string.IsNullOrWhiteSpace(reason) ? "FAIL" : reason),
        ]);
        return new NotifyAck(200, "application/xml", body);
    }

    /// <summary>Runs one WeChat call inside a span, turning untrusted replies and FAIL codes into errors.</summary>
    private async Task<WeChatCall<TReply>> CallAsync<TReply>(
        string operation, string paymentId, Func<Task<TReply>> call)
        where TReply : WeChatPayResponse
    {
        using var activity = GatewayActivitySource.Instance.StartActivity("wechatpay " + operation, ActivityKind.Client);
        activity?.SetTag("payment.id", paymentId);
        activity?.SetTag("provider.instance", _instanceName);
        try
        {
            var reply = await call().ConfigureAwait(false);
            activity?.SetTag("wechatpay.return_code", reply.ReturnCode);
            activity?.SetTag("wechatpay.result_code", reply.ResultCode);
            if (reply.IsSuccess)
            {
                return new(reply, null);
            }

            var error = WeChatErrors.From(reply);
            activity?.SetTag("wechatpay.err_code", error.Code);
            activity?.SetStatus(ActivityStatusCode.Error, error.Code);
            Log.ProviderRefused(_logger, operation, _instanceName, paymentId, error.Code, error.Kind);
            return new(reply, error);
        }
        catch (WeChatPayReplyException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Code);
            Log.UntrustedReply(_logger, operation, _instanceName, paymentId, ex.Code);
            return new(null, WeChatErrors.From(ex));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // Transport failures propagate (the host treats them as transient); only record them here.
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            Log.TransportFailed(_logger, operation, _instanceName, paymentId, ex.GetType().Name);
            throw;
        }
    }
}
