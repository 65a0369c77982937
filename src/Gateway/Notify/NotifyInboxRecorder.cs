using System.Threading.Channels;
using Gateway.Store;
using Microsoft.Extensions.Options;

namespace Gateway.Notify;

/// <summary>
/// Writes the records that need no durability before the provider is answered, off the request path, in
/// batches (one transaction each): the inbox rows of duplicate notifies and the sampled notifies that failed
/// verification. The queue is bounded (<see cref="NotifyOptions.RecordQueueCapacity"/>); when it is full a
/// record is dropped and counted. A crash loses what is queued (at most that many records): a duplicate's
/// record or a sample, never a first notify, whose inbox row commits with its transition.
/// </summary>
internal sealed partial class NotifyInboxRecorder : BackgroundService
{
    private const int BatchSize = 500;
    private readonly Channel<IRecordedRow> _queue;
    private readonly StoreDialect _dialect;
    private readonly ILogger<NotifyInboxRecorder> _logger;
    private long _dropped;
    private int _unwritten;

    public NotifyInboxRecorder(StoreDialect dialect, IOptions<NotifyOptions> options, ILogger<NotifyInboxRecorder> logger)
    {
        _dialect = dialect;
        _logger = logger;
        _queue = Channel.CreateBounded<IRecordedRow>(new BoundedChannelOptions(options.Value.RecordQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
    }

    /// <summary>Queues a record; false (and counted) when the queue is full.</summary>
    public bool TryRecord(IRecordedRow row)
    {
        Interlocked.Increment(ref _unwritten);
        if (_queue.Writer.TryWrite(row))
        {
            return true;
        }

        Interlocked.Decrement(ref _unwritten);

        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>Records queued or being written (a batch counts until its transaction has ended).</summary>
    public int Pending => Volatile.Read(ref _unwritten);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteBatchAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // A graceful stop writes what is queued.
        while (_queue.Reader.Count > 0)
        {
            await WriteBatchAsync(CancellationToken.None);
        }
    }

    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        var batch = new List<IRecordedRow>(Math.Min(BatchSize, _queue.Reader.Count));
        while (batch.Count < BatchSize && _queue.Reader.TryRead(out var row))
        {
            batch.Add(row);
        }

        if (Interlocked.Exchange(ref _dropped, 0) is var dropped and > 0)
        {
            Log.Dropped(_logger, dropped);
        }

        try
        {
            await using var connection = await _dialect.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var row in batch)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = row.InsertSql;
                row.Bind(command);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Bookkeeping only: the notifies were answered and their payments are as durable as they were.
            Log.NotWritten(_logger, batch.Count, ex);
            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
        }
        finally
        {
            Interlocked.Add(ref _unwritten, -batch.Count);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 407, Level = LogLevel.Warning, Message = "Notify records: {Count} dropped, the queue was full")]
        public static partial void Dropped(ILogger logger, long count);

        [LoggerMessage(EventId = 408, Level = LogLevel.Warning, Message = "Notify records: a batch of {Count} could not be written and was dropped")]
        public static partial void NotWritten(ILogger logger, int count, Exception exception);
    }
}
