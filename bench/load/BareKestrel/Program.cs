// The bare Kestrel ceiling: the least an ASP.NET Core app on this machine does per request. Every figure
// of the load benchmark is reported as a ratio to this one, measured in the same run.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();
