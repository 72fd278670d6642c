using Sightline.Core.People;

namespace Sightline.Core.Tests;

public sealed class ChronologyTests
{
    [Fact]
    public void Dated_events_show_their_date_only_and_recorded_events_their_time_newest_first()
    {
        var creator = Guid.NewGuid();
        var person = new Person { FirstName = "A", LastName = "B", CreatedAt = new DateTime(2026, 1, 10, 14, 30, 0, DateTimeKind.Utc), CreatedByUserId = creator };
        person.Flags.Add(new PersonFlag { FlagType = new FlagType { Key = "cse", Name = "CSE" }, StartDate = new DateOnly(2026, 2, 1), EndDate = new DateOnly(2026, 3, 1), SetByUserId = creator });
        var note = new CaseNote { Text = "Seen at school", RecordedAt = new DateTime(2026, 2, 15, 9, 5, 0, DateTimeKind.Utc) };
        var entries = Chronology.Build(person, [note], new Dictionary<Guid, string> { [creator] = "Priya" });

        Assert.Equal(["Flag ended: CSE", "Seen at school", "Flag added: CSE", "Record created"], entries.Select(e => e.Summary));
        Assert.Equal("1 March 2026", entries[0].WhenText);
        Assert.False(entries[0].HasTime);
        Assert.True(entries[1].HasTime);
        Assert.Contains("9:05am", entries[1].WhenText);
        Assert.Equal("Priya", entries[^1].By);
    }
}
