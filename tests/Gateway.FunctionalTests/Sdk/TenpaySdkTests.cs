using System.Diagnostics;
using Gateway.FunctionalTests.Infrastructure;

namespace Gateway.FunctionalTests.Sdk;

/// <summary>
/// The sandbox driven by the <c>tenpay</c> npm SDK (tests/Sdk.Tenpay/check.js), a WeChat Pay v2 client we did not
/// write: it signs requests and verifies every reply's sign itself. ./test.sh installs node and the SDK
/// (<c>npm ci</c>); without them this test fails, it is never skipped.
/// </summary>
public sealed class TenpaySdkTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TenpaySdk_DrivesUnifiedOrderQueryAndClose_AndAcceptsEveryReply()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "Sdk.Tenpay");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "tenpay")),
            $"The tenpay SDK is not installed in {folder}: run ./test.sh (it installs nodejs/npm and runs npm ci there).");

        var start = new ProcessStartInfo("node", "check.js")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["SANDBOX"] = $"{gateway.BaseUrl}/sandbox",
                ["APPID"] = GatewayFactory.AppA,
                ["MCHID"] = GatewayFactory.MchA,
                ["API_KEY"] = GatewayFactory.MerchantAKey,
            },
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started: run ./test.sh, which installs nodejs.");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Budget);
        try
        {
            await node.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail($"check.js did not finish within {Budget}: {await output}");
        }

        var report = await output + await errors;
        Assert.True(node.ExitCode == 0, report);
        Assert.Matches(@"tenpay check: 1[0-9] passed", report);
        Assert.DoesNotContain(GatewayFactory.MerchantAKey, report, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Gateway.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
    }
}
