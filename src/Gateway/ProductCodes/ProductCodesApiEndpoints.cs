using System.Security.Claims;
using Gateway.Errors;
using Gateway.Payments;
using Gateway.RateLimiting;
using Gateway.Security;
using Gateway.Store;
using QRCoder;

namespace Gateway.ProductCodes;

/// <summary>Product codes (WeChat Native "mode 1") under <c>/v1/product-codes</c>.</summary>
internal static class ProductCodesApiEndpoints
{
    private const int MaxListedPayments = 100;

    public static void MapProductCodesApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/v1/product-codes").RequireAuthorization().RequireRateLimiting(GatewayRateLimitPolicies.Api).WithTags("ProductCodes")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        v1.MapPost("", CreateAsync).WithName("CreateProductCode")
            .WithSummary("Register a long-lived product QR code").WithDescription("Routes like a payment; the chosen instance signs the link.")
            .Produces<ProductCodeResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        v1.MapGet("/{id}", GetAsync).WithName("GetProductCode").WithSummary("Get a product code")
            .Produces<ProductCodeResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapPost("/{id}/disable", DisableAsync).WithName("DisableProductCode").WithSummary("Disable a product code: later scans are refused")
            .Produces<ProductCodeResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapGet("/{id}/payments", PaymentsAsync).WithName("ListProductCodePayments").WithSummary("The payments made from a product code, newest first")
            .Produces<PaymentList>().ProducesProblem(StatusCodes.Status404NotFound);

        // Like the payment QR: fetched by <img src>, so no API key; ids are 128-bit random.
        endpoints.MapGet("/v1/product-codes/{id}/qr.png", QrAsync).AllowAnonymous().RequireRateLimiting(GatewayRateLimitPolicies.Api).WithTags("ProductCodes")
            .WithName("GetProductCodeQrCode").WithSummary("The product code's QR as a PNG (no API key needed)")
            .Produces(StatusCodes.Status200OK, contentType: "image/png").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, ProductCodeRegistrar registrar, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonRequestBody.ReadAsync<CreateProductCodeBody>(request, cancellationToken);
        return body is null ? problem! : await registrar.RegisterAsync(user.ClientId(), body, cancellationToken);
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, ProductCodeStore store, CancellationToken cancellationToken)
        => await FindOwnAsync(store, id, user, cancellationToken) is { } code ? Results.Ok(ProductCodeResponse.From(code)) : NotFound(id);

    private static async Task<IResult> DisableAsync(string id, ClaimsPrincipal user, ProductCodeStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(store, id, user, cancellationToken) is null)
        {
            return NotFound(id);
        }

        await store.SetStatusAsync(id, ProductCodeStatuses.Disabled, time.GetUtcNow(), cancellationToken);
        return Results.Ok(ProductCodeResponse.From((await store.GetAsync(id, cancellationToken))!));
    }

    private static async Task<IResult> PaymentsAsync(string id, ClaimsPrincipal user, ProductCodeStore store, IPaymentStore payments, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(store, id, user, cancellationToken) is not { } code)
        {
            return NotFound(id);
        }

        var list = new List<PaymentResponse>();
        foreach (var paymentId in await store.PaymentIdsAsync(code.ClientId, code.ProductId, MaxListedPayments, cancellationToken))
        {
            if (await payments.GetAsync(paymentId, cancellationToken) is { } payment)
            {
                list.Add(PaymentResponse.From(payment));
            }
        }

        return Results.Ok(new PaymentList(list));
    }

    private static async Task<IResult> QrAsync(string id, ProductCodeStore store, CancellationToken cancellationToken)
    {
        var code = await store.GetAsync(id, cancellationToken);
        if (code is not { Status: ProductCodeStatuses.Active })
        {
            return GatewayProblems.Problem(StatusCodes.Status404NotFound, GatewayProblems.NotFound, "No QR code.", "No active product code with this id.");
        }

        using var data = QRCodeGenerator.GenerateQrCode(code.CodeUrl, QRCodeGenerator.ECCLevel.M);
        return Results.File(new PngByteQRCode(data).GetGraphic(8), "image/png");
    }

    private static async Task<ProductCodeRecord?> FindOwnAsync(ProductCodeStore store, string id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var code = await store.GetAsync(id, cancellationToken);
        return code is not null && code.ClientId == user.ClientId() ? code : null;
    }

    private static IResult NotFound(string id)
        => GatewayProblems.Problem(StatusCodes.Status404NotFound, GatewayProblems.NotFound, "No such product code.", $"No product code '{id}' for this client.");
}
