namespace Gateway.Hosting;

/// <summary>
/// A background loop that claims work from the store under a lease, handles it, and polls again at once
/// while there is more, else after <see cref="PollInterval"/>. A failed poll is logged and retried; it
/// never stops the loop, and an unfinished lease simply expires for another process to take.
/// </summary>
internal abstract partial class PollingWorker : BackgroundService
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    protected PollingWorker(TimeProvider time, ILogger logger)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Who holds this process's leases: unique per process and start.</summary>
    protected string LeaseOwner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>How long to wait when a poll found nothing.</summary>
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>Claims and handles one batch; returns how many items it handled.</summary>
    protected abstract Task<int> PollOnceAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await PollOnceAsync(stoppingToken) > 0)
                {
                    continue; // more may be waiting
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.PollFailed(_logger, GetType().Name, ex);
            }

            try
            {
                await Task.Delay(PollInterval, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 700, Level = LogLevel.Error, Message = "{Worker} poll failed; retrying")]
        public static partial void PollFailed(ILogger logger, string worker, Exception exception);
    }
}
