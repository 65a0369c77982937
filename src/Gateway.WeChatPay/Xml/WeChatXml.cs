using System.Text;
using System.Xml;

namespace Gateway.WeChatPay.Xml;

/// <summary>
/// The v2 XML envelope: a flat <c>&lt;xml&gt;</c> root whose children are the fields, values in CDATA.
/// Parsing prohibits DTDs (and with them external entities), resolves nothing, and caps the size.
/// </summary>
public static class WeChatXml
{
    /// <summary>Bodies larger than this are refused; real v2 messages are a few KiB.</summary>
    public const int DefaultMaxBytes = 64 * 1024;

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = DefaultMaxBytes,
        CloseInput = false,
    };

    /// <summary>
    /// Parses a v2 message into its fields. Throws <see cref="WeChatXmlException"/> for anything that is
    /// not a well-formed, flat <c>&lt;xml&gt;</c> document within the size cap, or repeats a field.
    /// </summary>
    public static Dictionary<string, string> Parse(ReadOnlySpan<byte> body, int maxBytes = DefaultMaxBytes)
        => Parse(body, "xml", maxBytes);

    /// <summary>
    /// Parses a flat message whose root is <paramref name="root"/> (the decrypted refund notify's <c>req_info</c>
    /// is a <c>&lt;root&gt;</c> document), with the same rules as the <c>&lt;xml&gt;</c> envelope.
    /// </summary>
    public static Dictionary<string, string> Parse(ReadOnlySpan<byte> body, string root, int maxBytes = DefaultMaxBytes)
    {
        if (body.IsEmpty)
        {
            throw new WeChatXmlException("The body is empty.");
        }

        if (body.Length > maxBytes)
        {
            throw new WeChatXmlException($"The body is larger than {maxBytes} bytes.");
        }

        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, ReaderSettings);
            return ReadFields(reader, root);
        }
        catch (Exception ex) when (ex is not WeChatXmlException)
        {
            // Not only XmlException: hostile bytes also make System.Xml throw ArgumentOutOfRangeException
            // (e.g. `<?xml version="1.0\xB4"?>`, in its encoding switch), and a reader over bytes in memory
            // has no failure that is not about the bytes. Found by fuzz/ (target wechat-xml).
            throw new WeChatXmlException($"The body is not valid WeChat XML: {ex.Message}", ex);
        }
    }

    /// <summary>Parses a v2 message given as text.</summary>
    public static Dictionary<string, string> Parse(string body, int maxBytes = DefaultMaxBytes)
        => Parse(Encoding.UTF8.GetBytes(body ?? throw new ArgumentNullException(nameof(body))), maxBytes);

    private static Dictionary<string, string> ReadFields(XmlReader reader, string root)
    {
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element || reader.Name != root)
        {
            throw new WeChatXmlException($"The root element must be <{root}>.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.IsEmptyElement)
        {
            return fields;
        }

        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                throw new WeChatXmlException("Only field elements may appear inside <xml>.");
            }

            var name = reader.Name;
            // ReadElementContentAsString fails on nested elements, which v2 messages never have.
            var value = reader.ReadElementContentAsString();
            if (!fields.TryAdd(name, value))
            {
                throw new WeChatXmlException($"The field '{name}' appears twice.");
            }
        }

        return fields;
    }

    /// <summary>Writes fields as a v2 message, values in CDATA, empty values left out.</summary>
    public static string Write(IEnumerable<KeyValuePair<string, string>> fields) => Write(fields, "xml");

    /// <summary>Writes fields as a flat message under <paramref name="root"/>, values in CDATA, empty values left out.</summary>
    public static string Write(IEnumerable<KeyValuePair<string, string>> fields, string root)
    {
        ArgumentNullException.ThrowIfNull(fields);
        XmlConvert.VerifyNCName(root);
        var builder = new StringBuilder(512).Append('<').Append(root).Append('>');
        foreach (var (name, value) in fields)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            XmlConvert.VerifyNCName(name);
            builder.Append('<').Append(name).Append('>');
            AppendCData(builder, value);
            builder.Append("</").Append(name).Append('>');
        }

        return builder.Append("</").Append(root).Append('>').ToString();
    }

    private static void AppendCData(StringBuilder builder, string value)
    {
        // "]]>" cannot appear inside one CDATA section, so split it across two.
        builder.Append("<![CDATA[").Append(value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)).Append("]]>");
    }
}

/// <summary>A body that is not a valid v2 XML message.</summary>
public sealed class WeChatXmlException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WeChatXmlException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
