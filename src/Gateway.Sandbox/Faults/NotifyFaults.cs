using Gateway.Sandbox.Notify;

namespace Gateway.Sandbox.Faults;

/// <summary>
/// The notify faults of a merchant, asked once per paid order before its first attempt: drop it, delay it, or
/// send extra copies at once (a duplicate storm) beside the normal delivery. Shared by WeChat Pay and PaysAPI.
/// </summary>
internal sealed class NotifyFaults(FaultBook faults, TimeProvider time)
{
    public async Task<NotifyPlan> BeforeSendAsync(string merchant, CancellationToken stopping)
    {
        if (faults.Take(merchant, FaultKinds.NotifyDrop) is not null)
        {
            return new NotifyPlan(true, 0);
        }

        if (faults.Take(merchant, FaultKinds.NotifyDelay) is { } delay)
        {
            await Task.Delay(FaultDelay.Of(delay), time, stopping).ConfigureAwait(false);
        }

        return new NotifyPlan(false, faults.Take(merchant, FaultKinds.NotifyDuplicate) is { } duplicate ? duplicate.Times ?? 5 : 0);
    }
}

/// <summary>What the notify faults decided for one order.</summary>
internal sealed record NotifyPlan(bool Drop, int ExtraCopies)
{
    /// <summary>Sends the extra copies at once (numbered 0: they are not attempts of the schedule) and records them.</summary>
    public Task Send(Func<int, Task<NotifyAttempt>> send, Action<NotifyAttempt> record) =>
        Task.WhenAll(Enumerable.Range(0, ExtraCopies).Select(async _ => record(await send(0).ConfigureAwait(false))));
}
