using AccessPmc.Functions;
using AccessPmc.Functions.Configuration;
using AccessPmc.SelfHost.Http;
using AccessPmc.SelfHost.Metadata;
using AccessPmc.SelfHost.Settings;
using AccessPmc.SelfHost.Timers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AccessPmc.SelfHost;

/// <summary>
/// Serves the Functions app without the Functions host: the functions declared in functions.metadata,
/// at the host's URLs and on the host's schedules. <see cref="RunAsync"/> is the program; tests use
/// <see cref="Build"/>, <see cref="StartAsync"/> and <see cref="DisposeAsync"/> to run it in-process.
/// </summary>
public sealed class SelfHostApp : IAsyncDisposable
{
    /// <summary>The generic host's own category: on a failed start it logs "Hosting failed to start" with the stack trace.</summary>
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private readonly StartLog startLog;

    private SelfHostApp(WebApplication app, FunctionPlan plan, TimerClock clock, StartLog startLog)
    {
        App = app;
        Plan = plan;
        Clock = clock;
        this.startLog = startLog;
    }

    public WebApplication App { get; }

    public FunctionPlan Plan { get; }

    public TimerClock Clock { get; }

    public TimerScheduler Timers => App.Services.GetRequiredService<TimerScheduler>();

    /// <summary>The address actually bound (useful with --port 0).</summary>
    public Uri BaseAddress => new(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <param name="configureServices">Runs before AddAccessPmc, which uses TryAdd: a test's FakeTimeProvider wins.</param>
    /// <param name="settings">Highest-precedence configuration, for tests.</param>
    public static SelfHostApp Build(string[] args, Action<IServiceCollection>? configureServices = null, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var options = CommandLine.Parse(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        var localPath = options.NoLocalSettings ? null : options.SettingsPath ?? LocalSettings.Find();
        var local = localPath is null ? null : LocalSettings.Load(localPath);
        if (local is not null)
        {
            // Added before the environment variables' source is re-added, so an environment variable still wins.
            builder.Configuration.AddInMemoryCollection(local.ToConfiguration());
        }

        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Configuration["SelfHost:LocalSettings"] = local?.Path;

        var port = options.Port ?? local?.LocalHttpPort ?? 7071;
        if (options.Port is not null || string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }

        var plan = LoadPlan(options, builder.Configuration);
        var clock = TimerClock.FromSetting(builder.Configuration[ScheduleTimeZone.Setting]);

        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        // A filter rule replaces the default minimum level for its category, hence Information here.
        var startLog = new StartLog();
        builder.Logging.AddFilter(HostCategory, level => level >= LogLevel.Information && !(startLog.Quiet && level >= LogLevel.Error));

        configureServices?.Invoke(builder.Services);
        builder.Services.AddAccessPmc(builder.Configuration);
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton(plan);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<FunctionDispatcher>();
        builder.Services.AddSingleton<TimerScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TimerScheduler>());

        var app = builder.Build();
        var dispatcher = app.Services.GetRequiredService<FunctionDispatcher>();

        // The client address from trusted proxies only (ProxyOptions), as the worker's own middleware does under the host.
        app.UseForwardedHeaders();
        app.Run(dispatcher.InvokeAsync);
        return new SelfHostApp(app, plan, clock, startLog);
    }

    public static FunctionPlan LoadPlan(CommandLine options, IConfiguration configuration)
    {
        if (!File.Exists(options.MetadataPath))
        {
            throw new SelfHostStartupException($"functions.metadata not found at {options.MetadataPath}: build Functions first ('dotnet build SelfHost' does).");
        }

        var functions = FunctionMetadata.Parse(File.ReadAllText(options.MetadataPath));
        return FunctionPlanner.Plan(functions, typeof(AccessPmcServiceCollectionExtensions).Assembly, HostJson.RoutePrefix(options.HostJsonPath), name => configuration[name]);
    }

    public Task StartAsync(CancellationToken ct = default) => App.StartAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary>The program: start, print what is served, run until Ctrl+C; a refusal is one line on stderr and exit code 2.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        SelfHostApp host;
        try
        {
            host = Build(args);
            await StartupChecks.RunAsync(host.App.Services);

            // What can still fail here (a port in use) is reported below in one line: the host's own error
            // record of it is a stack trace the operator would have to read past.
            host.startLog.Quiet = true;
            await host.StartAsync();
            host.startLog.Quiet = false;
        }
        catch (SelfHostStartupException e)
        {
            await error.WriteLineAsync("SelfHost refused to start: " + e.Message);
            return StartupFailure.RefusalExitCode;
        }
        catch (Exception e)
        {
            // One line, no stack trace: a settings error is a refusal (exit 2, not restarted by systemd), the rest exit 1.
            var failure = StartupFailure.From(e);
            await error.WriteLineAsync($"SelfHost {(failure.IsRefusal ? "refused" : "failed")} to start: {failure.Line}");
            return failure.ExitCode;
        }

        await using (host)
        {
            Banner.Write(output, host);
            await host.App.WaitForShutdownAsync();
        }

        return 0;
    }

    /// <summary>Read by a logging filter on each record, so it can change after the logger is built.</summary>
    private sealed class StartLog
    {
        public volatile bool Quiet;
    }
}
