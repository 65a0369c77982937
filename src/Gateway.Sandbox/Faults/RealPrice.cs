using System.Globalization;
using Gateway.Sandbox.PaysApi.Protocol;

namespace Gateway.Sandbox.Faults;

/// <summary>The <c>realprice</c> fault: what the payer paid, off the order's <c>price</c> by <c>DeltaFen</c> (never below 0.01).</summary>
internal static class RealPrice
{
    public static string Of(string price, SandboxFault? fault)
    {
        if (fault?.DeltaFen is not { } delta || !PriceText.TryParse(price, out var fen))
        {
            return price;
        }

        var paid = Math.Max(1, fen + delta);
        return (paid / 100).ToString(CultureInfo.InvariantCulture) + "." + (paid % 100).ToString("00", CultureInfo.InvariantCulture);
    }
}
