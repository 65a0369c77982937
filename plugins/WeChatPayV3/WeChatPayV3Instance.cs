using System.Diagnostics;
using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Plugins;
using Gateway.WeChatPayV3;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.WeChatPayV3;

/// <summary>
/// One APIv3 merchant account under one app id. The operations are one file each, named like WeChat's v3 docs:
/// <c>Transactions/Native.cs</c>, <c>Jsapi.cs</c>, <c>H5.cs</c>, <c>QueryByOutTradeNo.cs</c>, <c>Close.cs</c>,
/// <c>Refunds/Create.cs</c>, <c>Refunds/QueryByOutRefundNo.cs</c>, and <c>Notify/TransactionSuccess.cs</c>, <c>Notify/Refund.cs</c>.
/// </summary>
internal sealed partial class WeChatPayV3Instance : IProviderInstance, IDisposable
{
    private readonly WeChatPayV3Settings _settings;
    private readonly WeChatPayV3Client _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _instanceName;
    private readonly Uri _notifyUrl;

    public WeChatPayV3Instance(ProviderInstanceContext context, WeChatPayV3Settings settings, HttpClient http, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _client = new WeChatPayV3Client(http, settings.Options, time);
        _instanceName = context.InstanceName;
        _notifyUrl = context.NotifyUrl;
        Account = new ProviderAccount(settings.AppId, settings.Options.MchId);
    }

    /// <inheritdoc />
    public ProviderAccount Account { get; }

    /// <inheritdoc />
    public ProviderError? Validate(CreatePaymentRequest request) => Precheck(request ?? throw new ArgumentNullException(nameof(request)));

    /// <inheritdoc />
    public Task<ProviderResult<CreatePaymentResult>> CreateAsync(CreatePaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Channel switch
        {
            Channels.Native => NativeAsync(request, cancellationToken),
            Channels.Jsapi => JsapiAsync(request, PaymentActionTypes.Jsapi, includeAppId: true, cancellationToken),
            Channels.MiniProgram => JsapiAsync(request, PaymentActionTypes.MiniProgram, includeAppId: false, cancellationToken),
            Channels.H5 => H5Async(request, cancellationToken),
            _ => Task.FromResult<ProviderResult<CreatePaymentResult>>(
                V3Errors.Invalid("UNSUPPORTED_CHANNEL", $"Channel '{request.Channel}' is not served by WeChat Pay APIv3.")),
        };
    }

    /// <summary>The v3 acknowledgement when only success is known: 200, or 500 (WeChat resends).</summary>
    public NotifyAck CreateAck(bool success, string? reason = null)
        => CreateAck(success ? NotifyAckOutcome.Received : NotifyAckOutcome.Retry, reason);

    /// <summary>
    /// The v3 acknowledgement: the status decides (2xx received; 4xx/5xx resend), the body explains. A notify refused
    /// for what it is (forged, malformed, unsupported) is a 400; one we could not apply (unknown order, disagreement,
    /// an outage) a 500. REF: docs/protocols.md §G3.g.
    /// </summary>
    public NotifyAck CreateAck(NotifyAckOutcome outcome, string? reason)
    {
        if (outcome == NotifyAckOutcome.Received)
        {
            return new NotifyAck(200, "application/json", "{\"code\":\"SUCCESS\"}");
        }

        var status = outcome == NotifyAckOutcome.Refused ? 400 : 500;
        var message = string.IsNullOrWhiteSpace(reason) ? "FAIL" : reason;
        return new NotifyAck(status, "application/json",
            $"{{\"code\":\"FAIL\",\"message\":{System.Text.Json.JsonSerializer.Serialize(message, NotifyJson.Default.String)}}}");
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    // Runs one call in a span; refusals become errors, an untrusted reply a transient error, transport failures propagate.
    private async Task<ProviderResult<T>> CallAsync<T>(string operation, string paymentId, Func<Task<WeChatPayV3Result<T>>> call, bool allowEmpty = false)
        where T : class
    {
        using var activity = GatewayActivitySource.Instance.StartActivity("wechatpay.v3 " + operation, ActivityKind.Client);
        activity?.SetTag("payment.id", paymentId);
        activity?.SetTag("provider.instance", _instanceName);
        try
        {
            var reply = await call().ConfigureAwait(false);
            activity?.SetTag("http.response.status_code", reply.StatusCode);
            if (reply.Succeeded && (reply.Value is not null || allowEmpty))
            {
                return ProviderResult<T>.Success(reply.Value!);
            }

            var error = reply.Succeeded ? V3Errors.EmptyReply() : V3Errors.From(reply.StatusCode, reply.Error);
            activity?.SetStatus(ActivityStatusCode.Error, error.Code);
            Log.ProviderRefused(_logger, operation, _instanceName, paymentId, error.Code, error.Kind);
            return error;
        }
        catch (WeChatPayV3ReplyException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Code);
            Log.UntrustedReply(_logger, operation, _instanceName, paymentId, ex.Code);
            return new ProviderError(ProviderErrorKind.Transient, ex.Code, ex.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            Log.TransportFailed(_logger, operation, _instanceName, paymentId, ex.GetType().Name);
            throw;
        }
    }
}
