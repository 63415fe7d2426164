"""Code lists of the SSDA903 return (DfE guide, collection years 2023-24 to 2025-26).

Each list is a mapping code -> plain-English label, so that screens and reports can say what a
code means. Unknown codes are not rejected when a return is read: the validation rules report them.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

Codes = MappingProxyType[str, str]


def _codes(**items: str) -> Codes:
    return MappingProxyType(dict(items))


def _codes_from(pairs: list[tuple[str, str]]) -> Codes:
    return MappingProxyType(dict(pairs))


# SEX changed in 2024-25 from 1/2 to M/F/U. Both are read; the engine maps 1 -> M and 2 -> F.
SEX_BEFORE_2025: Final = _codes_from([("1", "Male"), ("2", "Female")])
SEX_FROM_2025: Final = _codes_from([("M", "Male"), ("F", "Female"), ("U", "Unknown or indeterminate")])
SEX: Final = _codes_from([*SEX_BEFORE_2025.items(), *SEX_FROM_2025.items()])
SEX_NORMALISED: Final = MappingProxyType({"1": "M", "2": "F", "M": "M", "F": "F", "U": "U"})

ETHNIC: Final = _codes(
    WBRI="White British",
    WIRI="White Irish",
    WOTH="Any other White background",
    WIRT="Traveller of Irish heritage",
    WROM="Gypsy/Roma",
    MWBC="White and Black Caribbean",
    MWBA="White and Black African",
    MWAS="White and Asian",
    MOTH="Any other mixed background",
    AIND="Indian",
    APKN="Pakistani",
    ABAN="Bangladeshi",
    AOTH="Any other Asian background",
    BCRB="Caribbean",
    BAFR="African",
    BOTH="Any other Black background",
    CHNE="Chinese",
    OOTH="Any other ethnic group",
    REFU="Refused",
    NOBT="Information not yet obtained",
)

# Ethnicity groups used for breakdowns (indicators.md: Asian includes CHNE).
ETHNICITY_GROUP: Final = MappingProxyType(
    {
        **{c: "White" for c in ("WBRI", "WIRI", "WOTH", "WIRT", "WROM")},
        **{c: "Mixed" for c in ("MWBC", "MWBA", "MWAS", "MOTH")},
        **{c: "Asian" for c in ("AIND", "APKN", "ABAN", "AOTH", "CHNE")},
        **{c: "Black" for c in ("BCRB", "BAFR", "BOTH")},
        "OOTH": "Other",
        "REFU": "Refused or not obtained",
        "NOBT": "Refused or not obtained",
    }
)

RNE: Final = _codes(
    S="Started to be looked after",
    P="Change of placement and carer(s) only",
    L="Change of legal status only",
    T="Change of placement only, same carer(s): change in placement type",
    U="Change of legal status and placement type, same carer(s)",
    B="Change of legal status and placement and carer(s) at the same time",
)

LS: Final = _codes(
    C1="Interim care order",
    C2="Full care order",
    D1="Freeing order granted",
    E1="Placement order granted",
    J1="Remanded to local authority accommodation or to youth detention accommodation",
    J2="Placed in local authority accommodation under the Police and Criminal Evidence Act 1984",
    J3="Sentenced to Youth Rehabilitation Order with local authority residence requirement",
    L1="Under police protection and in local authority accommodation",
    L2="Emergency protection order (EPO)",
    L3="Under child assessment order and in local authority accommodation",
    V2="Single period of accommodation under section 20 (Children Act 1989)",
    V3="Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded",
    V4="Accommodated under an agreed series of short-term breaks, when agreements are recorded",
)

SHORT_BREAK_LS: Final = frozenset({"V3", "V4"})

LEGAL_STATUS_GROUP: Final = MappingProxyType(
    {
        "C1": "Interim care order",
        "C2": "Care order",
        "E1": "Placement order",
        "D1": "Placement order",
        "V2": "Section 20",
        "L1": "Detained for child protection",
        "L2": "Detained for child protection",
        "L3": "Detained for child protection",
        "J1": "Youth justice",
        "J2": "Youth justice",
        "J3": "Youth justice",
    }
)

CIN: Final = _codes(
    N1="Abuse or neglect",
    N2="Child's disability",
    N3="Parental illness or disability",
    N4="Family in acute stress",
    N5="Family dysfunction",
    N6="Socially unacceptable behaviour",
    N7="Low income",
    N8="Absent parenting",
)

PLACE: Final = _codes(
    A3="Placed for adoption with parental/guardian consent with current foster carer(s)",
    A4="Placed for adoption with parental/guardian consent not with current foster carer(s)",
    A5="Placed for adoption with placement order with current foster carer(s)",
    A6="Placed for adoption with placement order not with current foster carer(s)",
    H5="Semi-independent living accommodation not subject to children's homes regulations",
    K1="Secure children's homes",
    K2="Children's homes subject to children's homes regulations",
    K3="Supported accommodation registered with Ofsted",
    P1="Placed with own parent(s) or other person(s) with parental responsibility",
    P2="Independent living, for example in a flat, lodgings, bedsit, B&B or with friends",
    P3="Residential employment",
    R1="Residential care home",
    R2="NHS/health trust or other establishment providing medical or nursing care",
    R3="Family centre or mother and baby unit",
    R5="Young offender institution (YOI)",
    S1="All residential schools, except where dual-registered as a school and children's home",
    T0="Temporary placement: all types of temporary move",
    T1="Temporary periods in hospital",
    T2="Temporary absences of the child on holiday",
    T3="Temporary accommodation whilst normal foster carer(s) is/are on holiday",
    T4="Temporary accommodation of seven days or less, for any reason, not covered by codes T1 to T3",
    U1="Foster placement with relative(s) or friend(s): long term fostering",
    U2="Foster placement with relative(s) or friend(s) who is/are also an approved adopter(s): fostering for adoption / concurrent planning",
    U3="Foster placement with relative(s) or friend(s) who is/are not long-term or fostering for adoption / concurrent planning",
    U4="Foster placement with other foster carer(s): long term fostering",
    U5="Foster placement with other foster carer(s) who is/are also an approved adopter(s): fostering for adoption / concurrent planning",
    U6="Foster placement with other foster carer(s): not long term or fostering for adoption / concurrent planning",
    Z1="Other placements",
    # From 2025-26 Z1 is replaced by four sub-types; DfE's guide gives their full wording.
    Z11="Other placements (from 2025-26): sub-type Z11",
    Z12="Other placements (from 2025-26): sub-type Z12",
    Z13="Other placements (from 2025-26): sub-type Z13",
    Z14="Other placements (from 2025-26): sub-type Z14",
)

TEMPORARY_PLACE: Final = frozenset({"T0", "T1", "T2", "T3", "T4"})
ADOPTION_PLACE: Final = frozenset({"A3", "A4", "A5", "A6"})

PLACEMENT_GROUP: Final = MappingProxyType(
    {
        **{c: "Foster" for c in ("U1", "U2", "U3", "U4", "U5", "U6")},
        **{c: "Children's homes" for c in ("K1", "K2")},
        **{c: "Independent and supported" for c in ("P2", "H5", "K3")},
        "P1": "With parents",
        **{c: "Placed for adoption" for c in ADOPTION_PLACE},
        **{c: "Other residential" for c in ("R1", "R2", "R3", "R5", "S1")},
        **{c: "Other" for c in ("P3", "T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14")},
    }
)

PLACE_PROVIDER: Final = _codes(
    PR0="Parent(s) or other person(s) with parental responsibility",
    PR1="Own provision (by the council)",
    PR2="Other local authority provision",
    PR3="Other public provision (for example, a primary care trust)",
    PR4="Private provision",
    PR5="Voluntary/third sector provision",
)

REC: Final = _codes(
    E11="Adopted: application for an adoption order unopposed",
    E12="Adopted: consent dispensed with by the court",
    E13="Left care to live with parent(s), relative(s), or other person(s) with no parental responsibility",
    E14="Accommodation on remand ended",
    E15="Age assessment determined child is aged 18 or over",
    E16="Child moved abroad",
    E17="Aged 18 (or over) and remained with current carers (inc under staying put arrangements)",
    E2="Died",
    E3="Care taken over by another local authority in the UK",
    E41="Residence order (or, from 22 April 2014, a child arrangement order) granted",
    E45="Special guardianship order made to former foster carer(s), who was/are a relative(s) or friend(s)",
    E46="Special guardianship order made to former foster carer(s), other than relative(s) or friend(s)",
    E47="Special guardianship order made to carer(s), other than former foster carer(s), who was/are a relative(s) or friend(s)",
    E48="Special guardianship order made to carer(s), other than former foster carer(s), other than relative(s) or friend(s)",
    E4A="Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility as part of the care planning process",
    E4B="Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility which was not part of the current care planning process",
    E5="Moved into independent living arrangement and no longer looked-after: supportive accommodation providing formalised advice/support arrangements",
    E6="Moved into independent living arrangement and no longer looked-after: accommodation providing no formalised advice/support arrangements",
    E7="Transferred to residential care funded by adult social care services",
    E8="Period of being looked-after ended for any other reason",
    E9="Sentenced to custody",
    X1="Episode ceases, and new episode begins on same day, for any reason",
)

# E43 and E44 were special guardianship codes before 2012; still recognised in old data.
REC_HISTORIC: Final = _codes(
    E43="Special guardianship order made to former foster carer(s) (before April 2012)",
    E44="Special guardianship order made to carer(s) other than former foster carer(s) (before April 2012)",
)

REASON_PLACE_CHANGE: Final = _codes(
    CARPL="Change to/implementation of care plan",
    CLOSE="Resignation/closure of provision",
    ALLEG="Allegation (s47)",
    STAND="Standards of care concern",
    APPRR="Approval removed",
    CREQB="Carer(s) requests placement end due to child's behaviour",
    CREQO="Carer(s) requests placement end other than due to child's behaviour",
    CHILD="Child requests placement end",
    LAREQ="Responsible/area authority requests placement end",
    PLACE="Change in the status of placement only",
    CUSTOD="Custody arrangement",
    OTHER="Other",
)

REVIEW_CODE: Final = _codes(
    PN0="Child aged under 4 at the time of the review",
    PN1="Child physically attended and spoke for him or herself",
    PN2="Child physically attended and an advocate spoke on his or her behalf",
    PN3="Child attended and conveyed views symbolically (non-verbally)",
    PN4="Child physically attended but did not speak for him or herself",
    PN5="Child did not attend but briefed an advocate to speak for him or her",
    PN6="Child did not attend but conveyed his or her feelings to the review by a facilitative medium",
    PN7="Child did not attend nor were his or her views conveyed to the review",
)

MISSING: Final = _codes(M="Missing", A="Away from placement without authorisation")

YES_NO: Final = _codes(**{"0": "No", "1": "Yes"})

SDQ_REASON: Final = _codes(
    SDQ1="No form returned as child was aged under 4 or over 17 at date of latest assessment",
    SDQ2="Carer(s) refused to complete and return questionnaire",
    SDQ3="Not possible to complete the questionnaire due to severity of the child's disability",
    SDQ4="Other",
    SDQ5="Child or young person refuses to allow an SDQ to be completed",
)

IN_TOUCH: Final = _codes(
    YES="Yes, in touch",
    NO="No, not in touch",
    DIED="Died",
    REFU="Young person refuses contact",
    NREQ="Young person no longer requires services",
    RHOM="Young person has returned home to live with parents",
)

ACTIV: Final = _codes(
    F1="Full-time higher education",
    P1="Part-time higher education",
    F2="Full-time education other than higher education",
    P2="Part-time education other than higher education",
    F4="Full-time training or employment",
    P4="Part-time training or employment",
    F5="Full-time apprenticeship",
    P5="Part-time apprenticeship",
    G4="Not in education, training or employment: illness or disability",
    G5="Not in education, training or employment: other reasons",
    G6="Not in education, training or employment: pregnancy or parenting",
    **{"0": "Information not known"},
)

EET_ACTIV: Final = frozenset({"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"})
NEET_ACTIV: Final = frozenset({"G4", "G5", "G6"})

_ACCOM_TYPES = {
    "B": "With parents or relatives",
    "C": "Community home or other form of residential care",
    "D": "Semi-independent, transitional accommodation",
    "E": "Supported lodgings",
    "G": "Gone abroad",
    "H": "Deported",
    "K": "Ordinary lodgings, without formal support",
    "R": "Residence not known",
    "S": "No fixed abode / homeless",
    "T": "Foyers and similar supported accommodation",
    "U": "Independent living",
    "V": "Emergency accommodation",
    "W": "Bed and breakfast",
    "X": "In custody",
    "Y": "Other accommodation",
    "Z": "With former foster carers",
}
ACCOM: Final = _codes_from(
    [
        *(
            (f"{k}{s}", f"{v}: {'suitable' if s == '1' else 'not suitable'}")
            for k, v in _ACCOM_TYPES.items()
            for s in "12"
        ),
        ("0", "Information not known"),
    ]
)

SEX_ADOPTR: Final = _codes(
    M1="Male adopter", F1="Female adopter", MM="Male couple", FF="Female couple", MF="Mixed-sex couple"
)
LS_ADOPTR: Final = _codes(
    L0="Single adopter",
    L11="Married couple",
    L12="Civil partnership",
    L2="Unmarried couple, living together",
    L3="Same-sex couple (before civil partnerships)",
    L4="Other",
)
REASON_PLACED_CEASED: Final = _codes(
    E11="Adopted: application unopposed",
    E12="Adopted: consent dispensed with",
    RD1="Child returned to local authority care",
    RD2="Adoption placement disrupted",
    RD3="Child's needs changed",
    RD4="Other reasons",
)
PREV_PERM: Final = _codes(
    P1="Adoption",
    P2="Special guardianship order",
    P3="Residence order or child arrangement order",
    Z1="Child has not previously had a permanence option or not known",
)
# Reasons for a change of social worker (SWEpisodes, from 2023-24). Codes as DfE's 903 guide and
# the community validator (rule SW13STG1) list them; the labels are our plain-English wording.
SW_REASON: Final = _codes(
    MANAGE="Management decision, for example to balance caseloads",
    FCONTA="First contact or re-referral",
    LEFTRL="Social worker left the role",
    ORGRST="Organisational restructure",
    TSPROC="Transfer between teams as part of the usual process",
    ABSENC="Social worker absent, for example long-term sickness or parental leave",
    CHCHAN="Child asked for a change",
    PCCHAN="Parent or carer asked for a change",
    SWDIED="Social worker died",
    OTHERS="Other reason",
)
