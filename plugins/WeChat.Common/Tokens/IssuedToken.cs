namespace Gateway.Plugins.WeChat.Common.Tokens;

/// <summary>A token or ticket WeChat just issued, with its lifetime. Not a record: no generated ToString may print it.</summary>
internal sealed class IssuedToken(string value, TimeSpan lifetime)
{
    /// <summary>The token itself; a secret.</summary>
    public string Value { get; } = value;

    /// <summary>How long WeChat says it lives (<c>expires_in</c>).</summary>
    public TimeSpan Lifetime { get; } = lifetime;
}
