using Sightline.Core.People;

namespace Sightline.Core.Network;

/// <summary>Words for the network's enums, and the API's names for them (kebab case, e.g. "person-of-concern").</summary>
public static class NetworkLabels
{
    public static string Describe(NodeKind kind) => kind switch
    {
        NodeKind.Person => "Young person",
        NodeKind.PersonOfConcern => "Person of concern",
        _ => "Place",
    };

    public static string Describe(AssociationType type) => type switch
    {
        AssociationType.SuspectedExploiter => "Suspected exploiter",
        AssociationType.VictimOf => "Victim of",
        AssociationType.FoundAtWhenMissing => "Found at when missing",
        _ => type.ToString(),
    };

    public static string Describe(PlaceType type) => type switch
    {
        PlaceType.ShishaBar => "Shisha bar",
        PlaceType.TaxiFirm => "Taxi firm",
        PlaceType.OnlineSpace => "Online space",
        _ => type.ToString(),
    };

    public static string Describe(ConcernCategory category) => category switch
    {
        ConcernCategory.Adult => "Adult",
        ConcernCategory.Peer => "Peer",
        _ => "Age group not known",
    };

    public static string Describe(DisruptionStatus status) => status.ToString();

    public static string Describe(Confidence confidence) => confidence.ToString();

    /// <summary>Options for forms and the API's error messages: each value's API name and its words.</summary>
    public static IReadOnlyList<(string Value, string Text)> Options<T>(Func<T, string> describe) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (v.Kebab(), describe(v))).ToList();

    public static string Allowed<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => v.Kebab()));

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum => PersonLabels.TryParseEnum(text, out value);
}
