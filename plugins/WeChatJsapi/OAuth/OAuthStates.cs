using System.Security.Cryptography;
using System.Text.Json;
using Gateway.Abstractions.Hosting;

namespace Gateway.Plugins.WeChatJsapi.OAuth;

/// <summary>
/// The OAuth2 <c>state</c>: 32 random [A-Za-z0-9] characters (what WeChat allows) kept in the shared cache for a
/// few minutes with the page to return to, and usable once.
/// </summary>
internal sealed class OAuthStates(IGatewayCache cache, string instanceName)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public async Task<string> IssueAsync(PendingLogin login, CancellationToken cancellationToken)
    {
        var state = RandomNumberGenerator.GetString(Alphabet, 32);
        await cache.SetAsync(Key(state), JsonSerializer.Serialize(login), Lifetime, cancellationToken).ConfigureAwait(false);
        return state;
    }

    /// <summary>The login a state was issued for, or null when unknown, expired or already used.</summary>
    public async Task<PendingLogin?> TakeAsync(string? state, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state) || state.Length != 32 || !state.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var key = Key(state);
        if (await cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is not { } json)
        {
            return null;
        }

        // The lease is the single-use claim: the first taker holds it until the state would have expired anyway.
        if (await cache.TryLockAsync("claim:" + key, Lifetime, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        await cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize<PendingLogin>(json);
    }

    private string Key(string state) => $"wechat:{instanceName}:oauth-state:{state}";
}

/// <summary>What a started login remembers until WeChat sends the browser back.</summary>
internal sealed record PendingLogin(string ReturnUrl, string Scope);
