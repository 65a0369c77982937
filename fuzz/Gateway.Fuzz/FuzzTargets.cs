using Gateway.Fuzz.Targets;

namespace Gateway.Fuzz;

/// <summary>One input of a target: returns normally for every input, or throws (a finding).</summary>
internal delegate void FuzzTarget(ReadOnlyMemory<byte> input);

/// <summary>Every target by name (built on first use); a name is also its seed folder (fuzz/corpus/NAME) and its run.sh argument.</summary>
internal static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, Func<FuzzTarget>> All = new SortedDictionary<string, Func<FuzzTarget>>(StringComparer.Ordinal)
    {
        ["wechat-xml"] = () => WeChatXmlTarget.Run,
        ["wechat-native-notify"] = () => new WeChatNotifyTarget(TestInstances.WeChatNative(), resign: false).Run,
        ["wechat-native-notify-signed"] = () => new WeChatNotifyTarget(TestInstances.WeChatNative(), resign: true).Run,
        ["wechat-jsapi-notify"] = () => new WeChatNotifyTarget(TestInstances.WeChatJsapi(), resign: false).Run,
        ["wechat-jsapi-notify-signed"] = () => new WeChatNotifyTarget(TestInstances.WeChatJsapi(), resign: true).Run,
        ["miniprogram-notify"] = () => new WeChatNotifyTarget(TestInstances.MiniProgram(), resign: false).Run,
        ["miniprogram-notify-signed"] = () => new WeChatNotifyTarget(TestInstances.MiniProgram(), resign: true).Run,
        ["paysapi-notify"] = () => new PaysApiNotifyTarget(TestInstances.PaysApi(), rekey: false).Run,
        ["paysapi-notify-signed"] = () => new PaysApiNotifyTarget(TestInstances.PaysApi(), rekey: true).Run,
        ["native-scan-callback"] = () => new ScanCallbackTarget(resign: false).Run,
        ["native-scan-callback-signed"] = () => new ScanCallbackTarget(resign: true).Run,
        ["create-payment-json"] = () => JsonBodyTarget.CreatePayment,
        ["product-code-json"] = () => JsonBodyTarget.ProductCode,
        ["wechat-bill"] = () => TradeBillTarget.Run,
    };
}

/// <summary>A target's own check failed: the parser answered something it must not (not an exception of its own).</summary>
internal sealed class InvariantBrokenException(string message) : Exception(message);
