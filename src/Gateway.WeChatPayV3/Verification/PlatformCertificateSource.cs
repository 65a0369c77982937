using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Gateway.WeChatPayV3.Verification;

/// <summary>
/// Certificate mode: the platform certificates from <c>/v3/certificates</c>, cached by serial. They are downloaded
/// on first use, again every <see cref="RefreshInterval"/> and a day before the newest one expires (WeChat issues
/// the next certificate before the old one ends), and once when a reply names an unknown serial. Refreshes are
/// single-flight and at most one per <see cref="MinRefreshInterval"/>, so forged notifies with made-up serials
/// cannot turn into a download storm, and a lookup never loops. A failed refresh keeps the certificates it has.
/// </summary>
public sealed class PlatformCertificateSource(
    Func<CancellationToken, Task<IReadOnlyList<PlatformCertificate>>> download, TimeProvider time) : IPlatformKeySource, IDisposable
{
    private readonly Func<CancellationToken, Task<IReadOnlyList<PlatformCertificate>>> _download = download ?? throw new ArgumentNullException(nameof(download));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile FrozenDictionary<string, PlatformCertificate> _certificates = FrozenDictionary<string, PlatformCertificate>.Empty;
    private DateTimeOffset? _lastAttempt;
    private DateTimeOffset _refreshDue = DateTimeOffset.MinValue;

    /// <summary>How often the certificates are downloaded again at the latest.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromHours(12);

    /// <summary>How long before the newest certificate expires a refresh is due.</summary>
    public TimeSpan ExpiryMargin { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The least time between two downloads.</summary>
    public TimeSpan MinRefreshInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many downloads were attempted (for tests and diagnostics).</summary>
    public int Downloads { get; private set; }

    /// <inheritdoc />
    public async ValueTask<RSA?> FindAsync(string serial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serial);
        var key = serial.ToUpperInvariant();
        if (_time.GetUtcNow() >= _refreshDue)
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        if (Lookup(key) is { } found)
        {
            return found;
        }

        // One refresh for an unknown serial (a certificate issued since the last download), never more.
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        return Lookup(key);
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private RSA? Lookup(string serial)
        => _certificates.TryGetValue(serial, out var certificate) && certificate.IsValidAt(_time.GetUtcNow()) ? certificate.PublicKey : null;

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var requestedAt = _time.GetUtcNow();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            // Someone refreshed while we waited, or one did so moments ago: use theirs.
            if (_lastAttempt is { } last && (last >= requestedAt || now - last < MinRefreshInterval))
            {
                return;
            }

            _lastAttempt = now;
            Downloads++;
            IReadOnlyList<PlatformCertificate> downloaded;
            try
            {
                downloaded = await _download(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (_certificates.Count > 0 && !cancellationToken.IsCancellationRequested)
            {
                // Keep verifying with what we have; try again after the minimum interval.
                _refreshDue = now + MinRefreshInterval;
                return;
            }

            var merged = new Dictionary<string, PlatformCertificate>(_certificates, StringComparer.Ordinal);
            foreach (var certificate in downloaded)
            {
                merged[certificate.SerialNo.ToUpperInvariant()] = certificate;
            }

            foreach (var expired in merged.Where(c => c.Value.ExpireTime <= now).Select(c => c.Key).ToList())
            {
                merged.Remove(expired);
            }

            _certificates = merged.ToFrozenDictionary(StringComparer.Ordinal);
            var dueByExpiry = merged.Count == 0 ? now + MinRefreshInterval : merged.Values.Max(c => c.ExpireTime) - ExpiryMargin;
            _refreshDue = Max(now + MinRefreshInterval, Min(now + RefreshInterval, dueByExpiry));
        }
        finally
        {
            _gate.Release();
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
