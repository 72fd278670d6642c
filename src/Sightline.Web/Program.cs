using Sightline.Web;

// One program, two uses: `serve` (the default) runs the web app; any other first word is an
// operator command run in the same container and configuration (see Commands.Usage).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
SightlineHost.ConfigureServices(builder);
var app = builder.Build();
SightlineHost.Configure(app);

if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(app.Services, args, Console.Out);
}
await app.RunAsync();
return 0;

public partial class Program;
