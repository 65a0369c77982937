using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Gateway.Sandbox.WeChatPay.Orders;
using Gateway.Sandbox.WeChatPay.Protocol;

namespace Gateway.Sandbox.WeChatPay.Api;

/// <summary>Validates a unifiedorder request against the field table of docs/protocols.md §B1.</summary>
internal static partial class UnifiedOrderTermsReader
{
    // Newer WeChat text asks for time_expire at least 1 minute ahead (older text said 5).
    private static readonly TimeSpan MinimumTimeToExpire = TimeSpan.FromMinutes(1);

    public static ProtocolError? Read(AuthenticatedRequest request, DateTimeOffset now, out OrderTerms? terms)
    {
        var reader = new RequestFieldReader(request.Fields);
        var body = reader.Required("body", 128);
        var attach = reader.Optional("attach", 127);
        var deviceInfo = reader.Optional("device_info", 32);
        var outTradeNo = reader.Required("out_trade_no", 32);
        if (outTradeNo.Length > 0 && !OutTradeNoPattern().IsMatch(outTradeNo))
        {
            reader.Fail(ProtocolError.Invalid("out_trade_no", "只能是数字、大小写字母_-|*"));
        }

        var totalFee = ReadTotalFee(reader);
        var feeType = reader.Optional("fee_type", 16) ?? "CNY";
        if (feeType != "CNY")
        {
            reader.Fail(ProtocolError.Invalid("fee_type", "只支持CNY"));
        }

        var ip = reader.Required("spbill_create_ip", 64);
        if (ip.Length > 0 && !IPAddress.TryParse(ip, out _))
        {
            reader.Fail(ProtocolError.Invalid("spbill_create_ip", "必须是IP地址"));
        }

        ReadTime(reader, "time_start");
        var timeExpire = ReadTime(reader, "time_expire");
        if (timeExpire is { } expire && expire < now + MinimumTimeToExpire)
        {
            reader.Fail(ProtocolError.Invalid("time_expire", "时间过短，至少1分钟"));
        }

        var notifyUrl = ReadNotifyUrl(reader);
        var tradeType = reader.Required("trade_type", 16);
        if (tradeType.Length > 0 && !TradeTypes.IsKnown(tradeType))
        {
            reader.Fail(ProtocolError.Invalid("trade_type", "只能是JSAPI、NATIVE、APP或MWEB"));
        }

        var productId = reader.Optional("product_id", 32);
        if (tradeType == TradeTypes.Native && productId is null)
        {
            reader.Fail(ProtocolError.Missing("product_id"));
        }

        SceneInfo.Check(reader, tradeType);
        var openId = reader.Optional("openid", 128);
        if (tradeType == TradeTypes.Jsapi && openId is null)
        {
            reader.Fail(ProtocolError.Missing("openid"));
        }

        terms = reader.Error is null
            ? new OrderTerms(request.Merchant.MchId, request.AppId, outTradeNo, body, attach, deviceInfo, totalFee, feeType,
                tradeType, productId, openId, ip, timeExpire, notifyUrl!, request.SignType)
            : null;
        return reader.Error;
    }

    private static long ReadTotalFee(RequestFieldReader reader)
    {
        var text = reader.Required("total_fee", 10);
        if (text.Length == 0)
        {
            return 0;
        }

        // Int, in fen: "1.00", "-1", "0" and " 1" are all refused, as WeChat does.
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var fen) || fen <= 0)
        {
            reader.Fail(ProtocolError.Invalid("total_fee", "必须是正整数，单位为分"));
            return 0;
        }

        return fen;
    }

    private static DateTimeOffset? ReadTime(RequestFieldReader reader, string name)
    {
        var text = reader.Optional(name, 14);
        if (text is null)
        {
            return null;
        }

        if (!BeijingTime.TryParse(text, out var instant))
        {
            reader.Fail(ProtocolError.Invalid(name, "格式为yyyyMMddHHmmss（北京时间）"));
            return null;
        }

        return instant;
    }

    private static Uri? ReadNotifyUrl(RequestFieldReader reader)
    {
        var text = reader.Required("notify_url", 256);
        if (text.Length == 0)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || url.Query.Length > 0)
        {
            reader.Fail(ProtocolError.Invalid("notify_url", "必须是不带参数的http或https绝对地址"));
            return null;
        }

        return url;
    }

    [GeneratedRegex(@"^[0-9A-Za-z_\-|*]+$")]
    private static partial Regex OutTradeNoPattern();
}
