using System.Text;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Plugins;

namespace Gateway.Fuzz.Targets;

/// <summary>
/// The APIv3 notify (signature headers, then the JSON envelope, then its AES-256-GCM resource). Raw: the input is
/// header lines, a blank line, then the body (never signed with the test key, so it must always be refused).
/// Signed: the input is the body; <see cref="V3NotifySealer"/> encrypts its resource and signs it, so mutations
/// reach the envelope, transaction and refund readers (the event type decides which, not the route).
/// </summary>
internal sealed class V3NotifyTarget(IProviderInstance instance, bool sign)
{
    public void Run(ReadOnlyMemory<byte> input)
    {
        var (headers, body) = sign ? V3NotifySealer.Seal(input.Span) : Split(input.Span);
        var parse = instance.ParseNotifyAsync(new NotifyRequest(NotifyKind.Payment, body, "application/json", headers), CancellationToken.None);
        switch (parse.IsCompleted ? parse.Result : parse.AsTask().GetAwaiter().GetResult())
        {
            case NotifyParseResult.Payment or NotifyParseResult.Refund when !sign:
                throw new InvariantBrokenException("A notify not signed with WeChat Pay's key was accepted.");
            case NotifyParseResult.Refund { Notification: var r } when r.RefundId.Length == 0 || r.PaymentId.Length == 0 || r.Amount <= 0:
                throw new InvariantBrokenException("An accepted refund notify lacks its ids or has no positive amount.");
            case NotifyParseResult.Payment { Notification: var n }
                when n.PaymentId.Length == 0 || n.ProviderTransactionId.Length == 0 || n.Amount <= 0:
                throw new InvariantBrokenException("An accepted notify lacks its order or transaction, or has no positive amount.");
            case NotifyParseResult.Payment { Notification.Status: not (PaymentStatus.Succeeded or PaymentStatus.Pending or PaymentStatus.Failed or PaymentStatus.Closed) }:
                throw new InvariantBrokenException("An accepted notify has a status a provider cannot report.");
            case null:
                throw new InvariantBrokenException("ParseNotifyAsync answered null.");
        }
    }

    // "Name: value" lines up to the first empty line; the rest is the body.
    private static (Dictionary<string, string> Headers, byte[] Body) Split(ReadOnlySpan<byte> input)
    {
        var end = input.IndexOf("\n\n"u8);
        var head = end < 0 ? input : input[..end];
        var body = end < 0 ? [] : input[(end + 2)..].ToArray();
        // Case-sensitive, as the contract allows: names that differ in case only must not break the plugin.
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(head).Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return (headers, body);
    }
}
