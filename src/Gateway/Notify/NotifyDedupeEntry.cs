using System.Globalization;
using System.Text;
using Gateway.Abstractions.Notify;
using Gateway.Store;

namespace Gateway.Notify;

/// <summary>
/// A payment notify's dedupe key (one lease per instance, payment, provider transaction and status) and its
/// fingerprint: every field the order check reads, and what the transition records. "Done" stores the
/// fingerprint, so a later copy with the same fingerprint is known to have passed the order check without
/// reading the payment; a copy that differs in any of them is checked against the stored payment as before.
/// Amount and currency never change. App id, merchant id and instance change only when an aggregated
/// checkout's payer switches instance: a copy of a notify the old instance already had acknowledged (a
/// failure report, say) is then acknowledged again, which changes nothing.
/// </summary>
internal readonly record struct NotifyDedupeEntry(string Key, string Fingerprint)
{
    /// <summary>The value "done" entries start with; older entries are exactly this (no fingerprint).</summary>
    public const string DonePrefix = "done";

    public static NotifyDedupeEntry For(string instance, PaymentNotification notification)
    {
        var key = $"notify:{instance}:{notification.PaymentId}:{notification.ProviderTransactionId}:{notification.Status}";
        var fingerprint = new StringBuilder(DonePrefix, 96);
        Append(fingerprint, notification.Status.ToName());
        Append(fingerprint, notification.ProviderTransactionId);
        Append(fingerprint, notification.Amount.ToString(CultureInfo.InvariantCulture));
        Append(fingerprint, notification.PaidAmount?.ToString(CultureInfo.InvariantCulture));
        Append(fingerprint, notification.Currency);
        Append(fingerprint, notification.AppId);
        Append(fingerprint, notification.MerchantId);
        return new NotifyDedupeEntry(key, fingerprint.ToString());
    }

    /// <summary>True when a stored dedupe value means done (with any fingerprint, or none).</summary>
    public static bool IsDone(string? value) => value is not null && value.StartsWith(DonePrefix, StringComparison.Ordinal);

    // Length-prefixed, and "-" for null: no two different field lists give the same text.
    private static void Append(StringBuilder text, string? field)
    {
        if (field is null)
        {
            text.Append("|-");
            return;
        }

        text.Append('|').Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
    }
}
