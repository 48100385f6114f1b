using System.Collections.ObjectModel;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace SessionAuth.OpenApi;

/// <summary>
/// The model metadata ApiExplorer's consumers expect beside a described type: the type alone, every MVC model binding,
/// display and validation feature absent (server functions bind by their generated code, not by model binders), so
/// that nothing here reflects over the type.
/// </summary>
internal sealed class DescribedModelMetadata(Type type) : ModelMetadata(ModelMetadataIdentity.ForType(type))
{
    private static readonly IReadOnlyDictionary<object, object> NoValues = ReadOnlyDictionary<object, object>.Empty;

    public static DescribedModelMetadata For(Type type) => new(type);

    public override IReadOnlyDictionary<object, object> AdditionalValues => NoValues;

    public override string? BinderModelName => null;

    public override Type? BinderType => null;

    public override BindingSource? BindingSource => null;

    public override bool ConvertEmptyStringToNull => false;

    public override string? DataTypeName => null;

    public override string? Description => null;

    public override string? DisplayFormatString => null;

    public override string? DisplayName => null;

    public override string? EditFormatString => null;

    public override ModelMetadata? ElementMetadata => null;

    public override IEnumerable<KeyValuePair<EnumGroupAndName, string>>? EnumGroupedDisplayNamesAndValues => null;

    public override IReadOnlyDictionary<string, string>? EnumNamesAndValues => null;

    public override bool HasNonDefaultEditFormat => false;

    public override bool HideSurroundingHtml => false;

    public override bool HtmlEncode => false;

    public override bool IsBindingAllowed => true;

    public override bool IsBindingRequired => false;

    public override bool IsEnum => false;

    public override bool IsFlagsEnum => false;

    public override bool IsReadOnly => false;

    public override bool IsRequired => false;

    public override ModelBindingMessageProvider ModelBindingMessageProvider { get; } = new DefaultModelBindingMessageProvider();

    public override string? NullDisplayText => null;

    public override int Order => 0;

    public override string? Placeholder => null;

    public override ModelPropertyCollection Properties { get; } = new([]);

    public override IPropertyFilterProvider? PropertyFilterProvider => null;

    public override Func<object, object?>? PropertyGetter => null;

    public override Action<object, object?>? PropertySetter => null;

    public override bool ShowForDisplay => false;

    public override bool ShowForEdit => false;

    public override string? SimpleDisplayProperty => null;

    public override string? TemplateHint => null;

    public override bool ValidateChildren => false;

    public override IReadOnlyList<object> ValidatorMetadata => [];
}
