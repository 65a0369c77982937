using Gateway.Configuration;
using Gateway.Management;

namespace Gateway.TestMode;

/// <summary>
/// <c>GET /admin/test-mode</c> (test mode only, admin key): where to find the demo client's generated
/// webhook secret. The secret is never logged; the banner points here instead.
/// </summary>
internal static class TestModeAdminEndpoints
{
    public const string Path = "/admin/test-mode";

    public static void MapTestModeAdmin(this IEndpointRouteBuilder endpoints)
        => endpoints.MapGet(Path, (GatewaySnapshotProvider snapshots) =>
            {
                var demo = snapshots.Current.Clients.GetValueOrDefault(TestModeProfile.DemoClientId);
                return Results.Ok(new
                {
                    testMode = true,
                    demoClient = TestModeProfile.DemoClientId,
                    demoApiKey = TestModeProfile.DemoApiKey,
                    demoWebhookSecrets = demo?.WebhookSecrets ?? [],
                });
            })
            .RequireAuthorization(AdminPolicies.Admin).ExcludeFromDescription();
}
