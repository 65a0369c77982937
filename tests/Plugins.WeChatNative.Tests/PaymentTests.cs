using Gateway.Abstractions.Payments;

namespace Gateway.Plugins.WeChatNative.Tests;

public sealed class PaymentTests
{
    private static readonly DateTimeOffset Now = PluginHarness.Now;

    private static CreatePaymentRequest Request() => new()
    {
        PaymentId = "pay_01HX",
        Channel = "wechat.native",
        MerchantOrderId = "order-9",
        Amount = 2500,
        Currency = "CNY",
        Description = "Annual plan",
        ClientIp = "203.0.113.9",
        CreatedAt = Now,
        ExpiresAt = Now.AddMinutes(30),
    };

    private static Dictionary<string, string> Placed() => new()
    {
        ["result_code"] = "SUCCESS", ["trade_type"] = "NATIVE", ["prepay_id"] = "wx2016", ["code_url"] = "weixin://wxpay/bizpayurl?pr=8pQ",
    };

    [Fact]
    public async Task Create_SendsNativeOrder_AndReturnsQrCode()
    {
        var harness = new PluginHarness();
        harness.Server.Reply = (_, _) => Placed();

        var result = await harness.Instance.CreateAsync(Request(), default);

        Assert.True(result.Succeeded);
        Assert.Equal(PaymentActionTypes.QrCode, result.Value!.Action.Type);
        Assert.Equal("weixin://wxpay/bizpayurl?pr=8pQ", result.Value.Action.CodeUrl);
        Assert.Equal("wx2016", result.Value.ProviderReference);
        var sent = Assert.Single(harness.Server.Requests).Fields;
        Assert.Equal("NATIVE", sent["trade_type"]);
        Assert.Equal("2500", sent["total_fee"]);
        Assert.Equal("pay_01HX", sent["out_trade_no"]);
        Assert.Equal("pay_01HX", sent["product_id"]);
        Assert.Equal(PluginHarness.NotifyUrl.AbsoluteUri, sent["notify_url"]);
        Assert.Equal("203.0.113.9", sent["spbill_create_ip"]);
        Assert.Equal("20240501123000", sent["time_expire"]);
        Assert.Equal("Annual plan", sent["body"]);
    }

    [Fact]
    public async Task Create_UsesProductId_AndFreshNonceEachCall()
    {
        var harness = new PluginHarness();
        harness.Server.Reply = (_, _) => Placed();
        await harness.Instance.CreateAsync(Request() with { ProductId = "SKU-7" }, default);
        await harness.Instance.CreateAsync(Request(), default);

        Assert.Equal("SKU-7", harness.Server.Requests[0].Fields["product_id"]);
        Assert.NotEqual(harness.Server.Requests[0].Fields["nonce_str"], harness.Server.Requests[1].Fields["nonce_str"]);
        Assert.All(harness.Server.Requests, r => Assert.True(r.SignValid));
    }

    [Fact]
    public async Task Create_TruncatesBody_WithoutSplittingSurrogatePair()
    {
        var harness = new PluginHarness();
        harness.Server.Reply = (_, _) => Placed();
        var description = new string('a', 127) + "😀" + "tail";
        await harness.Instance.CreateAsync(Request() with { Description = description }, default);
        Assert.Equal(new string('a', 127), harness.Server.Requests[0].Fields["body"]);
    }

    [Fact]
    public async Task Create_HmacInstance_SignsWithHmac()
    {
        var harness = new PluginHarness("HMAC-SHA256");
        harness.Server.Reply = (_, _) => Placed();
        Assert.True((await harness.Instance.CreateAsync(Request(), default)).Succeeded);
        Assert.Equal("HMAC-SHA256", harness.Server.Requests[0].Fields["sign_type"]);
    }

    [Theory]
    [InlineData("USD", 2500, "UNSUPPORTED_CURRENCY")]
    [InlineData("CNY", 0, "INVALID_AMOUNT")]
    public async Task Create_RejectsInvalidRequest_BeforeCallingWeChat(string currency, long amount, string code)
    {
        var harness = new PluginHarness();
        var result = await harness.Instance.CreateAsync(Request() with { Currency = currency, Amount = amount }, default);
        Assert.Equal(new ProviderError(ProviderErrorKind.InvalidRequest, code, result.Error!.Message), result.Error);
        Assert.Empty(harness.Server.Requests);
    }

    [Theory]
    [InlineData("ORDERPAID", ProviderErrorKind.Rejected)]
    [InlineData("OUT_TRADE_NO_USED", ProviderErrorKind.Rejected)]
    [InlineData("APPID_MCHID_NOT_MATCH", ProviderErrorKind.Rejected)]
    [InlineData("SYSTEMERROR", ProviderErrorKind.Transient)]
    public async Task Create_MapsWeChatErrorCodes(string errCode, ProviderErrorKind kind)
    {
        var harness = new PluginHarness();
        harness.Server.Reply = (_, _) => new() { ["result_code"] = "FAIL", ["err_code"] = errCode, ["err_code_des"] = "desc" };
        var result = await harness.Instance.CreateAsync(Request(), default);
        Assert.Equal(new ProviderError(kind, errCode, "desc"), result.Error);
    }

    [Theory]
    [InlineData("签名错误", ProviderErrorKind.Rejected)]
    [InlineData("系统繁忙,请稍后再试", ProviderErrorKind.Transient)]
    public async Task Create_MapsReturnCodeFail(string returnMsg, ProviderErrorKind kind)
    {
        var harness = new PluginHarness();
        harness.Server.RawReply = $"<xml><return_code>FAIL</return_code><return_msg>{returnMsg}</return_msg></xml>";
        var result = await harness.Instance.CreateAsync(Request(), default);
        Assert.Equal(new ProviderError(kind, "FAIL", returnMsg), result.Error);
    }

    [Fact]
    public async Task Create_ReplyWithBadSignature_IsTransient_AndNeverTrusted()
    {
        var harness = new PluginHarness();
        harness.Server.Reply = (_, _) => Placed();
        harness.Server.TamperReply = true;
        var result = await harness.Instance.CreateAsync(Request(), default);
        Assert.Equal(ProviderErrorKind.Transient, result.Error!.Kind);
        Assert.Equal("INVALID_RESPONSE_SIGNATURE", result.Error.Code);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData("SUCCESS", PaymentStatus.Succeeded)]
    [InlineData("REFUND", PaymentStatus.Succeeded)]
    [InlineData("NOTPAY", PaymentStatus.Pending)]
    [InlineData("USERPAYING", PaymentStatus.Pending)]
    [InlineData("ACCEPT", PaymentStatus.Pending)]
    [InlineData("CLOSED", PaymentStatus.Closed)]
    [InlineData("REVOKED", PaymentStatus.Closed)]
    [InlineData("PAYERROR", PaymentStatus.Failed)]
    [InlineData("SOMETHING_NEW", PaymentStatus.Pending)]
    public async Task Query_MapsTradeState(string tradeState, PaymentStatus status)
    {
        var harness = new PluginHarness();
        harness.Server.Reply = (_, _) => new() { ["result_code"] = "SUCCESS", ["trade_state"] = tradeState, ["total_fee"] = "2500" };
        var result = await harness.Instance.QueryAsync(new PaymentQuery("pay_01HX"), default);
        Assert.Equal(status, result.Value!.Status);
        Assert.Equal(tradeState, result.Value.ProviderState);
    }

    [Fact]
    public async Task Query_FillsPaidFields()
    {
        var harness = new PluginHarness();
        harness.Server.Reply = (_, _) => new()
        {
            ["result_code"] = "SUCCESS", ["trade_state"] = "SUCCESS", ["total_fee"] = "2500",
            ["transaction_id"] = "4200000001", ["time_end"] = "20240501121000",
        };
        var result = await harness.Instance.QueryAsync(new PaymentQuery("pay_01HX"), default);
        var value = result.Value!;
        Assert.Equal("pay_01HX", harness.Server.Requests[0].Fields["out_trade_no"]);
        Assert.Equal(2500L, value.PaidAmount);
        Assert.Equal("CNY", value.Currency);
        Assert.Equal("4200000001", value.ProviderTransactionId);
        Assert.Equal(Now.AddMinutes(10), value.PaidAt);
    }

    [Fact]
    public async Task Query_UnreadableTimeEnd_StillReportsThePaymentSucceeded()
    {
        // The notify with this time_end is refused (NotifyTests); the money must still be found by sync and expiry.
        var harness = new PluginHarness();
        harness.Server.Reply = (_, _) => new()
        {
            ["result_code"] = "SUCCESS", ["trade_state"] = "SUCCESS", ["total_fee"] = "2500",
            ["transaction_id"] = "4200000001", ["time_end"] = "00010101000000",
        };

        var value = (await harness.Instance.QueryAsync(new PaymentQuery("pay_01HX"), default)).Value!;

        Assert.Equal(PaymentStatus.Succeeded, value.Status);
        Assert.Equal(2500L, value.PaidAmount);
        Assert.Equal("4200000001", value.ProviderTransactionId);
        Assert.Null(value.PaidAt);
    }

    [Fact]
    public async Task Query_OrderNotExist_IsRejected()
    {
        var harness = new PluginHarness();
        harness.Server.Reply = (_, _) => new() { ["result_code"] = "FAIL", ["err_code"] = "ORDERNOTEXIST", ["err_code_des"] = "no order" };
        var result = await harness.Instance.QueryAsync(new PaymentQuery("pay_01HX"), default);
        Assert.Equal(ProviderErrorKind.Rejected, result.Error!.Kind);
        Assert.Equal("ORDERNOTEXIST", result.Error.Code);
    }

    [Fact]
    public async Task Close_Success_IsClosed()
    {
        var harness = new PluginHarness();
        var result = await harness.Instance.CloseAsync(new PaymentQuery("pay_01HX"), default);
        Assert.Equal(new CloseResult("CLOSED"), result.Value);
        Assert.Equal("/pay/closeorder", harness.Server.Requests[0].Path);
    }

    [Fact]
    public async Task Close_OrderPaid_IsRejected()
    {
        var harness = new PluginHarness();
        harness.Server.Reply = (_, _) => new() { ["result_code"] = "FAIL", ["err_code"] = "ORDERPAID", ["err_code_des"] = "paid" };
        var result = await harness.Instance.CloseAsync(new PaymentQuery("pay_01HX"), default);
        Assert.Equal(ProviderErrorKind.Rejected, result.Error!.Kind);
        Assert.Equal("ORDERPAID", result.Error.Code);
    }

    [Fact]
    public async Task Transport_Failure_Propagates()
    {
        var harness = new PluginHarness();
        harness.Server.Reply = (_, _) => throw new HttpRequestException("connection reset");
        await Assert.ThrowsAsync<HttpRequestException>(() => harness.Instance.QueryAsync(new PaymentQuery("pay_01HX"), default));
    }

    [Fact]
    public async Task Refund_WithoutAClientCertificate_IsRefusedLocally_AndRefundsAreUnavailable()
    {
        var harness = new PluginHarness();
        var refunds = Assert.IsAssignableFrom<Gateway.Abstractions.Refunds.IRefundProvider>(harness.Instance);
        Assert.Contains("no API client certificate", refunds.RefundsUnavailableReason);

        var result = await harness.Instance.RefundAsync(
            new RefundRequest { Payment = new("pay_01HX"), RefundId = "r1", TotalAmount = 1, RefundAmount = 1, Currency = "CNY" }, default);
        Assert.Equal(ProviderErrorKind.Rejected, result.Error!.Kind);
        Assert.Empty(harness.Server.Requests);
    }

    [Theory]
    [InlineData("SUCCESS", Gateway.Abstractions.Refunds.RefundState.Succeeded)]
    [InlineData("PROCESSING", Gateway.Abstractions.Refunds.RefundState.Processing)]
    [InlineData("CHANGE", Gateway.Abstractions.Refunds.RefundState.Failed)]
    [InlineData("REFUNDCLOSE", Gateway.Abstractions.Refunds.RefundState.Failed)]
    public async Task QueryRefund_FindsItsOwnIndexedRefund_AndMapsTheStatus(string status, Gateway.Abstractions.Refunds.RefundState state)
    {
        var harness = new PluginHarness();
        harness.Server.Reply = (_, _) => new()
        {
            ["result_code"] = "SUCCESS", ["refund_count"] = "2",
            ["out_refund_no_0"] = "re_other", ["refund_id_0"] = "5000a", ["refund_fee_0"] = "1", ["refund_status_0"] = "SUCCESS",
            ["out_refund_no_1"] = "re_mine", ["refund_id_1"] = "5000b", ["refund_fee_1"] = "30", ["refund_status_1"] = status,
        };
        var result = await ((Gateway.Abstractions.Refunds.IRefundProvider)harness.Instance).QueryRefundAsync(new("re_mine", "pay_01HX"), default);

        Assert.Equal("/pay/refundquery", harness.Server.Requests.Single().Path);
        Assert.Equal("re_mine", harness.Server.Requests.Single().Fields["out_refund_no"]);
        Assert.Equal(state, result.Value!.State);
        Assert.Equal("5000b", result.Value.ProviderRefundId);
        Assert.Equal(30, result.Value.Amount);
    }

    [Fact]
    public async Task QueryRefund_RefundNotExist_IsNotFound_SoSyncMaySendIt()
    {
        var harness = new PluginHarness();
        harness.Server.Reply = (_, _) => new() { ["result_code"] = "FAIL", ["err_code"] = "REFUNDNOTEXIST", ["err_code_des"] = "退款订单查询失败" };
        var result = await ((Gateway.Abstractions.Refunds.IRefundProvider)harness.Instance).QueryRefundAsync(new("re_x", "pay_01HX"), default);
        Assert.Equal(Gateway.Abstractions.Refunds.RefundState.NotFound, result.Value!.State);
    }
}
