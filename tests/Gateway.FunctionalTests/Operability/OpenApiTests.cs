using System.Net;
using System.Text.Json.Nodes;
using Gateway.FunctionalTests.Infrastructure;

namespace Gateway.FunctionalTests.Operability;

public class OpenApiTests(OperableGatewayFactory gateway) : IClassFixture<OperableGatewayFactory>
{
    [Fact]
    public async Task Document_DescribesEveryV1Endpoint_AndNothingElse()
    {
        var response = await gateway.ApiClient(apiKey: null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>());

        var paths = document["paths"]!.AsObject();
        Assert.All(paths.Select(p => p.Key), path => Assert.StartsWith("/v1/", path));
        Assert.NotNull(paths["/v1/payments"]!["post"]);
        Assert.NotNull(paths["/v1/payments"]!["get"]);
        Assert.NotNull(paths["/v1/payments/{id}"]!["get"]);
        Assert.NotNull(paths["/v1/payments/{id}/close"]!["post"]);
        Assert.NotNull(paths["/v1/payments/{id}/qr.png"]!["get"]);

        var create = paths["/v1/payments"]!["post"]!;
        Assert.Equal("Create a payment", create["summary"]!.GetValue<string>());
        var body = create["requestBody"]!["content"]!["application/json"]!;
        Assert.Equal("wechat.native", body["example"]!["channel"]!.GetValue<string>());
        Assert.NotNull(body["schema"]);
        Assert.NotNull(create["responses"]!["201"]!["content"]!["application/json"]!["schema"]);
        Assert.NotNull(create["responses"]!["422"]!["content"]!["application/problem+json"]);
        Assert.NotNull(document["components"]!["schemas"]!["PaymentResponse"]);
        Assert.NotNull(document["components"]!["securitySchemes"]!["ApiKey"]);
    }
}
