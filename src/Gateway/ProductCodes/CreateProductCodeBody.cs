using System.Text.RegularExpressions;
using Gateway.Payments;

namespace Gateway.ProductCodes;

/// <summary>The JSON body of <c>POST /v1/product-codes</c>.</summary>
public sealed partial record CreateProductCodeBody
{
    /// <summary>Metadata entries a product code may carry; one is kept free for <c>productCodeId</c> on its payments.</summary>
    public const int MaxMetadataEntries = 19;

    private const string ProductCodeIdKey = ProductCodePayments.ProductCodeIdKey;

    /// <summary>The channel; only <c>wechat.native</c> offers product codes.</summary>
    public string? Channel { get; init; }

    /// <summary>The client's product id, 1 to 32 of <c>[A-Za-z0-9_-]</c> (WeChat's product_id is String(32)).</summary>
    public string? ProductId { get; init; }

    /// <summary>The price of each payment, an integer in fen.</summary>
    public long? Amount { get; init; }

    /// <summary>What is being paid for, shown to the payer (≤ 128 characters).</summary>
    public string? Description { get; init; }

    /// <summary>The caller's webhook for the events of payments made from this code.</summary>
    public string? NotifyUrl { get; init; }

    /// <summary>Up to 19 string pairs, copied onto each payment.</summary>
    public Dictionary<string, string>? Metadata { get; init; }

    /// <summary>Every problem with the body, by field.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(Channel))
        {
            Fail("channel", "is required.");
        }

        if (string.IsNullOrEmpty(ProductId) || !ProductIdPattern().IsMatch(ProductId))
        {
            Fail("productId", "is required: 1 to 32 characters of letters, digits, '_' or '-'.");
        }

        errors.AddProblem("amount", RequestFieldRules.Amount(Amount));
        errors.AddProblem("description", RequestFieldRules.Description(Description));
        errors.AddProblem("notifyUrl", RequestFieldRules.NotifyUrl(NotifyUrl));
        errors.AddProblem("metadata", RequestFieldRules.Metadata(Metadata, MaxMetadataEntries, ProductCodeIdKey));
        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex ProductIdPattern();
}
