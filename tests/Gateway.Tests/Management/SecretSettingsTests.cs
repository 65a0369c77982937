using Gateway.Management;
using Microsoft.Extensions.Configuration;

namespace Gateway.Tests.Management;

public class SecretSettingsTests
{
    [Theory]
    [InlineData("ApiKey")]
    [InlineData("AppSecret")]
    [InlineData("Token")]
    [InlineData("CertificatePath")]
    [InlineData("PrivateKeyPem")]
    [InlineData("Password")]
    public void SecretLookingKeys_AreRedacted(string key)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = "s3cr3t", ["MchId"] = "1900000109" }).Build();
        var redacted = SecretSettings.Redact(settings);
        Assert.Equal(SecretSettings.Redacted, redacted[key]);
        Assert.Equal("1900000109", redacted["MchId"]);
    }

    [Fact]
    public void NestedSettings_AreRedactedByTheirOwnKey()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Oauth:AppSecret"] = "s3cr3t", ["Oauth:Scope"] = "snsapi_base" }).Build();
        var redacted = SecretSettings.Redact(settings);
        Assert.Equal(SecretSettings.Redacted, redacted["Oauth:AppSecret"]);
        Assert.Equal("snsapi_base", redacted["Oauth:Scope"]);
    }
}
