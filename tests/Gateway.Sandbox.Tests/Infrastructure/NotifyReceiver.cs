using System.Collections.Concurrent;

namespace Gateway.Sandbox.Tests.Infrastructure;

/// <summary>
/// A merchant notify endpoint hosted in the test app: records what arrives and answers from a script
/// (default SUCCESS). The reply <see cref="Hang"/> makes it stall past the sandbox's NotifyTimeout.
/// </summary>
internal sealed class NotifyReceiver
{
    public const string Success = "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>";
    public const string Fail = "<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[busy]]></return_msg></xml>";
    public const string Hang = "(hang)";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _scripts = new();
    private readonly ConcurrentQueue<ReceivedNotify> _received = new();

    public void Script(string receiver, params string[] replies) => _scripts[receiver] = new ConcurrentQueue<string>(replies);

    public IReadOnlyList<ReceivedNotify> From(string receiver) => _received.Where(r => r.Receiver == receiver).ToList();

    public async Task<string> ReceiveAsync(string receiver, string body, string? contentType, CancellationToken aborted)
    {
        _received.Enqueue(new ReceivedNotify(receiver, body, contentType, DateTimeOffset.UtcNow));
        var reply = _scripts.TryGetValue(receiver, out var script) && script.TryDequeue(out var next) ? next : Success;
        if (reply == Hang)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), aborted);
        }

        return reply;
    }

    public async Task<IReadOnlyList<ReceivedNotify>> WaitForAsync(string receiver, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            var received = From(receiver);
            if (received.Count >= count)
            {
                return received;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Receiver '{receiver}' got {From(receiver).Count} notifies, expected {count}.");
    }
}

internal sealed record ReceivedNotify(string Receiver, string Body, string? ContentType, DateTimeOffset At);
