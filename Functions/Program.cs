using AccessPmc.Functions;
using AccessPmc.Functions.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Registered after the ASP.NET Core integration's middleware, so it runs inside it (see ExceptionMiddleware).
builder.UseMiddleware<ExceptionMiddleware>();
builder.Services.AddAccessPmc(builder.Configuration);
builder.Build().Run();
