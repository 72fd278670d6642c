namespace Sightline.Core.Panels;

/// <summary>
/// The persons of concern and places a panel tracks, for its agendas. The network work supplies
/// the real one; until then a panel tracks none.
/// </summary>
public interface IAgendaSubjects
{
    Task<(IReadOnlyList<Guid> PersonsOfConcern, IReadOnlyList<Guid> Places)> TrackedByAsync(Guid panelId, CancellationToken cancellationToken);
}
