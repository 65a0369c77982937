using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Gateway.WeChatPayV3;
using Gateway.WeChatPayV3.Models;

namespace Gateway.FunctionalTests.WeChatPayV3;

/// <summary>
/// The v3 sandbox's trade bill (docs/protocols.md §G3.h): a signed apply reply with the SHA1 of the file as served
/// (gzip or not) and a link beside the API; the file only to a signed request of the merchant that applied; WeChat's
/// errors for a day without trades, a future date and a bad bill type.
/// </summary>
public sealed class SandboxV3TradeBillTests(V3GatewayFactory gateway) : IClassFixture<V3GatewayFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    [Fact]
    public async Task TheDaysBill_IsServedBehindItsHash_PlainAndGzip_ToTheMerchantThatApplied()
    {
        using var client = Client();
        var placed = await client.TransactionsNativeAsync(Order("v3-bill-1"), default);
        using (var scan = await gateway.Browser().PostAsJsonAsync("/sandbox/wechatpay/scan", new { codeUrl = placed.Value!.CodeUrl, suppressNotify = true }))
        {
            Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        }

        var plain = (await client.ApplyTradeBillAsync(Today, "SUCCESS", gzip: false, default)).Value!;
        Assert.Equal("SHA1", plain.HashType);
        Assert.StartsWith($"{gateway.BaseUrl}/sandbox/wechatpay/v3/billdownload/file?token=", plain.DownloadUrl, StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString((await client.DownloadBillAsync(plain, default)).Value!);
        Assert.StartsWith("交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,商品名称,", text, StringComparison.Ordinal);
        Assert.Contains("`v3-bill-1,", text, StringComparison.Ordinal);

        var gzip = (await client.ApplyTradeBillAsync(Today, "ALL", gzip: true, default)).Value!;
        var file = (await client.DownloadBillAsync(gzip, default)).Value!;
        Assert.Equal(gzip.HashValue, Convert.ToHexStringLower(SHA1.HashData(file)));
        using var inflate = new StreamReader(new GZipStream(new MemoryStream(file), CompressionMode.Decompress), Encoding.UTF8);
        Assert.Contains("`v3-bill-1,", await inflate.ReadToEndAsync(), StringComparison.Ordinal);

        // The link is the merchant's own: no signature, or another merchant's, gets nothing.
        using var unsigned = await new HttpClient().GetAsync(gzip.DownloadUrl);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        using var stranger = Client(mchId: V3GatewayFactory.CertMchId);
        var refused = await stranger.DownloadBillAsync(gzip, default);
        Assert.Equal((400, "INVALID_REQUEST"), (refused.StatusCode, refused.Error!.Code));
    }

    [Fact]
    public async Task WeChatsErrors_NoStatement_FutureDate_BadBillType()
    {
        using var client = Client();

        var none = await client.ApplyTradeBillAsync(Today.AddDays(-40), "ALL", gzip: true, default);
        Assert.Equal((400, "NO_STATEMENT_EXIST"), (none.StatusCode, none.Error!.Code));
        var future = await client.ApplyTradeBillAsync(Today.AddDays(1), "ALL", gzip: true, default);
        Assert.Equal((400, "INVALID_REQUEST"), (future.StatusCode, future.Error!.Code));
        var old = await client.ApplyTradeBillAsync(Today.AddMonths(-4), "ALL", gzip: true, default);
        Assert.Equal((400, "INVALID_REQUEST"), (old.StatusCode, old.Error!.Code));
        var badType = await client.ApplyTradeBillAsync(Today, "WEEKLY", gzip: true, default);
        Assert.Equal((400, "PARAM_ERROR"), (badType.StatusCode, badType.Error!.Code));
    }

    private WeChatPayV3Client Client(string mchId = V3GatewayFactory.MchId) => new(new HttpClient(), new WeChatPayV3Options
    {
        MchId = mchId,
        MerchantSerialNo = V3GatewayFactory.MerchantSerialNo,
        MerchantPrivateKey = V3GatewayFactory.MerchantKey.ExportPkcs8PrivateKeyPem(),
        ApiV3Key = V3GatewayFactory.ApiV3Key,
        PublicKeyId = mchId == V3GatewayFactory.MchId ? V3GatewayFactory.PublicKeyId : null,
        PublicKey = mchId == V3GatewayFactory.MchId ? V3GatewayFactory.PlatformKey.ExportSubjectPublicKeyInfoPem() : null,
        BaseUrl = $"{gateway.BaseUrl}/sandbox/wechatpay",
    }, TimeProvider.System);

    private PrepayRequest Order(string outTradeNo) => new()
    {
        AppId = V3GatewayFactory.JsapiAppId,
        MchId = V3GatewayFactory.MchId,
        Description = "sandbox tea",
        OutTradeNo = outTradeNo,
        NotifyUrl = $"{gateway.BaseUrl}/notify/wx3-sandbox",
        Amount = new PrepayAmount(100),
    };
}
