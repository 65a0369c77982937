using System.Security.Claims;
using Gateway.Abstractions.Payments;
using Gateway.Checkout;
using Gateway.Errors;
using Gateway.OpenApi;
using Gateway.RateLimiting;
using Gateway.Security;
using Gateway.Store;

namespace Gateway.Payments;

/// <summary>The unified payments API under <c>/v1</c>.</summary>
internal static class PaymentsApiEndpoints
{
    // How often a client's reads of one pending payment may reach the provider.
    private static readonly TimeSpan ReadSyncInterval = TimeSpan.FromSeconds(2);

    public static void MapPaymentsApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/v1/payments").RequireAuthorization().RequireRateLimiting(GatewayRateLimitPolicies.Api).WithTags("Payments")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        v1.MapPost("", CreateAsync).WithName("CreatePayment")
            .WithSummary("Create a payment").WithDescription("Routes the payment to a provider instance and returns what the payer must do (`action`).")
            .AddOpenApiOperationTransformer(GatewayOpenApi.DescribeCreateBody)
            .Produces<PaymentResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        v1.MapGet("", ListAsync).WithName("FindPayments").WithSummary("Find this client's payments by merchant order id")
            .Produces<PaymentList>().ProducesValidationProblem();
        v1.MapGet("/{id}", GetAsync).WithName("GetPayment").WithSummary("Get a payment (a pending one is confirmed with the provider first)")
            .Produces<PaymentResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapPost("/{id}/close", CloseAsync).WithName("ClosePayment").WithSummary("Close a pending payment at the provider")
            .Produces<PaymentResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        // The QR image is fetched by browsers (<img src>), which cannot send the API key; payment ids are
        // 128-bit random and the image only shows what the payer scans anyway.
        endpoints.MapGet("/v1/payments/{id}/qr.png", QrAsync).AllowAnonymous().RequireRateLimiting(GatewayRateLimitPolicies.Api).WithTags("Payments")
            .WithName("GetPaymentQrCode").WithSummary("The payment's QR code as a PNG (no API key needed)")
            .Produces(StatusCodes.Status200OK, contentType: "image/png").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, PaymentCreator creator, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonRequestBody.ReadAsync<CreatePaymentBody>(request, cancellationToken);
        return body is null ? problem! : await creator.CreateAsync(user.ClientId(), body, cancellationToken);
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, IPaymentStore store, PaymentSynchronizer synchronizer, CheckoutLinks checkout, CancellationToken cancellationToken)
    {
        var payment = await FindOwnAsync(store, id, user, cancellationToken);
        if (payment is null)
        {
            return GatewayProblems.PaymentNotFound(id);
        }

        // A pending payment is confirmed with the provider, so a client never has to trust its own front end.
        if (payment.Status == PaymentStatus.Pending && payment.Action is not null)
        {
            payment = await synchronizer.SyncOnReadAsync(payment, ReadSyncInterval, cancellationToken);
        }

        return Results.Ok(PaymentResponse.From(payment, checkout));
    }

    private static async Task<IResult> ListAsync(string? merchantOrderId, ClaimsPrincipal user, IPaymentStore store, CheckoutLinks checkout, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(merchantOrderId))
        {
            return GatewayProblems.Invalid(new Dictionary<string, string[]> { ["merchantOrderId"] = ["is required."] });
        }

        var payments = await store.FindByMerchantOrderIdAsync(user.ClientId(), merchantOrderId, cancellationToken);
        return Results.Ok(new PaymentList(payments.Select(p => PaymentResponse.From(p, checkout)).ToList()));
    }

    private static async Task<IResult> CloseAsync(string id, ClaimsPrincipal user, IPaymentStore store, PaymentCloser closer, CancellationToken cancellationToken)
    {
        var payment = await FindOwnAsync(store, id, user, cancellationToken);
        return payment is null ? GatewayProblems.PaymentNotFound(id) : await closer.CloseAsync(payment, cancellationToken);
    }

    private static async Task<IResult> QrAsync(string id, HttpResponse response, IPaymentStore store, PaymentQrImages images, CancellationToken cancellationToken)
    {
        // A cached image is served without a store read: it is dropped as soon as the payment changes (PaymentQrImages).
        if ((images.Find(id) ?? await RenderAsync(id, store, images, cancellationToken)) is not { } image)
        {
            return GatewayProblems.Problem(StatusCodes.Status404NotFound, GatewayProblems.NotFound, "No QR code.", "The payment has no payable QR code.");
        }

        // The image of a payment never changes; a browser may keep it while the payer looks at it.
        response.Headers.CacheControl = "private, max-age=300";
        return Results.File(image.Png, "image/png", entityTag: image.ETag);
    }

    private static async Task<PaymentQrImage?> RenderAsync(string id, IPaymentStore store, PaymentQrImages images, CancellationToken cancellationToken)
    {
        var version = images.Version(id);
        return await store.GetAsync(id, cancellationToken) is { Action: { Type: PaymentActionTypes.QrCode, CodeUrl: { } codeUrl }, Status: PaymentStatus.Pending }
            ? images.Get(id, codeUrl, version)
            : null;
    }

    private static async Task<PaymentRecord?> FindOwnAsync(IPaymentStore store, string id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var payment = await store.GetAsync(id, cancellationToken);
        return payment is not null && payment.ClientId == user.ClientId() ? payment : null;
    }
}
