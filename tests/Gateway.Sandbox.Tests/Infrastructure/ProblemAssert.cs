using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gateway.Sandbox.Tests.Infrastructure;

internal static class ProblemAssert
{
    /// <summary>Asserts an RFC 7807 answer with the given status and <c>code</c> extension.</summary>
    public static async Task IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }
}
