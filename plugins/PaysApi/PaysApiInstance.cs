using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Plugins;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.PaysApi;

/// <summary>One PaysAPI account serving <c>paysapi.alipay</c> and <c>paysapi.wechat</c>. The operations live in the partial files.</summary>
internal sealed partial class PaysApiInstance : IProviderInstance
{
    private readonly PaysApiOptions _options;
    private readonly HttpClient _http;
    private readonly IPaymentDirectory _payments;
    private readonly ILogger _logger;
    private readonly string _instanceName;
    private readonly Uri _notifyUrl;
    private readonly Uri _pluginBaseUrl;

    public PaysApiInstance(ProviderInstanceContext context, PaysApiOptions options, HttpClient http, IPaymentDirectory payments, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _payments = payments ?? throw new ArgumentNullException(nameof(payments));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _instanceName = context.InstanceName;
        _notifyUrl = context.NotifyUrl;
        _pluginBaseUrl = context.PluginBaseUrl;

        // PaysAPI has no app id; the uid is the account, and every notify is checked against it.
        Account = new ProviderAccount(null, options.Uid);
    }

    public ProviderAccount Account { get; }

    /// <summary>
    /// The official demos print <c>success</c> on success (some print <c>SUCCESS</c>), anything else on
    /// failure; plain <c>success</c> over HTTP 200 is the safe answer (docs/protocols.md §E4).
    /// </summary>
    public NotifyAck CreateAck(bool success, string? reason = null)
        => new(200, "text/plain; charset=utf-8", success ? "success" : "fail");
}
