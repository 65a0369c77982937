using Gateway.Abstractions.Plugins;
using Gateway.Plugins.WeChat.Common;
using Gateway.WeChatPay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Gateway.Plugins.WeChatNative;

/// <summary>
/// WeChat Pay v2 Native. Mode 2: the merchant places the order, WeChat returns a <c>code_url</c> the payer
/// scans. Mode 1: long-lived signed product links whose scan callback places the order. One instance per
/// merchant account.
/// </summary>
internal sealed class WeChatNativePlugin() : WeChatPayPlugin<WeChatPayOptions>(PluginName, Channel)
{
    /// <summary>The plugin name used in configuration.</summary>
    public const string PluginName = "WeChatNative";

    /// <summary>The one channel this plugin serves.</summary>
    public const string Channel = "wechat.native";

    protected override WeChatPayOptions Bind(IConfiguration settings, ICollection<string> errors) => WeChatPaySettings.Bind(settings, errors);

    protected override IProviderInstance Create(ProviderInstanceContext context, WeChatPayOptions settings, WeChatInstanceServices host)
        => new WeChatNativeInstance(context, settings, host.Http, host.Time, host.Loggers.CreateLogger<WeChatNativeInstance>());
}
