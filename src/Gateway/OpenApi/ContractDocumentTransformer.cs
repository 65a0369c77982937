using Gateway.Plugins;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gateway.OpenApi;

/// <summary>
/// Completes the generated <c>v1</c> document into the contract: request bodies with their rules, the
/// <c>Idempotency-Key</c> header on every POST, every error response as a <c>Problem</c>, enums for statuses and
/// action types, and a <c>webhooks</c> entry per event.
/// </summary>
internal sealed class ContractDocumentTransformer : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> CommonErrors = new()
    {
        ["401"] = "No or a wrong API key (`unauthorized`).",
        ["429"] = "Rate limited (`rate_limited`); see `Retry-After`.",
        ["503"] = "The gateway's store or Redis is unavailable; retry later.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var channels = context.ApplicationServices.GetService<PluginCatalog>()?.Snapshot.Plugins.Values
            .SelectMany(p => p.Descriptor.Channels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() ?? [];
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ContractSchemas.CreatePayment] = ContractSchemas.CreatePaymentRequest(channels);
        document.Components.Schemas[ContractSchemas.CreateProductCode] = ContractSchemas.CreateProductCodeRequest(channels);
        document.Components.Schemas[ContractSchemas.Problem] = ContractSchemas.ProblemDocument();

        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                Complete(document, path, method, operation);
            }
        }

        // Superseded by Problem above; left in, they would describe documents the API never sends.
        document.Components.Schemas.Remove("ProblemDetails");
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        WebhookContract.Add(document);
        return Task.CompletedTask;
    }

    private static void Complete(OpenApiDocument document, string path, HttpMethod method, OpenApiOperation operation)
    {
        operation.Responses ??= [];
        if (path == "/v1/payments" && method == HttpMethod.Post)
        {
            SetBody(document, operation, ContractSchemas.CreatePayment);
        }
        else if (path == "/v1/product-codes" && method == HttpMethod.Post)
        {
            SetBody(document, operation, ContractSchemas.CreateProductCode);
        }

        var authenticated = !path.EndsWith("/qr.png", StringComparison.Ordinal);
        if (method == HttpMethod.Post)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Idempotency-Key",
                In = ParameterLocation.Header,
                Description = "Makes retries safe: the first answer to this key and body is stored for 25 hours and replayed "
                    + "(with `Idempotent-Replayed: true`); another body is `422 idempotency_key_reused`; a retry while the first "
                    + "runs is `409 idempotency_conflict`.",
                Schema = ContractSchemas.Text("1 to 255 printable characters.", pattern: "^[^\\x00-\\x1F\\x7F]{1,255}$"),
            });
            AddError(document, operation, "400", "Invalid body or Idempotency-Key (`invalid_request`, with every bad field).");
            AddError(document, operation, "409", "`idempotency_conflict`, or a state conflict.");
            AddError(document, operation, "413", "The body is too large (`payload_too_large`).");
            AddError(document, operation, "422", "`idempotency_key_reused`, or a refusal named by `code`.");
        }

        if (path.Contains("{id}", StringComparison.Ordinal))
        {
            AddError(document, operation, "404", "No such resource for this client (`not_found`).");
        }

        foreach (var (status, description) in CommonErrors.Where(_ => authenticated))
        {
            AddError(document, operation, status, description);
        }

        // Every error the generator described as ProblemDetails is the gateway's Problem document.
        foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')).ToList())
        {
            operation.Responses[status] = ProblemResponse(document, response.Description ?? status);
        }
    }

    private static void SetBody(OpenApiDocument document, OpenApiOperation operation, string schema)
    {
        var example = operation.RequestBody?.Content?.Values.FirstOrDefault()?.Example;
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = operation.RequestBody?.Description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(schema, document), Example = example?.DeepClone() },
            },
        };
    }

    private static void AddError(OpenApiDocument document, OpenApiOperation operation, string status, string description)
        => operation.Responses!.TryAdd(status, ProblemResponse(document, description));

    private static OpenApiResponse ProblemResponse(OpenApiDocument document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ContractSchemas.Problem, document) },
        },
    };
}
