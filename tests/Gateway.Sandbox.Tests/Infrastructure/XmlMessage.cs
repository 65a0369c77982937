using System.Xml.Linq;

namespace Gateway.Sandbox.Tests.Infrastructure;

/// <summary>Test-side v2 XML: string concatenation out, XDocument in. Independent of WeChatXml.</summary>
internal static class XmlMessage
{
    public static string Write(IReadOnlyDictionary<string, string> fields) =>
        "<xml>" + string.Concat(fields.Select(f => $"<{f.Key}><![CDATA[{f.Value}]]></{f.Key}>")) + "</xml>";

    public static Dictionary<string, string> Parse(string xml) =>
        XDocument.Parse(xml).Root!.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
}
