using Gateway.TestMode;

var builder = WebApplication.CreateBuilder(args);
var testMode = TestModeProfile.IsEnabled(builder.Configuration);
if (testMode)
{
    TestModeProfile.Apply(builder.Configuration, builder.Configuration);
    builder.Services.AddGatewaySandbox(builder.Configuration.GetSection("Sandbox"));
}

builder.Services.AddGateway(builder.Configuration);
builder.Services.AddGatewayTelemetry(builder.Configuration);

var app = builder.Build();
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
}

app.Run();

/// <summary>Entry point; public so functional tests can boot the host.</summary>
public partial class Program;
