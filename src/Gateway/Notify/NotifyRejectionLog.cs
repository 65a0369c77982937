using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Gateway.Store;
using Microsoft.Extensions.Options;

namespace Gateway.Notify;

/// <summary>
/// Notifies that failed verification, sampled: at most <see cref="NotifyOptions.RejectedSamplesPerMinute"/> per
/// instance and minute are recorded (off the request path), each with a body prefix of
/// <see cref="NotifyOptions.RejectedSampleBytes"/> and the body's SHA-256, and kept
/// <see cref="NotifyOptions.RejectedRetention"/>. So a forged flood writes nothing on the request path and the
/// table stays bounded (instances × cap × retention), while ops still see an attack or a key mistake.
/// </summary>
internal sealed class NotifyRejectionLog
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly StoreDialect _dialect;
    private readonly NotifyInboxRecorder _recorder;
    private readonly IOptionsMonitor<NotifyOptions> _options;

    public NotifyRejectionLog(StoreDialect dialect, NotifyInboxRecorder recorder, IOptionsMonitor<NotifyOptions> options)
    {
        _dialect = dialect;
        _recorder = recorder;
        _options = options;
    }

    /// <summary>Records a sample of the rejected notify if this minute's cap for its instance allows; true when queued.</summary>
    public bool Sample(string instance, string kind, string sourceIp, string reason, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var options = _options.CurrentValue;
        var minute = now.ToUnixTimeSeconds() / 60;
        var window = _windows.GetOrAdd(instance, _ => new Window());
        lock (window)
        {
            if (window.Minute != minute)
            {
                window.Minute = minute;
                window.Count = 0;
            }

            if (window.Count >= options.RejectedSamplesPerMinute)
            {
                return false;
            }

            window.Count++;
        }

        var prefix = body[..Math.Min(body.Length, options.RejectedSampleBytes)];
        return _recorder.TryRecord(new NotifyRejection(
            "nrj_" + Guid.CreateVersion7(now).ToString("N"), instance, kind, now, sourceIp, reason, body.Length,
            Convert.ToHexStringLower(SHA256.HashData(body)), Printable(prefix)));
    }

    public async Task<List<NotifyRejection>> ListAsync(string? instance, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {NotifyRejection.Columns} FROM notify_rejections WHERE (@instance = '' OR instance = @instance) ORDER BY received_at DESC, id DESC LIMIT @limit";
        command.Add("instance", instance ?? "").Add("limit", limit);
        return await command.ReadAllAsync(NotifyRejection.Read, cancellationToken);
    }

    /// <summary>Deletes at most <paramref name="limit"/> of the oldest samples received before <paramref name="cutoff"/>.</summary>
    public async Task<int> TrimAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM notify_rejections WHERE id IN (SELECT id FROM notify_rejections WHERE received_at < @cutoff ORDER BY received_at LIMIT @limit)";
        command.Add("cutoff", cutoff).Add("limit", limit);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Text ops can read in a JSON answer and PostgreSQL can store (no NUL): invalid UTF-8 and control characters become U+FFFD.
    private static string Printable(ReadOnlySpan<byte> prefix)
    {
        var text = Encoding.UTF8.GetString(prefix);
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) && source[i] is not ('\n' or '\r' or '\t') ? '\uFFFD' : source[i];
            }
        });
    }

    private sealed class Window
    {
        public long Minute { get; set; }

        public int Count { get; set; }
    }
}
