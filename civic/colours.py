"""Colour arithmetic for the council's brand: WCAG 2.2 contrast, so a chosen colour stays readable."""

import re

from django.core.exceptions import ValidationError

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
MINIMUM_CONTRAST = 4.5  # WCAG 2.2 AA for normal text (1.4.3)


def channels(colour: str) -> tuple[int, int, int]:
    """'#1d70b8' -> (29, 112, 184)."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def luminance(colour: str) -> float:
    """Relative luminance as WCAG defines it."""

    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(value) for value in channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """Contrast ratio between two colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darker(colour: str, amount: float = 0.3) -> str:
    """The same hue mixed with black: hover and border shades of the brand colour."""
    red, green, blue = (round(value * (1 - amount)) for value in channels(colour))
    return f"#{red:02x}{green:02x}{blue:02x}"


def validate_brand_colour(value: str) -> None:
    """A colour white text sits on (the header) and that sits on white (links): 4.5:1 both ways,
    which for white is one ratio."""
    if not HEX.match(value or ""):
        raise ValidationError(
            "Enter a colour as # and six hexadecimal digits, for example #1d4f91.", code="invalid"
        )
    ratio = contrast(value, WHITE)
    if ratio < MINIMUM_CONTRAST:
        raise ValidationError(
            f"This colour has a contrast of {ratio:.1f}:1 with white; it needs at least "
            f"{MINIMUM_CONTRAST}:1 so white text on it, and it on a white page, can be read. "
            "Choose a darker colour.",
            code="low_contrast",
        )
