using System.Reflection;
using AccessPmc.Functions.Configuration;
using AccessPmc.SelfHost.Http;
using NCrontab;

namespace AccessPmc.SelfHost.Metadata;

/// <summary>
/// Turns functions.metadata into a <see cref="FunctionPlan"/>, or refuses with one line naming the
/// function and the reason. Pure: no server, no I/O, so every refusal is testable on crafted metadata.
/// SelfHost refuses whatever it could not reproduce faithfully rather than serve it differently from the host.
/// </summary>
public static class FunctionPlanner
{
    public static FunctionPlan Plan(IReadOnlyList<FunctionMetadata> functions, Assembly assembly, string routePrefix, Func<string, string?> setting)
    {
        var http = new List<HttpFunction>();
        var timers = new List<TimerFunction>();
        foreach (var function in functions)
        {
            var trigger = Trigger(function);
            var target = Target(function, assembly);
            switch (trigger.Type.ToLowerInvariant())
            {
                case "httptrigger":
                    http.Add(PlanHttp(function, trigger, target, routePrefix));
                    break;
                case "timertrigger":
                    timers.Add(PlanTimer(function, trigger, target, setting));
                    break;
                default:
                    throw Refuse(function, $"trigger type '{trigger.Type}' is not supported (SelfHost runs httpTrigger and timerTrigger only).");
            }
        }

        RouteOverlap.Check(http);
        return new FunctionPlan(http, timers);
    }

    public static SelfHostStartupException Refuse(FunctionMetadata function, string reason) => Refuse(function.Name, reason);

    public static SelfHostStartupException Refuse(string function, string reason) => new($"Function '{function}': {reason}");

    private static BindingMetadata Trigger(FunctionMetadata function)
    {
        var triggers = function.Bindings.Where(b => b.IsTrigger).ToList();
        if (triggers.Count != 1)
        {
            throw Refuse(function, $"expected exactly one trigger binding, found {triggers.Count}.");
        }

        // The only other binding the host would honour here is the HTTP response ($return of type http).
        var other = function.Bindings.FirstOrDefault(b => !b.IsTrigger && !(b.Name == "$return" && b.Type.Equals("http", StringComparison.OrdinalIgnoreCase)));
        if (other is not null)
        {
            throw Refuse(function, $"binding '{other.Name}' of type '{other.Type}' is not supported.");
        }

        return triggers[0];
    }

    private static FunctionTarget Target(FunctionMetadata function, Assembly assembly)
    {
        var expected = assembly.GetName().Name + ".dll";
        if (function.ScriptFile is { } script && !Path.GetFileName(script).Equals(expected, StringComparison.OrdinalIgnoreCase))
        {
            throw Refuse(function, $"scriptFile '{script}' is not the loaded assembly {expected}.");
        }

        var dot = function.EntryPoint.LastIndexOf('.');
        var type = dot > 0 ? assembly.GetType(function.EntryPoint[..dot]) : null;
        var candidates = type?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == function.EntryPoint[(dot + 1)..]).ToList() ?? [];
        if (candidates.Count != 1)
        {
            throw Refuse(function, $"entryPoint '{function.EntryPoint}' does not name exactly one public method in {expected}.");
        }

        return new FunctionTarget(type!, candidates[0], []);
    }

    private static HttpFunction PlanHttp(FunctionMetadata function, BindingMetadata trigger, FunctionTarget target, string routePrefix)
    {
        if (!string.Equals(trigger.AuthLevel ?? "Function", "Anonymous", StringComparison.OrdinalIgnoreCase))
        {
            throw Refuse(function, $"auth level '{trigger.AuthLevel ?? "Function"}' is not supported (SelfHost has no function keys; use Anonymous and the app's own API keys).");
        }

        // The host uses the function name when a trigger declares no route.
        var template = string.Join('/', new[] { routePrefix.Trim('/'), (trigger.Route ?? function.Name).Trim('/') }.Where(s => s.Length > 0));
        HttpRoute route;
        try
        {
            route = HttpRoute.Compile(template);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw Refuse(function, $"route '{template}' is not valid: {e.Message}");
        }

        var methods = trigger.Methods is { Count: > 0 } m ? m.Select(x => x.ToUpperInvariant()).ToList() : null;
        var arguments = Arguments(function, target.Method, ArgumentKind.HttpRequest, route.ParameterNames);
        CheckReturn(function, target.Method, http: true);
        return new HttpFunction(function.Name, route, methods, target with { Arguments = arguments });
    }

    private static TimerFunction PlanTimer(FunctionMetadata function, BindingMetadata trigger, FunctionTarget target, Func<string, string?> setting)
    {
        var schedule = trigger.Schedule ?? throw Refuse(function, "the timer trigger has no schedule.");
        CrontabSchedule cron;
        if (schedule.Length > 2 && schedule.StartsWith('%') && schedule.EndsWith('%'))
        {
            // A schedule from a setting is refused naming the setting, as the app itself does under the Functions host.
            var name = schedule[1..^1];
            schedule = setting(name) ?? "";
            cron = TimerSchedules.Parse(name, schedule);
        }
        else
        {
            var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (fields != 6)
            {
                throw Refuse(function, $"schedule '{schedule}' has {fields} fields; SelfHost needs a 6-field NCRONTAB expression (with seconds), e.g. '0 */5 * * * *'.");
            }

            cron = CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
                ?? throw Refuse(function, $"schedule '{schedule}' is not a valid NCRONTAB expression.");
        }

        var arguments = Arguments(function, target.Method, ArgumentKind.TimerInfo, []);
        CheckReturn(function, target.Method, http: false);
        return new TimerFunction(function.Name, schedule, cron, trigger.RunOnStartup, target with { Arguments = arguments });
    }

    private static List<Argument> Arguments(FunctionMetadata function, MethodInfo method, ArgumentKind triggerKind, IReadOnlyCollection<string> routeValues)
    {
        var arguments = new List<Argument>();
        foreach (var p in method.GetParameters())
        {
            var kind = ArgumentBinder.KindOf(p.ParameterType);
            var name = p.Name ?? "";
            if (kind == ArgumentKind.RouteValue && !routeValues.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                kind = null;
            }

            if (kind is null || (kind is ArgumentKind.HttpRequest or ArgumentKind.TimerInfo && kind != triggerKind))
            {
                throw Refuse(function, $"parameter '{name}' of type {p.ParameterType.Name} cannot be bound (SelfHost binds HttpRequest, CancellationToken, TimerInfo and route values of type string, int, long or Guid).");
            }

            arguments.Add(new Argument(kind.Value, name, p.ParameterType));
        }

        if (!arguments.Any(a => a.Kind == triggerKind))
        {
            throw Refuse(function, $"the method takes no {(triggerKind == ArgumentKind.HttpRequest ? "HttpRequest" : "TimerInfo")} parameter.");
        }

        return arguments;
    }

    private static void CheckReturn(FunctionMetadata function, MethodInfo method, bool http)
    {
        var result = Writer.ResultType(method.ReturnType);
        var ok = http ? result is not null && Writer.CanWrite(result) : result is null;
        if (!ok)
        {
            throw Refuse(function, http
                ? $"return type {method.ReturnType.Name} cannot be written (SelfHost writes IResult and IActionResult, optionally in Task/ValueTask)."
                : $"return type {method.ReturnType.Name} is not supported for a timer (use void, Task or ValueTask).");
        }
    }
}
