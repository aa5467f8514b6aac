import re

import matplotlib
import numpy as np
import pytest

from ganlib import plotting

matplotlib.use("Agg")


def test_tile_arranges_images_in_a_grid():
    images = np.stack([np.full((28, 28, 1), v, np.float32) for v in (-1, 1, 0)])
    mosaic = plotting.tile(images, ncols=2, pad=2)
    assert mosaic.shape == (2 * 30 + 2, 2 * 30 + 2)
    assert mosaic[2:30, 2:30].max() == 0.0 and mosaic[2:30, 32:60].min() == 1.0
    assert np.allclose(mosaic[32:60, 2:30], 0.5)
    assert np.allclose(
        plotting.tile(np.zeros((1, 28, 28), np.uint8)), np.pad(np.zeros((28, 28)), 2, constant_values=1)
    )


def test_grids_curves_and_animation(tmp_path):
    images = np.random.default_rng(0).uniform(-1, 1, (4, 28, 28, 1)).astype(np.float32)
    ax = plotting.show_grid(images, title="t", captions=["a", "b", "c", "d"])
    assert ax.get_title() == "t" and len(ax.texts) == 4
    plotting.save_grid(images, tmp_path / "g.png")
    assert (tmp_path / "g.png").stat().st_size > 1000
    ax = plotting.plot_losses(
        {"d_loss": [0.7, 0.6], "g_loss": [0.8, 0.9]}, labels={"d_loss": "D", "g_loss": "G"}
    )
    assert {line.get_label() for line in ax.get_lines()} == {"D", "G"}
    html = plotting.animate_grids({1: images, 2: -images}, title="dönem {epoch}").data
    # one PNG frame per grid, each drawing its own grid (the title is drawn inside the frames)
    frames = re.findall(r"data:image/png;base64,([^\"]+)", html)
    assert len(frames) == 2 and frames[0] != frames[1]
    one = plotting.animate_grids({1: images}, title="dönem {epoch}").data
    assert re.findall(r"data:image/png;base64,([^\"]+)", one) == frames[:1]


def test_epochs_are_ticked_as_whole_numbers():
    """Three epochs: matplotlib alone would tick 1.25, 1.5, …; an epoch is whole."""
    ax = plotting.plot_losses({"d_loss": [0.7, 0.6, 0.65], "g_loss": [0.8, 0.9, 0.85]})
    ax.figure.canvas.draw()
    ticks = [t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]
    assert ticks and all(float(t).is_integer() for t in ticks), ticks


def test_each_network_keeps_its_colour_whatever_the_order():
    """Chapter 00 promises the generator orange and the discriminator blue in every figure."""
    for history in ({"d_loss": [0.7, 0.6], "g_loss": [0.8, 0.9]}, {"g_loss": [0.8], "d_loss": [0.7]}):
        ax = plotting.plot_losses(history, labels={"d_loss": "D", "g_loss": "G"})
        colours = {line.get_label(): matplotlib.colors.to_hex(line.get_color()) for line in ax.get_lines()}
        assert colours == {
            "G": matplotlib.colors.to_hex(plotting.GENERATOR_COLOR),
            "D": matplotlib.colors.to_hex(plotting.DISCRIMINATOR_COLOR),
        }
    assert plotting.GENERATOR_COLOR != plotting.DISCRIMINATOR_COLOR


def test_animation_controls_speak_the_readers_language():
    images = np.zeros((4, 28, 28, 1), np.float32)
    english = plotting.animate_grids({1: images, 2: images}).data
    turkish = plotting.animate_grids({1: images, 2: images}, lang="tr").data
    assert 'title="Play"' in english and 'title="Pause"' in english
    for word in ("Play", "Pause", "First frame", "Last frame", "Repetition mode"):
        assert f'title="{word}"' not in turkish, word
    assert 'title="Oynat"' in turkish and 'title="Duraklat"' in turkish and ">Döngü</label>" in turkish
    assert 'aria-label="Play"' not in turkish and 'aria-label="Oynat"' in turkish


def test_animation_loads_nothing_from_other_hosts():
    images = np.zeros((4, 28, 28, 1), np.float32)
    html = plotting.animate_grids({1: images, 2: images}).data
    assert "http://" not in html and "https://" not in html
    assert 'class="fa ' not in html and "▶" in html


def test_turkish_tick_labels_use_a_decimal_comma():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot([0, 1500], [0.0, 0.5])
    plotting.localize(fig, "tr")
    fig.canvas.draw()
    xs = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    ys = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert not any("," in x for x in xs), xs
    assert any("," in y for y in ys) and not any("." in y for y in ys), ys
    fig, ax = plt.subplots()
    ax.plot([0, 1500], [0.0, 0.5])
    plotting.localize(ax, "en")
    fig.canvas.draw()
    assert any("." in t.get_text() for t in ax.get_yticklabels())
    with pytest.raises(ValueError, match="lang"):
        plotting.localize(fig, "de")


def test_captions_sit_in_their_images_bottom_left_corner():
    images = -np.ones((5, 28, 28, 1), np.float32)  # black digits on the white padding
    ax = plotting.show_grid(images, ncols=3, captions=list("abcde"))
    mosaic = ax.get_images()[0].get_array()
    for i, text in enumerate(ax.texts):
        x, y = text.get_position()
        assert mosaic[int(y), int(x)] == 0.0  # inside image i, not on the padding
        top, left = plotting.cell_origin(i, 3, 28, 28)
        assert (int(y) - top, int(x) - left) == (27, 0)


def test_the_animation_describes_its_frames_in_the_language_set():
    import re

    import ganlib

    grids = {epoch: np.zeros((4, 28, 28, 1), "uint8") for epoch in (1, 2, 3)}
    ganlib.set_language("tr")
    html = plotting.animate_grids(grids).data
    assert re.findall(r'<img alt="([^"]+)" id="_anim_img', html) == [
        "Üreticinin aynı sabit gürültüden çizdiği örneklerin animasyonu, "
        "her dönem için bir kare (1–3. dönemler)."
    ]
    html = plotting.animate_grids(grids, alt="Sixteen digits, epoch by epoch", lang="en").data
    assert '<img alt="Sixteen digits, epoch by epoch" id="_anim_img' in html
