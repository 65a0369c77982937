namespace Gateway.Routing;

/// <summary>
/// The mutable per-route state of the stateful policies. It lives with the <see cref="RouteState"/>, so a
/// configuration reload starts every route afresh.
/// </summary>
internal sealed class RouteCursor
{
    private long _turn = -1;

    /// <summary>The current weights of smooth weighted round-robin, by instance; lock it while using it.</summary>
    public Dictionary<string, long> SmoothWeights { get; } = new(StringComparer.Ordinal);

    /// <summary>0, 1, 2… across threads.</summary>
    public long NextTurn() => Interlocked.Increment(ref _turn);
}
