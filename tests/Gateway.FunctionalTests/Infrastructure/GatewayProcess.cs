using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>
/// The real gateway as a child process (<c>dotnet Gateway.dll</c> from the host project's build output,
/// with its <c>plugins/</c>), configured through environment variables, listening on 127.0.0.1. It can be
/// killed (SIGKILL on Linux) and started again on the same port with the same settings. Disposing it
/// always kills whatever is still running.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    /// <param name="settings">Configuration in ':' form (as <see cref="GatewayFactory.Settings"/> gives); passed as <c>Gateway__...</c> variables.</param>
    public GatewayProcess(int port, IReadOnlyDictionary<string, string?> settings)
    {
        Port = port;
        _settings = new Dictionary<string, string?>(settings);
        GatewayDll = FindGatewayDll();
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string GatewayDll { get; }

    /// <summary>How many times the process was started.</summary>
    public int Starts { get; private set; }

    public int? ProcessId => _process?.Id;

    /// <summary>The last lines the process wrote (stdout and stderr), for diagnostics.</summary>
    public string OutputTail(int lines = 60) => string.Join(Environment.NewLine, _output.TakeLast(lines));

    /// <summary>A free loopback port (see <see cref="Gateway.TestMode.LoopbackPort"/> for why not <c>bind(0)</c>).</summary>
    public static int FreePort() => Gateway.TestMode.LoopbackPort.Free();

    /// <summary>The ASP.NET Core environment the process runs in.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Starts the process and waits for it to end by itself (a refused start-up); its exit code.</summary>
    public async Task<int> RunToExitAsync(TimeSpan within)
    {
        var process = Launch();
        using var wait = new CancellationTokenSource(within);
        await process.WaitForExitAsync(wait.Token);
        return process.ExitCode;
    }

    /// <summary>Starts the process and waits until <c>/health/live</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan within)
    {
        var process = Launch();
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (process.HasExited)
            {
                Assert.Fail($"The gateway process exited with {process.ExitCode} before it was live:{Environment.NewLine}{OutputTail()}");
            }

            try
            {
                using var response = await http.GetAsync("/health/live");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The gateway process was not live within {within}:{Environment.NewLine}{OutputTail()}");
            }

            await Task.Delay(100);
        }
    }

    private Process Launch()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The gateway process is already running.");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(GatewayDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(GatewayDll);

        // Nothing inherited may configure the child behind the test's back.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Gateway__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Sandbox__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in _settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["ASPNETCORE_URLS"] = BaseUrl;
        info.Environment["Urls"] = BaseUrl; // appsettings.json's Urls would win over ASPNETCORE_URLS
        info.Environment["ASPNETCORE_ENVIRONMENT"] = EnvironmentName;
        info.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("dotnet did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
        Capture($"--- started pid {process.Id} (start #{Starts})");
        return process;
    }

    /// <summary>Kills the process and everything it started, without warning (SIGKILL), and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(wait.Token);
            Capture($"--- pid {process.Id} killed, exit code {process.ExitCode}");
        }
        finally
        {
            process.Dispose();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
        }
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 500 && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>
    /// src/Gateway/bin/&lt;Configuration&gt;/net10.0/Gateway.dll under the repository root (the folder holding
    /// Gateway.sln above this test assembly), built in the same configuration as the tests.
    /// </summary>
    private static string FindGatewayDll()
    {
        var baseDirectory = AppContext.BaseDirectory;
        var root = new DirectoryInfo(baseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Gateway.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"No Gateway.sln above {baseDirectory}.");
        }

        // .../tests/Gateway.FunctionalTests/bin/<Configuration>/net10.0/
        var segments = Path.GetRelativePath(root.FullName, baseDirectory).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var bin = Array.IndexOf(segments, "bin");
        if (bin < 0 || bin + 1 >= segments.Length)
        {
            throw new InvalidOperationException($"Cannot tell the build configuration from {baseDirectory}.");
        }

        var dll = Path.Combine(root.FullName, "src", "Gateway", "bin", segments[bin + 1], "net10.0", "Gateway.dll");
        if (!File.Exists(dll) || !Directory.Exists(Path.Combine(Path.GetDirectoryName(dll)!, "plugins")))
        {
            throw new InvalidOperationException($"The gateway build output is missing: {dll} (with plugins/). Build the solution first.");
        }

        return dll;
    }
}
