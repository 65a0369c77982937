using Gateway.Abstractions.Payments;
using Gateway.Webhooks;

namespace Gateway.Store.Tests;

/// <summary>Behaviour every payment store must have; run against each dialect.</summary>
public abstract partial class PaymentStoreContractTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_750_000_000_000);

    internal abstract Task<StoreDialect> CreateDialectAsync();

    internal async Task<IPaymentStore> CreateStoreAsync()
    {
        var store = new SqlPaymentStore(await CreateDialectAsync(), TestEvents.Create);
        await store.InitializeAsync(default);
        return store;
    }

    internal static PaymentRecord NewPayment(string id, string merchantOrderId = "order-1", string clientId = "shop") => new()
    {
        Id = id,
        ClientId = clientId,
        MerchantOrderId = merchantOrderId,
        Channel = "wechat.native",
        ProviderInstance = "wx-a",
        Plugin = "WeChatNative",
        AppId = "wx1",
        MerchantId = "m1",
        Amount = 100,
        Currency = "CNY",
        Description = "tea; DROP TABLE payments; --",
        ClientIp = "127.0.0.1",
        Metadata = new Dictionary<string, string> { ["k"] = "v'\"" },
        Status = PaymentStatus.Pending,
        CreatedAt = Now,
        UpdatedAt = Now,
        ExpiresAt = Now.AddHours(2),
        TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    };

    [Fact]
    public async Task Insert_ThenGet_RoundTrips()
    {
        var store = await CreateStoreAsync();
        var payment = NewPayment("pay_1");

        Assert.True(await store.TryInsertAsync(payment, default));
        var read = await store.GetAsync("pay_1", default);

        Assert.NotNull(read);
        Assert.Equal(payment.Description, read.Description);
        Assert.Equal("v'\"", read.Metadata["k"]);
        Assert.Equal(Now, read.CreatedAt);
        Assert.Equal(PaymentStatus.Pending, read.Status);
        Assert.Equal(payment.TraceParent, read.TraceParent);
    }

    [Fact]
    public async Task Insert_RefusesDuplicateMerchantOrder_ForSameClientOnly()
    {
        var store = await CreateStoreAsync();

        Assert.True(await store.TryInsertAsync(NewPayment("pay_1"), default));
        Assert.False(await store.TryInsertAsync(NewPayment("pay_2"), default));
        Assert.True(await store.TryInsertAsync(NewPayment("pay_3", clientId: "other-shop"), default));
        Assert.Null(await store.GetAsync("pay_2", default));
    }

    [Fact]
    public async Task FailedPayment_DoesNotBurnTheMerchantOrderId()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(NewPayment("pay_1"), default);
        await store.TryTransitionAsync(new PaymentTransition("pay_1", [PaymentStatus.Pending], PaymentStatus.Failed) { ErrorCode = "SIGNERROR" }, Now, default);

        Assert.True(await store.TryInsertAsync(NewPayment("pay_2"), default));
        var both = await store.FindByMerchantOrderIdAsync("shop", "order-1", default);
        Assert.Equal(2, both.Count);
        Assert.Equal("SIGNERROR", both.Single(p => p.Id == "pay_1").ErrorCode);
    }

    [Fact]
    public async Task Transition_IsConditional_OnlyOnceFromPending()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(NewPayment("pay_1"), default);
        var paid = new PaymentTransition("pay_1", [PaymentStatus.Pending], PaymentStatus.Succeeded) { ProviderTransactionId = "4200", PaidAmount = 100, PaidAt = Now };

        Assert.True(await store.TryTransitionAsync(paid, Now, default));
        Assert.False(await store.TryTransitionAsync(paid, Now, default));
        Assert.False(await store.TryTransitionAsync(new PaymentTransition("pay_1", [PaymentStatus.Pending], PaymentStatus.Closed), Now, default));

        var read = await store.GetAsync("pay_1", default);
        Assert.Equal(PaymentStatus.Succeeded, read!.Status);
        Assert.Equal("4200", read.ProviderTransactionId);
        Assert.Equal(100, read.PaidAmount);
    }

    [Fact]
    public async Task ConcurrentTransitions_ExactlyOneWins()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(NewPayment("pay_1"), default);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => store.TryTransitionAsync(
            new PaymentTransition("pay_1", [PaymentStatus.Pending], i % 2 == 0 ? PaymentStatus.Succeeded : PaymentStatus.Closed), Now, default))));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Transition_WritesItsWebhookEvent_InTheSameTransaction_OnlyWhenApplied()
    {
        var dialect = await CreateDialectAsync();
        var store = new SqlPaymentStore(dialect, TestEvents.Create);
        await store.TryInsertAsync(NewPayment("pay_1") with { NotifyUrl = "http://127.0.0.1:9/hook" }, default);
        var paid = new PaymentTransition("pay_1", [PaymentStatus.Pending], PaymentStatus.Succeeded) { EventType = WebhookEventTypes.PaymentSucceeded };

        Assert.True(await store.TryTransitionAsync(paid, Now, default));
        Assert.False(await store.TryTransitionAsync(paid, Now, default));

        var events = await new WebhookStore(dialect).ListAsync("pay_1", null, 10, default);
        var single = Assert.Single(events);
        Assert.Equal(WebhookEventTypes.PaymentSucceeded, single.Type);
        Assert.Contains("\"status\":\"succeeded\"", single.Payload);
    }

    [Fact]
    public async Task WebhookClaims_AreExclusive_UntilTheLeaseEnds()
    {
        var dialect = await CreateDialectAsync();
        var store = new SqlPaymentStore(dialect, TestEvents.Create);
        for (var i = 0; i < 10; i++)
        {
            await store.TryInsertAsync(NewPayment($"pay_{i}", $"order-{i}") with { NotifyUrl = "http://127.0.0.1:9/hook" }, default);
            await store.TryTransitionAsync(new PaymentTransition($"pay_{i}", [PaymentStatus.Pending], PaymentStatus.Closed) { EventType = WebhookEventTypes.PaymentClosed }, Now, default);
        }

        var webhooks = new WebhookStore(dialect);
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => webhooks.ClaimDueAsync($"worker-{w}", Now, TimeSpan.FromMinutes(1), 10, default)));

        Assert.Equal(10, claims.Sum(c => c.Count));
        Assert.Equal(10, claims.SelectMany(c => c).Select(e => e.Id).Distinct().Count());
        Assert.Empty(await webhooks.ClaimDueAsync("late", Now.AddSeconds(30), TimeSpan.FromMinutes(1), 10, default));
        Assert.Equal(10, (await webhooks.ClaimDueAsync("late", Now.AddMinutes(2), TimeSpan.FromMinutes(1), 10, default)).Count);
    }

    [Fact]
    public async Task SyncClaims_AreExclusive_AndRescheduled()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(NewPayment("pay_1") with { NextSyncAt = Now }, default);
        await store.TryInsertAsync(NewPayment("pay_2", "order-2") with { NextSyncAt = Now.AddHours(1) }, default);

        var first = await store.ClaimDueForSyncAsync("a", Now, TimeSpan.FromMinutes(1), 10, default);
        var second = await store.ClaimDueForSyncAsync("b", Now, TimeSpan.FromMinutes(1), 10, default);

        Assert.Equal("pay_1", Assert.Single(first).Id);
        Assert.Empty(second);
        await store.ScheduleNextSyncAsync("pay_1", "a", Now.AddMinutes(5), default);
        var read = await store.GetAsync("pay_1", default);
        Assert.Equal(1, read!.SyncAttempts);
        Assert.Equal(Now.AddMinutes(5), read.NextSyncAt);
        Assert.Empty(await store.ClaimDueForSyncAsync("b", Now.AddMinutes(4), TimeSpan.FromMinutes(1), 10, default));
    }

    [Fact]
    public async Task SetAction_AndFailureReport_DoNotChangeStatus()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(NewPayment("pay_1") with { NextSyncAt = Now }, default);
        Assert.Single(await store.ClaimDueForSyncAsync("worker", Now, TimeSpan.FromMinutes(1), 10, default));

        await store.SetActionAsync("pay_1", PaymentAction.QrCode("weixin://wxpay/bizpayurl?pr=abc"), "wx_prepay", Now, default);
        Assert.True(await store.RecordFailureReportAsync("pay_1", "NOTENOUGH", "balance too low", Now, default));

        var read = await store.GetAsync("pay_1", default);
        Assert.Equal(PaymentStatus.Pending, read!.Status);
        Assert.Equal("weixin://wxpay/bizpayurl?pr=abc", read.Action!.CodeUrl);
        Assert.Equal(PaymentActionTypes.QrCode, read.Action.Type);
        Assert.Equal("wx_prepay", read.ProviderReference);
        Assert.Equal(("NOTENOUGH", "balance too low"), (read.ErrorCode, read.ErrorMessage));
        // The sync lease survives, so the worker that holds it can still schedule the next query.
        await store.ScheduleNextSyncAsync("pay_1", "worker", Now.AddHours(1), default);
        Assert.Equal(Now.AddHours(1), (await store.GetAsync("pay_1", default))!.NextSyncAt);
    }

    [Fact]
    public async Task Search_FiltersByEachField_NewestFirst_AndLimits()
    {
        var store = await CreateStoreAsync();
        await store.TryInsertAsync(NewPayment("pay_s1", "o-1", "shop") with { CreatedAt = Now }, default);
        await store.TryInsertAsync(NewPayment("pay_s2", "o-2", "other") with { CreatedAt = Now.AddSeconds(1), ProviderInstance = "wx-b" }, default);
        await store.TryInsertAsync(NewPayment("pay_s3", "o-3", "shop") with { CreatedAt = Now.AddSeconds(2) }, default);
        await store.TryTransitionAsync(new PaymentTransition("pay_s3", [PaymentStatus.Pending], PaymentStatus.Closed), Now, default);

        Assert.Equal(["pay_s3", "pay_s2", "pay_s1"], (await store.SearchAsync(new PaymentSearch(), default)).Select(p => p.Id));
        Assert.Equal(["pay_s2"], (await store.SearchAsync(new PaymentSearch { ProviderInstance = "wx-b" }, default)).Select(p => p.Id));
        Assert.Equal(["pay_s3"], (await store.SearchAsync(new PaymentSearch { Status = PaymentStatus.Closed }, default)).Select(p => p.Id));
        Assert.Equal(["pay_s1"], (await store.SearchAsync(new PaymentSearch { MerchantOrderId = "o-1", Status = PaymentStatus.Pending }, default)).Select(p => p.Id));
        Assert.Equal(["pay_s3"], (await store.SearchAsync(new PaymentSearch { Limit = 1 }, default)).Select(p => p.Id));
        Assert.Empty(await store.SearchAsync(new PaymentSearch { MerchantOrderId = "' OR 1=1 --" }, default));
    }

    [Fact]
    public async Task Ping_Answers_OnAnInitializedStore()
        => await (await CreateStoreAsync()).PingAsync(default);
}

public sealed class SqlitePaymentStoreTests : PaymentStoreContractTests
{
    internal override async Task<StoreDialect> CreateDialectAsync()
    {
        var dialect = new SqliteDialect($"Data Source={Path.Combine(Path.GetTempPath(), $"gateway-test-{Guid.NewGuid():N}.db")}");
        await new SqlPaymentStore(dialect, TestEvents.Create).InitializeAsync(default);
        return dialect;
    }

    /// <summary>A fresh store in a temporary file, for tests of other components.</summary>
    internal async Task<IPaymentStore> CreateStoreAsyncForOthers()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gateway-test-{Guid.NewGuid():N}.db");
        var store = new SqlPaymentStore(new SqliteDialect($"Data Source={path}"), TestEvents.Create);
        await store.InitializeAsync(default);
        return store;
    }
}
