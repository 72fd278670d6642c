namespace Sightline.Core.People;

public enum ChronologyKind { Record, Agency, Flag, Note, Screen, Seam, Referral, Action, Missing, Interview, Index }

/// <param name="When">In UTC. For a dated event (a flag's start, an agency's end) it is midnight UTC of that date.</param>
/// <param name="HasTime">False for a dated event: show its date only, never a made-up time of day.</param>
public sealed record ChronologyEntry(DateTime When, ChronologyKind Kind, string Summary, string? By, bool HasTime = true)
{
    public string WhenText => HasTime ? When.Display() : DateOnly.FromDateTime(When).Display();
}

/// <summary>
/// One timeline of what has been recorded about a young person, newest first. Built from the
/// records themselves (not the audit trail) so that it reads as the practitioner's story.
/// </summary>
public static class Chronology
{
    public static IReadOnlyList<ChronologyEntry> Build(Person person, IEnumerable<CaseNote> notes, IReadOnlyDictionary<Guid, string> userNames, IEnumerable<ChronologyEntry>? more = null)
    {
        string? Name(Guid? id) => id is { } v && userNames.TryGetValue(v, out var n) ? n : null;
        static DateTime At(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var entries = new List<ChronologyEntry>
        {
            new(person.CreatedAt, ChronologyKind.Record, "Record created", Name(person.CreatedByUserId)),
        };
        foreach (var agency in person.Agencies)
        {
            var name = agency.Agency?.Name ?? "An agency";
            entries.Add(new(At(agency.StartDate), ChronologyKind.Agency, $"{name} became involved", Name(agency.AddedByUserId), HasTime: false));
            if (agency.EndDate is { } end)
                entries.Add(new(At(end), ChronologyKind.Agency, $"{name} involvement ended", Name(agency.EndedByUserId), HasTime: false));
        }
        foreach (var flag in person.Flags)
        {
            var label = flag.FlagType?.Name ?? "Flag";
            var level = flag.Level is { } l ? $" ({l} risk)" : "";
            entries.Add(new(At(flag.StartDate), ChronologyKind.Flag, $"Flag added: {label}{level}", Name(flag.SetByUserId), HasTime: false));
            if (flag.EndDate is { } end)
                entries.Add(new(At(end), ChronologyKind.Flag, $"Flag ended: {label}", Name(flag.EndedByUserId), HasTime: false));
        }
        foreach (var note in notes)
            entries.Add(new(note.RecordedAt, ChronologyKind.Note, note.Text, note.Author?.DisplayName));
        if (more is not null) entries.AddRange(more);
        return entries.OrderByDescending(e => e.When).ThenBy(e => e.Kind).ToList();
    }
}
