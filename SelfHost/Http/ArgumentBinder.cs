using System.Globalization;
using AccessPmc.SelfHost.Metadata;
using Microsoft.Azure.Functions.Worker;

namespace AccessPmc.SelfHost.Http;

/// <summary>The few parameter types SelfHost binds; anything else is refused at start, never guessed.</summary>
public static class ArgumentBinder
{
    public static ArgumentKind? KindOf(Type type) =>
        type == typeof(HttpRequest) ? ArgumentKind.HttpRequest
        : type == typeof(CancellationToken) ? ArgumentKind.CancellationToken
        : type == typeof(TimerInfo) ? ArgumentKind.TimerInfo
        : type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(Guid) ? ArgumentKind.RouteValue
        : null;

    /// <summary>Arguments for an HTTP invocation; null names the route value that did not parse.</summary>
    public static object?[]? ForHttp(FunctionTarget target, HttpContext context, RouteValueDictionary values, out string? unparsed)
    {
        unparsed = null;
        var args = new object?[target.Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            var a = target.Arguments[i];
            switch (a.Kind)
            {
                case ArgumentKind.HttpRequest:
                    args[i] = context.Request;
                    break;
                case ArgumentKind.CancellationToken:
                    args[i] = context.RequestAborted;
                    break;
                default:
                    var raw = values.TryGetValue(a.Name, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
                    if (!TryParse(raw, a.Type, out args[i]))
                    {
                        unparsed = a.Name;
                        return null;
                    }

                    break;
            }
        }

        return args;
    }

    public static object?[] ForTimer(FunctionTarget target, TimerInfo timer, CancellationToken ct) =>
        target.Arguments.Select(a => a.Kind == ArgumentKind.TimerInfo ? timer : (object)ct).ToArray();

    private static bool TryParse(string? raw, Type type, out object? value)
    {
        value = null;
        if (type == typeof(string))
        {
            value = raw;
            return true;
        }

        if (raw is null)
        {
            return false;
        }

        var ok = type == typeof(int) ? int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && Set(i, out value)
            : type == typeof(long) ? long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && Set(l, out value)
            : Guid.TryParse(raw, out var g) && Set(g, out value);
        return ok;
    }

    private static bool Set<T>(T v, out object? value)
    {
        value = v;
        return true;
    }
}
