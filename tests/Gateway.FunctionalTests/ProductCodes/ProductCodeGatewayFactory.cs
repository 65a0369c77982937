using Gateway.FunctionalTests.Infrastructure;

namespace Gateway.FunctionalTests.ProductCodes;

/// <summary>
/// The standard gateway, with the sandbox merchants of wx-a and wx-b pointing their product-code scan callback
/// at those instances, as ops would register it in the WeChat merchant platform.
/// </summary>
public sealed class ProductCodeGatewayFactory() : GatewayFactory(port => new Dictionary<string, string?>
{
    ["Sandbox:WeChatPay:Merchants:1:ScanCallbackUrl"] = $"http://127.0.0.1:{port}/p/wx-a/native/scan-callback",
    ["Sandbox:WeChatPay:Merchants:2:ScanCallbackUrl"] = $"http://127.0.0.1:{port}/p/wx-b/native/scan-callback",
});
