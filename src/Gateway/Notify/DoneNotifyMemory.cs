using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Notify;

/// <summary>
/// The done notifies this process remembers when there is no Redis: each dedupe key's fingerprint, until
/// <see cref="NotifyOptions.DoneRetention"/> passes or <see cref="NotifyOptions.InProcessDedupeCapacity"/> newer
/// ones push it out, oldest first. Forgetting is safe: the dedupe state is a shortcut, not the guard. A copy of
/// a forgotten notify takes the full path (read, order check, lease), and the payment's conditional transition
/// finds the report already applied, changes nothing and answers it as a duplicate.
/// Keys and fingerprints are held as 128-bit digests (SHA-256, truncated), not strings: an entry costs about
/// 100 bytes and no object per entry for the collector to trace. Only signed notifies get here, so nobody can aim
/// for a collision, and a chance one among 10^5 entries is ~10^-29.
/// </summary>
internal sealed class DoneNotifyMemory
{
    private readonly Dictionary<UInt128, Entry> _entries = [];
    private readonly Queue<(UInt128 Key, long Sequence)> _order = new();
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private readonly int _capacity;
    private long _sequence;

    public DoneNotifyMemory(TimeProvider time, TimeSpan retention, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _retention = retention;
        _capacity = capacity;
    }

    /// <summary>How many notifies are remembered, expired ones not yet pushed out included (for tests).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>True when the notify is remembered as done with exactly this fingerprint.</summary>
    public bool IsDone(string key, string fingerprint) => TryGet(Digest(key), out var held) && held == Digest(fingerprint);

    /// <summary>True when the notify is remembered as done, whatever its fingerprint.</summary>
    public bool IsDone(string key) => TryGet(Digest(key), out _);

    /// <summary>Remembers a done notify; pushes out expired entries and, beyond the capacity, the oldest.</summary>
    public void Remember(string key, string fingerprint)
    {
        var digest = Digest(key);
        var entry = new Entry(Digest(fingerprint), (_time.GetUtcNow() + _retention).UtcTicks, 0);
        lock (_lock)
        {
            entry = entry with { Sequence = ++_sequence };
            _entries[digest] = entry;
            _order.Enqueue((digest, entry.Sequence));
            TrimOldest();
        }
    }

    // Entries are queued in the order written, and all live for the same retention, so the oldest is also the
    // first to expire. A queued key written again since is stale: only its newest position counts.
    private void TrimOldest()
    {
        var now = _time.GetUtcNow().UtcTicks;
        while (_order.TryPeek(out var oldest))
        {
            var live = _entries.TryGetValue(oldest.Key, out var entry) && entry.Sequence == oldest.Sequence;
            if (live && _entries.Count <= _capacity && entry.ExpiresAt > now)
            {
                return;
            }

            _order.Dequeue();
            if (live)
            {
                _entries.Remove(oldest.Key);
            }
        }
    }

    private bool TryGet(UInt128 key, out UInt128 fingerprint)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > _time.GetUtcNow().UtcTicks)
            {
                fingerprint = entry.Fingerprint;
                return true;
            }
        }

        fingerprint = default;
        return false;
    }

    private static UInt128 Digest(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var bytes = max <= 1024 ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(text, bytes);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes[..length], hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    // ExpiresAt in UTC ticks.
    private readonly record struct Entry(UInt128 Fingerprint, long ExpiresAt, long Sequence);
}
