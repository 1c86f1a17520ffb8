using Api;

var builder = WebApplication.CreateSlimBuilder(args);
// ASP.NET Core reads ASPNETCORE_HTTP_PORTS itself; without it (and without --urls) it would pick 5000,
// while the image and the task definition expect 8080.
if (!ListenAddress.IsConfigured(builder.Configuration))
{
    builder.WebHost.UseUrls(ListenAddress.Default);
}

var app = builder.Build();
app.MapServiceEndpoints(BuildInfo.FromAssembly(typeof(BuildInfo).Assembly));
app.Run();
