using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using AccessPmc.SelfHost.Metadata;

namespace AccessPmc.SelfHost;

/// <summary>Calls a function the way the worker does: a fresh instance per invocation, from the invocation's scope.</summary>
public static class Invocation
{
    // Constructor lookup is reflection: do it once per function class, not once per request.
    private static readonly ConcurrentDictionary<Type, ObjectFactory> Factories = new();

    public static async Task<object?> RunAsync(FunctionTarget target, IServiceProvider scope, object?[] args)
    {
        var instance = target.Method.IsStatic ? null : Factories.GetOrAdd(target.Class, t => ActivatorUtilities.CreateFactory(t, Type.EmptyTypes))(scope, null);
        try
        {
            object? returned;
            try
            {
                returned = target.Method.Invoke(instance, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }

            return await Awaited(target.Method.ReturnType, returned);
        }
        finally
        {
            if (instance is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else if (instance is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }

    // The declared type says whether there is a result: an async Task method's runtime type is a Task<VoidTaskResult>.
    private static async Task<object?> Awaited(Type declared, object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                return declared.IsGenericType ? declared.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                if (declared.IsGenericType && declared.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)declared.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
                    await asTask;
                    return asTask.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(asTask);
                }

                return returned;
        }
    }
}
