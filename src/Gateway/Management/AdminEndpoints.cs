using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Payments;
using Gateway.Plugins;
using Gateway.Refunds;
using Gateway.Store;

namespace Gateway.Management;

/// <summary>
/// The ops API under <c>/admin</c>: what is loaded and configured, and a payment search. Read-only; no
/// response carries a secret (settings are redacted by key, clients' key hashes are not listed).
/// </summary>
internal static class AdminEndpoints
{
    public static void MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin").RequireAuthorization(AdminPolicies.Admin).WithTags("Admin").ExcludeFromDescription();
        admin.MapGet("/plugins", Plugins);
        admin.MapGet("/instances", Instances);
        admin.MapGet("/routes", Routes);
        admin.MapGet("/payments", SearchPaymentsAsync);
        admin.MapNotifyInboxAdmin();
        admin.MapWebhookDeliveryAdmin();
        admin.MapOfflineRefundsAdmin();
        admin.MapReviewRefundAdmin();
        admin.MapReviewAdmin();
        admin.MapReconciliationAdmin();
    }

    private static AdminList<AdminPlugin> Plugins(PluginCatalog catalog)
    {
        var snapshot = catalog.Snapshot;
        var loaded = snapshot.Plugins.Values.Select(p => new AdminPlugin(
            p.Descriptor.Name, p.Descriptor.Version, p.Descriptor.Channels, p.Descriptor.ContractVersion, "loaded", null, p.Directory));
        var failed = snapshot.Failures.Select(f => new AdminPlugin(f.Name, null, [], null, "failed", f.Error, f.Directory));
        return new(loaded.Concat(failed).OrderBy(p => p.Name, StringComparer.Ordinal).ToList());
    }

    private static AdminList<AdminInstance> Instances(IConfiguration configuration, GatewaySnapshotProvider snapshots)
    {
        var live = snapshots.Current.Instances;
        var instances = GatewayConfig.Read(configuration.GetSection(GatewayOptions.SectionName)).Providers.Select(p =>
        {
            var state = live.GetValueOrDefault(p.Name);
            return new AdminInstance(p.Name, p.Plugin, state?.Plugin.Descriptor.Channels ?? [], state?.Instance.Account.AppId,
                state?.Instance.Account.MerchantId, state is not null, SecretSettings.Redact(p.Settings));
        });
        return new(instances.ToList());
    }

    private static AdminList<AdminRoute> Routes(IConfiguration configuration)
    {
        var routes = GatewayConfig.Read(configuration.GetSection(GatewayOptions.SectionName)).Routes.Select(r =>
            new AdminRoute(r.Id, r.Channel, r.Clients, r.MinAmount, r.MaxAmount, r.Order, r.Instances, r.Policy));
        return new(routes.ToList());
    }

    private static async Task<IResult> SearchPaymentsAsync(
        string? status, string? instance, string? merchantOrderId, int? limit, IPaymentStore store, CancellationToken cancellationToken)
    {
        Abstractions.Payments.PaymentStatus? parsed = null;
        if (status is not null)
        {
            if (!PaymentStatusNames.TryParse(status, out var value))
            {
                return GatewayProblems.Invalid(new Dictionary<string, string[]> { ["status"] = ["is not a payment status."] });
            }

            parsed = value;
        }

        if (limit is < 1 or > 500)
        {
            return GatewayProblems.Invalid(new Dictionary<string, string[]> { ["limit"] = ["must be between 1 and 500."] });
        }

        var search = new PaymentSearch { Status = parsed, ProviderInstance = instance, MerchantOrderId = merchantOrderId, Limit = limit ?? 50 };
        var payments = await store.SearchAsync(search, cancellationToken);
        return Results.Ok(new AdminList<AdminPayment>(payments.Select(p => new AdminPayment(PaymentResponse.From(p), p.ClientId, p.Plugin, p.TraceParent)).ToList()));
    }
}
