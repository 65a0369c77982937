using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Payments;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Abstractions.Plugins;

/// <summary>One configured account at a provider: a plugin plus its settings.</summary>
public interface IProviderInstance : IPaymentProvider, INotifyHandler
{
    /// <summary>
    /// The provider-side identity of this account (app id, merchant id). The host stores it with each
    /// payment and checks every notify against it.
    /// </summary>
    ProviderAccount Account { get; }

    /// <summary>
    /// Maps the instance's own routes. <paramref name="endpoints"/> is already scoped to
    /// <c>/p/{instance}</c>, so plugins cannot collide with each other or with the host.
    /// </summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}

/// <summary>The provider-side identity of an instance.</summary>
/// <param name="AppId">The provider's application id, if it has one (WeChat appid).</param>
/// <param name="MerchantId">The provider's merchant id (WeChat mch_id, PaysAPI uid).</param>
public sealed record ProviderAccount(string? AppId, string MerchantId);
