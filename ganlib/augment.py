"""Differentiable augmentation for a discriminator that trains on few images (chapter 08).

With 8,000 training digits a discriminator can learn the real images by heart instead of learning
what a digit looks like. Zhao et al. (2020, "Differentiable Augmentation for Data-Efficient GAN
Training") apply the same random transformations to real and fake images *before the
discriminator, in both phases*: the discriminator never sees an image twice the same way, and
because the transformations are differentiable the generator still gets its gradient through
them. Augmenting only the real images would instead teach the generator to draw shifted and
cut-out digits.

Two of the paper's transformations, as its reference code does them, on images in [-1, 1]:

- ``translation``: shift each image by up to 1/8 of its size (4 pixels of 28) in each direction,
  filling with the background (−1);
- ``cutout``: blank a square of half the image's size (14×14) at a random place, to the
  background.

Both fill with the background, −1 (black for MNIST), where the reference code fills with 0
(mid-grey in [-1, 1]): the same change for real and fake images either way, and a shifted or
cut-out MNIST digit still looks like one.
"""

from __future__ import annotations

POLICIES = ("translation", "cutout")
BACKGROUND = -1.0


def check_policy(policy, name: str = "augment") -> tuple[str, ...]:
    """``None``/``""`` (no augmentation) or names from :data:`POLICIES`, as a comma-separated
    string or a sequence, e.g. ``"translation,cutout"``; returns them as a tuple. ``name`` is what
    the message calls the argument (``"--augment"`` on the command line)."""
    if policy is None or (isinstance(policy, (str, list, tuple)) and not policy):
        return ()
    names = policy.split(",") if isinstance(policy, str) else policy
    if isinstance(names, (list, tuple)) and all(isinstance(n, str) for n in names):
        names = tuple(n.strip() for n in names)
        if names and all(n in POLICIES for n in names) and len(set(names)) == len(names):
            return names
    raise ValueError(
        f"{name} takes {', '.join(POLICIES)} or both, comma-separated (e.g. 'translation,cutout'), "
        f"got {policy!r}; leave it out for no augmentation."
    )


def translate(images, seed, ratio: float = 0.125):
    """Shift every image by its own random whole number of pixels, up to ``ratio`` of its size
    in each direction; what moves in is background."""
    import keras
    import tensorflow as tf
    from keras import ops

    batch, height, width = ops.shape(images)[0], images.shape[1], images.shape[2]
    sh, sw = int(height * ratio + 0.5), int(width * ratio + 0.5)
    dy = keras.random.randint((batch, 1), -sh, sh + 1, seed=seed)
    dx = keras.random.randint((batch, 1), -sw, sw + 1, seed=seed)
    padded = ops.pad(images, [[0, 0], [sh, sh], [sw, sw], [0, 0]], constant_values=BACKGROUND)
    rows = ops.arange(height)[None, :] + sh - dy  # output row i reads padded row i + sh − dy
    cols = ops.arange(width)[None, :] + sw - dx
    shifted = tf.gather(padded, rows, axis=1, batch_dims=1)
    return tf.gather(shifted, cols, axis=2, batch_dims=1)


def cutout(images, seed, ratio: float = 0.5):
    """Set a square of ``ratio`` of the image's size, centred at a random pixel, to background
    (clipped at the edges, as in the reference code)."""
    import keras
    from keras import ops

    batch, height, width = ops.shape(images)[0], images.shape[1], images.shape[2]
    sh, sw = int(height * ratio + 0.5), int(width * ratio + 0.5)
    cy = keras.random.randint((batch, 1, 1), 0, height + (1 - sh % 2), seed=seed) - sh // 2
    cx = keras.random.randint((batch, 1, 1), 0, width + (1 - sw % 2), seed=seed) - sw // 2
    ys, xs = ops.arange(height)[None, :, None], ops.arange(width)[None, None, :]
    inside = (ys >= cy) & (ys < cy + sh) & (xs >= cx) & (xs < cx + sw)
    mask = ops.cast(inside, images.dtype)[..., None]
    return images * (1.0 - mask) + BACKGROUND * mask


TRANSFORMS = {"translation": translate, "cutout": cutout}


def augment(images, policy: tuple[str, ...], seed):
    """``images`` through each transformation of ``policy`` in turn, with random draws from the
    ``keras.random.SeedGenerator`` ``seed``."""
    for name in policy:
        images = TRANSFORMS[name](images, seed)
    return images
