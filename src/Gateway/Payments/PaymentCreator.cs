using System.Diagnostics;
using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Payments;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Store;
using Gateway.Sync;
using Microsoft.Extensions.Options;

namespace Gateway.Payments;

/// <summary>
/// <c>POST /v1/payments</c>: validate, route, write the pending row, then place the order with the
/// provider. The row is written before the provider is called, so a crash in between loses nothing:
/// the pending payment is found and synced later.
/// </summary>
internal sealed partial class PaymentCreator
{
    private readonly IPaymentStore _store;
    private readonly GatewaySnapshotProvider _snapshots;
    private readonly TimeProvider _time;
    private readonly GatewayOptions _options;
    private readonly SyncOptions _sync;
    private readonly ILogger<PaymentCreator> _logger;

    public PaymentCreator(
        IPaymentStore store, GatewaySnapshotProvider snapshots, TimeProvider time, IOptions<GatewayOptions> options, IOptions<SyncOptions> sync, ILogger<PaymentCreator> logger)
    {
        _store = store;
        _snapshots = snapshots;
        _time = time;
        _options = options.Value;
        _sync = sync.Value;
        _logger = logger;
    }

    public async Task<IResult> CreateAsync(string clientId, CreatePaymentBody body, CancellationToken cancellationToken)
    {
        var errors = body.Validate();
        if (errors.Count > 0)
        {
            return GatewayProblems.Invalid(errors);
        }

        using var activity = GatewayActivitySource.Instance.StartActivity("payment.create");
        var route = _snapshots.Current.Routes.Match(body.Channel!, clientId, body.Amount!.Value);
        if (route is null)
        {
            return GatewayProblems.Problem(StatusCodes.Status422UnprocessableEntity, GatewayProblems.ChannelNotRouted,
                "No route serves this channel.", $"No route serves channel '{body.Channel}' for this client and amount.");
        }

        var instance = route.Policy.Pick(route.Instances);
        var now = _time.GetUtcNow();
        var request = new CreatePaymentRequest
        {
            PaymentId = PaymentIds.NewPaymentId(now),
            Channel = body.Channel!,
            MerchantOrderId = body.MerchantOrderId!,
            Amount = body.Amount.Value,
            Currency = body.Currency!,
            Description = body.Description!,
            ClientIp = body.ClientIp!,
            PayerOpenId = body.Payer?.OpenId,
            CreatedAt = now,
            ExpiresAt = now.AddSeconds(body.ExpiresIn ?? _options.DefaultExpiresInSeconds),
            Metadata = body.Metadata ?? [],
        };
        activity?.SetTag("payment.id", request.PaymentId).SetTag("payment.channel", request.Channel)
            .SetTag("route.id", route.Config.Id).SetTag("provider.instance", instance.Name).SetTag("provider.plugin", instance.PluginName);

        if (instance.Instance.Validate(request) is { } invalid)
        {
            return GatewayProblems.Problem(StatusCodes.Status400BadRequest, GatewayProblems.InvalidRequest, "The request is invalid for this channel.",
                invalid.Message, new Dictionary<string, object?> { ["providerCode"] = invalid.Code });
        }

        var record = NewRecord(clientId, request, body.NotifyUrl, instance, now) with { NextSyncAt = now + _sync.EffectiveSchedule[0] };
        if (!await _store.TryInsertAsync(record, cancellationToken))
        {
            return GatewayProblems.Problem(StatusCodes.Status409Conflict, GatewayProblems.DuplicateMerchantOrder, "Duplicate merchant order.",
                $"This client already has a live payment for merchantOrderId '{request.MerchantOrderId}'.");
        }

        return await PlaceAsync(record, request, instance.Instance, cancellationToken);
    }

    private async Task<IResult> PlaceAsync(PaymentRecord record, CreatePaymentRequest request, IPaymentProvider provider, CancellationToken cancellationToken)
    {
        ProviderResult<CreatePaymentResult> result;
        try
        {
            result = await provider.CreateAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The provider may or may not have the order: keep it pending; query/sync settle it.
            Log.ProviderUnreachable(_logger, record.Id, record.ProviderInstance, ex.GetType().Name);
            return GatewayProblems.Problem(StatusCodes.Status502BadGateway, GatewayProblems.ProviderUnavailable, "The provider could not be reached.",
                "The payment is pending; its state will be confirmed with the provider.", new Dictionary<string, object?> { ["paymentId"] = record.Id });
        }

        var now = _time.GetUtcNow();
        if (result.Value is { } created)
        {
            await _store.SetActionAsync(record.Id, created.Action, created.ProviderReference, now, cancellationToken);
            var stored = record with { Action = created.Action, ProviderReference = created.ProviderReference };
            return Results.Created($"/v1/payments/{record.Id}", PaymentResponse.From(stored));
        }

        var error = result.Error!;
        await _store.TryTransitionAsync(
            new PaymentTransition(record.Id, [PaymentStatus.Pending], PaymentStatus.Failed) { ErrorCode = error.Code, ErrorMessage = error.Message },
            now, cancellationToken);
        Log.ProviderRefused(_logger, record.Id, record.ProviderInstance, error.Code);
        var (status, code) = error.Kind switch
        {
            ProviderErrorKind.Transient => (StatusCodes.Status502BadGateway, GatewayProblems.ProviderUnavailable),
            ProviderErrorKind.InvalidRequest => (StatusCodes.Status400BadRequest, GatewayProblems.InvalidRequest),
            _ => (StatusCodes.Status422UnprocessableEntity, GatewayProblems.ProviderRejected),
        };
        return GatewayProblems.Problem(status, code, "The provider refused the payment.",
            error.Message,
            new Dictionary<string, object?> { ["providerCode"] = error.Code, ["paymentId"] = record.Id });
    }

    private static PaymentRecord NewRecord(string clientId, CreatePaymentRequest request, string? notifyUrl, Plugins.ProviderInstanceState instance, DateTimeOffset now) => new()
    {
        Id = request.PaymentId,
        ClientId = clientId,
        MerchantOrderId = request.MerchantOrderId,
        Channel = request.Channel,
        ProviderInstance = instance.Name,
        Plugin = instance.PluginName,
        AppId = instance.Instance.Account.AppId,
        MerchantId = instance.Instance.Account.MerchantId,
        Amount = request.Amount,
        Currency = request.Currency,
        Description = request.Description,
        ClientIp = request.ClientIp,
        PayerOpenId = request.PayerOpenId,
        ProductId = request.ProductId,
        NotifyUrl = notifyUrl,
        Metadata = request.Metadata,
        Status = PaymentStatus.Pending,
        CreatedAt = now,
        UpdatedAt = now,
        ExpiresAt = request.ExpiresAt,
        TraceParent = Activity.Current?.Id,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Payment {PaymentId}: instance {Instance} could not be reached ({Error}); left pending")]
        public static partial void ProviderUnreachable(ILogger logger, string paymentId, string instance, string error);

        [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Payment {PaymentId}: instance {Instance} refused the order: {Code}")]
        public static partial void ProviderRefused(ILogger logger, string paymentId, string instance, string code);
    }
}
