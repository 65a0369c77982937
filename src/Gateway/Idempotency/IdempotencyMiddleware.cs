using System.Security.Cryptography;
using Gateway.Errors;
using Gateway.Security;
using Microsoft.Extensions.Options;

namespace Gateway.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the API's POSTs, the strict model: the first response (status and body) is
/// stored and replayed for a retry with the same key and body; a retry while the first is in flight gets
/// 409; the same key with another body gets 422; keys live at least 24 hours; requests that failed
/// validation (400) are not stored. Keys are scoped to the calling client.
/// </summary>
internal sealed class IdempotencyMiddleware
{
    public const string HeaderName = "Idempotency-Key";
    private readonly RequestDelegate _next;

    public IdempotencyMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    public async Task InvokeAsync(HttpContext context, IIdempotencyStore store, IOptions<IdempotencyOptions> options)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        if (key.Length == 0 || !HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments("/v1")
            || context.User.Identity?.IsAuthenticated != true)
        {
            await _next(context);
            return;
        }

        if (key.Length > 255 || key.Any(char.IsControl))
        {
            await GatewayProblems.Problem(StatusCodes.Status400BadRequest, GatewayProblems.InvalidRequest, "Invalid Idempotency-Key.", "1 to 255 printable characters.").ExecuteAsync(context);
            return;
        }

        var scopedKey = $"idem:{context.User.ClientId()}:{key}";
        var fingerprint = await FingerprintAsync(context.Request, context.RequestAborted);
        var claim = await store.TryBeginAsync(scopedKey, fingerprint, options.Value.InFlightLease, context.RequestAborted);
        if (claim.Existing is { } existing)
        {
            await AnswerExistingAsync(context, existing, fingerprint);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await _next(context);
        }
        catch
        {
            await store.ReleaseAsync(scopedKey, CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = buffer.ToArray();
        if (context.Response.StatusCode == StatusCodes.Status400BadRequest)
        {
            await store.ReleaseAsync(scopedKey, CancellationToken.None);
        }
        else
        {
            var record = new IdempotencyRecord(fingerprint, true, context.Response.StatusCode, context.Response.ContentType, context.Response.Headers.Location.ToString(), body);
            await store.CompleteAsync(scopedKey, record, options.Value.Retention, CancellationToken.None);
        }

        await original.WriteAsync(body, context.RequestAborted);
    }

    private static async Task AnswerExistingAsync(HttpContext context, IdempotencyRecord existing, string fingerprint)
    {
        if (existing.Fingerprint != fingerprint)
        {
            await GatewayProblems.Problem(StatusCodes.Status422UnprocessableEntity, GatewayProblems.IdempotencyKeyReused, "Idempotency-Key reused.",
                "This key was used with a different request; use a new key for a new request.").ExecuteAsync(context);
            return;
        }

        if (!existing.Done)
        {
            await GatewayProblems.Problem(StatusCodes.Status409Conflict, GatewayProblems.IdempotencyConflict, "Request in progress.",
                "The first request with this key is still being processed; retry later.").ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = existing.StatusCode;
        context.Response.ContentType = existing.ContentType;
        if (!string.IsNullOrEmpty(existing.Location))
        {
            context.Response.Headers.Location = existing.Location;
        }

        context.Response.Headers["Idempotent-Replayed"] = "true";
        await context.Response.Body.WriteAsync(existing.Body ?? [], context.RequestAborted);
    }

    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>The <c>Gateway:Idempotency</c> section.</summary>
public sealed class IdempotencyOptions
{
    /// <summary>How long a key is kept after its first response (at least 24 hours).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(25);

    /// <summary>How long a key counts as in flight if its process dies before answering.</summary>
    public TimeSpan InFlightLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Without Redis: how many answered keys this process keeps; beyond it the oldest are dropped first.</summary>
    public int InProcessCapacity { get; set; } = 50_000;
}
