using AccessPmc.Functions;
using AccessPmc.Functions.Configuration;
using AccessPmc.Functions.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// Under the Functions host (SelfHost never runs this file). A settings error is one line on stderr, which
// the host logs, and exit code 2: no stack trace to read through to find the setting.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Registered after the ASP.NET Core integration's middleware, so it runs inside it (see ExceptionMiddleware).
builder.UseMiddleware<ExceptionMiddleware>();
builder.Services.AddAccessPmc(builder.Configuration);
try
{
    ScheduleTimeZone.CheckSetting(builder.Configuration[ScheduleTimeZone.Setting]);
    ScheduleTimeZone.CheckFunctionsHost(TimeZoneInfo.Local);
    var app = builder.Build();
    StartupChecks.Run(app.Services);
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.From(e) is { IsRefusal: true } refusal)
{
    await Console.Error.WriteLineAsync("AccessPmc refused to start: " + refusal.Line);
    return refusal.ExitCode;
}
