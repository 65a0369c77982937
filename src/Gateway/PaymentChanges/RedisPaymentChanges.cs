using StackExchange.Redis;

namespace Gateway.PaymentChanges;

/// <summary>
/// Carries payment changes between gateway processes over Redis pub/sub: a change is raised here at once and
/// published on <c>gateway:payment-changed:{db}</c>; every process raises what it hears, so a page whose
/// status stream is served by another process than the notify's wakes too. Redis down: this process's
/// pages still wake at once, other processes' at their fallback poll.
/// </summary>
internal sealed partial class RedisPaymentChanges : IPaymentChangePublisher, IHostedService
{
    private readonly IConnectionMultiplexer _redis;
    private readonly PaymentChangeSignal _signal;
    private readonly ILogger<RedisPaymentChanges> _logger;
    private readonly RedisChannel _channel;

    public RedisPaymentChanges(IConnectionMultiplexer redis, PaymentChangeSignal signal, ILogger<RedisPaymentChanges> logger)
    {
        _redis = redis;
        _signal = signal;
        _logger = logger;

        // Pub/sub ignores database numbers: naming the database keeps gateways sharing one server on separate databases apart.
        _channel = RedisChannel.Literal($"gateway:payment-changed:{redis.GetDatabase().Database}");
    }

    public void Publish(string paymentId)
    {
        _signal.Raise(paymentId);
        try
        {
            _redis.GetSubscriber().Publish(_channel, paymentId, CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            Log.PublishFailed(_logger, paymentId, ex.GetType().Name);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _redis.GetSubscriber().SubscribeAsync(_channel, (_, message) =>
            {
                if (message.HasValue && message.ToString() is { Length: > 0 and <= 64 } paymentId)
                {
                    _signal.Raise(paymentId);
                }
            });
        }
        catch (RedisException ex)
        {
            // The multiplexer re-subscribes when Redis comes back; until then pages fall back to polling.
            Log.SubscribeFailed(_logger, ex.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => _redis.GetSubscriber().UnsubscribeAsync(_channel);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1400, Level = LogLevel.Warning, Message = "Payment {PaymentId}: the change could not be published on Redis ({Error}); other processes' pages poll")]
        public static partial void PublishFailed(ILogger logger, string paymentId, string error);

        [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Payment changes: the Redis subscription failed ({Error}); pages served here poll until it is back")]
        public static partial void SubscribeFailed(ILogger logger, string error);
    }
}
