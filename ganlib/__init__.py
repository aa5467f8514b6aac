"""ganlib: the small, tested library behind the course "Generative Adversarial Networks".

Modules: ``data`` (MNIST offline), ``models`` (the post's DCGAN-style model), ``labels`` (real/fake
targets), ``training`` (the alternating loop as a Keras model), ``sampling`` (noise and
generation), ``plotting`` (grids, curves, animations), ``config`` (run sizes per mode).
"""

from ganlib.config import quiet_tensorflow

__version__ = "0.1.0"

# Import TensorFlow once, quietly, before any module of ours needs it.
quiet_tensorflow()
