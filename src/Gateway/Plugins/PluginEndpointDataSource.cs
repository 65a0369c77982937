using Gateway.Configuration;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Gateway.Plugins;

/// <summary>
/// Serves every provider instance's own routes under <c>/p/{instance}</c> through a dynamic endpoint
/// source, the way YARP serves proxy routes: when the live instances change, <see cref="Refresh"/>
/// rebuilds the endpoints and signals routing through the change token, without a restart. It runs on
/// every swap of the gateway snapshot (configuration reload or plugin drop-in), not only when routing
/// happens to read the endpoints.
/// </summary>
internal sealed class PluginEndpointDataSource : EndpointDataSource, IDisposable
{
    private readonly IServiceProvider _services;
    private readonly GatewaySnapshotProvider _snapshots;
    private readonly object _sync = new();
    private IReadOnlyList<Endpoint> _endpoints = [];
    private CancellationTokenSource _changed = new();
    private readonly IDisposable _subscription;
    private GatewaySnapshot? _builtFrom;

    public PluginEndpointDataSource(IServiceProvider services, GatewaySnapshotProvider snapshots)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _snapshots = snapshots ?? throw new ArgumentNullException(nameof(snapshots));
        _snapshots.Publishing += Build;
        _subscription = ChangeToken.OnChange(_snapshots.GetChangeToken, Refresh);
    }

    public override IReadOnlyList<Endpoint> Endpoints
    {
        get
        {
            // Only the first read builds here; later snapshots are built as they are published, and reading
            // Latest here could otherwise rebuild from a snapshot that is just being replaced.
            if (Volatile.Read(ref _builtFrom) is null)
            {
                Refresh();
            }

            return Volatile.Read(ref _endpoints);
        }
    }

    public override IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    /// <summary>Rebuilds the endpoints if the snapshot changed since they were built.</summary>
    // Latest, not Current: a request's pinned snapshot may already be an old one.
    public void Refresh() => Build(_snapshots.Latest);

    private void Build(GatewaySnapshot snapshot)
    {
        if (ReferenceEquals(Volatile.Read(ref _builtFrom), snapshot))
        {
            return;
        }

        CancellationTokenSource previous;
        lock (_sync)
        {
            if (ReferenceEquals(_builtFrom, snapshot))
            {
                return;
            }

            var builder = new PluginRouteBuilder(_services);
            foreach (var instance in snapshot.Instances.Values)
            {
                instance.Instance.MapEndpoints(builder.MapGroup($"/p/{instance.Name}").WithTags("Provider pages"));
            }

            Volatile.Write(ref _endpoints, builder.DataSources.SelectMany(d => d.Endpoints).ToList());
            Volatile.Write(ref _builtFrom, snapshot);
            previous = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        }

        previous.Cancel();
    }

    public void Dispose()
    {
        _snapshots.Publishing -= Build;
        _subscription.Dispose();
    }

    /// <summary>A private route builder whose data sources we collect instead of the application's.</summary>
    private sealed class PluginRouteBuilder(IServiceProvider services) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider => services;

        public ICollection<EndpointDataSource> DataSources { get; } = new List<EndpointDataSource>();

        public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(services);
    }
}
