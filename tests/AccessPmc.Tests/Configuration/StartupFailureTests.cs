using AccessPmc.Functions;
using AccessPmc.Functions.Configuration;
using AccessPmc.Functions.Storage;
using AccessPmc.PassFormat;
using Microsoft.Extensions.Options;

namespace AccessPmc.Tests.Configuration;

/// <summary>How both hosts word a failed start: settings errors in the operator's names, one line, exit 2; the rest exit 1.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public void SeveralValidationFailuresAreOneLineOfSettingNames()
    {
        var error = new AggregateException(
            new OptionsValidationException("", typeof(AccessPmcOptions), ["Code: The field AccessPmcOptions.Sites[2].Code must match the regular expression 'x'."]),
            new SettingsException("Auth__Clients__0__Role", "'root' is not a role."));

        var failure = StartupFailure.From(error);

        Assert.Equal((true, 2), (failure.IsRefusal, failure.ExitCode));
        Assert.Equal("AccessPmc__Sites__2__Code: The field AccessPmc__Sites__2__Code must match the regular expression 'x'.; Auth__Clients__0__Role: 'root' is not a role.", failure.Line);
    }

    [Fact]
    public void AValueTheBinderCannotConvertIsNamedWithoutRepeatingIt()
    {
        var failure = StartupFailure.From(new InvalidOperationException("Failed to convert configuration value 's3cret' at 'Auth:Burst' to type 'System.Int32'."));

        Assert.Equal((true, "Auth__Burst: cannot be read as a whole number (digits only, e.g. 1500)."), (failure.IsRefusal, failure.Line));
    }

    [Fact]
    public void ALineThatAlreadyStartsWithASettingReadByNameIsKept()
    {
        var failure = StartupFailure.From(new OptionsValidationException("", typeof(StorageOptions), ["AzureWebJobsStorage: not set; (Storage__ConnectionString, when set, is used instead)."]));

        Assert.Equal("AzureWebJobsStorage: not set; (Storage__ConnectionString, when set, is used instead).", failure.Line);
    }

    [Fact]
    public void AReflectionDataAnnotationMessageIsUnwrapped()
    {
        var failure = StartupFailure.From(new OptionsValidationException("", typeof(StorageOptions),
            ["DataAnnotation validation failed for 'DocumentOptions' members: 'Organization' with the error: 'DocumentOptions.Organization: required.'."]));

        Assert.Equal("Documents__Organization: required.", failure.Line);
    }

    [Fact]
    public void StorageNotAnsweringIsAFailureInItsOwnWords()
    {
        var failure = StartupFailure.From(new StorageUnreachableException("AzureWebJobsStorage: table storage at http://127.0.0.1:1/x is unreachable (Connection refused).", new IOException()));

        Assert.Equal((false, "AzureWebJobsStorage: table storage at http://127.0.0.1:1/x is unreachable (Connection refused)."), (failure.IsRefusal, failure.Line));
    }

    [Fact]
    public void AnythingElseIsAFailureWorthARestart()
    {
        var failure = StartupFailure.From(new IOException("Failed to bind to address http://127.0.0.1:7071: address already in use.\nmore"));

        Assert.Equal((false, 1), (failure.IsRefusal, failure.ExitCode));
        Assert.Equal("IOException: Failed to bind to address http://127.0.0.1:7071: address already in use. more", failure.Line);
    }
}
