using System.Text.RegularExpressions;

namespace Gateway.Refunds;

/// <summary>The JSON body of <c>POST /v1/payments/{id}/refunds</c> (and of an offline refund).</summary>
public sealed partial record CreateRefundBody
{
    /// <summary>Integer amount in fen, at most what remains refundable.</summary>
    public long? Amount { get; init; }

    /// <summary>The caller's own refund id (1-64 of [A-Za-z0-9_-|*@]); reusing it with the same terms returns the same refund.</summary>
    public string? MerchantRefundId { get; init; }

    /// <summary>Why (≤ 80 characters); shown to the payer where the provider supports it.</summary>
    public string? Reason { get; init; }

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Amount is null)
        {
            errors["amount"] = ["is required: an integer in fen."];
        }

        if (string.IsNullOrEmpty(MerchantRefundId) || !MerchantRefundIdPattern().IsMatch(MerchantRefundId))
        {
            errors["merchantRefundId"] = ["is required: 1-64 characters of A-Z a-z 0-9 _ - | * @."];
        }

        if (Reason is not null && (Reason.Length > 80 || Reason.Any(char.IsControl)))
        {
            errors["reason"] = ["must be at most 80 characters, without control characters."];
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9_\\-|*@]{1,64}$")]
    private static partial Regex MerchantRefundIdPattern();
}
