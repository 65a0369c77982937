namespace Gateway.Plugins.WeChatJsapi.OAuth;

/// <summary>
/// Where an OAuth login may send the browser back to: a relative path on the gateway, or a URL on a
/// configured origin. Anything else would make the gateway an open redirect (and hand an openid to it).
/// </summary>
internal sealed class ReturnUrls(IReadOnlyList<string> allowedOrigins)
{
    public bool IsAllowed(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Any(char.IsControl) || returnUrl.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        // "/path" is local; "//host" and "/\host" are protocol-relative URLs to another host.
        if (returnUrl[0] == '/')
        {
            return returnUrl.Length == 1 || returnUrl[1] != '/';
        }

        return Uri.TryCreate(returnUrl, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.UserInfo)
            && allowedOrigins.Contains(uri.GetLeftPart(UriPartial.Authority), StringComparer.OrdinalIgnoreCase);
    }
}
