using System.Text.Json;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Protocol;

namespace Gateway.Sandbox.WeChatPay.Api;

/// <summary>The unifiedorder <c>scene_info</c> field (String(256), JSON).</summary>
internal static class SceneInfo
{
    // H5 payments must say where they run: scene_info {"h5_info": {"type": "Wap"|"IOS"|"Android", …}} (official
    // H5 unifiedorder page; WeChat's wording of the refusal is inferred). Other trade types may send it freely.
    public static void Check(RequestFieldReader reader, string tradeType)
    {
        var text = reader.Optional("scene_info", 256);
        if (tradeType != TradeTypes.Mweb)
        {
            return;
        }

        if (text is null)
        {
            reader.Fail(ProtocolError.Missing("scene_info"));
            return;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("h5_info", out var h5) || h5.ValueKind != JsonValueKind.Object
                || !h5.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                reader.Fail(ProtocolError.Invalid("scene_info", "H5支付须传h5_info及其type"));
            }
        }
        catch (JsonException)
        {
            reader.Fail(ProtocolError.Invalid("scene_info", "必须是JSON"));
        }
    }
}
