namespace Gateway.Sandbox.PaysApi.Payer;

/// <summary>
/// Body of <c>POST …/paysapi/pay</c>. <see cref="RealPrice"/> (yuan, two decimals) defaults to the price,
/// and lets a test pay a shaved or inflated amount; <see cref="Uid"/> is needed only when two accounts
/// share an orderid.
/// </summary>
internal sealed record PaysApiPayRequest(string? OrderId, string? RealPrice, string? Uid);

/// <summary>Answer of a successful simulated payment.</summary>
internal sealed record PaysApiPayAccepted(string OrderId, string PaysApiId, string RealPrice, string Status);
