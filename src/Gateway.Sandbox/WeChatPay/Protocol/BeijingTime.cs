using System.Globalization;

namespace Gateway.Sandbox.WeChatPay.Protocol;

/// <summary>WeChat v2 timestamps: <c>yyyyMMddHHmmss</c> in Beijing time (UTC+8), whatever the server's zone.</summary>
internal static class BeijingTime
{
    public const string Format = "yyyyMMddHHmmss";

    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string ToWire(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string value, out DateTimeOffset instant)
    {
        if (DateTime.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            instant = new DateTimeOffset(local, Offset);
            return true;
        }

        instant = default;
        return false;
    }
}
