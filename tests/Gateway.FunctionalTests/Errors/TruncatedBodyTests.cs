using System.Net.Sockets;
using System.Text;
using Gateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Gateway.FunctionalTests.Errors;

/// <summary>
/// A client that announces a Content-Length, sends less and stops (Kestrel's "Unexpected end of request content"):
/// a 400 problem when an answer can still reach it, never a 500, and nothing logged as an error.
/// </summary>
public sealed class TruncatedBodyTests : IClassFixture<GatewayFactory>
{
    private readonly GatewayFactory _gateway;

    public TruncatedBodyTests(GatewayFactory gateway) => _gateway = gateway;

    [Theory]
    [InlineData("/v1/payments", GatewayFactory.ClientAKey)]
    [InlineData("/admin/payments/pay_nosuchpayment00000000001/offline-refunds", "sk_test_admin")]
    [InlineData("/notify/wx-a", null)]
    public async Task ABodyCutShort_IsA400Problem_NeverA500_AndNoErrorIsLogged(string path, string? apiKey)
    {
        var before = _gateway.Logs.Records.Count;

        // Kestrel ends the request when the client's FIN arrives, racing the body read that fails: often the client
        // is gone before an answer, sometimes the application sees the failure first (a 500 and an Error log, before).
        var answers = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add(await SendTruncatedAsync(path, apiKey, closeFully: i % 2 == 1));
        }

        await Task.Delay(300);
        Assert.All(answers.Where(a => a.Length > 0), a =>
        {
            Assert.StartsWith("HTTP/1.1 400 ", a, StringComparison.Ordinal);
            Assert.Contains("Content-Type: application/problem+json", a, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("\"code\":\"invalid_request\"", a, StringComparison.Ordinal);
        });
        var errors = _gateway.Logs.Records.Skip(before).Where(r => r.Level >= LogLevel.Error).Select(r => r.Text).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        using var api = _gateway.ApiClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync("/v1/payments?merchantOrderId=none")).StatusCode);
    }

    [Fact]
    public async Task TheHandler_AnswersTheBodysOwnStatus_AsAProblem()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = _gateway.Services };
        context.Request.Path = "/v1/payments";
        context.Response.Body = new MemoryStream();
        var handler = new Gateway.Errors.UnreadableBodyExceptionHandler(Microsoft.Extensions.Logging.Abstractions.NullLogger<Gateway.Errors.UnreadableBodyExceptionHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(context, new Microsoft.AspNetCore.Http.BadHttpRequestException("Unexpected end of request content."), default));
        Assert.False(await handler.TryHandleAsync(context, new InvalidOperationException(), default));

        Assert.Equal((400, "application/problem+json"), (context.Response.StatusCode, context.Response.ContentType));
        Assert.Contains("\"code\":\"invalid_request\"", Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()), StringComparison.Ordinal);
    }

    /// <summary>Announces 200 bytes, sends fewer, then shuts the sending side (or the whole socket) and reads what comes back.</summary>
    private async Task<string> SendTruncatedAsync(string path, string? apiKey, bool closeFully)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", _gateway.Port);
        var head = $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n"
            + (apiKey is null ? "" : $"Authorization: Bearer {apiKey}\r\n") + "\r\n{\"amount\":100,\"curr";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head));
        socket.Shutdown(closeFully ? SocketShutdown.Both : SocketShutdown.Send);
        var answer = new MemoryStream();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            int read;
            while (!closeFully && (read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
            {
                answer.Write(buffer, 0, read);
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            // Kestrel aborted the connection: no answer.
        }

        return Encoding.UTF8.GetString(answer.ToArray());
    }
}
