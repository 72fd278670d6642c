using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Sightline.Core.Audit;

/// <summary>The hash that links audit entries. Pure: no I/O, so it is unit-tested directly.</summary>
public static class AuditChain
{
    /// <summary>The hash the first entry points back to.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>PostgreSQL keeps microseconds; truncating first means a stored entry re-hashes identically.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    public static string ComputeHash(AuditEntry entry)
    {
        // A JSON array is an unambiguous encoding: no field can masquerade as its neighbour.
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            entry.Sequence,
            entry.OccurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            entry.UserId?.ToString("D"),
            entry.UserEmail,
            entry.Action.ToString(),
            entry.EntityType,
            entry.EntityId,
            entry.PersonId?.ToString("D"),
            entry.Details,
            entry.IpAddress,
            entry.PreviousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Checks entries in sequence order; returns the first fault or null when intact.</summary>
    public sealed class Verifier
    {
        private long _expectedSequence = 1;
        private string _previousHash = Genesis;

        public long Checked => _expectedSequence - 1;
        public string LastHash => _previousHash;

        public string? Check(AuditEntry entry)
        {
            if (entry.Sequence != _expectedSequence)
                return $"entry {_expectedSequence} is missing (found {entry.Sequence} next)";
            if (entry.PreviousHash != _previousHash)
                return $"entry {entry.Sequence} does not point to the hash of entry {entry.Sequence - 1}";
            if (ComputeHash(entry) != entry.Hash)
                return $"entry {entry.Sequence} has been altered (its hash does not match its contents)";
            _previousHash = entry.Hash;
            _expectedSequence++;
            return null;
        }

        public string? CheckHead(AuditChainHead head)
        {
            if (head.Sequence != Checked)
                return $"the chain should hold {head.Sequence} entries but {Checked} were found";
            if (head.Hash != _previousHash)
                return "the last entry's hash does not match the recorded head of the chain";
            return null;
        }
    }
}
