using System.Security.Cryptography;

namespace Gateway.WeChatPayV3.Verification;

/// <summary>Public-key mode: one WeChat Pay public key, named by its id <c>PUB_KEY_ID_…</c>.</summary>
public sealed class PublicKeySource(string publicKeyId, RSA publicKey) : IPlatformKeySource
{
    private readonly string _id = publicKeyId ?? throw new ArgumentNullException(nameof(publicKeyId));
    private readonly RSA _key = publicKey ?? throw new ArgumentNullException(nameof(publicKey));

    /// <inheritdoc />
    public ValueTask<RSA?> FindAsync(string serial, CancellationToken cancellationToken)
        => ValueTask.FromResult(string.Equals(serial, _id, StringComparison.Ordinal) ? _key : null);
}
