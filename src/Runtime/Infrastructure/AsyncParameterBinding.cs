using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace SessionAuth.Infrastructure;

/// <summary>
/// How one server function parameter gets its value from its type's own static <c>BindAsync</c> (or
/// <see cref="IBindableFromHttpContext{TSelf}"/>), as a minimal API binds it; built once at startup by generated code.
/// </summary>
/// <typeparam name="T">The parameter type.</typeparam>
/// <remarks>Used by generated server functions; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class AsyncParameterBinding<T>
{
    private protected AsyncParameterBinding(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The parameter name.</summary>
    internal string Name { get; }

    /// <summary>The bound value; a failure (a required value that <c>BindAsync</c> did not give) is recorded in <paramref name="arguments"/>.</summary>
    internal abstract ValueTask<T> BindAsync(ServerFunctionArguments arguments);
}

/// <content>The bindings of types that bind themselves from the request (<c>BindAsync</c>), and what their binders need.</content>
public static partial class ParameterBinding
{
    /// <summary>A class that binds itself (<c>static ValueTask&lt;T?&gt; BindAsync(...)</c>); a <see langword="null"/> result is a 400 naming the parameter.</summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="bindAsync">The type's <c>BindAsync</c>, as a binder of the request.</param>
    /// <returns>The binding.</returns>
    public static AsyncParameterBinding<T> BindAsyncClass<T>(string name, Func<HttpContext, ValueTask<T?>> bindAsync)
        where T : class =>
        new BindAsyncBinding<T?, T>(name, bindAsync, isRequired: true, static value => value!);

    /// <summary>A nullable class that binds itself; a <see langword="null"/> result binds <see langword="null"/>.</summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="bindAsync">The type's <c>BindAsync</c>, as a binder of the request.</param>
    /// <returns>The binding.</returns>
    public static AsyncParameterBinding<T?> NullableBindAsyncClass<T>(string name, Func<HttpContext, ValueTask<T?>> bindAsync)
        where T : class =>
        new BindAsyncBinding<T?, T?>(name, bindAsync, isRequired: false, static value => value);

    /// <summary>
    /// A struct that binds itself; a <see langword="null"/> result (a <c>BindAsync</c> that returns <c>ValueTask&lt;T?&gt;</c>)
    /// is a 400 naming the parameter when it is required, else <c>default(T)</c>.
    /// </summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="bindAsync">The type's <c>BindAsync</c>, as a binder of the request.</param>
    /// <param name="isRequired">Whether a <see langword="null"/> result is an error.</param>
    /// <returns>The binding.</returns>
    public static AsyncParameterBinding<T> BindAsyncStruct<T>(string name, Func<HttpContext, ValueTask<T?>> bindAsync, bool isRequired)
        where T : struct =>
        new BindAsyncBinding<T?, T>(name, bindAsync, isRequired, static value => value.GetValueOrDefault());

    /// <summary>A nullable struct that binds itself; a <see langword="null"/> result binds <see langword="null"/>.</summary>
    /// <typeparam name="T">The underlying struct.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="bindAsync">The type's <c>BindAsync</c>, as a binder of the request.</param>
    /// <returns>The binding.</returns>
    public static AsyncParameterBinding<T?> NullableBindAsyncStruct<T>(string name, Func<HttpContext, ValueTask<T?>> bindAsync)
        where T : struct =>
        new BindAsyncBinding<T?, T?>(name, bindAsync, isRequired: false, static value => value);

    /// <summary>
    /// A <c>static ValueTask&lt;T&gt; BindAsync(HttpContext, ParameterInfo)</c> as a binder of the request: it gets the
    /// server function's own parameter, found once at startup (<see cref="ParametersOf"/>), as a minimal API passes it.
    /// </summary>
    /// <typeparam name="T">The type <c>BindAsync</c>'s task gives.</typeparam>
    /// <param name="bindAsync">The type's <c>BindAsync</c>.</param>
    /// <param name="parameter">The server function's parameter.</param>
    /// <returns>The binder.</returns>
    public static Func<HttpContext, ValueTask<T>> WithParameter<T>(Func<HttpContext, ParameterInfo, ValueTask<T>> bindAsync, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(bindAsync);
        ArgumentNullException.ThrowIfNull(parameter);
        return httpContext => bindAsync(httpContext, parameter);
    }

    /// <summary>
    /// The <see cref="IBindableFromHttpContext{TSelf}.BindAsync"/> of <typeparamref name="T"/> (declared explicitly or
    /// not) as a binder of the request, with the server function's own parameter.
    /// </summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="parameter">The server function's parameter.</param>
    /// <returns>The binder.</returns>
    public static Func<HttpContext, ValueTask<T?>> FromHttpContext<T>(ParameterInfo parameter)
        where T : class, IBindableFromHttpContext<T>
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return httpContext => T.BindAsync(httpContext, parameter);
    }

    /// <summary>A struct's binder that always gives a value, as a binder of its nullable form.</summary>
    /// <typeparam name="T">The struct.</typeparam>
    /// <param name="bindAsync">The type's <c>BindAsync</c>, as a binder of the request.</param>
    /// <returns>The binder.</returns>
    public static Func<HttpContext, ValueTask<T?>> AsNullable<T>(Func<HttpContext, ValueTask<T>> bindAsync)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(bindAsync);
        return httpContext =>
        {
            var bound = bindAsync(httpContext);
            return bound.IsCompletedSuccessfully ? new ValueTask<T?>(bound.Result) : AwaitNullable(bound);
        };

        static async ValueTask<T?> AwaitNullable(ValueTask<T> bound) => await bound.ConfigureAwait(false);
    }

    /// <summary>
    /// The parameters of the server function <paramref name="methodName"/>, found once at startup by their exact types,
    /// for a <c>BindAsync</c> that takes its <see cref="ParameterInfo"/>, as minimal APIs pass it.
    /// </summary>
    /// <param name="declaringType">The type that declares the server function.</param>
    /// <param name="methodName">The server function's method.</param>
    /// <param name="parameterTypes">The types of every parameter of the method, in order.</param>
    /// <returns>The method's parameters.</returns>
    public static ParameterInfo[] ParametersOf(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] Type declaringType,
        string methodName,
        params Type[] parameterTypes)
    {
        ArgumentNullException.ThrowIfNull(declaringType);
        ArgumentNullException.ThrowIfNull(parameterTypes);
        const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.ExactBinding;
        var method = declaringType.GetMethod(methodName, Declared, parameterTypes)
            ?? throw new InvalidOperationException($"The server function {declaringType}.{methodName}({string.Join(", ", parameterTypes.Select(static t => t.Name))}) was not found; generated code and the compiled method disagree.");
        return method.GetParameters();
    }

    /// <summary>
    /// Awaits the binder and unwraps its result: <see langword="null"/> is a failure naming the parameter when it is
    /// required, else the parameter type's default.
    /// </summary>
    private sealed class BindAsyncBinding<TBound, T>(string name, Func<HttpContext, ValueTask<TBound>> bindAsync, bool isRequired, Func<TBound, T> unwrap)
        : AsyncParameterBinding<T>(name)
    {
        private readonly Func<HttpContext, ValueTask<TBound>> _bindAsync = bindAsync ?? throw new ArgumentNullException(nameof(bindAsync));

        internal override async ValueTask<T> BindAsync(ServerFunctionArguments arguments)
        {
            var bound = await _bindAsync(arguments.HttpContext).ConfigureAwait(false);
            if (bound is not null)
            {
                return unwrap(bound);
            }

            if (isRequired)
            {
                arguments.Fail(Name, $"The argument '{Name}' is required: {TypeName<T>()}.BindAsync gave no value.");
            }

            return default!;
        }
    }
}
