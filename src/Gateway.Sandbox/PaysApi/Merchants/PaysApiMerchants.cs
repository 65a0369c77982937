using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Gateway.Sandbox.PaysApi.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.PaysApi.Merchants;

/// <summary>The configured PaysAPI accounts by <c>uid</c>.</summary>
internal sealed class PaysApiMerchants(IOptions<PaysApiSandboxOptions> options)
{
    private readonly FrozenDictionary<string, PaysApiMerchant> _byUid = options.Value.Merchants
        .ToFrozenDictionary(m => m.Uid, m => new PaysApiMerchant(m.Uid, m.Token), StringComparer.Ordinal);

    public bool TryFind(string uid, [NotNullWhen(true)] out PaysApiMerchant? merchant) => _byUid.TryGetValue(uid, out merchant);
}

/// <summary>A class, not a record: a record's <c>ToString</c> would print the token.</summary>
internal sealed class PaysApiMerchant(string uid, string token)
{
    public string Uid { get; } = uid;

    public string Token { get; } = token;

    public override string ToString() => $"PaysAPI uid {Uid}";
}
