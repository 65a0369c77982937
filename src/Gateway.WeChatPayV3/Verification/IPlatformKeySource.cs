using System.Security.Cryptography;

namespace Gateway.WeChatPayV3.Verification;

/// <summary>Finds the WeChat Pay key a reply or notify names in <c>Wechatpay-Serial</c>.</summary>
public interface IPlatformKeySource
{
    /// <summary>The public key for <paramref name="serial"/>, or null when it is unknown (after at most one refresh).</summary>
    ValueTask<RSA?> FindAsync(string serial, CancellationToken cancellationToken);
}
