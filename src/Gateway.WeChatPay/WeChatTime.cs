using System.Globalization;

namespace Gateway.WeChatPay;

/// <summary>
/// v2 timestamps (<c>time_start</c>, <c>time_expire</c>, <c>time_end</c>): <c>yyyyMMddHHmmss</c> in Beijing
/// time. China has had no daylight saving since 1991, so a fixed UTC+8 offset is exact and needs no tz database.
/// </summary>
public static class WeChatTime
{
    /// <summary>The wire format.</summary>
    public const string Format = "yyyyMMddHHmmss";

    /// <summary>Beijing time's offset from UTC.</summary>
    public static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    /// <summary>Formats an instant as Beijing wall-clock time.</summary>
    public static string ToWire(DateTimeOffset instant)
        => instant.ToOffset(BeijingOffset).ToString(Format, CultureInfo.InvariantCulture);

    // The earliest wall-clock time whose UTC instant exists (0001-01-01 08:00): earlier ones would make
    // DateTimeOffset throw. Found by fuzz/ with `00010101000000`.
    private static readonly DateTime EarliestLocal = DateTime.MinValue + BeijingOffset;

    /// <summary>Parses a wire timestamp as Beijing time; false for anything else, never an exception.</summary>
    public static bool TryParse(string? value, out DateTimeOffset instant)
    {
        if (value is { Length: 14 }
            && DateTime.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && local >= EarliestLocal)
        {
            instant = new DateTimeOffset(local, BeijingOffset);
            return true;
        }

        instant = default;
        return false;
    }

    /// <summary>The refund times' format (<c>success_time</c>, <c>refund_success_time_$n</c>), also Beijing time.</summary>
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Formats an instant in <see cref="DateTimeFormat"/>, Beijing time.</summary>
    public static string ToWireDateTime(DateTimeOffset instant)
        => instant.ToOffset(BeijingOffset).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses a <see cref="DateTimeFormat"/> value as Beijing time; false for anything else, never an exception
    /// (<c>0001-01-01 00:00:00</c> threw, found by fuzz/ in a bill's 交易时间).</summary>
    public static bool TryParseDateTime(string? value, out DateTimeOffset instant)
    {
        if (value is { Length: 19 }
            && DateTime.TryParseExact(value, DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && local >= EarliestLocal)
        {
            instant = new DateTimeOffset(local, BeijingOffset);
            return true;
        }

        instant = default;
        return false;
    }
}
