using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Gateway.Abstractions.Payments;
using Gateway.Abstractions.Statements;

namespace Gateway.Plugins.WeChatPayV3.Tests.Bill;

/// <summary>
/// The statement of an APIv3 instance: the signed apply, the signed download of <c>download_url</c>, the file believed
/// only when its SHA1 is the verified <c>hash_value</c>, parsed as the v2 layout; no bill and "being generated" answers.
/// </summary>
public sealed class TradeBillTests
{
    // The official layout (docs/protocols.md G1.3): one payment and one refund of it, then the summary.
    private const string Bill =
        "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\n"
        + "`2026-11-28 17:07:11,`wxd930ea5d5a258f4f,`1900000109,`0,`,`4200000925202611284997714292,`pay_1,`oUser,`NATIVE,`SUCCESS,`OTHERS,`CNY,`12.00,`0.00,`0,`0,`0.00,`0.00,`,`,`Green tea,`,`0.07200,`0.60%,`12.00,`0.00,`\n"
        + "`2026-11-28 17:07:11,`wxd930ea5d5a258f4f,`1900000109,`0,`,`4200000925202611284997714292,`pay_1,`oUser,`NATIVE,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`50300807172026112806006664916,`re_1,`3.00,`0.00,`ORIGINAL,`SUCCESS,`Green tea,`,`0.00000,`0.60%,`0.00,`3.00,`\n"
        + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n"
        + "`2,`12.00,`3.00,`0.00,`0.07200,`12.00,`3.00\n";

    private readonly PluginHarness _harness = new();

    private IStatementProvider Statements => (IStatementProvider)_harness.Instance;

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    private void ApplyReply(byte[] file, string? hash = null, string url = "https://api.wx.test/v3/billdownload/file?token=6XIv5TUPto7pByrTQKhd6kwvyKLG2uY2wMMR8cNXqaA_Cv_isgaUtBzp4QtiozLO")
        => _harness.Server.Reply(200, $"{{\"hash_type\":\"SHA1\",\"hash_value\":\"{hash ?? Convert.ToHexStringLower(SHA1.HashData(file))}\",\"download_url\":\"{url}\"}}");

    [Fact]
    public async Task Statement_AppliesSigned_DownloadsSigned_ChecksTheHash_AndParsesTheGzipBill()
    {
        var file = Gzip(Bill);
        ApplyReply(file);
        _harness.Server.ReplyFile(file);

        var result = await Statements.DownloadStatementAsync(new DateOnly(2026, 11, 28), default);

        var statement = result.Value!;
        Assert.False(statement.NoBill);
        Assert.Equal([("pay_1", "SUCCESS", null, 1200L, 0L), ("pay_1", "REFUND", "re_1", 0L, 300L)],
            statement.Lines.Select(l => (l.OutTradeNo, l.TradeState, l.OutRefundNo, l.OrderAmount, l.RefundAmount)));
        Assert.Equal(new StatementSummary(2, 1200, 300), statement.Summary);
        var (apply, applyBody) = _harness.Server.Requests[0];
        Assert.Equal("https://api.wx.test/v3/bill/tradebill?bill_date=2026-11-28&bill_type=ALL&tar_type=GZIP", apply.RequestUri!.ToString());
        TransactionsTests.AssertSignedByMerchant(apply, applyBody);
        var (download, downloadBody) = _harness.Server.Requests[1];
        Assert.Equal("/v3/billdownload/file?token=6XIv5TUPto7pByrTQKhd6kwvyKLG2uY2wMMR8cNXqaA_Cv_isgaUtBzp4QtiozLO", download.RequestUri!.PathAndQuery);
        TransactionsTests.AssertSignedByMerchant(download, downloadBody);
    }

    [Fact]
    public async Task AFileWhoseHashDiffers_IsRefused()
    {
        var file = Gzip(Bill);
        ApplyReply(file, hash: Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(Bill)))); // the text's, not the file's
        _harness.Server.ReplyFile(file);

        var result = await Statements.DownloadStatementAsync(new DateOnly(2026, 11, 28), default);

        Assert.Null(result.Value);
        Assert.Equal((ProviderErrorKind.Transient, "INVALID_RESPONSE"), (result.Error!.Kind, result.Error.Code));
        Assert.Contains("SHA1", result.Error.Message);
    }

    [Theory]
    [InlineData("https://evil.example/v3/billdownload/file?token=t")]
    [InlineData("http://api.wx.test/v3/billdownload/file?token=t")]
    [InlineData("https://api.wx.test:8443/v3/billdownload/file?token=t")]
    public async Task ALinkOffTheApisOrigin_IsNeverCalled(string url)
    {
        ApplyReply(Gzip(Bill), url: url);

        var result = await Statements.DownloadStatementAsync(new DateOnly(2026, 11, 28), default);

        Assert.Equal("INVALID_RESPONSE", result.Error!.Code);
        Assert.Single(_harness.Server.Requests);
    }

    [Fact]
    public async Task NoStatementExist_IsADayWithoutABill_AndStatementCreating_IsTransient()
    {
        _harness.Server.Reply(400, "{\"code\":\"NO_STATEMENT_EXIST\",\"message\":\"要查询的账单不存在\"}");
        var none = await Statements.DownloadStatementAsync(new DateOnly(2026, 11, 28), default);
        Assert.Equal((true, "要查询的账单不存在"), (none.Value!.NoBill, none.Value.ProviderMessage));

        _harness.Server.Reply(400, "{\"code\":\"STATEMENT_CREATING\",\"message\":\"账单生成中\"}");
        var creating = await Statements.DownloadStatementAsync(new DateOnly(2026, 11, 28), default);
        Assert.Equal((ProviderErrorKind.Transient, "STATEMENT_CREATING"), (creating.Error!.Kind, creating.Error.Code));

        _harness.Server.Reply(400, "{\"code\":\"PARAM_ERROR\",\"message\":\"bill_date\"}");
        var refused = await Statements.DownloadStatementAsync(new DateOnly(2026, 11, 28), default);
        Assert.Equal((ProviderErrorKind.Rejected, "PARAM_ERROR"), (refused.Error!.Kind, refused.Error.Code));
    }
}
