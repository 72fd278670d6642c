using Sightline.Core.Access;
using Sightline.Core.Notifications;
using Sightline.Web.Auth;

namespace Sightline.Web.Api;

/// <summary>
/// <c>/api/v1/notifications</c>: the signed-in user's own notifications, for every role (a senior
/// manager's Very high risk alerts, a practitioner's returned assessment, …). Nobody reads anyone
/// else's list, so there is no need-to-know decision to make here.
/// </summary>
public static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/v1/notifications")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser())
            .WithTags("Notifications");
        notifications.MapGet("", ListAsync).WithName("ListNotifications").Produces<NotificationResponse[]>();
        notifications.MapPost("/read", MarkReadAsync).WithName("MarkNotificationsRead").Accepts<MarkReadRequest>("application/json")
            .Produces<MarkReadResponse>().ProducesValidationProblem();
    }


    private static async Task<IResult> ListAsync(HttpContext context, NotificationInbox inbox, CancellationToken cancellationToken)
    {
        var list = await inbox.ListAsync(context.Me(), cancellationToken: cancellationToken);
        return Results.Ok(list.Select(NotificationResponse.From).ToList());
    }

    /// <summary>Marks every unread notification read, or only the one whose <c>id</c> is sent.</summary>
    private static async Task<IResult> MarkReadAsync(HttpContext context, NotificationInbox inbox, CancellationToken cancellationToken)
    {
        Guid? id = null;
        if (context.Request.ContentLength is > 0 || context.Request.ContentLength is null && context.Request.ContentType is not null)
        {
            var (body, problem) = await JsonBody.ReadAsync(context.Request, cancellationToken);
            if (body is null) return problem!;
            id = body.Guid("id");
            if (body.Errors.Any) return ApiProblems.Validation(body.Errors);
        }
        var marked = await inbox.MarkReadAsync(context.Me(), id, cancellationToken);
        return Results.Ok(new MarkReadResponse(marked));
    }
}

public sealed record MarkReadRequest(Guid? Id);

public sealed record MarkReadResponse(int Marked);

public sealed record NotificationResponse(Guid Id, string Kind, string Title, string Body, string? Link, Guid? PersonId, DateTime CreatedAt, DateTime? ReadAt)
{
    public static NotificationResponse From(Notification n) => new(n.Id, n.Kind, n.Title, n.Body, n.Link, n.PersonId, n.CreatedAt, n.ReadAt);
}
