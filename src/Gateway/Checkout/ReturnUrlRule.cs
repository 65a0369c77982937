using System.Net;

namespace Gateway.Checkout;

/// <summary>
/// A payment's <c>returnUrl</c>: an absolute https URL; http only to a loopback host in test mode (a local
/// shop under development). The page only navigates there, it never fetches it.
/// </summary>
internal static class ReturnUrlRule
{
    public static string? Check(string? returnUrl, bool testMode)
    {
        if (returnUrl is null)
        {
            return null;
        }

        if (returnUrl.Length > 1024 || !Uri.TryCreate(returnUrl, UriKind.Absolute, out var url) || !string.IsNullOrEmpty(url.UserInfo))
        {
            return "must be an absolute https URL of at most 1024 characters, without user info.";
        }

        var loopbackHttp = url.Scheme == Uri.UriSchemeHttp && testMode && (url.IsLoopback || IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip));
        return url.Scheme == Uri.UriSchemeHttps || loopbackHttp ? null : "must be an https URL (http only to loopback in test mode).";
    }
}
