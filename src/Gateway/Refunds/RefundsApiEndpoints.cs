using System.Security.Claims;
using System.Text.Json;
using Gateway.Errors;
using Gateway.RateLimiting;
using Gateway.Security;
using Gateway.Store;

namespace Gateway.Refunds;

/// <summary>The refunds API under <c>/v1</c>: refund a payment, list its refunds, get one, find one by the caller's id.</summary>
internal static class RefundsApiEndpoints
{
    public static void MapRefundsApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/v1").RequireAuthorization().RequireRateLimiting(GatewayRateLimitPolicies.Api).WithTags("Refunds")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        v1.MapPost("/payments/{id}/refunds", CreateAsync).WithName("CreateRefund")
            .WithSummary("Refund (part of) a paid payment").WithDescription("Written as pending before the provider is called; settled by the provider's refund notify or refund sync.")
            .Accepts<CreateRefundBody>("application/json")
            .Produces<RefundResponse>(StatusCodes.Status201Created).Produces<RefundResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        v1.MapGet("/payments/{id}/refunds", ListForPaymentAsync).WithName("ListPaymentRefunds").WithSummary("A payment's refunds, oldest first")
            .Produces<RefundList>().ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapGet("/refunds/{id}", GetAsync).WithName("GetRefund").WithSummary("Get a refund").Produces<RefundResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapGet("/refunds", FindAsync).WithName("FindRefunds").WithSummary("Find this client's refund by its merchant refund id")
            .Produces<RefundList>().ProducesValidationProblem();
    }

    private static async Task<IResult> CreateAsync(string id, HttpRequest request, ClaimsPrincipal user, RefundCreator creator, CancellationToken cancellationToken)
    {
        CreateRefundBody? body;
        try
        {
            body = await request.ReadFromJsonAsync<CreateRefundBody>(cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return GatewayProblems.Malformed(ex is JsonException json ? $"Invalid JSON at {json.Path}: amounts are integers in fen." : ex.Message);
        }

        return body is null ? GatewayProblems.Malformed("The body must be a JSON object.") : await creator.CreateAsync(user.ClientId(), id, body, cancellationToken);
    }

    private static async Task<IResult> ListForPaymentAsync(string id, ClaimsPrincipal user, IPaymentStore payments, RefundLedger ledger, CancellationToken cancellationToken)
    {
        var payment = await payments.GetAsync(id, cancellationToken);
        if (payment is null || payment.ClientId != user.ClientId())
        {
            return GatewayProblems.PaymentNotFound(id);
        }

        return Results.Ok(new RefundList((await ledger.ListByPaymentAsync(id, cancellationToken)).Select(RefundResponse.From).ToList()));
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, RefundLedger ledger, CancellationToken cancellationToken)
    {
        var refund = await ledger.GetAsync(id, cancellationToken);
        return refund is null || refund.ClientId != user.ClientId() ? RefundProblems.NotFound(id) : Results.Ok(RefundResponse.From(refund));
    }

    private static async Task<IResult> FindAsync(string? merchantRefundId, ClaimsPrincipal user, RefundLedger ledger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(merchantRefundId))
        {
            return GatewayProblems.Invalid(new Dictionary<string, string[]> { ["merchantRefundId"] = ["is required."] });
        }

        var refund = await ledger.FindByMerchantRefundIdAsync(user.ClientId(), merchantRefundId, cancellationToken);
        return Results.Ok(new RefundList(refund is null ? [] : [RefundResponse.From(refund)]));
    }
}
