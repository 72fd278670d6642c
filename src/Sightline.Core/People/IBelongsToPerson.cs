namespace Sightline.Core.People;

/// <summary>A row that is part of one young person's record: the audit trail files every change to it under that person.</summary>
public interface IBelongsToPerson
{
    Guid PersonId { get; }
}
