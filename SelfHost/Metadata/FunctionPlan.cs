using System.Reflection;
using AccessPmc.SelfHost.Http;
using NCrontab;

namespace AccessPmc.SelfHost.Metadata;

/// <summary>What SelfHost will serve, in metadata order: everything in it was checked before the server starts.</summary>
public sealed record FunctionPlan(IReadOnlyList<HttpFunction> Http, IReadOnlyList<TimerFunction> Timers);

public enum ArgumentKind
{
    HttpRequest,
    CancellationToken,
    TimerInfo,
    RouteValue,
}

public sealed record Argument(ArgumentKind Kind, string Name, Type Type);

/// <summary>The method to call and how to fill each of its parameters.</summary>
public sealed record FunctionTarget(Type Class, MethodInfo Method, IReadOnlyList<Argument> Arguments);

/// <param name="Methods">Upper-case HTTP methods; null accepts any method, as the host does.</param>
public sealed record HttpFunction(string Name, HttpRoute Route, IReadOnlyList<string>? Methods, FunctionTarget Target)
{
    public bool Accepts(string method) => Methods is null || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);
}

/// <param name="Schedule">The expression after <c>%Setting%</c> resolution.</param>
public sealed record TimerFunction(string Name, string Schedule, CrontabSchedule Cron, bool RunOnStartup, FunctionTarget Target);
