using Microsoft.AspNetCore.Diagnostics;

namespace Sightline.Web.Infrastructure;

/// <summary>Errors never show a stack trace: problem+json for the API, a GOV.UK page for people.</summary>
public static class ErrorResponses
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>
    /// A database that cannot be reached (down, timed out, busy) is a temporary condition, not a bug:
    /// 503 tells load balancers and clients to retry. Any other failure, a broken constraint included, is a 500.
    /// </summary>
    public static int StatusFor(Exception? error)
    {
        if (error is BadHttpRequestException bad) return bad.StatusCode;
        for (var e = error; e is not null; e = e.InnerException)
        {
            // Npgsql marks connection failures transient; Microsoft.Data.Sqlite does not, so SQLITE_BUSY (5) and SQLITE_LOCKED (6) are named.
            if (e is System.Data.Common.DbException { IsTransient: true } or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }
                or System.Net.Sockets.SocketException or TimeoutException) return 503;
        }
        return 500;
    }

    public static IApplicationBuilder UseSightlineErrors(this IApplicationBuilder app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ApiExceptionAsync });
            api.UseStatusCodePages(ApiStatusAsync);
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                StatusCodeSelector = StatusFor,
            });
            pages.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        });
        return app;
    }

    private static Task ApiExceptionAsync(HttpContext context)
    {
        var status = StatusFor(context.Features.Get<IExceptionHandlerFeature>()?.Error);
        context.Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: status switch
        {
            503 => "Sightline cannot reach its database just now. Try again shortly.",
            413 => "The request is too large.",
            400 => "The request could not be read.",
            _ => "Something went wrong. The error has been logged.",
        }).ExecuteAsync(context);
    }

    private static Task ApiStatusAsync(StatusCodeContext statusContext)
    {
        var context = statusContext.HttpContext;
        var status = context.Response.StatusCode;
        return Results.Problem(statusCode: status, title: status switch
        {
            404 => "Not found",
            401 => "A valid API token is required",
            403 => "Your role does not allow this",
            405 => "Method not allowed",
            415 => "Send JSON with Content-Type: application/json",
            429 => "Too many requests",
            _ => "The request failed",
        }).ExecuteAsync(context);
    }
}
