using Gateway.WeChatPay.Xml;

namespace Gateway.Fuzz.Targets;

/// <summary>The v2 XML reader every WeChat message goes through: fields, or <see cref="WeChatXmlException"/>.</summary>
internal static class WeChatXmlTarget
{
    public static void Run(ReadOnlyMemory<byte> input)
    {
        Dictionary<string, string> fields;
        try
        {
            fields = WeChatXml.Parse(input.Span);
        }
        catch (WeChatXmlException)
        {
            return;
        }

        // What was read is written back and read again unchanged (the writer drops empty values only).
        var expected = fields.Where(f => f.Value.Length > 0).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        string written;
        try
        {
            written = WeChatXml.Write(expected);
        }
        catch (System.Xml.XmlException)
        {
            return; // a prefixed name ("a:b") the writer refuses: a harness limit, not a parser finding
        }

        // XML turns a raw CR into LF on reading, CDATA included, so a value read from "&#13;" comes back as LF.
        var reread = WeChatXml.Parse(written);
        if (reread.Count != expected.Count || expected.Any(f => !reread.TryGetValue(f.Key, out var v) || v != LineFeeds(f.Value)))
        {
            throw new InvariantBrokenException("A parsed message does not survive Write then Parse.");
        }
    }

    private static string LineFeeds(string value) => value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
