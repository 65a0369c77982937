using System.Net;
using System.Text.RegularExpressions;

namespace Gateway.Payments;

/// <summary>The JSON body of <c>POST /v1/payments</c>.</summary>
public sealed partial record CreatePaymentBody
{
    /// <summary>
    /// e.g. <c>wechat.native</c>, <c>wechat.jsapi</c>, <c>wechat.miniprogram</c>, <c>wechat.h5</c>, <c>paysapi.alipay</c>; or <c>any</c>:
    /// the payer chooses on the checkout page.
    /// </summary>
    public string? Channel { get; init; }

    /// <summary>The caller's own order id; unique per client among live payments.</summary>
    public string? MerchantOrderId { get; init; }

    /// <summary>Integer amount in the smallest currency unit (fen).</summary>
    public long? Amount { get; init; }

    /// <summary>ISO 4217; only <c>CNY</c> is offered by the current providers.</summary>
    public string? Currency { get; init; }

    /// <summary>What is being paid for, shown to the payer (≤ 128 characters).</summary>
    public string? Description { get; init; }

    /// <summary>The payer's IP address.</summary>
    public string? ClientIp { get; init; }

    /// <summary>The payer, for channels that need one.</summary>
    public PayerBody? Payer { get; init; }

    /// <summary>The caller's webhook for this payment's events.</summary>
    public string? NotifyUrl { get; init; }

    /// <summary>Where the checkout page sends the payer after success: https (http on loopback in test mode).</summary>
    public string? ReturnUrl { get; init; }

    /// <summary>Seconds until the payment stops being payable (60 to 86400; default 7200).</summary>
    public int? ExpiresIn { get; init; }

    /// <summary>Up to 20 string pairs, echoed back.</summary>
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

        if (string.IsNullOrEmpty(MerchantOrderId) || !MerchantOrderIdPattern().IsMatch(MerchantOrderId))
        {
            Fail("merchantOrderId", "is required: 1 to 64 characters of letters, digits, '_', '-', '.' or ':'.");
        }

        errors.AddProblem("amount", RequestFieldRules.Amount(Amount));

        if (Currency != "CNY")
        {
            Fail("currency", "must be 'CNY'.");
        }

        errors.AddProblem("description", RequestFieldRules.Description(Description));

        if (string.IsNullOrEmpty(ClientIp) || !IPAddress.TryParse(ClientIp, out _))
        {
            Fail("clientIp", "is required: an IPv4 or IPv6 address.");
        }

        if (Payer?.OpenId is { } openId && (openId.Length is 0 or > 128))
        {
            Fail("payer.openId", "must be 1 to 128 characters.");
        }

        if (Payer?.SessionToken is { } token && (token.Length is 0 or > 128))
        {
            Fail("payer.sessionToken", "must be 1 to 128 characters.");
        }

        errors.AddProblem("notifyUrl", RequestFieldRules.NotifyUrl(NotifyUrl));

        if (ExpiresIn is < 60 or > 86400)
        {
            Fail("expiresIn", "must be between 60 and 86400 seconds.");
        }

        errors.AddProblem("metadata", RequestFieldRules.Metadata(Metadata, 20));

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex MerchantOrderIdPattern();
}

/// <summary>The payer of a payment.</summary>
public sealed record PayerBody
{
    /// <summary>The payer's openid under the provider instance's app id.</summary>
    public string? OpenId { get; init; }

    /// <summary>Instead of <see cref="OpenId"/>: the session token the mini-program login answered.</summary>
    public string? SessionToken { get; init; }
}
