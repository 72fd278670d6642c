namespace Sightline.Core.Missing;

/// <summary>An episode as entered. Field keys match the API: category, from, placement, lastSeen, reportedToPolice, policeReference, policeRiskGrading, returned, whereFound, circumstances, withWhom, responsibleUserId.</summary>
public sealed record EpisodeInput(
    MissingCategory? Category, MissingFrom? From, string? Placement, DateTime? LastSeen,
    DateTime? ReportedToPolice = null, string? PoliceReference = null, PoliceRiskGrading? PoliceRiskGrading = null,
    DateTime? Returned = null, string? WhereFound = null, string? Circumstances = null, string? WithWhom = null,
    Guid? ResponsibleUserId = null)
{
    /// <summary>Clocks differ a little between devices: a time up to this far ahead is still "now".</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public ValidationErrors Validate(DateTime now)
    {
        var errors = new ValidationErrors();
        if (Category is null) errors.Add("category", "Select whether the young person was missing, absent, or away from placement without authorisation");
        if (From is null) errors.Add("from", "Select whether they went missing from home or from care");
        if (LastSeen is not { } seen) errors.Add("lastSeen", "Enter when the young person was last seen");
        else if (seen > now + Skew) errors.Add("lastSeen", "When they were last seen must be in the past");
        if (ReportedToPolice is { } reported)
        {
            if (reported > now + Skew) errors.Add("reportedToPolice", "When it was reported to the police must be in the past");
            else if (LastSeen is { } s && reported < s) errors.Add("reportedToPolice", "The report to the police must be after they were last seen");
        }
        if (Returned is { } back)
        {
            if (back > now + Skew) errors.Add("returned", "When they returned must be in the past");
            else if (LastSeen is { } s && back < s) errors.Add("returned", "The return must be after they were last seen");
        }
        Limit(errors, "placement", Placement, 300);
        Limit(errors, "policeReference", PoliceReference, 60);
        Limit(errors, "whereFound", WhereFound, 500);
        Limit(errors, "circumstances", Circumstances, 4000);
        Limit(errors, "withWhom", WithWhom, 1000);
        return errors;
    }

    internal static void Limit(ValidationErrors errors, string field, string? value, int max)
    {
        if (value?.Length > max) errors.Add(field, $"This must be {max:N0} characters or fewer");
    }
}

/// <summary>A return home interview as entered. Field keys: offered, offeredBy, accepted, completed, agencyId, worker, youngPersonSaid, risksDisclosed, followUp.</summary>
public sealed record InterviewInput(
    DateTime? Offered, string? OfferedBy, bool? Accepted, DateTime? Completed, Guid? AgencyId, string? Worker,
    string? YoungPersonSaid, string? RisksDisclosed, string? FollowUp)
{
    public ValidationErrors Validate(DateTime? returnedAt, DateTime now)
    {
        var errors = new ValidationErrors();
        var skew = TimeSpan.FromMinutes(5);
        if (returnedAt is null) errors.Add("returned", "Record the young person’s return before the return home interview");
        if (Offered is { } offered)
        {
            if (offered > now + skew) errors.Add("offered", "When the interview was offered must be in the past");
            else if (returnedAt is { } back && offered < back) errors.Add("offered", "The interview can only be offered after the return");
            if (string.IsNullOrWhiteSpace(OfferedBy)) errors.Add("offeredBy", "Enter who offered the interview (someone independent of the carers)");
        }
        if (Accepted is not null && Offered is null) errors.Add("offered", "Enter when the interview was offered");
        if (Completed is { } done)
        {
            if (done > now + skew) errors.Add("completed", "When the interview was completed must be in the past");
            else if (returnedAt is { } back && done < back) errors.Add("completed", "The interview must be completed after the return");
            if (Accepted == false) errors.Add("accepted", "A declined interview cannot be completed: change it to accepted");
            if (string.IsNullOrWhiteSpace(Worker)) errors.Add("worker", "Enter the worker who completed the interview");
            if (AgencyId is null) errors.Add("agencyId", "Select the agency that completed the interview");
        }
        EpisodeInput.Limit(errors, "offeredBy", OfferedBy, 200);
        EpisodeInput.Limit(errors, "worker", Worker, 200);
        EpisodeInput.Limit(errors, "youngPersonSaid", YoungPersonSaid, 8000);
        EpisodeInput.Limit(errors, "risksDisclosed", RisksDisclosed, 4000);
        EpisodeInput.Limit(errors, "followUp", FollowUp, 4000);
        return errors;
    }
}
