using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Sandbox.Tests.Infrastructure;

namespace Gateway.Sandbox.Tests.Faults;

public sealed class FaultEndpointTests
{
    [Theory]
    [InlineData("""{"merchant":"1900000109","kind":"error"}""", "count or seconds")]
    [InlineData("""{"merchant":"0000","kind":"error","count":1}""", "merchant")]
    [InlineData("""{"merchant":"1900000109","kind":"realprice","count":1}""", "kind")]
    [InlineData("""{"merchant":"1900000109","kind":"error","count":0}""", "count")]
    [InlineData("""{"merchant":"1900000109","kind":"error","seconds":100000}""", "seconds")]
    [InlineData("""{"merchant":"1900000109","kind":"http_error","count":1,"status":404}""", "status")]
    [InlineData("""{"merchant":"1900000109","kind":"notify_drop","count":1,"api":"orderquery"}""", "api")]
    [InlineData("""{"merchant":"1900000109","kind":"error","count":1,"errCode":"<x>"}""", "errCode")]
    public async Task Post_RefusesAFaultThatIsUnboundedOrMalformed(string body, string named)
    {
        await using var host = await SandboxHost.StartAsync();

        using var response = await host.Http.PostAsync("/sandbox/faults", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_fault");
        Assert.Contains(named, await response.Content.ReadAsStringAsync());
        Assert.Empty(await ListAsync(host));
    }

    [Fact]
    public async Task Post_List_Delete_RoundTrip()
    {
        await using var host = await SandboxHost.StartAsync();

        var first = await AddAsync(host, new { merchant = SandboxHost.MchId, kind = "latency", api = "orderquery", count = 3, delayMs = 10 });
        await AddAsync(host, new { merchant = SandboxHost.OtherMchId, kind = "notify_drop", seconds = 60 });
        var listed = await ListAsync(host);
        using var removeOne = await host.Http.DeleteAsync($"/sandbox/faults/{first.GetProperty("id").GetString()}");
        using var removeMissing = await host.Http.DeleteAsync("/sandbox/faults/flt_nothing");
        using var removeAll = await host.Http.DeleteAsync("/sandbox/faults");

        Assert.StartsWith("flt_", first.GetProperty("id").GetString());
        Assert.Equal(3, first.GetProperty("remaining").GetInt32());
        Assert.Equal(2, listed.Count);
        Assert.Equal(HttpStatusCode.NoContent, removeOne.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removeMissing.StatusCode);
        Assert.Equal(1, (await removeAll.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("removed").GetInt32());
        Assert.Empty(await ListAsync(host));
    }

    [Fact]
    public async Task ConfiguredFault_PlaysFromStart()
    {
        await using var host = await SandboxHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox:Faults:0:Merchant"] = SandboxHost.MchId,
            ["Sandbox:Faults:0:Kind"] = "error",
            ["Sandbox:Faults:0:ErrCode"] = "NOAUTH",
            ["Sandbox:Faults:0:Count"] = "1",
        });

        var faulted = await host.CallAsync("unifiedorder", host.NativeOrder("FE-CFG-1"));
        var normal = await host.CallAsync("unifiedorder", host.NativeOrder("FE-CFG-1"));

        Assert.Equal("NOAUTH", faulted["err_code"]);
        Assert.Equal("SUCCESS", normal["result_code"]);
    }

    [Fact]
    public async Task ConfiguredFault_WithoutBound_StopsStartUp()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => SandboxHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox:Faults:0:Merchant"] = SandboxHost.MchId,
            ["Sandbox:Faults:0:Kind"] = "timeout",
        }));

        Assert.Contains("Faults:0: count or seconds", error.Message);
    }

    internal static async Task<JsonElement> AddAsync(SandboxHost host, object fault)
    {
        using var response = await host.Http.PostAsJsonAsync("/sandbox/faults", fault);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<JsonElement>> ListAsync(SandboxHost host) =>
        (await host.Http.GetFromJsonAsync<List<JsonElement>>("/sandbox/faults"))!;
}
