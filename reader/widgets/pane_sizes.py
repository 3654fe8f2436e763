"""Heights for the panes beside the body, by what they hold: a pane with nothing in it keeps its
title and one line, the others share the height by the lines they need."""

from __future__ import annotations

BORDER = 2  # a pane's top (with its title) and bottom border
EMPTY_HEIGHT = BORDER + 1  # the title and one "none found" line


def pane_heights(needs: list[int | None], available: int) -> list[int]:
    """Heights for panes needing ``needs`` content lines each (None: the pane is empty) in
    ``available`` rows. Small panes get all they need; what is left is shared by the others in
    proportion to what they need; every row is given out."""
    heights = [EMPTY_HEIGHT if need is None else 0 for need in needs]
    open_ = [i for i, need in enumerate(needs) if need is not None]
    room = max(available - sum(heights), 0)
    if not open_:
        return heights
    wanted = {i: (needs[i] or 0) + BORDER for i in open_}
    # Water-filling: a pane that needs less than an equal share gets what it needs, the rest share.
    while open_:
        share = room // len(open_)
        small = [i for i in open_ if wanted[i] <= share]
        if not small:
            break
        for i in small:
            heights[i] = wanted[i]
            room -= wanted[i]
            open_.remove(i)
    if open_:
        total = sum(wanted[i] for i in open_)
        given = 0
        for i in open_[:-1]:
            heights[i] = max(EMPTY_HEIGHT, room * wanted[i] // total)
            given += heights[i]
        heights[open_[-1]] = max(EMPTY_HEIGHT, room - given)
    else:
        # Everything fits: the rows left over go to the pane that holds the most.
        biggest = max((i for i, need in enumerate(needs) if need is not None), key=lambda i: wanted[i])
        heights[biggest] += room
    return heights
