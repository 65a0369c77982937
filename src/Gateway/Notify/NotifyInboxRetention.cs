using Gateway.Abstractions.Hosting;
using Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Notify;

/// <summary>
/// Trims the notify inbox: notifies older than <see cref="NotifyOptions.InboxRetention"/> are deleted in
/// bounded batches (short transactions, no long table lock), under a shared-cache lease so that one gateway
/// process does it at a time.
/// </summary>
internal sealed class NotifyInboxRetention : PollingWorker
{
    public const int BatchSize = 500;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly NotifyInbox _inbox;
    private readonly IGatewayCache _cache;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<NotifyOptions> _options;

    public NotifyInboxRetention(NotifyInbox inbox, IGatewayCache cache, TimeProvider time, IOptionsMonitor<NotifyOptions> options, ILogger<NotifyInboxRetention> logger)
        : base(time, logger)
    {
        _inbox = inbox;
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

        return await _inbox.TrimAsync(_time.GetUtcNow() - _options.CurrentValue.InboxRetention, BatchSize, cancellationToken);
    }
}
