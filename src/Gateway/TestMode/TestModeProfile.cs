using System.Security.Cryptography;
using Gateway.Security;

namespace Gateway.TestMode;

/// <summary>
/// Test mode (the default): the sandbox plays the providers, and a demo client, routes and provider
/// instances pointing at it are added UNDER the application's own configuration (anything configured
/// wins). The sandbox merchant's API key is generated at start-up, so no provider key is ever in the
/// repository; the demo client key only works in test mode.
/// </summary>
internal static class TestModeProfile
{
    /// <summary>The documented API key of the demo client in test mode.</summary>
    public const string DemoApiKey = "sk_test_demo_shop";

    /// <summary>The documented admin key in test mode (<c>/admin/*</c>); never accepted on <c>/v1</c>.</summary>
    public const string DemoAdminKey = "sk_test_admin";

    public const string DemoClientId = "demo-shop";
    public const string WeChatAppId = "wx2421b1c4370ec43b";
    public const string WeChatMchId = "1900000109";

    /// <summary>True unless <c>Gateway:TestMode</c> is false.</summary>
    public static bool IsEnabled(IConfiguration configuration)
        => configuration.GetValue("Gateway:TestMode", defaultValue: true);

    /// <summary>Inserts the profile as the lowest-priority configuration source.</summary>
    public static void Apply(IConfigurationBuilder builder, IConfiguration current)
    {
        var baseUrl = (current["Gateway:PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/');
        var wechatKey = RandomKey();
        var profile = new Dictionary<string, string?>
        {
            [$"Gateway:Clients:{DemoClientId}:ApiKeySha256"] = ApiKeyAuthenticationHandler.Hash(DemoApiKey),
            ["Gateway:Admin:ApiKeySha256"] = ApiKeyAuthenticationHandler.Hash(DemoAdminKey),

            ["Gateway:Routes:wechat-native:Channel"] = "wechat.native",
            ["Gateway:Routes:wechat-native:Instances:0"] = "wx-sandbox",

            ["Gateway:Providers:wx-sandbox:Plugin"] = "WeChatNative",
            ["Gateway:Providers:wx-sandbox:Settings:AppId"] = WeChatAppId,
            ["Gateway:Providers:wx-sandbox:Settings:MchId"] = WeChatMchId,
            ["Gateway:Providers:wx-sandbox:Settings:ApiKey"] = wechatKey,
            ["Gateway:Providers:wx-sandbox:Settings:SignType"] = "MD5",
            ["Gateway:Providers:wx-sandbox:Settings:BaseUrl"] = $"{baseUrl}/sandbox/wechatpay",

            ["Sandbox:WeChatPay:Merchants:0:MchId"] = WeChatMchId,
            ["Sandbox:WeChatPay:Merchants:0:ApiKey"] = wechatKey,
            ["Sandbox:WeChatPay:Merchants:0:AppIds:0"] = WeChatAppId,
        };

        builder.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = profile });
    }

    // 32 characters like a real v2 API key.
    private static string RandomKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
