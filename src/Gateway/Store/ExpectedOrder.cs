namespace Gateway.Store;

/// <summary>
/// The order a provider's report describes, for a transition that checks it in its own conditional UPDATE rather
/// than after a read: applied only while the payment is served by <see cref="ProviderInstance"/>, has exactly
/// <see cref="Amount"/>, and agrees on each field the report carries (a null field is not compared, as in
/// <c>ProviderReportApplier.Disagreement</c>). Comparisons are exact, so this never accepts what the check after a
/// read would refuse; it may refuse what that check accepts (a currency in other letter case), which then takes the read.
/// </summary>
internal sealed record ExpectedOrder(string ProviderInstance, long Amount, string? Currency, string? AppId, string? MerchantId);
