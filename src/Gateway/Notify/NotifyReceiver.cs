using System.Runtime.InteropServices;
using System.Text.Json;
using Gateway.Abstractions.Notify;
using Gateway.Configuration;

namespace Gateway.Notify;

/// <summary>
/// Receives a notify: the plugin verifies and parses it first (CPU only, nothing stored yet). One that fails
/// verification is answered FAIL and only sampled (<see cref="NotifyRejectionLog"/>): its body is anyone's. A
/// verified one runs through the pipeline with its inbox row riding on the transition it causes, so a first
/// notify is one transaction and one commit; a duplicate's row is written off the request path
/// (<see cref="NotifyInboxRecorder"/>); any other outcome's row is written before answering. Also re-drives
/// a stored notify for ops, through exactly the same pipeline.
/// </summary>
internal sealed partial class NotifyReceiver
{
    private readonly GatewaySnapshotProvider _snapshots;
    private readonly NotifyInbox _inbox;
    private readonly NotifyPipeline _pipeline;
    private readonly NotifyRejectionLog _rejections;
    private readonly NotifyInboxRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly ILogger<NotifyReceiver> _logger;

    public NotifyReceiver(
        GatewaySnapshotProvider snapshots, NotifyInbox inbox, NotifyPipeline pipeline, NotifyRejectionLog rejections, NotifyInboxRecorder recorder,
        TimeProvider time, ILogger<NotifyReceiver> logger)
    {
        _snapshots = snapshots;
        _inbox = inbox;
        _pipeline = pipeline;
        _rejections = rejections;
        _recorder = recorder;
        _time = time;
        _logger = logger;
    }

    /// <summary>Handles a received notify from <paramref name="sourceIp"/>; null when the instance is unknown.</summary>
    public async Task<NotifyResult?> ReceiveAsync(string instanceName, NotifyRequest request, string sourceIp, CancellationToken cancellationToken)
    {
        if (!_snapshots.Current.Instances.TryGetValue(instanceName, out var instance))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var kind = request.Kind.ToString();
        NotifyParseResult parsed;
        try
        {
            parsed = await instance.Instance.ParseNotifyAsync(request, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not verified (a plugin or certificate download failure): FAIL makes the provider send it again.
            Log.Failed(_logger, instanceName, "(not stored)", ex);
            _rejections.Sample(instanceName, kind, sourceIp, "error", request.Body.Span, now);
            return new NotifyResult(instance.Instance.CreateAck(NotifyAckOutcome.Retry, "temporary failure"), "error", null);
        }

        if (parsed is NotifyParseResult.Rejected)
        {
            var rejected = await _pipeline.HandleAsync(instance, parsed, null, cancellationToken);
            _rejections.Sample(instanceName, kind, sourceIp, rejected.Outcome, request.Body.Span, now);
            return rejected;
        }

        var row = new NotifyInboxRow(
            "ntf_" + Guid.CreateVersion7(now).ToString("N"), instanceName, kind, now, request.ContentType, JsonSerializer.Serialize(request.Headers), BodyBytes(request.Body));
        var attachment = new InboxRowAttachment(row, now);
        NotifyResult result;
        var committed = false;
        try
        {
            result = await _pipeline.HandleAsync(instance, parsed, attachment, cancellationToken);
            committed = attachment.Written;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Store, Redis or plugin failure: answer FAIL so the provider retries once we are healthy again.
            Log.Failed(_logger, instanceName, row.Id, ex);
            result = new NotifyResult(instance.Instance.CreateAck(NotifyAckOutcome.Retry, "temporary failure"), "error", null);
        }

        if (!committed)
        {
            row.Outcome = result.Outcome;
            row.PaymentId = result.PaymentId;
            row.ProcessedAt = _time.GetUtcNow();
            await RecordAsync(row);
        }

        return result;
    }

    /// <summary>Runs a stored notify through the pipeline again (after ops fixed a configuration mistake).</summary>
    public async Task<NotifyResult?> RedriveAsync(string inboxId, CancellationToken cancellationToken)
    {
        if (await _inbox.GetAsync(inboxId, cancellationToken) is not { } entry || !Enum.TryParse<NotifyKind>(entry.Kind, out var kind)
            || !_snapshots.Current.Instances.TryGetValue(entry.Instance, out var instance))
        {
            return null;
        }

        NotifyResult result;
        try
        {
            var parsed = await instance.Instance.ParseNotifyAsync(new NotifyRequest(kind, entry.Body, entry.ContentType, entry.Headers), cancellationToken);
            result = await _pipeline.HandleAsync(instance, parsed, null, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.Failed(_logger, entry.Instance, inboxId, ex);
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

    // The endpoint hands over the body as one whole array, which nobody writes to: the row keeps it rather than a copy.
    private static byte[] BodyBytes(ReadOnlyMemory<byte> body)
        => MemoryMarshal.TryGetArray(body, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : body.ToArray();

    private async Task RecordAsync(NotifyInboxRow row)
    {
        // A duplicate changed nothing and was acknowledged as before: its record may wait (and a crash may lose it).
        if (row.Outcome is "duplicate" or "in_progress" && _recorder.TryRecord(row))
        {
            return;
        }

        try
        {
            await _inbox.AddAsync(row, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Bookkeeping: the answer is already decided, and a FAIL makes the provider send it again anyway.
            Log.OutcomeNotRecorded(_logger, row.Id, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 403, Level = LogLevel.Error, Message = "Notify {InboxId} for instance {Instance} failed; answered FAIL so the provider retries")]
        public static partial void Failed(ILogger logger, string instance, string inboxId, Exception exception);

        [LoggerMessage(EventId = 405, Level = LogLevel.Error, Message = "Notify for instance {Instance} could not be stored; answered FAIL so the provider retries")]
        public static partial void NotStored(ILogger logger, string instance, Exception exception);

        [LoggerMessage(EventId = 404, Level = LogLevel.Warning, Message = "Notify {InboxId}: not recorded in the inbox")]
        public static partial void OutcomeNotRecorded(ILogger logger, string inboxId, Exception exception);
    }
}
