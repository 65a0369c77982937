using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using Gateway.FunctionalTests.Infrastructure;
using Xunit.Abstractions;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.Reliability;

/// <summary>
/// The real gateway process is killed (SIGKILL) in the middle of a run of notifies and started again:
/// the provider's retries bring every paid order to succeeded, exactly once, and no webhook is lost.
/// </summary>
public class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Payments = 30;
    private const int CopiesPerPayment = 2;

    [Fact]
    public async Task KilledMidNotifies_Restarted_ProviderRetriesCompleteEveryPaymentOnce_NoWebhookLost()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var backend = await TestServices.BackendAsync("redis+postgres");
        var database = backend["Gateway:Store:ConnectionString"]!;
        var port = GatewayProcess.FreePort();
        var settings = GatewayFactory.Settings(port, "unused.db");
        foreach (var (key, value) in backend)
        {
            settings[key] = value;
        }

        settings["Gateway:Clients:client-a:WebhookUrl"] = receiver.Url;
        settings["Gateway:Sync:Schedule:0"] = "01:00:00"; // notifies only: the sandbox forgets its orders when killed

        // A crashed process's leases end quickly, so the test sees recovery in seconds, not minutes.
        settings["Gateway:Notify:ProcessingLease"] = "00:00:03";
        settings["Gateway:Webhooks:Timeout"] = "00:00:03"; // not shorter: a slow (not lost) answer would be re-sent too
        settings["Gateway:Webhooks:Lease"] = "00:00:06";

        await using var gateway = new GatewayProcess(port, settings);
        var clock = Stopwatch.StartNew();
        try
        {
            await gateway.StartAsync(TimeSpan.FromSeconds(30));
            output.WriteLine($"gateway pid {gateway.ProcessId} live after {clock.ElapsedMilliseconds} ms ({gateway.GatewayDll})");

            using var api = new HttpClient { BaseAddress = new Uri(gateway.BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GatewayFactory.ClientAKey);
            var payments = new List<(string Id, string Body)>();
            for (var i = 0; i < Payments; i++)
            {
                var id = (await CreateAsync(api, NativePayment($"crash-{i}", amount: 200 + i))).Str("id");
                payments.Add((id, NotifyFixtures.PaidNotify(id, 200 + i, NotifyFixtures.NewTransactionId())));
            }

            // The provider: every copy of every notify is resent until it is acknowledged SUCCESS. The copies
            // start spread over a second, so the kill lands in the middle of the run.
            using var notifyHttp = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) })
            {
                BaseAddress = new Uri(gateway.BaseUrl),
                Timeout = TimeSpan.FromSeconds(5),
            };
            var answers = new ConcurrentQueue<(string PaymentId, string Code, string? Message, bool AfterKill)>();
            var inFlight = 0;
            var killed = 0;
            var succeeded = new ConcurrentDictionary<string, int>();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);

            async Task ProviderAsync(string paymentId, string body)
            {
                await Task.Delay(Random.Shared.Next(0, 1000));
                while (DateTime.UtcNow < deadline)
                {
                    Interlocked.Increment(ref inFlight);
                    var (code, message) = await NotifyFixtures.PostForAckAsync(notifyHttp, "wx-a", body);
                    Interlocked.Decrement(ref inFlight);
                    answers.Enqueue((paymentId, code, message, Volatile.Read(ref killed) == 1));
                    if (code == "SUCCESS")
                    {
                        succeeded.AddOrUpdate(paymentId, 1, (_, n) => n + 1);
                        return;
                    }

                    await Task.Delay(Random.Shared.Next(100, 250)); // "retry later"
                }
            }

            var providers = payments.SelectMany(p => Enumerable.Range(0, CopiesPerPayment).Select(_ => Task.Run(() => ProviderAsync(p.Id, p.Body)))).ToList();

            var killAfter = Random.Shared.Next(200, 600);
            await Task.Delay(killAfter);
            var inFlightAtKill = Volatile.Read(ref inFlight);
            var ackedBeforeKill = succeeded.Values.Sum();
            var pid = gateway.ProcessId;
            await gateway.KillAsync();
            Volatile.Write(ref killed, 1);
            Assert.True(ackedBeforeKill < Payments * CopiesPerPayment, "the run of notifies was over before the kill");
            var cutOff = answers.Count(a => a.Code == "ERROR");
            var deliveredBeforeRestart = receiver.Acknowledged.Count;
            output.WriteLine($"killed pid {pid} {killAfter} ms into the notifies: {inFlightAtKill} notify requests in flight ({cutOff} answered by a connection error), " +
                $"{ackedBeforeKill}/{Payments * CopiesPerPayment} copies acknowledged SUCCESS, {deliveredBeforeRestart} webhooks acknowledged by the merchant");

            await gateway.StartAsync(TimeSpan.FromSeconds(30));
            output.WriteLine($"restarted as pid {gateway.ProcessId}, live at {clock.ElapsedMilliseconds} ms");

            await Task.WhenAll(providers);
            var summary = string.Join(", ", answers.GroupBy(a => $"{(a.AfterKill ? "after" : "before")}:{a.Code}:{a.Message}").OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}"));
            output.WriteLine($"notify answers: {summary}");
            Assert.True(payments.All(p => succeeded.GetValueOrDefault(p.Id) == CopiesPerPayment),
                $"not every notify was acknowledged within 60 s: {summary}{Environment.NewLine}{gateway.OutputTail()}");
            output.WriteLine($"every notify acknowledged SUCCESS at {clock.ElapsedMilliseconds} ms");

            // Every paid order succeeded, through the API.
            foreach (var p in payments)
            {
                Assert.Equal("succeeded", (await GetAsync(api, p.Id)).Str("status"));
            }

            // ... exactly once: one outbox row per payment.
            var events = await OutboxQueries.EventsAsync(database);
            Assert.Equal(Payments, events.Count);
            Assert.All(events, e => Assert.Equal("payment.succeeded", e.Type));
            Assert.Equal(payments.Select(p => p.Id).Order(), events.Select(e => e.PaymentId).Order());

            // ... and no webhook lost: every event acknowledged by the merchant at least once.
            var eventIds = events.Select(e => e.Id).ToHashSet();
            await receiver.WaitForAsync(r => eventIds.All(r.Acknowledged.ContainsKey), TimeSpan.FromSeconds(30));
            await Task.Delay(500);
            var acknowledged = receiver.Acknowledged;
            Assert.All(eventIds, id => Assert.True(acknowledged.ContainsKey(id), $"event {id} was never delivered"));
            Assert.All(acknowledged.Keys, id => Assert.Contains(id, eventIds));
            var duplicates = acknowledged.Where(a => a.Value > 1).ToList();
            var attempts = await OutboxQueries.AttemptsAsync(database);
            output.WriteLine($"attempts recorded in webhook_attempts: {attempts.Values.Sum(a => a.Attempts)} ({attempts.Values.Sum(a => a.Delivered)} 2xx); " +
                $"for the duplicated events: {string.Join(", ", duplicates.Select(d => $"{attempts.GetValueOrDefault(d.Key).Attempts}"))} " +
                "(a delivery the merchant got but the killed process never recorded is sent again: at-least-once)");
            output.WriteLine($"all {Payments} webhooks acknowledged at {clock.ElapsedMilliseconds} ms; {receiver.Deliveries.Count} deliveries, " +
                $"{duplicates.Sum(d => d.Value - 1)} duplicate deliveries ({string.Join(", ", duplicates.Select(d => $"{d.Key}x{d.Value}"))})");
        }
        catch
        {
            output.WriteLine("gateway output:" + Environment.NewLine + gateway.OutputTail(200));
            throw;
        }
        finally
        {
            await gateway.KillAsync();
        }
    }
}
