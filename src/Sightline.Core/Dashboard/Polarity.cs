namespace Sightline.Core.Dashboard;

/// <summary>Which direction is good for an indicator: lower for crime, higher for e.g. survey confidence.
/// It decides rank order (1 = best), whether a change is positive, and the words "lowest"/"highest".</summary>
public enum Polarity
{
    LowerIsBetter,
    HigherIsBetter,
}
