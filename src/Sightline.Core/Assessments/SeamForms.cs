namespace Sightline.Core.Assessments;

/// <summary>One scored domain of a SEAM form. <see cref="Descriptors"/> has six entries (scores 0–5) or none.</summary>
public sealed record SeamDomain(string Key, string Title, IReadOnlyList<string> Descriptors)
{
    public string? DescriptorFor(int score) => score >= 0 && score < Descriptors.Count ? Descriptors[score] : null;
}

/// <summary>A version of the SEAM form. A completed assessment keeps the version it was made with, forever.</summary>
public sealed record SeamForm(string Version, string Title, string Source, IReadOnlyList<SeamDomain> Domains)
{
    public const int MaxDomainScore = 5;
    public int MaxTotal => Domains.Count * MaxDomainScore;
    public SeamDomain? Domain(string? key) => Domains.FirstOrDefault(d => d.Key == key);
}

/// <summary>
/// The SEAM (Sexual Exploitation and Missing) forms as data. The 2020 descriptors are the seed's
/// (002 Appendix 3), lightly tidied for spelling; the 2017 form (001 §4) named its ten areas
/// without published descriptors, so it is scored on the plain 0–5 scale.
/// New versions are added here; old ones are never edited, because completed assessments refer to them.
/// </summary>
public static class SeamForms
{
    public const string Current = "2020";

    public static readonly SeamForm V2020 = new("2020", "SEAM tool (2020)", "Barnet SEAM tool, 2020 (seed 002 Appendix 3)",
    [
        new("sexual-health", "Sexual health – activities and awareness",
        [
            "Is not sexually active but is aware of where to get support and advice when needed. There are no concerns regarding sexual health; the young person has an age-appropriate and healthy outlook regarding sexual relationships.",
            "Young person is sexually active and in an equal consensual relationship with a peer. Young person does not feel pressured, they feel they can say no and is following safe sex advice.",
            "Information leads to concerns that the young person is feeling pressured to become sexually active, or there are some sexual health concerns.",
            "Young person is sexually active but is not willing to access support from any sexual health services.",
            "Young person feels pressure to have sex or perform sexual acts in exchange for status, protection, possessions, substances or affection. Young person is being pressured to perform sex as part of initiations into ‘gangs’. Young person has been coerced to perform a line up. Young person is in a sexual relationship with an adult, there is a wide age gap or a clear imbalance of power. Young person is under 13 years old and sexually active. Young person has many sexual partners or many tests for STIs or pregnancy.",
            "Sex is non-consensual – young person is experiencing violence or coercion with sex, or is unable to consent due to intoxication with alcohol and/or drugs. Young person is made to watch sexual acts. Concerns and evidence that the young person has been forced to transport drugs through ‘plugging’.",
        ]),
        new("absent-missing", "Absent / missing",
        [
            "There are no concerns regarding missing or absence.",
            "(Increasing) episodes of missing education, truancy.",
            "Stays out late (state pattern), often breaking curfews. Young person often returns within 24 hours.",
            "Occasionally goes missing for short or prolonged episodes (state pattern).",
            "Frequent and short missing episodes – information or concerns that the young person is being exploited for local drug dealing or criminal activity.",
            "Frequent and prolonged missing episodes – information or concerns that the young person is being exploited for county lines (‘OT’, country, ‘cunch’).",
        ]),
        new("familial", "Familial concerns – parent/carer and young person relationship",
        [
            "Parent/carer and the young person have a positive relationship and communicate effectively. Parent/carer demonstrates emotional warmth and provides stability for the young person. Young person responds to boundaries.",
            "Parent/carer and the young person have a generally positive relationship; they express concern and respond to the young person’s needs and presenting concerns (for example, reporting the young person missing to police). Appropriate boundaries are in place but the young person does not always adhere to them.",
            "The relationship between the young person and their parent/carer is strained. Parent/carer is not consistently responding to the young person.",
            "There has been a sudden or recent negative change in the quality of the relationship, or the relationship is thought to be strained.",
            "Poor or negative relationship and communication between the young person and their parent/carer. Young person not responding to boundaries; historic abuse or experiences of trauma in the family or directly to the young person. Familial links with gangs or criminal activity.",
            "Current or suspected abuse in the family. Poor communication, low warmth, attachment or trust. Parent/carer does not implement age-appropriate boundaries.",
        ]),
        new("emotional-physical", "Emotional and physical condition",
        [
            "No concerns.",
            "Concerns that the young person is becoming increasingly distant, distracted and preoccupied.",
            "Experiencing difficulties in identity, low self-esteem or self-confidence. Young person is avoiding certain areas, worried about being harmed.",
            "Learning or physical difficulties or vulnerabilities; reporting thoughts of helplessness, self-harm or suicide. Young person is significantly stressed and anxious and is refusing to leave the home.",
            "Unexplained injuries, either suspected through being inflicted or through self-harming. Young person expressing suicidal ideation.",
            "Hospital admission due to unexplained injuries, self-harming or suicide attempt; concerns regarding experiences of trauma, PTSD.",
        ]),
        new("gangs-risky-adults", "Association with gangs, criminals or adults who pose a risk",
        [
            "No concerns.",
            "Young person not at risk; information indicates that the young person may have some contact with vulnerable peers but has other positive networks.",
            "Young person is aware of gang activity in their area, and aware of others associated, but information indicates that they are not actively involved.",
            "Young person socialises with vulnerable peers or adults or is in contact with peers who pose a risk; there is no information that they themselves are involved in exploitation, however they are thought to be on the periphery.",
            "Young person is in active contact with risky adults and peers; information or intelligence confirms they are known ‘gang’ associates or nominals; young person can recognise risks or exploitation but contact has not reduced. Young person is suspected of carrying a knife, or drugs with the intent to supply.",
            "Young person is known to be habitually associating with risky adults or peers. Young person is actively involved with a gang or criminal group, or associated to gang members through peers or family; they have been found in possession of a knife (bladed article), firearm or drugs (not for personal use). They have been found on a suspected county line; exploitation of the young person is heavily suspected.",
        ]),
        new("technology", "Use of technology and social media – sexual bullying",
        [
            "No concerns – young person uses the internet and/or has an instant messaging account; they have a good awareness of potential risks of internet use, and age-appropriate parental controls and monitoring are in place.",
            "Young person uses the internet and social media accounts and there are some concerns that age-appropriate monitoring and guidance is lacking or should be strengthened.",
            "Young person has accessed one or more social networking sites and has links to, or is ‘friends’ with, unknown people.",
            "Unmonitored or secretive use of the internet. Young person receives texts or calls from unknown people. Possession of a mobile phone of which the parent/carer has no or only limited knowledge. Accessing videos connected to gangs or criminality.",
            "Young person has been exposed to online dangers and regularly accesses dating sites. Young person is at risk of being coerced into sharing inappropriate images of themselves. Images or videos may include drug taking, weapons, money, peers and adults thought to be associated with gangs or criminal activity, unknown locations such as hotel rooms.",
            "Young person may be receiving threats and there is evidence that they are being coerced and controlled through online platforms, including to post inappropriate language, information or sexual pictures, or to meet face to face a person they only know online. Young person has appeared as a victim in an online video relating to criminal or sexual exploitation. Young person has suddenly stopped using any social media.",
        ]),
        new("alcohol-drugs", "Alcohol and drug use",
        [
            "No concerns.",
            "Experimental or recreational use of drugs or alcohol (cigarettes in younger children).",
            "Uses drugs or alcohol – there is evidence of increasing and regular use and it is unclear how this is being financed.",
            "Alcohol or drug dependency and habitual use is suspected. Drug possession and use is ‘on tick’ and the young person is becoming indebted.",
            "Evidence that the young person is dependent on alcohol or drugs.",
            "Evidence of drug dependency; young person has been arrested for drug possession with intent to supply, on a county line or in a ‘trap house’ or ‘bando’.",
        ]),
        new("recognition-gifts", "Recognition of abusive and exploitative behaviour; receipt of unexplained gifts or money",
        [
            "No concerns; young person has a good understanding of exploitative or abusive behaviour and can use it to keep themselves safe, within the context of age and environment. All new gifts and belongings are accounted for.",
            "Reasonable understanding of abusive or exploitative behaviour.",
            "Some understanding of abusive or exploitative behaviour; may recognise the risk but is unable to apply it to themselves; requires some additional support in understanding how relationships can become exploitative.",
            "Limited recognition of exploitative relationship patterns; young person has unaccounted-for gifts or money, and evidence or concerns that they may be feeling ‘indebted’ to others.",
            "Very limited recognition of abusive or exploitative behaviour; young person has money being transferred through their bank account, gifts, belongings or clothing unaccounted for. Young person is being asked to carry out jobs or tasks to clear a debt.",
            "No recognition of abusive or exploitative behaviour; cannot identify or recognise the risk of abuse or exploitation.",
        ]),
        new("authority-education", "Distrust of authority figures; disengagement from education",
        [
            "Good engagement with all appropriate services and professionals; engaged in education, training or work, or actively seeking employment.",
            "Increasing recent concerns regarding attendance at school.",
            "Reasonable engagement with all relevant services, professionals and education, but attendance is a concern. Education could include being on roll at a school or PRU (with or without alternative provision), at a college, or employed with training.",
            "Some engagement with services and professionals: occasional contact, a reduced timetable, or persistent absence from school. Sudden noticeable change in engagement, including attendance, performance or behaviour at school. Negative view of authority figures and professionals.",
            "Brief or no meaningful engagement with professionals or services: early stages or sporadic contact. Young person is excluded from school, or is NEET (not in education, employment or training) but is showing an interest in accessing opportunities.",
            "Not engaging with services or professionals. Young person is not attending school or is NEET and shows no interest in accessing education or training opportunities.",
        ]),
    ]);

    public static readonly SeamForm V2017 = new("2017", "SEAM tool (2017)", "Barnet SEAM measurement tool, 2017 (seed 001 §4)",
    [
        new("missing", "Episodes of missing from home or care", []),
        new("recognise-abuse", "Ability to identify abusive or exploitative behaviour", []),
        new("school-attendance", "School or college attendance", []),
        new("service-engagement", "Engagement with appropriate services and professionals", []),
        new("substances", "Consumption of controlled substances", []),
        new("sexual-health", "Sexual health", []),
        new("parent-carer", "Parent/carer and young person relationship", []),
        new("risky-associates", "Association with risky peers or adults", []),
        new("accommodation", "Accommodation", []),
        new("social-media", "Social media and internet use indicates risk", []),
    ]);

    public static readonly IReadOnlyList<SeamForm> All = [V2020, V2017];

    public static SeamForm? Find(string? version) => All.FirstOrDefault(f => f.Version == version?.Trim());
}
