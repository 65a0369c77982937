using System.Net;
using System.Security.Cryptography.X509Certificates;
using Gateway.Sandbox.WeChatPay.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.WeChatPay.Api;

/// <summary>
/// The sandbox's mutual-TLS listener for <c>secapi/*</c>: a small Kestrel server of its own on a loopback port, so the
/// host's plain listener and its URLs stay as they are. It asks for (does not require) a client certificate, so a
/// request without one still gets WeChat's refusal as a reply; the check itself is <see cref="SecureApiEndpoints"/>.
/// Requests run against the sandbox's own services (the host's provider).
/// </summary>
internal sealed partial class SecureApiServer(IServiceProvider services, IOptions<WeChatPaySandboxOptions> options, ILogger<SecureApiServer> logger) : IHostedService
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var secure = options.Value.SecureApi;
        if (secure.Port == 0 || secure.ServerCertificateBase64 is null)
        {
            return;
        }

        var certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(secure.ServerCertificateBase64), secure.ServerCertificatePassword);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, secure.Port, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = certificate,
            ClientCertificateMode = ClientCertificateMode.AllowCertificate,
            // Judged per request against the merchant CA and mch_id, so a wrong certificate gets WeChat's reply, not a TLS alert.
            ClientCertificateValidation = (_, _, _) => true,
        })));
        _app = builder.Build();
        _app.Use((context, next) =>
        {
            context.RequestServices = services;
            return next(context);
        });
        SecureApiEndpoints.Map(_app.MapGroup("/sandbox/wechatpay"));
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        LogListening(secure.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Sandbox secapi (mutual TLS) listening on https://127.0.0.1:{Port}/sandbox/wechatpay")]
    private partial void LogListening(int port);
}
