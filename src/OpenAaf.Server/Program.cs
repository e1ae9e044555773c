// Placeholder entry point so that the Web SDK project builds; the real host (configuration loading,
// storage, endpoints, health) is written on another branch and replaces this file.
var app = WebApplication.CreateBuilder(args).Build();
app.Run();
