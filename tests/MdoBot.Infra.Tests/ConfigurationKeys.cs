using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MdoBot.Infra.Tests;

/// <summary>
/// The configuration keys MdoBot binds, read from the code: every options class of the MdoBot assemblies
/// (a class with a <c>Section</c> constant) that the real host binds from configuration, and its settable
/// properties of simple types (lists as <c>Key__N</c>). Keys are in environment-variable form (<c>Bot__AppId</c>).
/// </summary>
public static class ConfigurationKeys
{
    private static readonly Lazy<(IReadOnlyList<Type> Types, IReadOnlyList<Regex> Keys)> Bound = new(Read);

    public static IReadOnlyList<Type> OptionsTypes => Bound.Value.Types;

    public static bool IsBound(string appSetting) => Bound.Value.Keys.Any(k => k.IsMatch(appSetting));

    public static IEnumerable<Type> OptionsClasses() =>
        new[] { typeof(Program).Assembly }
            .Concat(typeof(Program).Assembly.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("MdoBot.", StringComparison.Ordinal)).Select(Assembly.Load))
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });

    private static (IReadOnlyList<Type>, IReadOnlyList<Regex>) Read()
    {
        var dir = Directory.CreateTempSubdirectory("mdobot-keys-").FullName;
        try
        {
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
                b.UseSetting("Storage:SqlitePath", Path.Combine(dir, "mdobot.db")));
            var bound = OptionsClasses().Where(t => IsBoundByHost(factory.Services, t)).ToList();
            var keys = bound.SelectMany(t => KeysOf((string)t.GetField("Section")!.GetRawConstantValue()!, t)).ToList();
            return (bound, keys);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>True when the host registered a configuration binding for <paramref name="type"/> (Configure/Bind).</summary>
    private static bool IsBoundByHost(IServiceProvider services, Type type)
    {
        var configure = services.GetServices(typeof(IConfigureOptions<>).MakeGenericType(type));
        var binder = typeof(NamedConfigureFromConfigurationOptions<>).MakeGenericType(type);
        return configure.Any(c => c is not null && binder.IsInstanceOfType(c));
    }

    private static IEnumerable<Regex> KeysOf(string section, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var name = Regex.Escape($"{section}__{property.Name}");
            if (IsSimple(property.PropertyType))
            {
                yield return new Regex($"^{name}$", RegexOptions.CultureInvariant);
            }
            else if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericArguments() is [var item] && IsSimple(item)
                && typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                yield return new Regex($"^{name}__[0-9]+$", RegexOptions.CultureInvariant);
            }
        }
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(Uri) || type == typeof(decimal);
    }
}
