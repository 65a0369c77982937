namespace Gateway.Plugins.PaysApi;

/// <summary>
/// One PaysAPI account's settings. A class, not a record, on purpose: a record's generated
/// <c>ToString</c> would print the token into any log line or exception that formats it.
/// </summary>
internal sealed class PaysApiOptions
{
    /// <summary>PaysAPI's documented endpoint for both start modes.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://pay.paysapi.com/");

    /// <summary>The merchant <c>uid</c> (string(24)); not secret, it is sent in every request.</summary>
    public string Uid { get; init; } = "";

    /// <summary>The dashboard <c>token</c> that keys every MD5; never sent, logged or shown.</summary>
    public string Token { get; init; } = "";

    public StartMode StartMode { get; init; } = StartMode.FormPost;

    /// <summary>Where the form is posted, and where <c>?format=json</c> is called. Ends in a slash.</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>How many fen a notify's <c>realprice</c> may fall short of <c>price</c> and still count as paid.</summary>
    public long ToleranceFen { get; init; }

    public override string ToString() => $"PaysAPI uid {Uid}";
}
