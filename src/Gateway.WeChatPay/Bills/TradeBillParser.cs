using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Gateway.WeChatPay.Bills;

/// <summary>
/// Reads a v2 transaction bill (docs/protocols.md G1.3): a header line of Chinese column names, trade lines whose
/// every field starts with a back-tick, then the summary header and the summary line. Accepts <c>\r\n</c> or
/// <c>\n</c> and a leading UTF-8 BOM; refuses anything else that is off (a missing back-tick, a wrong field count,
/// an amount that is not yuan with at most two decimals) rather than guess.
/// </summary>
public static class TradeBillParser
{
    private const char Tick = '`';
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Parses a bill given as bytes, gunzipping first when they start with the gzip magic (<c>tar_type=GZIP</c>).</summary>
    public static TradeBill Parse(ReadOnlySpan<byte> body, int maxBytes)
    {
        var bytes = body.Length >= 2 && body[0] == 0x1f && body[1] == 0x8b ? Gunzip(body.ToArray(), maxBytes) : body.ToArray();
        return Parse(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
    }

    /// <summary>Parses a bill given as text.</summary>
    public static TradeBill Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count < 3)
        {
            throw new TradeBillFormatException("A bill has a header line, trade lines, a summary header and a summary line.");
        }

        var header = Header(lines[0]);
        var rows = new List<TradeBillRow>(lines.Count - 3);
        for (var i = 1; i < lines.Count - 2; i++)
        {
            rows.Add(Row(Values(lines[i], header.Length, i + 1).Zip(header).ToDictionary(p => p.Second, p => p.First, StringComparer.Ordinal), i + 1));
        }

        var summaryHeader = Header(lines[^2]);
        var summary = Values(lines[^1], summaryHeader.Length, lines.Count).Zip(summaryHeader)
            .ToDictionary(p => p.Second, p => p.First, StringComparer.Ordinal);
        var count = int.TryParse(Required(summary, TradeBillColumns.SummaryCount, lines.Count), NumberStyles.None, CultureInfo.InvariantCulture, out var c)
            ? c : throw new TradeBillFormatException($"Line {lines.Count}: {TradeBillColumns.SummaryCount} is not a count.");
        return new TradeBill(rows, new TradeBillSummary(
            count,
            Fen(Required(summary, TradeBillColumns.SummarySettlement, lines.Count), lines.Count),
            Fen(Required(summary, TradeBillColumns.SummaryRefund, lines.Count), lines.Count),
            summary.TryGetValue(TradeBillColumns.SummaryOrder, out var order) ? Fen(order, lines.Count) : null));
    }

    private static TradeBillRow Row(Dictionary<string, string> f, int line)
    {
        var time = DateTime.TryParseExact(Required(f, TradeBillColumns.TradeTime, line), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new DateTimeOffset(t, Beijing) : throw new TradeBillFormatException($"Line {line}: {TradeBillColumns.TradeTime} is not yyyy-MM-dd HH:mm:ss.");
        var settlement = Fen(Required(f, TradeBillColumns.SettlementFee, line), line);
        var outRefundNo = NoneAsNull(f.GetValueOrDefault(TradeBillColumns.OutRefundNo));
        return new TradeBillRow
        {
            Fields = f,
            TradeTime = time,
            AppId = NoneAsNull(f.GetValueOrDefault(TradeBillColumns.AppId)),
            TransactionId = Required(f, TradeBillColumns.TransactionId, line),
            OutTradeNo = Required(f, TradeBillColumns.OutTradeNo, line),
            TradeType = NoneAsNull(f.GetValueOrDefault(TradeBillColumns.TradeType)),
            TradeState = Required(f, TradeBillColumns.TradeState, line),
            Currency = NoneAsNull(f.GetValueOrDefault(TradeBillColumns.Currency)),
            SettlementFee = settlement,
            OrderFee = f.TryGetValue(TradeBillColumns.OrderFee, out var order) ? Fen(order, line) : settlement,
            OutRefundNo = outRefundNo,
            RefundId = outRefundNo is null ? null : NoneAsNull(f.GetValueOrDefault(TradeBillColumns.RefundId)),
            RefundFee = f.TryGetValue(TradeBillColumns.RefundFee, out var refund) && refund.Length > 0 ? Fen(refund, line) : 0,
            RefundStatus = outRefundNo is null ? null : NoneAsNull(f.GetValueOrDefault(TradeBillColumns.RefundStatus)),
        };
    }

    private static string[] Header(string line)
    {
        if (line.StartsWith(Tick))
        {
            throw new TradeBillFormatException("A header line has no back-ticks; this looks like a data line.");
        }

        var names = line.Split(',').Select(name => name.Trim()).ToArray();
        // Columns are looked up by name: a name twice would make the line ambiguous (found by the wechat-bill fuzz target).
        return names.Distinct(StringComparer.Ordinal).Count() == names.Length
            ? names
            : throw new TradeBillFormatException("A header line names a column twice.");
    }

    private static string[] Values(string line, int expected, int number)
    {
        if (!line.StartsWith(Tick))
        {
            throw new TradeBillFormatException($"Line {number}: every field of a data line starts with a back-tick.");
        }

        var values = line[1..].Split(",`");
        return values.Length == expected
            ? values
            : throw new TradeBillFormatException($"Line {number}: {values.Length} fields, the header names {expected}.");
    }

    private static string Required(Dictionary<string, string> fields, string column, int line)
        => fields.TryGetValue(column, out var value) && value.Length > 0 ? value : throw new TradeBillFormatException($"Line {line}: no {column}.");

    private static string Required(Dictionary<string, string> fields, string[] columns, int line)
        => columns.Select(fields.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrEmpty(v))
           ?? throw new TradeBillFormatException($"Line {line}: no {columns[0]}.");

    private static string? NoneAsNull(string? value) => string.IsNullOrEmpty(value) || value == "0" ? null : value;

    /// <summary>Yuan with at most two decimals (<c>0.01</c>) to fen; anything else (<c>a0.00</c>, <c>1e3</c>) is refused.</summary>
    private static long Fen(string yuan, int line)
    {
        var dot = yuan.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? yuan : yuan[..dot];
        var cents = dot < 0 ? "" : yuan[(dot + 1)..];
        var negative = whole.StartsWith('-');
        if (negative)
        {
            whole = whole[1..];
        }

        if (whole.Length is 0 or > 15 || cents.Length > 2 || !whole.All(char.IsAsciiDigit) || !cents.All(char.IsAsciiDigit) || (dot >= 0 && cents.Length == 0))
        {
            throw new TradeBillFormatException($"Line {line}: '{yuan}' is not an amount in yuan.");
        }

        var fen = long.Parse(whole, CultureInfo.InvariantCulture) * 100 + (cents.Length == 0 ? 0 : int.Parse(cents.PadRight(2, '0'), CultureInfo.InvariantCulture));
        return negative ? -fen : fen;
    }

    private static byte[] Gunzip(byte[] gzip, int maxBytes)
    {
        try
        {
            using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = input.Read(chunk)) > 0)
            {
                // Checked while inflating: a small gzip can expand without bound.
                if (output.Length + read > maxBytes)
                {
                    throw new TradeBillFormatException($"The bill inflates to more than {maxBytes} bytes.");
                }

                output.Write(chunk, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new TradeBillFormatException("The bill is not valid gzip.", ex);
        }
    }
}
