using Gateway.Abstractions.Notify;
using Gateway.Configuration;

namespace Gateway.Notify;

/// <summary>
/// Stores a notify in the inbox before anything else, runs the pipeline, and records the outcome. Also
/// re-drives a stored notify for ops, through exactly the same pipeline.
/// </summary>
internal sealed partial class NotifyReceiver
{
    private readonly GatewaySnapshotProvider _snapshots;
    private readonly NotifyInbox _inbox;
    private readonly NotifyPipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly ILogger<NotifyReceiver> _logger;

    public NotifyReceiver(GatewaySnapshotProvider snapshots, NotifyInbox inbox, NotifyPipeline pipeline, TimeProvider time, ILogger<NotifyReceiver> logger)
    {
        _snapshots = snapshots;
        _inbox = inbox;
        _pipeline = pipeline;
        _time = time;
        _logger = logger;
    }

    /// <summary>Handles a received notify; null when the instance is unknown.</summary>
    public async Task<NotifyResult?> ReceiveAsync(string instanceName, NotifyRequest request, CancellationToken cancellationToken)
    {
        if (!_snapshots.Current.Instances.TryGetValue(instanceName, out var instance))
        {
            return null;
        }

        string inboxId;
        try
        {
            inboxId = await _inbox.AddAsync(instanceName, request.Kind.ToString(), request.ContentType, request.Headers, request.Body.ToArray(), _time.GetUtcNow(), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not stored, so not processed: FAIL makes the provider send it again.
            Log.NotStored(_logger, instanceName, ex);
            return new NotifyResult(instance.Instance.CreateAck(NotifyAckOutcome.Retry, "temporary failure"), "error", null);
        }

        return await RunAsync(inboxId, instanceName, request, cancellationToken);
    }

    /// <summary>Runs a stored notify through the pipeline again (after ops fixed a configuration mistake).</summary>
    public async Task<NotifyResult?> RedriveAsync(string inboxId, CancellationToken cancellationToken)
    {
        if (await _inbox.GetAsync(inboxId, cancellationToken) is not { } entry || !Enum.TryParse<NotifyKind>(entry.Kind, out var kind))
        {
            return null;
        }

        return await RunAsync(inboxId, entry.Instance, new NotifyRequest(kind, entry.Body, entry.ContentType, entry.Headers), cancellationToken);
    }

    private async Task<NotifyResult?> RunAsync(string inboxId, string instanceName, NotifyRequest request, CancellationToken cancellationToken)
    {
        if (!_snapshots.Current.Instances.TryGetValue(instanceName, out var instance))
        {
            return null;
        }

        NotifyResult result;
        try
        {
            result = await _pipeline.HandleAsync(instance, request, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Store, Redis or plugin failure: answer FAIL so the provider retries once we are healthy again.
            Log.Failed(_logger, instanceName, inboxId, ex);
            result = new NotifyResult(instance.Instance.CreateAck(NotifyAckOutcome.Retry, "temporary failure"), "error", null);
        }

        try
        {
            await _inbox.SetOutcomeAsync(inboxId, result.Outcome, result.PaymentId, _time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The outcome is bookkeeping; the payment state is already durable (or untouched).
            Log.OutcomeNotRecorded(_logger, inboxId, ex);
        }

        return result;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 403, Level = LogLevel.Error, Message = "Notify {InboxId} for instance {Instance} failed; answered FAIL so the provider retries")]
        public static partial void Failed(ILogger logger, string instance, string inboxId, Exception exception);

        [LoggerMessage(EventId = 405, Level = LogLevel.Error, Message = "Notify for instance {Instance} could not be stored; answered FAIL so the provider retries")]
        public static partial void NotStored(ILogger logger, string instance, Exception exception);

        [LoggerMessage(EventId = 404, Level = LogLevel.Warning, Message = "Notify {InboxId}: outcome not recorded")]
        public static partial void OutcomeNotRecorded(ILogger logger, string inboxId, Exception exception);
    }
}
