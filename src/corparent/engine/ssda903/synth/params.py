# fmt: off
"""Calibration constants of the synthetic council.

Each constant says which England figure it is tuned towards (indicators.md, "England, for
orientation": DfE, year ending 31 March 2023-2025). The figures are reproduced as the indicator
engine computes them at 31 March of the last full collection year; none of the constants is
real data about any child. Probabilities are plain floats; tuples of (code, weight) are
normalised where they are used. Durations are in days.
"""

from __future__ import annotations

from typing import Final

# ---------------------------------------------------------------------------------------------
# Horizon and volume
# ---------------------------------------------------------------------------------------------

# Care histories start this many years before the first collection year: a care leaver aged 21
# at the reference date may have entered care at birth.
HISTORY_YEARS: Final = 22

# First periods of care started per year, per child looked after at the reference date.
# With the durations below this gives a stock of about 3 child-years per first entry; entries are
# drawn OVERSAMPLE times too many and thinned so that exactly `children` are looked after at the
# reference date (and the same fraction of everyone else is kept).
FIRST_ENTRIES_PER_CLA: Final = 0.315
UASC_ENTRIES_PER_CLA: Final = 0.062  # uasc_pct 8-9% of cla (England 2023-2025: 9%, 9%, 8%)
OVERSAMPLE: Final = 1.25

# Series of short breaks (V3/V4) started per year per cla: about 1 in 10 children in a year's
# Header are short-break-only children.
SHORT_BREAK_SERIES_PER_CLA: Final = 0.058

# cla_rate per 10,000 aged 0-17 (England 2023-2025: 70, 69, 67); the population written to the
# manifest is chosen to give this rate at 31 March of the last full year.
TARGET_CLA_RATE: Final = 68.5

# ---------------------------------------------------------------------------------------------
# Children
# ---------------------------------------------------------------------------------------------

# 56% of cla male: UASC are nearly all boys, so the rest are a little over half boys.
MALE_SHARE: Final = 0.525
MALE_SHARE_UASC: Final = 0.95

# Ethnicity of cla: White 71%, Mixed 10%, Asian 5%, Black 8%, Other 5%, not obtained 1%.
# UASC (about 8.5% of cla) are mostly Other, Black African and Asian Other; the rest make up
# the difference.
ETHNICITY: Final = (
    ("WBRI", 0.650), ("WIRI", 0.005), ("WOTH", 0.085), ("WIRT", 0.007), ("WROM", 0.018), ("MWBC", 0.040),
    ("MWBA", 0.022), ("MWAS", 0.017), ("MOTH", 0.030), ("AIND", 0.007), ("APKN", 0.014), ("ABAN", 0.006),
    ("AOTH", 0.009), ("CHNE", 0.002), ("BCRB", 0.015), ("BAFR", 0.030), ("BOTH", 0.015), ("OOTH", 0.018),
    ("REFU", 0.003), ("NOBT", 0.008),
)
ETHNICITY_UASC: Final = (
    ("OOTH", 0.36), ("BAFR", 0.26), ("AOTH", 0.21), ("WOTH", 0.10), ("BOTH", 0.05), ("NOBT", 0.02),
)

# Age at first entry to care (regular, not UASC): England starts are about 20% under 1,
# 15% 1-4, 16% 5-9, 35% 10-15, 14% 16+ (before UASC). Half of under-1 starts are in the first
# weeks of life (BABY_MEAN_AGE_DAYS).
ENTRY_AGE_BANDS: Final = ((0, 1, 0.205), (1, 5, 0.145), (5, 10, 0.155), (10, 16, 0.355), (16, 18, 0.14))
BABY_MEAN_AGE_DAYS: Final = 80
# UASC: mostly 16-17-year-old boys.
UASC_ENTRY_AGE_BANDS: Final = ((13, 14, 0.03), (14, 15, 0.07), (15, 16, 0.18), (16, 17, 0.40), (17, 18, 0.32))

# ---------------------------------------------------------------------------------------------
# Periods of care: pathway (how the period ends) by age at the start
# ---------------------------------------------------------------------------------------------

HOME, ADOPT, SGO, CAO, LONG, TEEN, YJ, UASC = range(8)

# Rows: age bands as ENTRY_AGE_BANDS (under 1, 1-4, 5-9, 10-15, 16-17); columns HOME..YJ.
# Tuned so that of ceases: returned home (E4A/E4B) ~30%, adopted ~9%, SGO ~12%, CAO ~4%,
# and of cla: age profile under 1 5%, 1-4 13%, 5-9 17%, 10-15 38%, 16+ 27%.
PATHWAY_BY_AGE: Final = (
    (0.220, 0.390, 0.25, 0.035, 0.105, 0.00, 0.00),
    (0.325, 0.235, 0.26, 0.075, 0.105, 0.00, 0.00),
    (0.410, 0.010, 0.235, 0.085, 0.260, 0.00, 0.00),
    (0.420, 0.000, 0.065, 0.037, 0.318, 0.10, 0.06),
    (0.255, 0.000, 0.01, 0.01, 0.505, 0.15, 0.075),
)

# Duration of a period by pathway: lognormal (median days, sigma), at least MIN days.
DURATION: Final = {
    HOME: (165.0, 1.25),
    SGO: (560.0, 0.55),
    CAO: (430.0, 0.50),
    TEEN: (240.0, 1.00),
    YJ: (60.0, 1.00),
}
MIN_DURATION: Final = 1
# Adoption: entry to placement with adopters (England A1 ~ 450-480 days), then placement to
# adoption order.
ADOPT_TO_PLACED: Final = (440.0, 150.0, 150.0)  # mean, sd, minimum
ADOPT_PLACED_TO_ORDER: Final = (250.0, 90.0, 70.0)

# Reason episode ceased, by pathway. Ceases: home 30%, adopted 9%, SGO 12%, CAO ~4%,
# E5/E6 ~8%, E17 ~5%.
REC_BY_PATHWAY: Final = {
    HOME: (("E4A", 0.80), ("E4B", 0.20)),
    ADOPT: (("E11", 0.30), ("E12", 0.70)),
    SGO: (("E45", 0.45), ("E46", 0.12), ("E47", 0.33), ("E48", 0.10)),
    CAO: (("E41", 1.0),),
    TEEN: (
        ("E13", 0.40), ("E8", 0.28), ("E3", 0.16), ("E16", 0.05), ("E9", 0.06), ("E2", 0.01), ("E4B", 0.04),
    ),
    YJ: (("E14", 0.62), ("E9", 0.28), ("E8", 0.10)),
}
# Leaving care on the 18th birthday (LONG and UASC pathways, and anyone still looked after).
REC_AT_18: Final = (
    ("E5", 0.155), ("E6", 0.025), ("E17", 0.14), ("E8", 0.50), ("E7", 0.03), ("E13", 0.07), ("E4A", 0.08),
)
REC_AT_18_UASC: Final = (("E5", 0.22), ("E6", 0.05), ("E17", 0.08), ("E8", 0.65))
# UASC leaving early: transferred to another council (national transfer scheme), age assessed
# as an adult, or other.
UASC_EARLY: Final = (("E3", 0.11, 7.0, 60.0), ("E15", 0.04, 14.0, 150.0), ("E13", 0.02, 30.0, 300.0))

# Re-entry: probability a period ending this way is followed by another, and the gap
# (lognormal median days, sigma, minimum days).
REENTRY_P: Final = {
    "E4A": 0.19, "E4B": 0.25, "E13": 0.22, "E8": 0.12, "E14": 0.30, "E9": 0.15, "E41": 0.04, "E45": 0.02,
    "E46": 0.02, "E47": 0.03, "E48": 0.03,
}
REENTRY_GAP: Final = (260.0, 1.0, 14)
ORDER_RECS: Final = ("E11", "E12", "E41", "E45", "E46", "E47", "E48")  # care ended by an order
MAX_PERIODS: Final = 4
# Re-entering children are more likely to stay: pathway probabilities for a second or later
# period are the row for the age band with LONG multiplied by this and renormalised.
REENTRY_LONG_BOOST: Final = 1.4

# ---------------------------------------------------------------------------------------------
# Short breaks
# ---------------------------------------------------------------------------------------------

SHORT_BREAK_AGE: Final = (5.0, 16.0)  # age at the start of a series, uniform
SHORT_BREAK_SERIES: Final = (1000.0, 0.6)  # series length: lognormal median days, sigma
SHORT_BREAK_V3_SHARE: Final = 0.6  # V3 (each break recorded) vs V4 (agreements recorded)
SHORT_BREAK_V3_PER_YEAR: Final = (3.0, 10.0)  # breaks per year, uniform per child
SHORT_BREAK_NIGHTS: Final = (1, 4)
SHORT_BREAK_V4_AGREEMENT: Final = (300, 400)  # days an agreement lasts
SHORT_BREAK_V4_GAP: Final = (1, 40)
# Respite foster carers are not long-term foster carers (U1/U4 are not for short breaks: rule 384)
SHORT_BREAK_PLACE: Final = (("K2", 0.50), ("U6", 0.42), ("R1", 0.08))
SHORT_BREAK_REC: Final = "E4A"

# ---------------------------------------------------------------------------------------------
# Legal status within a period
# ---------------------------------------------------------------------------------------------

# cla by legal status: care order (C1+C2) ~77%, s20 (V2) ~15% (UASC are V2), placement order
# ~4%, other ~4%.
FIRST_LS: Final = {  # main legal status at the start, by pathway
    HOME: (("V2", 0.38), ("C1", 0.62)),
    ADOPT: (("C1", 1.0),),
    SGO: (("C1", 0.85), ("V2", 0.15)),
    CAO: (("C1", 0.75), ("V2", 0.25)),
    LONG: (("C1", 0.82), ("V2", 0.18)),
    TEEN: (("V2", 0.50), ("C1", 0.50)),
    YJ: (("J1", 0.72), ("J2", 0.08), ("J3", 0.20)),
    UASC: (("V2", 1.0),),
}
PROTECTION_P: Final = 0.07  # starts under police protection / EPO for a few days (L1-L3)
PROTECTION: Final = (("L1", 0.60), ("L2", 0.36), ("L3", 0.04))
# days under protection before the main legal status: police protection lasts at most 72 hours,
# an emergency protection order 8 days, a child assessment order 7 (rules 361-363)
PROTECTION_DAYS: Final = {"L1": 3, "L2": 8, "L3": 7}
PACE_DAYS: Final = 3  # detained under PACE (J2) for up to this many days, then remanded (J1)
V2_TO_C1_P: Final = 0.85  # s20 children (not UASC) on long pathways who go into proceedings
V2_TO_C1_DAYS: Final = (30, 250)
C1_TO_C2_DAYS: Final = (220.0, 70.0, 100.0)  # care proceedings: mean, sd, minimum days
ADOPT_C2_FIRST_P: Final = 0.3  # care order before the placement order (else straight to E1)
PLACEMENT_ORDER_BEFORE_PLACED: Final = (60, 300)  # E1 this many days before placed for adoption
ADM_BEFORE_ORDER: Final = (40, 140)  # decision "should be placed for adoption" before E1

# ---------------------------------------------------------------------------------------------
# Placements
# ---------------------------------------------------------------------------------------------

# Placement type of a new placement by age (cla at 31 March: foster ~67%, children's homes
# ~11%, independent/supported ~9%, with parents ~6%, placed for adoption ~2-3%, other
# residential ~2%, other ~1%). "SUPP" is supported accommodation: H5 before 28 October 2023,
# K3 (registered) from then.
PLACE_BY_AGE: Final = (
    (("U6", 0.70), ("U3", 0.13), ("U5", 0.04), ("R3", 0.04), ("U4", 0.02), ("P1", 0.05)),
    (("U6", 0.66), ("U3", 0.14), ("U4", 0.05), ("U5", 0.02), ("P1", 0.08), ("K2", 0.01), ("Z1", 0.02)),
    (("U6", 0.60), ("U3", 0.12), ("U4", 0.09), ("K2", 0.07), ("P1", 0.07), ("S1", 0.01), ("Z1", 0.02)),
    (
        ("U6", 0.47), ("U3", 0.07), ("U4", 0.07), ("K2", 0.27), ("K1", 0.01), ("S1", 0.02), ("P1", 0.06),
        ("R1", 0.01), ("Z1", 0.02),
    ),
    (
        ("U6", 0.38), ("U3", 0.05), ("U4", 0.05), ("K2", 0.19), ("SUPP", 0.24), ("P2", 0.03), ("P1", 0.03),
        ("R5", 0.01), ("Z1", 0.02),
    ),
)
# (supported accommodation, K3, is for 16- and 17-year-olds only: rule 371)
PLACE_UASC_UNDER_16: Final = (("U6", 0.84), ("K2", 0.12), ("U3", 0.04))
PLACE_UASC_16: Final = (("SUPP", 0.55), ("U6", 0.35), ("K2", 0.07), ("P2", 0.03))
PLACE_ADOPT_FIRST: Final = (("U6", 0.68), ("U5", 0.22), ("U3", 0.10))
PLACE_SGO_FIRST: Final = (("U3", 0.62), ("U6", 0.33), ("U1", 0.05))
SUPPORTED_FROM: Final = "2023-10-28"  # unregistered H5 for under-18s ended; K3 registered
# (and P2, independent living, is no longer used for new placements: an H5 or P2 placement open on
# that day continues with the same provider as K3)
# From 2025-26 DfE replaced "other placements" (Z1) by Z11-Z14: a Z1 placement is returned as one of
# them in 2025-26 and later returns (never H5 or P2, which go too).
PLACE_OTHER_FROM_2026: Final = (("Z11", 0.25), ("Z12", 0.25), ("Z13", 0.25), ("Z14", 0.25))
PLACE_CODES_CHANGE: Final = 2026  # the first collection year of the new placement codes
# Moving on to supported accommodation at 16-17 (long-stay and UASC children)
SUPPORTED_MOVE_P: Final = {LONG: 0.30, UASC: 0.45, TEEN: 0.20}
# Placed with parents (P1) for the last months before a return home under a care order
HOME_P1_P: Final = 0.50
HOME_P1_DAYS: Final = (90, 400)
# Long-term fostering confirmed with the same carer (U6 -> U4, U3 -> U1), RNE T
LONG_TERM_FOSTER_P: Final = 0.55
LONG_TERM_FOSTER_AFTER: Final = (300, 800)
ADOPTED_BY_FOSTER_CARERS_P: Final = 0.12  # placed for adoption with the current foster carer (A5)

# Placement moves (RNE P/B). placements_3plus_pct ~10-11% and long_term_stability_pct ~68%:
# a child's rate is BASE x age factor x their own instability (gamma, mean 1) x
# FIRST_YEAR_FACTOR in the first year of a period; some starts move on within weeks.
MOVE_RATE: Final = (0.14, 0.14, 0.155, 0.27, 0.40)  # per year, by age band
MOVE_FIRST_YEAR_FACTOR: Final = 3.0
MOVE_SETTLED_FACTOR: Final = 0.65  # in long-term foster care (U1/U4) or placed for adoption
INSTABILITY_SHAPE: Final = 0.9  # gamma shape of the child's instability (smaller = more spread)
SETTLING_MOVE_P: Final = (0.32, 0.30, 0.32, 0.38, 0.34)  # an early move, by age band
SETTLING_MOVE_DAYS: Final = (3, 70)
MOVE_WITH_CARE_ORDER_P: Final = 0.12  # a move to new carers on the day the care order is made (RNE B)
REASON_PLACE_CHANGE: Final = (
    ("CARPL", 0.30), ("CREQB", 0.16), ("CREQO", 0.10), ("CHILD", 0.08), ("LAREQ", 0.10), ("STAND", 0.05),
    ("ALLEG", 0.04), ("CLOSE", 0.04), ("APPRR", 0.02), ("OTHER", 0.11),
)

# Temporary placements (T0-T4): short, then back to the same carer
TEMP_RATE: Final = 0.07  # per year in a foster placement
TEMP: Final = (("T3", 0.45), ("T4", 0.30), ("T1", 0.15), ("T0", 0.10))
TEMP_DAYS: Final = {"T4": (1, 7), "T3": (3, 21), "T1": (1, 14), "T0": (2, 21)}

PROVIDER: Final = {
    "U1": (("PR1", 1.0),),
    "U2": (("PR1", 1.0),),
    "U3": (("PR1", 1.0),),
    "U4": (("PR1", 0.55), ("PR4", 0.40), ("PR5", 0.05)),
    "U5": (("PR1", 0.60), ("PR4", 0.35), ("PR5", 0.05)),
    "U6": (("PR1", 0.52), ("PR4", 0.43), ("PR5", 0.05)),
    "K1": (("PR1", 0.5), ("PR2", 0.5)),
    "K2": (("PR4", 0.78), ("PR1", 0.15), ("PR5", 0.07)),
    "K3": (("PR4", 0.70), ("PR5", 0.20), ("PR1", 0.10)),
    "H5": (("PR4", 0.70), ("PR5", 0.20), ("PR1", 0.10)),
    "P1": (("PR0", 1.0),),
    "P2": (("PR1", 0.5), ("PR4", 0.5)),
    "A3": (("PR1", 0.4), ("PR2", 0.45), ("PR5", 0.15)),
    "A4": (("PR1", 0.4), ("PR2", 0.45), ("PR5", 0.15)),
    "A5": (("PR1", 0.4), ("PR2", 0.45), ("PR5", 0.15)),
    "A6": (("PR1", 0.4), ("PR2", 0.45), ("PR5", 0.15)),
    "R1": (("PR3", 0.5), ("PR4", 0.5)),
    "R2": (("PR3", 1.0),),
    "R3": (("PR4", 0.6), ("PR5", 0.4)),
    "R5": (("PR3", 1.0),),
    "S1": (("PR4", 0.6), ("PR5", 0.4)),
    "Z1": (("", 1.0),),
    # no provider for temporary and other placements (DfE rules 178, 213)
    "T0": (("", 1.0),),
    "T1": (("", 1.0),),
    "T2": (("", 1.0),),
    "T3": (("", 1.0),),
    "T4": (("", 1.0),),
}
# Placements with no Ofsted URN (DfE rules 218 and 222); every other placement has its provider's
# (a foster placement: the fostering service's; this council's own services have fixed URNs)
NO_URN_PLACES: Final = frozenset({"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1"})
OWN_FOSTERING_URN: Final = "SC999001"
OWN_ADOPTION_URN: Final = "SC999002"
# Inside the council's boundary (PL_LOCATION IN) by placement type (with parents, P1: always);
# ~42% of cla placed outside
P_INSIDE: Final = {
    "foster_own": 0.80, "foster_agency": 0.40, "K2": 0.25, "K1": 0.20, "SUPP": 0.45,
    "P2": 0.70, "A": 0.45, "other": 0.30,
}
# Distance home -> placement in miles (placed_over_20_miles_pct ~22%): lognormal (median, sigma)
DISTANCE_INSIDE: Final = (2.6, 0.75, 0.1, 19.0)  # median, sigma, min, max
DISTANCE_OUTSIDE: Final = (22.0, 0.85, 1.5, 340.0)  # DfE queries over 350 miles (rule 454)
DISTANCE_NOT_KNOWN_P: Final = 0.015  # written 999.9
DISTANCE_BLANK_P: Final = 0.003  # a postcode that could not be placed (DfE queries it: rule 392a)
# Synthetic postcode areas: ZZ is "our" council; the others are fictitious neighbours. None is
# a real UK postcode area (ZE is Shetland and is not used; ZZ99 is not used).
HOME_AREA: Final = "ZZ"
OTHER_AREAS: Final = ("ZY", "ZX", "ZW", "ZV", "ZU")
OWN_LA: Final = "E99000001"  # synthetic council code written to PL_LA for placements inside

CIN: Final = (
    ("N1", 0.64), ("N2", 0.03), ("N3", 0.03), ("N4", 0.07), ("N5", 0.14), ("N6", 0.015), ("N7", 0.002),
    ("N8", 0.073),
)
CIN_UASC: Final = (("N8", 0.92), ("N4", 0.05), ("N1", 0.03))

# ---------------------------------------------------------------------------------------------
# Reviews, missing incidents, social workers
# ---------------------------------------------------------------------------------------------

# Review intervals in calendar days (on time, late). First review within 20 working days of
# the start (24 calendar days is always within 20 working days), the second within 3 months,
# then every 6 months. reviews_on_time_pct ~85-90%: a few children's reviews are often late.
REVIEW_FIRST: Final = ((5, 24), (32, 70))
REVIEW_SECOND: Final = ((45, 88), (95, 140))
REVIEW_LATER: Final = ((120, 176), (186, 260))
REVIEW_LATE_PRONE_P: Final = 0.16  # children whose reviews are sometimes late
REVIEW_LATE_P: Final = (0.004, 0.45)  # chance an interval is late (others, late-prone)
# Participation (PN1-PN6 of PN1-PN7 ~90%); PN0 for under-4s.
REVIEW_CODE: Final = (
    ("PN1", 0.44), ("PN2", 0.04), ("PN3", 0.03), ("PN4", 0.12), ("PN5", 0.08), ("PN6", 0.19), ("PN7", 0.10),
)

# Missing: ~10% of children looked after in the year go missing at least once, ~6 incidents
# each. Chance a child goes missing in a year, by age (under 10, 10-12, 13-15, 16-17).
MISSING_P_BY_AGE: Final = (0.002, 0.065, 0.27, 0.23)
MISSING_EXTRA_MEAN: Final = 7.5  # incidents beyond the first in a whole year (negative binomial)
MISSING_DISPERSION: Final = 0.8
MISSING_AWAY_P: Final = 0.12  # an incident is "away from placement" (A) rather than missing (M)
MISSING_DAYS: Final = (("0", 0.45), ("1", 0.35), ("2", 0.10), ("3", 0.05), ("7", 0.05))

# Social workers: changes per year (sw_changes_3plus_pct ~10-15%), by a gamma-distributed
# child factor; one worker per about SW_CASELOAD children.
SW_CHANGE_RATE: Final = 0.62
SW_RATE_SHAPE: Final = 1.4
SW_CASELOAD: Final = 14
# Reason for a change of worker, on the new worker's episode (a period's first worker: FCONTA, first
# contact or re-referral). DfE flags an episode of under 3 days (SW09, from 2025-26).
SW_REASON: Final = (
    ("LEFTRL", 0.33), ("MANAGE", 0.18), ("ORGRST", 0.11), ("ABSENC", 0.09),
    ("TSPROC", 0.13), ("CHCHAN", 0.03), ("PCCHAN", 0.03), ("OTHERS", 0.10),
)
SW_MIN_DAYS: Final = 3
SW_BEFORE_CARE_DAYS: Final = (3, 13)  # a period's first worker was allocated this many days before it

# ---------------------------------------------------------------------------------------------
# Outcomes
# ---------------------------------------------------------------------------------------------

# OC2 (looked after 12+ months at 31 March): health_assessment ~89%, immunisations ~80%,
# dental ~79%, development checks (under 5) ~88%; SDQ average ~14.7 with ~41% at 17+
# (a normal score, rounded and kept in 0-40), completed for ~78% of 5-16s.
OC2_HEALTH_ASSESSMENT_P: Final = 0.89
OC2_IMMUNISATIONS_P: Final = 0.80
OC2_TEETH_P: Final = 0.79
OC2_HEALTH_CHECK_P: Final = 0.88
OC2_SDQ: Final = (14.65, 7.6)  # mean, sd
OC2_SDQ_DONE_P: Final = 0.78
OC2_SDQ_REASON: Final = (("SDQ2", 0.25), ("SDQ3", 0.15), ("SDQ4", 0.45), ("SDQ5", 0.15))
OC2_CONVICTED_P: Final = 0.03  # aged 10+
OC2_SUBSTANCE_P: Final = 0.03  # aged 10+
OC2_INTERVENTION_P: Final = (0.55, 0.80)  # received, offered (of those with a problem)

# OC3 (care leavers 17-21): in touch ~90%; EET 17-18 ~65%, 19-21 ~54%; suitable
# accommodation 19-21 ~88%. Activity and accommodation are "not known" (0) when not in touch.
OC3_IN_TOUCH: Final = (
    ("YES", 0.88), ("NO", 0.045), ("REFU", 0.025), ("NREQ", 0.03), ("RHOM", 0.015),
)
OC3_DIED_P: Final = 0.002  # per birthday 17-21; reported as DIED from then on (DfE rule 348)
OC3_EET_P: Final = (0.73, 0.615)  # of those in touch: aged 17-18, 19-21
OC3_EET: Final = (
    ("F2", 0.45), ("F1", 0.12), ("P2", 0.06), ("F4", 0.20), ("P4", 0.10), ("F5", 0.05), ("P5", 0.02),
)
OC3_NEET: Final = (("G5", 0.70), ("G4", 0.18), ("G6", 0.12))
OC3_SUITABLE_P: Final = (0.965, 0.98)  # of those in touch
OC3_ACCOM_SUITABLE: Final = (
    ("D1", 0.22), ("U1", 0.30), ("Z1", 0.12), ("E1", 0.08), ("B1", 0.12), ("T1", 0.06), ("C1", 0.05),
    ("K1", 0.05),
)
OC3_ACCOM_UNSUITABLE: Final = (("S2", 0.2), ("V2", 0.2), ("W2", 0.1), ("X2", 0.25), ("B2", 0.15), ("U2", 0.1))
# In place of a foyer (T1, under 18 on 1 April) or staying put (Z1, around the 17th birthday)
OC3_ACCOM_UNDER_18: Final = (("D1", 0.30), ("U1", 0.30), ("K1", 0.25), ("B1", 0.15))

# Adoption (AD1): matched 1-8 weeks before placement; adopters
ADOPT_MATCH_BEFORE_PLACED: Final = (7, 56)
ADOPTERS: Final = (("MF", 0.78), ("F1", 0.09), ("M1", 0.01), ("FF", 0.07), ("MM", 0.05))
ADOPTERS_MARRIED_P: Final = 0.78  # couples: married (L11 mixed-sex, L12 same-sex), else L2
# Decisions that a child should be placed for adoption that are later reversed (PlacedAdoption
# RD1-RD4), for some under-5s on other pathways
ADM_REVERSED_P: Final = 0.10
ADM_REVERSED_REASON: Final = (("RD1", 0.15), ("RD2", 0.15), ("RD3", 0.30), ("RD4", 0.40))

# PrevPerm: one row for every child who started to be looked after in the year (DfE rule 630);
# previous permanence for re-entries after an order.
PREV_PERM_OTHER: Final = (("Z1", 0.90), ("P1", 0.02), ("P2", 0.05), ("P3", 0.03))
# LA_PERM must be in DfE's list of council codes (rule 633). "999" is in it and is no real
# council: it is this council's. Orders made elsewhere are given as made outside England, so that
# no real council's code is used.
OWN_LA_CODE: Final = "999"
PREV_PERM_OWN_LA_P: Final = 0.7
PREV_PERM_LA_ELSEWHERE: Final = (("WAL", 0.45), ("SCO", 0.30), ("NIR", 0.10), ("NUK", 0.15))

# Header: girls who are mothers (MOTHER = 1), by the date of their child's birth
MOTHER_P: Final = 0.04  # of girls looked after at 15+ (the baby is born while she is looked after)
