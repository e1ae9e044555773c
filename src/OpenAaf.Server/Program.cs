using OpenAaf.Server.Hosting;

// Configuration first: a broken file is reported in full before anything listens.
var builder = WebApplication.CreateBuilder(args);
if (!OpenAafHost.TryConfigure(builder)) return 1;

var app = builder.Build();
OpenAafHost.MapApi(app);
await OpenAafHost.InitializeAsync(app);
await app.RunAsync();
return 0;

public partial class Program;
