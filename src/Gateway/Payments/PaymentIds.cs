using System.Security.Cryptography;

namespace Gateway.Payments;

/// <summary>
/// Gateway ids: a prefix plus 26 Crockford base32 characters (48-bit millisecond time, 80 random bits),
/// so they sort by creation, cannot be guessed, and fit WeChat's 32-character out_trade_no.
/// </summary>
internal static class PaymentIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new payment id, e.g. <c>pay_01JD…</c> (30 characters).</summary>
    public static string NewPaymentId(DateTimeOffset now) => "pay_" + NewBody(now);

    /// <summary>A new refund id, e.g. <c>re_01JD…</c> (29 characters; WeChat's out_refund_no allows 64).</summary>
    public static string NewRefundId(DateTimeOffset now) => "re_" + NewBody(now);

    private static string NewBody(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        var millis = (ulong)now.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(millis >> (8 * (5 - i)));
        }

        RandomNumberGenerator.Fill(bytes[6..]);
        return Encode(bytes);
    }

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        // 128 bits → 26 characters of 5 bits each (the first carries the top 3 bits).
        Span<char> chars = stackalloc char[26];
        var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
