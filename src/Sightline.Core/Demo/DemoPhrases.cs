namespace Sightline.Core.Demo;

/// <summary>
/// Invented wording for the demo's screens, assessments and plans: short, varied, and written in
/// the partnership's language guidance (the child is never blamed for their own exploitation).
/// Nothing here describes a real young person.
/// </summary>
internal static class DemoPhrases
{
    /// <summary>Evidence for a SEAM 2020 domain by band: [0] scores 1–2, [1] score 3, [2] scores 4–5.</summary>
    public static readonly IReadOnlyDictionary<string, string[][]> Evidence = new Dictionary<string, string[][]>
    {
        ["sexual-health"] =
        [
            ["Attends the school nurse drop-in and knows where to get advice.", "Talked openly with the school nurse about healthy relationships.", "Some questions about relationships raised in PSHE; no specific concern."],
            ["School nurse is worried the young person feels pressured in a relationship.", "Has not attended two booked sexual health appointments; the clinic is offering an outreach visit.", "Friends have told staff about an older boyfriend; details are not known."],
            ["Concerns that the young person is in a relationship with an adult with a clear imbalance of power.", "Repeat attendance at the sexual health clinic; the nurse is concerned about coercion.", "Information suggests the young person may have been coerced into sexual acts in exchange for somewhere to stay."],
        ],
        ["absent-missing"] =
        [
            ["Attendance has dipped this term, mostly late arrivals.", "Occasionally home after the agreed time; parent reports it promptly.", "Two unauthorised absences from school this half term."],
            ["Missing overnight twice this month, returning the next morning.", "Parent reports the young person stays out late several nights a week and will not say where.", "Missing episodes are becoming more frequent; return home interviews offered."],
            ["Found by police in another county after three days missing; concern about county lines exploitation.", "Frequent short missing episodes; police intelligence links them to local drug supply.", "Missing for over 48 hours on two occasions; returned with new clothes and a second phone."],
        ],
        ["familial"] =
        [
            ["Warm relationship with mum; boundaries are in place and mostly followed.", "Carer responds quickly to concerns and reports missing episodes.", "Family are supportive and attend meetings."],
            ["Relationship with the carer has become strained since the summer.", "Arguments at home about curfew; carer is asking for support with boundaries.", "Carer is struggling to respond consistently; early help worker involved."],
            ["History of domestic abuse in the household; the young person is reluctant to be at home.", "Carer is not currently able to keep the young person safe; family links to criminal activity.", "Sudden breakdown in the relationship with the carer; the young person is staying with friends."],
        ],
        ["emotional-physical"] =
        [
            ["Seems more withdrawn in class, according to the form tutor.", "Low mood reported by the school counsellor; no self-harm disclosed.", "Some worries about friendships; talking to the learning mentor."],
            ["Anxiety is affecting sleep and school attendance; CAMHS referral made.", "Avoids certain areas of the estate and says they are worried about being hurt.", "Low self-esteem described by all professionals; the young person says they feel 'stuck'."],
            ["Unexplained injuries seen by school staff; the young person would not say how they happened.", "Attended A&E after self-harm; CAMHS follow-up arranged.", "Has spoken about wanting to end their life; safety plan in place with CAMHS."],
        ],
        ["gangs-risky-adults"] =
        [
            ["Some contact with peers known to the youth offending team, but has other positive friendships.", "Aware of local group activity but no information that they are involved.", "Plays football at the youth club and has a positive peer group there."],
            ["Seen with older peers who are known to police; no information that they are being exploited.", "Friends from a different area have been seen collecting the young person from school.", "Mentioned 'owing' an older friend; youth worker following up."],
            ["Police intelligence links the young person to adults involved in drug supply; they have been criminally exploited.", "Stopped by police with a bladed article; said they carry it because they are scared.", "Found in a property used for drug supply in another town; treated as a victim of exploitation."],
        ],
        ["technology"] =
        [
            ["Uses social media with some parental oversight; talked about privacy settings at school.", "Has a phone the carer knows about; no concerns about contacts.", "Completed online safety session at school."],
            ["Has contacts online the carer does not know.", "Receiving calls late at night from withheld numbers.", "Has a second phone the carer did not know about."],
            ["Evidence of being coerced to share images through a messaging app; police informed.", "Appears in videos linked to local groups; concern they are being controlled through social media.", "Receiving threatening messages online; the young person is frightened."],
        ],
        ["alcohol-drugs"] =
        [
            ["Has tried cannabis with friends, by their own account.", "Occasional alcohol use at weekends; carer aware.", "Talked about vaping with the school nurse."],
            ["Regular cannabis use; unclear how it is being paid for.", "Drinking most weekends; came home intoxicated twice.", "Says they are 'on tick' with someone older for cannabis."],
            ["Dependent on cannabis; substance misuse service involved.", "Arrested in possession of class A drugs packaged for supply; NRM referral made.", "Owes a drug debt and is being pressured to repay it by running errands."],
        ],
        ["recognition-gifts"] =
        [
            ["Understands what a healthy relationship looks like, from work in school.", "Can explain how grooming works and who to tell.", "All new belongings are accounted for by the carer."],
            ["Has new trainers and a phone that the carer cannot account for.", "Recognises exploitation in others but not in their own friendships.", "Has been given money by an older friend and says it is 'just a favour'."],
            ["Large sums of money seen by the carer; the young person says they are being made to do jobs to clear a debt.", "Does not see the older adults around them as a risk; describes them as family.", "Money is being moved through the young person's bank account; bank has contacted the carer."],
        ],
        ["authority-education"] =
        [
            ["On roll and attending most days; good relationship with the learning mentor.", "Attending college part time and keen to continue.", "Gets on well with the youth worker and attends sessions."],
            ["On a reduced timetable; attendance has fallen to around half.", "Finds it hard to trust police after a stop and search; we are working on what helps.", "Contact with the social worker is occasional; prefers to meet at the youth club."],
            ["Not in education, employment or training; no contact with the careers service yet.", "Permanently excluded; alternative provision place not yet taken up.", "We have not yet found a way of working that feels safe for the young person; the pull of the people coercing them is significant."],
        ],
    };

    /// <summary>Evidence for the one 2017 area without a 2020 counterpart.</summary>
    public static readonly string[][] Accommodation =
    [
        ["Living at home with mum; the home is stable.", "Placed with long-term foster carers; the placement is settled.", "Family are waiting for a housing transfer but the home is safe."],
        ["Moved placement twice this year.", "Sofa-surfing with friends at weekends.", "Family are in temporary accommodation out of the area."],
        ["Staying at addresses unknown to the carer; one is thought to be used for drug supply.", "Placement has broken down; in emergency accommodation.", "No fixed address for the last month; housing and social care working on a plan."],
    ];

    /// <summary>How a 2017 area reads in the 2020 form, to borrow its evidence and plan wording.</summary>
    public static readonly IReadOnlyDictionary<string, string> From2017 = new Dictionary<string, string>
    {
        ["missing"] = "absent-missing",
        ["recognise-abuse"] = "recognition-gifts",
        ["school-attendance"] = "authority-education",
        ["service-engagement"] = "authority-education",
        ["substances"] = "alcohol-drugs",
        ["sexual-health"] = "sexual-health",
        ["parent-carer"] = "familial",
        ["risky-associates"] = "gangs-risky-adults",
        ["accommodation"] = "accommodation",
        ["social-media"] = "technology",
    };

    /// <summary>The SAFEGUARD area each 2020 SEAM domain speaks to.</summary>
    public static readonly IReadOnlyDictionary<string, string> ScreenArea = new Dictionary<string, string>
    {
        ["sexual-health"] = "sexual-health",
        ["absent-missing"] = "absent",
        ["familial"] = "familial-abuse",
        ["emotional-physical"] = "emotional-physical",
        ["gangs-risky-adults"] = "gangs",
        ["technology"] = "technology",
        ["alcohol-drugs"] = "alcohol-drugs",
        ["recognition-gifts"] = "gifts-money",
        ["authority-education"] = "distrust-authority",
    };

    public static readonly string[] NoConcern = ["No current concerns.", "Nothing of concern known to the network.", "No concerns raised by any agency."];

    public static readonly string[] MeetingReasons =
    [
        "Several areas of concern and new information from police: a strategy meeting is needed to share information and start a SEAM.",
        "Missing episodes and unexplained money together suggest possible exploitation; holding a strategy meeting with the network.",
        "The school, police and the family all describe changes in the last month; a SEAM assessment will help the network agree a plan.",
        "Concerns across several areas; the young person may have been groomed. Strategy meeting and SEAM agreed with the team manager.",
    ];

    public static readonly string[] NoMeetingReasons =
    [
        "One area of concern, already addressed through the child in need plan; no strategy meeting for now. Screen again if anything changes.",
        "No areas of concern today. The screen was done after the school raised a worry, which has been resolved with the family.",
        "Concerns are being met by early help and the school; the network will screen again at the next review.",
        "A worry about online contacts is being followed up with the carer; not enough to hold a strategy meeting at this point.",
    ];

    public static readonly string[] JudgementReasons =
    [
        "New police intelligence since the assessment suggests the risk is higher than the scores show.",
        "The young person went missing again during the assessment and was found out of area; the level should reflect that.",
        "The scores do not capture the pattern across agencies: together the information points to a higher risk.",
        "Recent disclosure to the school nurse raises the level; the scores will be updated at the review.",
    ];

    public static readonly string[] ReturnComments =
    [
        "Please add the police information shared at the strategy meeting to the evidence for missing episodes, then resubmit.",
        "The young person's own view is missing; please record what they told you and submit again.",
        "Evidence for the scores of 4 needs the dates and sources; please add them.",
    ];

    /// <summary>The young person's own words, by their own view of the risk (Low to Very high).</summary>
    public static readonly string[][] YoungPersonViews =
    [
        ["I'm fine. I don't think anyone needs to worry about me.", "Things are better since I went back to school.", "I just want to get on with college."],
        ["Some of it is true but it's not as bad as everyone thinks.", "I know some of my mates aren't good for me.", "I want to see my youth worker more."],
        ["I'm scared of some of the people I know but I can't just stop seeing them.", "I owe people and I don't know how to get out of it.", "I don't feel safe on the estate any more."],
        ["I don't feel safe anywhere right now.", "I want to move away from here.", "I need help but I'm scared of what happens if I talk."],
    ];

    /// <summary>Plan wording per 2020 domain (and accommodation): area of need, desired outcome, action.</summary>
    public static readonly IReadOnlyDictionary<string, (string Need, string Outcome, string Action)[]> Plans = new Dictionary<string, (string, string, string)[]>
    {
        ["sexual-health"] =
        [
            ("Sexual health and relationships", "The young person knows where to get advice and feels able to say no.", "School nurse to offer weekly sessions on healthy relationships."),
            ("Possible coercion in a relationship", "The network understands who the young person is in contact with.", "Police to carry out checks on the adult named by friends."),
        ],
        ["absent-missing"] =
        [
            ("Missing episodes", "Fewer and shorter missing episodes; the young person is safe when away from home.", "Return home interviews within 72 hours of each episode."),
            ("Patterns of missing", "The network knows where the young person goes when missing.", "Police to map locations from the last three episodes and share at the next meeting."),
        ],
        ["familial"] =
        [
            ("Relationship with the carer", "The young person and the carer agree boundaries they both keep.", "Family support worker to hold weekly sessions at home."),
            ("Safety at home", "The young person feels safe at home.", "Social worker to complete a safety plan with the young person and the carer."),
        ],
        ["emotional-physical"] =
        [
            ("Emotional wellbeing", "The young person has someone they trust to talk to about how they feel.", "CAMHS to offer an appointment within four weeks."),
            ("Self-harm", "The young person has a safety plan and knows how to use it.", "School counsellor and CAMHS to agree a safety plan with the young person."),
        ],
        ["gangs-risky-adults"] =
        [
            ("Contact with adults who pose a risk", "The young person spends less time with the adults exploiting them.", "Police to consider disruption orders against the adults identified."),
            ("Positive activities", "The young person has safe places to go after school.", "Youth worker to introduce the young person to the boxing club."),
        ],
        ["technology"] =
        [
            ("Online contacts", "The carer understands the young person's online contacts and how to help.", "Social worker to go through online safety with the carer."),
            ("Image sharing", "Images are removed and the young person feels supported.", "Police to use the reporting route to have images removed."),
        ],
        ["alcohol-drugs"] =
        [
            ("Substance use", "The young person reduces their cannabis use.", "Substance misuse worker to offer weekly sessions."),
            ("Drug debt", "The debt is no longer used to control the young person.", "Police and the youth offending team to agree a plan to address the debt safely."),
        ],
        ["recognition-gifts"] =
        [
            ("Understanding exploitation", "The young person can recognise exploitative relationships.", "Youth worker to complete the exploitation awareness programme with the young person."),
            ("Unexplained money and belongings", "The network knows where new belongings come from.", "Carer to note new items and share with the social worker each week."),
        ],
        ["authority-education"] =
        [
            ("Education", "The young person attends full time.", "Inclusion officer to arrange a return-to-school meeting."),
            ("Trust in professionals", "The young person has one trusted adult in the network.", "The network to agree who the lead professional is and how they keep in touch."),
        ],
        ["accommodation"] =
        [
            ("Stable accommodation", "The young person has a settled place to live.", "Housing to assess for supported accommodation."),
            ("Placement stability", "The placement continues with support.", "Social worker to arrange placement support for the carers."),
        ],
    };

    public static readonly string[] DoneNotes =
    [
        "Done: sessions took place and the young person attended most of them.",
        "Completed and shared at the review meeting.",
        "Done. The young person said it helped.",
        "Completed; follow-up agreed in the next plan.",
    ];

    public static readonly string[] CancelledNotes =
    [
        "Cancelled: no longer needed after the change of placement.",
        "Cancelled: replaced by a different action agreed at the review.",
    ];

    public const string PanelAccepted = "Discussed at the MACE panel; a multi-agency disruption and safety plan was agreed.";
}
