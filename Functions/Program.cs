using AccessPmc.Functions;
using AccessPmc.Functions.Configuration;
using AccessPmc.Functions.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// Under the Functions host (SelfHost never runs this file). A settings error is one line on stderr, which
// the host logs, and exit code 2; storage not answering is one line and exit code 1: no stack trace to
// read through to find the setting.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Registered after the ASP.NET Core integration's middleware, so it runs inside it (see ExceptionMiddleware).
builder.UseMiddleware<ExceptionMiddleware>();
builder.Services.AddAccessPmc(builder.Configuration);
IHost app;
try
{
    ScheduleTimeZone.CheckSetting(builder.Configuration[ScheduleTimeZone.Setting]);
    ScheduleTimeZone.CheckFunctionsHost(TimeZoneInfo.Local);
    app = builder.Build();
    await StartupChecks.RunAsync(app.Services);
}
catch (Exception e)
{
    // Refusals and failures alike in one line: the host logs the worker's stderr, and restarts the worker either way.
    var failure = StartupFailure.From(e);
    await Console.Error.WriteLineAsync($"AccessPmc {(failure.IsRefusal ? "refused" : "failed")} to start: {failure.Line}");
    return failure.ExitCode;
}

// Past the checks, an exception is a bug: its stack trace is worth reading.
await app.RunAsync();
return 0;
