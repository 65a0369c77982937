using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gateway.Errors;

/// <summary>
/// RFC 7807 problems with a stable machine <c>code</c>; callers switch on the code, never on the text.
/// </summary>
internal static partial class GatewayProblems
{
    public const string InvalidRequest = "invalid_request";
    public const string Unauthorized = "unauthorized";
    public const string NotFound = "not_found";
    public const string ChannelNotRouted = "channel_not_routed";
    public const string DuplicateMerchantOrder = "duplicate_merchant_order";
    public const string ProviderRejected = "provider_rejected";
    public const string ProviderUnavailable = "provider_unavailable";
    public const string InvalidState = "invalid_state";
    public const string PayloadTooLarge = "payload_too_large";
    public const string RateLimited = "rate_limited";
    public const string Forbidden = "forbidden";
    public const string IdempotencyConflict = "idempotency_conflict";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string StoreUnavailable = "store_unavailable";
    public const string StateUnavailable = "state_unavailable";
    public const string OrderAlreadyPaid = "order_already_paid";

    /// <summary>A problem result with a <c>code</c> and optional extra members.</summary>
    public static IResult Problem(int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var members = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return Results.Problem(statusCode: status, title: title, detail: detail, extensions: members);
    }

    /// <summary>400 with every field error.</summary>
    public static IResult Invalid(IDictionary<string, string[]> errors)
        => Results.ValidationProblem(errors, title: "The request is invalid.", extensions: new Dictionary<string, object?> { ["code"] = InvalidRequest });

    /// <summary>400 for a body that is not valid JSON of the expected shape.</summary>
    public static IResult Malformed(string detail) => Problem(StatusCodes.Status400BadRequest, InvalidRequest, "The request body is not valid.", detail);

    /// <summary>
    /// 400 for a JSON body that did not bind: an unknown property is named as a field error; anything else
    /// (a string amount, a truncated body) is reported at its JSON path.
    /// </summary>
    public static IResult FromJson(JsonException ex)
    {
        if (UnknownProperty().Match(ex.Message) is { Success: true } unknown)
        {
            var path = ex.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : unknown.Groups[1].Value;
            return Invalid(new Dictionary<string, string[]> { [path] = ["is not a known field."] });
        }

        return Malformed($"Invalid JSON at {ex.Path}: amounts are integers in fen.");
    }

    [GeneratedRegex("^The JSON property '(.*)' could not be mapped")]
    private static partial Regex UnknownProperty();

    /// <summary>404 for a payment that does not exist or belongs to another client.</summary>
    public static IResult PaymentNotFound(string id) => Problem(StatusCodes.Status404NotFound, NotFound, "No such payment.", $"No payment '{id}' for this client.");
}
