using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Gateway.WeChatPay.Signing;
using Gateway.WeChatPay.Xml;

// A WeChat Pay v2 upstream for the load benchmark, as cheap as it can be while staying honest: it checks
// the gateway's request signature and answers pay/unifiedorder with a correctly signed NATIVE reply, and
// pay/orderquery with a signed NOTPAY (so background sync sees a pending order). It remembers each order
// (out_trade_no, total_fee) so that /bench/notifies can write WeChat's signed payment notifies for them,
// one XML body per line, for wrk to replay (bench/load/lua/notify.lua).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var key = app.Configuration["Key"] ?? throw new InvalidOperationException("--Key is required");
var orders = new ConcurrentQueue<(string OutTradeNo, string TotalFee)>();

app.MapPost("/pay/unifiedorder", async (HttpRequest request) =>
{
    var fields = await ReadSignedAsync(request);
    if (fields is null)
    {
        return Fail("签名错误");
    }

    orders.Enqueue((fields["out_trade_no"], fields["total_fee"]));
    return Signed(fields, new("trade_type", "NATIVE"), new("prepay_id", "wx" + Hex(16)), new("code_url", "weixin://wxpay/bizpayurl?pr=" + Hex(4)));
});

app.MapPost("/pay/orderquery", async (HttpRequest request) =>
{
    var fields = await ReadSignedAsync(request);
    return fields is null
        ? Fail("签名错误")
        : Signed(fields, new("out_trade_no", fields.GetValueOrDefault("out_trade_no", "")), new("trade_state", "NOTPAY"), new("trade_state_desc", "订单未支付"));
});

app.MapPost("/pay/closeorder", async (HttpRequest request) =>
    await ReadSignedAsync(request) is { } fields ? Signed(fields) : Fail("签名错误"));

app.MapGet("/bench/orders", () => orders.Count);

// Writes the signed payment notify of every order so far to the file named, in order of creation.
app.MapPost("/bench/notifies", async (string path, string appId, string mchId) =>
{
    await using var file = new StreamWriter(path);
    var n = 0;
    foreach (var (outTradeNo, totalFee) in orders)
    {
        var fields = new Dictionary<string, string>
        {
            ["appid"] = appId, ["bank_type"] = "CMC", ["cash_fee"] = totalFee, ["fee_type"] = "CNY", ["is_subscribe"] = "N",
            ["mch_id"] = mchId, ["nonce_str"] = Hex(16), ["openid"] = "oUpF8uMEb4qRXf22hE3X68TekukE", ["out_trade_no"] = outTradeNo,
            ["result_code"] = "SUCCESS", ["return_code"] = "SUCCESS", ["time_end"] = "20261129120000", ["total_fee"] = totalFee,
            ["trade_type"] = "NATIVE", ["transaction_id"] = "42000000002026112" + n.ToString("D11", CultureInfo.InvariantCulture),
        };
        fields["sign"] = WeChatSigner.Sign(fields, key, WeChatSignType.Md5);
        await file.WriteLineAsync($"{outTradeNo} {WeChatXml.Write(fields)}");
        n++;
    }

    return n;
});

app.Run();

async Task<Dictionary<string, string>?> ReadSignedAsync(HttpRequest request)
{
    using var body = new MemoryStream();
    await request.Body.CopyToAsync(body);
    var fields = WeChatXml.Parse(body.ToArray());
    return WeChatSigner.Verify(fields, key, WeChatSignType.Md5) ? fields : null;
}

IResult Signed(Dictionary<string, string> request, params KeyValuePair<string, string>[] result)
{
    var fields = new List<KeyValuePair<string, string>>
    {
        new("return_code", "SUCCESS"), new("return_msg", "OK"), new("appid", request["appid"]), new("mch_id", request["mch_id"]),
        new("nonce_str", Hex(16)), new("result_code", "SUCCESS"),
    };
    fields.AddRange(result);
    fields.Add(new("sign", WeChatSigner.Sign(fields, key, WeChatSignType.Md5)));
    return Results.Text(WeChatXml.Write(fields), "text/xml");
}

static IResult Fail(string message)
    => Results.Text(WeChatXml.Write([new("return_code", "FAIL"), new("return_msg", message)]), "text/xml");

static string Hex(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes));
