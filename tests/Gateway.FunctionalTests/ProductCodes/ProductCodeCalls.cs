using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using static Gateway.FunctionalTests.Infrastructure.ApiCalls;

namespace Gateway.FunctionalTests.ProductCodes;

/// <summary>Helpers for the product-code API and for playing WeChat's scan callback.</summary>
public static class ProductCodeCalls
{
    public static object ProductCode(string productId, long amount = 880) => new
    {
        channel = "wechat.native",
        productId,
        amount,
        description = "Bottle of oolong",
        metadata = new Dictionary<string, string> { ["shelf"] = "B2" },
    };

    public static async Task<JsonObject> RegisterAsync(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/v1/product-codes", body);
        var json = await ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToJsonString());
        return json;
    }

    public static async Task<JsonArray> PaymentsOfAsync(HttpClient api, string productCodeId)
    {
        var response = await api.GetAsync($"/v1/product-codes/{productCodeId}/payments");
        response.EnsureSuccessStatusCode();
        return (await ReadAsync(response))["data"]!.AsArray();
    }

    /// <summary>The fields of a <c>weixin://wxpay/bizpayurl?…</c> link.</summary>
    public static Dictionary<string, string> LinkFields(string codeUrl)
        => QueryHelpers.ParseQuery(codeUrl[codeUrl.IndexOf('?', StringComparison.Ordinal)..]).ToDictionary(q => q.Key, q => q.Value.ToString());

    /// <summary>A scan callback as WeChat would post it, signed (MD5) with <paramref name="key"/>.</summary>
    public static string ScanCallbackXml(string appId, string mchId, string productId, string key, string openId = "oFuncTestPayer0000000000001")
    {
        var fields = new Dictionary<string, string>
        {
            ["appid"] = appId,
            ["openid"] = openId,
            ["mch_id"] = mchId,
            ["is_subscribe"] = "N",
            ["nonce_str"] = Guid.NewGuid().ToString("N"),
            ["product_id"] = productId,
        };
        fields["sign"] = IndependentWeChatSigner.Md5(fields, key);
        return IndependentWeChatSigner.Xml(fields);
    }

    /// <summary>Posts a scan callback to an instance and returns the reply's fields.</summary>
    public static async Task<Dictionary<string, string>> PostScanCallbackAsync(HttpClient http, string instance, string xml)
    {
        using var content = new StringContent(xml, System.Text.Encoding.UTF8, "application/xml");
        var response = await http.PostAsync($"/p/{instance}/native/scan-callback", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = System.Xml.Linq.XElement.Parse(await response.Content.ReadAsStringAsync());
        return reply.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
    }
}
