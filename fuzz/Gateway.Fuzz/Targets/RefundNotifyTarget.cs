using System.Security.Cryptography;
using System.Text;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Plugins;
using Gateway.WeChatPay.Refunds;
using Gateway.WeChatPay.Xml;

namespace Gateway.Fuzz.Targets;

/// <summary>
/// The v2 refund notify (<c>req_info</c>: Base64 of AES-256-ECB under MD5 of the key, then XML): on the raw body
/// (never encrypted with the test key, so it must always be refused), or with the input's <c>req_info</c> taken as
/// the plaintext and encrypted with the test key, so mutations reach the decrypted document's parse.
/// </summary>
internal sealed class RefundNotifyTarget(IProviderInstance instance, bool encrypt)
{
    private static readonly byte[] Key = RefundRequestInfo.DeriveKey(TestInstances.WeChatKey);

    public void Run(ReadOnlyMemory<byte> input)
    {
        var body = encrypt ? Encrypt(input.Span) : input.ToArray();
        if (body is null)
        {
            return;
        }

        var parse = instance.ParseNotifyAsync(
            new NotifyRequest(NotifyKind.Refund, body, "text/xml", new Dictionary<string, string>()), CancellationToken.None);
        switch (parse.IsCompleted ? parse.Result : parse.AsTask().GetAwaiter().GetResult())
        {
            case NotifyParseResult.Refund when !encrypt:
                throw new InvariantBrokenException("A req_info not encrypted with the instance's key was accepted.");
            case NotifyParseResult.Refund { Notification: var n } when n.RefundId.Length == 0 || n.PaymentId.Length == 0 || n.Amount < 0:
                throw new InvariantBrokenException("An accepted refund notify lacks its ids or has a negative amount.");
            case NotifyParseResult.Payment:
                throw new InvariantBrokenException("A refund notify was read as a payment.");
            case null:
                throw new InvariantBrokenException("ParseNotifyAsync answered null.");
        }
    }

    // The req_info value as it was read (not re-written), so any bytes reach the decrypted document's reader.
    private static byte[]? Encrypt(ReadOnlySpan<byte> input)
    {
        Dictionary<string, string> fields;
        try
        {
            fields = WeChatXml.Parse(input);
        }
        catch (WeChatXmlException)
        {
            return null;
        }

        if (fields.TryGetValue("req_info", out var plain))
        {
            using var aes = Aes.Create();
            aes.Key = Key;
            fields["req_info"] = Convert.ToBase64String(aes.EncryptEcb(Encoding.UTF8.GetBytes(plain), PaddingMode.PKCS7));
        }

        try
        {
            return Encoding.UTF8.GetBytes(WeChatXml.Write(fields));
        }
        catch (System.Xml.XmlException)
        {
            return null; // a prefixed name the writer refuses
        }
    }
}
