using System.Security.Cryptography;

namespace Gateway.Sandbox.WeChatPayV3.Bills;

/// <summary>
/// The bill files applied for and not yet expired, by download token. A link is short-lived, as WeChat's (the sandbox keeps
/// one for <see cref="Lifetime"/>), and belongs to the merchant that applied: another merchant's signed request cannot use it.
/// Bounded: the oldest files go first.
/// </summary>
internal sealed class BillFiles(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int Capacity = 64;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string MchId, byte[] Bytes, DateTimeOffset ExpiresAt)> _files = new(StringComparer.Ordinal);

    public string Add(string mchId, byte[] bytes)
    {
        var now = time.GetUtcNow();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (_gate)
        {
            foreach (var expired in _files.Where(f => f.Value.ExpiresAt <= now).Select(f => f.Key).ToList())
            {
                _files.Remove(expired);
            }

            if (_files.Count >= Capacity)
            {
                _files.Remove(_files.MinBy(f => f.Value.ExpiresAt).Key);
            }

            _files[token] = (mchId, bytes, now + Lifetime);
        }

        return token;
    }

    /// <summary>The file behind <paramref name="token"/> for <paramref name="mchId"/>; null when unknown, expired or another merchant's.</summary>
    public byte[]? Find(string token, string mchId)
    {
        lock (_gate)
        {
            return _files.TryGetValue(token, out var file) && file.MchId == mchId && file.ExpiresAt > time.GetUtcNow() ? file.Bytes : null;
        }
    }
}
