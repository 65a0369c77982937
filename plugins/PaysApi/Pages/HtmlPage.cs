using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Gateway.Plugins.PaysApi.Pages;

/// <summary>
/// A small, self-contained HTML answer. Every dynamic value is HTML-encoded by the page builders; the
/// headers keep it out of caches and allow no script but the one whose hash is given.
/// </summary>
internal sealed class HtmlPage(int statusCode, string title, string body, string? script = null) : IResult
{
    public int StatusCode => statusCode;

    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        var scriptSource = script is null ? "'none'" : $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'";
        response.Headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'unsafe-inline'; script-src {scriptSource}; frame-ancestors 'none'";

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append("</title></head><body>")
            .Append(body);
        if (script is not null)
        {
            html.Append("<script>").Append(script).Append("</script>");
        }

        html.Append("</body></html>");
        return response.WriteAsync(html.ToString(), Encoding.UTF8, httpContext.RequestAborted);
    }
}
