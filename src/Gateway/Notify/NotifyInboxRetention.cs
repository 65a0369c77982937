using Gateway.Abstractions.Hosting;
using Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Notify;

/// <summary>
/// Trims the notify inbox: notifies older than <see cref="NotifyOptions.InboxRetention"/> are deleted in
/// bounded batches (short transactions, no long table lock), and so are samples of rejected notifies older than
/// <see cref="NotifyOptions.RejectedRetention"/>, under a shared-cache lease so that one gateway process does it at a time.
/// </summary>
internal sealed class NotifyInboxRetention : PollingWorker
{
    public const int BatchSize = 500;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly NotifyInbox _inbox;
    private readonly NotifyRejectionLog _rejections;
    private readonly IGatewayCache _cache;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<NotifyOptions> _options;

    public NotifyInboxRetention(NotifyInbox inbox, NotifyRejectionLog rejections, IGatewayCache cache, TimeProvider time, IOptionsMonitor<NotifyOptions> options, ILogger<NotifyInboxRetention> logger)
        : base(time, logger)
    {
        _inbox = inbox;
        _rejections = rejections;
        _cache = cache;
        _time = time;
        _options = options;
    }

    protected override TimeSpan PollInterval => _options.CurrentValue.InboxTrimInterval;

    protected override async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        await using var lease = await _cache.TryLockAsync("notify-inbox:retention", Lease, cancellationToken);
        if (lease is null)
        {
            return 0; // another process is trimming
        }

        var now = _time.GetUtcNow();
        return await _inbox.TrimAsync(now - _options.CurrentValue.InboxRetention, BatchSize, cancellationToken)
            + await _rejections.TrimAsync(now - _options.CurrentValue.RejectedRetention, BatchSize, cancellationToken);
    }
}
