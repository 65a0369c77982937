using System.Collections.Frozen;
using Gateway.Abstractions.Payments;

namespace Gateway.Store;

/// <summary>The snake_case names of <see cref="PaymentStatus"/>, used in the API and the store.</summary>
internal static class PaymentStatusNames
{
    private static readonly FrozenDictionary<PaymentStatus, string> Names = new Dictionary<PaymentStatus, string>
    {
        [PaymentStatus.Pending] = "pending",
        [PaymentStatus.Succeeded] = "succeeded",
        [PaymentStatus.Failed] = "failed",
        [PaymentStatus.Closed] = "closed",
        [PaymentStatus.Expired] = "expired",
        [PaymentStatus.PartiallyRefunded] = "partially_refunded",
        [PaymentStatus.Refunded] = "refunded",
        [PaymentStatus.RequiresReview] = "requires_review",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, PaymentStatus> Values = Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string ToName(this PaymentStatus status) => Names[status];

    public static PaymentStatus Parse(string name)
        => Values.TryGetValue(name, out var status) ? status : throw new InvalidOperationException($"Unknown payment status '{name}' in the store.");

    public static bool TryParse(string name, out PaymentStatus status) => Values.TryGetValue(name, out status);
}
