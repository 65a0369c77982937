using System.Text.Json;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrokenPlugin;

/// <summary>A plugin that is correct except for the one fault its variant compiles in.</summary>
public sealed class BrokenPlugin : IGatewayPlugin
{
#if LEAKING
    // Started and never stopped: the timer queue keeps this plugin's code, and so its load context, alive.
    private static Timer? s_ticker;
#endif

#if MISNAMED
    public PluginDescriptor Descriptor { get; } = new("NotTheFolderName", "1.0.0", ["broken.qr"]);
#else
    public PluginDescriptor Descriptor { get; } = new(typeof(BrokenPlugin).Assembly.GetName().Name!, "1.0.0", ["broken.qr"]);
#endif

    public void ConfigureServices(IServiceCollection services)
    {
    }

    public void ValidateSettings(IConfiguration settings, ICollection<string> errors)
    {
        var merchantId = settings["MerchantId"];
        if (string.IsNullOrEmpty(merchantId))
        {
            errors.Add("MerchantId is required.");
        }
        else if (!merchantId.All(char.IsAsciiLetterOrDigit))
        {
#if ECHOING
            errors.Add($"MerchantId '{merchantId}' has characters other than letters and digits.");
#else
            errors.Add("MerchantId must be letters and digits.");
#endif
        }
    }

    public IProviderInstance CreateInstance(ProviderInstanceContext context)
    {
#if LEAKING
        s_ticker = new Timer(_ => GC.KeepAlive(this), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
#endif
        return new BrokenInstance(context.Settings["MerchantId"]!);
    }
}

#if TWIN
/// <summary>A second entry type: the host cannot tell which one to use.</summary>
public sealed class SecondPlugin : IGatewayPlugin
{
    public PluginDescriptor Descriptor { get; } = new("Second", "1.0.0", ["second.qr"]);

    public void ConfigureServices(IServiceCollection services)
    {
    }

    public void ValidateSettings(IConfiguration settings, ICollection<string> errors)
    {
    }

    public IProviderInstance CreateInstance(ProviderInstanceContext context) => throw new NotSupportedException();
}
#endif

internal sealed class BrokenInstance(string merchantId) : IProviderInstance
{
    public ProviderAccount Account { get; } = new(null, merchantId);

    public Task<ProviderResult<CreatePaymentResult>> CreateAsync(CreatePaymentRequest request, CancellationToken cancellationToken)
        => Task.FromResult(ProviderResult<CreatePaymentResult>.Success(new CreatePaymentResult(PaymentAction.QrCode("broken://" + request.PaymentId))));

    public Task<ProviderResult<PaymentQueryResult>> QueryAsync(PaymentQuery query, CancellationToken cancellationToken)
        => Task.FromResult(ProviderResult<PaymentQueryResult>.Success(new PaymentQueryResult(PaymentStatus.Pending, "PENDING")));

    public Task<ProviderResult<CloseResult>> CloseAsync(PaymentQuery query, CancellationToken cancellationToken)
        => Task.FromResult(ProviderResult<CloseResult>.Success(new CloseResult("CLOSED")));

    public ValueTask<NotifyParseResult> ParseNotifyAsync(NotifyRequest request, CancellationToken cancellationToken)
    {
#if THROWING
        // Parses before checking anything, and lets the parser's exception escape.
        using var json = JsonDocument.Parse(request.Body);
        _ = json.RootElement.GetProperty("sign").GetString();
#endif
        return ValueTask.FromResult<NotifyParseResult>(new NotifyParseResult.Rejected(NotifyRejections.BadSignature, "unsigned"));
    }

    public NotifyAck CreateAck(bool success, string? reason = null)
        => success ? new NotifyAck(200, "text/plain", "OK") : new NotifyAck(500, "text/plain", "FAIL");
}
