using System.Diagnostics;
using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Plugins;
using Gateway.Abstractions.Refunds;
using Gateway.WeChatPay;
using Gateway.WeChatPay.Models;
using Gateway.WeChatPay.Xml;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.WeChat.Common;

/// <summary>
/// One WeChat Pay v2 merchant account, whatever the channel: query, close, notify and its ack, error mapping
/// and the traced call wrapper live here once (partial files); a plugin only adds how it places an order and
/// its own routes. The JSAPI-type order (web pages and mini programs) is in <c>WeChatPayInstance.Jsapi.cs</c>.
/// </summary>
internal abstract partial class WeChatPayInstance : IProviderInstance, IRefundProvider
{
    /// <summary>Wires the account; <paramref name="options"/> must have passed validation.</summary>
    protected WeChatPayInstance(ProviderInstanceContext context, WeChatPayOptions options, HttpClient http, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Time = time ?? throw new ArgumentNullException(nameof(time));
        Logger = logger ?? throw new ArgumentNullException(nameof(logger));
        InstanceName = context.InstanceName;
        NotifyUrl = context.NotifyUrl;
        RefundNotifyUrl = context.RefundNotifyUrl;
        var certificate = ApiClientCertificate.Load(context.Settings, options.MchId, time.GetUtcNow());
        RefundsUnavailableReason = certificate.Problem;
        if (certificate.Problem is { } problem)
        {
            Log.RefundsDisabled(Logger, InstanceName, problem);
        }

        Client = new WeChatPayClient(http, options, time)
        {
            SecureHttpClient = certificate.CreateHttpClient(TimeSpan.FromSeconds(10)),
            SecureBaseUrl = context.Settings["SecureApiBaseUrl"] is { Length: > 0 } secure ? secure.Trim() : null,
        };
        Account = new ProviderAccount(options.AppId, options.MchId);
    }

    /// <inheritdoc />
    public ProviderAccount Account { get; }

    /// <summary>The v2 pay API of this account.</summary>
    protected WeChatPayClient Client { get; }

    /// <summary>The account's settings, API key included: never log them.</summary>
    protected WeChatPayOptions Options { get; }

    /// <summary>The clock.</summary>
    protected TimeProvider Time { get; }

    /// <summary>The instance's logger.</summary>
    protected ILogger Logger { get; }

    /// <summary>The instance name (the <c>{instance}</c> of its routes).</summary>
    protected string InstanceName { get; }

    /// <summary>Where WeChat posts payment notifies.</summary>
    protected Uri NotifyUrl { get; }

    /// <summary>Where WeChat posts refund notifies.</summary>
    protected Uri RefundNotifyUrl { get; }

    /// <inheritdoc />
    public string? RefundsUnavailableReason { get; }

    /// <inheritdoc />
    public abstract Task<ProviderResult<CreatePaymentResult>> CreateAsync(CreatePaymentRequest request, CancellationToken cancellationToken);

    /// <summary>The same local checks as <see cref="CreateAsync"/>, run by the host before anything is stored.</summary>
    public ProviderError? Validate(CreatePaymentRequest request) => Precheck(request ?? throw new ArgumentNullException(nameof(request)));

    /// <inheritdoc />
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    /// <inheritdoc />
    public NotifyAck CreateAck(bool success, string? reason = null)
    {
        var body = WeChatXml.Write(
        [
            new("return_code", success ? WeChatPayCodes.Success : WeChatPayCodes.Fail),
            new("return_msg", success ? "OK" : string.IsNullOrWhiteSpace(reason) ? "FAIL" : reason),
        ]);
        return new NotifyAck(200, "application/xml", body);
    }

    /// <summary>Records that an order was placed.</summary>
    protected void LogOrderPlaced(string paymentId) => Log.OrderPlaced(Logger, paymentId, InstanceName);

    /// <summary>Runs one WeChat call inside a span, turning untrusted replies and FAIL codes into errors.</summary>
    protected async Task<WeChatCall<TReply>> CallAsync<TReply>(string operation, string paymentId, Func<Task<TReply>> call)
        where TReply : WeChatPayResponse
    {
        using var activity = GatewayActivitySource.Instance.StartActivity("wechatpay " + operation, ActivityKind.Client);
        activity?.SetTag("payment.id", paymentId);
        activity?.SetTag("provider.instance", InstanceName);
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
            Log.ProviderRefused(Logger, operation, InstanceName, paymentId, error.Code, error.Kind);
            return new(reply, error);
        }
        catch (WeChatPayReplyException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Code);
            Log.UntrustedReply(Logger, operation, InstanceName, paymentId, ex.Code);
            return new(null, WeChatErrors.From(ex));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // Transport failures propagate (the host treats them as transient); only record them here.
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            Log.TransportFailed(Logger, operation, InstanceName, paymentId, ex.GetType().Name);
            throw;
        }
    }
}
