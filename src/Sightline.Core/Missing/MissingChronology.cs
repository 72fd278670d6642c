using Sightline.Core.People;
using Sightline.Core.VulnerableAdolescents;

namespace Sightline.Core.Missing;

/// <summary>Chronology entries for missing episodes, their return home interviews, and index entries.</summary>
public static class MissingChronology
{
    public static IEnumerable<ChronologyEntry> Entries(IEnumerable<MissingEpisode> episodes, IEnumerable<IndexEntry> indexEntries, IReadOnlyDictionary<Guid, string> names)
    {
        string? Name(Guid? id) => id is { } v && names.TryGetValue(v, out var n) ? n : null;
        static DateTime At(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var e in episodes)
        {
            var from = e.From == MissingFrom.Care ? $"from care{(e.Placement is null ? "" : $" ({e.Placement})")}" : "from home";
            var police = e.ReportedToPoliceAt is { } reported ? $" Reported to the police {reported.Display()}{(e.PoliceReference is null ? "" : $", reference {e.PoliceReference}")}." : "";
            yield return new(e.LastSeenAt, ChronologyKind.Missing, $"{e.Category.DisplayName()} {from}: last seen {e.LastSeenAt.Display()}.{police}", Name(e.RecordedByUserId));
            if (e.ReturnedAt is { } back)
            {
                var where = e.WhereFound is null ? "" : $" Found at {e.WhereFound}.";
                var with = e.WithWhom is null ? "" : $" With {e.WithWhom}.";
                yield return new(back, ChronologyKind.Missing, $"Returned after {MissingRules.DurationText(back - e.LastSeenAt)}.{where}{with}", null);
            }
            if (e.Interview is { } rhi)
            {
                if (rhi.OfferedAt is { } offered)
                    yield return new(offered, ChronologyKind.Interview, $"Return home interview offered{(rhi.OfferedBy is null ? "" : $" by {rhi.OfferedBy}")}{(rhi.Accepted == false ? "; declined" : "")}.", Name(rhi.RecordedByUserId));
                if (rhi.CompletedAt is { } done)
                {
                    var inTime = e.ReturnedAt is { } r && done <= r + MissingRules.RhiWindow ? "within 72 hours" : "after 72 hours";
                    yield return new(done, ChronologyKind.Interview,
                        $"Return home interview completed {inTime}{(rhi.Worker is null ? "" : $" by {rhi.Worker}")}.{(rhi.RisksDisclosed is null ? "" : $" Risks disclosed: {rhi.RisksDisclosed}")}", Name(rhi.RecordedByUserId));
                }
            }
        }
        foreach (var entry in indexEntries)
        {
            yield return new(At(entry.StartDate), ChronologyKind.Index, $"Added to the Vulnerable Adolescents Index: {entry.Reason}", Name(entry.AddedByUserId), HasTime: false);
            if (entry.EndDate is { } end)
                yield return new(At(end), ChronologyKind.Index, $"Left the Vulnerable Adolescents Index: {entry.EndReason}", Name(entry.EndedByUserId), HasTime: false);
        }
    }
}
