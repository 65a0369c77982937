using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>
/// Steady create traffic on one channel from a few concurrent loops, counting every answer that is not
/// 201 Created (with its body, for the assertion message).
/// </summary>
public sealed class CreateLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private int _succeeded;

    public CreateLoad(HttpClient api, string channel, int workers = 2)
    {
        Channel = channel;
        for (var i = 0; i < workers; i++)
        {
            _loops.Add(Task.Run(() => LoopAsync(api)));
        }
    }

    public string Channel { get; }

    public int Succeeded => Volatile.Read(ref _succeeded);

    public ConcurrentQueue<string> Failures { get; } = new();

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task LoopAsync(HttpClient api)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var body = new
                {
                    channel = Channel,
                    merchantOrderId = "load-" + Guid.NewGuid().ToString("N"),
                    amount = 1,
                    currency = "CNY",
                    description = "load",
                    clientIp = "203.0.113.10",
                };
                using var response = await api.PostAsJsonAsync("/v1/payments", body);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref _succeeded);
                }
                else
                {
                    Failures.Enqueue($"{Channel}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
            catch (Exception ex)
            {
                Failures.Enqueue($"{Channel}: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }
}
