namespace System.Diagnostics.CodeAnalysis;

// netstandard2.0 lacks the nullable-flow attributes; the compiler reads this one by name.
[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class NotNullWhenAttribute(bool returnValue) : Attribute
{
    public bool ReturnValue { get; } = returnValue;
}
