using Gateway.Webhooks;
using Microsoft.OpenApi;

namespace Gateway.OpenApi;

/// <summary>
/// The <c>webhooks</c> section: one entry per event type, each a POST the gateway makes to the merchant with
/// the signed event (docs/webhooks.md). Any 2xx acknowledges; anything else is retried.
/// </summary>
internal static class WebhookContract
{
    public const string EventSchema = "WebhookEvent";
    public const string RefundEventSchema = "RefundWebhookEvent";

    public static void Add(OpenApiDocument document)
    {
        document.Components!.Schemas![EventSchema] = ContractSchemas.Object(
            ["id", "type", "createdAt", "data"],
            new()
            {
                ["id"] = ContractSchemas.Text("The event id, also in `Gateway-Event-Id`: dedupe on it.", pattern: "^evt_"),
                ["type"] = ContractSchemas.Enum("The event type.", EventTypes().Where(t => !IsRefundEvent(t)).ToList()),
                ["createdAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                ["data"] = new OpenApiSchemaReference("PaymentResponse", document),
            });

        // refund.* events carry the refund, and the payment's id and status after it.
        document.Components.Schemas[RefundEventSchema] = ContractSchemas.Object(
            ["id", "type", "createdAt", "data", "payment"],
            new()
            {
                ["id"] = ContractSchemas.Text("The event id, also in `Gateway-Event-Id`: dedupe on it.", pattern: "^evt_"),
                ["type"] = ContractSchemas.Enum("The event type.", EventTypes().Where(IsRefundEvent).ToList()),
                ["createdAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                ["data"] = new OpenApiSchemaReference("RefundResponse", document),
                ["payment"] = ContractSchemas.Object(
                    ["id", "status"],
                    new() { ["id"] = ContractSchemas.Text("The refunded payment's id."), ["status"] = ContractSchemas.Text("The payment's status after the refund.") }),
            });

        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var type in EventTypes())
        {
            document.Webhooks[type] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = Operation(document, type),
                },
            };
        }
    }

    /// <summary>Every event the gateway emits: the constants of <see cref="WebhookEventTypes"/>.</summary>
    public static IReadOnlyList<string> EventTypes() => ContractSchemas.ConstantsOf(typeof(WebhookEventTypes));

    private static bool IsRefundEvent(string type) => type.StartsWith("refund.", StringComparison.Ordinal);

    private static OpenApiOperation Operation(OpenApiDocument document, string type) => new()
    {
        OperationId = "Webhook_" + type.Replace('.', '_'),
        Summary = $"`{type}`: sent to the payment's notifyUrl (else the client's WebhookUrl)",
        Parameters =
        [
            Header("Gateway-Event-Id", "The event id; the same on every retry."),
            Header("Gateway-Event-Type", $"`{type}`."),
            Header("Gateway-Signature", "`t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + \".\" + raw body)>`, one `v1` per active secret. "
                + "Verify in constant time and refuse an old `t`.", "^t=[0-9]+(,v1=[0-9a-f]{64})+$"),
        ],
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(IsRefundEvent(type) ? RefundEventSchema : EventSchema, document) },
            },
        },
        Responses = new OpenApiResponses
        {
            ["2XX"] = new OpenApiResponse { Description = "Acknowledged: no more attempts." },
            ["default"] = new OpenApiResponse { Description = "Anything else (or a timeout) is retried for about a day." },
        },
    };

    private static OpenApiParameter Header(string name, string description, string? pattern = null) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Description = description,
        Schema = ContractSchemas.Text(description, pattern),
    };
}
