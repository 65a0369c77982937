using Gateway.WeChatPay.Bills;
using Gateway.WeChatPay.Models;
using Gateway.WeChatPay.Xml;

namespace Gateway.WeChatPay;

public sealed partial class WeChatPayClient
{
    /// <summary>
    /// <para>[POST] /pay/downloadbill: the transaction bill of one Beijing day (docs/protocols.md G1). The reply is
    /// the bill itself (plain, or gzip with <c>tar_type=GZIP</c>), unsigned; an error is an unsigned XML FAIL
    /// envelope with <c>return_msg</c> and <c>error_code</c> (e.g. <c>No Bill Exist</c>, 20002).</para>
    /// <para>REF: https://pay.weixin.qq.com/wiki/doc/api/native.php?chapter=9_6</para>
    /// </summary>
    /// <param name="billDate">The Beijing day.</param>
    /// <param name="billType"><c>ALL</c>, <c>SUCCESS</c> or <c>REFUND</c>.</param>
    /// <param name="gzip">Ask for <c>tar_type=GZIP</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<DownloadBillResponse> DownloadBillAsync(DateOnly billDate, string billType = "ALL", bool gzip = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(billType);
        var fields = new Dictionary<string, string>
        {
            ["bill_date"] = billDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
            ["bill_type"] = billType,
        };
        if (gzip)
        {
            fields["tar_type"] = "GZIP";
        }

        var body = await PostSignedAsync(_http, _baseUrl + "/pay/downloadbill", fields, MaxBillBytes, cancellationToken).ConfigureAwait(false);
        if (LooksLikeXml(body))
        {
            try
            {
                return DownloadBillResponse.Failed(WeChatXml.Parse(body, MaxReplyBytes));
            }
            catch (WeChatXmlException ex)
            {
                throw new WeChatPayReplyException(WeChatPayReplyException.InvalidResponse, "The downloadbill reply is neither a bill nor a v2 message.", ex);
            }
        }

        try
        {
            return DownloadBillResponse.Succeeded(TradeBillParser.Parse(body, MaxBillBytes));
        }
        catch (Exception ex) when (ex is TradeBillFormatException or System.Text.DecoderFallbackException)
        {
            throw new WeChatPayReplyException(WeChatPayReplyException.InvalidResponse, "The bill does not have WeChat's layout: " + ex.Message, ex);
        }
    }

    // A bill starts with its header (maybe after a BOM) or with gzip's magic; an error reply starts with <xml>.
    private static bool LooksLikeXml(byte[] body)
    {
        var text = body.AsSpan();
        while (text.Length > 0 && (text[0] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
        {
            text = text[1..];
        }

        return text.StartsWith("<xml"u8);
    }
}
