using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Gateway.FunctionalTests.Infrastructure;

/// <summary>
/// Checks a JSON value against an OpenAPI 3.1 schema read by Microsoft.OpenApi: types (with null), required,
/// properties, closed objects, enums, patterns, lengths, ranges, items, oneOf/anyOf/allOf and <c>$ref</c>s.
/// Every violation is reported with its JSON path.
/// </summary>
public static class OpenApiConformance
{
    public static IReadOnlyList<string> Validate(JsonNode? value, IOpenApiSchema schema)
    {
        var errors = new List<string>();
        Check(value, schema, "$", errors);
        return errors;
    }

    /// <summary>The operation documented for a concrete request path (templates like <c>{id}</c> match one segment).</summary>
    public static OpenApiOperation? Find(OpenApiDocument document, HttpMethod method, string path)
    {
        var segments = path.Split('?')[0].Trim('/').Split('/');
        foreach (var (template, item) in document.Paths)
        {
            var parts = template.Trim('/').Split('/');
            if (parts.Length == segments.Length
                && parts.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second)
                && item.Operations?.TryGetValue(method, out var operation) == true)
            {
                return operation;
            }
        }

        return null;
    }

    private static void Check(JsonNode? value, IOpenApiSchema schema, string path, List<string> errors)
    {
        if (schema.AllOf is { Count: > 0 } all)
        {
            foreach (var part in all)
            {
                Check(value, part, path, errors);
            }
        }

        if (schema.OneOf is { Count: > 0 } oneOf && oneOf.Count(s => Validate(value, s).Count == 0) != 1)
        {
            errors.Add($"{path}: matches not exactly one of {oneOf.Count} oneOf schemas");
        }

        if (schema.AnyOf is { Count: > 0 } anyOf && !anyOf.Any(s => Validate(value, s).Count == 0))
        {
            errors.Add($"{path}: matches none of the anyOf schemas");
        }

        if (schema.Type is { } type && !Matches(value, type))
        {
            errors.Add($"{path}: {Kind(value)} is not {type}");
            return;
        }

        if (schema.Enum is { Count: > 0 } values && !values.Any(v => JsonNode.DeepEquals(v, value)))
        {
            errors.Add($"{path}: {value?.ToJsonString()} is not one of {string.Join(", ", values.Select(v => v?.ToJsonString()))}");
        }

        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, path, errors);
                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], items, $"{path}[{i}]", errors);
                }

                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                CheckText(scalar.GetValue<string>(), schema, path, errors);
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.Number:
                var number = scalar.GetValue<decimal>();
                if (Bound(schema.Minimum) is { } min && number < min || Bound(schema.Maximum) is { } max && number > max)
                {
                    errors.Add($"{path}: {number} is outside [{schema.Minimum}, {schema.Maximum}]");
                }

                break;
        }
    }

    private static void CheckObject(JsonObject obj, IOpenApiSchema schema, string path, List<string> errors)
    {
        foreach (var name in schema.Required ?? new HashSet<string>())
        {
            if (!obj.ContainsKey(name))
            {
                errors.Add($"{path}: required '{name}' is missing");
            }
        }

        if (schema.MaxProperties is { } maxProperties && obj.Count > maxProperties)
        {
            errors.Add($"{path}: more than {maxProperties} properties");
        }

        foreach (var (name, child) in obj)
        {
            if (schema.Properties?.TryGetValue(name, out var property) == true)
            {
                Check(child, property, $"{path}.{name}", errors);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Check(child, additional, $"{path}.{name}", errors);
            }
            else if (!schema.AdditionalPropertiesAllowed)
            {
                errors.Add($"{path}: '{name}' is not in the schema");
            }
        }
    }

    private static void CheckText(string text, IOpenApiSchema schema, string path, List<string> errors)
    {
        if (schema.MinLength is { } minLength && text.Length < minLength || schema.MaxLength is { } maxLength && text.Length > maxLength)
        {
            errors.Add($"{path}: length {text.Length} is outside [{schema.MinLength}, {schema.MaxLength}]");
        }

        if (schema.Pattern is { } pattern && !Regex.IsMatch(text, pattern))
        {
            errors.Add($"{path}: '{text}' does not match {pattern}");
        }

        if (schema.Format == "date-time" && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out _))
        {
            errors.Add($"{path}: '{text}' is not a date-time");
        }
    }

    private static bool Matches(JsonNode? value, JsonSchemaType type) => value switch
    {
        null => type.HasFlag(JsonSchemaType.Null),
        JsonObject => type.HasFlag(JsonSchemaType.Object),
        JsonArray => type.HasFlag(JsonSchemaType.Array),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => type.HasFlag(JsonSchemaType.String),
            JsonValueKind.Number => type.HasFlag(JsonSchemaType.Number) || (type.HasFlag(JsonSchemaType.Integer) && decimal.IsInteger(v.GetValue<decimal>())),
            JsonValueKind.True or JsonValueKind.False => type.HasFlag(JsonSchemaType.Boolean),
            _ => type.HasFlag(JsonSchemaType.Null),
        },
        _ => false,
    };

    private static string Kind(JsonNode? value) => value?.GetValueKind().ToString() ?? "null";

    private static decimal? Bound(string? text) => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var bound) ? bound : null;
}
