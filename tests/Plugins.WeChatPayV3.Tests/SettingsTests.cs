namespace Gateway.Plugins.WeChatPayV3.Tests;

public sealed class SettingsTests
{
    [Fact]
    public void Accepts_PublicKeyMode_AndCertificateMode()
    {
        Assert.Empty(Validate(PluginHarness.ValidSettings()));
        var certificateMode = PluginHarness.ValidSettings();
        certificateMode.Remove("PublicKeyId");
        certificateMode.Remove("PublicKey");
        Assert.Empty(Validate(certificateMode));
    }

    [Fact]
    public void Rejects_MissingSettings_NamingEachKey_AndNoValue()
    {
        var errors = Validate(new Dictionary<string, string?>());

        foreach (var key in new[] { "AppId", "MchId", "MerchantSerialNo", "MerchantPrivateKey", "ApiV3Key" })
        {
            Assert.Contains(errors, e => e.StartsWith(key, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("ApiV3Key", "short", "ApiV3Key")]
    [InlineData("PublicKeyId", "KEY_1", "PublicKeyId")]
    [InlineData("PublicKey", "not a pem", "PublicKey must")]
    [InlineData("BaseUrl", "ftp://x", "BaseUrl")]
    public void Rejects_BadValues(string key, string value, string expected)
    {
        var settings = PluginHarness.ValidSettings();
        settings[key] = value;

        var errors = Validate(settings);

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains(value, StringComparison.Ordinal) && value.Length > 5);
    }

    [Fact]
    public void Rejects_APublicKeyAsTheMerchantPrivateKey_AndAnIdWithoutItsKey()
    {
        var settings = PluginHarness.ValidSettings();
        settings["MerchantPrivateKey"] = PluginHarness.MerchantKey.ExportSubjectPublicKeyInfoPem();
        settings.Remove("PublicKey");

        var errors = Validate(settings);

        Assert.Contains(errors, e => e.StartsWith("MerchantPrivateKey", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("PublicKeyId and PublicKey go together", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadsKeysFromFiles_AndRefusesBothForms()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, PluginHarness.MerchantKey.ExportPkcs8PrivateKeyPem());
            var settings = PluginHarness.ValidSettings();
            settings.Remove("MerchantPrivateKey");
            settings["MerchantPrivateKeyPath"] = file;
            Assert.Empty(Validate(settings));

            settings["MerchantPrivateKey"] = PluginHarness.MerchantKey.ExportPkcs8PrivateKeyPem();
            Assert.Contains("Set MerchantPrivateKey or MerchantPrivateKeyPath, not both.", Validate(settings));

            settings.Remove("MerchantPrivateKey");
            settings["MerchantPrivateKeyPath"] = file + ".missing";
            Assert.Contains(Validate(settings), e => e.StartsWith("MerchantPrivateKeyPath cannot be read", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<string> Validate(Dictionary<string, string?> settings)
    {
        var errors = new List<string>();
        new WeChatPayV3Plugin().ValidateSettings(PluginHarness.Config(settings), errors);
        return errors;
    }
}
