using Gateway.Sandbox.PaysApi.Merchants;
using Gateway.Sandbox.WeChatPay.Merchants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Sandbox.Faults;

/// <summary>
/// The sandbox's admin endpoint for faults: <c>POST /sandbox/faults</c> adds one (201 with its id),
/// <c>GET /sandbox/faults</c> lists them with what is left of each, <c>DELETE /sandbox/faults[?merchant=…]</c>
/// removes all (or one merchant's), <c>DELETE /sandbox/faults/{id}</c> removes one.
/// </summary>
internal static class FaultEndpoints
{
    public static void Map(IEndpointRouteBuilder sandbox)
    {
        var faults = sandbox.MapGroup("/faults").ExcludeFromDescription();
        faults.MapPost("/", Add);
        faults.MapGet("/", (FaultBook book) => Results.Ok(book.List()));
        faults.MapDelete("/", (string? merchant, FaultBook book) => Results.Ok(new { removed = book.Remove(merchant: merchant) }));
        faults.MapDelete("/{id}", (string id, FaultBook book) => book.Remove(id: id) > 0 ? Results.NoContent() : NotFound());
    }

    private static IResult Add(SandboxFault? fault, FaultBook book, MerchantDirectory weChat, PaysApiMerchants paysApi, TimeProvider time)
    {
        if (fault is null)
        {
            return Invalid(["The body must be a JSON fault: {merchant, kind, count|seconds, …}."]);
        }

        var errors = SandboxFaultValidator.Validate(fault, m => weChat.TryFind(m, out _), m => paysApi.TryFind(m, out _));
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var added = book.Add(fault);
        return Results.Created($"/sandbox/faults/{added.Id}", added.View(time.GetUtcNow()));
    }

    private static IResult Invalid(List<string> errors) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Invalid fault", detail: string.Join(" ", errors),
        extensions: new Dictionary<string, object?> { ["code"] = "invalid_fault", ["errors"] = errors });

    private static IResult NotFound() => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, detail: "No fault has this id.", extensions: new Dictionary<string, object?> { ["code"] = "fault_not_found" });
}
