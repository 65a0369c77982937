using System.Security.Cryptography;
using System.Text;
using Gateway.WeChatPay.Refunds;

namespace Gateway.WeChatPay.Refunds.Tests;

/// <summary>
/// The refund notify's <c>req_info</c> (docs/protocols.md B7): AES-256-ECB, PKCS#7, key = the 32 ASCII characters
/// of the lower-case hex MD5 of the API key. The ciphertexts were produced outside .NET (openssl enc -aes-256-ecb),
/// so a shared mistake in encrypt and decrypt cannot pass.
/// </summary>
public class RefundRequestInfoTests
{
    // The API key of the official signing example (B/A section), and its MD5 (lower-case hex) computed with md5sum.
    private const string ApiKey = "192006250b4c09247ec02edce69f6a2d";
    private const string KeyMd5 = "d96eb16afdd491fa1e705096edbc2205";

    // openssl enc -aes-256-ecb -K <hex of KeyMd5's ASCII> -nosalt | base64, over a <root> document with the B7 fields.
    private const string ReqInfo =
        "WBzGpzQuNpcFxIlFjUUD9Bvm52FmMclIn5y2Vn+VZvBgIOwId0HgunGFXvB3/mfpsH8vY/H7M6XsY5trwzYXUsHvZUvbUUNaQhLw8FBk7QfTZ6ms05fYxYJpcG2Q1r5JZKRChwe7FgVGpAzKTYp/ICBA1vEx1jLIS4Ju/D/Dl0fs1MiONanwz8W2WHrukEBusR6RDxciG65visewZSk1EOx4ictYU7V1kaicYOkAj7ECZfEfC8TjtaKe9vre/Y4iL+RFPR4cU+XSJAjJRkx4v5fb0m/zwyhP/EdbWENo2SIeYmN6vH/Djg1pZrZaR/RzbjQzIGRVCfdOwDWGFD1M+IfyYtY068Y+rXkPeMShrOqKtaqFeOZgUWnaEjrhTbWVlDwJSG/+yzWXbQ1gClh5RG0IuFreTQYpbVR02qsfOHU6W0+x4D77qX5F24DD0JiPIBAQPMTrsA0TtMUCmvEh/shusrupB5LBh24QwEhsjob5uA0VeOS5GdoR0lqr0rDh5889l30bLCNl+koA9dlIf31kLYlSTG/7eHvR17eRZzJnefg99VxtJbqN3vThzZLgFiWPQdIoH6Ap2MlyExqp33nFKLoZdbiOnGhpvnvUL+w5wqv97tFYvWzmJJS4RTwC/svBr4e3lS3A7agsBgk5Q7+ji1UGRNz9/WELjouE7z/hqR97O+4ymyLVXH+Z4i1nM5FKwUYgSeNMlfURED81aNmzll5qeDCfRatdit7o6MStAV9YtXcrJlhbqAyO1M5+/Nc+HVzajsPBUKgYT75Ow7QxDhK9PD+gM9Ru5uHLJu+tp9QxPpeZtL1q0HcvoeHltz25clCljKMXWkIe7LNCB9O7OFeAfFxeUGKhVv/lIl3R36pB+SAwHr9jFyzJP7vaR/+x2xgfH7f9DyCSp1CtxkXyqRMEmMCFHxSU3exc12RgPDm7v4pj0OPVkZSc8QTRjNsCDUuEUYI6Whm0zimPC2yHIU/UWD+Lb5G3VVLA6gd8/DyQuXli/QZqAf6DZ8vbCRBN9HUBFgIf/HVsCMkT3A==";

    [Fact]
    public void DeriveKey_IsTheLowerCaseHexMd5_AsAsciiBytes()
    {
        Assert.Equal(KeyMd5, Encoding.ASCII.GetString(RefundRequestInfo.DeriveKey(ApiKey)));
    }

    [Fact]
    public void Decrypts_TheB7Vector_IntoItsFields()
    {
        var fields = RefundRequestInfo.TryDecrypt(ReqInfo, ApiKey);

        Assert.NotNull(fields);
        Assert.Equal("re_20261129abc", fields["out_refund_no"]);
        Assert.Equal("pay_20261129xyz", fields["out_trade_no"]);
        Assert.Equal("30", fields["refund_fee"]);
        Assert.Equal("100", fields["total_fee"]);
        Assert.Equal("SUCCESS", fields["refund_status"]);
        Assert.Equal("50000408942018111907145868882", fields["refund_id"]);
        Assert.Equal("支付用户零钱", fields["refund_recv_accout"]);
        Assert.Equal("2026-11-29 18:02:11", fields["success_time"]);
        Assert.Equal(13, fields.Count);
    }

    [Fact]
    public void Decrypts_TheSkitAesEcbVector()
    {
        // [SKIT] TestCase_AESUtilityTests: key "01234567890abcdefedcba9876543210", "l/aL5GyVfl/tw3Lww6GvCQ==" → "SKIT is great!".
        using var aes = Aes.Create();
        aes.Key = Encoding.ASCII.GetBytes("01234567890abcdefedcba9876543210");
        var plain = aes.DecryptEcb(Convert.FromBase64String("l/aL5GyVfl/tw3Lww6GvCQ=="), PaddingMode.PKCS7);
        Assert.Equal("SKIT is great!", Encoding.UTF8.GetString(plain));
    }

    [Theory]
    [InlineData("a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6")] // another merchant's key
    [InlineData("192006250B4C09247EC02EDCE69F6A2D")] // the same key in upper case: a different MD5
    public void Refuses_TheVector_UnderAnotherKey(string otherKey)
    {
        Assert.Null(RefundRequestInfo.TryDecrypt(ReqInfo, otherKey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")] // 3 bytes: not a whole block
    public void Refuses_Garbage(string reqInfo)
    {
        Assert.Null(RefundRequestInfo.TryDecrypt(reqInfo, ApiKey));
    }

    [Fact]
    public void Refuses_AnXmlRootThatIsNotRoot()
    {
        using var aes = Aes.Create();
        aes.Key = RefundRequestInfo.DeriveKey(ApiKey);
        var cipher = Convert.ToBase64String(aes.EncryptEcb("<xml><refund_fee>1</refund_fee></xml>"u8, PaddingMode.PKCS7));
        Assert.Null(RefundRequestInfo.TryDecrypt(cipher, ApiKey));
    }

    [Fact]
    public void Encrypt_RoundTrips()
    {
        var cipher = RefundRequestInfo.Encrypt([new("out_refund_no", "re_1"), new("refund_status", "CHANGE")], ApiKey);
        var fields = RefundRequestInfo.TryDecrypt(cipher, ApiKey);
        Assert.Equal("CHANGE", fields!["refund_status"]);
    }
}
