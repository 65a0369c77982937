using System.Security.Cryptography;

namespace Gateway.WeChatPayV3.Verification;

/// <summary>A decrypted platform certificate: its serial (upper-case hex), validity and public key.</summary>
public sealed record PlatformCertificate(string SerialNo, DateTimeOffset EffectiveTime, DateTimeOffset ExpireTime, RSA PublicKey)
{
    /// <summary>True when <paramref name="now"/> is within the certificate's validity.</summary>
    public bool IsValidAt(DateTimeOffset now) => now >= EffectiveTime && now < ExpireTime;
}
