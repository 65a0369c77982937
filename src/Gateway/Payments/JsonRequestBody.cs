using System.Text.Json;
using Gateway.Errors;

namespace Gateway.Payments;

/// <summary>Reads a JSON request body into <typeparamref name="T"/>, or the 400 problem that says why it cannot.</summary>
internal static class JsonRequestBody
{
    /// <summary>The body, or (when it is null) the problem to answer; never throws for what the client sent.</summary>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        T? body;
        try
        {
            body = await request.ReadFromJsonAsync<T>(cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            // InvalidOperationException: not a JSON content type, or an unknown charset.
            return (null, ex is JsonException json ? GatewayProblems.FromJson(json) : GatewayProblems.Malformed(ex.Message));
        }

        return body is null ? (null, GatewayProblems.Malformed("The body must be a JSON object.")) : (body, null);
    }
}
