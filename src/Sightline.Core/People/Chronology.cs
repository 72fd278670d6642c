namespace Sightline.Core.People;

public enum ChronologyKind { Record, Agency, Flag, Note }

public sealed record ChronologyEntry(DateTime When, ChronologyKind Kind, string Summary, string? By);

/// <summary>
/// One timeline of what has been recorded about a young person, newest first. Built from the
/// records themselves (not the audit trail) so that it reads as the practitioner's story.
/// </summary>
public static class Chronology
{
    public static IReadOnlyList<ChronologyEntry> Build(Person person, IEnumerable<CaseNote> notes, IReadOnlyDictionary<Guid, string> userNames)
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
            entries.Add(new(At(agency.StartDate), ChronologyKind.Agency, $"{name} became involved", Name(agency.AddedByUserId)));
            if (agency.EndDate is { } end)
                entries.Add(new(At(end), ChronologyKind.Agency, $"{name} involvement ended", Name(agency.EndedByUserId)));
        }
        foreach (var flag in person.Flags)
        {
            var label = flag.FlagType?.Name ?? "Flag";
            var level = flag.Level is { } l ? $" ({l} risk)" : "";
            entries.Add(new(At(flag.StartDate), ChronologyKind.Flag, $"Flag added: {label}{level}", Name(flag.SetByUserId)));
            if (flag.EndDate is { } end)
                entries.Add(new(At(end), ChronologyKind.Flag, $"Flag ended: {label}", Name(flag.EndedByUserId)));
        }
        foreach (var note in notes)
            entries.Add(new(note.RecordedAt, ChronologyKind.Note, note.Text, note.Author?.DisplayName));
        return entries.OrderByDescending(e => e.When).ThenBy(e => e.Kind).ToList();
    }
}
