using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Plugins;

namespace Gateway.Fuzz.Targets;

/// <summary>
/// A WeChat plugin's <c>ParseNotifyAsync</c>: on the raw body (never signed with the test key, so it must
/// always be refused), or on the body re-signed with the test key (any answer but an exception).
/// </summary>
internal sealed class WeChatNotifyTarget(IProviderInstance instance, bool resign)
{
    public void Run(ReadOnlyMemory<byte> input)
    {
        var body = resign ? WeChatResigner.Resign(input.Span, TestInstances.WeChatKey) : input.ToArray();
        if (body is null)
        {
            return;
        }

        var result = ProviderNotify.Parse(instance, body, "text/xml");
        switch (result)
        {
            case NotifyParseResult.Payment when !resign:
                throw new InvariantBrokenException("A body not signed with the instance's key was accepted.");
            // A failure report may come without a transaction; a success never does.
            case NotifyParseResult.Payment { Notification: var n }
                when n.PaymentId.Length == 0 || n.Amount < 0 || (n.Status == PaymentStatus.Succeeded && n.ProviderTransactionId.Length == 0):
                throw new InvariantBrokenException("An accepted notify lacks its order or amount, or a success its transaction.");
            case null:
                throw new InvariantBrokenException("ParseNotifyAsync answered null.");
        }
    }
}
