using System.ComponentModel;

namespace SessionAuth.Infrastructure;

/// <summary>
/// Declares session data types that nothing can change once they are read, so that requests carrying the same cookie
/// can share one deserialised object instead of reading it from JSON on every request.
/// </summary>
/// <remarks>
/// <para>
/// Called by generated code, from a module initializer, for each <see cref="SessionDataAttribute"/> type the generator
/// found deeply immutable: a sealed class whose properties have no setter (or an <c>init</c> one) and whose fields are
/// read-only, all of strings, numbers, enums, dates, <c>Guid</c>s, immutable collections or other such types. A type
/// with a <c>string[]</c>, a <c>List&lt;T&gt;</c> or a settable property is not declared and keeps its per-request read.
/// Not meant to be called directly: declaring a type that can change lets one request see another's changes.
/// </para>
/// <para>Only sealed cookies share data; sessions kept in a server-side store are read from it on every request.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ImmutableSessionData
{
    /// <summary>Declares <typeparamref name="T"/> immutable.</summary>
    /// <typeparam name="T">The session data type.</typeparam>
    public static void Declare<T>()
        where T : class =>
        Declared<T>.Value = true;

    /// <summary>Whether <typeparamref name="T"/> was declared immutable.</summary>
    internal static bool IsDeclared<T>()
        where T : class =>
        Declared<T>.Value;

    private static class Declared<T>
    {
        public static volatile bool Value;
    }
}
