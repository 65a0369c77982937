using System.Diagnostics;
using Gateway.Payments;
using Gateway.Store;
using Gateway.Telemetry;

namespace Gateway.Notify;

internal sealed partial class NotifyPipeline
{
    /// <summary>
    /// The common first notify in one checkout, one transaction and one commit, with no read of the payment: take the
    /// dedupe lease, then one conditional transition whose WHERE holds the order check
    /// (<see cref="ProviderReportApplier.TryApplyPaidAtOnceAsync"/>). False when it did not apply and nothing changed:
    /// the lease is released (or was never taken) and the caller takes the full path, which reads, checks and decides
    /// exactly as before: a mismatch, a late or double payment held for review, a duplicate, an unknown order.
    /// </summary>
    private async Task<bool> TryApplyAtOnceAsync(
        string instance, NotifyDedupeEntry entry, ProviderReport report, string paymentId, ITransitionAttachment? attachment, Activity? apply,
        CancellationToken cancellationToken)
    {
        if (!ProviderReportApplier.CanApplyAtOnce(report))
        {
            return false;
        }

        // Done meanwhile, or another copy in progress: the full path checks this copy against the order before it
        // acknowledges it as a duplicate, or waits for the other copy.
        var dedupe = await _deduplicator.TryBeginAsync(entry, cancellationToken);
        if (dedupe is not { State: DedupeState.Began, Lease: { } lease })
        {
            return false;
        }

        PaymentRecord? paid;
        try
        {
            paid = await _applier.TryApplyPaidAtOnceAsync(instance, paymentId, report, attachment, cancellationToken);
        }
        catch
        {
            await lease.ReleaseAsync(CancellationToken.None);
            throw;
        }

        if (paid is null)
        {
            await lease.ReleaseAsync(CancellationToken.None);
            return false;
        }

        GatewayActivities.LinkToCreate(apply, paid.TraceParent);
        apply?.SetTag("payment.channel", paid.Channel);

        // Acknowledged only now, with the transition durable.
        await lease.CompleteAsync(cancellationToken);
        return true;
    }
}
