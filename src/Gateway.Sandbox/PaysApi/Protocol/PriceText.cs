using System.Globalization;

namespace Gateway.Sandbox.PaysApi.Protocol;

/// <summary>
/// Prices on PaysAPI's wire: yuan with exactly two decimals ("0.01", "500.00"). Parsed to fen with
/// integers only, so no rounding can make the sandbox agree with a wrongly formatted price.
/// </summary>
internal static class PriceText
{
    private const int MaxIntegerDigits = 12;

    public static bool TryParse(string? text, out long fen)
    {
        fen = 0;
        if (text is null || text.Length < 4 || text[^3] != '.')
        {
            return false;
        }

        var whole = text[..^3];
        var cents = text[^2..];
        if (whole.Length > MaxIntegerDigits || !whole.All(char.IsAsciiDigit) || !cents.All(char.IsAsciiDigit))
        {
            return false;
        }

        fen = (long.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture) * 100)
            + int.Parse(cents, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }
}
