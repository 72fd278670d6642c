using Sightline.Core.Assessments;
using Sightline.Core.Missing;
using Sightline.Core.People;

namespace Sightline.Core.Demo;

/// <summary>
/// The young people of a London-scale database and what belongs to them, as lazy streams of rows
/// (each enumerated once, straight into <see cref="Data.BulkInsert"/>). Person i belongs to
/// partnership i mod P; children's social care of that partnership is involved with them, so its
/// staff can see them. Counts are exact: person i gets its <see cref="LondonScaleRandom.Share"/>
/// of the flags, SEAM assessments and missing episodes.
/// </summary>
public sealed class LondonScaleRecords(LondonScaleOptions options, LondonScaleStaff staff, IReadOnlyDictionary<string, (Guid Id, bool HasLevel)> flagTypes)
{
    /// <summary>What later tables need of each person; 40 bytes each, not the rows.</summary>
    public readonly record struct PersonStub(Guid Id, DateOnly DateOfBirth, DateOnly OpenedOn);

    private readonly PersonStub[] _people = new PersonStub[options.People];
    private readonly DateTime _now = London.StartOf(options.Today).AddHours(9);

    public IReadOnlyList<PersonStub> People => _people;

    private LondonScaleStaff.Partnership PartnershipOf(int person) => staff.Partnerships[person % staff.Partnerships.Count];
    private static DateTime At(DateOnly day, int minutes) => London.StartOf(day).AddMinutes(minutes);

    public IEnumerable<Person> NewPeople()
    {
        var synthetic = new SyntheticPeople(options.Seed);
        var random = LondonScaleRandom.For(options.Seed, "people");
        for (var i = 0; i < options.People; i++)
        {
            var partnership = PartnershipOf(i);
            var person = synthetic.Next(options.Today, _now, random.Pick(partnership.SocialWorkers).Id).Person;
            person.Id = random.Guid();
            person.Version = random.Guid();
            person.Reference = Reference(i);
            var opened = options.Today.AddDays(-random.Next(30, 1_500));
            person.CreatedAt = person.UpdatedAt = At(opened, 570);
            _people[i] = new PersonStub(person.Id, person.DateOfBirth, opened);
            yield return person;
        }
    }

    /// <summary>A unique reference per index: an odd multiplier is a bijection modulo 32^8, so no two people share one.</summary>
    private string Reference(int index)
    {
        const string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        var value = unchecked((ulong)(index + 1) * 0x9E3779B1UL + (ulong)(uint)options.Seed) & ((1UL << 40) - 1);
        Span<char> chars = stackalloc char[8];
        for (var c = 7; c >= 0; c--, value >>= 5) chars[c] = alphabet[(int)(value & 31)];
        return "SL-" + new string(chars);
    }

    public IEnumerable<AgencyInvolvement> Involvements()
    {
        var random = LondonScaleRandom.For(options.Seed, "involvements");
        for (var i = 0; i < _people.Length; i++)
        {
            var partnership = PartnershipOf(i);
            var person = _people[i];
            var agencies = new HashSet<int> { 0 };
            for (var extra = random.Next(3); extra > 0; extra--) agencies.Add(random.Next(1, partnership.Agencies.Count));
            foreach (var a in agencies)
                yield return new AgencyInvolvement
                {
                    Id = random.Guid(), Version = random.Guid(), PersonId = person.Id, AgencyId = partnership.Agencies[a].Id,
                    StartDate = a == 0 ? person.OpenedOn : person.OpenedOn.AddDays(random.Next(0, 200)),
                    AddedByUserId = random.Pick(partnership.SocialWorkers).Id,
                    ContactName = $"Duty worker {random.Next(1, 400)}", ContactPhone = $"020 7{random.Next(100, 999)} {random.Next(1000, 9999)}",
                    ContactEmail = a == 0 ? "duty.team@sightline.example" : null,
                };
        }
    }

    public IEnumerable<PersonFlag> Flags()
    {
        var random = LondonScaleRandom.For(options.Seed, "flags");
        var keys = flagTypes.Keys.Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < _people.Length; i++)
        {
            var person = _people[i];
            var partnership = PartnershipOf(i);
            var count = LondonScaleRandom.Share(options.Flags, _people.Length, i);
            // Distinct types: a partial shuffle of the keys.
            var chosen = keys.ToArray();
            for (var f = 0; f < count; f++)
            {
                var swap = random.Next(f, chosen.Length);
                (chosen[f], chosen[swap]) = (chosen[swap], chosen[f]);
                var type = flagTypes[chosen[f]];
                var start = person.OpenedOn.AddDays(random.Next(0, Math.Max(1, options.Today.DayNumber - person.OpenedOn.DayNumber)));
                DateOnly? end = random.Chance(0.15) && start < options.Today ? start.AddDays(random.Next(1, options.Today.DayNumber - start.DayNumber + 1)) : null;
                var setBy = random.Pick(partnership.SocialWorkers).Id;
                yield return new PersonFlag
                {
                    Id = random.Guid(), Version = random.Guid(), PersonId = person.Id, FlagTypeId = type.Id,
                    Level = type.HasLevel ? (FlagLevel)random.Next(3) : null, StartDate = start, EndDate = end,
                    SetByUserId = setBy, SetAt = At(start, 600), EndedByUserId = end is null ? null : setBy,
                };
            }
        }
    }

    public sealed record SeamCase(SeamAssessment Assessment, IReadOnlyList<SeamScore> Scores);

    /// <summary>Approved SEAM assessments with their ten scores; a person's earlier ones superseded by the next.</summary>
    public IEnumerable<SeamCase> Seams()
    {
        var random = LondonScaleRandom.For(options.Seed, "seams");
        var form = SeamForms.Find(SeamForms.Current)!;
        var review = new SeamReviewSettings();
        for (var i = 0; i < _people.Length; i++)
        {
            var person = _people[i];
            var partnership = PartnershipOf(i);
            var count = LondonScaleRandom.Share(options.Seams, _people.Length, i);
            var ids = Enumerable.Range(0, count).Select(_ => random.Guid()).ToArray();
            var day = person.OpenedOn;
            for (var s = 0; s < count; s++)
            {
                day = day.AddDays(random.Next(1, 120));
                if (day > options.Today) day = options.Today;
                var author = random.Pick(partnership.SocialWorkers);
                var manager = random.Pick(partnership.Managers);
                // Most young people score low to medium; a few very high.
                var intensity = random.Next(6);
                var scores = form.Domains.Select(d => new SeamScore
                {
                    Id = random.Guid(), AssessmentId = ids[s], PersonId = person.Id, DomainKey = d.Key,
                    Score = Math.Min(SeamForm.MaxDomainScore, random.Next(0, 2 + intensity)),
                }).ToList();
                var assessment = new SeamAssessment
                {
                    Id = ids[s], Version = random.Guid(), PersonId = person.Id, FormVersion = form.Version,
                    Status = s < count - 1 ? SeamStatus.Superseded : SeamStatus.Approved, AssessedOn = day,
                    AuthorUserId = author.Id, AgencyId = author.AgencyId, CreatedAt = At(day, 600), UpdatedAt = At(day, 900),
                    SubmittedAt = At(day, 700), DecidedAt = At(day, 900), DecidedByUserId = manager.Id,
                    PreviousAssessmentId = s > 0 ? ids[s - 1] : null, SupersededById = s < count - 1 ? ids[s + 1] : null,
                    Scores = scores,
                };
                assessment.Rescore();
                assessment.Routing = SeamRules.RoutingFor(assessment.CalculatedLevel);
                assessment.ReviewDueOn = SeamRules.ReviewDueOn(day, assessment.CalculatedLevel, review);
                yield return new SeamCase(assessment, scores);
            }
        }
    }

    private static readonly string[] Places = ["a friend's flat in Tottenham", "Stratford Westfield", "a park in Peckham", "Croydon bus station", "an address in Luton", "King's Cross", "a relative's home", "not known"];

    /// <summary>
    /// Returned missing episodes, oldest first per person. Reminders are marked as sent, so the
    /// return-home-interview job does not wake to two million overdue interviews.
    /// </summary>
    public IEnumerable<MissingEpisode> MissingEpisodes()
    {
        var random = LondonScaleRandom.For(options.Seed, "missing");
        for (var i = 0; i < _people.Length; i++)
        {
            var person = _people[i];
            var partnership = PartnershipOf(i);
            var count = LondonScaleRandom.Share(options.Missing, _people.Length, i);
            var span = Math.Max(1, options.Today.DayNumber - person.OpenedOn.DayNumber);
            var days = Enumerable.Range(0, count).Select(_ => random.Next(span)).Order().ToArray();
            foreach (var offset in days)
            {
                var lastSeen = At(person.OpenedOn.AddDays(offset), random.Next(12 * 60, 23 * 60));
                var returned = lastSeen.AddHours(random.Next(2, 72));
                var recorder = random.Pick(partnership.Practitioners);
                var fromCare = random.Chance(0.3);
                yield return new MissingEpisode
                {
                    Id = random.Guid(), Version = random.Guid(), PersonId = person.Id,
                    Category = random.Chance(0.85) ? MissingCategory.Missing : MissingCategory.Absent,
                    From = fromCare ? MissingFrom.Care : MissingFrom.Home, Placement = fromCare ? "Residential placement" : null,
                    LastSeenAt = lastSeen, ReportedToPoliceAt = lastSeen.AddHours(2), PoliceRiskGrading = (PoliceRiskGrading)random.Next(4),
                    PoliceReference = $"MPS-{random.Next(100_000, 999_999)}", ReturnedAt = returned, WhereFound = random.Pick(Places),
                    ResponsibleUserId = random.Pick(partnership.SocialWorkers).Id, RecordedByUserId = recorder.Id,
                    RecordedAt = lastSeen.AddHours(3), UpdatedAt = returned.AddHours(1),
                    RhiDueSoonReminderAt = returned.AddHours(24), RhiOverdueReminderAt = returned.AddHours(72),
                };
            }
        }
    }
}
