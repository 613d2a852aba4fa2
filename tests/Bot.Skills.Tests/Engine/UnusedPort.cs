using System.Reflection;

namespace Bot.Skills.Tests.Engine;

/// <summary>
/// Stands in for a port the engine's constructors need but a test never uses (e.g. the booking store in a
/// complaint test): any call fails loudly, so a test that does need it must provide a real double.
/// </summary>
public class UnusedPort : DispatchProxy
{
    public static T Create<T>()
        where T : class => DispatchProxy.Create<T, UnusedPort>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new NotSupportedException($"{targetMethod?.DeclaringType?.Name}.{targetMethod?.Name} is not available in this test.");
}
