using System.Text;
using System.Text.Json.Nodes;
using Gateway.FunctionalTests.Infrastructure;
using Gateway.FunctionalTests.ProductCodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Gateway.FunctionalTests.Operability;

/// <summary>
/// The OpenAPI document, read with Microsoft.OpenApi, is the contract: live <c>/v1</c> requests and responses
/// (successes and refusals) must conform to it, and requests the gateway refuses must break it.
/// </summary>
public sealed class OpenApiContractTests(ProductCodeGatewayFactory gateway) : IClassFixture<ProductCodeGatewayFactory>
{
    [Fact]
    public async Task Document_DeclaresBodiesHeadersErrorsAndWebhooks()
    {
        var document = await LoadAsync();

        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations!)
            {
                var name = $"{method} {path}";
                if (method == HttpMethod.Post)
                {
                    Assert.True(operation.Parameters?.Any(p => p.Name == "Idempotency-Key" && p.In == ParameterLocation.Header) == true, name);
                }

                foreach (var (status, response) in operation.Responses!.Where(r => r.Key[0] is '4' or '5'))
                {
                    var schema = Assert.Single(response.Content!).Value.Schema;
                    Assert.True(schema is OpenApiSchemaReference { Reference.Id: "Problem" }, $"{name} {status}");
                }
            }
        }

        var create = document.Paths["/v1/payments"].Operations![HttpMethod.Post];
        var body = create.RequestBody!.Content!["application/json"].Schema!;
        Assert.Equal(["amount", "channel", "clientIp", "currency", "description", "merchantOrderId"], body.Required!.Order());
        Assert.Contains(body.Properties!["channel"].Enum!, v => v!.GetValue<string>() == "wechat.native");
        Assert.NotNull(body.Properties!["merchantOrderId"].Pattern);
        Assert.NotNull(document.Paths["/v1/product-codes"].Operations![HttpMethod.Post].RequestBody);
        Assert.Equal(["payment.closed", "payment.expired", "payment.failed", "payment.requires_review", "payment.succeeded", "refund.failed", "refund.succeeded"], document.Webhooks!.Keys.Order());
        var refundEvent = document.Webhooks["refund.succeeded"].Operations![HttpMethod.Post].RequestBody!.Content!["application/json"].Schema;
        Assert.True(refundEvent is OpenApiSchemaReference { Reference.Id: "RefundWebhookEvent" });
        Assert.True(document.Components!.Schemas!["RefundWebhookEvent"].Properties!["data"] is OpenApiSchemaReference { Reference.Id: "RefundResponse" });
        var refund = document.Paths["/v1/payments/{id}/refunds"].Operations![HttpMethod.Post];
        Assert.NotNull(refund.RequestBody);
        Assert.Contains("201", refund.Responses!.Keys);
        var paymentStatus = document.Components!.Schemas!["PaymentResponse"].Properties!["status"];
        Assert.Contains(paymentStatus.Enum!, v => v!.GetValue<string>() == "succeeded");
    }

    [Fact]
    public async Task LiveRequestsAndResponses_Conform()
    {
        var document = await LoadAsync();
        var api = gateway.ApiClient();
        var anonymous = gateway.ApiClient(apiKey: null);
        var order = NativeOrder("contract-1");

        var created = await ExchangeAsync(document, api, HttpMethod.Post, "/v1/payments", order, 201, idempotencyKey: "contract-key-1");
        var id = created!["id"]!.GetValue<string>();
        await ExchangeAsync(document, api, HttpMethod.Post, "/v1/payments", order, 201, idempotencyKey: "contract-key-1");
        await ExchangeAsync(document, api, HttpMethod.Post, "/v1/payments", order, 409);
        await ExchangeAsync(document, api, HttpMethod.Post, "/v1/payments", order, 422, idempotencyKey: "contract-key-1", bodyOverride: NativeOrder("contract-other"));
        await ExchangeAsync(document, api, HttpMethod.Post, "/v1/payments", """{"channel":"wechat.native","amount":0}""", 400, requestConforms: false);
        await ExchangeAsync(document, api, HttpMethod.Post, "/v1/payments", NativeOrder("contract-2").Replace("wechat.native", "nowhere.qr", StringComparison.Ordinal), 422, requestConforms: false);
        await ExchangeAsync(document, api, HttpMethod.Get, $"/v1/payments/{id}", null, 200);
        await ExchangeAsync(document, api, HttpMethod.Get, "/v1/payments?merchantOrderId=contract-1", null, 200);
        await ExchangeAsync(document, api, HttpMethod.Get, "/v1/payments", null, 400);
        await ExchangeAsync(document, api, HttpMethod.Get, "/v1/payments/pay_missing", null, 404);
        await ExchangeAsync(document, anonymous, HttpMethod.Get, $"/v1/payments/{id}", null, 401);
        await ExchangeAsync(document, api, HttpMethod.Post, $"/v1/payments/{id}/close", null, 200);
        await ExchangeAsync(document, api, HttpMethod.Get, $"/v1/payments/{id}/refunds", null, 200);
        await ExchangeAsync(document, api, HttpMethod.Get, "/v1/payments/pay_missing/refunds", null, 404);
        await ExchangeAsync(document, api, HttpMethod.Get, "/v1/refunds/ref_missing", null, 404);

        var code = await ExchangeAsync(document, api, HttpMethod.Post, "/v1/product-codes",
            """{"channel":"wechat.native","productId":"contract-tea","amount":880,"description":"Contract tea","metadata":{"shelf":"B2"}}""", 201);
        var codeId = code!["id"]!.GetValue<string>();
        await ExchangeAsync(document, api, HttpMethod.Post, "/v1/product-codes",
            """{"channel":"wechat.native","productId":"contract-tea","amount":880,"description":"Contract tea"}""", 409);
        await ExchangeAsync(document, api, HttpMethod.Post, "/v1/product-codes", """{"channel":"wechat.native","productId":"bad id!"}""", 400, requestConforms: false);
        await ExchangeAsync(document, api, HttpMethod.Get, $"/v1/product-codes/{codeId}", null, 200);
        await ExchangeAsync(document, api, HttpMethod.Get, $"/v1/product-codes/{codeId}/payments", null, 200);
        await ExchangeAsync(document, api, HttpMethod.Post, $"/v1/product-codes/{codeId}/disable", null, 200);
        await ExchangeAsync(document, api, HttpMethod.Get, "/v1/product-codes/pc_missing", null, 404);
    }

    private static string NativeOrder(string merchantOrderId) => $$"""
        {"channel":"wechat.native","merchantOrderId":"{{merchantOrderId}}","amount":120,"currency":"CNY","description":"Contract tea",
         "clientIp":"203.0.113.30","expiresIn":900,"metadata":{"table":"3"} }
        """;

    private async Task<OpenApiDocument> LoadAsync()
    {
        await using var stream = await gateway.ApiClient(apiKey: null).GetStreamAsync("/openapi/v1.json");
        var settings = new OpenApiReaderSettings();
        var result = await OpenApiDocument.LoadAsync(stream, "json", settings);
        Assert.Empty(result.Diagnostic?.Errors ?? []);
        return result.Document!;
    }

    /// <summary>Sends one request and checks both directions against the document; returns the JSON answer.</summary>
    private static async Task<JsonNode?> ExchangeAsync(
        OpenApiDocument document, HttpClient http, HttpMethod method, string path, string? body, int expected,
        string? idempotencyKey = null, bool requestConforms = true, string? bodyOverride = null)
    {
        var name = $"{method} {path} → {expected}";
        var operation = OpenApiConformance.Find(document, method, path);
        Assert.True(operation is not null, $"{name}: not in the document");
        body = bodyOverride ?? body;
        if (body is not null)
        {
            var schema = operation.RequestBody!.Content!["application/json"].Schema!;
            var requestErrors = OpenApiConformance.Validate(JsonNode.Parse(body), schema);
            Assert.True(requestConforms == (requestErrors.Count == 0), $"{name}: request {(requestConforms ? "breaks" : "meets")} the schema: {string.Join("; ", requestErrors)}");
        }

        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"{name}: got {(int)response.StatusCode} {text}");
        Assert.True(operation.Responses!.TryGetValue(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), out var documented), $"{name}: status not documented");
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        OpenApiMediaType? media = null;
        Assert.True(documented.Content?.TryGetValue(mediaType, out media) == true, $"{name}: {mediaType} not documented");
        var json = JsonNode.Parse(text);
        var errors = OpenApiConformance.Validate(json, media!.Schema!);
        Assert.True(errors.Count == 0, $"{name}: response breaks the schema: {string.Join("; ", errors)}\n{text}");
        return json;
    }
}
