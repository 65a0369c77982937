using System.Net.Http.Headers;
using Gateway.Client;
using Gateway.Client.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="GatewayClient"/> on <c>IHttpClientFactory</c>.</summary>
public static class GatewayClientServiceCollectionExtensions
{
    /// <summary>Adds <see cref="GatewayClient"/>, configured by <paramref name="configure"/>.</summary>
    public static IHttpClientBuilder AddGatewayClient(this IServiceCollection services, Action<GatewayClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddGatewayClient(builder => builder.Configure(configure));
    }

    /// <summary>Adds <see cref="GatewayClient"/>, bound from a configuration section (e.g. <c>GatewayClient</c>).</summary>
    public static IHttpClientBuilder AddGatewayClient(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddGatewayClient(builder => builder.Bind(section));
    }

    private static IHttpClientBuilder AddGatewayClient(this IServiceCollection services, Action<OptionsBuilder<GatewayClientOptions>> bind)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GatewayClientOptions>();
        bind(options);
        options.Validate(o => !o.Errors().Any(), "GatewayClient options are invalid: BaseAddress (absolute http(s) URL) and ApiKey are required.")
            .ValidateOnStart();

        var http = services.AddHttpClient<GatewayClient>((provider, client) =>
        {
            var o = provider.GetRequiredService<IOptions<GatewayClientOptions>>().Value;
            client.BaseAddress = o.BaseAddress;
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", o.ApiKey);
            client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns the timeouts
        });

        http.AddResilienceHandler("gateway", (pipeline, context) =>
        {
            var o = context.ServiceProvider.GetRequiredService<IOptions<GatewayClientOptions>>().Value;
            pipeline.AddTimeout(o.TotalTimeout);
            if (o.MaxRetries > 0)
            {
                pipeline.AddRetry(SafeRetry.Options(o.MaxRetries));
            }

            pipeline.AddTimeout(o.AttemptTimeout);
        });
        return http;
    }
}
