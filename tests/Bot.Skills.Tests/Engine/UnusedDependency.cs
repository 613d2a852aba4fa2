using System.Reflection;

namespace Bot.Skills.Tests.Engine;

/// <summary>
/// Stands in for a dependency the engine tests never reach (the booking and event stores behind skills whose
/// matching needs no store): resolving it works, calling it fails loudly.
/// </summary>
public class UnusedDependency : DispatchProxy
{
    public static T Create<T>() where T : class => DispatchProxy.Create<T, UnusedDependency>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new NotSupportedException($"{targetMethod?.DeclaringType?.Name}.{targetMethod?.Name} is not faked in the engine test kit.");
}
