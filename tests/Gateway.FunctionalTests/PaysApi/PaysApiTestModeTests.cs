using Gateway.FunctionalTests.Infrastructure;
using Gateway.TestMode;

namespace Gateway.FunctionalTests.PaysApi;

/// <summary>The test-mode profile's own PaysAPI accounts (random tokens) work for the demo client.</summary>
public class PaysApiTestModeTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task DemoShop_GetsAlipayAsFormPost_AndWeChatAsQrCode_ThenPays()
    {
        var client = new PaysApiClient(gateway);

        var alipay = await client.CreateAsync(TestModeProfile.DemoApiKey, "paysapi.alipay", "demo-alipay", 1);
        Assert.Equal("paysapi-form", alipay.Str("provider"));
        Assert.Equal("form_post", alipay.Str("action.type"));
        Assert.Equal(TestModeProfile.PaysApiFormUid, alipay.Str("action.fields.uid"));
        var (action, fields) = PaysApiClient.ParseForm((await client.GetPageAsync($"/p/paysapi-form/pay/{alipay.Str("id")}")).Body);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.SubmitFormAsync(action, fields)).Status);

        var wechat = await client.CreateAsync(TestModeProfile.DemoApiKey, "paysapi.wechat", "demo-wechat", 1);
        Assert.Equal("paysapi-json", wechat.Str("provider"));
        Assert.StartsWith("wxp://", wechat.Str("action.codeUrl"), StringComparison.Ordinal);

        await client.PayAsync(alipay.Str("id"));
        await client.PayAsync(wechat.Str("id"));
        await client.WaitForAsync(TestModeProfile.DemoApiKey, alipay.Str("id"), p => p.Str("status") == "succeeded");
        await client.WaitForAsync(TestModeProfile.DemoApiKey, wechat.Str("id"), p => p.Str("status") == "succeeded");
    }

    [Fact]
    public async Task Sandbox_FormPastTheReaderLimits_IsRefused_NotAServerError()
    {
        using var http = gateway.ApiClient(apiKey: null);
        var form = new string('k', 3000) + "=1&uid=" + TestModeProfile.PaysApiFormUid;

        var response = await http.PostAsync("/sandbox/paysapi/?format=json", new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var reply = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(-1, reply["code"]!.GetValue<int>());
    }
}
