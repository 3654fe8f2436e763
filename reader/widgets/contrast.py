"""Colours that stay readable on the theme's background: WCAG contrast, and a colour moved towards
white or black (keeping its hue) until it reaches a contrast of 4.5:1, the level for body text."""

from __future__ import annotations

MINIMUM_CONTRAST = 4.5  # WCAG 2 level AA for normal text
DARK_FALLBACK, LIGHT_FALLBACK = "#000000", "#ffffff"  # ANSI themes: the terminal's own, taken as black or white


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2) of a ``#rrggbb`` colour."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = _rgb(colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def readable(colour: str, background: str, minimum: float = MINIMUM_CONTRAST) -> str:
    """``colour`` itself when it reads well on ``background``, else mixed step by step with white (on
    a dark background) or black (on a light one) until it does."""
    if contrast(colour, background) >= minimum:
        return colour
    target = (255, 255, 255) if luminance(background) < 0.18 else (0, 0, 0)
    r, g, b = _rgb(colour)
    for step in range(1, 21):
        share = step / 20
        mixed = tuple(round(c + (t - c) * share) for c, t in zip((r, g, b), target, strict=True))
        candidate = "#{:02x}{:02x}{:02x}".format(*mixed)
        if contrast(candidate, background) >= minimum:
            return candidate
    return "#{:02x}{:02x}{:02x}".format(*target)
