using System.Text.Json.Nodes;
using Gateway.Payments;
using Gateway.ProductCodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gateway.OpenApi;

/// <summary>Adds the enums of the response models: payment status, action type, product-code status.</summary>
internal sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(PaymentResponse))
        {
            SetEnum(schema, "status", ContractSchemas.PaymentStatuses());
        }
        else if (type == typeof(ActionResponse))
        {
            SetEnum(schema, "type", ContractSchemas.ActionTypes());
        }
        else if (type == typeof(ProductCodeResponse))
        {
            SetEnum(schema, "status", ContractSchemas.ProductCodeStatusNames());
        }

        return Task.CompletedTask;
    }

    private static void SetEnum(OpenApiSchema schema, string property, IReadOnlyList<string> values)
    {
        if (schema.Properties?.TryGetValue(property, out var found) == true && found is OpenApiSchema target)
        {
            target.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }
    }
}
