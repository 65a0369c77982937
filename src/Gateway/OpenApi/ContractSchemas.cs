using System.Reflection;
using System.Text.Json.Nodes;
using Gateway.Abstractions.Payments;
using Gateway.Errors;
using Gateway.ProductCodes;
using Gateway.Store;
using Microsoft.OpenApi;

namespace Gateway.OpenApi;

/// <summary>
/// The parts of the contract the generator cannot infer: request bodies are read by hand (so JSON errors become a
/// 400 with a code), so their rules (required fields, patterns, limits) are written here from the same rules
/// the validators apply; and the problem document every error answers with.
/// </summary>
internal static class ContractSchemas
{
    public const string CreatePayment = "CreatePaymentRequest";
    public const string CreateProductCode = "CreateProductCodeRequest";
    public const string Problem = "Problem";

    public static OpenApiSchema CreatePaymentRequest(IReadOnlyCollection<string> channels) => Object(
        ["channel", "merchantOrderId", "amount", "currency", "description", "clientIp"],
        new()
        {
            ["channel"] = Channel(channels),
            ["merchantOrderId"] = Text("Your order id; unique per client among live payments.", pattern: "^[A-Za-z0-9_.:-]{1,64}$"),
            ["amount"] = Amount(),
            ["currency"] = Enum("ISO 4217 currency.", ["CNY"]),
            ["description"] = Text("Shown to the payer.", minLength: 1, maxLength: 128),
            ["clientIp"] = Text("The payer's IPv4 or IPv6 address.", minLength: 2, maxLength: 45),
            ["payer"] = Object([], new()
            {
                ["openId"] = Text("The payer's openid under the instance's app id (wechat.jsapi, wechat.miniprogram).", minLength: 1, maxLength: 128),
                ["sessionToken"] = Text("Instead of openId: the mini-program login's session token.", minLength: 1, maxLength: 128),
            }),
            ["notifyUrl"] = Url("Your webhook for this payment's events (else the client's configured one)."),
            ["expiresIn"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "60", Maximum = "86400", Description = "Seconds the payment stays payable; default 7200." },
            ["metadata"] = Metadata(20),
        });

    public static OpenApiSchema CreateProductCodeRequest(IReadOnlyCollection<string> channels) => Object(
        ["channel", "productId", "amount", "description"],
        new()
        {
            ["channel"] = Channel(channels),
            ["productId"] = Text("Your product id, unique per client.", pattern: "^[A-Za-z0-9_-]{1,32}$"),
            ["amount"] = Amount(),
            ["description"] = Text("Shown to the payer.", minLength: 1, maxLength: 128),
            ["notifyUrl"] = Url("Your webhook for the payments made from this code."),
            ["metadata"] = Metadata(CreateProductCodeBody.MaxMetadataEntries),
        });

    /// <summary>RFC 7807 with the gateway's stable <c>code</c>; extra members are allowed.</summary>
    public static OpenApiSchema ProblemDocument() => Object(
        ["title", "status", "code"],
        new()
        {
            ["type"] = Text("A URI reference for the problem type."),
            ["title"] = Text("A short summary."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = Nullable(Text("What went wrong in this case.")),
            ["instance"] = Nullable(Text("The request path.")),
            ["code"] = Enum("The stable machine code: branch on this.", ProblemCodes()),
            ["providerCode"] = Nullable(Text("The provider's own error code (provider_rejected).")),
            ["paymentId"] = Nullable(Text("The payment the refusal concerns.")),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "invalid_request: the messages of every bad field.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
        closed: false);

    public static IReadOnlyList<string> PaymentStatuses() => [.. System.Enum.GetValues<PaymentStatus>().Select(s => s.ToName())];

    public static IReadOnlyList<string> ActionTypes() => [.. ConstantsOf(typeof(PaymentActionTypes)), Gateway.Checkout.CheckoutChoices.CheckoutActionType];

    public static IReadOnlyList<string> ProductCodeStatusNames() => ConstantsOf(typeof(ProductCodeStatuses));

    public static IReadOnlyList<string> ProblemCodes()
        => [.. ConstantsOf(typeof(GatewayProblems)), ProductCodeRegistrar.ProductCodesNotSupported, ProductCodeRegistrar.DuplicateProductId];

    public static OpenApiSchema Enum(string description, IEnumerable<string> values) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = [.. values.Distinct(StringComparer.Ordinal).Select(v => (JsonNode)JsonValue.Create(v))],
    };

    public static OpenApiSchema Object(IEnumerable<string> required, Dictionary<string, IOpenApiSchema> properties, bool closed = true) => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string>(required),
        Properties = properties,
        AdditionalPropertiesAllowed = !closed,
    };

    public static OpenApiSchema Text(string description, string? pattern = null, int? minLength = null, int? maxLength = null)
        => new() { Type = JsonSchemaType.String, Description = description, Pattern = pattern, MinLength = minLength, MaxLength = maxLength };

    private static OpenApiSchema Nullable(OpenApiSchema schema)
    {
        schema.Type |= JsonSchemaType.Null;
        return schema;
    }

    private static OpenApiSchema Channel(IReadOnlyCollection<string> channels)
        => Enum("The payment channel: one the loaded plugins serve (a route must also match it).", channels);

    private static OpenApiSchema Amount() => new()
    {
        Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1", Maximum = "10000000000", Description = "Integer amount in fen (1 = ¥0.01).",
    };

    private static OpenApiSchema Url(string description) => new() { Type = JsonSchemaType.String, Format = "uri", MaxLength = 2048, Description = description + " An absolute http(s) URL." };

    private static OpenApiSchema Metadata(int maxEntries) => new()
    {
        Type = JsonSchemaType.Object,
        MaxProperties = maxEntries,
        Description = $"Up to {maxEntries} string pairs (keys up to 40, values up to 500 characters), echoed back.",
        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 500 },
    };

    public static IReadOnlyList<string> ConstantsOf(Type type) => [.. type
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)];
}
