using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.TestMode;

/// <summary>
/// Says loudly that test mode is on: a warning at start-up, and a <c>test-mode</c> entry in
/// <c>/health/ready</c>, so nobody mistakes a test-mode host for a production one.
/// </summary>
internal sealed partial class TestModeBanner(ILogger<TestModeBanner> logger) : IHostedService, IHealthCheck
{
    public const string Description = "TEST MODE: the sandbox at /sandbox plays the providers and the public demo keys are accepted.";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Log.Banner(logger, Description, TestModeProfile.DemoClientId, TestModeAdminEndpoints.Path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(HealthCheckResult.Healthy(Description, new Dictionary<string, object> { ["testMode"] = true }));

    private static partial class Log
    {
        [LoggerMessage(EventId = 900, Level = LogLevel.Warning,
            Message = "{Banner} The demo client '{DemoClient}' signs its webhooks with a secret generated at start-up: GET {Path} with the test-mode admin key shows it.")]
        public static partial void Banner(ILogger logger, string banner, string demoClient, string path);
    }
}
