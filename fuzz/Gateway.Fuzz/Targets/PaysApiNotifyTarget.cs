using System.Security.Cryptography;
using System.Text;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Plugins;
using Microsoft.AspNetCore.WebUtilities;

namespace Gateway.Fuzz.Targets;

/// <summary>
/// PaysAPI's notify form: raw (never keyed with the test token, so always refused), or with <c>key</c>
/// recomputed over the parsed fields with the test token (any answer but an exception).
/// </summary>
internal sealed class PaysApiNotifyTarget(IProviderInstance instance, bool rekey)
{
    private const string FormType = "application/x-www-form-urlencoded";

    public void Run(ReadOnlyMemory<byte> input)
    {
        var body = rekey ? Rekey(input.Span) : input.ToArray();
        if (body is null)
        {
            return;
        }

        switch (ProviderNotify.Parse(instance, body, FormType))
        {
            case NotifyParseResult.Payment when !rekey:
                throw new InvariantBrokenException("A form not keyed with the instance's token was accepted.");
            case NotifyParseResult.Payment { Notification: var n } when n.Amount <= 0 || n.PaidAmount < 0 || n.PaymentId.Length == 0:
                throw new InvariantBrokenException("An accepted notify has no order or a non-positive amount.");
            case null:
                throw new InvariantBrokenException("ParseNotifyAsync answered null.");
        }
    }

    // md5(orderid + orderuid + paysapi_id + price + realprice + token), computed here independently of the plugin.
    private static byte[]? Rekey(ReadOnlySpan<byte> input)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(input));
        string First(string name) => form.TryGetValue(name, out var values) && values.Count > 0 ? values[0] ?? "" : "";
        var key = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(
            First("orderid") + First("orderuid") + First("paysapi_id") + First("price") + First("realprice") + TestInstances.PaysApiToken)));
        var pairs = form.Where(f => f.Key != "key").SelectMany(f => f.Value.Select(v => (f.Key, Value: v ?? "")))
            .Append((Key: "key", Value: key));
        try
        {
            return Encoding.UTF8.GetBytes(string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))));
        }
        catch (UriFormatException)
        {
            return null; // a lone surrogate the harness cannot re-encode
        }
    }
}
