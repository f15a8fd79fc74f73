"""The legend's colours stay apart for readers with the common colour-vision deficiencies:
every pair of tones (and of actor kinds) is simulated for protanopia, deuteranopia and
tritanopia (Machado, Oliveira & Fernandes 2009, severity 1) and compared in CIELAB (CIE76)."""

from __future__ import annotations

import itertools

import pytest

from kg.views.style import KIND_COLOURS, TONE_COLOURS

MIN_DISTANCE = 15.0  # CIELAB units; about 2.3 is a just noticeable difference
VISIONS = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
OKABE_ITO = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(colour: str, vision: str) -> tuple[float, float, float]:
    rgb = [_linear(int(colour[i : i + 2], 16)) for i in (1, 3, 5)]
    r, g, b = (min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in VISIONS[vision])
    x, y, z = (
        0.4124 * r + 0.3576 * g + 0.1805 * b,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        0.0193 * r + 0.1192 * g + 0.9505 * b,
    )

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x / 0.95047), f(y), f(z / 1.08883)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def closest_pair(colours: dict[str, str], vision: str) -> tuple[float, str, str]:
    return min(
        (sum((p - q) ** 2 for p, q in zip(_lab(a, vision), _lab(b, vision), strict=True)) ** 0.5, x, y)
        for (x, a), (y, b) in itertools.combinations(colours.items(), 2)
    )


@pytest.mark.parametrize("vision", VISIONS)
@pytest.mark.parametrize("colours", [TONE_COLOURS, KIND_COLOURS], ids=["tones", "kinds"])
def test_legend_colours_stay_apart(colours: dict[str, str], vision: str) -> None:
    distance, first, second = closest_pair(colours, vision)
    assert distance >= MIN_DISTANCE, f"{first} and {second} are {distance:.1f} apart under {vision}"


def test_the_colours_are_okabe_ito() -> None:
    assert set(TONE_COLOURS.values()) <= OKABE_ITO
    assert set(KIND_COLOURS.values()) <= OKABE_ITO


def test_the_old_blues_would_fail() -> None:
    """The check can fail: the tones before (ColorBrewer RdBu with the Okabe-Ito blue for
    'positive') put 'material cooperation' and 'positive' 3.7 apart for deuteranopes."""
    distance, *_ = closest_pair({"material cooperation": "#2166AC", "positive": "#0072B2"}, "deuteranopia")
    assert distance < MIN_DISTANCE
