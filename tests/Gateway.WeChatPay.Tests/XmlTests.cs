using System.Text;
using Gateway.WeChatPay.Xml;

namespace Gateway.WeChatPay.Tests;

public sealed class XmlTests
{
    [Fact]
    public void RoundTrip_KeepsValues_WithCDataTerminatorInside()
    {
        var fields = new Dictionary<string, string>
        {
            ["body"] = "a ]]> b <c> & 中文",
            ["total_fee"] = "1",
            ["attach"] = "]]>]]>",
        };
        var xml = WeChatXml.Write(fields);
        Assert.StartsWith("<xml><body><![CDATA[", xml);
        Assert.Equal(fields, WeChatXml.Parse(xml));
    }

    [Fact]
    public void Write_LeavesOutEmptyValues()
        => Assert.Equal("<xml><a><![CDATA[1]]></a></xml>", WeChatXml.Write([new("a", "1"), new("b", "")]));

    [Fact]
    public void Parse_ReadsPlainAndCDataValues()
    {
        var fields = WeChatXml.Parse("<xml><return_code><![CDATA[SUCCESS]]></return_code><total_fee>100</total_fee></xml>");
        Assert.Equal("SUCCESS", fields["return_code"]);
        Assert.Equal("100", fields["total_fee"]);
    }

    /// <summary>Found by fuzz/ (wechat-xml): System.Xml's encoding switch throws ArgumentOutOfRangeException here.</summary>
    public static readonly byte[] BrokenDeclaration = Convert.FromBase64String("PD94bWwgdmVyc2lvbj0iMS4wtCI/Pg==");

    [Fact]
    public void Rejects_DeclarationThatMakesSystemXmlThrowArgumentException()
    {
        Assert.Equal(22, BrokenDeclaration.Length);

        var ex = Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse(BrokenDeclaration));

        Assert.IsAssignableFrom<ArgumentException>(ex.InnerException);
    }

    [Fact]
    public void Rejects_DtdWithExternalEntity()
    {
        const string xxe = """<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><a>&x;</a></xml>""";
        Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse(xxe));
        Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse("""<!DOCTYPE xml SYSTEM "file:///etc/passwd"><xml><a>1</a></xml>"""));
    }

    [Fact]
    public void Rejects_BillionLaughs()
    {
        var entities = new StringBuilder("<!DOCTYPE xml [<!ENTITY l0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append($"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
        }

        var xml = entities.Append("]><xml><a>&l9;</a></xml>").ToString();
        Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse(xml));
    }

    [Fact]
    public void Rejects_OversizedBody()
    {
        var xml = "<xml><a>" + new string('x', WeChatXml.DefaultMaxBytes) + "</a></xml>";
        Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse(xml));
        Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse("<xml><a>12345</a></xml>", maxBytes: 10));
    }

    [Theory]
    [InlineData("<root><a>1</a></root>")]
    [InlineData("<xml><a>1</a><a>2</a></xml>")]
    [InlineData("<xml><a><b>nested</b></a></xml>")]
    [InlineData("<xml><a>1</a>")]
    [InlineData("not xml at all")]
    public void Rejects_NonWeChatXml(string body)
        => Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse(body));

    [Fact]
    public void Rejects_EmptyBody()
    {
        Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse(ReadOnlySpan<byte>.Empty));
        Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse(""));
    }
}
