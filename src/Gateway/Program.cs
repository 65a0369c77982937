var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();

/// <summary>Entry point; public so functional tests can boot the host.</summary>
public partial class Program;
