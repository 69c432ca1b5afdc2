using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Configuration;

/// <summary>
/// What the configuration binder lets through without a word, checked against the settings as written
/// for one options class: a name it does not know (a typo is ignored), a value inside a list item it
/// cannot convert (the binder drops the whole item: <c>AccessPmc__Sites__0__Capacity=lots</c> lost site
/// PMC), and two list items with the same identity (<see cref="UniqueInListAttribute"/>). A post-configure
/// step, so these refusals come before the bound object is validated: its lists may lack a dropped item,
/// and the other checks would then name the wrong settings.
/// </summary>
internal sealed class SettingsShape<T>(IConfiguration configuration, string section) : IPostConfigureOptions<T>
    where T : class
{
    public void PostConfigure(string? name, T options)
    {
        var failures = SettingsShape.Check(configuration.GetSection(section), typeof(T)).ToList();
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(name ?? Options.DefaultName, typeof(T), failures);
        }
    }
}

internal static class SettingsShape
{
    /// <summary>Every problem under <paramref name="section"/>, bound to <paramref name="type"/>, each line starting with its setting.</summary>
    public static IEnumerable<string> Check(IConfigurationSection section, Type type)
    {
        var properties = Settable(type);
        foreach (var child in section.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                // An empty value is an unset setting (the development sample lists many), misspelt or not.
                if (HasValue(child))
                {
                    yield return Unknown(child, type, properties.Values);
                }

                continue;
            }

            foreach (var failure in CheckValue(child, property.PropertyType))
            {
                yield return failure;
            }
        }
    }

    /// <summary>Properties the binder sets, as the settings completeness test lists them (public setter).</summary>
    public static Dictionary<string, PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod?.IsPublic == true && p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public static bool IsLeaf(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan)
        || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(Uri) || t == typeof(Guid);

    private static IEnumerable<string> CheckValue(IConfigurationSection section, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsLeaf(type))
        {
            return section.GetChildren().Where(HasValue)
                .Select(c => $"{Name(c)}: unknown setting; {Name(section)} is a single value, with no settings under it.");
        }

        if (typeof(IDictionary).IsAssignableFrom(type))
        {
            return [];
        }

        return ItemType(type) is { } item ? CheckList(section, item) : Check(section, type);
    }

    private static IEnumerable<string> CheckList(IConfigurationSection list, Type item)
    {
        var items = list.GetChildren().ToList();
        foreach (var entry in items)
        {
            if (IsLeaf(Nullable.GetUnderlyingType(item) ?? item))
            {
                foreach (var failure in CheckValue(entry, item))
                {
                    yield return failure;
                }

                continue;
            }

            // The binder swallows a conversion error inside a list item and drops the item; bound alone, it throws.
            string? unreadable = null;
            try
            {
                entry.Get(item);
            }
            catch (InvalidOperationException e)
            {
                unreadable = StartupFailure.Unreadable(e.Message);
            }

            if (unreadable is not null)
            {
                yield return unreadable;
            }

            foreach (var failure in Check(entry, item))
            {
                yield return failure;
            }
        }

        foreach (var property in item.GetProperties().Where(p => p.IsDefined(typeof(UniqueInListAttribute))))
        {
            foreach (var failure in Duplicates(list, items, property.Name))
            {
                yield return failure;
            }
        }
    }

    /// <summary>The second (third…) item with a value already used, naming both settings.</summary>
    private static IEnumerable<string> Duplicates(IConfigurationSection list, List<IConfigurationSection> items, string property) =>
        items.Select(i => i.GetSection(property)).Where(s => !string.IsNullOrWhiteSpace(s.Value))
            .GroupBy(s => s.Value!.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(later =>
                $"{Name(later)}: '{later.Value}' is already {Name(g.First())}; each item of {Name(list)} needs its own {property}."));

    private static string Unknown(IConfigurationSection setting, Type owner, IEnumerable<PropertyInfo> known)
    {
        var name = Name(setting);
        if (Retired.TryGetValue((owner, setting.Key), out var hint))
        {
            return $"{name}: {hint}";
        }

        if (owner == typeof(KindPolicies))
        {
            var kinds = KindPolicies.SettingNames;
            return kinds.TryGetValue(setting.Key.ToLowerInvariant(), out var kind)
                ? $"{name}: set the kind {setting.Key} as {name[..^setting.Key.Length]}{kind}__MaxValidity (and __AllowedHours); an environment variable name cannot contain '-'."
                : $"{name}: no such kind; the kinds are {string.Join(", ", kinds.Values)}.";
        }

        var names = known.Select(p => p.Name).ToList();
        var close = names.Where(n => Distance(n.ToLowerInvariant(), setting.Key.ToLowerInvariant()) <= 2).ToList();
        var parent = name[..^(setting.Key.Length + 2)];
        return close.Count == 1
            ? $"{name}: unknown setting; did you mean {parent}__{close[0]}?"
            : $"{name}: unknown setting; {parent} takes {string.Join(", ", names)} (local.settings.sample.json lists every setting).";
    }

    /// <summary>Settings that were renamed: the old name is refused with the new one, not ignored.</summary>
    private static readonly Dictionary<(Type, string), string> Retired = new()
    {
        // DailyCapacity was never enforced; Capacity means something else (people inside at once), so it is not carried over.
        [(typeof(SiteOptions), "DailyCapacity")] = "DailyCapacity was replaced by Capacity (people inside at once, e.g. AccessPmc__Sites__0__Capacity); rename the setting.",
    };

    private static Type? ItemType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;

    private static bool HasValue(IConfigurationSection section) =>
        !string.IsNullOrWhiteSpace(section.Value) || section.GetChildren().Any(HasValue);

    private static string Name(IConfigurationSection section) => SettingNames.FromConfigurationPath(section.Path);

    /// <summary>Edit distance, for "did you mean": a typo is one or two letters off.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }
}

/// <summary>A list item's identity (a site's code, a client's id): two items with the same value are refused at start.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class UniqueInListAttribute : Attribute;
