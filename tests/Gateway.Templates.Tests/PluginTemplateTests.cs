namespace Gateway.Templates.Tests;

/// <summary>
/// <c>dotnet new gateway-plugin</c> from this repository: installed into a private hive, instantiated outside
/// the repository, and its plugin and unit tests must build and pass.
/// </summary>
public sealed class PluginTemplateTests : IDisposable
{
    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(8);
    private readonly string _work = Directory.CreateTempSubdirectory("gateway-template-").FullName;

    [Fact]
    public async Task Template_Installs_Instantiates_Builds_AndItsTestsPass()
    {
        var root = RepositoryRoot();
        var cli = new DotnetCli(Path.Combine(_work, "home"));

        var install = await cli.RunAsync(_work, Slow, "new", "install", Path.Combine(root, "templates", "content", "gateway-plugin"));
        Assert.True(install.ExitCode == 0, install.Output);

        var abstractions = Path.Combine(root, "src", "Gateway.Abstractions", "Gateway.Abstractions.csproj");
        var create = await cli.RunAsync(_work, Slow, "new", "gateway-plugin", "-n", "Contoso", "-o", "Contoso", "--abstractions", abstractions);
        Assert.True(create.ExitCode == 0, create.Output);
        var plugin = await File.ReadAllTextAsync(Path.Combine(_work, "Contoso", "Contoso", "ContosoPlugin.cs"));
        Assert.Contains("public sealed class ContosoPlugin : IGatewayPlugin", plugin, StringComparison.Ordinal);
        Assert.Contains("\"contoso.qr\"", plugin, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme", plugin, StringComparison.Ordinal);

        var test = await cli.RunAsync(_work, Slow, "test", Path.Combine("Contoso", "Contoso.Tests"), "--nologo");
        Assert.True(test.ExitCode == 0, test.Output);
        Assert.Contains("Passed!", test.Output, StringComparison.Ordinal);

        var publish = await cli.RunAsync(_work, Slow, "publish", Path.Combine("Contoso", "Contoso"), "-o", "drop/Contoso", "--nologo");
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.True(File.Exists(Path.Combine(_work, "drop", "Contoso", "Contoso.dll")));
        Assert.False(File.Exists(Path.Combine(_work, "drop", "Contoso", "Gateway.Abstractions.dll")), "the contract must not ship with the plugin");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Gateway.sln not found above the test folder.");
    }
}
