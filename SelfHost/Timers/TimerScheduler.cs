using System.Collections.Concurrent;
using AccessPmc.SelfHost.Http;
using AccessPmc.SelfHost.Metadata;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.SelfHost.Timers;

/// <summary>
/// Fires each timer function on its schedule, one loop per function, so one invocation at a time per
/// function. Occurrences missed while a run lasted (or the machine slept) collapse into a single run
/// marked IsPastDue. Time comes from the DI <see cref="TimeProvider"/>, so tests can drive it.
/// </summary>
public sealed class TimerScheduler(FunctionPlan plan, TimerClock clock, TimeProvider time, IServiceScopeFactory scopes, ILogger<TimerScheduler> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, int> runs = new();
    private readonly List<Task> loops = [];

    /// <summary>Completed invocations per function (failed ones included), so tests can wait for a run instead of racing it.</summary>
    public int RunCount(string function) => runs.GetValueOrDefault(function);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var timer in plan.Timers)
        {
            // The first occurrence is fixed here, before start returns, so a clock moved later still finds it due.
            var first = clock.NextAfter(timer, time.GetUtcNow());
            loops.Add(Task.Run(() => LoopAsync(timer, first, stopping.Token), CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await Task.WhenAll(loops).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => stopping.Dispose();

    private async Task LoopAsync(TimerFunction timer, DateTimeOffset next, CancellationToken stop)
    {
        DateTimeOffset? last = null;
        if (timer.RunOnStartup)
        {
            await InvokeAsync(timer, isPastDue: false, last, next, stop);
        }

        while (!stop.IsCancellationRequested)
        {
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var now = time.GetUtcNow();
            var following = clock.NextAfter(timer, now);
            var pastDue = clock.NextAfter(timer, next) <= now;
            await InvokeAsync(timer, pastDue, last, following, stop);
            last = next;
            next = following;
        }
    }

    private async Task InvokeAsync(TimerFunction timer, bool isPastDue, DateTimeOffset? last, DateTimeOffset next, CancellationToken stop)
    {
        var info = new TimerInfo
        {
            IsPastDue = isPastDue,
            ScheduleStatus = new ScheduleStatus
            {
                Last = last?.UtcDateTime ?? default,
                Next = next.UtcDateTime,
                LastUpdated = time.GetUtcNow().UtcDateTime,
            },
        };
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await Invocation.RunAsync(timer.Target, scope.ServiceProvider, ArgumentBinder.ForTimer(timer.Target, info, stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Timer function {Function} failed", timer.Name);
        }

        runs.AddOrUpdate(timer.Name, 1, (_, n) => n + 1);
    }
}
