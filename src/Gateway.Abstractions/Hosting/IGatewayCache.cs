namespace Gateway.Abstractions.Hosting;

/// <summary>
/// The gateway's shared cache (Redis when configured, in-process otherwise), for provider tokens and
/// sessions. The cache is shared by every plugin and gateway process: include the instance name in
/// your keys.
/// </summary>
public interface IGatewayCache
{
    /// <summary>Reads a value, or null.</summary>
    ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes a value that expires after <paramref name="timeToLive"/>.</summary>
    ValueTask SetAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>Removes a value.</summary>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a short exclusive lock across every gateway process, or returns null if another holder has
    /// it. Dispose the handle to release it early. Used so that only one caller refreshes a token.
    /// </summary>
    ValueTask<IAsyncDisposable?> TryLockAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken);
}
