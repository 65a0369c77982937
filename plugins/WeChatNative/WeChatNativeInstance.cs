using Gateway.Abstractions.Plugins;
using Gateway.Plugins.WeChat.Common;
using Gateway.WeChatPay;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.WeChatNative;

/// <summary>
/// One WeChat merchant account serving <c>wechat.native</c>. Query, close and notify come from
/// <see cref="WeChatPayInstance"/>; placing the order is in <c>WeChatNativeInstance.Create.cs</c>, product codes
/// (mode 1) in <c>WeChatNativeInstance.ProductCodes.cs</c>.
/// </summary>
internal sealed partial class WeChatNativeInstance(ProviderInstanceContext context, WeChatPayOptions options, HttpClient http, TimeProvider time, ILogger logger)
    : WeChatPayInstance(context, options, http, time, logger)
{
    // Host services are resolved when a callback needs them, not at construction: the host builds instances
    // while it assembles the very snapshot its product-code service depends on.
    private readonly IServiceProvider _services = context.Services;
}
