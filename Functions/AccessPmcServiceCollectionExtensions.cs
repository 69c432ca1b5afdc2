using AccessPmc.Contracts;
using AccessPmc.Functions.Clients;
using AccessPmc.Functions.Configuration;
using AccessPmc.Functions.Documents;
using AccessPmc.Functions.Expiry;
using AccessPmc.Functions.Http;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Presence;
using AccessPmc.Functions.Privacy;
using AccessPmc.Functions.Scanner;
using AccessPmc.Functions.Security;
using AccessPmc.Functions.Statistics;
using AccessPmc.Functions.Storage;
using AccessPmc.Functions.Verification;
using AccessPmc.PassFormat;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions;

public static class AccessPmcServiceCollectionExtensions
{
    /// <summary>Everything the functions need, for the Functions host, SelfHost and tests alike.</summary>
    public static IServiceCollection AddAccessPmc(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions(configuration);
        services.AddSettingsShapeChecks(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new TableServiceClient(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString,
            new TableClientOptions { RetryPolicy = new StorageRetryPolicy(), Retry = { NetworkTimeout = TimeSpan.FromSeconds(15) } }));
        services.AddSingleton<Tables>();
        services.AddPassFormat(configuration);

        // One store per table (or per group of a feature's tables): the only writers of each.
        services.AddSingleton<PassStore>();
        services.AddSingleton<PassIndexes>();
        services.AddSingleton<RevocationStore>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<ClientStore>();
        services.AddSingleton<ScanStore>();

        services.AddSingleton<Authenticator>();
        services.AddSingleton<RateLimits>();
        services.AddSingleton<ClientAddress>();
        services.AddSingleton<RequestGate>();
        services.AddSingleton<ClientRules>();
        services.AddSingleton<PassRules>();
        services.AddSingleton<PassAccess>();
        services.AddSingleton<PassIssuer>();
        services.AddSingleton<BatchIssuer>();
        services.AddSingleton<CsvBatch>();
        services.AddSingleton<ScanLog>();
        services.AddSingleton<PassVerifier>();
        services.AddSingleton<PassExpirer>();
        services.AddSingleton<PersonalDataPurger>();
        services.AddSingleton<HolderData>();
        services.AddDocuments();
        services.AddScanner();
        services.AddPresence();
        services.AddStatistics();

        services.AddHostedService<StartupChecks>();
        services.AddSingleton<TableInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<TableInitializer>());
        services.AddHostedService(sp => sp.GetRequiredService<ScanLog>());
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AccessPmcJson.Default));
        return services;
    }

    /// <summary>Every options class bound and validated at start; failures name the setting (<see cref="StartupFailure"/>).</summary>
    private static void AddOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<AccessPmcOptions>, AccessPmcOptionsValidator>();
        services.AddSingleton<IValidateOptions<AccessPmcOptions>>(new PolicyValidator());
        services.AddOptions<AccessPmcOptions>().BindConfiguration(AccessPmcOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>>(new StorageOptionsValidator(configuration));
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .PostConfigure(o => o.ConnectionString = string.IsNullOrWhiteSpace(o.ConnectionString) ? configuration[StorageOptions.HostSetting] : o.ConnectionString)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateOnStart();

        // Read by ASP.NET Core's forwarded-headers middleware: the worker's own under the Functions host, SelfHost's otherwise.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxy) => ProxyOptions.ConfigureForwardedHeaders(o, proxy.Value));
    }

    /// <summary>
    /// For every options class (<see cref="SettingNames.OptionsTypes"/>, so a new one is covered): unknown names,
    /// unreadable values inside list items, duplicate identities (<see cref="SettingsShape"/>).
    /// </summary>
    private static void AddSettingsShapeChecks(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var type in SettingNames.OptionsTypes())
        {
            var check = Activator.CreateInstance(typeof(SettingsShape<>).MakeGenericType(type), configuration, SettingNames.Sections[type.Name])!;
            services.AddSingleton(typeof(IPostConfigureOptions<>).MakeGenericType(type), check);
        }
    }

    /// <summary>The signing key ring (from <c>Signing</c>), the codec and the offline checks with the configured clock skew.</summary>
    private static void AddPassFormat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section).ValidateOnStart();
        services.AddSingleton(sp => SigningKeyRing.Load(
            sp.GetRequiredService<IOptions<SigningOptions>>().Value,
            IsDevelopment(sp, configuration),
            (key, path) => sp.GetRequiredService<ILoggerFactory>().CreateLogger<SigningKeyRing>()
                .LogWarning("Development: generated signing key {KeyId} at {Path}; configure Signing__Keys for production", key.KeyId, path)));
        services.AddSingleton<PassCodec>();
        services.AddSingleton(sp => new OfflineVerifier(sp.GetRequiredService<PassCodec>(), sp.GetRequiredService<IOptions<AccessPmcOptions>>().Value.ClockSkew));
    }

    private static bool IsDevelopment(IServiceProvider sp, IConfiguration configuration) =>
        sp.GetService<IHostEnvironment>()?.IsDevelopment() == true
        || string.Equals(configuration[SettingNames.Environment], Environments.Development, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Every check before the host starts: settings (options validation, timer schedules, signing keys,
/// configured API clients), then storage (the tables). Both hosts call <see cref="RunAsync"/> first, so
/// an error reaches them as an exception they report in one line, before the generic host logs its own
/// "Hosting failed to start" with a stack trace.
/// </summary>
public sealed class StartupChecks(IServiceProvider services) : IHostedService
{
    /// <exception cref="SettingsException">A key, client or schedule setting (several: an <see cref="AggregateException"/>).</exception>
    /// <exception cref="OptionsValidationException">Options validation (or an <see cref="AggregateException"/> of several).</exception>
    public static void Run(IServiceProvider services)
    {
        services.GetService<IStartupValidator>()?.Validate();
        TimerSchedules.Check(services.GetRequiredService<IConfiguration>());
        services.GetRequiredService<SigningKeyRing>();
        services.GetRequiredService<Authenticator>();
    }

    /// <summary><see cref="Run"/>, then the tables created (once: the hosted service that also does it then finds them done).</summary>
    /// <exception cref="StorageUnreachableException">Storage did not answer: a failure that may pass.</exception>
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        Run(services);
        await services.GetRequiredService<TableInitializer>().EnsureCreatedAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Run(services);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
