"""One colour per category, the same on every chart whatever its position.

Colour is style, not data, so the assignment lives here. The category comes from the data:
it is the end of the figure id (review_revoked → revoked; mediators_township and
mediation_org_township → township), the convention the figures table follows for the
parts of a breakdown. A category named here always gets its colour; one that is not (a new
report's new category) gets a colour from its name, stable from chart to chart, moved on
only when another category of the same chart already has it.

Colours are Okabe-Ito (safe for the common colour-blindnesses), with greys for what is
not a category of its own (pending, not broken down, an implausible reading).
"""

from __future__ import annotations

import zlib

BLUE, ORANGE, GREEN, VERMILLION = "#0072B2", "#E69F00", "#009E73", "#D55E00"
SKY, PURPLE, YELLOW, BLACK = "#56B4E9", "#CC79A7", "#F0E442", "#000000"
GREY, LIGHT_GREY = "#8c8c8c", "#d9d9d9"
BROWN, DARK_GREEN = "#8C510A", "#005A41"  # beyond Okabe-Ito, for categories rarely together
SPARE = (BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, YELLOW, BROWN, DARK_GREEN)

CATEGORY_COLOURS = {
    # administrative review decisions: corrections warm, rulings for the agency blue,
    # terminations (some of them indirect corrections) purple, pending grey
    "revoked": VERMILLION,
    "altered": BROWN,
    "confirmed_unlawful": YELLOW,
    "ordered_to_perform": ORANGE,
    "ordered_redo": ORANGE,  # 责令重新作出 is a form of 责令履行
    "rejected": SKY,
    "upheld": BLUE,
    "terminated": PURPLE,
    "pending": GREY,
    # people's mediation: organisations and mediators by type of committee or room
    "village": GREEN,
    "community": SKY,
    "township": BLUE,
    "sectoral": ORANGE,
    "individual": PURPLE,
    # legal aid and other cases: civil and criminal
    "civil": GREEN,
    "criminal": VERMILLION,
    "administrative": SKY,
    # a total's remainder that the report does not break down
    "not_broken_down": LIGHT_GREY,
    # rates: the stated value, recomputations, an implausible reading, a national value
    "stated": BLUE,
    "recomputed": ORANGE,
    "implausible": GREY,
    "national": BLACK,
    # a single series (ranked bars, big numbers, funnels)
    "figure": BLUE,
}


def category(figure_id: str) -> str:
    """The category a figure stands for: the longest known category its id ends with,
    or else the last word of its id."""
    known = [c for c in CATEGORY_COLOURS if figure_id == c or figure_id.endswith("_" + c)]
    return max(known, key=len) if known else figure_id.rsplit("_", 1)[-1]


def colours(categories: list[str]) -> list[str]:
    """One colour per category of one chart: the fixed colour of each known category;
    for an unknown one, a colour chosen by its name among those the chart leaves free."""
    taken = {CATEGORY_COLOURS[c] for c in categories if c in CATEGORY_COLOURS}
    out = []
    for name in categories:
        if name in CATEGORY_COLOURS:
            out.append(CATEGORY_COLOURS[name])
            continue
        start = zlib.crc32(name.encode("utf-8")) % len(SPARE)
        free = [SPARE[(start + i) % len(SPARE)] for i in range(len(SPARE))]
        colour = next((c for c in free if c not in taken), free[0])
        taken.add(colour)
        out.append(colour)
    return out
