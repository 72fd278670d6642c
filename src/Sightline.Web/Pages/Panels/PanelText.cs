using Microsoft.AspNetCore.Html;
using Sightline.Core.Actions;
using Sightline.Core.Panels;

namespace Sightline.Web.Pages.Panels;

/// <summary>Words and tags the panel pages share.</summary>
public static class PanelText
{
    public static string Schedule(PanelSchedule schedule) => schedule switch
    {
        PanelSchedule.Weekly => "Weekly",
        PanelSchedule.Fortnightly => "Fortnightly",
        PanelSchedule.Monthly => "Monthly",
        _ => "When needed",
    };

    public static IHtmlContent Status(MeetingStatus status) => Govuk.Tag(status.DisplayName(), status switch
    {
        MeetingStatus.Draft => "grey",
        MeetingStatus.AgendaIssued => "blue",
        _ => "green",
    });

    public static string Attendance(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "Present",
        AttendanceStatus.Apologies => "Apologies",
        _ => "Absent",
    };

    public static string Percent(double? rate) => rate is { } r ? $"{Math.Round(r * 100):0}%" : "–";

    public static IEnumerable<(string Value, string Text)> Decisions =>
        Enum.GetValues<PanelDecision>().Select(d => (d.ToString(), d.DisplayName()));

    public static IEnumerable<(string Value, string Text)> Statuses =>
        Enum.GetValues<ActionStatus>().Select(s => (s.ToString(), s.DisplayName()));
}
