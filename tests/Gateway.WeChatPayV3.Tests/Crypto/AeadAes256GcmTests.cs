using Gateway.WeChatPayV3.Crypto;

namespace Gateway.WeChatPayV3.Tests.Crypto;

public sealed class AeadAes256GcmTests
{
    // A 32-character APIv3 key, as WeChat issues them.
    private const string Key = "AES256Key-32Characters1234567890";

    [Fact]
    public void Decrypts_TheOfficialGoSdkVector()
    {
        // wechatpay-go utils/aes_test.go (docs/protocols.md §F): a 16-byte key, so AES-128-GCM, same construction.
        Assert.True(AeadAes256Gcm.TryDecrypt("testAPIv3Key0000", "wCq51qZv4Yfg", "Dl56FrqWQJF1t9LtC3vEUsniZKvbqdR8",
            "FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC", out var plaintext));
        Assert.Equal("Hello World", plaintext);
    }

    [Fact]
    public void RoundTrips_WithA32CharacterKey_AndAppendsTheTag()
    {
        var ciphertext = AeadAes256Gcm.Encrypt(Key, "eabb3e044577", "transaction", "{\"out_trade_no\":\"pay_1\"}");

        Assert.Equal("{\"out_trade_no\":\"pay_1\"}".Length + AeadAes256Gcm.TagLength, Convert.FromBase64String(ciphertext).Length);
        Assert.True(AeadAes256Gcm.TryDecrypt(Key, "eabb3e044577", "transaction", ciphertext, out var plaintext));
        Assert.Equal("{\"out_trade_no\":\"pay_1\"}", plaintext);
    }

    [Theory]
    [InlineData("AES256Key-32Characters1234567891", "eabb3e044577", "transaction")]
    [InlineData(Key, "eabb3e044578", "transaction")]
    [InlineData(Key, "eabb3e044577", "certificate")]
    [InlineData(Key, "eabb3e044577", "")]
    [InlineData(Key, "short", "transaction")]
    public void Refuses_AWrongKeyNonceOrAssociatedData(string key, string nonce, string associatedData)
    {
        var ciphertext = AeadAes256Gcm.Encrypt(Key, "eabb3e044577", "transaction", "hello");

        Assert.False(AeadAes256Gcm.TryDecrypt(key, nonce, associatedData, ciphertext, out _));
    }

    [Fact]
    public void Refuses_ATamperedCiphertext_OrNotBase64()
    {
        var bytes = Convert.FromBase64String(AeadAes256Gcm.Encrypt(Key, "eabb3e044577", "transaction", "hello"));
        bytes[0] ^= 1;

        Assert.False(AeadAes256Gcm.TryDecrypt(Key, "eabb3e044577", "transaction", Convert.ToBase64String(bytes), out _));
        Assert.False(AeadAes256Gcm.TryDecrypt(Key, "eabb3e044577", "transaction", "not base64!", out _));
        Assert.False(AeadAes256Gcm.TryDecrypt(Key, "eabb3e044577", "transaction", "AAAA", out _));
    }
}
