using System.Text;

namespace Gateway.PluginTesting.Checks;

/// <summary>Notify bodies no provider sends: what an attacker or a broken proxy might post to <c>/notify/{instance}</c>.</summary>
internal static class HostileBodies
{
    public static IEnumerable<(string Name, string? ContentType, byte[] Body)> All()
    {
        string?[] contentTypes = ["application/xml", "application/json", "application/x-www-form-urlencoded", null];
        foreach (var (name, body) in Bodies())
        {
            foreach (var contentType in contentTypes)
            {
                yield return (name, contentType, body);
            }
        }
    }

    private static IEnumerable<(string Name, byte[] Body)> Bodies()
    {
        yield return ("empty", []);
        yield return ("1 MB of text", Encoding.ASCII.GetBytes(new string('A', 1024 * 1024)));
        yield return ("1 MB of random bytes", Random(1024 * 1024));
        yield return ("entity bomb", Utf8("""
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">]>
            <xml><return_code>&lol6;</return_code></xml>
            """));
        yield return ("external entity DOCTYPE", Utf8("""<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><out_trade_no>&xxe;</out_trade_no><sign>00</sign></xml>"""));
        yield return ("bad UTF-8", [0x3C, 0x78, 0x6D, 0x6C, 0x3E, 0xC3, 0x28, 0xFF, 0xFE, 0xA0, 0xA1, 0x3C, 0x2F, 0x78, 0x6D, 0x6C, 0x3E]);
        yield return ("deep JSON", Utf8(new string('[', 100_000) + new string(']', 100_000)));
        yield return ("deep XML", Utf8(string.Concat(Enumerable.Repeat("<a>", 50_000)) + string.Concat(Enumerable.Repeat("</a>", 50_000))));
        yield return ("truncated XML", Utf8("<xml><return_code><![CDATA[SUCCESS]]></return_code><out_trade_no><![CDATA[pay_"));
        yield return ("truncated JSON", Utf8("""{"paymentId":"pay_1","amount":"""));
        yield return ("JSON of the wrong shapes", Utf8("""{"paymentId":{"a":1},"amount":"1e999","status":[],"transactionId":null,"sign":true}"""));
        yield return ("broken form", Utf8("orderid=%ZZ&&=&key=%&price=NaN&realprice=-1e308&paysapi_id=" + new string('%', 100)));
        yield return ("control characters", Utf8("<xml>\u0000\u0001\u001b[2J<sign>\u0000</sign></xml>"));
        yield return ("unsigned success", Utf8("<xml><return_code>SUCCESS</return_code><result_code>SUCCESS</result_code><out_trade_no>pay_1</out_trade_no><total_fee>1</total_fee><transaction_id>4200</transaction_id></xml>"));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Random(int length)
    {
        var bytes = new byte[length];
        new Random(20261129).NextBytes(bytes); // fixed seed: a failure can be reproduced
        return bytes;
    }
}
