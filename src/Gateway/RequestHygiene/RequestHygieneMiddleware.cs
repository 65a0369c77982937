using System.Text.Json;
using Gateway.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Gateway.RequestHygiene;

/// <summary>
/// Guards <c>/v1</c>, <c>/admin</c> and plugin routes (<c>/p/</c>) before anything reads them: a body over
/// <see cref="RequestHygieneOptions.MaxBodyBytes"/> is 413 problem+json, and a control character in the path,
/// a query parameter or any JSON string is 400 naming the field. Bad text never reaches a store or a provider.
/// </summary>
internal sealed class RequestHygieneMiddleware(RequestDelegate next, IOptionsMonitor<RequestHygieneOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/v1") && !path.StartsWithSegments("/admin") && !path.StartsWithSegments("/p"))
        {
            await next(context);
            return;
        }

        var max = options.CurrentValue.MaxBodyBytes;
        if (context.Request.ContentLength > max)
        {
            await TooLarge(max).ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        var errors = new Dictionary<string, string[]>();
        if (!TextHygiene.IsClean(path.Value))
        {
            errors["path"] = [TextHygiene.Problem];
        }

        foreach (var (key, values) in context.Request.Query)
        {
            if (!TextHygiene.IsClean(key) || values.Any(v => !TextHygiene.IsClean(v)))
            {
                errors[TextHygiene.IsClean(key) ? key : "(query parameter name)"] = [TextHygiene.Problem];
            }
        }

        if (context.Request.HasJsonContentType())
        {
            var body = await BufferAsync(context.Request, max, context.RequestAborted);
            if (body is null)
            {
                await TooLarge(max).ExecuteAsync(context);
                return;
            }

            CollectJsonErrors(body, errors);
            context.Request.Body = new MemoryStream(body, writable: false);
        }

        if (errors.Count > 0)
        {
            await GatewayProblems.Invalid(errors).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static IResult TooLarge(int max)
        => GatewayProblems.Problem(StatusCodes.Status413PayloadTooLarge, GatewayProblems.PayloadTooLarge, "The request body is too large.", $"At most {max} bytes.");

    /// <summary>The whole body, or null when it is longer than <paramref name="max"/> (a chunked body has no Content-Length).</summary>
    private static async Task<byte[]?> BufferAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private static void CollectJsonErrors(byte[] body, Dictionary<string, string[]> errors)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            TextHygiene.CollectDirtyFields(document.RootElement, "", errors);
        }
        catch (JsonException)
        {
            // Not JSON at all: the endpoint reports that in its own words.
        }
    }
}
