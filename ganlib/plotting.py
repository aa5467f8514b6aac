"""Figures: digit grids (grey, as the post's ``plt.gray()``), loss curves, animations."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

import matplotlib.pyplot as plt
import numpy as np
from matplotlib import animation, ticker

from ganlib import fmt
from ganlib.data import from_uint8
from ganlib.language import gettext, resolve, using
from ganlib.words import words


class _DecimalCommaFormatter(ticker.ScalarFormatter):
    """matplotlib's default tick labels with Turkish separators: 0,5 and 1.500."""

    def __call__(self, x, pos=None):
        return fmt.localize(super().__call__(x, pos), "tr")

    def get_offset(self):
        return fmt.localize(super().get_offset(), "tr")


def localize(fig_or_ax, lang: str | None = None):
    """Write the tick labels of a figure (or one axes) in the reader's language.

    Turkish: decimal comma and dot for thousands (0,5; 1.500); English: unchanged. Only axes
    with matplotlib's default number ticks change (not log or date axes). Returns its argument.
    """
    if resolve(lang) == "en":
        return fig_or_ax
    axes = fig_or_ax.get_axes() if hasattr(fig_or_ax, "get_axes") else [fig_or_ax]
    for ax in axes:
        for axis in (ax.xaxis, ax.yaxis):
            if type(axis.get_major_formatter()) is ticker.ScalarFormatter:
                formatter = _DecimalCommaFormatter()
                formatter.set_useOffset(axis.get_major_formatter().get_useOffset())
                axis.set_major_formatter(formatter)
    return fig_or_ax


TILE_PAD = 2  # pixels of white between (and around) the images of a grid


def cell_origin(i: int, ncols: int, height: int, width: int, pad: int = TILE_PAD) -> tuple[int, int]:
    """(row, column) pixel of the top-left corner of image ``i`` in a :func:`tile` mosaic."""
    r, c = divmod(i, ncols)
    return pad + r * (height + pad), pad + c * (width + pad)


def tile(images: np.ndarray, ncols: int | None = None, pad: int = TILE_PAD) -> np.ndarray:
    """Arrange ``(n, 28, 28[, 1])`` images (float in [-1, 1] or uint8) into one 2-D mosaic in [0, 1]."""
    images = np.asarray(images)
    images = from_uint8(images) if images.dtype == np.uint8 else images.astype(np.float32)
    if images.ndim == 4:
        images = images[..., 0]
    if images.ndim != 3:
        raise ValueError(f"Expected images of shape (n, H, W) or (n, H, W, 1), got {images.shape}.")
    n, h, w = images.shape
    ncols = ncols or math.ceil(math.sqrt(n))
    nrows = math.ceil(n / ncols)
    mosaic = np.ones((nrows * (h + pad) + pad, ncols * (w + pad) + pad), np.float32)
    for i, img in enumerate((images + 1.0) / 2.0):
        top, left = cell_origin(i, ncols, h, w, pad)
        mosaic[top : top + h, left : left + w] = img
    return np.clip(mosaic, 0.0, 1.0)


def show_grid(images, ncols=None, title=None, ax=None, captions: Sequence[str] | None = None):
    """Show images in [-1, 1] as a grey grid; returns the matplotlib Axes."""
    if ax is None:
        n = len(images)
        cols = ncols or math.ceil(math.sqrt(n))
        rows = math.ceil(n / cols)
        _, ax = plt.subplots(figsize=(min(1.0 * cols, 10), min(1.0 * rows + 0.4, 10)))
    ax.imshow(tile(images, ncols), cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    if captions is not None:
        cols = ncols or math.ceil(math.sqrt(len(images)))
        height, width = np.asarray(images).shape[1:3]
        for i, text in enumerate(captions):
            top, left = cell_origin(i, cols, height, width)
            ax.text(  # in the image's bottom-left corner
                left,
                top + height - 1,
                str(text),
                color="white",
                fontsize=8,
                va="bottom",
                bbox=dict(facecolor="black", alpha=0.6, pad=1, lw=0),
            )
    return ax


#: ``save_grid``'s resolution, and its largest figure side: at 80 dots per inch a digit keeps
#: its 28 pixels up to 50 columns or rows (``python -m ganlib sample --n`` stops there).
GRID_DPI, MAX_GRID_INCHES = 80, 21.0


def save_grid(images, path, title=None, ncols=None) -> None:
    """Write a grey grid of images to a PNG file; the figure grows with the grid (up to
    ``MAX_GRID_INCHES`` a side) so that every digit keeps its own pixels."""
    n = len(images)
    cols = ncols or math.ceil(math.sqrt(n))
    rows = math.ceil(n / cols)
    cell = (28 + TILE_PAD) / GRID_DPI / 0.92  # (the margins take 8 %)

    def side(count: int) -> float:
        return min(max(4.0, count * cell), MAX_GRID_INCHES)

    fig, ax = plt.subplots(figsize=(side(cols), side(rows) + 0.3))
    fig.subplots_adjust(left=0.02, right=0.98, bottom=0.02, top=0.94)  # the grid fills the figure
    show_grid(images, ncols=ncols, title=title, ax=ax)
    fig.savefig(path, dpi=GRID_DPI, bbox_inches="tight")
    plt.close(fig)


# One colour per network in every figure (chapter 00 promises it): the counterfeiter orange,
# the police blue.
GENERATOR_COLOR = "tab:orange"
DISCRIMINATOR_COLOR = "tab:blue"
LOSS_COLORS = {"g_loss": GENERATOR_COLOR, "d_loss": DISCRIMINATOR_COLOR}


def plot_losses(
    history: Mapping[str, Sequence[float]],
    ax=None,
    labels: Mapping[str, str] | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    title: str | None = None,
    alpha: float = 1.0,
    lang: str | None = None,
):
    """Plot ``d_loss`` and ``g_loss`` (from fit's History.history or load_history); tick
    labels and the default labels ("epoch", "loss", the networks' names) in the reader's
    language (``lang``)."""
    table = words(lang)
    if hasattr(history, "history"):
        history = history.history
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.5))
    labels = labels or {"d_loss": table["discriminator"], "g_loss": table["generator"]}
    xlabel = table["epoch"] if xlabel is None else xlabel
    ylabel = table["loss"] if ylabel is None else ylabel
    for key in ("g_loss", "d_loss"):  # the discriminator on top: it is the calmer curve
        if key in history:
            values = list(history[key])
            ax.plot(
                range(1, len(values) + 1),
                values,
                alpha=alpha,
                marker="o" if len(values) < 30 else None,
                color=LOSS_COLORS[key],
                label=labels.get(key, key),
            )
    ax.xaxis.set_major_locator(ticker.MaxNLocator(integer=True))  # epochs are whole
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    ax.legend()
    ax.grid(alpha=0.3)
    localize(ax, lang)
    return ax


def animate_grids(
    grids: Mapping[int, np.ndarray],
    title: str | None = None,
    interval: int = 400,
    lang: str | None = None,
    alt: str | None = None,
):
    """An HTML animation of the fixed-noise grids, one frame per epoch.

    Returns an ``IPython.display.HTML`` object (a notebook shows it, and so does the
    built book) made with matplotlib's ``to_jshtml``. The player's controls, the default
    title (``"epoch {epoch}"`` / ``"dönem {epoch}"``) and the frames' alt text for screen
    readers (``alt``, by default a description of what the frames show) are in the language set.
    """
    from IPython.display import HTML

    table = words(lang)
    title = table["epoch_title"] if title is None else title

    if not grids:
        raise ValueError("No grids to animate: train at least one epoch with a SampleGrid callback.")
    epochs = sorted(grids)
    fig, ax = plt.subplots(figsize=(3.6, 3.8))
    image = ax.imshow(tile(grids[epochs[0]]), cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    ax.set_axis_off()
    heading = ax.set_title(title.format(epoch=epochs[0]))

    def frame(i):
        image.set_data(tile(grids[epochs[i]]))
        heading.set_text(title.format(epoch=epochs[i]))
        return image, heading

    anim = animation.FuncAnimation(fig, frame, frames=len(epochs), interval=interval)
    html = anim.to_jshtml(default_mode="once")
    plt.close(fig)
    if alt is None:
        with using(lang):
            alt = gettext(
                "An animation of the generator's samples from the same fixed noise, one frame per "
                "epoch (epochs {first}–{last})."
            ).format(first=fmt.number(epochs[0]), last=fmt.number(epochs[-1]))
    html = html.replace('<img id="_anim_img', f'<img alt="{escape(alt)}" id="_anim_img')
    for english, translated in table["player"].items():
        for attribute in ("title", "aria-label"):
            html = html.replace(f'{attribute}="{english}"', f'{attribute}="{translated}"')
        html = html.replace(f">{english}</label>", f">{translated}</label>")
    return HTML(_without_remote_icons(html))


# to_jshtml draws its buttons with Font Awesome 4 icons loaded from a CDN; the book reads
# offline, so the buttons get plain characters instead and the stylesheet link goes.
PLAYER_ICONS = {
    "fa fa-minus": "−",
    "fa fa-fast-backward": "|◀◀",
    "fa fa-step-backward": "|◀",
    "fa fa-play fa-flip-horizontal": "◀",
    "fa fa-pause": "❚❚",
    "fa fa-play": "▶",
    "fa fa-step-forward": "▶|",
    "fa fa-fast-forward": "▶▶|",
    "fa fa-plus": "+",
}


def _without_remote_icons(html: str) -> str:
    import re

    html = re.sub(r'<link rel="stylesheet"\s+href="https?://[^"]*font-awesome[^"]*">', "", html)
    for classes, text in PLAYER_ICONS.items():
        html = html.replace(f'<i class="{classes}"></i>', f'<span aria-hidden="true">{text}</span>')
    return html


def plot_toy_run(run, labels: Mapping[str, str] | None = None, max_panels: int = 6, lang: str | None = None):
    """One panel per snapshot of a ``ganlib.toy.train_toy`` run: histograms of real and
    fake numbers, and the discriminator's belief D(x) (right axis, 0..1); tick labels,
    step numbers and the default ``labels`` in the reader's language (``lang``)."""
    labels = {**words(lang)["toy"], **(labels or {})}
    picks = np.unique(np.linspace(0, len(run.steps) - 1, min(max_panels, len(run.steps))).astype(int))
    fig, axes = plt.subplots(1, len(picks), figsize=(3.0 * len(picks), 2.8), sharey=True)
    axes = np.atleast_1d(axes)
    bins = np.linspace(run.xs[0], run.xs[-1], 61)
    for ax, i in zip(axes, picks):
        ax.hist(run.real, bins=bins, density=True, color="0.75", label=labels["real"])
        ax.hist(run.fakes[i], bins=bins, density=True, color=GENERATOR_COLOR, alpha=0.6, label=labels["fake"])
        twin = ax.twinx()
        twin.plot(run.xs, run.beliefs[i], color=DISCRIMINATOR_COLOR, label=labels["belief"])
        twin.axhline(0.5, color=DISCRIMINATOR_COLOR, lw=0.6, ls=":")
        twin.set_ylim(0, 1)
        if i != picks[-1]:
            twin.set_yticklabels([])
        else:
            twin.set_ylabel(labels["belief"])
        ax.set_title(labels["step"].format(step=fmt.number(run.steps[i], lang=lang)))
        ax.set_xlabel(labels["x"])
    axes[0].set_ylabel(labels["density"])
    handles = axes[0].get_legend_handles_labels()[0] + twin.get_legend_handles_labels()[0]
    fig.legend(handles, [h.get_label() for h in handles], loc="lower center", ncol=3, frameon=False)
    fig.tight_layout(rect=(0, 0.1, 1, 1))
    return localize(fig, lang)
