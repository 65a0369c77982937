using System.Globalization;
using System.Security.Cryptography;
using Gateway.WeChatPayV3.Models;

namespace Gateway.WeChatPayV3;

public sealed partial class WeChatPayV3Client
{
    /// <summary>The largest bill file read (a big merchant's day).</summary>
    public int MaxBillBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// <c>[GET] /v3/bill/tradebill?bill_date={yyyy-MM-dd}&amp;bill_type=&amp;tar_type=</c>: applies for one Beijing day's trade bill;
    /// the verified reply says where to download it and its SHA1. A day without a bill is WeChat's error reply
    /// (<c>NO_STATEMENT_EXIST</c>). REF: docs/protocols.md §G3.h.
    /// </summary>
    public Task<WeChatPayV3Result<TradeBillResponse>> ApplyTradeBillAsync(DateOnly billDate, string billType, bool gzip, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(billType);
        var url = $"v3/bill/tradebill?bill_date={billDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&bill_type={Uri.EscapeDataString(billType)}"
            + (gzip ? "&tar_type=GZIP" : "");
        return SendAsync(HttpMethod.Get, url, "", WeChatPayV3Json.Default.TradeBillResponse, verify: true, cancellationToken);
    }

    /// <summary>
    /// <c>[GET] {download_url}</c>: the bill file, exactly as served (gzip bytes when applied for with <c>tar_type=GZIP</c>). The
    /// request is signed; the reply is not (WeChat does not sign files), so the file is believed only when its SHA1 is the
    /// <c>hash_value</c> of the verified apply reply. The link must be on the API's own origin: the signed request never
    /// goes anywhere else. REF: docs/protocols.md §G3.h.
    /// </summary>
    /// <returns>The file; or WeChat's error reply (e.g. an expired token).</returns>
    /// <exception cref="WeChatPayV3ReplyException">The link is elsewhere, the hash is not SHA1, or the file does not match it.</exception>
    public async Task<WeChatPayV3Result<byte[]>> DownloadBillAsync(TradeBillResponse bill, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bill);
        if (!string.Equals(bill.HashType, "SHA1", StringComparison.OrdinalIgnoreCase) || bill.HashValue is not { Length: 40 } expected
            || !Uri.TryCreate(bill.DownloadUrl, UriKind.Absolute, out var uri) || !SameOrigin(uri))
        {
            throw new WeChatPayV3ReplyException(WeChatPayV3ReplyException.InvalidResponse, "The bill reply has no SHA1 hash or no download_url on the API's origin.");
        }

        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        message.Headers.TryAddWithoutValidation("Authorization", Authorization("GET", uri.PathAndQuery, "").ToString());
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await ReadCappedAsync(response.Content, MaxBillBytes, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is < 200 or >= 300)
        {
            var error = body.Length == 0 ? null : TryDeserialize(body, WeChatPayV3Json.Default.ErrorReply);
            return new(status, null, error ?? new ErrorReply(null, null));
        }

        var actual = Convert.ToHexStringLower(SHA1.HashData(body));
        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(actual), System.Text.Encoding.ASCII.GetBytes(expected.ToLowerInvariant())))
        {
            throw new WeChatPayV3ReplyException(WeChatPayV3ReplyException.InvalidResponse, "The bill file's SHA1 is not the hash_value of the apply reply.");
        }

        return new(status, body, null);
    }

    private bool SameOrigin(Uri uri)
        => string.Equals(uri.Scheme, _baseUrl.Scheme, StringComparison.OrdinalIgnoreCase)
           && string.Equals(uri.IdnHost, _baseUrl.IdnHost, StringComparison.OrdinalIgnoreCase) && uri.Port == _baseUrl.Port;

    private static T? TryDeserialize<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(body, type);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
