using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Gateway.Plugins;

/// <summary>
/// Watches the plugins directory and runs the <see cref="PluginFolderReconciler"/>: on file-system events
/// (coalesced), again after the settle time while a change is settling, and every
/// <see cref="PluginReloadOptions.RescanSeconds"/> as a safety net for events that never arrive (network
/// shares, overflowed buffers). McMaster's own hot reload is not used: it cannot rebuild ASP.NET Core's
/// immutable container (DotNetCorePlugins issue #233).
/// </summary>
internal sealed partial class PluginDirectoryWatcher : BackgroundService
{
    // Events come in bursts (a copy raises one per file and write); one scan per burst is enough.
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(50);

    private readonly PluginCatalog _catalog;
    private readonly PluginFolderReconciler _reconciler;
    private readonly IOptionsMonitor<PluginReloadOptions> _options;
    private readonly ILogger<PluginDirectoryWatcher> _logger;
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public PluginDirectoryWatcher(PluginCatalog catalog, PluginFolderReconciler reconciler, IOptionsMonitor<PluginReloadOptions> options, ILogger<PluginDirectoryWatcher> logger)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _reconciler = reconciler ?? throw new ArgumentNullException(nameof(reconciler));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.CurrentValue.Watch)
        {
            return;
        }

        Directory.CreateDirectory(_catalog.PluginsDirectory);
        using var watcher = StartWatching();
        Log.Watching(_logger, _catalog.PluginsDirectory);
        var settling = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var options = _options.CurrentValue;
            var wait = settling ? TimeSpan.FromMilliseconds(Math.Max(50, options.SettleMilliseconds)) : TimeSpan.FromSeconds(Math.Max(1, options.RescanSeconds));
            try
            {
                await WaitForSignalAsync(wait, stoppingToken);
                settling = _reconciler.Reconcile();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.ScanFailed(_logger, ex);
                settling = true;
            }
        }
    }

    private FileSystemWatcher StartWatching()
    {
        var watcher = new FileSystemWatcher(_catalog.PluginsDirectory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Created += (_, _) => _signals.Writer.TryWrite(true);
        watcher.Changed += (_, _) => _signals.Writer.TryWrite(true);
        watcher.Deleted += (_, _) => _signals.Writer.TryWrite(true);
        watcher.Renamed += (_, _) => _signals.Writer.TryWrite(true);
        watcher.Error += (_, _) => _signals.Writer.TryWrite(true);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private async Task WaitForSignalAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timer.CancelAfter(timeout);
        try
        {
            await _signals.Reader.WaitToReadAsync(timer.Token);
            _signals.Reader.TryRead(out _);
            await Task.Delay(Coalesce, stoppingToken);
            _signals.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The timeout: a periodic or settle rescan.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "Watching {Directory} for plugin folders")]
        public static partial void Watching(ILogger logger, string directory);

        [LoggerMessage(EventId = 131, Level = LogLevel.Error, Message = "Scanning the plugins directory failed; retrying")]
        public static partial void ScanFailed(ILogger logger, Exception exception);
    }
}
