using Gateway.Checkout;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Public extension classes live in the DI namespace, as YARP's do.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the payer-facing checkout.</summary>
public static class GatewayCheckoutServiceCollectionExtensions
{
    /// <summary>Adds checkout link signing (<c>Gateway:Checkout</c>) and the aggregated checkout's channel choice.</summary>
    public static IServiceCollection AddGatewayCheckout(this IServiceCollection services, IConfiguration gatewaySection)
    {
        services.AddOptions<CheckoutOptions>().Bind(gatewaySection.GetSection("Checkout"))
            .Validate(o => string.IsNullOrEmpty(o.TokenKey) || o.TokenKey.Length >= 32, "Gateway:Checkout:TokenKey must be at least 32 characters.")
            .Validate(o => o.LinkGraceSeconds is >= 0 and <= 7 * 86400, "Gateway:Checkout:LinkGraceSeconds must be between 0 and 604800.")
            .Validate(o => o.StatusFallbackPollSeconds is >= 1 and <= 300, "Gateway:Checkout:StatusFallbackPollSeconds must be between 1 and 300.")
            .ValidateOnStart();
        services.TryAddSingleton<CheckoutTokens>();
        services.TryAddSingleton<CheckoutLinks>();
        services.TryAddSingleton<CheckoutChoices>();
        services.TryAddSingleton<CheckoutChoiceStore>();
        services.TryAddSingleton<CheckoutChooser>();
        return services;
    }
}
