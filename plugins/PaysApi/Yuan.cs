using System.Globalization;

namespace Gateway.Plugins.PaysApi;

/// <summary>
/// PaysAPI's <c>price</c>/<c>realprice</c> are yuan with two decimals (<c>0.01</c>, <c>500.00</c>) while the
/// gateway counts integer fen. Both directions use integer arithmetic only: no float, double or decimal,
/// so the string signed is always the string sent.
/// </summary>
internal static class Yuan
{
    // 15 integer digits of yuan stay far below long.MaxValue fen.
    private const int MaxIntegerDigits = 15;

    /// <summary>1 → <c>0.01</c>, 100000 → <c>1000.00</c>, 123456 → <c>1234.56</c>.</summary>
    public static string Format(long fen)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fen);
        return string.Create(CultureInfo.InvariantCulture, $"{fen / 100}.{fen % 100:D2}");
    }

    /// <summary>
    /// Reads <c>digits[.d[d]]</c> into fen. Signs, exponents, spaces, separators, a third decimal or a
    /// second dot ("1.5.0") make it fail rather than guess.
    /// </summary>
    public static bool TryParse(string? text, out long fen)
    {
        fen = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        if (whole.Length is 0 or > MaxIntegerDigits || !AllDigits(whole)
            || (dot >= 0 && (fraction.Length is 0 or > 2 || !AllDigits(fraction))))
        {
            return false;
        }

        var cents = fraction.Length switch
        {
            0 => 0,
            1 => (fraction[0] - '0') * 10,
            _ => ((fraction[0] - '0') * 10) + (fraction[1] - '0'),
        };
        fen = (long.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture) * 100) + cents;
        return true;
    }

    private static bool AllDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
