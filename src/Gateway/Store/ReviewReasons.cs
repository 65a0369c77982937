namespace Gateway.Store;

/// <summary>Why money received was held in <c>requires_review</c> instead of counting as the payment.</summary>
internal static class ReviewReasons
{
    /// <summary>The provider reports a paid amount that disagrees with the order beyond what it allows (PaysAPI realprice).</summary>
    public const string AmountMismatch = "amount_mismatch";

    /// <summary>Paid after the payment was closed or expired.</summary>
    public const string LatePayment = "late_payment";

    /// <summary>Another payment of the same merchant order had already been paid.</summary>
    public const string DoublePayment = "double_payment";
}
