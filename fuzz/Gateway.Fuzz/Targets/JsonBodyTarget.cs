using Gateway.Hosting;
using Gateway.Payments;
using Gateway.ProductCodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Fuzz.Targets;

/// <summary>
/// The JSON bodies of <c>POST /v1/payments</c> and <c>POST /v1/product-codes</c>, read the way the endpoints read
/// them (same reader, same serializer options), then validated: a body, a problem, or a list of field errors.
/// </summary>
internal static class JsonBodyTarget
{
    private static readonly IServiceProvider Services = new ServiceCollection()
        .ConfigureHttpJsonOptions(o => GatewayJsonOptions.Apply(o.SerializerOptions))
        .BuildServiceProvider();

    public static void CreatePayment(ReadOnlyMemory<byte> input)
    {
        if (Read<CreatePaymentBody>(input) is { } body && body.Validate().Count == 0
            && (body.Amount is not > 0 || body.Currency != "CNY" || string.IsNullOrEmpty(body.MerchantOrderId)))
        {
            throw new InvariantBrokenException("A payment body passed validation without a positive amount, CNY and a merchant order id.");
        }
    }

    public static void ProductCode(ReadOnlyMemory<byte> input)
    {
        if (Read<CreateProductCodeBody>(input) is { } body && body.Validate().Count == 0
            && (body.Amount is not > 0 || string.IsNullOrEmpty(body.ProductId)))
        {
            throw new InvariantBrokenException("A product-code body passed validation without a positive amount and a product id.");
        }
    }

    private static T? Read<T>(ReadOnlyMemory<byte> input)
        where T : class
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(input.ToArray(), writable: false);
        var read = JsonRequestBody.ReadAsync<T>(context.Request, CancellationToken.None);
        var (body, problem) = read.IsCompleted ? read.Result : read.GetAwaiter().GetResult();
        return body is null && problem is null ? throw new InvariantBrokenException("Neither a body nor a problem.") : body;
    }
}
