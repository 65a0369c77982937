using System.Collections.Concurrent;

namespace Gateway.Sandbox.WeChatOpen;

/// <summary>
/// Every openid the sandbox handed out, with the app it belongs to. At WeChat an openid exists only under one
/// appid (OAuth2 and code2Session issue it), and unifiedorder refuses one that the appid never issued; the
/// sandbox's pay side asks here to do the same.
/// </summary>
internal sealed class IssuedOpenIds
{
    private readonly ConcurrentDictionary<(string AppId, string OpenId), byte> _issued = new();

    public void Record(string appId, string openId) => _issued.TryAdd((appId, openId), 0);

    public bool WasIssued(string appId, string openId) => _issued.ContainsKey((appId, openId));
}
