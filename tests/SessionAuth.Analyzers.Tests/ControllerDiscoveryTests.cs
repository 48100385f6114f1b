using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.CodeFixes;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 on controllers finds what MVC routes: the controllers <c>ControllerFeatureProvider</c> takes, the actions
/// <c>DefaultApplicationModelProvider</c> takes (inherited ones included), and the decisions MVC puts into their metadata.
/// </summary>
public sealed class ControllerDiscoveryTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static DiagnosticResult Inherited(int location, string action) =>
        new DiagnosticResult(DiagnosticIds.EndpointWithoutGuardDecision, DiagnosticSeverity.Warning)
            .WithLocation(location)
            .WithArguments($"Action {action}", Descriptors.ActionAdvice);

    // Inherited actions

    [Fact]
    public Task Actions_inherited_from_a_base_class_are_reported_on_the_controller_that_routes_them() => VerifyAsync("""
        public abstract class CrudController<T> : ControllerBase
        {
            public string List() => typeof(T).Name;

            public virtual string Get(int id) => id.ToString();

            [Authorize]
            public string Delete(int id) => "deleted";

            [NonAction]
            public string Helper() => "helper";

            protected string Internal() => "internal";

            public static string Shared() => "static";

            public string Generic<TItem>() => typeof(TItem).Name;
        }

        public sealed record Book(string Title);

        public class {|#0:BooksController|} : CrudController<Book>
        {
        }

        public abstract class AuditedController : ControllerBase
        {
            public string Audit() => "audit";
        }

        public class {|#1:LogsController|} : AuditedController
        {
            public IActionResult {|SAUTH0001:Index|}() => Ok();
        }

        public class OrdersController : ControllerBase
        {
            public IActionResult {|SAUTH0001:Index|}() => Ok();
        }

        public class {|#2:ArchivedOrdersController|} : OrdersController
        {
        }
        """,
        Inherited(0, "BooksController.List (inherited from CrudController<Book>)"),
        Inherited(0, "BooksController.Get (inherited from CrudController<Book>)"),
        Inherited(1, "LogsController.Audit (inherited from AuditedController)"),
        Inherited(2, "ArchivedOrdersController.Index (inherited from OrdersController)"));

    [Fact]
    public Task An_inherited_action_is_decided_by_the_derived_controller_its_base_or_the_base_method() => VerifyAsync("""
        public abstract class CrudController<T> : ControllerBase
        {
            public string List() => typeof(T).Name;

            [AllowAnonymous]
            public string Count() => "0";
        }

        [Authorize]
        public abstract class SecureCrudController<T> : CrudController<T>;

        public class BooksController : SecureCrudController<string>;

        [RequireSession]
        public class AuthorsController : CrudController<int>;

        public class {|#0:PublishersController|} : CrudController<long>;
        """,
        Inherited(0, "PublishersController.List (inherited from CrudController<long>)"));

    [Fact]
    public Task An_override_keeps_the_decision_of_the_method_it_overrides() => VerifyAsync("""
        public abstract class AccountBase : ControllerBase
        {
            [Authorize]
            public virtual IActionResult Edit() => Ok();

            [AllowAnonymous]
            public virtual IActionResult About() => Ok();

            [RequireSession]
            public abstract IActionResult Profile();

            public virtual IActionResult Open() => Ok();
        }

        public abstract class MiddleBase : AccountBase
        {
            public override IActionResult Edit() => Ok();
        }

        public class AccountController : MiddleBase
        {
            public override IActionResult Edit() => Ok();

            public override IActionResult About() => Ok();

            public override IActionResult Profile() => Ok();

            public override IActionResult {|SAUTH0001:Open|}() => Ok();
        }
        """);

    [Fact]
    public Task A_method_hidden_with_new_is_an_action_of_its_own_that_inherits_nothing() => VerifyAsync("""
        public abstract class AccountBase : ControllerBase
        {
            [Authorize]
            public IActionResult Edit() => Ok();

            public IActionResult Help() => Ok();
        }

        public class {|#0:AccountController|} : AccountBase
        {
            public new IActionResult {|SAUTH0001:Edit|}() => Ok();

            [AllowAnonymous]
            public new IActionResult Help() => Ok();
        }
        """,
        Inherited(0, "AccountController.Help (inherited from AccountBase)"));

    [Fact]
    public Task An_attribute_that_is_not_inheritable_does_not_reach_a_derived_controller_or_an_override() => VerifyAsync("""
        [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
        public sealed class StaffOnlyAttribute : Attribute, IAuthorizeData
        {
            public string? Policy { get; set; } = "staff";
            public string? Roles { get; set; }
            public string? AuthenticationSchemes { get; set; }
        }

        [StaffOnly]
        public abstract class StaffController : ControllerBase
        {
            public IActionResult Dashboard() => Ok();
        }

        public class {|#0:ReportsController|} : StaffController
        {
            [StaffOnly]
            public IActionResult Monthly() => Ok();
        }

        [StaffOnly]
        public class PayrollController : ControllerBase
        {
            public IActionResult Index() => Ok();
        }

        public abstract class LedgerBase : ControllerBase
        {
            [StaffOnly]
            public virtual IActionResult Close() => Ok();
        }

        public class LedgerController : LedgerBase
        {
            public override IActionResult {|SAUTH0001:Close|}() => Ok();
        }
        """,
        Inherited(0, "ReportsController.Dashboard (inherited from StaffController)"));

    [Fact]
    public Task The_fix_for_an_inherited_action_guards_the_controller_that_routes_it() =>
        AnalyzerTest.VerifyFixAsync<EndpointGuardAnalyzer, EndpointGuardCodeFixProvider>(
            """
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            public abstract class CrudController<T> : ControllerBase
            {
                public string List() => typeof(T).Name;
            }

            /// <summary>Books.</summary>
            public class {|SAUTH0001:BooksController|} : CrudController<string>
            {
            }
            """,
            """
            using Microsoft.AspNetCore.Mvc;
            using SessionAuth;

            namespace Shop;

            public abstract class CrudController<T> : ControllerBase
            {
                public string List() => typeof(T).Name;
            }

            /// <summary>Books.</summary>
            [RequireSession]
            public class BooksController : CrudController<string>
            {
            }
            """,
            "Add [RequireSession]");

    // Members MVC never routes

    [Fact]
    public Task Dispose_accessors_operators_and_object_overrides_are_not_actions() => VerifyAsync("""
        public class FilesController : ControllerBase, IDisposable
        {
            public IActionResult {|SAUTH0001:Index|}() => Ok();

            public void Dispose() { }

            public string Name { get; set; } = "files";

            public event EventHandler? Changed;

            public static FilesController operator +(FilesController a, FilesController b) => a;

            public static implicit operator string(FilesController c) => c.Name;

            public override string ToString() => Name;

            public override bool Equals(object? obj) => ReferenceEquals(this, obj);

            public override int GetHashCode() => 0;

            public void {|SAUTH0001:Raise|}() => Changed?.Invoke(this, EventArgs.Empty);
        }
        """);

    [Fact]
    public Task A_Controller_subclass_reports_its_own_actions_only() => VerifyAsync("""
        public class HomeController : Controller
        {
            public IActionResult {|SAUTH0001:Index|}() => View();

            protected override void Dispose(bool disposing) => base.Dispose(disposing);
        }

        public abstract class StringBase : ControllerBase
        {
            public override string ToString() => "base";
        }

        public class TextController : StringBase
        {
            public override string ToString() => "text";
        }
        """);

    [Fact]
    public Task A_Dispose_that_implements_nothing_or_hides_the_implementation_is_an_action() => VerifyAsync("""
        public class CleanupController : ControllerBase
        {
            public void {|SAUTH0001:Dispose|}() { }
        }

        public class ViewsController : Controller
        {
            public new void {|SAUTH0001:Dispose|}() { }
        }

        public class StreamsController : ControllerBase, IAsyncDisposable
        {
            public ValueTask {|SAUTH0001:DisposeAsync|}() => ValueTask.CompletedTask;
        }

        public class ExplicitController : ControllerBase, IDisposable
        {
            void IDisposable.Dispose() { }
        }
        """);

    [Fact]
    public Task NonAction_on_a_base_method_reaches_its_override() => VerifyAsync("""
        public abstract class HookBase : ControllerBase
        {
            [NonAction]
            public virtual void OnLoaded() { }
        }

        public class HooksController : HookBase
        {
            public override void OnLoaded() { }

            public IActionResult {|SAUTH0001:Index|}() => Ok();
        }
        """);

    // Which classes are controllers

    [Fact]
    public Task A_public_class_named_Controller_is_a_controller_without_ControllerBase() => VerifyAsync("""
        public class ReportsController
        {
            public string {|SAUTH0001:Monthly|}() => "monthly";
        }

        public class Statuscontroller
        {
            public string {|SAUTH0001:Get|}() => "up";
        }

        [Controller]
        public abstract class PocoBase;

        public class Gateway : PocoBase
        {
            public string {|SAUTH0001:Forward|}() => "forwarded";
        }

        public class Reports
        {
            public string Monthly() => "not a controller";
        }
        """);

    [Fact]
    public Task Nested_generic_abstract_static_internal_and_NonController_classes_are_not_controllers() => VerifyAsync("""
        public class Api
        {
            public class OrdersController : ControllerBase
            {
                public IActionResult Index() => Ok();
            }
        }

        public class GenericController<T> : ControllerBase
        {
            public IActionResult Index() => Ok();
        }

        public abstract class AbstractController : ControllerBase
        {
            public IActionResult Index() => Ok();
        }

        public static class StaticController
        {
            public static string Index() => "static";
        }

        internal class InternalController : ControllerBase
        {
            public IActionResult Index() => Ok();
        }

        [NonController]
        public abstract class NotRoutedBase : ControllerBase;

        public class HiddenController : NotRoutedBase
        {
            public IActionResult Index() => Ok();
        }
        """);
}
