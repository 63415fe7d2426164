"""The tables of the SSDA903 return: their columns, types and code lists.

A table is recognised by its columns, not by its file name. Each table is declared once here;
the readers, the synthetic generator, the validation rules and the docs all use these declarations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from corparent.engine.ssda903 import codes
from corparent.engine.ssda903.codes import Codes


class ColumnType(StrEnum):
    """How a column's text is parsed when a return is read."""

    TEXT = "text"  # free text or an identifier, kept as given
    CODE = "code"  # a value from a code list; unknown codes are kept (validation reports them)
    DATE = "date"  # DD/MM/YYYY; blank is allowed at read time (validation decides if it may be)
    PARTIAL_DATE = "partial_date"  # DD/MM/YYYY where DfE allows 'zz' for an unknown day/month
    INTEGER = "integer"
    DECIMAL = "decimal"


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    label: str
    codes: Codes | None = None

    @property
    def sql_type(self) -> str:
        return {
            ColumnType.DATE: "DATE",
            ColumnType.INTEGER: "BIGINT",
            ColumnType.DECIMAL: "DOUBLE",
        }.get(self.type, "VARCHAR")


@dataclass(frozen=True)
class TableSpec:
    """One table of the return.

    ``columns`` must all be present for a file to be recognised as this table. ``optional`` columns
    may follow them (fields that some extracts carry, such as the postcode-derived placement fields).
    ``key`` is the table's name inside the engine's DuckDB database.
    """

    name: str
    key: str
    label: str
    columns: tuple[Column, ...]
    optional: tuple[Column, ...] = field(default=())

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def all_columns(self) -> tuple[Column, ...]:
        return self.columns + self.optional

    def column(self, name: str) -> Column:
        for c in self.all_columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name}")


T, C, D, PD, I, F = (
    ColumnType.TEXT,
    ColumnType.CODE,
    ColumnType.DATE,
    ColumnType.PARTIAL_DATE,
    ColumnType.INTEGER,
    ColumnType.DECIMAL,
)

CHILD = Column("CHILD", T, "Child identifier (unique within the council)")
DOB = Column("DOB", D, "Date of birth")

HEADER = TableSpec(
    "Header",
    "header",
    "One row per child: sex, date of birth, ethnicity",
    (
        CHILD,
        Column("SEX", C, "Sex (1/2 before 2024-25; M/F/U from 2024-25)", codes.SEX),
        DOB,
        Column("ETHNIC", C, "Ethnic origin", codes.ETHNIC),
        Column("UPN", T, "Unique pupil number"),
        Column("MOTHER", C, "Child is a mother (1) or not (0)", codes.YES_NO),
        Column("MC_DOB", D, "Date of birth of the mother's child"),
    ),
)

EPISODES = TableSpec(
    "Episodes",
    "episodes",
    "Episodes of care: one row per period with one legal status and placement",
    (
        CHILD,
        Column("DECOM", D, "Date episode commenced"),
        Column("RNE", C, "Reason for new episode", codes.RNE),
        Column("LS", C, "Legal status", codes.LS),
        Column("CIN", C, "Category of need", codes.CIN),
        Column("PLACE", C, "Placement type", codes.PLACE),
        Column("PLACE_PROVIDER", C, "Placement provider", codes.PLACE_PROVIDER),
        Column("DEC", D, "Date episode ceased"),
        Column("REC", C, "Reason episode ceased", MappingProxyType({**codes.REC, **codes.REC_HISTORIC})),
        Column("REASON_PLACE_CHANGE", C, "Reason for placement change", codes.REASON_PLACE_CHANGE),
        Column("HOME_POST", T, "Postcode of the child's home (partial)"),
        Column("PL_POST", T, "Postcode of the placement (partial)"),
        Column("URN", T, "Ofsted unique reference number of the placement"),
    ),
    optional=(
        Column("PL_DISTANCE", F, "Distance from home to placement in miles (derived from postcodes)"),
        Column("PL_LA", T, "Council area of the placement (derived from postcodes)"),
        Column(
            "PL_LOCATION",
            C,
            "Placement inside (IN) or outside (OUT) the council's boundary",
            MappingProxyType(
                {"IN": "Inside the council's boundary", "OUT": "Outside the council's boundary"}
            ),
        ),
    ),
)

UASC = TableSpec(
    "UASC",
    "uasc",
    "Unaccompanied asylum-seeking children and when that status ceased",
    (CHILD, Column("SEX", C, "Sex", codes.SEX), DOB, Column("DUC", D, "Date UASC status ceased")),
)

REVIEWS = TableSpec(
    "Reviews",
    "reviews",
    "Statutory reviews of the child's care plan and how the child took part",
    (
        CHILD,
        DOB,
        Column("REVIEW", D, "Date of review"),
        Column("REVIEW_CODE", C, "Participation in the review", codes.REVIEW_CODE),
    ),
)

OC2 = TableSpec(
    "OC2",
    "oc2",
    "Outcomes of children looked after continuously for 12 months",
    (
        CHILD,
        DOB,
        Column("SDQ_SCORE", I, "Strengths and difficulties questionnaire (SDQ) score, 0-40"),
        Column("SDQ_REASON", C, "Reason no SDQ score", codes.SDQ_REASON),
        Column("CONVICTED", C, "Convicted or subject to a youth caution during the year", codes.YES_NO),
        Column("HEALTH_CHECK", C, "Development assessments up to date (under 5s)", codes.YES_NO),
        Column("IMMUNISATIONS", C, "Immunisations up to date", codes.YES_NO),
        Column("TEETH_CHECK", C, "Dental check in the year", codes.YES_NO),
        Column("HEALTH_ASSESSMENT", C, "Annual health assessment", codes.YES_NO),
        Column("SUBSTANCE_MISUSE", C, "Identified as having a substance misuse problem", codes.YES_NO),
        Column("INTERVENTION_RECEIVED", C, "Received an intervention for substance misuse", codes.YES_NO),
        Column("INTERVENTION_OFFERED", C, "Offered an intervention for substance misuse", codes.YES_NO),
    ),
)

OC3 = TableSpec(
    "OC3",
    "oc3",
    "Care leavers: contact, activity and accommodation around their birthday",
    (
        CHILD,
        DOB,
        Column("IN_TOUCH", C, "Council in touch with the young person", codes.IN_TOUCH),
        Column("ACTIV", C, "Main activity", codes.ACTIV),
        Column("ACCOM", C, "Accommodation and whether it is suitable", codes.ACCOM),
    ),
)

AD1 = TableSpec(
    "AD1",
    "ad1",
    "Adoptions: decision, match and adopters",
    (
        CHILD,
        DOB,
        Column("DATE_INT", D, "Date of the decision that the child should be placed for adoption"),
        Column("DATE_MATCH", D, "Date the child was matched with prospective adopters"),
        Column("FOSTER_CARE", C, "Adopted by former foster carers", codes.YES_NO),
        Column("NB_ADOPTR", I, "Number of adopters"),
        Column("SEX_ADOPTR", C, "Sex of adopters", codes.SEX_ADOPTR),
        Column("LS_ADOPTR", C, "Legal status of adopters", codes.LS_ADOPTR),
    ),
)

PLACED_ADOPTION = TableSpec(
    "PlacedAdoption",
    "placed_adoption",
    "Children for whom the decision that they should be placed for adoption was made",
    (
        CHILD,
        DOB,
        Column("DATE_PLACED", D, "Date of the decision that the child should be placed for adoption"),
        Column("DATE_PLACED_CEASED", D, "Date the decision was reversed or the adoption order made"),
        Column("REASON_PLACED_CEASED", C, "Why the plan for adoption ended", codes.REASON_PLACED_CEASED),
    ),
)

PREV_PERM = TableSpec(
    "PrevPerm",
    "prev_perm",
    "Previous permanence arrangements before this period of care",
    (
        CHILD,
        DOB,
        Column("PREV_PERM", C, "Previous permanence option", codes.PREV_PERM),
        Column("LA_PERM", T, "Council that arranged the previous permanence option"),
        Column("DATE_PERM", PD, "Date of the previous permanence order (day or month may be zz)"),
    ),
)

MISSING = TableSpec(
    "Missing",
    "missing",
    "Missing and away-from-placement incidents",
    (
        CHILD,
        DOB,
        Column("MISSING", C, "Missing (M) or away from placement without authorisation (A)", codes.MISSING),
        Column("MIS_START", D, "Start of the incident"),
        Column("MIS_END", D, "End of the incident"),
    ),
)

SW_EPISODES = TableSpec(
    "SWEpisodes",
    "sw_episodes",
    "Social worker episodes: who the child's social worker was and when",
    (
        CHILD,
        DOB,
        Column("SW_ID", T, "Social worker identifier"),
        Column("SW_DECOM", D, "Date the social worker episode started"),
        Column("SW_DEC", D, "Date the social worker episode ended"),
        Column("SW_REASON", C, "Reason for the change of social worker", codes.SW_REASON),
    ),
)

DOLO = TableSpec(
    "DoLo",
    "dolo",
    "Deprivation of liberty orders (from 2026-27)",
    (
        CHILD,
        DOB,
        Column("DOLO_START", D, "Date the deprivation of liberty order started"),
        Column("DOLO_END", D, "Date the deprivation of liberty order ended"),
    ),
)

# The first collection year (named by the year it ends) in which a table is part of the return.
FIRST_YEAR: Final = {"DoLo": 2027}

TABLES: Final[tuple[TableSpec, ...]] = (
    HEADER,
    EPISODES,
    UASC,
    REVIEWS,
    OC2,
    OC3,
    AD1,
    PLACED_ADOPTION,
    PREV_PERM,
    MISSING,
    SW_EPISODES,
    DOLO,
)
TABLES_BY_NAME: Final = {t.name: t for t in TABLES}
TABLES_BY_KEY: Final = {t.key: t for t in TABLES}


def tables_for(year: int) -> tuple[TableSpec, ...]:
    """The tables a collection year's return holds."""
    return tuple(t for t in TABLES if FIRST_YEAR.get(t.name, 0) <= year)
