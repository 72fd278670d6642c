using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Sightline.Web.Pages;

/// <summary>
/// Refuses a request whose declared length is over the limit with 413 (shown as the GOV.UK "too large" page), before
/// anything reads the body. Without it the antiforgery check reads the form first and fails on the size, which reads
/// as a broken form (400) rather than "your file is too large". Runs after sign-in and authorization (middleware), and
/// before the antiforgery filter (order 1000). A body without a declared length is still cut off by the server's
/// limit (<see cref="RequestSizeLimitAttribute"/>), which also answers 413.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RejectOversizedRequestAttribute(long maxBytes) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => 500;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.HttpContext.Request.ContentLength > maxBytes)
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
    }
}
