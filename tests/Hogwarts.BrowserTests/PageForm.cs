using Microsoft.Playwright;

namespace Hogwarts.BrowserTests;

/// <summary>A form added to the page and submitted as a user would submit it: a POST of hidden fields.</summary>
internal static class PageForm
{
    /// <summary>Posts <paramref name="fields"/> (name, value pairs) to <paramref name="action"/>; with <c>data-enhance</c> when <paramref name="enhanced"/>.</summary>
    // requestSubmit fires the submit event that blazor.web.js intercepts for a data-enhance form (submit() does not); a
    // form without data-enhance it leaves to the browser.
    public static Task PostAsync(IPage page, string action, bool enhanced, params string[][] fields) =>
        page.EvaluateAsync("""
            ([action, enhanced, fields]) => {
                const form = Object.assign(document.createElement('form'), { method: 'post', action });
                if (enhanced) {
                    form.setAttribute('data-enhance', '');
                }
                for (const [name, value] of fields) {
                    form.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }));
                }
                document.body.append(form);
                form.requestSubmit();
            }
            """, new object[] { action, enhanced, fields });
}
