using Gateway.Configuration;
using Gateway.TestMode;

var builder = WebApplication.CreateBuilder(args);

// Test mode is opt-in; outside it, the configuration must be complete before anything starts.
var testMode = TestModeSwitch.IsRequested(builder.Configuration, builder.Environment);
var problems = TestModeSwitch.Problems(builder.Configuration, builder.Environment)
    .Concat(testMode ? [] : ProductionRequirements.Problems(builder.Configuration)).ToList();
if (problems.Count > 0)
{
    Console.Error.WriteLine($"The gateway cannot start ({builder.Environment.EnvironmentName}, test mode {(testMode ? "on" : "off")}):");
    problems.ForEach(p => Console.Error.WriteLine("  - " + p));
    return 2;
}

if (testMode)
{
    builder.Services.AddGatewayTestMode(builder.Configuration);
}

builder.Services.AddGateway(builder.Configuration);
builder.Services.AddGatewayTelemetry(builder.Configuration);

var app = builder.Build();

// Outages answer 503 problem+json (store_unavailable / state_unavailable); anything else a 500 problem, never a bare 500.
app.UseExceptionHandler();
app.UseGatewayRequestHygiene();
app.UseAuthentication();

// After authentication, so /v1 limits are per client id rather than per IP.
app.UseRateLimiter();
app.UseAuthorization();
app.UseMiddleware<Gateway.Idempotency.IdempotencyMiddleware>();
app.MapGateway();
app.MapGatewayOpenApi(withUi: app.Environment.IsDevelopment());
if (testMode)
{
    app.MapGatewaySandbox("/sandbox");
    app.MapTestModeAdmin();
}

app.Run();
return 0;

/// <summary>Entry point; public so functional tests can boot the host.</summary>
public partial class Program;
