using System.Diagnostics;
using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Payments;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Plugins;
using Gateway.Routing;
using Gateway.Telemetry;
using Gateway.Store;
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
    private readonly ILogger<PaymentCreator> _logger;
    private readonly GatewayMetrics _metrics;
    private readonly ProviderCallObserver _calls;

    public PaymentCreator(
        IPaymentStore store, GatewaySnapshotProvider snapshots, TimeProvider time, IOptions<GatewayOptions> options, ILogger<PaymentCreator> logger,
        GatewayMetrics metrics, ProviderCallObserver calls)
    {
        _store = store;
        _snapshots = snapshots;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _metrics = metrics;
        _calls = calls;
    }

    public async Task<IResult> CreateAsync(string clientId, CreatePaymentBody body, CancellationToken cancellationToken)
    {
        var errors = body.Validate();
        if (errors.Count > 0)
        {
            return GatewayProblems.Invalid(errors);
        }

        using var activity = GatewayActivitySource.Instance.StartActivity(GatewayActivities.Create);
        if (Route(clientId, body) is not { } routed)
        {
            // The channel is caller text: it is not a metric tag until a route has vouched for it.
            _metrics.PaymentCreated("unrouted", null, "not_routed");
            activity?.SetTag("outcome", "not_routed");
            return GatewayProblems.Problem(StatusCodes.Status422UnprocessableEntity, GatewayProblems.ChannelNotRouted,
                "No route serves this channel.", $"No route serves channel '{body.Channel}' for this client and amount.");
        }

        var (route, instance) = routed;
        var now = _time.GetUtcNow();
        var request = new CreatePaymentRequest
        {
            PaymentId = PaymentIds.NewPaymentId(now),
            Channel = body.Channel!,
            MerchantOrderId = body.MerchantOrderId!,
            Amount = body.Amount!.Value,
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
        using var scope = PaymentLogScope.Begin(_logger, request.PaymentId);

        if (instance.Instance.Validate(request) is { } invalid)
        {
            Record(activity, request.Channel, instance.Name, "invalid_request");
            return GatewayProblems.Problem(StatusCodes.Status400BadRequest, GatewayProblems.InvalidRequest, "The request is invalid for this channel.",
                invalid.Message, new Dictionary<string, object?> { ["providerCode"] = invalid.Code });
        }

        var record = NewRecord(clientId, request, body.NotifyUrl, instance, now);
        if (!await _store.TryInsertAsync(record, cancellationToken))
        {
            Record(activity, request.Channel, instance.Name, "duplicate");
            return GatewayProblems.Problem(StatusCodes.Status409Conflict, GatewayProblems.DuplicateMerchantOrder, "Duplicate merchant order.",
                $"This client already has a live payment for merchantOrderId '{request.MerchantOrderId}'.");
        }

        return await PlaceAsync(activity, record, request, instance, cancellationToken);
    }

    /// <summary>Matches a route and picks its instance, in a span of its own so routing decisions show in traces.</summary>
    private (RouteState Route, ProviderInstanceState Instance)? Route(string clientId, CreatePaymentBody body)
    {
        using var activity = GatewayActivitySource.Instance.StartActivity(GatewayActivities.Route);
        activity?.SetTag("client.id", clientId);
        var route = _snapshots.Current.Routes.Match(body.Channel!, clientId, body.Amount!.Value);
        if (route is null)
        {
            activity?.SetTag("outcome", "not_routed");
            return null;
        }

        var instance = route.Policy.Pick(route.Instances);
        activity?.SetTag("payment.channel", body.Channel).SetTag("route.id", route.Config.Id).SetTag("route.policy", route.Policy.Name)
            .SetTag("provider.instance", instance.Name).SetTag("outcome", "routed");
        return (route, instance);
    }

    private void Record(Activity? activity, string channel, string instance, string outcome)
    {
        _metrics.PaymentCreated(channel, instance, outcome);
        activity?.SetTag("outcome", outcome);
        if (outcome != "created")
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
        }
    }

    private async Task<IResult> PlaceAsync(Activity? activity, PaymentRecord record, CreatePaymentRequest request, ProviderInstanceState instance, CancellationToken cancellationToken)
    {
        ProviderResult<CreatePaymentResult> result;
        try
        {
            result = await _calls.CallAsync(instance, "create", record.Id, () => instance.Instance.CreateAsync(request, cancellationToken));
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The provider may or may not have the order: keep it pending; query/sync settle it.
            Record(activity, record.Channel, record.ProviderInstance, "unreachable");
            Log.ProviderUnreachable(_logger, record.Id, record.ProviderInstance, ex.GetType().Name);
            return GatewayProblems.Problem(StatusCodes.Status502BadGateway, GatewayProblems.ProviderUnavailable, "The provider could not be reached.",
                "The payment is pending; its state will be confirmed with the provider.", new Dictionary<string, object?> { ["paymentId"] = record.Id });
        }

        var now = _time.GetUtcNow();
        if (result.Value is { } created)
        {
            await _store.SetActionAsync(record.Id, created.Action, created.ProviderReference, now, cancellationToken);
            var stored = record with { Action = created.Action, ProviderReference = created.ProviderReference };
            Record(activity, record.Channel, record.ProviderInstance, "created");
            return Results.Created($"/v1/payments/{record.Id}", PaymentResponse.From(stored));
        }

        var error = result.Error!;
        await _store.TryTransitionAsync(
            new PaymentTransition(record.Id, [PaymentStatus.Pending], PaymentStatus.Failed) { ErrorCode = error.Code, ErrorMessage = error.Message },
            now, cancellationToken);
        Log.ProviderRefused(_logger, record.Id, record.ProviderInstance, error.Code);
        Record(activity, record.Channel, record.ProviderInstance, error.Kind == ProviderErrorKind.Transient ? "provider_unavailable" : "provider_rejected");
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

    private static PaymentRecord NewRecord(string clientId, CreatePaymentRequest request, string? notifyUrl, ProviderInstanceState instance, DateTimeOffset now) => new()
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
