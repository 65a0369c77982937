using System.Text;
using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;
using Gateway.WeChatPay.Signing;
using Gateway.WeChatPay.Xml;

namespace Gateway.Plugins.WeChatNative.Tests;

public sealed class NotifyTests
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    private static Dictionary<string, string> Fields(string resultCode = "SUCCESS") => new()
    {
        ["return_code"] = "SUCCESS", ["appid"] = PluginHarness.AppId, ["mch_id"] = PluginHarness.MchId,
        ["nonce_str"] = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", ["result_code"] = resultCode, ["openid"] = "oUpF8uMEb4qRXf22hE3X68TekukE",
        ["is_subscribe"] = "Y", ["trade_type"] = "NATIVE", ["bank_type"] = "CMC", ["total_fee"] = "2500", ["fee_type"] = "CNY",
        ["transaction_id"] = "1004400740201409030005092168", ["out_trade_no"] = "pay_01HX", ["time_end"] = "20240501121000",
        ["some_future_field"] = "x",
    };

    private static Dictionary<string, string> Signed(Dictionary<string, string> fields, WeChatSignType type = WeChatSignType.Md5)
    {
        fields["sign"] = WeChatSigner.Sign(fields, PluginHarness.ApiKey, type);
        return fields;
    }

    private static Task<NotifyParseResult> Parse(string body, NotifyKind kind = NotifyKind.Payment, string signType = "MD5")
        => new PluginHarness(signType).Instance.ParseNotifyAsync(new NotifyRequest(kind, Encoding.UTF8.GetBytes(body), "text/xml", NoHeaders), default).AsTask();

    [Fact]
    public async Task Parses_ValidNotify()
    {
        var result = await Parse(WeChatXml.Write(Signed(Fields())));

        var payment = Assert.IsType<NotifyParseResult.Payment>(result).Notification;
        Assert.Equal("pay_01HX", payment.PaymentId);
        Assert.Equal("1004400740201409030005092168", payment.ProviderTransactionId);
        Assert.Equal(PaymentStatus.Succeeded, payment.Status);
        Assert.Equal(2500L, payment.Amount);
        Assert.Equal("CNY", payment.Currency);
        Assert.Equal(PluginHarness.AppId, payment.AppId);
        Assert.Equal(PluginHarness.MchId, payment.MerchantId);
        Assert.Equal(PluginHarness.Now.AddMinutes(10), payment.PaidAt);
    }

    [Fact]
    public async Task Parses_HmacNotify_WithoutSignType_ForAnHmacInstance()
    {
        var result = await Parse(WeChatXml.Write(Signed(Fields(), WeChatSignType.HmacSha256)), signType: "HMAC-SHA256");
        Assert.IsType<NotifyParseResult.Payment>(result);
    }

    [Fact]
    public async Task Rejects_AnAlgorithmThatIsNotTheInstances()
    {
        // An MD5 sign is refused by an HMAC-SHA256 instance, and the other way round, whatever the sign's length.
        Assert.Equal(NotifyRejections.BadSignature, Assert.IsType<NotifyParseResult.Rejected>(
            await Parse(WeChatXml.Write(Signed(Fields(), WeChatSignType.Md5)), signType: "HMAC-SHA256")).Code);
        Assert.Equal(NotifyRejections.BadSignature, Assert.IsType<NotifyParseResult.Rejected>(
            await Parse(WeChatXml.Write(Signed(Fields(), WeChatSignType.HmacSha256)))).Code);

        // A sign_type naming another algorithm is refused even when the sign matches it.
        var declared = Fields();
        declared["sign_type"] = "MD5";
        Assert.Equal(NotifyRejections.BadSignature, Assert.IsType<NotifyParseResult.Rejected>(
            await Parse(WeChatXml.Write(Signed(declared, WeChatSignType.Md5)), signType: "HMAC-SHA256")).Code);
    }

    [Fact]
    public async Task Rejects_ALowerCaseSign()
    {
        var fields = Signed(Fields());
        fields["sign"] = fields["sign"].ToLowerInvariant();
        Assert.Equal(NotifyRejections.BadSignature, Assert.IsType<NotifyParseResult.Rejected>(await Parse(WeChatXml.Write(fields))).Code);
    }

    [Theory]
    [InlineData("appid")]
    [InlineData("mch_id")]
    public async Task Rejects_ASignedNotify_WithoutAppIdOrMchId(string field)
    {
        var fields = Fields();
        fields.Remove(field);
        Assert.Equal(NotifyRejections.Malformed, Assert.IsType<NotifyParseResult.Rejected>(await Parse(WeChatXml.Write(Signed(fields)))).Code);
    }

    [Fact]
    public async Task ResultFail_IsAFailureReport_WithWeChatsErrorCode()
    {
        var fields = Fields("FAIL");
        fields["err_code"] = "NOTENOUGH";
        fields["err_code_des"] = "余额不足";
        var notification = Assert.IsType<NotifyParseResult.Payment>(await Parse(WeChatXml.Write(Signed(fields)))).Notification;
        Assert.Equal((PaymentStatus.Failed, "NOTENOUGH", "余额不足"), (notification.Status, notification.ErrorCode, notification.ErrorMessage));
    }

    [Fact]
    public async Task ResultFail_WithoutATransaction_IsStillAFailureReport_ButSuccessNeedsOne()
    {
        var fail = Fields("FAIL");
        fail.Remove("transaction_id");
        Assert.Equal(PaymentStatus.Failed, Assert.IsType<NotifyParseResult.Payment>(await Parse(WeChatXml.Write(Signed(fail)))).Notification.Status);

        var success = Fields();
        success.Remove("transaction_id");
        Assert.IsType<NotifyParseResult.Rejected>(await Parse(WeChatXml.Write(Signed(success))));
    }

    [Fact]
    public async Task Rejects_ForgedSignature()
    {
        var fields = Fields();
        fields["sign"] = WeChatSigner.Sign(fields, "ffffffffffffffffffffffffffffffff", WeChatSignType.Md5);
        Assert.Equal(NotifyRejections.BadSignature, Assert.IsType<NotifyParseResult.Rejected>(await Parse(WeChatXml.Write(fields))).Code);
    }

    [Fact]
    public async Task Rejects_TamperedTotalFee()
    {
        var fields = Signed(Fields());
        fields["total_fee"] = "1";
        Assert.Equal(NotifyRejections.BadSignature, Assert.IsType<NotifyParseResult.Rejected>(await Parse(WeChatXml.Write(fields))).Code);
    }

    [Fact]
    public async Task Rejects_UnsignedNotify()
        => Assert.Equal(NotifyRejections.BadSignature, Assert.IsType<NotifyParseResult.Rejected>(await Parse(WeChatXml.Write(Fields()))).Code);

    [Theory]
    [InlineData("<xml><return_code>SUCCESS")]
    [InlineData("")]
    [InlineData("""<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><out_trade_no>&x;</out_trade_no></xml>""")]
    public async Task Rejects_MalformedOrDtdBody(string body)
        => Assert.Equal(NotifyRejections.Malformed, Assert.IsType<NotifyParseResult.Rejected>(await Parse(body)).Code);

    [Fact]
    public async Task Rejects_BodyThatMakesSystemXmlThrow_Quietly()
    {
        // Found by fuzz/ (wechat-native-notify): no signature needed to reach it.
        var harness = new PluginHarness();
        var body = Convert.FromBase64String("PD94bWwgdmVyc2lvbj0iMS4wtCI/Pg==");
        harness.Logs.ResetHighestLevel();

        var result = await harness.Instance.ParseNotifyAsync(new NotifyRequest(NotifyKind.Payment, body, "text/xml", NoHeaders), default);

        Assert.Equal(NotifyRejections.Malformed, Assert.IsType<NotifyParseResult.Rejected>(result).Code);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, harness.Logs.HighestLevel);
    }

    [Theory]
    [InlineData("00010101000000")] // found by fuzz/ (wechat-native-notify-signed): it made WeChatTime throw
    [InlineData("20241301121000")]
    [InlineData("2024-05-01")]
    public async Task SignedNotify_WithUnreadableTimeEnd_IsRejectedQuietly(string timeEnd)
    {
        // Refused, so WeChat resends it; sync settles the paid order meanwhile (PaymentTests, Query_UnreadableTimeEnd…).
        var harness = new PluginHarness();
        var fields = Fields();
        fields["time_end"] = timeEnd;
        var body = Encoding.UTF8.GetBytes(WeChatXml.Write(Signed(fields)));
        harness.Logs.ResetHighestLevel();

        var result = await harness.Instance.ParseNotifyAsync(new NotifyRequest(NotifyKind.Payment, body, "text/xml", NoHeaders), default);

        Assert.Equal(NotifyRejections.Malformed, Assert.IsType<NotifyParseResult.Rejected>(result).Code);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, harness.Logs.HighestLevel);
    }

    [Fact]
    public async Task SignedNotify_WithoutTimeEnd_HasNoPaidAt()
    {
        var fields = Fields();
        fields.Remove("time_end");

        var payment = Assert.IsType<NotifyParseResult.Payment>(await Parse(WeChatXml.Write(Signed(fields)))).Notification;

        Assert.Null(payment.PaidAt);
        Assert.Equal(2500L, payment.Amount);
    }

    [Theory]
    [InlineData("transaction_id")]
    [InlineData("out_trade_no")]
    [InlineData("total_fee")]
    public async Task Rejects_MissingRequiredField_EvenWhenSigned(string field)
    {
        var fields = Fields();
        fields.Remove(field);
        Assert.Equal(NotifyRejections.Malformed, Assert.IsType<NotifyParseResult.Rejected>(await Parse(WeChatXml.Write(Signed(fields)))).Code);
    }

    [Fact]
    public async Task Rejects_NonIntegerTotalFee_EvenWhenSigned()
    {
        var fields = Fields();
        fields["total_fee"] = "25.00";
        Assert.Equal(NotifyRejections.Malformed, Assert.IsType<NotifyParseResult.Rejected>(await Parse(WeChatXml.Write(Signed(fields)))).Code);
    }

    private static string RefundNotify(
        string key, string status = "SUCCESS", string successTime = "2024-05-01 12:00:01", (string Name, string? Value)? change = null)
    {
        List<KeyValuePair<string, string>> info =
        [
            new("out_refund_no", "re_01J"), new("out_trade_no", "pay_01J"), new("refund_fee", "30"), new("total_fee", "100"),
            new("settlement_refund_fee", "30"), new("refund_id", "50000408942018111907145868882"), new("refund_status", status),
            new("success_time", successTime),
        ];
        if (change is { } c)
        {
            info.RemoveAll(f => f.Key == c.Name);
            if (c.Value is not null)
            {
                info.Add(new(c.Name, c.Value));
            }
        }

        return WeChatXml.Write(
        [
            new("return_code", "SUCCESS"), new("appid", PluginHarness.AppId), new("mch_id", PluginHarness.MchId), new("nonce_str", "n1"),
            new("req_info", Gateway.WeChatPay.Refunds.RefundRequestInfo.Encrypt(info, key)),
        ]);
    }

    [Theory]
    [InlineData("refund_fee", "0")]
    [InlineData("refund_fee", "-30")]
    [InlineData("refund_fee", "30.00")]
    [InlineData("refund_fee", null)]
    [InlineData("total_fee", "0")]
    [InlineData("total_fee", null)]
    [InlineData("settlement_refund_fee", "31")]
    [InlineData("settlement_refund_fee", "x")]
    [InlineData("out_refund_no", null)]
    public async Task Rejects_RefundNotify_WithAnAmountThatCannotBeTheRefunds_AsMalformed(string field, string? value)
        => Assert.Equal(NotifyRejections.Malformed, Assert.IsType<NotifyParseResult.Rejected>(
            await Parse(RefundNotify(PluginHarness.ApiKey, change: (field, value)), NotifyKind.Refund)).Code);

    [Theory]
    [InlineData("SUCCESS", Gateway.Abstractions.Refunds.RefundState.Succeeded)]
    [InlineData("CHANGE", Gateway.Abstractions.Refunds.RefundState.Failed)]
    [InlineData("REFUNDCLOSE", Gateway.Abstractions.Refunds.RefundState.Failed)]
    public async Task Parses_RefundNotify_DecryptedWithTheInstanceKey(string status, Gateway.Abstractions.Refunds.RefundState state)
    {
        var refund = Assert.IsType<NotifyParseResult.Refund>(await Parse(RefundNotify(PluginHarness.ApiKey, status), NotifyKind.Refund)).Notification;
        Assert.Equal("re_01J", refund.RefundId);
        Assert.Equal("pay_01J", refund.PaymentId);
        Assert.Equal(30, refund.Amount);
        Assert.Equal(100, refund.TotalAmount);
        Assert.Equal(state, refund.State);
        Assert.Equal(status, refund.ProviderState);
        Assert.Equal(PluginHarness.MchId, refund.MerchantId);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 4, 0, 1, TimeSpan.Zero), refund.SucceededAt);
    }

    [Fact]
    public async Task RefundNotify_WithASuccessTimeBeforeAnyUtcInstant_HasNoSuccessTime_AndNeverThrows()
    {
        // The bill's 交易时间 of 0001-01-01 00:00:00 made WeChatTime throw (fuzz/, trade-bill); success_time shares the parse.
        var refund = Assert.IsType<NotifyParseResult.Refund>(
            await Parse(RefundNotify(PluginHarness.ApiKey, successTime: "0001-01-01 00:00:00"), NotifyKind.Refund)).Notification;

        Assert.Null(refund.SucceededAt);
        Assert.Equal(30, refund.Amount);
    }

    [Fact]
    public async Task Rejects_RefundNotify_UnderAnotherKey_AsBadSignature()
        => Assert.Equal(NotifyRejections.BadSignature,
            Assert.IsType<NotifyParseResult.Rejected>(await Parse(RefundNotify("fedcba9876543210fedcba9876543210"), NotifyKind.Refund)).Code);

    [Theory]
    [InlineData("<xml/>")]
    [InlineData("<xml><return_code>SUCCESS</return_code></xml>")]
    [InlineData("not xml")]
    public async Task Rejects_RefundNotify_WithoutReqInfo_AsMalformed(string body)
        => Assert.Equal(NotifyRejections.Malformed, Assert.IsType<NotifyParseResult.Rejected>(await Parse(body, NotifyKind.Refund)).Code);

    [Fact]
    public void CreateAck_Success_IsWeChatSuccessBody()
    {
        var ack = new PluginHarness().Instance.CreateAck(true);
        Assert.Equal(new NotifyAck(200, "application/xml",
            "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>"), ack);
    }

    [Fact]
    public void CreateAck_Failure_CarriesReason()
    {
        var ack = new PluginHarness().Instance.CreateAck(false, "amount mismatch");
        Assert.Equal("<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[amount mismatch]]></return_msg></xml>", ack.Body);
        Assert.Equal("FAIL", WeChatXml.Parse(new PluginHarness().Instance.CreateAck(false).Body)["return_msg"]);
    }
}
