using System.ComponentModel.DataAnnotations;

namespace AccessPmc.Functions.Configuration;

/// <summary>
/// <see cref="RangeAttribute"/> under another name, for options validated by the source generator: for
/// <c>[Range]</c> it emits a copy of its own whose message ignores <c>ErrorMessage</c> ("The field
/// AccessPmcOptions.MaxPageSize must be between 1 and 1000."), while a derived attribute is used as written.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class SettingRangeAttribute : RangeAttribute
{
    public SettingRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    public SettingRangeAttribute(Type type, string minimum, string maximum)
        : base(type, minimum, maximum)
    {
    }
}
