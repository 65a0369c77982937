using System.Diagnostics;
using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Payments;
using Gateway.Checkout;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Plugins;
using Gateway.Routing;
using Gateway.Security;
using Gateway.Store;
using Gateway.Sync;
using Gateway.Telemetry;
using Microsoft.Extensions.Options;

namespace Gateway.Payments;

/// <summary>
/// <c>POST /v1/payments</c>: validate, route, write the pending row, then place the order with the
/// provider. The row is written before the provider is called, so a crash in between loses nothing:
/// the pending payment is found and synced later.
/// </summary>
/// <remarks>
/// A transient failure benches the instance (<see cref="InstanceHealth"/>). On a
/// <see cref="RoutingPolicies.Failover"/> route, a create that failed before the provider accepted
/// anything (a transient provider error, or a connection that could not be made) is retried ONCE on the
/// next instance under a NEW payment id: the first row names its instance (order affinity) and is marked
/// failed, so it never moves and the merchant order id is free again. A timeout is not retried: the
/// provider may have the order, so that payment stays pending for sync.
/// </remarks>
internal sealed partial class PaymentCreator
{
    private readonly IPaymentStore _store;
    private readonly ClientWebhookUrls _webhookUrls;
    private readonly GatewaySnapshotProvider _snapshots;
    private readonly RouteInstancePicker _picker;
    private readonly InstanceHealth _health;
    private readonly TimeProvider _time;
    private readonly GatewayOptions _options;
    private readonly SyncOptions _sync;
    private readonly ILogger<PaymentCreator> _logger;
    private readonly GatewayMetrics _metrics;
    private readonly ProviderCallObserver _calls;
    private readonly CheckoutLinks _checkout;
    private readonly CheckoutChoices _choices;

    public PaymentCreator(
        IPaymentStore store, GatewaySnapshotProvider snapshots, RouteInstancePicker picker, InstanceHealth health, TimeProvider time,
        IOptions<GatewayOptions> options, IOptions<SyncOptions> sync, ILogger<PaymentCreator> logger, GatewayMetrics metrics, ProviderCallObserver calls,
        ClientWebhookUrls webhookUrls, CheckoutLinks checkout, CheckoutChoices choices)
    {
        _checkout = checkout;
        _choices = choices;
        _webhookUrls = webhookUrls;
        _store = store;
        _snapshots = snapshots;
        _picker = picker;
        _health = health;
        _time = time;
        _options = options.Value;
        _sync = sync.Value;
        _logger = logger;
        _metrics = metrics;
        _calls = calls;
    }

    public async Task<IResult> CreateAsync(string clientId, CreatePaymentBody body, CancellationToken cancellationToken)
    {
        var errors = body.Validate();
        _webhookUrls.Check(clientId, body.NotifyUrl, errors);
        errors.AddProblem("returnUrl", ReturnUrlRule.Check(body.ReturnUrl, _options.TestMode));
        if (errors.Count > 0)
        {
            return GatewayProblems.Invalid(errors);
        }

        using var activity = GatewayActivitySource.Instance.StartActivity(GatewayActivities.Create);
        if (body.Channel == CheckoutChoices.Any)
        {
            return await CreateAggregatedAsync(clientId, body, activity, cancellationToken);
        }

        if (Route(clientId, body) is not { } routed)
        {
            // The channel is caller text: it is not a metric tag until a route has vouched for it.
            _metrics.PaymentCreated("unrouted", null, "not_routed");
            activity?.SetTag("outcome", "not_routed");
            return GatewayProblems.Problem(StatusCodes.Status422UnprocessableEntity, GatewayProblems.ChannelNotRouted,
                "No route serves this channel.", $"No route serves channel '{body.Channel}' for this client and amount.");
        }

        var (route, instance) = routed;
        var attempt = await AttemptAsync(clientId, body, null, route.Config.Id, instance, activity, cancellationToken);
        if (attempt.FailedBeforeAccepted && route.Policy.Name == RoutingPolicies.Failover && _picker.Pick(route, exclude: instance) is { } next)
        {
            Log.FailingOver(_logger, route.Config.Id, instance.Name, next.Name);
            attempt = await AttemptAsync(clientId, body, null, route.Config.Id, next, activity, cancellationToken);
        }

        return attempt.Result;
    }

    /// <summary>
    /// The same create path for a payment whose instance is already decided (a scanned product code names the
    /// instance that signed it): validate, write the pending row, place the order. No routing, no failover: the
    /// provider's callback came to this instance and must be answered by it.
    /// </summary>
    public async Task<CreateAttempt> CreateOnInstanceAsync(string clientId, CreatePaymentBody body, string productId, string instanceName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = body.Validate();
        if (errors.Count > 0)
        {
            return new(GatewayProblems.Invalid(errors), false);
        }

        using var activity = GatewayActivitySource.Instance.StartActivity(GatewayActivities.Create);
        if (!_snapshots.Current.Instances.TryGetValue(instanceName, out var instance))
        {
            activity?.SetTag("outcome", "not_routed");
            return new(GatewayProblems.Problem(StatusCodes.Status422UnprocessableEntity, GatewayProblems.ChannelNotRouted,
                "The provider instance is not configured.", $"Instance '{instanceName}' is not configured."), false);
        }

        return await AttemptAsync(clientId, body, productId, null, instance, activity, cancellationToken);
    }

    private async Task<CreateAttempt> AttemptAsync(
        string clientId, CreatePaymentBody body, string? productId, string? routeId, ProviderInstanceState instance, Activity? activity, CancellationToken cancellationToken)
    {
        // Millisecond precision, as the store keeps it, so the create answer and later reads agree.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());
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
            PayerSessionToken = body.Payer?.SessionToken,
            ProductId = productId,
            CreatedAt = now,
            ExpiresAt = now.AddSeconds(body.ExpiresIn ?? _options.DefaultExpiresInSeconds),
            Metadata = body.Metadata ?? [],
        };
        activity?.SetTag("payment.id", request.PaymentId).SetTag("payment.channel", request.Channel)
            .SetTag("route.id", routeId).SetTag("provider.instance", instance.Name).SetTag("provider.plugin", instance.PluginName);
        using var scope = PaymentLogScope.Begin(_logger, request.PaymentId);

        if (instance.Instance.Validate(request) is { } invalid)
        {
            Record(activity, request.Channel, instance.Name, "invalid_request");
            return new(GatewayProblems.Problem(StatusCodes.Status400BadRequest, GatewayProblems.InvalidRequest, "The request is invalid for this channel.",
                invalid.Message, new Dictionary<string, object?> { ["providerCode"] = invalid.Code }), false);
        }

        var record = NewRecord(clientId, request, body.NotifyUrl, instance, now) with { NextSyncAt = now + _sync.EffectiveSchedule[0], ReturnUrl = body.ReturnUrl };
        if (!await _store.TryInsertAsync(record, cancellationToken))
        {
            Record(activity, request.Channel, instance.Name, "duplicate");
            return new(GatewayProblems.Problem(StatusCodes.Status409Conflict, GatewayProblems.DuplicateMerchantOrder, "Duplicate merchant order.",
                $"This client already has a live payment for merchantOrderId '{request.MerchantOrderId}'."), false);
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

        // Null only when the route has no live instance left (every one inactive).
        if (_picker.Pick(route) is not { } instance)
        {
            activity?.SetTag("outcome", "not_routed");
            return null;
        }

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

    private async Task<CreateAttempt> PlaceAsync(Activity? activity, PaymentRecord record, CreatePaymentRequest request, ProviderInstanceState instance, CancellationToken cancellationToken)
    {
        ProviderResult<CreatePaymentResult> result;
        try
        {
            result = await _calls.CallAsync(instance, "create", record.Id, () => instance.Instance.CreateAsync(request, cancellationToken));
        }
        catch (HttpRequestException ex) when (NothingWasSent(ex))
        {
            // No connection was made, so the provider has no order: this payment failed, and another instance may take it.
            _health.Bench(record.ProviderInstance, ex.HttpRequestError.ToString());
            result = new ProviderError(ProviderErrorKind.Transient, "PROVIDER_UNREACHABLE", "The provider could not be reached.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The provider may or may not have the order: keep it pending; query/sync settle it.
            _health.Bench(record.ProviderInstance, ex.GetType().Name);
            Record(activity, record.Channel, record.ProviderInstance, "unreachable");
            Log.ProviderUnreachable(_logger, record.Id, record.ProviderInstance, ex.GetType().Name);
            return new(GatewayProblems.Problem(StatusCodes.Status502BadGateway, GatewayProblems.ProviderUnavailable, "The provider could not be reached.",
                "The payment is pending; its state will be confirmed with the provider.", new Dictionary<string, object?> { ["paymentId"] = record.Id }), false);
        }

        // What the provider answered is recorded even if the caller has gone meanwhile: else the payment would stay
        // pending without its payer action (no QR for anyone), or pending although the provider refused it.
        var now = _time.GetUtcNow();
        if (result.Value is { } created)
        {
            await _store.SetActionAsync(record.Id, created.Action, created.ProviderReference, now, CancellationToken.None);
            var stored = record with { Action = created.Action, ProviderReference = created.ProviderReference };
            Record(activity, record.Channel, record.ProviderInstance, "created");
            return new(Results.Created($"/v1/payments/{record.Id}", PaymentResponse.From(stored, _checkout)), false) { Placed = stored };
        }

        var error = result.Error!;
        if (error.Kind == ProviderErrorKind.Transient)
        {
            _health.Bench(record.ProviderInstance, error.Code);
        }

        await _store.TryTransitionAsync(
            new PaymentTransition(record.Id, [PaymentStatus.Pending], PaymentStatus.Failed) { ErrorCode = error.Code, ErrorMessage = error.Message },
            now, CancellationToken.None);
        Log.ProviderRefused(_logger, record.Id, record.ProviderInstance, error.Code);
        Record(activity, record.Channel, record.ProviderInstance, error.Kind == ProviderErrorKind.Transient ? "provider_unavailable" : "provider_rejected");
        var (status, code) = error.Kind switch
        {
            ProviderErrorKind.Transient => (StatusCodes.Status502BadGateway, GatewayProblems.ProviderUnavailable),
            ProviderErrorKind.InvalidRequest => (StatusCodes.Status400BadRequest, GatewayProblems.InvalidRequest),
            _ => (StatusCodes.Status422UnprocessableEntity, GatewayProblems.ProviderRejected),
        };
        return new(GatewayProblems.Problem(status, code, "The provider refused the payment.",
            error.Message,
            new Dictionary<string, object?> { ["providerCode"] = error.Code, ["paymentId"] = record.Id }), error.Kind == ProviderErrorKind.Transient);
    }

    private static bool NothingWasSent(HttpRequestException ex)
        => ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;

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

        [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Route {Route}: instance {Failed} failed before accepting the order; retrying once on {Next} under a new payment id")]
        public static partial void FailingOver(ILogger logger, string route, string failed, string next);
    }

    /// <summary>The answer of one attempt, and whether it failed before the provider accepted anything.</summary>
    internal sealed record CreateAttempt(IResult Result, bool FailedBeforeAccepted)
    {
        /// <summary>The stored payment when the provider placed the order.</summary>
        public PaymentRecord? Placed { get; init; }
    }
}
