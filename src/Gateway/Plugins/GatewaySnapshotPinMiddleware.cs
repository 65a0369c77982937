using Gateway.Configuration;

namespace Gateway.Plugins;

/// <summary>
/// Pins the current gateway snapshot for the whole request (see <see cref="GatewaySnapshotPin"/>), so a
/// plugin swapped out while the request runs is unloaded only after it finishes.
/// </summary>
internal sealed class GatewaySnapshotPinMiddleware
{
    private readonly RequestDelegate _next;
    private readonly GatewaySnapshotProvider _snapshots;

    public GatewaySnapshotPinMiddleware(RequestDelegate next, GatewaySnapshotProvider snapshots)
    {
        _next = next ?? throw new ArgumentNullException(nameof(next));
        _snapshots = snapshots ?? throw new ArgumentNullException(nameof(snapshots));
    }

    public async Task InvokeAsync(HttpContext context)
    {
        using var pin = _snapshots.Pin();
        await _next(context);
    }
}

/// <summary>Puts <see cref="GatewaySnapshotPinMiddleware"/> first in the pipeline, before routing picks a plugin endpoint.</summary>
internal sealed class GatewaySnapshotPinStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<GatewaySnapshotPinMiddleware>();
        next(app);
    };
}
