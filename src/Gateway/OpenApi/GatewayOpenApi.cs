using System.Text.Json.Nodes;
using Gateway.Payments;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gateway.OpenApi;

/// <summary>The document name and the pieces of the create operation that cannot be inferred.</summary>
internal static class GatewayOpenApi
{
    public const string DocumentName = "v1";

    /// <summary>
    /// The create endpoint reads its body by hand (to turn JSON errors into a 400 problem with a code), so
    /// the request body is described here, with an example a reader can paste.
    /// </summary>
    public static async Task DescribeCreateBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(CreatePaymentBody), null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The payment to create. Send `Idempotency-Key` to make retries safe.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = schema,
                    Example = JsonNode.Parse("""
                        {
                          "channel": "wechat.native",
                          "merchantOrderId": "order-20250101-0001",
                          "amount": 1250,
                          "currency": "CNY",
                          "description": "Oolong tea, 2 cups",
                          "clientIp": "203.0.113.10",
                          "notifyUrl": "https://shop.internal/webhooks/payments",
                          "expiresIn": 900,
                          "metadata": { "table": "7" }
                        }
                        """),
                },
            },
        };
    }
}
