using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.WeChatPayV3.Crypto;
using Gateway.WeChatPayV3.Signing;

namespace Gateway.Fuzz.Targets;

/// <summary>
/// Plays WeChat Pay for the signed v3 target: <c>resource.ciphertext</c> in the input is the plaintext (a string or
/// a JSON object), encrypted here with the test APIv3 key under the input's own nonce and associated_data; then
/// the body is signed with the test platform key, with a timestamp the instance's clock accepts.
/// </summary>
internal static class V3NotifySealer
{
    private const string Nonce = "fuzz-nonce";

    public static (Dictionary<string, string> Headers, byte[] Body) Seal(ReadOnlySpan<byte> input)
    {
        var body = Encrypt(input) ?? input.ToArray();
        var timestamp = TestInstances.V3Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = WeChatPayV3Signer.Sign(TestInstances.V3PlatformKey, WeChatPayV3Signer.ReplyMessage(timestamp, Nonce, body));
        return (new Dictionary<string, string>
        {
            [WeChatPaySignatureHeaders.TimestampName] = timestamp,
            [WeChatPaySignatureHeaders.NonceName] = Nonce,
            [WeChatPaySignatureHeaders.SignatureName] = signature,
            [WeChatPaySignatureHeaders.SerialName] = TestInstances.V3PublicKeyId,
        }, body);
    }

    // Null when the input is no envelope with a resource the harness can encrypt: it is then signed as it is.
    private static byte[]? Encrypt(ReadOnlySpan<byte> input)
    {
        try
        {
            if (JsonNode.Parse(input) is not JsonObject envelope || envelope["resource"] is not JsonObject resource
                || resource["nonce"] is not JsonValue nonceValue || !nonceValue.TryGetValue<string>(out var nonce) || nonce.Length != 12
                || resource["ciphertext"] is not { } plain)
            {
                return null;
            }

            var associatedData = resource["associated_data"] is JsonValue ad && ad.TryGetValue<string>(out var text) ? text : null;
            var plaintext = plain is JsonValue value && value.TryGetValue<string>(out var s) ? s : plain.ToJsonString();
            resource["ciphertext"] = AeadAes256Gcm.Encrypt(TestInstances.V3Key, nonce, associatedData, plaintext);
            return Encoding.UTF8.GetBytes(envelope.ToJsonString());
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return null; // duplicate names, a lone surrogate: not the parser under test
        }
    }
}
