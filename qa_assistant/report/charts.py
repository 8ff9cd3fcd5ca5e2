"""Bar charts as PNG bytes, drawn with Pillow (installed with Streamlit; no matplotlib needed).

Each chart is a list of rows ``(label, [segment values])``; segments are stacked left to right
in ``colours``. The numbers are written at the end of each bar as well (and beside each chart in
the report), so nothing depends on reading colours.
"""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from qa_assistant.result.status import STATUS_STYLE, STATUSES

# met, partial, missing: the statuses' own colours, as in the app's chart
STATUS_COLOURS = tuple(STATUS_STYLE[s].border for s in STATUSES)
ONE_COLOUR = ("#1F5F8B",)
SCALE = 2  # drawn at twice the size for a crisp picture in Word and when printed


@lru_cache(maxsize=4)
def _font(size: int):
    for path in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "DejaVuSans.ttf",
    ):
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # an old Pillow
        return ImageFont.load_default()


def _fit(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def bar_chart(
    rows: list[tuple[str, list[float]]],
    colours: tuple[str, ...] = ONE_COLOUR,
    maximum: float | None = None,
    legend: tuple[str, ...] = (),
    value_format: str = "{:g}",
    width: int = 640,
) -> bytes:
    s = SCALE
    font = _font(12 * s)
    label_w, bar_h, gap, pad = 230 * s, 18 * s, 8 * s, 10 * s
    legend_h = 24 * s if legend else 0
    height = pad * 2 + legend_h + len(rows) * (bar_h + gap)
    img = Image.new("RGB", (width * s, max(height, 40 * s)), "white")
    draw = ImageDraw.Draw(img)
    top = maximum or max((sum(v) for _, v in rows), default=1) or 1
    bar_w = width * s - label_w - pad * 2 - 100 * s
    x0 = pad + label_w
    if legend:
        x = x0
        for name, colour in zip(legend, colours):
            draw.rectangle([x, pad, x + 12 * s, pad + 12 * s], fill=colour)
            draw.text((x + 16 * s, pad - 1 * s), name, fill="#222222", font=font)
            x += int(draw.textlength(name, font=font)) + 36 * s
    y = pad + legend_h
    for label, values in rows:
        draw.text((pad, y + 2 * s), _fit(draw, label, font, label_w - 8 * s), fill="#222222",
                  font=font)
        x = x0
        draw.rectangle([x0, y, x0 + bar_w, y + bar_h], outline="#DDDDDD")
        for value, colour in zip(values, colours):
            w = int(bar_w * value / top)
            if w > 0:
                draw.rectangle([x, y, x + w, y + bar_h], fill=colour)
            x += w
        total = sum(values)
        text = " / ".join(value_format.format(v) for v in values) if len(values) > 1 else (
            value_format.format(total)
        )
        draw.text((x0 + bar_w + 6 * s, y + 2 * s), text, fill="#222222", font=font)
        y += bar_h + gap
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()
