using System.Reflection;
using AccessPmc.Contracts;
using AccessPmc.Functions.ApiDescription;
using AccessPmc.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AccessPmc.Tests.ApiDescription;

/// <summary>The roles the description names are the roles the function's gate admits: each function called with each role's key.</summary>
public sealed class DescribedRolesTests(AzuriteFixture azurite) : AppTests(azurite, "roles")
{
    private static readonly (Role Role, string Key)[] Keys = [(Role.Issuer, TestApp.IssuerKey), (Role.Scanner, TestApp.ScannerKey), (Role.Admin, TestApp.AdminKey)];

    private async Task<Reply> CallAsync(HttpFunction function, string? key)
    {
        var request = App.Request(function.Methods[0].ToUpperInvariant(), "/" + function.Route.Replace("{*path}", "probe", StringComparison.Ordinal), key: key);
        var target = ActivatorUtilities.CreateInstance(App.Services, function.Method.DeclaringType!);
        var arguments = function.Method.GetParameters().Select(p => p.ParameterType == typeof(HttpRequest) ? request : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : (object)"probe").ToArray();
        var returned = function.Method.Invoke(target, arguments);
        if (returned is Task task)
        {
            await task;
            returned = task.GetType().GetProperty("Result", BindingFlags.Public | BindingFlags.Instance)!.GetValue(task);
        }

        return await TestApp.ExecuteAsync(request, (IResult)returned!);
    }

    [Fact]
    public async Task EveryGatedFunctionRefusesExactlyTheRolesItsDescriptionLeavesOut()
    {
        var gated = HttpFunctions.In(typeof(OpenApiFunction).Assembly).Where(f => f.Description is { Roles: not Role.None }).ToList();
        Assert.True(gated.Count > 20, $"{gated.Count} gated functions");

        foreach (var function in gated)
        {
            foreach (var (role, key) in Keys)
            {
                var reply = await CallAsync(function, key);
                var refused = reply.Status == 403 && reply.ProblemCode() == ErrorCodes.Forbidden && reply.Body.Contains("role", StringComparison.Ordinal);
                Assert.True(refused != function.Description!.Roles.HasFlag(role), $"{function.Name} as {role}: {reply.Status} {reply.Body}");
            }
        }
    }

    [Fact]
    public async Task FunctionsDescribedAsAnonymousAnswerWithoutAKey()
    {
        var open = HttpFunctions.In(typeof(OpenApiFunction).Assembly).Where(f => f.Description is { Roles: Role.None }).ToList();

        Assert.Equal(["ConsoleApp", "GetOpenApi", "Health", "ScannerApp"], open.Select(f => f.Name).Order());
        foreach (var function in open)
        {
            Assert.NotEqual(401, (await CallAsync(function, null)).Status);
        }
    }
}
