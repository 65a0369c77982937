using BenchmarkDotNet.Attributes;
using Gateway.Abstractions.Payments;
using Gateway.Notify;
using Gateway.Payments;
using Gateway.Store;
using Gateway.WeChatPay.Signing;
using Gateway.WeChatPay.Xml;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Benchmarks;

/// <summary>
/// The notify hot path over an in-memory store (SQLite, shared in-memory database), so a regression on the CPU
/// and allocation side shows without PostgreSQL or HTTP: parse and verify, read the payment, then the one
/// transaction of a first notify (conditional transition plus its inbox row, no webhook target); a duplicate
/// (the payment already succeeded: one read, no write); a forged notify (verification fails, nothing read).
/// bench/load/run.sh measures the same paths end to end.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8, invocationCount: 2000)]
public class NotifyPipelineBenchmarks
{
    private const string Key = "192006250b4c09247ec02edce69f6a2d";
    private const int Payments = 24_000; // more than the job's (2 + 8) × 2000 first notifies
    private readonly TimeProvider _time = TimeProvider.System;
    private SqliteConnection? _keepAlive;
    private SqlPaymentStore _store = null!;
    private ProviderReportApplier _applier = null!;
    private byte[][] _notifies = [];
    private byte[] _forged = [];
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var connectionString = $"Data Source=file:notify-bench-{Guid.NewGuid():N}?mode=memory&cache=shared";
        _keepAlive = new SqliteConnection(connectionString); // the in-memory database lives while one connection is open
        _keepAlive.Open();
        _store = new SqlPaymentStore(new SqliteDialect(connectionString), (_, _, _) => null);
        await _store.InitializeAsync(default);
        _applier = new ProviderReportApplier(_store, _time, NullLogger<ProviderReportApplier>.Instance);
        var now = _time.GetUtcNow();
        _notifies = new byte[Payments][];
        for (var i = 0; i < Payments; i++)
        {
            var id = PaymentIds.NewPaymentId(now);
            await _store.TryInsertAsync(new PaymentRecord
            {
                Id = id, ClientId = "bench", MerchantOrderId = "order-" + i, Channel = "wechat.native", ProviderInstance = "wx-bench",
                Plugin = "WeChatNative", AppId = "wx2421b1c4370ec43b", MerchantId = "10000100", Amount = 100, Currency = "CNY",
                Description = "bench", ClientIp = "203.0.113.7", Status = PaymentStatus.Pending, CreatedAt = now, UpdatedAt = now, ExpiresAt = now.AddHours(2),
            }, default);
            _notifies[i] = Notify(id, i);
        }

        _forged = (byte[])_notifies[0].Clone();
        _forged[^20] ^= 1; // inside the sign
    }

    [GlobalCleanup]
    public void Cleanup() => _keepAlive?.Dispose();

    [Benchmark(Baseline = true)]
    public Task<string> FirstNotify() => HandleAsync(_notifies[_next++ % Payments]);

    [Benchmark]
    public Task<string> DuplicateNotify() => HandleAsync(_notifies[0]);

    [Benchmark]
    public Task<string> ForgedNotify() => HandleAsync(_forged);

    private async Task<string> HandleAsync(byte[] body)
    {
        var fields = WeChatXml.Parse(body);
        if (!WeChatSigner.Verify(fields, Key, WeChatSignType.Md5))
        {
            return "bad_signature";
        }

        var payment = await _store.GetAsync(fields["out_trade_no"], default) ?? throw new InvalidOperationException("unknown order");
        var now = _time.GetUtcNow();
        var row = new NotifyInboxRow("ntf_" + Guid.CreateVersion7(now).ToString("N"), "wx-bench", "Payment", now, "text/xml", "{}", body);
        var outcome = await _applier.ApplyAsync(payment, new ProviderReport
        {
            Status = PaymentStatus.Succeeded, ProviderTransactionId = fields["transaction_id"], Amount = long.Parse(fields["total_fee"]),
            Currency = fields["fee_type"], AppId = fields["appid"], MerchantId = fields["mch_id"], Source = "notify",
        }, default, new InboxRowAttachment(row, now));
        return outcome.ToString();
    }

    private static byte[] Notify(string paymentId, int n)
    {
        var fields = new Dictionary<string, string>
        {
            ["appid"] = "wx2421b1c4370ec43b", ["bank_type"] = "CMC", ["cash_fee"] = "100", ["fee_type"] = "CNY", ["is_subscribe"] = "N",
            ["mch_id"] = "10000100", ["nonce_str"] = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", ["openid"] = "oUpF8uMEb4qRXf22hE3X68TekukE",
            ["out_trade_no"] = paymentId, ["result_code"] = "SUCCESS", ["return_code"] = "SUCCESS", ["time_end"] = "20261129120000",
            ["total_fee"] = "100", ["trade_type"] = "NATIVE", ["transaction_id"] = "42000000002026112" + n.ToString("D11"),
        };
        fields["sign"] = WeChatSigner.Sign(fields, Key, WeChatSignType.Md5);
        return System.Text.Encoding.UTF8.GetBytes(WeChatXml.Write(fields));
    }
}
