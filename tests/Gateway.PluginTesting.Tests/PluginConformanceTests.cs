using System.Diagnostics;
using System.Security.Cryptography;

namespace Gateway.PluginTesting.Tests;

/// <summary>The kit passes every plugin in the repository and the sample, and names the fault of each broken fixture.</summary>
public sealed class PluginConformanceTests
{
    private static readonly Dictionary<string, string?> WeChatPay = new()
    {
        ["AppId"] = "wx0123456789abcdef", ["MchId"] = "1900000001", ["ApiKey"] = "0123456789abcdef0123456789abcdef", ["SignType"] = "MD5",
    };

    public static TheoryData<string, string> RepositoryPlugins => new()
    {
        { "plugins/WeChatNative", "" },
        { "plugins/WeChatJsapi", "AppSecret=0123456789abcdef0123456789abcdef;HandOffSecret=0123456789abcdef0123456789abcdef-hand-off" },
        { "plugins/MiniProgram", "AppSecret=0123456789abcdef0123456789abcdef" },
        { "plugins/PaysApi", "" },
        { "plugins/WeChatPayV3", "" },
        { "checked/DemoPay", "" },
    };

    [Theory]
    [MemberData(nameof(RepositoryPlugins))]
    public async Task RepositoryPlugins_Conform(string folder, string extra)
    {
        var report = await PluginConformance.CheckAsync(Path.Combine(AppContext.BaseDirectory, folder), new PluginCheckOptions { Settings = SettingsFor(folder, extra) });

        Assert.True(report.Passed, report.ToString());
        Assert.Contains(report.Results, r => r.Name == "unload" && r.Passed);
        Assert.Contains(report.Results, r => r.Name == "notify.hostile-bodies" && r.Passed);
    }

    [Theory]
    [InlineData("BrokenThrowing", "notify.hostile-bodies", "threw")]
    [InlineData("BrokenEchoing", "settings.no-echo", "MerchantId")]
    [InlineData("BrokenLeaking", "unload", "still alive")]
    [InlineData("BrokenTwin", "entry.single", "found 2")]
    [InlineData("BrokenMisnamed", "descriptor.names", "NotTheFolderName")]
    public async Task BrokenFixtures_FailTheirCheck_WithAClearMessage(string fixture, string check, string says)
    {
        var report = await PluginConformance.CheckAsync(
            Path.Combine(AppContext.BaseDirectory, "broken", fixture),
            new PluginCheckOptions { Settings = new Dictionary<string, string?> { ["MerchantId"] = "m1" }, UnloadTimeout = TimeSpan.FromSeconds(3) });

        Assert.False(report.Passed);
        var failure = Assert.Single(report.Results, r => r.Name == check);
        Assert.False(failure.Passed, report.ToString());
        Assert.Contains(says, failure.Message, StringComparison.Ordinal);
        Assert.All(report.Results.Where(r => r.Name != check && r.Name != "unload"), r => Assert.True(r.Passed, report.ToString()));
    }

    [Fact]
    public async Task AFolderWithoutItsAssembly_IsReported()
    {
        var empty = Directory.CreateTempSubdirectory("Nothing").FullName;
        try
        {
            var report = await PluginConformance.CheckAsync(empty);
            Assert.Equal("load.folder", Assert.Single(report.Results).Name);
            Assert.False(report.Passed);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public async Task PluginCheckCommand_ExitsZeroForAGoodPlugin_AndOneForABrokenOne()
    {
        var good = await RunPluginCheckAsync(Path.Combine(AppContext.BaseDirectory, "checked", "DemoPay"), "--set", "MerchantId=m-1", "--set", "Secret=0123456789abcdef0123");
        Assert.True(good.ExitCode == 0, good.Output);
        Assert.Contains("conforms", good.Output, StringComparison.Ordinal);

        var bad = await RunPluginCheckAsync(Path.Combine(AppContext.BaseDirectory, "broken", "BrokenThrowing"), "--set", "MerchantId=m1");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("FAIL notify.hostile-bodies", bad.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> SettingsFor(string folder, string extra)
    {
        Dictionary<string, string?> settings = folder switch
        {
            "plugins/PaysApi" => new() { ["Uid"] = "conformance0uid000000001", ["Token"] = "conformance-token-0123" },
            "checked/DemoPay" => new() { ["MerchantId"] = "m-1", ["Secret"] = "0123456789abcdef0123" },
            "plugins/WeChatPayV3" => WeChatPayV3Settings(),
            _ => new(WeChatPay),
        };
        foreach (var pair in extra.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            settings[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];
        }

        return settings;
    }

    // APIv3 in public-key mode; the keys are generated per run, never committed.
    private static Dictionary<string, string?> WeChatPayV3Settings()
    {
        using var merchant = RSA.Create(2048);
        using var platform = RSA.Create(2048);
        return new()
        {
            ["AppId"] = "wx0123456789abcdef", ["MchId"] = "1900000001", ["MerchantSerialNo"] = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
            ["MerchantPrivateKey"] = merchant.ExportPkcs8PrivateKeyPem(), ["ApiV3Key"] = "0123456789abcdef0123456789abcdef",
            ["PublicKeyId"] = "PUB_KEY_ID_0119000001092026000000000000000001", ["PublicKey"] = platform.ExportSubjectPublicKeyInfoPem(),
        };
    }

    private static async Task<(int ExitCode, string Output)> RunPluginCheckAsync(params string[] arguments)
    {
        var tool = Path.Combine(ToolDirectory(), "PluginCheck.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }

    // tools/PluginCheck/bin/<Configuration>/net10.0, the configuration of this test build.
    private static string ToolDirectory()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Gateway.sln")))
        {
            root = root.Parent;
        }

        var configuration = here.Parent!.Name;
        return Path.Combine(root!.FullName, "tools", "PluginCheck", "bin", configuration, here.Name);
    }
}
