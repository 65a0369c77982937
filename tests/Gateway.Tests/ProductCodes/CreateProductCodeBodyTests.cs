namespace Gateway.ProductCodes.Tests;

public sealed class CreateProductCodeBodyTests
{
    private static CreateProductCodeBody Valid() => new()
    {
        Channel = "wechat.native", ProductId = "sku_1-A", Amount = 1200, Description = "Green tea",
        NotifyUrl = "https://shop.example/hooks", Metadata = new() { ["shelf"] = "B2" },
    };

    [Fact]
    public void Accepts_ValidBody() => Assert.Empty(Valid().Validate());

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a.b")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    public void Rejects_BadProductId(string productId)
        => Assert.Contains("productId", (Valid() with { ProductId = productId }).Validate().Keys);

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void Rejects_NonPositiveAmount(long amount)
        => Assert.Contains("amount", (Valid() with { Amount = amount }).Validate().Keys);

    [Fact]
    public void Rejects_MetadataThatWouldOverrideProductCodeId()
        => Assert.Contains("metadata", (Valid() with { Metadata = new() { ["productCodeId"] = "pc_x" } }).Validate().Keys);

    [Fact]
    public void Rejects_TwentyMetadataEntries_LeavingRoomForProductCodeId()
        => Assert.Contains("metadata", (Valid() with { Metadata = Enumerable.Range(0, 20).ToDictionary(i => $"k{i}", i => "v") }).Validate().Keys);

    [Fact]
    public void Collects_EveryError()
        => Assert.Equal(["channel", "productId", "amount", "description"], new CreateProductCodeBody().Validate().Keys);
}
